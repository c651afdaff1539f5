"""Listing sessions: the filters of `GET /v3/sessions/` and its two paging schemes.

Didit's published OpenAPI pages with `limit` / `offset`, newest first, and filters by kind,
status list, workflow list, dates, country and free text; 004 pages with `page` / `page_size`.
The emulator serves both: `page` / `page_size` when either is sent, `limit` / `offset`
otherwise.

The rows come from each application's `SessionIndex`, kept on every write: its sessions in
creation order, per kind and per `vendor_data`. A list filtered by kind only (the common case)
costs the rows it shows, whatever the number of sessions: the count is a length, the page a
slice, no sort. Sessions whose time has come are expired by the backend before it lists
(`BackendState._expire_due`, each once, from an agenda ordered by expiry). A `vendor_data`
filter looks at that value's sessions only; other filters look at the application's sessions
of the kinds asked. One application's sessions never slow another's.
Each index also keeps the last kind-only page it rendered, sent again while nothing that could
change it has happened (`rendered_page`): a dashboard polling the same page costs a few checks.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from didit_client.models import SessionKindFilter

from ..exceptions import NotFound
from ..spec_values import LIST_FILTERS, SessionKind

if TYPE_CHECKING:
    from .sessions import Session

__all__ = ["ListPage", "RowChanges", "SessionIndex", "SessionQuery", "page_of", "rendered_page"]

_ALL_KINDS = SessionKindFilter.ALL
# With every kind, user rows come first (Didit's published OpenAPI).
_KIND_ORDER = (SessionKind.USER, SessionKind.BUSINESS)
if set(_KIND_ORDER) != set(SessionKind):
    raise RuntimeError("openapi.yaml has a session kind the list does not order")


def _fold(text: str) -> str:
    """Case- and accent-insensitive form of a text, for free-text search."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _csv(value: Any) -> set[str] | None:
    if value is None:
        return None
    return {part.strip() for part in str(value).split(",") if part.strip()}


@dataclass(frozen=True)
class SessionQuery:
    """The filters of one list request, already validated against the spec."""

    kinds: frozenset[SessionKind]
    vendor_data: str | None
    statuses: set[str] | None
    workflow_ids: set[str] | None
    date_from: date | None
    date_to: date | None
    countries: set[str] | None
    search: str | None

    @functools.cached_property
    def by_kind_only(self) -> bool:
        """No filter but the kind: every session of those kinds is a row."""
        return (
            self.vendor_data is None
            and self.statuses is None
            and self.workflow_ids is None
            and self.date_from is None
            and self.date_to is None
            and self.countries is None
            and self.search is None
        )

    @functools.cached_property
    def ordered_kinds(self) -> tuple[SessionKind, ...]:
        """The kinds asked for, in the order their rows are listed."""
        return tuple(kind for kind in _KIND_ORDER if kind in self.kinds)

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> SessionQuery:
        kind = str(params["session_kind"])  # the spec's default fills it in
        if all(params.get(name) is None for name in LIST_FILTERS):
            return _kind_only(kind)  # the common list: no filter but the kind
        workflows = _csv(params.get("workflow_id"))
        if workflows is not None:
            # Malformed ids are ignored; none valid matches nothing (Didit's published OpenAPI).
            workflows = {w for w in workflows if _is_uuid(w)}
        return cls(
            kinds=_kinds(kind),
            vendor_data=params.get("vendor_data"),
            statuses=_csv(params.get("status")),
            workflow_ids=workflows,
            date_from=_day(params.get("date_from")),
            date_to=_day(params.get("date_to")),
            countries=_csv(params.get("country")),
            search=params.get("search"),
        )

    def matches(self, session: Session) -> bool:
        created = datetime.fromtimestamp(session.created_at, UTC).date()
        identity = session.identity
        return (
            (self.vendor_data is None or session.vendor_data == self.vendor_data)
            and (self.statuses is None or session.status.value in self.statuses)
            and (self.workflow_ids is None or session.workflow_id in self.workflow_ids)
            and (self.date_from is None or created >= self.date_from)
            and (self.date_to is None or created <= self.date_to)
            and (
                self.countries is None
                or (identity is not None and identity.nationality in self.countries)
            )
            and (self.search is None or _found(session, self.search))
        )


@functools.cache
def _kind_only(kind: str) -> SessionQuery:
    """The query of a list filtered by kind only: one per `session_kind` value, made once."""
    return SessionQuery(_kinds(kind), None, None, None, None, None, None, None)


def _kinds(kind: str) -> frozenset[SessionKind]:
    """The kinds a `session_kind` value asks for."""
    return frozenset(SessionKind) if kind == _ALL_KINDS else frozenset({SessionKind(kind)})


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


def _found(session: Session, text: str) -> bool:
    """Free-text search as Didit's published OpenAPI describes it."""
    identity = session.identity
    needle = text.strip()
    if _is_uuid(needle):
        return session.id == str(uuid.UUID(needle))
    if needle and all(c.isdigit() or c in "+-. " for c in needle):
        digits = needle.replace(" ", "")
        numbers = [str(session.number), session.vendor_data or ""]
        if identity is not None:
            numbers += [identity.document_number, identity.phone or ""]
        return any(n.startswith(digits) for n in numbers)
    if "@" in needle:
        email = (identity.email if identity else None) or ""
        return email.casefold().startswith(needle.casefold())
    folded = _fold(needle)
    names = [session.vendor_data or ""]
    if identity is not None:
        names += [f"{identity.first_name} {identity.last_name}", identity.company_name]
    return any(folded in _fold(name) for name in names)


@dataclass(frozen=True)
class ListPage:
    """One page: the total, the rows, and the query parameters of the next and previous pages."""

    count: int
    results: list[Session]
    next_query: dict[str, str] | None
    previous_query: dict[str, str] | None


class SessionIndex:
    """One application's sessions in creation order: all of them, per kind and per
    `vendor_data` (neither changes after a session is stored). Appending is O(1); removing (a
    deleted session, rare) is linear in that application's sessions."""

    def __init__(self) -> None:
        self.by_id: dict[str, Session] = {}
        self.by_kind: dict[SessionKind, list[Session]] = {kind: [] for kind in SessionKind}
        self.by_vendor_data: dict[str, list[Session]] = {}
        self.version = 0  # bumped by every add and remove
        self.last_page: _RenderedPage | None = None  # see `rendered_page`

    def __len__(self) -> int:
        return len(self.by_id)

    def add(self, session: Session) -> None:
        self.version += 1
        self.last_page = None
        self.by_id[session.id] = session
        self.by_kind[session.kind].append(session)
        if session.vendor_data is not None:
            self.by_vendor_data.setdefault(session.vendor_data, []).append(session)

    def remove(self, session: Session) -> None:
        self.version += 1
        self.last_page = None  # nothing of a deleted session is kept
        del self.by_id[session.id]
        self.by_kind[session.kind].remove(session)
        if session.vendor_data is not None:
            same = self.by_vendor_data[session.vendor_data]
            same.remove(session)
            if not same:
                del self.by_vendor_data[session.vendor_data]

    def with_vendor_data(self, vendor_data: str) -> Sequence[Session]:
        """The sessions created with this `vendor_data`, oldest first."""
        return self.by_vendor_data.get(vendor_data, ())


class RowChanges:
    """A mark of the last change to any session's list row: `Session` calls `note` for every
    field it sets (the same changes that drop its rendered row). A page rendered at one mark is
    current while the mark, its index and the clock's side of its rows' expiry are unchanged.
    Each mark is new (`itertools.count`, atomic): backends in other threads that note changes at
    the same time can never bring an old mark back."""

    count: ClassVar[int] = 0
    _marks: ClassVar[Iterator[int]] = itertools.count(1)

    @classmethod
    def note(cls) -> None:
        cls.count = next(cls._marks)


@dataclass(frozen=True)
class _RenderedPage:
    key: tuple[Any, ...]
    version: int
    row_changes: int
    fresh_until: float  # the first expiry due among its rows
    page: ListPage = field(repr=False)
    rows: bytes = field(repr=False)  # rows carry session urls, and so session tokens


def rendered_page(
    index: SessionIndex,
    query: SessionQuery,
    params: Mapping[str, Any],
    default_page_size: int,
    now: float,
    render: Callable[[list[Session]], bytes],
) -> tuple[ListPage, bytes]:
    """`page_of`, with its rows rendered by `render`; for a list filtered by kind only (what a
    dashboard polls), the last page rendered is kept on the index and sent again while it is
    current (see `RowChanges`), so a repeated read costs neither the page nor its rows."""
    if not query.by_kind_only:
        page = page_of(index, query, params, default_page_size, now)
        return page, render(page.results)
    key = (
        query.ordered_kinds,
        params.get("page"),
        params.get("page_size"),
        params.get("limit"),
        params.get("offset"),
    )
    kept = index.last_page
    if (
        kept is not None
        and kept.key == key
        and kept.version == index.version
        and kept.row_changes == RowChanges.count
        and now < kept.fresh_until
    ):
        return kept.page, kept.rows
    page = page_of(index, query, params, default_page_size, now)
    rows = render(page.results)
    index.last_page = _RenderedPage(
        key,
        index.version,
        RowChanges.count,
        _next_expiry(page.results, now),
        page,
        rows,
    )
    return page, rows


_EXPIRES_AT = operator.attrgetter("expires_at")


def _next_expiry(rows: list[Session], now: float) -> float:
    """When the first of `rows` may expire, those already due having been expired: the earliest
    `expires_at` still ahead (one behind is a row that can no longer expire)."""
    earliest = min(map(_EXPIRES_AT, rows), default=math.inf)
    if earliest > now:
        return earliest
    return min((at for at in map(_EXPIRES_AT, rows) if at > now), default=math.inf)


def _newest_window(rows: Sequence[Session], offset: int, limit: int) -> list[Session]:
    """`rows[::-1][offset:offset + limit]` without reversing the whole list."""
    stop = len(rows) - offset
    return [] if stop <= 0 else list(reversed(rows[max(0, stop - limit) : stop]))


def _matching(candidates: Iterable[Session], query: SessionQuery, now: float) -> list[Session]:
    rows = []
    for session in candidates:
        if session.kind in query.kinds and query.matches(session):
            rows.append(session)
    return rows


def page_of(
    index: SessionIndex,
    query: SessionQuery,
    params: Mapping[str, Any],
    default_page_size: int,
    now: float,
) -> ListPage:
    """The page the request asks for, from one application's sessions (see the module)."""
    kinds = query.ordered_kinds
    by_kind: Mapping[SessionKind, Sequence[Session]]  # each oldest first
    if query.by_kind_only:
        by_kind = index.by_kind
    else:
        if query.vendor_data is not None:
            candidates: Iterable[Session] = index.with_vendor_data(query.vendor_data)
        else:
            candidates = index.by_id.values()
        rows = _matching(candidates, query, now)  # oldest first, as the candidates
        by_kind = {kind: [s for s in rows if s.kind is kind] for kind in kinds}
    if "page" in params or "page_size" in params:
        page = _numbered_page(
            by_kind, kinds, int(params.get("page") or 1), params, default_page_size
        )
    else:
        page = _offset_page(by_kind, kinds, int(params["limit"]), int(params["offset"]))
    return page


def _offset_page(
    by_kind: Mapping[SessionKind, Sequence[Session]],
    kinds: Sequence[SessionKind],
    limit: int,
    offset: int,
) -> ListPage:
    """Didit's scheme: with several kinds, each contributes the same window; the links follow
    the first kind."""
    lead_total = len(by_kind[kinds[0]])
    return ListPage(
        count=sum(len(by_kind[kind]) for kind in kinds),
        results=[s for kind in kinds for s in _newest_window(by_kind[kind], offset, limit)],
        next_query=(
            {"limit": str(limit), "offset": str(offset + limit)}
            if offset + limit < lead_total
            else None
        ),
        previous_query=(
            {"limit": str(limit), "offset": str(max(0, offset - limit))} if offset > 0 else None
        ),
    )


def _numbered_page(
    by_kind: Mapping[SessionKind, Sequence[Session]],
    kinds: Sequence[SessionKind],
    page: int,
    params: Mapping[str, Any],
    default_page_size: int,
) -> ListPage:
    """004's scheme, over the kinds' rows one after the other, each newest first: a page past
    the last is 404, page 1 of nothing an empty page."""
    size = int(params.get("page_size") or default_page_size)
    count = sum(len(by_kind[kind]) for kind in kinds)
    pages = max(1, -(-count // size))
    if page > pages:
        raise NotFound("Invalid page.")
    kept = {"page_size": str(params["page_size"])} if "page_size" in params else {}
    results: list[Session] = []
    skip = (page - 1) * size
    for kind in kinds:
        rows = by_kind[kind]
        results += _newest_window(rows, skip, size - len(results))
        skip = max(0, skip - len(rows))
        if len(results) == size:
            break
    return ListPage(
        count=count,
        results=results,
        next_query={**kept, "page": str(page + 1)} if page < pages else None,
        previous_query={**kept, "page": str(page - 1)} if page > 1 else None,
    )
