"""Verify (and, for tests and the emulator, produce) Didit's signed webhook deliveries.

Didit posts session events to the customer's URL with `X-Timestamp` and three HMAC-SHA256
signatures made with the shared webhook secret (lowercase hex):

- `X-Signature` over the raw body bytes as sent, which are canonical JSON: keys sorted, no
  spaces, ASCII-escaped, after every float with no fractional part became an int;
- `X-Signature-V2` over the same canonical form without ASCII escaping, UTF-8 encoded, computed
  from the parsed body — it survives middleware that re-encodes JSON;
- `X-Signature-Simple` over `"{timestamp}:{session_id}:{status}:{webhook_type}"` from the body:
  those four fields and nothing else — not `decision`, `metadata`, `vendor_data`, `workflow_id`,
  `session_kind`, `created_at`, nor any field Didit adds later. An event verified by it alone
  (only with `allow_simple`) is therefore returned with those four fields only: whatever else the
  body holds could have been written by anyone who saw one signed delivery.

A receiver that gets any of this wrong either accepts forgeries or rejects Didit; this module does
it once. `verify_webhook` bounds the body's size, checks the timestamp is fresh, then X-Signature
over the raw bytes (before parsing anything), then V2, then Simple only when the caller allows it
(constant-time comparisons); it parses strictly (repeated keys are refused: a parser that keeps
the first would read another body than the one V2 verified), checks that the body's own
`timestamp` equals the header (a replayed body with a fresh header fails), and returns the typed
`WebhookEvent`. Whatever the input, a failure is a `WebhookVerificationError` subclass naming the
check; no message contains the secret, a signature or a payload value.

`WebhookReceiver` puts it to work in an endpoint of any framework: it verifies, decodes, and
drops the deliveries it has already accepted (Didit retries a delivery that got no 2xx), through a
pluggable `DeliveryStore` (`InMemoryDeliveryStore` by default), and says which status to answer;
see `delivery_key` and `WebhookReceiver` for what counts as a duplicate.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import json
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from didit_client.models import WebhookEvent

__all__ = [
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_RETRY_WINDOW",
    "DEFAULT_TOLERANCE",
    "MAX_JSON_DEPTH",
    "SIGNATURE_HEADER",
    "SIGNATURE_SIMPLE_HEADER",
    "SIGNATURE_V2_HEADER",
    "SIMPLE_SIGNED_FIELDS",
    "TIMESTAMP_HEADER",
    "DeliveryOutcome",
    "DeliveryStore",
    "InMemoryDeliveryStore",
    "WebhookDelivery",
    "WebhookHeaders",
    "WebhookPayloadError",
    "WebhookPayloadTooLargeError",
    "WebhookReceiver",
    "WebhookReplayError",
    "WebhookSignatureError",
    "WebhookTimestampError",
    "WebhookVerificationError",
    "canonical_json",
    "delivery_key",
    "sign_webhook",
    "verify_webhook",
]

logger = logging.getLogger("didit_toolkit.webhooks")

TIMESTAMP_HEADER = "X-Timestamp"
SIGNATURE_HEADER = "X-Signature"
SIGNATURE_V2_HEADER = "X-Signature-V2"
SIGNATURE_SIMPLE_HEADER = "X-Signature-Simple"
DEFAULT_TOLERANCE = 300.0
DEFAULT_RETRY_WINDOW = 300.0
"""Seconds after an event's first attempt within which Didit may still send it again: its
retries come about 60 s and 240 s after the first attempt; the rest is slack."""
SIMPLE_SIGNED_FIELDS = ("timestamp", "session_id", "status", "webhook_type")
"""The body fields `X-Signature-Simple` covers, in the order it signs them."""
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
"""Bodies over 1 MiB are refused before parsing; a decision with every feature is far smaller."""
MAX_JSON_DEPTH = 64
"""Nesting refused in a body: deep enough for any decision, far from Python's recursion limit."""
_MAX_TIMESTAMP_DIGITS = 12  # Unix seconds until the year 33658

WebhookHeaders = (
    Mapping[str, str] | Mapping[bytes, bytes] | Iterable[tuple[str | bytes, str | bytes]]
)
"""Headers as frameworks hand them over: a mapping, or (name, value) pairs as in an ASGI scope."""


class WebhookVerificationError(ValueError):
    """A webhook delivery failed verification; the subclass says which check failed."""


class WebhookTimestampError(WebhookVerificationError):
    """`X-Timestamp` is missing, not Unix seconds, or too far from now."""


class WebhookSignatureError(WebhookVerificationError):
    """No usable signature header, or no signature matches the body."""


class WebhookReplayError(WebhookVerificationError):
    """The body's own `timestamp` differs from `X-Timestamp`: an old body with a fresh header."""


class WebhookPayloadError(WebhookVerificationError):
    """The body is not bytes, not a strict JSON object, or does not decode into `WebhookEvent`."""


class WebhookPayloadTooLargeError(WebhookPayloadError):
    """The body is over the size limit; it was not parsed."""


def _whole_floats_to_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {key: _whole_floats_to_int(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_whole_floats_to_int(item) for item in value]
    return value


def _canonical_text(payload: Mapping[str, Any], *, ensure_ascii: bool) -> str:
    return json.dumps(
        _whole_floats_to_int(payload),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=ensure_ascii,
    )


def canonical_json(payload: Mapping[str, Any], *, ensure_ascii: bool = True) -> bytes:
    """Didit's canonical JSON of a payload: what it sends (ASCII) and what V2 signs (UTF-8)."""
    return _canonical_text(payload, ensure_ascii=ensure_ascii).encode("utf-8")


def _simple_text(payload: Mapping[str, Any], timestamp: object) -> str:
    fields = [payload.get(name) for name in SIMPLE_SIGNED_FIELDS]
    if "timestamp" not in payload:
        fields[0] = timestamp
    return ":".join(str(_whole_floats_to_int(field)) for field in fields)


def _hmac_hex(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def _secret_bytes(secret: str | bytes) -> bytes:
    if not secret:
        raise ValueError("the webhook secret is empty")
    return secret if isinstance(secret, bytes) else secret.encode("utf-8")


def sign_webhook(payload: Mapping[str, Any], secret: str | bytes, timestamp: int) -> dict[str, str]:
    """The headers Didit sends with `payload` at `timestamp`; the body is `canonical_json(payload)`.

    The Simple signature uses the payload's own `timestamp` field (falling back to `timestamp`), as
    Didit does; pass a payload whose `timestamp` differs from `timestamp` to build a replay.
    """
    key = _secret_bytes(secret)
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: _hmac_hex(key, canonical_json(payload)),
        SIGNATURE_V2_HEADER: _hmac_hex(key, canonical_json(payload, ensure_ascii=False)),
        SIGNATURE_SIMPLE_HEADER: _hmac_hex(key, _simple_text(payload, timestamp).encode("utf-8")),
    }


def _matches(expected: str, provided: str) -> bool:
    candidate = provided.strip().lower()
    if not candidate.isascii():  # compare_digest refuses non-ASCII str
        return False
    return hmac.compare_digest(expected, candidate)


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("latin-1")  # HTTP's own reading of header bytes; never fails
    return None


_HEADER_ERRORS: dict[str, type[WebhookVerificationError]] = {
    TIMESTAMP_HEADER.lower(): WebhookTimestampError,
    SIGNATURE_HEADER.lower(): WebhookSignatureError,
    SIGNATURE_V2_HEADER.lower(): WebhookSignatureError,
    SIGNATURE_SIMPLE_HEADER.lower(): WebhookSignatureError,
}


def _header_map(headers: WebhookHeaders) -> dict[str, str]:
    """The four headers this module reads, by lowercase name, from a mapping or from pairs (as an
    ASGI scope has them), names and values as `str` or `bytes`. A header given twice with two
    values is refused: which one a framework keeps differs, so neither can be trusted."""
    items = getattr(headers, "items", None)  # every multi-value mapping has it (email, werkzeug)
    try:
        pairs = list(items() if callable(items) else headers)
    except (TypeError, ValueError, AttributeError):
        raise WebhookVerificationError(
            "the headers are not a mapping or (name, value) pairs"
        ) from None
    found: dict[str, str] = {}
    for pair in pairs:
        try:
            raw_name, raw_value = pair
        except (TypeError, ValueError):
            raise WebhookVerificationError("the headers are not (name, value) pairs") from None
        name = _text(raw_name)
        if name is None or name.lower() not in _HEADER_ERRORS:
            continue
        name = name.lower()
        value = _text(raw_value)
        error = _HEADER_ERRORS[name]
        if value is None:
            raise error(f"the {name} header is not text")
        if name in found and found[name] != value:
            raise error(f"the {name} header is given more than once")
        found[name] = value
    return found


def _check_tolerance(tolerance: float) -> None:
    # NaN would refuse every delivery, infinity accept any age: both are mistakes of the caller.
    if not (
        isinstance(tolerance, int | float)
        and not isinstance(tolerance, bool)
        and math.isfinite(tolerance)
        and tolerance >= 0
    ):
        raise ValueError("tolerance must be a finite number of seconds >= 0")


def _header_timestamp(headers: Mapping[str, str], now: float, tolerance: float) -> int:
    raw = headers.get(TIMESTAMP_HEADER.lower())
    if raw is None:
        raise WebhookTimestampError(f"missing {TIMESTAMP_HEADER} header")
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) <= _MAX_TIMESTAMP_DIGITS):
        raise WebhookTimestampError(f"{TIMESTAMP_HEADER} is not Unix seconds")
    timestamp = int(raw)
    skew = abs(now - timestamp)
    if not skew <= tolerance:  # also refuses a NaN `now`
        raise WebhookTimestampError(
            f"{TIMESTAMP_HEADER} is {skew:.0f} s from now; at most {tolerance:g} s is accepted"
        )
    return timestamp


def _body_bytes(body: object, max_body_bytes: int) -> bytes:
    if not isinstance(body, bytes | bytearray | memoryview):
        raise WebhookPayloadError(
            f"the body must be the raw bytes as received, not {type(body).__name__}"
        )
    raw = bytes(body)
    if len(raw) > max_body_bytes:
        raise WebhookPayloadTooLargeError(
            f"the body is {len(raw)} bytes; at most {max_body_bytes} are accepted"
        )
    return raw


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A repeated key is read as its last value here and as its first by other parsers: a body
    # signed over one reading could be acted on with the other.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise WebhookPayloadError("the body repeats a key")
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise WebhookPayloadError(f"the body holds {name}, which is not JSON")


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise WebhookPayloadError("the body holds a number out of range")
    return number


def _depth(value: Any) -> int:
    deepest, pending = 0, [(value, 1)]
    while pending:
        node, depth = pending.pop()
        deepest = max(deepest, depth)
        if isinstance(node, dict):
            pending.extend((item, depth + 1) for item in node.values())
        elif isinstance(node, list):
            pending.extend((item, depth + 1) for item in node)
    return deepest


def _parse_body(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, strictly: UTF-8, no repeated keys, no NaN / Infinity or numbers
    out of range, nesting bounded (so that nothing after this recurses past Python's limit)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise WebhookPayloadError("the body is not UTF-8") from None
    try:
        payload = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
        )
    except (ValueError, RecursionError) as error:
        if isinstance(error, WebhookPayloadError):
            raise
        raise WebhookPayloadError("the body is not JSON") from None
    if not isinstance(payload, dict):
        raise WebhookPayloadError("the body is not a JSON object")
    if _depth(payload) > MAX_JSON_DEPTH:
        raise WebhookPayloadError(f"the body nests deeper than {MAX_JSON_DEPTH} levels")
    return payload


def _utf8(text: str) -> bytes | None:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: Didit could not have signed it this way
        return None


def _signed_matches(key: bytes, message: bytes | None, provided: str) -> bool:
    return message is not None and _matches(_hmac_hex(key, message), provided)


def _verify_parsed_signatures(
    payload: Mapping[str, Any],
    headers: Mapping[str, str],
    key: bytes,
    allow_simple: bool,
    checked: list[str],
) -> str:
    v2 = headers.get(SIGNATURE_V2_HEADER.lower())
    if v2 is not None:
        checked.append(SIGNATURE_V2_HEADER)
        text = _canonical_text(payload, ensure_ascii=False)
        if _signed_matches(key, _utf8(text), v2):
            return SIGNATURE_V2_HEADER
    simple = headers.get(SIGNATURE_SIMPLE_HEADER.lower())
    if simple is not None and allow_simple:
        checked.append(SIGNATURE_SIMPLE_HEADER)
        message = _simple_text(payload, headers.get(TIMESTAMP_HEADER.lower(), ""))
        if _signed_matches(key, _utf8(message), simple):
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


def _verified_payload(
    body: object,
    headers: WebhookHeaders,
    secret: str | bytes,
    *,
    now: float | None,
    tolerance: float,
    allow_simple: bool,
    max_body_bytes: int,
) -> tuple[dict[str, Any], str]:
    """The checks of `verify_webhook`, up to the typed decoding: the payload and the header that
    verified it. A payload verified by `X-Signature-Simple` is cut down to the fields it signs."""
    _check_tolerance(tolerance)
    key = _secret_bytes(secret)
    raw = _body_bytes(body, max_body_bytes)
    lowered = _header_map(headers)
    current = time.time() if now is None else now
    timestamp = _header_timestamp(lowered, current, tolerance)
    checked: list[str] = []
    verified_by: str | None = None
    signature = lowered.get(SIGNATURE_HEADER.lower())
    if signature is not None:  # over the raw bytes: checked before the body is parsed at all
        checked.append(SIGNATURE_HEADER)
        if _signed_matches(key, raw, signature):
            verified_by = SIGNATURE_HEADER
    payload = _parse_body(raw)
    if verified_by is None:
        verified_by = _verify_parsed_signatures(payload, lowered, key, allow_simple, checked)
    body_timestamp = _whole_floats_to_int(payload.get("timestamp"))
    if type(body_timestamp) is not int or body_timestamp != timestamp:
        raise WebhookReplayError(
            f"the body's timestamp does not equal {TIMESTAMP_HEADER} (a replayed body?)"
        )
    if verified_by == SIGNATURE_SIMPLE_HEADER:
        payload = {name: payload[name] for name in SIMPLE_SIGNED_FIELDS if name in payload}
    return payload, verified_by


def _event(payload: Mapping[str, Any]) -> WebhookEvent:
    try:
        return WebhookEvent.from_dict(payload)
    except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as error:
        reason = f"missing field {error}" if isinstance(error, KeyError) else type(error).__name__
        raise WebhookPayloadError(f"the body is not a WebhookEvent: {reason}") from None


def verify_webhook(
    body: bytes,
    headers: WebhookHeaders,
    secret: str | bytes,
    *,
    now: float | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    allow_simple: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
) -> WebhookEvent:
    """Verify a delivery (raw body bytes as received, its headers) and return the typed event.

    Checks, in order: the body is bytes of at most `max_body_bytes`; `X-Timestamp` is within
    `tolerance` seconds of `now` (Unix seconds, default the current time); a signature —
    `X-Signature` over the raw bytes first (before the body is parsed), then `X-Signature-V2`,
    then `X-Signature-Simple` only if `allow_simple`; the body parses strictly (UTF-8 JSON
    object, no repeated keys, bounded nesting); its `timestamp` equals `X-Timestamp`; it decodes
    into `WebhookEvent`. Any bad input raises the `WebhookVerificationError` subclass of the
    first check that fails, and nothing else. `headers` may be any mapping, or (name, value)
    pairs, of `str` or `bytes`.

    `X-Signature-Simple` signs `timestamp`, `session_id`, `status` and `webhook_type` only: when
    it is what verified the delivery, the event has those four fields and no other (`decision`,
    `metadata`, `vendor_data`, `workflow_id`, `session_kind`, `created_at` are unset), since
    anything else in the body is unauthenticated. A `tolerance` that is not a finite number of
    seconds >= 0 is a `ValueError` of the caller.
    """
    payload, verified_by = _verified_payload(
        body,
        headers,
        secret,
        now=now,
        tolerance=tolerance,
        allow_simple=allow_simple,
        max_body_bytes=max_body_bytes,
    )
    event = _event(payload)
    logger.debug("webhook %s verified by %s", event.webhook_type, verified_by)
    return event


# --- receiving: verify, decode, drop duplicates ----------------------------------------------


class DeliveryStore(Protocol):
    """Where a `WebhookReceiver` remembers the events it has accepted, each for as long as it says.

    `add` must be atomic (two concurrent deliveries of one event: exactly one gets True), so a
    shared store (Redis `SET key 1 NX EX <ttl>`, a database row with a unique key and an expiry)
    works across processes; `discard` forgets a key, so that Didit's retry is processed again
    after the caller's own handling failed. Keys are hex digests.
    """

    def add(self, key: str, ttl: float) -> bool:
        """Remember `key` for `ttl` seconds; True if it was not remembered already (an unexpired
        entry), False (and the entry unchanged) if it was."""
        ...

    def discard(self, key: str) -> None:
        """Forget `key` (no error when absent)."""
        ...


class InMemoryDeliveryStore:
    """A `DeliveryStore` in this process's memory: at most `max_entries` keys, each until the time
    to live its `add` gave runs out (by `clock`, default `time.monotonic`); when full, the oldest
    added goes first. Thread-safe. Across several processes or restarts use a shared store.
    """

    def __init__(
        self,
        *,
        max_entries: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be >= 1")
        self.max_entries = max_entries
        self._clock = clock
        self._expiry: dict[str, float] = {}  # insertion order: the oldest added first
        self._by_expiry: list[tuple[float, str]] = []  # a heap; entries may be stale
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            self._evict_expired(self._clock())
            return len(self._expiry)

    def _evict_expired(self, now: float) -> None:
        while self._by_expiry and self._by_expiry[0][0] <= now:
            expires, key = heapq.heappop(self._by_expiry)
            if self._expiry.get(key) == expires:
                del self._expiry[key]
        if len(self._by_expiry) > 2 * len(self._expiry) + 64:  # stale entries of discarded keys
            self._by_expiry = [(expires, key) for key, expires in self._expiry.items()]
            heapq.heapify(self._by_expiry)

    def add(self, key: str, ttl: float) -> bool:
        if not ttl > 0:
            raise ValueError("ttl must be > 0")
        with self._lock:
            now = self._clock()
            self._evict_expired(now)
            if key in self._expiry:
                return False
            expires = now + ttl
            self._expiry[key] = expires
            heapq.heappush(self._by_expiry, (expires, key))
            while len(self._expiry) > self.max_entries:
                del self._expiry[next(iter(self._expiry))]
            return True

    def discard(self, key: str) -> None:
        with self._lock:
            self._expiry.pop(key, None)


class DeliveryOutcome(StrEnum):
    """What a `WebhookReceiver` made of a delivery."""

    NEW = "new"
    """Verified and not seen before: handle the event."""
    DUPLICATE = "duplicate"
    """Verified, and already accepted once (a retry, or a replay within the window): skip it."""
    REJECTED = "rejected"
    """Failed verification: do nothing with it."""


@dataclass(frozen=True)
class WebhookDelivery:
    """The result of `WebhookReceiver.receive`: what to do with a delivery and what to answer.

    `status_code` is the HTTP status to answer Didit with: 200 for a new or a duplicate delivery
    (a 2xx stops Didit's retries), 401 when a signature, the timestamp or the replay check failed,
    413 for a body over the limit, 400 for any other bad body. `event` is the typed event
    (None when rejected; also there for a duplicate), `error` the verification error (None unless
    rejected), `key` the deduplication key (None when rejected).
    """

    outcome: DeliveryOutcome
    status_code: int
    event: WebhookEvent | None = None
    error: WebhookVerificationError | None = None
    key: str | None = None

    @property
    def is_new(self) -> bool:
        return self.outcome is DeliveryOutcome.NEW


def delivery_key(payload: Mapping[str, Any]) -> str:
    """The deduplication key of a verified payload: a SHA-256 of its canonical JSON without
    `timestamp`. Didit's payload has no event id, and a retry is the first attempt's payload with
    a new `timestamp` (and new signatures), so this is what one event's attempts share; any
    change in what it says gives another key. The same content is also what a later, different
    event of the same session may say (In Progress, Resubmitted, In Progress again): the key alone
    cannot tell them apart, time does — see `WebhookReceiver`."""
    event = {name: value for name, value in payload.items() if name != "timestamp"}
    return hashlib.sha256(_canonical_text(event, ensure_ascii=True).encode("ascii")).hexdigest()


def _status_for(error: WebhookVerificationError) -> int:
    if isinstance(error, WebhookPayloadTooLargeError):
        return 413
    if isinstance(error, WebhookPayloadError):
        return 400
    return 401


class WebhookReceiver:
    """Verifies and decodes webhook deliveries and drops duplicates, for any web framework.

    Give `receive` the raw body bytes and the headers as the framework has them; answer with the
    returned `status_code`, and handle `event` when `is_new`. If handling a new event fails and
    you answer an error so that Didit retries, call `forget` first, or the retry is a duplicate.
    `secret`, `tolerance`, `allow_simple` and `max_body_bytes` are those of `verify_webhook`;
    `clock` (Unix seconds) is what `now` means; `store` remembers accepted events (by default an
    `InMemoryDeliveryStore` on `clock`).

    What is a duplicate. Didit sends one event up to three times: the first attempt, then, while
    no attempt got a 2xx, about 60 s and 240 s later, each with the same payload under a new
    `timestamp`. Nothing in the payload names the event, so an event is its content (the payload
    without `timestamp`, `delivery_key`) at a time: a delivery is a duplicate when a delivery
    with the same content was accepted, and not forgotten, no longer ago than its attempts and
    their replays can come. That is until `retry_window` seconds (Didit's retries, with slack)
    plus `tolerance` seconds (how long the last attempt's bytes pass the timestamp check) after
    the accepted delivery's own `timestamp`: the store is asked to keep the key that much longer
    than `clock` says now. Later, the same content is a new event: In Progress, Resubmitted, then
    In Progress again ten minutes on is handled three times.

    The trade-off, which no receiver can avoid without an event id from Didit: the same content
    twice within that time (`retry_window + tolerance`, 10 minutes by default) is taken for one
    event, so an In Progress, Resubmitted, In Progress within minutes handles the second In
    Progress as a duplicate (its `event` is still on the `WebhookDelivery`, so a handler that
    tracks state can look at it). A smaller `tolerance` shortens that time; a `retry_window`
    shorter than Didit's retries lets a retry through as new. Handlers should be idempotent in
    any case: Didit may also send an event once more on its own.
    """

    def __init__(
        self,
        secret: str | bytes,
        *,
        store: DeliveryStore | None = None,
        tolerance: float = DEFAULT_TOLERANCE,
        retry_window: float = DEFAULT_RETRY_WINDOW,
        allow_simple: bool = False,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = _secret_bytes(secret)
        _check_tolerance(tolerance)
        if not (
            isinstance(retry_window, int | float)
            and math.isfinite(retry_window)
            and retry_window > 0
        ):
            raise ValueError("retry_window must be a finite number of seconds > 0")
        if (
            isinstance(max_body_bytes, bool)
            or not isinstance(max_body_bytes, int)
            or max_body_bytes < 0
        ):
            raise ValueError("max_body_bytes must be an int >= 0")
        # The default store measures its times to live on the receiver's clock: the one the
        # timestamps are checked against, so a key lives exactly as long as its deliveries pass.
        self.store: DeliveryStore = InMemoryDeliveryStore(clock=clock) if store is None else store
        self.tolerance = tolerance
        self.retry_window = retry_window
        self.allow_simple = allow_simple
        self.max_body_bytes = max_body_bytes
        self._clock = clock

    def __repr__(self) -> str:
        return (
            f"WebhookReceiver(store={type(self.store).__name__}, tolerance={self.tolerance:g}, "
            f"retry_window={self.retry_window:g}, allow_simple={self.allow_simple}, "
            f"max_body_bytes={self.max_body_bytes})"
        )

    def receive(self, body: bytes, headers: WebhookHeaders) -> WebhookDelivery:
        """Verify, decode and deduplicate one delivery; never raises for a bad delivery."""
        now = self._clock()
        try:
            payload, verified_by = _verified_payload(
                body,
                headers,
                self._key,
                now=now,
                tolerance=self.tolerance,
                allow_simple=self.allow_simple,
                max_body_bytes=self.max_body_bytes,
            )
            event = _event(payload)
        except WebhookVerificationError as error:
            logger.info("webhook rejected: %s", error)
            return WebhookDelivery(DeliveryOutcome.REJECTED, _status_for(error), error=error)
        key = delivery_key(payload)
        # Until `retry_window + tolerance` after this delivery's timestamp (verified to be within
        # `tolerance` of now, so this is at least `retry_window`).
        ttl = payload["timestamp"] + self.retry_window + self.tolerance - now
        if not self.store.add(key, ttl):
            logger.info("webhook %s delivered again; dropped", event.webhook_type)
            return WebhookDelivery(DeliveryOutcome.DUPLICATE, 200, event=event, key=key)
        logger.debug("webhook %s verified by %s", event.webhook_type, verified_by)
        return WebhookDelivery(DeliveryOutcome.NEW, 200, event=event, key=key)

    def forget(self, delivery: WebhookDelivery) -> None:
        """Forget an accepted delivery, so that Didit's next attempt is handled as new."""
        if delivery.key is not None:
            self.store.discard(delivery.key)
