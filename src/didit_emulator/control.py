"""The `/_emulator/` control surface: one handler per operationId of control-openapi.yaml.

It drives what Didit's users and back office would: completing sessions with an outcome, time
passing, and a reset. Requests go through the same pipeline as Didit's operations (validated
against control-openapi.yaml), without API keys or rate limits.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from .models import EmulatorBackend
from .responses import Call, Handler

__all__ = ["ControlResponses"]


class ControlResponses:
    def __init__(self, backend: EmulatorBackend) -> None:
        self.backend = backend

    def handlers(self) -> dict[str, Handler]:
        return {
            "complete_session": self.complete_session,
            "get_clock": self.get_clock,
            "advance_clock": self.advance_clock,
            "reset": self.reset,
            "get_state": self.get_state,
        }

    def complete_session(self, call: Call) -> Response:
        return JSONResponse(self.backend.complete_session(call.params["sessionId"], call.body))

    def get_clock(self, call: Call) -> Response:
        return JSONResponse(self.backend.clock_state())

    def advance_clock(self, call: Call) -> Response:
        return JSONResponse(self.backend.advance_clock(float(call.body["seconds"])))

    def reset(self, call: Call) -> Response:
        self.backend.reset()
        return Response(status_code=204)

    def get_state(self, call: Call) -> Response:
        return JSONResponse(self.backend.state())
