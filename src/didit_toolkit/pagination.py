"""Iterate every session matching the filters, across pages, sync and async.

`GET /v3/sessions/` answers one page: `count`, absolute `next` / `previous` URLs (null at the
ends) and `results`. Sources disagree on how pages are addressed — the live service pages by
`limit` / `offset` and ignores `page`, older documents page by `page` / `page_size` — so these
generators never build a page address themselves: the first request carries the caller's filters
(the generated `list_sessions` query parameters, whatever the spec names them), and every later
request is a GET of the `next` URL exactly as the server wrote it, until `next` is null.

Each request goes through the caller's client, so its retries, timeouts and authentication apply,
and each page is decoded like the generated `list_sessions` does (`SessionPage`, or the typed
error through `unwrap`). Two `next` links are refused with `PaginationError` before anything is
sent: one on another origin (scheme, host and port other than the client's base URL: the API key
must never go anywhere else), and one the iterator has already fetched (it would loop forever).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
from didit_client import AuthenticatedClient, Client
from didit_client.api.sessions import list_sessions
from didit_client.models import SessionPage, SessionSummary

from didit_toolkit.errors import unwrap

__all__ = ["PaginationError", "aiter_sessions", "iter_sessions"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


class PaginationError(RuntimeError):
    """The service's `next` link cannot be followed safely: it points to another origin, is not a
    URL, or repeats a page already fetched (following it would loop forever)."""


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port or _DEFAULT_PORTS.get(url.scheme)


class _Links:
    """The pages fetched so far, and the checks on the next link."""

    def __init__(self, base_url: httpx.URL) -> None:
        self.base_url = base_url
        self.fetched: set[str] = set()

    def record(self, response: httpx.Response) -> None:
        self.fetched.add(str(response.request.url))

    def follow(self, page: SessionPage, current: httpx.URL) -> httpx.URL | None:
        """The absolute URL of the next page, or None on the last one."""
        if page.next_ is None:
            return None
        try:
            target = current.join(page.next_)
        except (httpx.InvalidURL, TypeError):
            raise PaginationError("the next page link is not a URL") from None
        if _origin(target) != _origin(self.base_url):
            # Only the origin is named, never the path or query (they may carry filters).
            raise PaginationError(
                f"the next page link points to {target.scheme}://{target.host}, not to the "
                f"client's {self.base_url.scheme}://{self.base_url.host}; refusing to send the "
                "credentials there"
            )
        if str(target) in self.fetched:
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
    been consumed.
    """
    http = client.get_httpx_client()
    links = _Links(http.base_url)
    response = http.request(**list_sessions._get_kwargs(**filters))
    while True:
        links.record(response)
        page = _decode(client, response)
        yield from page.results
        target = links.follow(page, response.request.url)
        if target is None:
            return
        response = http.get(target)


async def aiter_sessions(
    client: AuthenticatedClient | Client, **filters: Any
) -> AsyncIterator[SessionSummary]:
    """The async twin of `iter_sessions`."""
    http = client.get_async_httpx_client()
    links = _Links(http.base_url)
    response = await http.request(**list_sessions._get_kwargs(**filters))
    while True:
        links.record(response)
        page = _decode(client, response)
        for session in page.results:
            yield session
        target = links.follow(page, response.request.url)
        if target is None:
            return
        response = await http.get(target)
