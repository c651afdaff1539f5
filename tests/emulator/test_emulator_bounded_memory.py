"""Bounded memory (issue 12, finding 4), on the emulator clock: expired client tokens are forgotten
and live ones capped, rate-limit windows that emptied are forgotten and their number capped, the
deleted-id record keeps only the most recent; import records are never forgotten."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator

import httpx
import pytest

from didit_emulator.clock import Clock
from didit_emulator.config import EmulatorConfig
from didit_emulator.ratelimit import SlidingWindowRateLimiter
from didit_emulator.testing import RunningEmulator, in_process_emulator
from tests.emulator.conftest import FROZEN_AT, FROZEN_CONFIG


@pytest.fixture
def small() -> Iterator[RunningEmulator]:
    """An emulator with small memory caps and a one-minute client-token lifetime."""
    config = FROZEN_CONFIG.replace(
        client_token_ttl_seconds=60, max_client_tokens=3, max_deleted_session_ids=2
    )
    with in_process_emulator(config) as emulator:
        yield emulator


def _bearer_status(emulator: RunningEmulator, token: str) -> int:
    body = {"workflow_id": emulator.workflow().id}
    with emulator.bearer_client(token) as client:
        return client.get_httpx_client().post("/v2/session/", json=body).status_code


def test_get_client_token_forgets_expired_tokens_on_the_emulator_clock(
    small: RunningEmulator,
) -> None:
    first = small.access_token()
    assert len(small.backend.client_tokens) == 1
    small.advance_clock(60)  # `first` expires now
    second = small.access_token()
    assert list(small.backend.client_tokens) == [second]
    assert _bearer_status(small, first) == 401
    assert _bearer_status(small, second) == 201


def test_get_client_token_keeps_at_most_max_client_tokens_forgetting_the_oldest(
    small: RunningEmulator,
) -> None:
    tokens = [small.access_token() for _ in range(5)]
    assert list(small.backend.client_tokens) == tokens[-3:]
    assert [_bearer_status(small, token) for token in tokens] == [401, 401, 201, 201, 201]


def test_delete_session_remembers_only_the_most_recent_deleted_ids(
    small: RunningEmulator,
) -> None:
    sessions = [small.create_session() for _ in range(4)]
    with small.client() as client:
        for session in sessions:
            deleted = client.get_httpx_client().delete(f"/v3/session/{session.session_id}/delete/")
            assert deleted.status_code < 300
        gone = [
            client.get_httpx_client().get(f"/v3/session/{s.session_id}/decision/").status_code
            for s in sessions
        ]
    assert small.state()["deleted_session_ids"] == sorted(str(s.session_id) for s in sessions[-2:])
    assert gone == [404] * 4  # forgetting an id does not bring its session back


def test_import_shared_session_records_outlive_the_clock_and_the_caps(
    small: RunningEmulator,
) -> None:
    source = small.finished_session("Acme", "approved")
    tokens = [small.share_token(source.session_id)]
    body = {"trust_review": True, "workflow_id": small.workflow("Partner").id}
    with small.client("Partner") as partner:
        http = partner.get_httpx_client()
        assert (
            http.post(
                "/v3/session/import-shared/", json={**body, "share_token": tokens[0]}
            ).status_code
            == 201
        )
        for _ in range(5):
            small.access_token()
        small.advance_clock(30 * 86400)
        again = small.share_token(source.session_id)
        assert (
            http.post("/v3/session/import-shared/", json={**body, "share_token": again}).status_code
            == 403
        )
    assert len(small.state()["imports"]) == 1


# --- the rate limiter -------------------------------------------------------------------------


def _limiter(
    max_tracked_keys: int = 100, window: float = 60
) -> tuple[SlidingWindowRateLimiter, Clock]:
    clock = Clock(FROZEN_AT, frozen=True)
    config = FROZEN_CONFIG.rate_limits
    limits = dataclasses.replace(
        config,
        enabled=True,
        window_seconds=window,
        operations={"list_sessions": 2},  # a window of its own, of 2 requests
        max_tracked_keys=max_tracked_keys,
    )
    return SlidingWindowRateLimiter(limits, clock), clock


def test_rate_limiter_forgets_windows_that_have_emptied() -> None:
    limiter, clock = _limiter()
    for n in range(50):
        limiter.hit(f"anonymous:10.0.0.{n}", "list_sessions")
    assert limiter.tracked_keys == 50
    clock.advance(60)
    limiter.hit("anonymous:10.0.1.1", "list_sessions")
    assert limiter.tracked_keys == 1


def test_rate_limiter_keeps_windows_that_still_count() -> None:
    limiter, clock = _limiter()
    limiter.hit("a", "list_sessions")
    clock.advance(30)
    limiter.hit("b", "list_sessions")
    clock.advance(30)  # a's hit has left its window, b's has not
    limiter.hit("c", "list_sessions")
    assert limiter.tracked_keys == 2
    assert limiter.hit("b", "list_sessions").remaining == 0  # b's earlier hit still counts


def test_rate_limiter_caps_the_windows_it_holds_forgetting_the_least_recent() -> None:
    limiter, _ = _limiter(max_tracked_keys=10)
    for n in range(1000):
        limiter.hit(f"anonymous:10.0.{n // 256}.{n % 256}", "list_sessions")
    assert limiter.tracked_keys == 10
    # The most recent key still has its window: one hit counted, one left of 2.
    assert limiter.hit("anonymous:10.0.3.231", "list_sessions").remaining == 0


def test_rate_limiter_disabled_holds_no_windows() -> None:
    disabled = SlidingWindowRateLimiter(
        dataclasses.replace(FROZEN_CONFIG.rate_limits, enabled=False, max_tracked_keys=10),
        Clock(FROZEN_AT, frozen=True),
    )
    for n in range(100):
        assert disabled.hit(f"k{n}", "list_sessions").allowed
    assert disabled.tracked_keys == 0


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("emulator", "max_client_tokens", 0),
        ("emulator", "max_deleted_session_ids", -1),
        ("rate_limits", "max_tracked_keys", 0),
    ],
)
def test_config_refuses_a_memory_cap_out_of_range(section: str, key: str, value: int) -> None:
    with pytest.raises(ValueError, match=key):
        EmulatorConfig.from_mapping({section: {key: value}})


def test_delete_session_forgets_its_armed_scenario_and_page_device(
    small: RunningEmulator,
) -> None:
    session = small.create_session()
    with small.http() as http:
        armed = http.post(
            f"/v3/session/{session.session_id}/sandbox/arm/",
            headers={"Session-Token": session.session_token},
            json={"scenario": "decline_aml_hit"},
        )
        assert armed.status_code == 200, armed.text
        assert http.get(httpx.URL(session.url).path).status_code == 200  # the page's device
    backend = small.backend
    assert str(session.session_id) in backend.armed_scenarios
    assert str(session.session_id) in backend.page_initiators
    with small.client() as client:
        deleted = client.get_httpx_client().delete(f"/v3/session/{session.session_id}/delete/")
        assert deleted.status_code == 200, deleted.text
    assert backend.armed_scenarios == {}
    assert backend.page_initiators == {}


def _delivery_threads() -> int:
    return sum(t.name == "didit-emulator-webhooks" for t in threading.enumerate())


def test_webhook_delivery_thread_stops_with_the_emulator() -> None:
    before = _delivery_threads()
    with in_process_emulator(FROZEN_CONFIG) as emulator:
        with emulator.client() as client:
            created = client.get_httpx_client().post(
                "/v3/webhook/destinations/",
                json={
                    "label": "nowhere",
                    "url": "http://127.0.0.1:9/hook",
                    "subscribed_events": ["status.updated"],
                },
            )
            assert created.status_code == 201, created.text
        emulator.finished_session()
        emulator.http().post("/_emulator/webhooks/flush").raise_for_status()
        assert _delivery_threads() == before + 1
    assert _delivery_threads() == before
