"""Iterate every session matching the filters, across pages, sync and async.

`GET /v3/sessions/` is page-numbered: each page carries `count`, the absolute `next` URL (null on
the last page) and `results`. The generated `list_sessions` fetches one page; these generators
follow `next` until it is null, so a caller writes one `for` loop. The next page number is read from
the `next` URL's `page` parameter (or is the current one plus one when the URL has none); the
caller's filters are re-sent on every page. Each page goes through `unwrap`, so an error surfaces
as the typed exception, and through the client's retry transport.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
from didit_client import AuthenticatedClient, Client
from didit_client.api.sessions import list_sessions
from didit_client.models import SessionPage, SessionStatus, SessionSummary
from didit_client.types import UNSET, Unset

from didit_sdk.errors import unwrap

__all__ = ["PaginationError", "aiter_sessions", "iter_sessions"]


class PaginationError(RuntimeError):
    """The service's `next` link does not move forward (it would loop forever)."""


def _next_page(page: SessionPage, current: int) -> int | None:
    if page.next_ is None:
        return None
    raw = httpx.URL(page.next_).params.get("page")
    if raw is None:
        return current + 1
    try:
        number = int(raw)
    except ValueError:
        raise PaginationError(f"next page link has a non-numeric page: {raw!r}") from None
    if number <= current:
        raise PaginationError(f"next page link goes from page {current} to page {number}")
    return number


def _filters(
    vendor_data: str | None, status: SessionStatus | None, page_size: int | None
) -> tuple[str | Unset, SessionStatus | Unset, int | Unset]:
    return (
        UNSET if vendor_data is None else vendor_data,
        UNSET if status is None else status,
        UNSET if page_size is None else page_size,
    )


def iter_sessions(
    client: AuthenticatedClient | Client,
    *,
    vendor_data: str | None = None,
    status: SessionStatus | None = None,
    page_size: int | None = None,
) -> Iterator[SessionSummary]:
    """Every session matching `vendor_data` / `status`, first page to last."""
    vendor, wanted, size = _filters(vendor_data, status, page_size)
    number: int | None = 1
    while number is not None:
        page = unwrap(
            list_sessions.sync_detailed(
                client=client, vendor_data=vendor, status=wanted, page=number, page_size=size
            )
        )
        yield from page.results
        number = _next_page(page, number)


async def aiter_sessions(
    client: AuthenticatedClient | Client,
    *,
    vendor_data: str | None = None,
    status: SessionStatus | None = None,
    page_size: int | None = None,
) -> AsyncIterator[SessionSummary]:
    """The async twin of `iter_sessions`."""
    vendor, wanted, size = _filters(vendor_data, status, page_size)
    number: int | None = 1
    while number is not None:
        page = unwrap(
            await list_sessions.asyncio_detailed(
                client=client, vendor_data=vendor, status=wanted, page=number, page_size=size
            )
        )
        for session in page.results:
            yield session
        number = _next_page(page, number)
