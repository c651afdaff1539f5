"""`iter_sessions` / `aiter_sessions`: every matching session exactly once, whatever the paging.

Two fake `GET /v3/sessions/` servers page a fixed list: one as the live service does (`limit` /
`offset`, `page` ignored), one as the older documents say (`page` / `page_size`). Each writes its
own absolute `next` links, carrying the filters, and records every request, so the tests check
what is yielded, that the iterator follows the links verbatim, and when it refuses one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.models import SessionStatus

from didit_toolkit import (
    NotFoundError,
    PaginationError,
    RateLimitedError,
    RetryPolicy,
    UnexpectedStatusError,
    aiter_sessions,
    create_client,
    iter_sessions,
)

from ._fakes import FakeClock, Sleeps

BASE = "https://verification.didit.me"
API_KEY = "sk_test_pagination_key"
FILTERS = ("vendor_data", "status")


def session_ids(count: int) -> list[str]:
    return [str(uuid.UUID(int=i + 1)) for i in range(count)]


class Server:
    """`GET /v3/sessions/` over `ids`; `paging` says how a page is addressed, `size` is the
    largest page it serves. `next_link` may replace the server's own link (given the request URL
    and the link the server would write)."""

    def __init__(
        self,
        ids: list[str],
        paging: str,
        size: int,
        next_link: Callable[[httpx.URL, str], str | None] | None = None,
    ) -> None:
        self.ids = ids
        self.paging = paging
        self.size = size
        self.next_link = next_link
        self.requests: list[httpx.Request] = []

    @property
    def urls(self) -> list[str]:
        return [str(request.url) for request in self.requests]

    def window(self, params: httpx.QueryParams) -> tuple[int, int]:
        """(first index, page size); `size` is also the server's largest page."""
        if self.paging == "limit-offset":  # `page` / `page_size` are ignored, as live
            size = min(self.size, int(params.get("limit", str(self.size))))
            return int(params.get("offset", "0")), size
        size = min(self.size, int(params.get("page_size", str(self.size))))
        return (int(params.get("page", "1")) - 1) * size, size

    def link(self, params: httpx.QueryParams, start: int, size: int) -> str:
        kept = {name: params[name] for name in FILTERS if name in params}
        if self.paging == "limit-offset":
            kept.update(limit=str(size), offset=str(start))
        else:
            kept.update(page=str(start // size + 1), page_size=str(size))
        return f"{BASE}/v3/sessions/?{urlencode(kept)}"

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if len(self.requests) > 50:  # a wrong iterator fails here instead of looping forever
            raise AssertionError("runaway pagination")
        start, size = self.window(request.url.params)
        if start and start >= len(self.ids):
            return httpx.Response(404, json={"detail": "Invalid page."})
        following = start + size
        next_url: str | None = self.link(request.url.params, following, size)
        if following >= len(self.ids):
            next_url = None
        if self.next_link is not None and next_url is not None:
            next_url = self.next_link(request.url, next_url)
        body = {
            "count": len(self.ids),
            "next": next_url,
            "previous": self.link(request.url.params, max(0, start - size), size)
            if start
            else None,
            "results": [
                {"session_id": sid, "status": "In Review"} for sid in self.ids[start:following]
            ],
        }
        return httpx.Response(200, json=body)


def client_for(handler: Any) -> AuthenticatedClient:
    transport = httpx.MockTransport(handler)
    return create_client(
        API_KEY,
        base_url=BASE,
        transport=transport,
        async_transport=transport,
        retry=RetryPolicy(max_retries=0),
    )


PAGINGS = ["limit-offset", "page-number"]


@pytest.mark.parametrize("paging", PAGINGS)
@pytest.mark.parametrize("total", [0, 1, 3, 7, 9])
def test_iter_sessions_visits_every_session_exactly_once(paging: str, total: int) -> None:
    ids = session_ids(total)
    server = Server(ids, paging, size=3)
    seen = [str(s.session_id) for s in iter_sessions(client_for(server))]
    assert seen == ids
    assert len(server.requests) == max(1, -(-total // 3))


def test_iter_sessions_against_limit_offset_follows_next_verbatim() -> None:
    # The live service: `page` is ignored; re-sending `page=N` would read page 1 forever.
    server = Server(session_ids(7), "limit-offset", size=3)
    list(iter_sessions(client_for(server), vendor_data="user-42", page=1))
    assert server.urls[1:] == [
        f"{BASE}/v3/sessions/?vendor_data=user-42&limit=3&offset=3",
        f"{BASE}/v3/sessions/?vendor_data=user-42&limit=3&offset=6",
    ]


def test_iter_sessions_sends_the_filters_on_the_first_request() -> None:
    server = Server(session_ids(5), "page-number", size=2)
    client = client_for(server)
    list(iter_sessions(client, vendor_data="user-42", status=SessionStatus.IN_REVIEW, page_size=2))
    first = server.requests[0].url.params
    assert (first["vendor_data"], first["status"], first["page_size"]) == (
        "user-42",
        "In Review",
        "2",
    )
    assert len(server.requests) == 3
    assert all(request.url.params["vendor_data"] == "user-42" for request in server.requests)


def test_iter_sessions_rejects_an_unknown_filter() -> None:
    with pytest.raises(TypeError, match="colour"):
        list(iter_sessions(client_for(Server([], "page-number", 2)), colour="blue"))


def test_iter_sessions_sends_the_key_and_retries_on_followed_links(
    clock: FakeClock, sleeps: Sleeps
) -> None:
    server = Server(session_ids(4), "limit-offset", size=2)
    answered_429 = False

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal answered_429
        if request.url.params.get("offset") == "2" and not answered_429:
            answered_429 = True
            return httpx.Response(429, headers={"Retry-After": "2"}, json={"detail": "slow"})
        return server(request)

    transport = httpx.MockTransport(handler)
    policy = RetryPolicy(clock=clock, sleep=sleeps, random=lambda: 0.0)
    client = create_client(API_KEY, base_url=BASE, transport=transport, retry=policy)
    assert len(list(iter_sessions(client))) == 4
    assert sleeps.waits == [2.0]
    assert [request.headers["x-api-key"] for request in server.requests] == [API_KEY] * 2


def test_iter_sessions_resolves_a_relative_next_link() -> None:
    def relative(url: httpx.URL, link: str) -> str:
        return link.removeprefix(BASE)

    server = Server(session_ids(5), "limit-offset", size=2, next_link=relative)
    assert len(list(iter_sessions(client_for(server)))) == 5
    assert server.urls[-1] == f"{BASE}/v3/sessions/?limit=2&offset=4"


@pytest.mark.parametrize(
    "link",
    [
        pytest.param("https://evil.example/v3/sessions/?offset=2", id="other-host"),
        pytest.param("http://verification.didit.me/v3/sessions/?offset=2", id="http-downgrade"),
        pytest.param("https://verification.didit.me:8443/v3/sessions/?offset=2", id="other-port"),
        pytest.param("https://verification.didit.me.evil.example/v3/", id="suffix-host"),
        pytest.param("//evil.example/v3/sessions/", id="scheme-relative"),
        pytest.param("http://[broken", id="not-a-url"),
    ],
)
def test_iter_sessions_refuses_a_next_link_on_another_origin(link: str) -> None:
    server = Server(session_ids(6), "limit-offset", size=2, next_link=lambda url, own: link)
    sessions = iter_sessions(client_for(server))
    with pytest.raises(PaginationError) as caught:
        list(sessions)
    assert len(server.requests) == 1
    assert API_KEY not in str(caught.value)


def test_iter_sessions_follows_an_explicit_default_port() -> None:
    def with_port(url: httpx.URL, link: str) -> str:
        return link.replace(BASE, f"{BASE}:443")

    server = Server(session_ids(4), "limit-offset", size=2, next_link=with_port)
    assert len(list(iter_sessions(client_for(server)))) == 4


def test_iter_sessions_refuses_a_next_link_to_the_same_page() -> None:
    server = Server(session_ids(6), "page-number", size=2, next_link=lambda url, own: str(url))
    with pytest.raises(PaginationError, match="already fetched"):
        list(iter_sessions(client_for(server)))
    assert len(server.requests) == 1


def test_iter_sessions_refuses_a_next_link_back_to_the_first_request() -> None:
    first: list[str] = []

    def back_to_first(url: httpx.URL, own: str) -> str:
        first.append(str(url))
        return own if len(first) == 1 else first[0]

    server = Server(session_ids(6), "page-number", size=2, next_link=back_to_first)
    seen: list[str] = []
    with pytest.raises(PaginationError, match="already fetched"):
        seen.extend(str(s.session_id) for s in iter_sessions(client_for(server)))
    assert seen == session_ids(4)
    assert len(server.requests) == 2


def test_iter_sessions_refuses_a_cycle_between_pages() -> None:
    def cycle(url: httpx.URL, own: str) -> str:  # page 1 -> 2 -> 3 -> 2
        offset = {"0": 2, "2": 4, "4": 2}[url.params.get("offset", "0")]
        return f"{BASE}/v3/sessions/?limit=2&offset={offset}"

    server = Server(session_ids(8), "limit-offset", size=2, next_link=cycle)
    seen: list[str] = []
    with pytest.raises(PaginationError, match="already fetched"):
        seen.extend(str(s.session_id) for s in iter_sessions(client_for(server)))
    assert seen == session_ids(6)
    assert len(server.requests) == 3


def test_iter_sessions_raises_the_typed_error_of_a_page() -> None:
    server = Server(session_ids(4), "limit-offset", size=2)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params.get("offset") == "2":
            return httpx.Response(429, json={"detail": "slow"}, headers={"Retry-After": "500"})
        return server(request)

    sessions = iter_sessions(client_for(handler))
    assert [next(sessions), next(sessions)]
    with pytest.raises(RateLimitedError) as caught:
        next(sessions)
    assert caught.value.retry_after == 500.0


def test_iter_sessions_is_lazy() -> None:
    server = Server(session_ids(10), "limit-offset", size=2)
    sessions = iter_sessions(client_for(server))
    assert server.requests == []
    next(sessions)
    assert len(server.requests) == 1


@pytest.mark.anyio
@pytest.mark.parametrize("paging", PAGINGS)
@pytest.mark.parametrize("total", [0, 5, 6])
async def test_aiter_sessions_visits_every_session_exactly_once(paging: str, total: int) -> None:
    ids = session_ids(total)
    server = Server(ids, paging, size=3)
    client = client_for(server)
    seen = [str(s.session_id) async for s in aiter_sessions(client, vendor_data="v")]
    assert seen == ids
    assert all(request.url.params["vendor_data"] == "v" for request in server.requests)


@pytest.mark.anyio
async def test_aiter_sessions_refuses_a_next_link_on_another_origin() -> None:
    link = "https://evil.example/v3/sessions/?offset=2"
    server = Server(session_ids(6), "limit-offset", size=2, next_link=lambda url, own: link)
    with pytest.raises(PaginationError):
        async for _ in aiter_sessions(client_for(server)):
            pass
    assert len(server.requests) == 1


@pytest.mark.anyio
async def test_aiter_sessions_refuses_a_next_link_already_fetched() -> None:
    server = Server(session_ids(6), "limit-offset", size=2, next_link=lambda url, own: str(url))
    with pytest.raises(PaginationError, match="already fetched"):
        async for _ in aiter_sessions(client_for(server)):
            pass
    assert len(server.requests) == 1


@pytest.mark.anyio
async def test_aiter_sessions_raises_not_found() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"detail": "Invalid page."})

    with pytest.raises(NotFoundError):
        async for _ in aiter_sessions(client_for(handler)):
            pass


# --- servers that misbehave: the iterator ends or refuses, never loops, never repeats -------


def page(ids: list[int], count: int, next_url: str | None) -> dict[str, Any]:
    return {
        "count": count,
        "next": next_url,
        "previous": None,
        "results": [{"session_id": str(uuid.UUID(int=i)), "status": "In Review"} for i in ids],
    }


def offset_of(request: httpx.Request) -> int:
    return int(request.url.params.get("offset", "0"))


def _empty_pages_forever(request: httpx.Request) -> dict[str, Any]:
    return page([], 5, f"{BASE}/v3/sessions/?offset={offset_of(request) + 10}")


def _ignores_page(request: httpx.Request) -> dict[str, Any]:
    number = int(request.url.params.get("page", "1"))
    return page([1], 1, f"{BASE}/v3/sessions/?page={number + 1}")


def _repeats_a_page_with_new_links(request: httpx.Request) -> dict[str, Any]:
    offset = offset_of(request)
    ids = [1, 2] if offset % 4 == 0 else [3, 4]
    return page(ids, 100, f"{BASE}/v3/sessions/?offset={offset + 2}")


def _past_its_count(request: httpx.Request) -> dict[str, Any]:
    offset = offset_of(request)
    return page([offset + 1, offset + 2], 3, f"{BASE}/v3/sessions/?offset={offset + 2}")


def _reordered_query(request: httpx.Request) -> dict[str, Any]:
    if offset_of(request) == 0:
        return page([1], 3, f"{BASE}/v3/sessions/?offset=1&limit=1")
    return page([2], 3, f"{BASE}/v3/sessions/?limit=1&offset=1")


def _count_not_a_number(request: httpx.Request) -> dict[str, Any]:
    return {**page([1], 1, None), "count": "1"}


REFUSED = [
    pytest.param(_empty_pages_forever, [], "empty page", id="empty-pages-advancing-next"),
    pytest.param(_ignores_page, [1], "repeats only", id="server-ignores-page"),
    pytest.param(_repeats_a_page_with_new_links, [1, 2, 3, 4], "repeats only", id="cycle"),
    pytest.param(_past_its_count, [1, 2], "more than the 3", id="more-than-count"),
    pytest.param(_reordered_query, [1, 2], "already fetched", id="same-page-reordered-query"),
    pytest.param(_count_not_a_number, [], "count", id="count-not-a-number"),
]


class Answering:
    """`GET /v3/sessions/` answering 200 with `body(request)`; records the requests."""

    def __init__(self, body: Callable[[httpx.Request], dict[str, Any]]) -> None:
        self.body = body
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if len(self.requests) > 20:  # a wrong iterator fails here instead of looping forever
            raise AssertionError("runaway pagination")
        return httpx.Response(200, json=self.body(request))


async def collect_async(client: AuthenticatedClient, seen: list[int]) -> None:
    async for session in aiter_sessions(client):
        seen.append(session.session_id.int)


@pytest.mark.parametrize(("body", "yielded", "reason"), REFUSED)
def test_iter_sessions_refuses_pages_that_would_never_end(
    body: Callable[[httpx.Request], dict[str, Any]], yielded: list[int], reason: str
) -> None:
    seen: list[int] = []
    with pytest.raises(PaginationError, match=reason):
        seen.extend(s.session_id.int for s in iter_sessions(client_for(Answering(body))))
    assert seen == yielded


@pytest.mark.anyio
@pytest.mark.parametrize(("body", "yielded", "reason"), REFUSED)
async def test_aiter_sessions_refuses_pages_that_would_never_end(
    body: Callable[[httpx.Request], dict[str, Any]], yielded: list[int], reason: str
) -> None:
    seen: list[int] = []
    with pytest.raises(PaginationError, match=reason):
        await collect_async(client_for(Answering(body)), seen)
    assert seen == yielded


def _empty_next(request: httpx.Request) -> dict[str, Any]:
    return page([1, 2], 2, "")


def _blank_next(request: httpx.Request) -> dict[str, Any]:
    return page([1, 2], 2, " ")


def _empty_page_after_count(request: httpx.Request) -> dict[str, Any]:
    if offset_of(request) == 0:
        return page([1, 2], 2, f"{BASE}/v3/sessions/?offset=2")
    return page([], 2, f"{BASE}/v3/sessions/?offset=4")  # a sloppy link past the end


def _empty_first_page_with_next(request: httpx.Request) -> dict[str, Any]:
    return page([], 0, f"{BASE}/v3/sessions/?offset=50")


def _shifted_by_a_new_session(request: httpx.Request) -> dict[str, Any]:
    # Session 9 created after the first page: the second page repeats the first page's last.
    if offset_of(request) == 0:
        return page([5, 4], 5, f"{BASE}/v3/sessions/?offset=2")
    if offset_of(request) == 2:
        return page([4, 3], 6, f"{BASE}/v3/sessions/?offset=4")
    return page([2, 1], 6, None)


ENDED = [
    pytest.param(_empty_next, [1, 2], 1, id="next-empty-string"),
    pytest.param(_blank_next, [1, 2], 1, id="next-blank"),
    pytest.param(_empty_page_after_count, [1, 2], 2, id="empty-page-once-count-is-reached"),
    pytest.param(_empty_first_page_with_next, [], 1, id="nothing-to-list"),
    pytest.param(_shifted_by_a_new_session, [5, 4, 3, 2, 1], 3, id="overlap-yielded-once"),
]


@pytest.mark.parametrize(("body", "yielded", "requests"), ENDED)
def test_iter_sessions_ends_where_the_pages_end(
    body: Callable[[httpx.Request], dict[str, Any]], yielded: list[int], requests: int
) -> None:
    server = Answering(body)
    seen = [s.session_id.int for s in iter_sessions(client_for(server))]
    assert seen == yielded
    assert len(server.requests) == requests


@pytest.mark.anyio
@pytest.mark.parametrize(("body", "yielded", "requests"), ENDED)
async def test_aiter_sessions_ends_where_the_pages_end(
    body: Callable[[httpx.Request], dict[str, Any]], yielded: list[int], requests: int
) -> None:
    server = Answering(body)
    seen: list[int] = []
    await collect_async(client_for(server), seen)
    assert seen == yielded
    assert len(server.requests) == requests


def test_iter_sessions_raises_the_typed_error_of_a_page_without_count() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"next": None, "previous": None, "results": []})

    with pytest.raises(UnexpectedStatusError):
        list(iter_sessions(client_for(handler)))
