"""Rate limits: sliding 60-second windows per API key in the live service's buckets (the spec's
`x-rate-limits`), 429 with Retry-After, and X-RateLimit-* headers on every response (the reset as
UTC epoch seconds, as the live service sends it)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from didit_client import AuthenticatedClient, Client
from didit_client.api.sessions import create_session, get_session_decision, list_sessions
from didit_client.models import CreateSessionRequest, ErrorResponse

from didit_emulator import default_config
from didit_emulator.testing import RunningEmulator, running_emulator
from didit_spec import load_spec

LIMITS = {"create_session": 3, "get_session_decision": 2}
DEFAULT = 5
BUCKETS = {name: int(b["limit"]) for name, b in load_spec()["x-rate-limits"]["buckets"].items()}


@pytest.fixture(scope="module")
def limited_server() -> Iterator[RunningEmulator]:
    config = default_config().with_rate_limits(default=DEFAULT, operations=LIMITS)
    with running_emulator(config) as server:
        yield server


@pytest.fixture
def limited(limited_server: RunningEmulator) -> Iterator[RunningEmulator]:
    limited_server.reset()
    yield limited_server
    assert limited_server.response_violations == []


def _create(emulator: RunningEmulator, client: AuthenticatedClient, app: str = "Acme") -> Any:
    body = CreateSessionRequest(workflow_id=UUID(emulator.workflow(app).id))
    return create_session.sync_detailed(client=client, body=body)


def _limits(response: Any) -> tuple[int, int, int]:
    headers = response.headers
    return (
        int(headers["X-RateLimit-Limit"]),
        int(headers["X-RateLimit-Remaining"]),
        int(headers["X-RateLimit-Reset"]),
    )


def test_create_session_over_the_limit_is_429_with_retry_after(limited: RunningEmulator) -> None:
    with limited.client("Acme") as acme:
        responses = [_create(limited, acme) for _ in range(4)]
    assert [r.status_code for r in responses] == [201, 201, 201, 429]
    assert [_limits(r)[:2] for r in responses] == [(3, 2), (3, 1), (3, 0), (3, 0)]
    now = limited.backend.now()
    # The reset is when the window admits again: the first request's time plus the window.
    assert {_limits(r)[2] for r in responses} == {_limits(responses[0])[2]}
    assert now <= _limits(responses[0])[2] <= now + 61
    refused = responses[3]
    assert isinstance(refused.parsed, ErrorResponse)
    assert "throttled" in str(refused.parsed.detail)
    retry_after = int(refused.headers["Retry-After"])
    assert 1 <= retry_after <= 60
    assert len(limited.state()["sessions"]) == 3  # the refused request created nothing


@pytest.mark.parametrize(("elapsed", "status"), [(30, 429), (59, 429), (60, 201), (600, 201)])
def test_create_session_window_slides_on_the_emulator_clock(
    limited: RunningEmulator, elapsed: float, status: int
) -> None:
    with limited.client("Acme") as acme:
        for _ in range(3):
            assert _create(limited, acme).status_code == 201
        limited.advance_clock(elapsed)
        assert _create(limited, acme).status_code == status


def test_create_session_window_is_sliding_not_fixed(limited: RunningEmulator) -> None:
    with limited.client("Acme") as acme:
        assert _create(limited, acme).status_code == 201
        limited.advance_clock(40)
        assert _create(limited, acme).status_code == 201
        assert _create(limited, acme).status_code == 201
        limited.advance_clock(21)  # the first request left the window, the other two did not
        assert _create(limited, acme).status_code == 201
        response = _create(limited, acme)
        assert response.status_code == 429
        assert int(response.headers["Retry-After"]) == 39  # until the 40 s requests leave


def test_rate_limits_are_per_api_key(limited: RunningEmulator) -> None:
    with limited.client("Acme") as acme, limited.client("Partner") as partner:
        for _ in range(3):
            _create(limited, acme)
        assert _create(limited, acme).status_code == 429
        response = _create(limited, partner, "Partner")
    assert response.status_code == 201
    assert _limits(response)[:2] == (3, 2)


def test_rate_limits_are_per_operation(limited: RunningEmulator) -> None:
    with limited.client("Acme") as acme:
        for _ in range(3):
            _create(limited, acme)
        assert _create(limited, acme).status_code == 429
        listing = list_sessions.sync_detailed(client=acme)
        assert listing.status_code == 200
        assert _limits(listing)[:2] == (BUCKETS["read"], BUCKETS["read"] - 1)
        session_id = limited.state()["sessions"][0]["session_id"]
        decisions = [
            get_session_decision.sync_detailed(UUID(session_id), client=acme) for _ in range(3)
        ]
    assert [r.status_code for r in decisions] == [200, 200, 429]


def test_every_response_carries_rate_limit_headers(limited: RunningEmulator) -> None:
    http_anonymous = Client(base_url=limited.base_url, verify_ssl=False)
    with limited.client("Acme") as acme, http_anonymous:
        http = acme.get_httpx_client()
        responses = {
            "201": _create(limited, acme),
            "200": list_sessions.sync_detailed(client=acme),
            "400": http.post("/v3/session/", json={"workflow_id": "x"}),
            "403": http_anonymous.get_httpx_client().get("/v3/sessions/"),
            "404": get_session_decision.sync_detailed(uuid.uuid4(), client=acme),
            "404-route": http.get("/v3/nowhere/"),
            "405": http.put("/v3/sessions/"),
        }
        for _ in range(3):
            _create(limited, acme)
        responses["429"] = _create(limited, acme)
    for name, response in responses.items():
        assert str(response.status_code) == name.split("-")[0]
        limit, remaining, reset = _limits(response)
        assert limit >= 1, name
        assert 0 <= remaining <= limit, name
        assert reset >= 0, name


def test_rate_limit_defaults_are_the_live_services(emulator: RunningEmulator) -> None:
    session = emulator.finished_session("Acme")
    with emulator.client("Acme") as acme:
        http = acme.get_httpx_client()
        observed = {
            "create_session": _limits(_create(emulator, acme))[0],
            "get_session_decision": _limits(
                http.get(f"/v3/session/{session.session_id}/decision/")
            )[0],
            "generate_session_pdf": _limits(
                http.get(f"/v3/session/{session.session_id}/generate-pdf/")
            )[0],
            "list_sessions": _limits(http.get("/v3/sessions/"))[0],
            "list_blocklist": _limits(http.get("/v3/blocklist/"))[0],
        }
    with emulator.bearer_client(emulator.access_token()) as bearer:
        response = bearer.get_httpx_client().post(
            "/v2/session/", json={"workflow_id": emulator.workflow().id}
        )
        observed["create_session_v2"] = _limits(response)[0]
    # Creates count in their own bucket; reads in the read bucket, a PDF in the PDF one too (its
    # fuller window is the one reported).
    assert observed == {
        "create_session": BUCKETS["session_create"],
        "get_session_decision": BUCKETS["read"],
        "generate_session_pdf": BUCKETS["pdf"],
        "list_sessions": BUCKETS["read"],
        "list_blocklist": BUCKETS["read"],
        "create_session_v2": BUCKETS["session_create"],
    }


def test_writes_share_one_bucket(emulator: RunningEmulator) -> None:
    limited = default_config().with_rate_limits()
    assert limited.rate_limits.operations == {}
    session = emulator.finished_session("Acme")
    with emulator.client("Acme") as acme:
        http = acme.get_httpx_client()
        first = http.post("/v3/blocklist/add/", json={"session_id": str(session.session_id)})
        second = http.patch(
            f"/v3/session/{session.session_id}/update-status/", json={"new_status": "Declined"}
        )
    assert _limits(first)[:2] == (BUCKETS["write"], BUCKETS["write"] - 1)
    assert _limits(second)[:2] == (BUCKETS["write"], BUCKETS["write"] - 2)
