"""`iter_sessions` / `aiter_sessions`: every matching session exactly once, across pages.

A mock `GET /v3/sessions/` pages a fixed list the way the spec describes (absolute `next` /
`previous` URLs, null at the ends, 404 beyond the last page) and records each request's query, so
the tests check both what is yielded and that the filters go out with every page.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.models import SessionStatus

from didit_sdk import (
    NotFoundError,
    PaginationError,
    RateLimitedError,
    aiter_sessions,
    iter_sessions,
)

BASE = "https://verification.didit.me"


def session_ids(count: int) -> list[str]:
    return [str(uuid.UUID(int=i + 1)) for i in range(count)]


class Pager:
    """`GET /v3/sessions/` over `ids`, `page_size` per page; `next_link` can be overridden."""

    def __init__(self, ids: list[str], page_size: int, next_link: Any = None) -> None:
        self.ids = ids
        self.page_size = page_size
        self.next_link = next_link
        self.queries: list[dict[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        query = dict(request.url.params)
        self.queries.append(query)
        if len(self.queries) > 100:  # a wrong iterator fails here instead of looping forever
            raise AssertionError("runaway pagination")
        page = int(query.get("page", "1"))
        size = int(query.get("page_size", str(self.page_size)))
        start = (page - 1) * size
        if page > 1 and start >= len(self.ids):
            return httpx.Response(404, json={"detail": "Invalid page."})
        chunk = self.ids[start : start + size]
        has_next = start + size < len(self.ids)
        next_url = f"{BASE}/v3/sessions/?page={page + 1}&page_size={size}" if has_next else None
        if self.next_link is not None and has_next:
            next_url = self.next_link(page)
        body = {
            "count": len(self.ids),
            "next": next_url,
            "previous": f"{BASE}/v3/sessions/?page={page - 1}" if page > 1 else None,
            "results": [{"session_id": sid, "status": "Approved"} for sid in chunk],
        }
        return httpx.Response(200, json=body)


def client_for(handler: Any) -> AuthenticatedClient:
    client = AuthenticatedClient(base_url=BASE, token="k", prefix="", auth_header_name="x-api-key")
    transport = httpx.MockTransport(handler)
    client.set_httpx_client(httpx.Client(base_url=BASE, transport=transport))
    return client.set_async_httpx_client(httpx.AsyncClient(base_url=BASE, transport=transport))


@pytest.mark.parametrize(
    ("total", "page_size", "pages"),
    [
        pytest.param(0, 3, 1, id="empty"),
        pytest.param(1, 3, 1, id="one"),
        pytest.param(3, 3, 1, id="exactly-one-page"),
        pytest.param(7, 3, 3, id="partial-last-page"),
        pytest.param(9, 3, 3, id="full-last-page"),
        pytest.param(25, 1, 25, id="one-per-page"),
    ],
)
def test_iter_sessions_visits_every_session_exactly_once(
    total: int, page_size: int, pages: int
) -> None:
    ids = session_ids(total)
    pager = Pager(ids, page_size)
    seen = [str(s.session_id) for s in iter_sessions(client_for(pager), page_size=page_size)]
    assert seen == ids
    assert [q["page"] for q in pager.queries] == [str(n) for n in range(1, pages + 1)]


def test_iter_sessions_sends_the_filters_with_every_page() -> None:
    pager = Pager(session_ids(5), 2)
    list(
        iter_sessions(
            client_for(pager),
            vendor_data="user-42",
            status=SessionStatus.IN_REVIEW,
            page_size=2,
        )
    )
    assert len(pager.queries) == 3
    for query in pager.queries:
        assert query["vendor_data"] == "user-42"
        assert query["status"] == "In Review"
        assert query["page_size"] == "2"


def test_iter_sessions_omits_unset_filters() -> None:
    pager = Pager(session_ids(1), 20)
    list(iter_sessions(client_for(pager)))
    assert pager.queries == [{"page": "1"}]


def test_iter_sessions_follows_the_page_number_in_next() -> None:
    # A service whose `next` skips a page: the iterator follows the link, not its own count.
    pager = Pager(session_ids(9), 3, next_link=lambda page: f"{BASE}/v3/sessions/?page=3")
    seen = list(iter_sessions(client_for(pager), page_size=3))
    assert [q["page"] for q in pager.queries] == ["1", "3"]
    assert len(seen) == 6


def test_iter_sessions_increments_when_next_has_no_page_number() -> None:
    pager = Pager(session_ids(5), 2, next_link=lambda page: f"{BASE}/v3/sessions/?cursor=x")
    seen = list(iter_sessions(client_for(pager), page_size=2))
    assert [q["page"] for q in pager.queries] == ["1", "2", "3"]
    assert len(seen) == 5


@pytest.mark.parametrize(
    "link",
    [
        pytest.param(lambda page: f"{BASE}/v3/sessions/?page={page}", id="same-page"),
        pytest.param(lambda page: f"{BASE}/v3/sessions/?page=1", id="backwards"),
        pytest.param(lambda page: f"{BASE}/v3/sessions/?page=two", id="not-a-number"),
    ],
)
def test_iter_sessions_refuses_a_next_link_that_does_not_advance(link: Any) -> None:
    pager = Pager(session_ids(6), 2, next_link=link)
    sessions = iter_sessions(client_for(pager), page_size=2)
    with pytest.raises(PaginationError):
        list(sessions)
    assert len(pager.queries) <= 2


def test_iter_sessions_raises_the_typed_error_of_a_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] == "2":
            return httpx.Response(429, json={"detail": "slow"}, headers={"Retry-After": "5"})
        return Pager(session_ids(4), 2)(request)

    sessions = iter_sessions(client_for(handler), page_size=2)
    first_page = [next(sessions), next(sessions)]
    assert len(first_page) == 2
    with pytest.raises(RateLimitedError) as caught:
        next(sessions)
    assert caught.value.retry_after == 5.0


def test_iter_sessions_is_lazy() -> None:
    pager = Pager(session_ids(10), 2)
    sessions = iter_sessions(client_for(pager), page_size=2)
    assert pager.queries == []
    next(sessions)
    assert len(pager.queries) == 1


@pytest.mark.anyio
@pytest.mark.parametrize(("total", "page_size"), [(0, 2), (5, 2), (6, 3)])
async def test_aiter_sessions_visits_every_session_exactly_once(total: int, page_size: int) -> None:
    ids = session_ids(total)
    pager = Pager(ids, page_size)
    client = client_for(pager)
    seen = [
        str(s.session_id)
        async for s in aiter_sessions(client, vendor_data="v", page_size=page_size)
    ]
    assert seen == ids
    assert all(q["vendor_data"] == "v" for q in pager.queries)


@pytest.mark.anyio
async def test_aiter_sessions_raises_not_found() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"detail": "Invalid page."})

    with pytest.raises(NotFoundError):
        async for _ in aiter_sessions(client_for(handler)):
            pass
