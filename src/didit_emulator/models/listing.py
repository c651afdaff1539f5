"""Listing sessions: the filters of `GET /v3/sessions/` and its two paging schemes.

Didit's published OpenAPI pages with `limit` / `offset`, newest first, and filters by kind,
status list, workflow list, dates, country and free text; 004 pages with `page` / `page_size`.
The emulator serves both: `page` / `page_size` when either is sent, `limit` / `offset`
otherwise. The rows come from a per-application index kept in creation order, so a page costs
the rows it skips and shows, never a sort, and one application's sessions never slow another's.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from ..exceptions import NotFound
from ..spec_values import SessionKind

if TYPE_CHECKING:
    from .sessions import Session

__all__ = ["ListPage", "SessionQuery", "page_of"]

_ALL_KINDS = "all"
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

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> SessionQuery:
        kind = str(params["session_kind"])  # the spec's default fills it in
        kinds = frozenset(SessionKind) if kind == _ALL_KINDS else frozenset({SessionKind(kind)})
        workflows = _csv(params.get("workflow_id"))
        if workflows is not None:
            # Malformed ids are ignored; none valid matches nothing (Didit's published OpenAPI).
            workflows = {w for w in workflows if _is_uuid(w)}
        return cls(
            kinds=kinds,
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


def _newest_first(sessions: dict[str, Session]) -> Iterator[Session]:
    return reversed(sessions.values())  # dict views are reversible


def page_of(
    index: dict[str, Session],
    query: SessionQuery,
    params: Mapping[str, Any],
    default_page_size: int,
    now: float,
) -> ListPage:
    """The page the request asks for, from one application's sessions in creation order."""
    by_kind: dict[SessionKind, list[Session]] = {kind: [] for kind in query.kinds}
    for session in _newest_first(index):
        if session.kind not in by_kind:
            continue
        session.expire_if_due(now)
        if query.matches(session):
            by_kind[session.kind].append(session)
    if "page" in params or "page_size" in params:
        rows = [s for kind in _KIND_ORDER if kind in by_kind for s in by_kind[kind]]
        return _numbered_page(rows, int(params.get("page") or 1), params, default_page_size)
    limit, offset = int(params["limit"]), int(params["offset"])
    # With several kinds, each contributes the same window; the links follow the first kind.
    lead = next(kind for kind in _KIND_ORDER if kind in by_kind)
    results = [s for kind in _KIND_ORDER if kind in by_kind for s in by_kind[kind][offset:][:limit]]
    lead_total = len(by_kind[lead])
    return ListPage(
        count=sum(len(rows) for rows in by_kind.values()),
        results=results,
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
    rows: list[Session], page: int, params: Mapping[str, Any], default_page_size: int
) -> ListPage:
    """004's scheme: a page past the last is 404, page 1 of nothing an empty page."""
    size = int(params.get("page_size") or default_page_size)
    pages = max(1, -(-len(rows) // size))
    if page > pages:
        raise NotFound("Invalid page.")
    kept = {"page_size": str(params["page_size"])} if "page_size" in params else {}
    return ListPage(
        count=len(rows),
        results=rows[(page - 1) * size : page * size],
        next_query={**kept, "page": str(page + 1)} if page < pages else None,
        previous_query={**kept, "page": str(page - 1)} if page > 1 else None,
    )
