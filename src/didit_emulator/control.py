"""The thin HTTP layer of the `/_emulator/` control surface: one method per operationId of
control-openapi.yaml.

It drives what Didit's users and back office would: completing sessions with an outcome, time
passing, and a reset. Requests go through the same pipeline as Didit's operations (validated
against control-openapi.yaml), without API keys or rate limits.
"""

from __future__ import annotations

from starlette.responses import JSONResponse, Response

from .models import EmulatorBackend
from .pipeline import Call
from .ratelimit import SlidingWindowRateLimiter

__all__ = ["ControlResponses"]


class ControlResponses:
    def __init__(self, backend: EmulatorBackend, limiter: SlidingWindowRateLimiter) -> None:
        self.backend = backend
        self.limiter = limiter

    def complete_session(self, call: Call) -> Response:
        return JSONResponse(self.backend.complete_session(call.params["sessionId"], call.body))

    def get_clock(self, call: Call) -> Response:
        return JSONResponse(self.backend.clock_state())

    def advance_clock(self, call: Call) -> Response:
        return JSONResponse(self.backend.advance_clock(float(call.body["seconds"])))

    def reset(self, call: Call) -> Response:
        """Back to the configured state: the backend, and the rate-limit windows."""
        self.backend.reset()
        self.limiter.reset()
        return Response(status_code=204)

    def get_state(self, call: Call) -> Response:
        return JSONResponse(self.backend.state())
