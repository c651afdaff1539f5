"""`didit_emulator.routing.Router`: which route, endpoint and parameters a path and method get.

The router replaced Starlette's; these pin the behaviour it kept from it (first route in table
order, 405 with the matching route's methods, HEAD served by GET, a parameter never empty)."""

from __future__ import annotations

import pytest
from starlette.requests import Request
from starlette.responses import Response

from didit_emulator.routing import Endpoint, Route, Router


def _endpoint(label: str) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        return Response(label)

    endpoint.__name__ = label
    return endpoint


GET_DECISION = _endpoint("get_decision")
POST_IMPORT = _endpoint("post_import")
GET_SESSION = _endpoint("get_session")
DELETE_SESSION = _endpoint("delete_session")
GET_PAGE = _endpoint("get_page")

ROUTER = Router(
    [
        Route("/v3/session/{sessionId}/decision/", {"GET": GET_DECISION}),
        Route("/v3/session/import-shared/", {"POST": POST_IMPORT}),
        Route("/v3/session/{sessionId}/", {"GET": GET_SESSION}),
        Route("/v3/session/{other}/", {"DELETE": DELETE_SESSION}),
        Route("/page/{a}/{b}", {"GET": GET_PAGE}),
    ]
)


@pytest.mark.parametrize(
    ("method", "path", "endpoint", "params"),
    [
        ("GET", "/v3/session/abc/decision/", GET_DECISION, {"sessionId": "abc"}),
        ("HEAD", "/v3/session/abc/decision/", GET_DECISION, {"sessionId": "abc"}),
        ("POST", "/v3/session/import-shared/", POST_IMPORT, {}),
        # Static and parameter routes both match: the first in table order serving the method.
        ("GET", "/v3/session/import-shared/", GET_SESSION, {"sessionId": "import-shared"}),
        ("DELETE", "/v3/session/xyz/", DELETE_SESSION, {"other": "xyz"}),
        ("GET", "/page/one/two", GET_PAGE, {"a": "one", "b": "two"}),
        ("GET", "/v3/session/a%2Fb/", GET_SESSION, {"sessionId": "a%2Fb"}),
    ],
)
def test_match_finds_the_first_route_serving_the_method(
    method: str, path: str, endpoint: Endpoint, params: dict[str, str]
) -> None:
    match = ROUTER.match(path, method)
    assert match is not None
    assert (match.endpoint, match.path_params) == (endpoint, params)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("POST", "/v3/session/abc/decision/", {"GET", "HEAD"}),
        ("PATCH", "/v3/session/import-shared/", {"POST"}),  # the first matching route's methods
        ("BREW", "/page/one/two", {"GET", "HEAD"}),
    ],
)
def test_match_of_a_path_served_for_other_methods_is_a_405_with_them(
    method: str, path: str, allowed: set[str]
) -> None:
    match = ROUTER.match(path, method)
    assert match is not None
    assert match.endpoint is None
    assert match.allowed == allowed


@pytest.mark.parametrize(
    "path",
    [
        "/v3/session//decision/",  # a parameter is never empty
        "/v3/session/abc/decision",  # no trailing-slash leniency
        "/v3/session/abc/decision/extra",
        "/page/one",
        "/page/one/two/",
        "/v3/session/import-shared/\n",  # Starlette's `$` matched before a final newline
        "",
        "/",
    ],
)
def test_match_of_a_path_no_route_spells_is_none(path: str) -> None:
    assert ROUTER.match(path, "GET") is None


def test_router_refuses_a_parameter_that_is_not_a_whole_segment() -> None:
    with pytest.raises(ValueError, match="whole path segment"):
        Router([Route("/v3/session-{id}/", {"GET": GET_PAGE})])


def test_router_refuses_a_path_convertor() -> None:
    with pytest.raises(ValueError, match="convertors"):
        Router([Route("/v3/{id:int}/", {"GET": GET_PAGE})])
