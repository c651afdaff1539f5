"""Receiving Didit webhooks in a WSGI app: a plain callable, as wsgiref, Flask or Django run it.

Read exactly CONTENT_LENGTH bytes of the raw body (refusing a length over the receiver's limit
before reading), collect the `HTTP_*` headers, and answer with the status the `WebhookReceiver`
returns. Only a new delivery is handled; if handling fails, forget it and answer 500 so that
Didit's retry is handled.

Run it with DIDIT_WEBHOOK_SECRET set: `python docs/examples/webhook_wsgi.py` serves it on
http://127.0.0.1:8000/ with the standard library's wsgiref server.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from didit_client.models import WebhookEvent

from didit_toolkit.webhooks import WebhookReceiver

receiver = WebhookReceiver(os.environ.get("DIDIT_WEBHOOK_SECRET", "YOUR_WEBHOOK_SECRET"))
handled: list[WebhookEvent] = []  # stands in for your own processing

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


def handle(event: WebhookEvent) -> None:
    handled.append(event)  # e.g. update the user's verification status in your database


def _answer(start_response: StartResponse, status: int, body: dict[str, str]) -> list[bytes]:
    payload = json.dumps(body).encode()
    start_response(
        f"{status} {HTTPStatus(status).phrase}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))],
    )
    return [payload]


def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    if environ.get("REQUEST_METHOD") != "POST":
        return _answer(start_response, 405, {"detail": "POST only"})
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _answer(start_response, 400, {"detail": "bad Content-Length"})
    if not 0 <= length <= receiver.max_body_bytes:
        return _answer(start_response, 413, {"detail": "body too large"})
    body = environ["wsgi.input"].read(length)
    headers = {
        key[5:].replace("_", "-"): value
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    delivery = receiver.receive(body, headers)
    if delivery.is_new and delivery.event is not None:
        try:
            handle(delivery.event)
        except Exception:
            receiver.forget(delivery)
            return _answer(start_response, 500, {"detail": "not processed"})
    return _answer(start_response, delivery.status_code, {"outcome": delivery.outcome.value})


if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    make_server("127.0.0.1", 8000, app).serve_forever()
