"""The routing table: every operation of openapi.yaml at its path, the control surface at the
paths of control-openapi.yaml, and the hosted-page placeholder behind each session `url`.

Paths and methods come from the two documents; this module only pairs each operationId with its
handler, and fails at start-up if an operation has none.
"""

from __future__ import annotations

from starlette.routing import BaseRoute, Route

from .control import ControlResponses
from .models import EmulatorBackend
from .responses import DiditResponses, Handler, endpoint, session_page
from .validation import SpecDocument, control_document, didit_document

__all__ = ["SESSION_PAGE_PATH", "build_routes"]

SESSION_PAGE_PATH = "/session/{session_token}"


def _routes(
    document: SpecDocument,
    handlers: dict[str, Handler],
    backend: EmulatorBackend,
    *,
    rate_limited: bool,
) -> list[BaseRoute]:
    routes: list[BaseRoute] = []
    missing = [op.operation_id for op in document.operations() if op.operation_id not in handlers]
    if missing:
        raise RuntimeError(f"operations without a handler: {', '.join(missing)}")
    for rules in document.operations():
        run = endpoint(
            rules, document, backend, handlers[rules.operation_id], rate_limited=rate_limited
        )
        routes.append(
            Route(rules.path, run, methods=[rules.method.upper()], name=rules.operation_id)
        )
    return routes


def build_routes(backend: EmulatorBackend) -> list[BaseRoute]:
    return [
        *_routes(didit_document(), DiditResponses(backend).handlers(), backend, rate_limited=True),
        *_routes(
            control_document(), ControlResponses(backend).handlers(), backend, rate_limited=False
        ),
        Route(SESSION_PAGE_PATH, session_page, methods=["GET"], name="session_page"),
    ]
