"""The thin HTTP layer of Didit's operations: one method per operationId of openapi.yaml.

`urls.py` routes each operation of the spec to the method named after its operationId, through
the shared pipeline (`pipeline.endpoint`), so a method gets an authenticated, validated `Call`,
calls the backend once and turns what comes back into a response.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from .exceptions import NotFound, error_response
from .models import EmulatorBackend
from .pdf import render_report
from .pipeline import Call

__all__ = ["DiditResponses"]


class DiditResponses:
    """One handler per operationId of openapi.yaml, plus the hosted page behind session urls."""

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
        return JSONResponse(self.backend.get_decision(call.app, call.params["sessionId"]))

    def list_sessions(self, call: Call) -> Response:
        page = self.backend.list_sessions(
            call.app,
            vendor_data=call.params.get("vendor_data"),
            status=call.params.get("status"),
            page=call.params["page"],
            page_size=call.params.get("page_size"),
        )

        def link(number: int) -> str:
            query = [(k, v) for k, v in call.request.query_params.multi_items() if k != "page"]
            query.append(("page", str(number)))
            return f"{call.base_url}{call.request.url.path}?{urlencode(query)}"

        return JSONResponse(
            {
                "count": page.count,
                "next": link(page.page + 1) if page.has_next else None,
                "previous": link(page.page - 1) if page.has_previous else None,
                "results": page.results,
            }
        )

    def delete_session(self, call: Call) -> Response:
        self.backend.delete_session(call.app, call.params["sessionId"])
        return Response(status_code=204)

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
        return JSONResponse(
            self.backend.import_shared(call.app, call.body, call.base_url), status_code=201
        )

    def add_to_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_add(call.app, call.body))

    def remove_from_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_remove(call.app, call.body))

    def list_blocklist(self, call: Call) -> Response:
        return JSONResponse(self.backend.blocklist_list(call.app, call.params.get("item_type")))

    async def session_page(self, request: Request) -> Response:
        """The `url` of a session: a placeholder for Didit's hosted verification page."""
        request.state.log_path = "/session/{session_token}"
        try:
            session = self.backend.session_by_token(str(request.path_params["session_token"]))
        except NotFound as error:
            return error_response(error)
        summary = {
            "session_id": session.id,
            "session_number": session.number,
            "session_kind": session.kind,
            "status": session.status,
            "workflow_id": session.workflow_id,
        }
        rows = "".join(
            f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(v))}</td></tr>"
            for k, v in summary.items()
        )
        return HTMLResponse(
            "<!doctype html><html><head><title>Didit emulator session</title></head><body>"
            "<h1>Didit emulator: verification session</h1>"
            "<p>This stands in for Didit's hosted verification page. Drive the session with "
            "<code>POST /_emulator/sessions/{session_id}/complete</code>.</p>"
            f"<table>{rows}</table></body></html>"
        )
