"""Receiving Didit webhooks in an ASGI app (Starlette; FastAPI is the same with its own Request).

The endpoint reads the raw body, but no more of it than the receiver accepts (a declared
Content-Length over the limit is refused before reading; a body streamed without one is read only
until it passes the limit), hands it and the headers to a `WebhookReceiver` and answers with the
status it returns: 200 for a new or a repeated delivery (a 2xx stops Didit's retries), 401 / 400
/ 413 for one that fails verification. Only a new delivery is handled. If handling fails, the
receiver forgets the delivery and the endpoint answers 500, so Didit's next attempt is handled.

Run it with DIDIT_WEBHOOK_SECRET set: `uvicorn --app-dir docs/examples webhook_asgi:app`.
"""

from __future__ import annotations

import os

from didit_client.models import WebhookEvent
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from didit_toolkit.webhooks import WebhookReceiver

receiver = WebhookReceiver(os.environ.get("DIDIT_WEBHOOK_SECRET", "YOUR_WEBHOOK_SECRET"))
handled: list[WebhookEvent] = []  # stands in for your own processing


def handle(event: WebhookEvent) -> None:
    handled.append(event)  # e.g. update the user's verification status in your database


async def read_body(request: Request, limit: int) -> bytes | None:
    """The raw body (never a re-serialised request.json()), or None once it is over `limit`."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


async def didit_webhook(request: Request) -> JSONResponse:
    body = await read_body(request, receiver.max_body_bytes)
    if body is None:
        return JSONResponse({"outcome": "rejected"}, status_code=413)
    delivery = receiver.receive(body, request.headers)
    if delivery.is_new and delivery.event is not None:
        try:
            handle(delivery.event)
        except Exception:
            receiver.forget(delivery)  # Didit retries; the retry must not count as a duplicate
            return JSONResponse({"detail": "not processed"}, status_code=500)
    return JSONResponse({"outcome": delivery.outcome.value}, status_code=delivery.status_code)


app = Starlette(routes=[Route("/webhooks/didit", didit_webhook, methods=["POST"])])
