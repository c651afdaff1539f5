"""The thin HTTP layer of Didit's operations: one method per operationId of openapi.yaml.

`urls.py` routes each operation of the spec to the method named after its operationId, through
the shared pipeline (`pipeline.endpoint`), so a method gets an authenticated, validated `Call`,
calls the backend once and turns what comes back into a response.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from . import serialization
from .journey import JourneyResponses
from .models import EmulatorBackend
from .pdf import render_report
from .pipeline import Call
from .serialization import JSONResponse, RenderedJSONResponse
from .spec_values import LIST_PAGING

__all__ = ["DiditResponses"]


class DiditResponses(JourneyResponses):
    """One handler per operationId of openapi.yaml (those of the verification journey, and the
    hosted page behind session urls, come from `JourneyResponses`)."""

    def __init__(self, backend: EmulatorBackend) -> None:
        self.backend = backend

    def get_client_token(self, call: Call) -> Response:
        return JSONResponse(self.backend.issue_client_token(call.app, issuer=call.base_url))

    def create_session_v2(self, call: Call) -> Response:
        return self.create_session(call)

    def create_session(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.create_session(call.app, call.body, call.base_url), status_code=201
        )

    def get_session_decision(self, call: Call) -> Response:
        events = call.params.get("include") == "events"
        decision = self.backend.get_decision(call.app, call.params["sessionId"], events=events)
        return RenderedJSONResponse(decision)

    def list_sessions(self, call: Call) -> Response:
        page, rows = self.backend.list_sessions(call.app, call.params)
        kept = [(k, v) for k, v in call.query if k not in LIST_PAGING]
        path = call.request.scope["path"]

        def link(query: dict[str, str] | None) -> str | None:
            if query is None:
                return None
            # The paging parameters' names and integer values: nothing in them to escape.
            paging_part = "&".join(f"{name}={value}" for name, value in query.items())
            if kept:
                return f"{call.base_url}{path}?{urlencode(kept)}&{paging_part}"
            return f"{call.base_url}{path}?{paging_part}"

        body = serialization.list_page_json(
            page.count, link(page.next_query), link(page.previous_query), rows
        )
        return RenderedJSONResponse(body)

    def delete_session(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.delete_session(call.app, call.params["sessionId"], call.body or {})
        )

    def update_session_status_before_body(self, call: Call) -> None:
        # Didit's published OpenAPI: the session's status is checked before the body.
        self.backend.ensure_reviewable(call.app, call.params["sessionId"])

    def update_session_status(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.update_status(call.app, call.params["sessionId"], call.body)
        )

    async def generate_session_pdf(self, call: Call) -> Response:
        session_id = call.params["sessionId"]
        report = self.backend.session_report(call.app, session_id)
        content = await run_in_threadpool(render_report, report)  # CPU-bound, off the loop
        return Response(
            content,
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="session-{session_id}.pdf"'},
        )

    def share_session(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.share_session(call.app, call.params["sessionId"], call.body)
        )

    def import_shared_session(self, call: Call) -> Response:
        return RenderedJSONResponse(
            self.backend.import_shared(call.app, call.body, call.base_url), status_code=201
        )

    def add_to_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_add(call.app, call.body))

    def remove_from_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_remove(call.app, call.body))

    def list_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_list(call.app, call.params.get("item_type")))
