"""The routing table: every operation of openapi.yaml at its path, the control surface at the
paths of control-openapi.yaml, and the hosted page behind each session `url`.

Paths, methods and operationIds come from the two documents; each operation is dispatched to the
method of the same name on its responses class (`DiditResponses`, `ControlResponses`), so adding
an operation needs no table here. Start-up fails if an operation has no method. A method named
`<operationId>_before_body`, when there is one, checks the request before its body is read. A
path item's `x-also-served-at` lists other spellings of its path that are served too (004's
unslashed PDF path).
"""

from __future__ import annotations

from didit_spec import OpenAPIDocument, pointer

from .control import ControlResponses
from .models import EmulatorBackend
from .pipeline import Handler, endpoint
from .ratelimit import SlidingWindowRateLimiter
from .responses import DiditResponses
from .routing import Endpoint, Route
from .validation import control_document, didit_document, rules_for

__all__ = ["SESSION_PAGE_PATH", "build_routes"]

SESSION_PAGE_PATH = "/session/{session_token}"


def _routes(
    document: OpenAPIDocument,
    responses: object,
    backend: EmulatorBackend,
    limiter: SlidingWindowRateLimiter | None,
) -> list[Route]:
    rules = rules_for(document)
    handlers: dict[str, Handler] = {}
    for operation_id in rules:
        handler = getattr(responses, operation_id, None)
        if callable(handler):
            handlers[operation_id] = handler
    if missing := sorted(set(rules) - set(handlers)):
        owner = type(responses).__name__
        raise RuntimeError(f"operations without a method on {owner}: {', '.join(missing)}")
    # One route per path, its operations by method.
    by_path: dict[str, dict[str, tuple[str, Endpoint]]] = {}
    for operation_id, rule in rules.items():
        before_body = getattr(responses, f"{operation_id}_before_body", None)
        run = endpoint(rule, backend, handlers[operation_id], limiter, before_body)
        # The path item may name other spellings of its path the service also answers at.
        path_item = document.at(pointer("paths", rule.operation.path))
        for path in (rule.operation.path, *path_item.get("x-also-served-at", [])):
            by_path.setdefault(path, {})[rule.operation.method.upper()] = (operation_id, run)
    return [
        Route(
            path,
            {method: run for method, (_, run) in operations.items()},
            name="|".join(operation_id for operation_id, _ in operations.values()),
        )
        for path, operations in by_path.items()
    ]


def build_routes(backend: EmulatorBackend, limiter: SlidingWindowRateLimiter) -> list[Route]:
    didit = DiditResponses(backend)
    return [
        *_routes(didit_document(), didit, backend, limiter),
        *_routes(control_document(), ControlResponses(backend, limiter), backend, None),
        Route(
            SESSION_PAGE_PATH,
            {"GET": didit.session_page, "POST": didit.session_page},
            name="session_page",
        ),
    ]
