"""The routing table: every operation of openapi.yaml at its path, the control surface at the
paths of control-openapi.yaml, and the hosted page behind each session `url`.

Paths, methods and operationIds come from the two documents; each operation is dispatched to the
method of the same name on its responses class (`DiditResponses`, `ControlResponses`), so adding
an operation needs no table here. Start-up fails if an operation has no method. A path item's
`x-also-served-at` lists other spellings of its path that are served too (004's unslashed PDF
path).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from didit_spec import OpenAPIDocument, pointer

from .control import ControlResponses
from .models import EmulatorBackend
from .pipeline import Handler, endpoint
from .ratelimit import SlidingWindowRateLimiter
from .responses import DiditResponses
from .validation import control_document, didit_document, rules_for

__all__ = ["SESSION_PAGE_PATH", "build_routes"]

SESSION_PAGE_PATH = "/session/{session_token}"


def _routes(
    document: OpenAPIDocument,
    responses: object,
    backend: EmulatorBackend,
    limiter: SlidingWindowRateLimiter | None,
) -> list[BaseRoute]:
    rules = rules_for(document)
    handlers: dict[str, Handler] = {}
    for operation_id in rules:
        handler = getattr(responses, operation_id, None)
        if callable(handler):
            handlers[operation_id] = handler
    if missing := sorted(set(rules) - set(handlers)):
        owner = type(responses).__name__
        raise RuntimeError(f"operations without a method on {owner}: {', '.join(missing)}")
    # One route per path: Starlette answers a wrong method with the first matching route's
    # `Allow`, so the operations of one path (GET and POST, say) must share a route.
    by_path: dict[str, dict[str, tuple[str, Endpoint]]] = {}
    for operation_id, rule in rules.items():
        run = endpoint(rule, backend, handlers[operation_id], limiter)
        # The path item may name other spellings of its path the service also answers at.
        path_item = document.at(pointer("paths", rule.operation.path))
        for path in (rule.operation.path, *path_item.get("x-also-served-at", [])):
            by_path.setdefault(path, {})[rule.operation.method.upper()] = (operation_id, run)
    routes: list[BaseRoute] = []
    for path, operations in by_path.items():
        name = "|".join(operation_id for operation_id, _ in operations.values())
        routes.append(Route(path, _by_method(operations), methods=list(operations), name=name))
    return routes


Endpoint = Callable[[Request], Awaitable[Response]]


def _by_method(operations: Mapping[str, tuple[str, Endpoint]]) -> Endpoint:
    """The endpoint of one path: the operation of the request's method (HEAD runs GET's)."""
    if len(operations) == 1:
        return next(iter(operations.values()))[1]

    async def dispatch(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await operations[method][1](request)

    return dispatch


def build_routes(backend: EmulatorBackend, limiter: SlidingWindowRateLimiter) -> list[BaseRoute]:
    didit = DiditResponses(backend)
    return [
        *_routes(didit_document(), didit, backend, limiter),
        *_routes(control_document(), ControlResponses(backend, limiter), backend, None),
        Route(SESSION_PAGE_PATH, didit.session_page, methods=["GET", "POST"], name="session_page"),
    ]
