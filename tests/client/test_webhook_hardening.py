"""`verify_webhook` under hostile input: a `WebhookVerificationError` subclass, and nothing else.

Each row is a delivery an attacker (or a broken proxy) can send: giant or malformed headers, bodies
that break a naive parser (deep nesting, lone surrogates, repeated keys, non-finite numbers, huge
integers, bytes that are not UTF-8) and bodies over the size limit. Every one must fail with the
expected subclass — never ValueError, UnicodeEncodeError, RecursionError or TypeError escaping
from inside — and the size limit must be enforced before the body is parsed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from email.message import Message
from typing import Any

import pytest

from didit_toolkit import webhooks
from didit_toolkit.webhooks import (
    DEFAULT_MAX_BODY_BYTES,
    SIGNATURE_HEADER,
    SIGNATURE_V2_HEADER,
    TIMESTAMP_HEADER,
    WebhookPayloadError,
    WebhookPayloadTooLargeError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookVerificationError,
    canonical_json,
    sign_webhook,
    verify_webhook,
)

SECRET = "whsec_hardening_5e2b9c1d"
NOW = 1_753_630_666
PAYLOAD: dict[str, Any] = {
    "webhook_type": "status.updated",
    "session_id": "11111111-2222-3333-4444-555555555555",
    "status": "Approved",
    "timestamp": NOW,
}


def genuine() -> tuple[bytes, dict[str, Any]]:
    return canonical_json(PAYLOAD), dict(sign_webhook(PAYLOAD, SECRET, NOW))


def signed_raw(body: bytes, *, v2: str | None = None) -> tuple[bytes, dict[str, Any]]:
    """`body` with a valid X-Signature over its bytes (what an attacker cannot make) or with only a
    V2 header (what an attacker can send: any value)."""
    headers: dict[str, Any] = {TIMESTAMP_HEADER: str(NOW)}
    if v2 is None:
        headers[SIGNATURE_HEADER] = webhooks._hmac_hex(SECRET.encode(), body)
    else:
        headers[SIGNATURE_V2_HEADER] = v2
    return body, headers


def nested(depth: int) -> bytes:
    inner = '{"a":' * depth + "1" + "}" * depth
    return f'{{"webhook_type":"status.updated","timestamp":{NOW},"metadata":{inner}}}'.encode()


def _timestamp(value: Any) -> Callable[[], tuple[Any, Any]]:
    def case() -> tuple[Any, Any]:
        body, headers = genuine()
        headers[TIMESTAMP_HEADER] = value
        return body, headers

    return case


def _header(name: str, value: Any) -> Callable[[], tuple[Any, Any]]:
    """The genuine body with `value` as its only signature header."""

    def case() -> tuple[Any, Any]:
        body, headers = genuine()
        return body, {TIMESTAMP_HEADER: headers[TIMESTAMP_HEADER], name: value}

    return case


def _body(body: Any, *, v2: str | None = None) -> Callable[[], tuple[Any, Any]]:
    return lambda: signed_raw(body, v2=v2) if isinstance(body, bytes) else (body, genuine()[1])


def _duplicate_signature() -> tuple[Any, Any]:
    body, headers = genuine()
    pairs = [(name, value) for name, value in headers.items()]
    pairs.append((SIGNATURE_HEADER.lower(), "0" * 64))
    return body, pairs


def _duplicate_key_before_signed_one() -> tuple[Any, Any]:
    # A first-wins parser reads "Approved"; Python's last-wins reading is the signed payload.
    declined = {**PAYLOAD, "status": "Declined"}
    headers = sign_webhook(declined, SECRET, NOW)
    body = canonical_json(declined).replace(b'"status"', b'"status":"Approved","status"', 1)
    return body, {
        TIMESTAMP_HEADER: headers[TIMESTAMP_HEADER],
        SIGNATURE_V2_HEADER: headers[SIGNATURE_V2_HEADER],
    }


SURROGATE = b'{"webhook_type":"status.updated","session_id":"\\ud800","timestamp":%d}' % NOW

CASES: list[tuple[str, Callable[[], tuple[Any, Any]], type[WebhookVerificationError]]] = [
    ("timestamp-5000-digits", _timestamp("9" * 5000), WebhookTimestampError),
    ("timestamp-13-digits", _timestamp("1" * 13), WebhookTimestampError),
    ("timestamp-negative", _timestamp(f"-{NOW}"), WebhookTimestampError),
    ("timestamp-unicode-digits", _timestamp("١٧٥٣٦٣٠٦٦٦"), WebhookTimestampError),
    ("timestamp-bytes-not-digits", _timestamp(b"\xff\xfe"), WebhookTimestampError),
    ("timestamp-int", _timestamp(NOW), WebhookTimestampError),
    ("timestamp-none", _timestamp(None), WebhookTimestampError),
    ("signature-bytes-garbage", _header(SIGNATURE_HEADER, b"\x00\xff" * 40), WebhookSignatureError),
    ("signature-list", _header(SIGNATURE_V2_HEADER, ["a", "b"]), WebhookSignatureError),
    ("signature-megabyte", _header(SIGNATURE_HEADER, "a" * 1_000_000), WebhookSignatureError),
    ("signature-given-twice", _duplicate_signature, WebhookSignatureError),
    ("headers-not-a-mapping", lambda: (genuine()[0], 42), WebhookVerificationError),
    ("headers-bad-pairs", lambda: (genuine()[0], [("a", "b", "c")]), WebhookVerificationError),
    ("body-str", _body(canonical_json(PAYLOAD).decode()), WebhookPayloadError),
    ("body-none", _body(None), WebhookPayloadError),
    ("body-dict", _body(PAYLOAD), WebhookPayloadError),
    ("surrogate-with-v2", _body(SURROGATE, v2="0" * 64), WebhookSignatureError),
    ("surrogate-signed", _body(SURROGATE), WebhookPayloadError),
    ("nesting-500-with-v2", _body(nested(500), v2="0" * 64), WebhookPayloadError),
    ("nesting-500-signed", _body(nested(500)), WebhookPayloadError),
    ("nesting-100000-signed", _body(nested(100_000)), WebhookPayloadError),
    (
        "duplicate-key-signed",
        _body(canonical_json(PAYLOAD)[:-1] + b',"status":"x"}'),
        WebhookPayloadError,
    ),
    ("duplicate-key-before-signed-v2", _duplicate_key_before_signed_one, WebhookPayloadError),
    ("nan-literal", _body(canonical_json(PAYLOAD)[:-1] + b',"score":NaN}'), WebhookPayloadError),
    (
        "infinity-literal",
        _body(canonical_json(PAYLOAD)[:-1] + b',"s":-Infinity}'),
        WebhookPayloadError,
    ),
    (
        "float-overflow",
        _body(canonical_json(PAYLOAD)[:-1] + b',"score":1e400}'),
        WebhookPayloadError,
    ),
    (
        "int-5000-digits",
        _body(canonical_json(PAYLOAD)[:-1] + b',"n":' + b"9" * 5000 + b"}"),
        WebhookPayloadError,
    ),
    ("invalid-utf8", _body(b'{"vendor_data":"\xff\xfe","timestamp":1}'), WebhookPayloadError),
    ("utf16-bom", _body(canonical_json(PAYLOAD).decode().encode("utf-16")), WebhookPayloadError),
    ("empty-body", _body(b""), WebhookPayloadError),
    ("json-scalar", _body(b"17"), WebhookPayloadError),
    (
        "year-overflow",
        _body(canonical_json({**PAYLOAD, "session_id": "x" * 10_000})),
        WebhookPayloadError,
    ),
    (
        "over-the-size-limit",
        _body(b" " * (DEFAULT_MAX_BODY_BYTES + 1)),
        WebhookPayloadTooLargeError,
    ),
]


@pytest.mark.parametrize(
    ("make", "expected"), [pytest.param(make, expected, id=name) for name, make, expected in CASES]
)
def test_verify_webhook_refuses_hostile_input_with_its_own_error(
    make: Callable[[], tuple[Any, Any]], expected: type[WebhookVerificationError]
) -> None:
    body, headers = make()
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(body, headers, SECRET, now=NOW)
    assert isinstance(caught.value, expected), repr(caught.value)
    assert caught.value.__cause__ is None or isinstance(
        caught.value.__cause__, WebhookVerificationError
    )
    assert SECRET not in str(caught.value)


def test_verify_webhook_checks_the_size_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[object] = []
    real = json.loads

    def spy(*args: Any, **kwargs: Any) -> Any:
        parsed.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(json, "loads", spy)
    body, headers = signed_raw(canonical_json({**PAYLOAD, "metadata": {"pad": "x" * 2048}}))
    with pytest.raises(WebhookPayloadTooLargeError):
        verify_webhook(body, headers, SECRET, now=NOW, max_body_bytes=1024)
    assert parsed == []
    assert (
        verify_webhook(body, headers, SECRET, now=NOW, max_body_bytes=len(body)).status
        == "Approved"
    )
    assert len(parsed) == 1


def test_verify_webhook_checks_the_raw_signature_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    order: list[str] = []
    real_loads, real_hmac = json.loads, webhooks._hmac_hex

    def loads(*args: Any, **kwargs: Any) -> Any:
        order.append("parse")
        return real_loads(*args, **kwargs)

    def hmac_hex(key: bytes, message: bytes) -> str:
        order.append("hmac")
        return real_hmac(key, message)

    body, headers = genuine()
    monkeypatch.setattr(json, "loads", loads)
    monkeypatch.setattr(webhooks, "_hmac_hex", hmac_hex)
    verify_webhook(
        body,
        {TIMESTAMP_HEADER: headers[TIMESTAMP_HEADER], SIGNATURE_HEADER: headers[SIGNATURE_HEADER]},
        SECRET,
        now=NOW,
    )
    assert order == ["hmac", "parse"]


@pytest.mark.parametrize(
    "as_bytes",
    [
        pytest.param(
            lambda headers: {k.encode(): v.encode() for k, v in headers.items()}, id="bytes-mapping"
        ),
        pytest.param(
            lambda headers: [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            id="asgi-pairs",
        ),
        pytest.param(
            lambda headers: {k: v.encode() for k, v in headers.items()}, id="bytes-values"
        ),
    ],
)
def test_verify_webhook_reads_headers_as_bytes(as_bytes: Callable[[dict[str, str]], Any]) -> None:
    body, headers = genuine()
    assert verify_webhook(body, as_bytes(headers), SECRET, now=NOW).status == "Approved"


def test_verify_webhook_accepts_a_header_repeated_with_one_value() -> None:
    body, headers = genuine()
    pairs = [*headers.items(), (SIGNATURE_HEADER, headers[SIGNATURE_HEADER])]
    assert verify_webhook(body, pairs, SECRET, now=NOW).status == "Approved"


def test_verify_webhook_accepts_a_body_at_the_nesting_limit() -> None:
    body, headers = signed_raw(nested(webhooks.MAX_JSON_DEPTH - 2))
    with pytest.raises(WebhookPayloadError, match="not a WebhookEvent"):  # parsed, then decoded
        verify_webhook(body, headers, SECRET, now=NOW)
    body, headers = signed_raw(nested(webhooks.MAX_JSON_DEPTH - 1))
    with pytest.raises(WebhookPayloadError, match="deeper than"):
        verify_webhook(body, headers, SECRET, now=NOW)


def test_verify_webhook_reads_a_multi_value_header_object() -> None:
    # email.message.Message (http.client's headers) iterates over names but has items().
    body, headers = genuine()
    message = Message()
    for name, value in headers.items():
        message[name] = value
    assert verify_webhook(body, message, SECRET, now=NOW).status == "Approved"  # type: ignore[arg-type]
    message[SIGNATURE_HEADER] = "0" * 64  # a second X-Signature with another value
    with pytest.raises(WebhookSignatureError, match="more than once"):
        verify_webhook(body, message, SECRET, now=NOW)  # type: ignore[arg-type]
