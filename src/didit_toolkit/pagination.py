"""Iterate every session matching the filters, across pages, sync and async.

`GET /v3/sessions/` answers one page: `count`, absolute `next` / `previous` URLs (null at the
ends) and `results`. Sources disagree on how pages are addressed — the live service pages by
`limit` / `offset` and ignores `page`, older documents page by `page` / `page_size` — so these
generators never build a page address themselves: the first request carries the caller's filters
(the generated `list_sessions` query parameters, whatever the spec names them), and every later
request is a GET of the `next` URL exactly as the server wrote it, until `next` is null.

Each request goes through the caller's client, so its retries, timeouts and authentication apply,
and each page is decoded like the generated `list_sessions` does (`SessionPage`, or the typed
error through `unwrap`).

A server that misbehaves must not make the iterator loop forever or yield one session twice, so
these rules hold (a `PaginationError` is raised before the offending request is sent, or before
anything of the offending page is yielded):

- `next` null or empty (`""`, which a join would turn into the page itself) ends the iteration.
- A `next` on another origin (scheme, host and port other than the client's base URL) is refused:
  the API key must never go anywhere else. So is one that is not a URL.
- A `next` naming a page already fetched is refused. Two URLs name the same page when they differ
  only in the order of their query parameters, the case of the scheme and host, an explicit
  default port, or a fragment.
- A session already yielded is not yielded again (a session created while iterating shifts the
  `limit` / `offset` windows by one, so the next page repeats the last of the previous one). The
  `next` of a non-empty page that brought no session not yielded before is refused: the server
  is serving the same rows again (e.g. it ignores `page` but advances it in `next`), whatever its
  links say. (A whole page of sessions created between two requests looks the same, and is
  refused too.)
- More distinct sessions than the page's `count` are refused: the links go on past the end.
- An empty page with a `next` ends the iteration when as many sessions as `count` have been
  yielded (a sloppy last link), and is refused otherwise: the server claims more sessions but
  serves none, and following it (an empty page whose `next` keeps changing) could go on forever.

Every distinct session id yielded is remembered until the iteration ends (about 100 bytes each).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import UUID

import httpx
from didit_client import AuthenticatedClient, Client
from didit_client.api.sessions import list_sessions
from didit_client.models import SessionPage, SessionSummary

from didit_toolkit.errors import unwrap

__all__ = ["PaginationError", "aiter_sessions", "iter_sessions"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


class PaginationError(RuntimeError):
    """The service's pages cannot be followed safely: a `next` link points to another origin, is
    not a URL, or repeats a page already fetched; a page repeats only sessions already yielded;
    the pages hold more sessions than their `count`; or a page is empty while fewer than `count`
    sessions have come. Each of these would send the key elsewhere, loop forever or yield a
    session twice. (Not a `DiditError`: no request failed; the pages are inconsistent.)"""


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)


def _page_identity(url: httpx.URL) -> tuple[tuple[str, str, int | None], str, tuple[Any, ...]]:
    """What makes two URLs the same page: origin, path and the query parameters in any order."""
    return _origin(url), url.path, tuple(sorted(url.params.multi_items()))


def _count(page: SessionPage) -> int:
    count: object = page.count  # the decoder does not check its type
    if isinstance(count, bool) or not isinstance(count, int):
        raise PaginationError("the page's count is not a number of sessions")
    return count


class _Pages:
    """The pages fetched and the sessions yielded so far, and the checks on each page and link."""

    def __init__(self, base_url: httpx.URL) -> None:
        self.base_url = base_url
        self.fetched: set[tuple[Any, ...]] = set()
        self.seen: set[UUID] = set()

    def record(self, response: httpx.Response) -> None:
        self.fetched.add(_page_identity(response.request.url))

    def fresh(self, page: SessionPage) -> list[SessionSummary]:
        """The page's sessions not yielded before, now remembered; refuses more distinct sessions
        than `count`."""
        fresh: list[SessionSummary] = []
        ids: set[UUID] = set()
        for session in page.results:
            if session.session_id not in self.seen and session.session_id not in ids:
                ids.add(session.session_id)
                fresh.append(session)
        count = _count(page)
        if len(self.seen) + len(ids) > count:
            raise PaginationError(f"the pages hold more than the {count} sessions their count says")
        self.seen |= ids
        return fresh

    def follow(
        self, page: SessionPage, current: httpx.URL, fresh: list[SessionSummary]
    ) -> httpx.URL | None:
        """The absolute URL of the next page (`fresh` are the sessions the page brought), or None
        after the last one."""
        link: object = page.next_
        if link is None or (isinstance(link, str) and not link.strip()):
            return None
        if not page.results:
            count = _count(page)
            if len(self.seen) >= count:
                return None  # every session the count promised has come: a sloppy last link
            raise PaginationError(
                f"an empty page links to another while {len(self.seen)} of {count} sessions "
                "have come"
            )
        if not fresh:
            raise PaginationError("the page repeats only sessions already yielded")
        try:
            if not isinstance(link, str):  # the decoder does not check its type
                raise TypeError(link)
            target = current.join(link)
        except (httpx.InvalidURL, TypeError):
            raise PaginationError("the next page link is not a URL") from None
        if _origin(target) != _origin(self.base_url):
            # Only the origin is named, never the path or query (they may carry filters).
            raise PaginationError(
                f"the next page link points to {target.scheme}://{target.host}, not to the "
                f"client's {self.base_url.scheme}://{self.base_url.host}; refusing to send the "
                "credentials there"
            )
        if _page_identity(target) in self.fetched:
            raise PaginationError("the next page link repeats a page already fetched")
        return target


def _decode(client: AuthenticatedClient | Client, response: httpx.Response) -> SessionPage:
    # The generated operation's own decoding, so a page and a typed error read the same whether
    # the page was the first one or a followed link.
    return unwrap(list_sessions._build_response(client=client, response=response))


def iter_sessions(client: AuthenticatedClient | Client, **filters: Any) -> Iterator[SessionSummary]:
    """Every session matching `filters`, first page to last.

    `filters` are the keyword arguments of the generated `list_sessions.sync_detailed` (for
    example `vendor_data`, `status`, `page_size`); they go on the first request only, and the
    server carries them into its `next` links. Lazy: a page is fetched when the previous one has
    been consumed. A session is yielded once even when two pages hold it; `PaginationError` when
    the pages cannot be followed safely (see the module docstring).
    """
    http = client.get_httpx_client()
    pages = _Pages(http.base_url)
    response = http.request(**list_sessions._get_kwargs(**filters))
    while True:
        pages.record(response)
        page = _decode(client, response)
        fresh = pages.fresh(page)
        yield from fresh
        target = pages.follow(page, response.request.url, fresh)
        if target is None:
            return
        response = http.get(target)


async def aiter_sessions(
    client: AuthenticatedClient | Client, **filters: Any
) -> AsyncIterator[SessionSummary]:
    """The async twin of `iter_sessions`."""
    http = client.get_async_httpx_client()
    pages = _Pages(http.base_url)
    response = await http.request(**list_sessions._get_kwargs(**filters))
    while True:
        pages.record(response)
        page = _decode(client, response)
        fresh = pages.fresh(page)
        for session in fresh:
            yield session
        target = pages.follow(page, response.request.url, fresh)
        if target is None:
            return
        response = await http.get(target)
