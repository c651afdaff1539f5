"""The thin HTTP layer of the `/_emulator/` control surface: one method per operationId of
control-openapi.yaml.

It drives what Didit's users and back office would: completing sessions with an outcome, time
passing, and a reset. Requests go through the same pipeline as Didit's operations (validated
against control-openapi.yaml), without API keys or rate limits.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from .models import EmulatorBackend
from .pipeline import Call
from .ratelimit import SlidingWindowRateLimiter
from .serialization import JSONResponse

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

    def list_webhook_attempts(self, call: Call) -> Response:
        return JSONResponse(
            self.backend.webhook_attempts_view(
                destination_uuid=call.params.get("destination_uuid"),
                session_id=call.params.get("session_id"),
            )
        )

    async def flush_webhooks(self, call: Call) -> Response:
        """Waits (in a worker thread, not on the event loop) for the due deliveries."""
        attempts = await run_in_threadpool(self.backend.flush_webhooks)
        return JSONResponse({"attempts": attempts})

    async def replay_webhook_attempt(self, call: Call) -> Response:
        replay = self.backend.replay_webhook_attempt
        return JSONResponse(await run_in_threadpool(replay, call.params["attemptId"]))
