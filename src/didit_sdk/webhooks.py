"""Verify (and, for tests and the emulator, produce) Didit's signed webhook deliveries.

Didit posts session events to the customer's URL with `X-Timestamp` and three HMAC-SHA256
signatures made with the shared webhook secret (lowercase hex):

- `X-Signature` over the raw body bytes as sent, which are canonical JSON: keys sorted, no
  spaces, ASCII-escaped, after every float with no fractional part became an int;
- `X-Signature-V2` over the same canonical form without ASCII escaping, UTF-8 encoded, computed
  from the parsed body — it survives middleware that re-encodes JSON;
- `X-Signature-Simple` over `"{timestamp}:{session_id}:{status}:{webhook_type}"` from the body,
  which does not cover `decision` or `metadata`.

A receiver that gets any of this wrong either accepts forgeries or rejects Didit; this module does
it once. `verify_webhook` checks the timestamp is fresh, then V2, then X-Signature, then Simple
only when the caller allows it (constant-time comparisons), then that the body's own `timestamp`
equals the header (a replayed body with a fresh header fails), and returns the typed
`WebhookEvent`. Each failed check raises its own `WebhookVerificationError` subclass; no message
contains the secret, a signature or a payload value.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Mapping
from typing import Any

from didit_client.models import WebhookEvent

__all__ = [
    "SIGNATURE_HEADER",
    "SIGNATURE_SIMPLE_HEADER",
    "SIGNATURE_V2_HEADER",
    "TIMESTAMP_HEADER",
    "WebhookPayloadError",
    "WebhookReplayError",
    "WebhookSignatureError",
    "WebhookTimestampError",
    "WebhookVerificationError",
    "canonical_json",
    "sign_webhook",
    "verify_webhook",
]

logger = logging.getLogger("didit_sdk.webhooks")

TIMESTAMP_HEADER = "X-Timestamp"
SIGNATURE_HEADER = "X-Signature"
SIGNATURE_V2_HEADER = "X-Signature-V2"
SIGNATURE_SIMPLE_HEADER = "X-Signature-Simple"
DEFAULT_TOLERANCE = 300.0


class WebhookVerificationError(ValueError):
    """A webhook delivery failed verification; the subclass says which check failed."""


class WebhookTimestampError(WebhookVerificationError):
    """`X-Timestamp` is missing, not Unix seconds, or too far from now."""


class WebhookSignatureError(WebhookVerificationError):
    """No usable signature header, or no signature matches the body."""


class WebhookReplayError(WebhookVerificationError):
    """The body's own `timestamp` differs from `X-Timestamp`: an old body with a fresh header."""


class WebhookPayloadError(WebhookVerificationError):
    """The body is not a JSON object, or does not decode into `WebhookEvent`."""


def _whole_floats_to_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {key: _whole_floats_to_int(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_whole_floats_to_int(item) for item in value]
    return value


def canonical_json(payload: Mapping[str, Any], *, ensure_ascii: bool = True) -> bytes:
    """Didit's canonical JSON of a payload: what it sends (ASCII) and what V2 signs (UTF-8)."""
    text = json.dumps(
        _whole_floats_to_int(payload),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=ensure_ascii,
    )
    return text.encode("utf-8")


def _simple_message(payload: Mapping[str, Any], timestamp: object) -> bytes:
    fields = (
        payload.get("timestamp", timestamp),
        payload.get("session_id"),
        payload.get("status"),
        payload.get("webhook_type"),
    )
    return ":".join(str(_whole_floats_to_int(field)) for field in fields).encode("utf-8")


def _hmac_hex(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def _secret_bytes(secret: str) -> bytes:
    if not secret:
        raise ValueError("the webhook secret is empty")
    return secret.encode("utf-8")


def sign_webhook(payload: Mapping[str, Any], secret: str, timestamp: int) -> dict[str, str]:
    """The headers Didit sends with `payload` at `timestamp`; the body is `canonical_json(payload)`.

    The Simple signature uses the payload's own `timestamp` field (falling back to `timestamp`), as
    Didit does; pass a payload whose `timestamp` differs from `timestamp` to build a replay.
    """
    key = _secret_bytes(secret)
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: _hmac_hex(key, canonical_json(payload)),
        SIGNATURE_V2_HEADER: _hmac_hex(key, canonical_json(payload, ensure_ascii=False)),
        SIGNATURE_SIMPLE_HEADER: _hmac_hex(key, _simple_message(payload, timestamp)),
    }


def _matches(expected: str, provided: str) -> bool:
    candidate = provided.strip().lower()
    if not candidate.isascii():  # compare_digest refuses non-ASCII str
        return False
    return hmac.compare_digest(expected, candidate)


def _header_timestamp(headers: Mapping[str, str], now: float, tolerance: float) -> int:
    raw = headers.get(TIMESTAMP_HEADER.lower())
    if raw is None:
        raise WebhookTimestampError(f"missing {TIMESTAMP_HEADER} header")
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()):
        raise WebhookTimestampError(f"{TIMESTAMP_HEADER} is not Unix seconds")
    timestamp = int(raw)
    skew = abs(now - timestamp)
    if skew > tolerance:
        raise WebhookTimestampError(
            f"{TIMESTAMP_HEADER} is {skew:.0f} s from now; at most {tolerance:g} s is accepted"
        )
    return timestamp


def _parse_body(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise WebhookPayloadError("the body is not JSON") from None
    if not isinstance(payload, dict):
        raise WebhookPayloadError("the body is not a JSON object")
    return payload


def _verify_signatures(
    body: bytes,
    payload: Mapping[str, Any],
    headers: Mapping[str, str],
    key: bytes,
    allow_simple: bool,
) -> str:
    checked: list[str] = []
    v2 = headers.get(SIGNATURE_V2_HEADER.lower())
    if v2 is not None:
        checked.append(SIGNATURE_V2_HEADER)
        if _matches(_hmac_hex(key, canonical_json(payload, ensure_ascii=False)), v2):
            return SIGNATURE_V2_HEADER
    raw = headers.get(SIGNATURE_HEADER.lower())
    if raw is not None:
        checked.append(SIGNATURE_HEADER)
        if _matches(_hmac_hex(key, body), raw):
            return SIGNATURE_HEADER
    simple = headers.get(SIGNATURE_SIMPLE_HEADER.lower())
    if simple is not None and allow_simple:
        checked.append(SIGNATURE_SIMPLE_HEADER)
        timestamp = headers.get(TIMESTAMP_HEADER.lower(), "")
        if _matches(_hmac_hex(key, _simple_message(payload, timestamp)), simple):
            return SIGNATURE_SIMPLE_HEADER
    if not checked:
        accepted = [SIGNATURE_V2_HEADER, SIGNATURE_HEADER]
        if allow_simple:
            accepted.append(SIGNATURE_SIMPLE_HEADER)
        hint = "" if simple is None else f" ({SIGNATURE_SIMPLE_HEADER} is present but not allowed)"
        raise WebhookSignatureError(
            f"no signature header: expected one of {', '.join(accepted)}{hint}"
        )
    raise WebhookSignatureError(f"signature mismatch (checked {', '.join(checked)})")


def verify_webhook(
    body: bytes,
    headers: Mapping[str, str],
    secret: str,
    *,
    now: float | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    allow_simple: bool = False,
) -> WebhookEvent:
    """Verify a delivery (raw body bytes as received, its headers) and return the typed event.

    Checks, in order: `X-Timestamp` within `tolerance` seconds of `now` (Unix seconds, default the
    current time); a signature — `X-Signature-V2` first, then `X-Signature`, then
    `X-Signature-Simple` only if `allow_simple` (it does not cover `decision` or `metadata`); the
    body's `timestamp` equal to `X-Timestamp`; the body decoding into `WebhookEvent`. Raises the
    `WebhookVerificationError` subclass of the first check that fails.
    """
    key = _secret_bytes(secret)
    lowered = {name.lower(): value for name, value in headers.items()}
    current = time.time() if now is None else now
    timestamp = _header_timestamp(lowered, current, tolerance)
    payload = _parse_body(body)
    verified_by = _verify_signatures(body, payload, lowered, key, allow_simple)
    body_timestamp = _whole_floats_to_int(payload.get("timestamp"))
    if type(body_timestamp) is not int or body_timestamp != timestamp:
        raise WebhookReplayError(
            f"the body's timestamp does not equal {TIMESTAMP_HEADER} (a replayed body?)"
        )
    try:
        event = WebhookEvent.from_dict(payload)
    except (KeyError, ValueError, TypeError, AttributeError) as error:
        reason = f"missing field {error}" if isinstance(error, KeyError) else type(error).__name__
        raise WebhookPayloadError(f"the body is not a WebhookEvent: {reason}") from None
    logger.debug("webhook %s verified by %s", event.webhook_type, verified_by)
    return event
