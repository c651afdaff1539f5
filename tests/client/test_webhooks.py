"""Webhook signing and verification: every fixture verifies, every tampered one fails.

The fixtures are the payloads where canonical JSON is easy to get wrong — unicode names, empty
objects, slashes, whole and fractional floats, numeric-looking keys, business sessions — signed
with `sign_webhook` as Didit signs them. The canonical form and the HMACs are also pinned against
literal bytes computed independently here, so `sign_webhook` and `verify_webhook` cannot agree on
a wrong answer.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
from collections.abc import Callable
from typing import Any

import pytest
from didit_client.models import BusinessDecision, DecisionV3, SessionMetadata

from didit_toolkit.webhooks import (
    SIGNATURE_HEADER,
    SIGNATURE_SIMPLE_HEADER,
    SIGNATURE_V2_HEADER,
    TIMESTAMP_HEADER,
    WebhookPayloadError,
    WebhookReplayError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookVerificationError,
    canonical_json,
    sign_webhook,
    verify_webhook,
)

SECRET = "whsec_test_4d9c2a7e1b8f6053"
NOW = 1_753_630_666
SESSION_ID = "11111111-2222-3333-4444-555555555555"
ALL_SIGNATURES = (SIGNATURE_V2_HEADER, SIGNATURE_HEADER, SIGNATURE_SIMPLE_HEADER)

BASE: dict[str, Any] = {
    "webhook_type": "status.updated",
    "session_id": SESSION_ID,
    "status": "Approved",
    "timestamp": NOW,
    "created_at": NOW - 600,
    "workflow_id": "d8d2fa2d-c69c-471c-b7bc-bc71512b43ef",
    "vendor_data": "user-123",
}

FIXTURES: dict[str, dict[str, Any]] = {
    "minimal": {
        "webhook_type": "status.updated",
        "session_id": SESSION_ID,
        "status": "In Progress",
        "timestamp": NOW,
    },
    "unicode-names": {
        **BASE,
        "vendor_data": "Zoë Łukasz 山田太郎",
        "metadata": {"full_name": "Carmen Española Española", "emoji": "🙂", "rtl": "مرحبا"},
        "decision": {
            "session_id": SESSION_ID,
            "status": "Approved",
            "id_verifications": [
                {"status": "Approved", "first_name": "Zoë", "last_name": "Ñúñez", "age": 45}
            ],
        },
    },
    "empty-objects": {
        **BASE,
        "metadata": {},
        "decision": {
            "session_id": SESSION_ID,
            "status": "Approved",
            "id_verifications": [{"status": "Approved", "extra_fields": {}, "warnings": []}],
            "reviews": [],
        },
    },
    "slashes": {
        **BASE,
        "vendor_data": "tenant/42\\user",
        "metadata": {"callback": "https://example.com/a/b?c=d&e=</script>"},
    },
    "floats": {
        **BASE,
        "status": "Declined",
        "metadata": {
            "ratio": 1.0,
            "negative_whole": -2.0,
            "tiny": 0.1,
            "big": 1e16,
            "nested": [3.0],
        },
        "decision": {
            "session_id": SESSION_ID,
            "status": "Declined",
            "liveness_checks": [{"status": "Declined", "score": 90.0, "age_estimation": 24.3}],
            "face_matches": [{"status": "In Review", "score": 65.43}],
        },
    },
    "numeric-keys": {
        **BASE,
        "metadata": {"10": "ten", "2": "two", "1.5": "one and a half", "-1": [], "01": None},
    },
    "business": {
        **BASE,
        "session_kind": "business",
        "decision": {
            "session_id": SESSION_ID,
            "session_kind": "business",
            "status": "Approved",
            "registry_checks": [{"status": "Approved", "company_name": "Acme / Ünited S.L."}],
        },
    },
    "data-updated-null-vendor": {
        **BASE,
        "webhook_type": "data.updated",
        "status": "In Review",
        "vendor_data": None,
        "metadata": '{"as": "a JSON string"}',
    },
}
FIXTURE_IDS = list(FIXTURES)


def signed(name: str) -> tuple[bytes, dict[str, str]]:
    payload = FIXTURES[name]
    return canonical_json(payload), sign_webhook(payload, SECRET, NOW)


def only(headers: dict[str, str], *keep: str) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k == TIMESTAMP_HEADER or k in keep}


def hmac_hex(message: bytes) -> str:
    return hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()


def test_canonical_json_is_didits_form() -> None:
    payload = {"b": 1.0, "a": "é/ü", "10": {}, "2": [2.5, -0.0, 3.0], "c": {"z": None, "y": True}}
    assert canonical_json(payload) == (
        b'{"10":{},"2":[2.5,0,3],"a":"\\u00e9/\\u00fc","b":1,"c":{"y":true,"z":null}}'
    )
    assert canonical_json(payload, ensure_ascii=False) == (
        '{"10":{},"2":[2.5,0,3],"a":"é/ü","b":1,"c":{"y":true,"z":null}}'.encode()
    )


def test_sign_webhook_matches_an_independent_hmac() -> None:
    payload = {
        "webhook_type": "status.updated",
        "session_id": SESSION_ID,
        "status": "Approved",
        "timestamp": NOW,
        "vendor_data": "Zoë",
        "score": 90.0,
    }
    ascii_body = (
        b'{"score":90,"session_id":"11111111-2222-3333-4444-555555555555","status":"Approved",'
        b'"timestamp":1753630666,"vendor_data":"Zo\\u00eb","webhook_type":"status.updated"}'
    )
    utf8_body = ascii_body.replace(b"Zo\\u00eb", "Zoë".encode())
    simple = b"1753630666:11111111-2222-3333-4444-555555555555:Approved:status.updated"
    assert sign_webhook(payload, SECRET, NOW) == {
        TIMESTAMP_HEADER: "1753630666",
        SIGNATURE_HEADER: hmac_hex(ascii_body),
        SIGNATURE_V2_HEADER: hmac_hex(utf8_body),
        SIGNATURE_SIMPLE_HEADER: hmac_hex(simple),
    }


@pytest.mark.parametrize("name", FIXTURE_IDS)
def test_verify_webhook_accepts_every_signed_fixture(name: str) -> None:
    body, headers = signed(name)
    payload = FIXTURES[name]
    event = verify_webhook(body, headers, SECRET, now=NOW)
    assert str(event.session_id) == SESSION_ID
    assert event.status.value == payload["status"]
    assert event.webhook_type.value == payload["webhook_type"]
    assert event.timestamp == NOW
    assert event.to_dict() == json.loads(body)


@pytest.mark.parametrize("header", ALL_SIGNATURES)
@pytest.mark.parametrize("name", FIXTURE_IDS)
def test_verify_webhook_accepts_each_signature_alone(name: str, header: str) -> None:
    body, headers = signed(name)
    allow_simple = header == SIGNATURE_SIMPLE_HEADER
    event = verify_webhook(body, only(headers, header), SECRET, now=NOW, allow_simple=allow_simple)
    assert str(event.session_id) == SESSION_ID


def test_verify_webhook_decodes_the_typed_payload() -> None:
    event = verify_webhook(*signed("floats"), SECRET, now=NOW)
    assert isinstance(event.decision, DecisionV3)
    assert isinstance(event.decision.liveness_checks, list)
    assert event.decision.liveness_checks[0].score == 90
    assert isinstance(event.metadata, SessionMetadata)
    assert event.metadata.additional_properties["tiny"] == 0.1
    business = verify_webhook(*signed("business"), SECRET, now=NOW)
    assert isinstance(business.decision, BusinessDecision)
    assert business.session_kind == "business"


@pytest.mark.parametrize("name", FIXTURE_IDS)
def test_verify_webhook_v2_survives_reencoding_middleware(name: str) -> None:
    # Middleware that parses and re-serialises JSON: pretty-printed, unescaped, escaped slashes,
    # whole floats kept as floats. X-Signature (raw bytes) no longer matches; V2 still does.
    payload = FIXTURES[name]
    headers = sign_webhook(payload, SECRET, NOW)
    reencoded = json.dumps(payload, indent=2, ensure_ascii=False).replace("/", "\\/").encode()
    assert reencoded != canonical_json(payload)
    event = verify_webhook(reencoded, headers, SECRET, now=NOW)
    assert str(event.session_id) == SESSION_ID
    with pytest.raises(WebhookSignatureError, match="mismatch"):
        verify_webhook(reencoded, only(headers, SIGNATURE_HEADER), SECRET, now=NOW)


def test_verify_webhook_falls_back_to_x_signature_when_v2_is_wrong() -> None:
    body, headers = signed("unicode-names")
    headers[SIGNATURE_V2_HEADER] = "0" * 64
    assert str(verify_webhook(body, headers, SECRET, now=NOW).session_id) == SESSION_ID


def _without(payload: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in payload.items() if k != key}


def _replace(payload: dict[str, Any], **changes: Any) -> dict[str, Any]:
    changed = copy.deepcopy(payload)
    changed.update(changes)
    return changed


Tamper = Callable[[dict[str, Any]], tuple[bytes, dict[str, str], dict[str, Any]]]


def _body_changed(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = sign_webhook(payload, SECRET, NOW)
    return (
        canonical_json(
            _replace(payload, status="Declined" if payload["status"] != "Declined" else "Approved")
        ),
        headers,
        {},
    )


def _decision_changed(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = sign_webhook(payload, SECRET, NOW)
    forged = _replace(payload, decision={"session_id": SESSION_ID, "status": "Approved"})
    return canonical_json(forged), headers, {}


def _metadata_changed(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = sign_webhook(payload, SECRET, NOW)
    return canonical_json(_replace(payload, metadata={"tier": "platinum"})), headers, {}


def _wrong_secret(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    return canonical_json(payload), sign_webhook(payload, "whsec_someone_else", NOW), {}


def _zeroed_signatures(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = sign_webhook(payload, SECRET, NOW)
    headers.update({SIGNATURE_HEADER: "0" * 64, SIGNATURE_V2_HEADER: "0" * 64})
    return canonical_json(payload), headers, {}


def _non_ascii_signature(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = only(sign_webhook(payload, SECRET, NOW))
    headers[SIGNATURE_V2_HEADER] = "é" * 64
    return canonical_json(payload), headers, {}


def _truncated_signature(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = sign_webhook(payload, SECRET, NOW)
    return (
        canonical_json(payload),
        only(headers, SIGNATURE_V2_HEADER)
        | {SIGNATURE_V2_HEADER: headers[SIGNATURE_V2_HEADER][:-1]},
        {},
    )


def _no_signatures(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    return canonical_json(payload), only(sign_webhook(payload, SECRET, NOW)), {}


def _simple_not_allowed(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = only(sign_webhook(payload, SECRET, NOW), SIGNATURE_SIMPLE_HEADER)
    return canonical_json(payload), headers, {}


def _simple_status_forged(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = only(sign_webhook(payload, SECRET, NOW), SIGNATURE_SIMPLE_HEADER)
    forged = _replace(payload, status="Approved" if payload["status"] != "Approved" else "Declined")
    return canonical_json(forged), headers, {"allow_simple": True}


def _stale(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    return canonical_json(payload), sign_webhook(payload, SECRET, NOW), {"now": NOW + 301}


def _from_the_future(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    return canonical_json(payload), sign_webhook(payload, SECRET, NOW), {"now": NOW - 301}


def _no_timestamp(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = sign_webhook(payload, SECRET, NOW)
    del headers[TIMESTAMP_HEADER]
    return canonical_json(payload), headers, {}


def _fractional_timestamp(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    headers = sign_webhook(payload, SECRET, NOW)
    headers[TIMESTAMP_HEADER] = f"{NOW}.5"
    return canonical_json(payload), headers, {}


def _replay(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    # A body captured an hour ago with its genuine signatures, resent with a fresh X-Timestamp.
    old = _replace(payload, timestamp=NOW - 3600)
    headers = sign_webhook(old, SECRET, NOW - 3600)
    headers[TIMESTAMP_HEADER] = str(NOW)
    return canonical_json(old), headers, {}


def _replay_signed_fresh(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    old = _replace(payload, timestamp=NOW - 3600)
    return canonical_json(old), sign_webhook(old, SECRET, NOW), {"allow_simple": True}


def _not_json(payload: dict[str, Any]) -> tuple[bytes, dict[str, str], dict[str, Any]]:
    body = canonical_json(payload)[:-1]
    return body, sign_webhook(payload, SECRET, NOW), {}


TAMPERS: list[tuple[str, Tamper, type[WebhookVerificationError]]] = [
    ("body-status-changed", _body_changed, WebhookSignatureError),
    ("decision-forged", _decision_changed, WebhookSignatureError),
    ("metadata-changed", _metadata_changed, WebhookSignatureError),
    ("wrong-secret", _wrong_secret, WebhookSignatureError),
    ("zeroed-signatures", _zeroed_signatures, WebhookSignatureError),
    ("non-ascii-signature", _non_ascii_signature, WebhookSignatureError),
    ("truncated-signature", _truncated_signature, WebhookSignatureError),
    ("no-signatures", _no_signatures, WebhookSignatureError),
    ("simple-not-allowed", _simple_not_allowed, WebhookSignatureError),
    ("simple-status-forged", _simple_status_forged, WebhookSignatureError),
    ("stale", _stale, WebhookTimestampError),
    ("from-the-future", _from_the_future, WebhookTimestampError),
    ("no-timestamp", _no_timestamp, WebhookTimestampError),
    ("fractional-timestamp", _fractional_timestamp, WebhookTimestampError),
    ("replay", _replay, WebhookReplayError),
    ("replay-signed-fresh", _replay_signed_fresh, WebhookReplayError),
    ("not-json", _not_json, WebhookPayloadError),
]


@pytest.mark.parametrize(
    ("tamper", "error_class"),
    [pytest.param(t, e, id=name) for name, t, e in TAMPERS],
)
@pytest.mark.parametrize("name", FIXTURE_IDS)
def test_verify_webhook_rejects_every_tampered_fixture(
    name: str, tamper: Tamper, error_class: type[WebhookVerificationError]
) -> None:
    body, headers, options = tamper(FIXTURES[name])
    with pytest.raises(error_class) as caught:
        verify_webhook(body, headers, SECRET, **{"now": NOW, **options})
    assert type(caught.value) is error_class
    text = f"{caught.value} {caught.value!r}"
    assert SECRET not in text
    for header in ALL_SIGNATURES:
        if headers.get(header):
            assert headers[header] not in text


@pytest.mark.parametrize(
    "forged",
    [
        pytest.param({"decision": {"session_id": SESSION_ID, "status": "Declined"}}, id="decision"),
        pytest.param({"metadata": {"user": "attacker"}}, id="metadata"),
        pytest.param({"vendor_data": "attacker-user-7"}, id="vendor-data"),
        pytest.param({"workflow_id": "wf-other"}, id="workflow-id"),
        pytest.param({"session_kind": "business"}, id="session-kind"),
        pytest.param({"created_at": 1}, id="created-at"),
        pytest.param({"undocumented": "x"}, id="undocumented-field"),
    ],
)
def test_verify_webhook_simple_signature_returns_only_the_signed_fields(
    forged: dict[str, Any],
) -> None:
    # Simple signs timestamp, session, status and type only: nothing else of the body is
    # authenticated, so nothing else reaches the caller.
    payload = FIXTURES["unicode-names"]
    headers = only(sign_webhook(payload, SECRET, NOW), SIGNATURE_SIMPLE_HEADER)
    body = canonical_json({**payload, **forged})
    event = verify_webhook(body, headers, SECRET, now=NOW, allow_simple=True)
    assert event.to_dict() == {
        "webhook_type": payload["webhook_type"],
        "session_id": SESSION_ID,
        "status": payload["status"],
        "timestamp": NOW,
    }


def test_verify_webhook_other_signatures_return_every_field_even_with_simple_allowed() -> None:
    body, headers = signed("unicode-names")
    event = verify_webhook(
        body, only(headers, SIGNATURE_V2_HEADER), SECRET, now=NOW, allow_simple=True
    )
    assert isinstance(event.decision, DecisionV3)
    assert event.to_dict() == json.loads(body)


@pytest.mark.parametrize("tolerance", [float("nan"), float("inf"), -1.0])
def test_verify_webhook_rejects_a_nonsense_tolerance(tolerance: float) -> None:
    body, headers = signed("minimal")
    with pytest.raises(ValueError, match="tolerance must be"):
        verify_webhook(body, headers, SECRET, now=NOW, tolerance=tolerance)


@pytest.mark.parametrize(
    ("offset", "tolerance", "accepted"),
    [
        pytest.param(300, 300.0, True, id="at-tolerance"),
        pytest.param(-300, 300.0, True, id="at-tolerance-past"),
        pytest.param(301, 300.0, False, id="past-tolerance"),
        pytest.param(10, 10.0, True, id="custom-at"),
        pytest.param(11, 10.0, False, id="custom-past"),
    ],
)
def test_verify_webhook_timestamp_tolerance(offset: int, tolerance: float, accepted: bool) -> None:
    body, headers = signed("minimal")
    if accepted:
        verify_webhook(body, headers, SECRET, now=NOW + offset, tolerance=tolerance)
    else:
        with pytest.raises(WebhookTimestampError, match="from now"):
            verify_webhook(body, headers, SECRET, now=NOW + offset, tolerance=tolerance)


def test_verify_webhook_header_names_are_case_insensitive() -> None:
    body, headers = signed("slashes")
    lowered = {k.lower(): v for k, v in headers.items()}
    upper = {k.upper(): v.upper() for k, v in headers.items()}
    assert verify_webhook(body, lowered, SECRET, now=NOW).status == "Approved"
    assert verify_webhook(body, upper, SECRET, now=NOW).status == "Approved"


def test_verify_webhook_compares_in_constant_time_raw_signature_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[str, str]] = []
    real = hmac.compare_digest

    def spy(a: str, b: str) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    body, headers = signed("unicode-names")  # its X-Signature and V2 differ
    verify_webhook(body, headers, SECRET, now=NOW)
    assert calls == [(headers[SIGNATURE_HEADER], headers[SIGNATURE_HEADER])]
    calls.clear()
    verify_webhook(body, {**headers, SIGNATURE_HEADER: "0" * 64}, SECRET, now=NOW)
    assert calls == [
        (headers[SIGNATURE_HEADER], "0" * 64),
        (headers[SIGNATURE_V2_HEADER], headers[SIGNATURE_V2_HEADER]),
    ]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        pytest.param(_without(BASE, "session_id"), "session_id", id="no-session-id"),
        pytest.param({**BASE, "session_id": "not-a-uuid"}, "ValueError", id="bad-uuid"),
        pytest.param({**BASE, "status": 7}, "TypeError", id="status-not-a-string"),
    ],
)
def test_verify_webhook_rejects_a_signed_body_that_is_not_an_event(
    payload: dict[str, Any], reason: str
) -> None:
    body = canonical_json(payload)
    with pytest.raises(WebhookPayloadError, match=reason):
        verify_webhook(body, sign_webhook(payload, SECRET, NOW), SECRET, now=NOW)


def test_verify_webhook_rejects_a_signed_json_array() -> None:
    body = b"[1,2]"
    headers = {TIMESTAMP_HEADER: str(NOW), SIGNATURE_HEADER: hmac_hex(body)}
    with pytest.raises(WebhookPayloadError, match="not a JSON object"):
        verify_webhook(body, headers, SECRET, now=NOW)


def test_verify_webhook_rejects_an_empty_secret() -> None:
    body, headers = signed("minimal")
    with pytest.raises(ValueError, match="secret is empty"):
        verify_webhook(body, headers, "", now=NOW)
