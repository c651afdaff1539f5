"""Share-token claims (issue 12, finding 9): `exp` / `iat` / `nbf` are whole numbers, not from
the future, within the longest lifetime the spec allows; every segment is canonical base64url;
and a session imports only into a workflow of its own kind. A refused token uses nothing up."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

import jwt
import pytest

from didit_emulator.exceptions import InvalidShareToken, WorkflowKindMismatch
from didit_emulator.testing import RunningEmulator
from didit_spec import component_schema

LONGEST_LIFETIME = component_schema("ShareSessionRequest")["properties"]["ttl_in_seconds"][
    "maximum"
]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _signed(emulator: RunningEmulator, claims: dict[str, Any]) -> str:
    """A token over exactly these claims (serialised as given, NaN and Infinity included),
    signed with the emulator's secret."""
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = _b64(json.dumps(claims).encode())
    signing_input = f"{header}.{payload}".encode()
    key = emulator.config.share_token_secret.encode()
    signature = jwt.algorithms.HMACAlgorithm(jwt.algorithms.HMACAlgorithm.SHA256).sign(
        signing_input, key
    )
    return f"{header}.{payload}.{_b64(signature)}"


def _claims(emulator: RunningEmulator, **changes: Any) -> dict[str, Any]:
    source = emulator.finished_session("Acme", "approved")
    now = int(emulator.backend.now())
    claims: dict[str, Any] = {
        "session_id": str(source.session_id),
        "session_kind": "user",
        "from_application_id": emulator.application("Acme").id,
        "for_application_id": emulator.application("Partner").id,
        "iat": now,
        "exp": now + 3600,
    }
    for name, value in changes.items():
        if value is _ABSENT:
            del claims[name]
        else:
            claims[name] = value(now) if callable(value) else value
    return claims


_ABSENT = object()


def _import(emulator: RunningEmulator, token: str, workflow_id: str | None = None) -> Any:
    body = {
        "share_token": token,
        "trust_review": True,
        "workflow_id": workflow_id or emulator.workflow("Partner").id,
    }
    with emulator.client("Partner") as partner:
        return partner.get_httpx_client().post("/v3/session/import-shared/", json=body)


CLAIM_CASES: dict[str, dict[str, Any]] = {
    "exp NaN": {"exp": float("nan")},
    "exp Infinity": {"exp": float("inf")},
    "exp 1e308": {"exp": 1e308},
    "exp fractional": {"exp": lambda now: now + 3600.5},
    "exp a string": {"exp": lambda now: str(now + 3600)},
    "exp true": {"exp": True},
    "exp absent": {"exp": _ABSENT},
    "iat absent": {"iat": _ABSENT},
    "iat NaN": {"iat": float("nan")},
    "iat in the future": {"iat": lambda now: now + 60, "exp": lambda now: now + 3660},
    "nbf in the future": {"nbf": lambda now: now + 60},
    "nbf -Infinity": {"nbf": float("-inf")},
    "lifetime beyond the spec's longest": {
        "exp": lambda now: now + LONGEST_LIFETIME + 1,
    },
    "exp 10**30": {"exp": 10**30},
}


@pytest.mark.parametrize("case", list(CLAIM_CASES))
def test_import_shared_session_refuses_a_signed_token_with_bad_time_claims(
    emulator: RunningEmulator, case: str
) -> None:
    claims = _claims(emulator, **CLAIM_CASES[case])
    imports_before = emulator.state()["imports"]
    response = _import(emulator, _signed(emulator, claims))
    assert response.status_code == InvalidShareToken.status_code
    assert emulator.state()["imports"] == imports_before


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({}, id="as minted"),
        pytest.param({"iat": lambda now: now + 5, "exp": lambda now: now + 65}, id="iat at leeway"),
        pytest.param({"nbf": lambda now: now}, id="nbf now"),
        pytest.param({"exp": lambda now: now + LONGEST_LIFETIME}, id="longest lifetime"),
    ],
)
def test_import_shared_session_accepts_a_signed_token_with_sound_time_claims(
    emulator: RunningEmulator, changes: dict[str, Any]
) -> None:
    response = _import(emulator, _signed(emulator, _claims(emulator, **changes)))
    assert response.status_code == 201


def _pad_signature(token: str) -> str:
    return token + "="


def _flip_unused_bits(token: str) -> str:
    # 32 signature bytes are 43 base64url characters; the last carries 4 data bits and 2 unused
    # ones. Setting an unused bit decodes to the same bytes: a second spelling of one signature.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    head, _, signature = token.rpartition(".")
    last = alphabet.index(signature[-1])
    other = alphabet[last ^ 0b01]
    assert base64.urlsafe_b64decode(signature[:-1] + other + "=") == base64.urlsafe_b64decode(
        signature + "="
    )
    return f"{head}.{signature[:-1]}{other}"


def _pad_payload(token: str) -> str:
    header, payload, signature = token.split(".")
    padded = payload + "=" * (-len(payload) % 4)
    if padded == payload:
        padded = payload + "===="
    return f"{header}.{padded}.{signature}"


@pytest.mark.parametrize(
    "spelling",
    [_pad_signature, _flip_unused_bits, _pad_payload],
    ids=lambda f: f.__name__.strip("_"),
)
def test_import_shared_session_refuses_a_non_canonical_spelling_of_a_valid_token(
    emulator: RunningEmulator, spelling: Callable[[str], str]
) -> None:
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)
    response = _import(emulator, spelling(token))
    assert response.status_code == InvalidShareToken.status_code
    assert _import(emulator, token).status_code == 201  # the share is not used up


@pytest.mark.parametrize(
    ("source_kind", "target_kind"), [("user", "business"), ("business", "user")]
)
def test_import_shared_session_into_a_workflow_of_the_other_kind_is_400(
    emulator: RunningEmulator, source_kind: str, target_kind: str
) -> None:
    source = emulator.finished_session("Acme", "approved", kind=source_kind)
    token = emulator.share_token(source.session_id)
    wrong = _import(emulator, token, emulator.workflow("Partner", target_kind).id)
    assert wrong.status_code == WorkflowKindMismatch.status_code == 400
    assert wrong.json()["detail"] == (
        f"workflow_id: a {source_kind} session cannot be imported into a {target_kind} workflow."
    )
    assert emulator.state()["imports"] == []
    right = _import(emulator, token, emulator.workflow("Partner", source_kind).id)
    assert right.status_code == 201
