"""Webhook deliveries: each session event, signed as `didit_toolkit.webhooks` verifies it, to each
enabled destination subscribed to it; retried on a 5xx, a 404 or no answer at 60 and 240 s on the
emulator clock; every attempt listed (and replayable) on the control surface.

The receivers are real HTTP servers on 127.0.0.1. Deliveries are made in the background; the tests
wait for them with `POST /_emulator/webhooks/flush`, which returns once every due delivery has been
attempted, and move time with the emulator clock (frozen here), never by sleeping.
"""

from __future__ import annotations

import dataclasses
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from didit_emulator import default_config
from didit_emulator.config import ConfigError, DeliveryScope, WebhookDeliveryConfig, load_config
from didit_emulator.models.webhooks import _pinned
from didit_emulator.testing import RunningEmulator, in_process_emulator
from didit_spec import validator_for
from didit_toolkit.webhooks import (
    SIGNATURE_HEADER,
    SIGNATURE_SIMPLE_HEADER,
    SIGNATURE_V2_HEADER,
    TIMESTAMP_HEADER,
    DeliveryOutcome,
    WebhookReceiver,
    verify_webhook,
)
from tests.journey.receiver import Received, WebhookEndpoint

PATH = "/v3/webhook/destinations/"
SIGNATURES = (SIGNATURE_HEADER, SIGNATURE_V2_HEADER, SIGNATURE_SIMPLE_HEADER)


def _api(emulator: RunningEmulator, application: str = "Acme") -> httpx.Client:
    return emulator.http(headers={"x-api-key": emulator.application(application).api_key})


def _destination(
    emulator: RunningEmulator,
    url: str,
    application: str = "Acme",
    **fields: Any,
) -> dict[str, Any]:
    body = {"label": "receiver", "url": url, "subscribed_events": ["status.updated"], **fields}
    with _api(emulator, application) as api:
        response = api.post(PATH, json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _flush(emulator: RunningEmulator) -> list[dict[str, Any]]:
    with emulator.http() as http:
        response = http.post("/_emulator/webhooks/flush")
    assert response.status_code == 200, response.text
    attempts: list[dict[str, Any]] = response.json()["attempts"]
    return attempts


def _attempts(emulator: RunningEmulator, **query: str) -> dict[str, Any]:
    with emulator.http() as http:
        response = http.get("/_emulator/webhooks/attempts", params=query)
    assert response.status_code == 200, response.text
    listed: dict[str, Any] = response.json()
    return listed


def _verify(emulator: RunningEmulator, received: Received, secret: str) -> Any:
    return verify_webhook(received.body, received.headers, secret, now=emulator.backend.now())


@pytest.fixture
def receiver() -> Iterator[WebhookEndpoint]:
    with WebhookEndpoint() as local:
        yield local


def test_status_change_delivers_an_event_didit_toolkit_verifies(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    secret = _destination(emulator, receiver.url)["secret_shared_key"]
    session = emulator.create_session(vendor_data="user-42")
    emulator.complete_session(session.session_id, "approved")
    _flush(emulator)
    [received] = receiver.requests
    event = _verify(emulator, received, secret)
    assert str(event.session_id) == str(session.session_id)
    assert (event.webhook_type, event.status) == ("status.updated", "Approved")
    assert event.vendor_data == "user-42"
    assert int(received.headers[TIMESTAMP_HEADER]) == int(emulator.backend.now())


def test_delivered_body_is_a_webhook_event_of_the_spec(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    _destination(emulator, receiver.url)
    session = emulator.create_session()
    emulator.complete_session(session.session_id, "declined")
    _flush(emulator)
    body = json.loads(receiver.requests[0].body)
    assert list(validator_for("/components/schemas/WebhookEvent").iter_errors(body)) == []
    assert body["decision"]["session_id"] == str(session.session_id)
    assert body["decision"]["status"] == "Declined"
    assert "session_kind" not in body


@pytest.mark.parametrize("header", SIGNATURES)
def test_delivery_each_signature_verifies_alone(
    emulator: RunningEmulator, receiver: WebhookEndpoint, header: str
) -> None:
    secret = _destination(emulator, receiver.url)["secret_shared_key"]
    emulator.finished_session(outcome="in_review")
    _flush(emulator)
    received = receiver.requests[0]
    others = {name.lower() for name in SIGNATURES if name != header}
    only = {k: v for k, v in received.headers.items() if k.lower() not in others}
    event = verify_webhook(
        received.body, only, secret, now=emulator.backend.now(), allow_simple=True
    )
    assert event.status == "In Review"


def test_delivery_with_another_secret_fails_verification(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    _destination(emulator, receiver.url)
    emulator.finished_session()
    _flush(emulator)
    sdk = WebhookReceiver("not-the-destination-secret", clock=emulator.backend.now)
    delivery = sdk.receive(receiver.requests[0].body, receiver.requests[0].headers)
    assert delivery.outcome is DeliveryOutcome.REJECTED


def test_business_session_event_carries_session_kind_business(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    secret = _destination(emulator, receiver.url)["secret_shared_key"]
    emulator.finished_session(kind="business")
    _flush(emulator)
    event = _verify(emulator, receiver.requests[0], secret)
    assert event.session_kind == "business"
    assert json.loads(receiver.requests[0].body)["decision"]["registry_checks"]


def test_update_status_fires_status_updated(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    session = emulator.finished_session(outcome="in_review")
    secret = _destination(emulator, receiver.url)["secret_shared_key"]
    with _api(emulator) as api:
        api.patch(
            f"/v3/session/{session.session_id}/update-status/", json={"new_status": "Approved"}
        ).raise_for_status()
    _flush(emulator)
    [received] = receiver.requests
    assert _verify(emulator, received, secret).status == "Approved"


@pytest.mark.parametrize(
    "fields",
    [{"enabled": False}, {"subscribed_events": ["data.updated"]}],
    ids=["disabled", "unsubscribed"],
)
def test_disabled_or_unsubscribed_destination_gets_nothing(
    emulator: RunningEmulator, receiver: WebhookEndpoint, fields: dict[str, Any]
) -> None:
    destination = _destination(emulator, receiver.url, **fields)
    emulator.finished_session()
    assert _flush(emulator) == []
    assert receiver.requests == []
    assert _attempts(emulator, destination_uuid=destination["uuid"])["attempts"] == []


def test_another_applications_destination_gets_nothing(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    _destination(emulator, receiver.url, "Partner")
    emulator.finished_session("Acme")
    _flush(emulator)
    assert receiver.requests == []


def test_every_subscribed_destination_gets_the_event(emulator: RunningEmulator) -> None:
    with WebhookEndpoint() as first, WebhookEndpoint() as second:
        secrets = [_destination(emulator, r.url)["secret_shared_key"] for r in (first, second)]
        emulator.finished_session()
        _flush(emulator)
        for received, secret in zip((first, second), secrets, strict=True):
            assert _verify(emulator, received.requests[0], secret).status == "Approved"


def test_failed_delivery_is_retried_at_60_and_240_seconds_of_the_emulator_clock(
    emulator: RunningEmulator,
) -> None:
    with WebhookEndpoint(statuses=[500, 500]) as receiver:
        secret = _destination(emulator, receiver.url)["secret_shared_key"]
        start = int(emulator.backend.now())
        emulator.finished_session()
        assert [a["status_code"] for a in _flush(emulator)] == [500]
        emulator.advance_clock(59)
        assert _flush(emulator) == []
        emulator.advance_clock(1)
        assert [a["status_code"] for a in _flush(emulator)] == [500]
        emulator.advance_clock(179)
        assert _flush(emulator) == []
        emulator.advance_clock(1)
        assert [a["status_code"] for a in _flush(emulator)] == [200]
        emulator.advance_clock(3600)
        assert _flush(emulator) == []
    sent = [int(r.headers[TIMESTAMP_HEADER]) - start for r in receiver.requests]
    assert sent == [0, 60, 240]
    listed = _attempts(emulator)
    assert [a["attempt"] for a in listed["attempts"]] == [1, 2, 3]
    assert listed["pending"] == []
    payloads = [json.loads(r.body) for r in receiver.requests]
    assert [p.pop("timestamp") for p in payloads] == [start, start + 60, start + 240]
    assert payloads[0] == payloads[1] == payloads[2]
    sdk = WebhookReceiver(secret, clock=lambda: start + 240)
    assert sdk.receive(receiver.requests[2].body, receiver.requests[2].headers).is_new


@pytest.mark.parametrize(
    ("statuses", "attempts"),
    [
        ([404], 2),
        ([503], 2),
        ([500, 500, 500], 3),
        ([400], 1),
        ([401], 1),
        ([410], 1),
        ([302], 1),
        ([204], 1),
    ],
)
def test_delivery_retries_only_on_a_5xx_or_a_404(
    emulator: RunningEmulator, statuses: list[int], attempts: int
) -> None:
    with WebhookEndpoint(statuses=statuses) as receiver:
        _destination(emulator, receiver.url)
        emulator.finished_session()
        _flush(emulator)
        for _ in range(3):
            emulator.advance_clock(300)
            _flush(emulator)
    assert len(receiver.requests) == attempts
    assert _attempts(emulator)["pending"] == []


def test_delivery_summary_counts_attempts(emulator: RunningEmulator) -> None:
    with WebhookEndpoint(statuses=[500, 404]) as receiver:
        destination = _destination(emulator, receiver.url)
        emulator.finished_session()
        _flush(emulator)
        emulator.advance_clock(240)
        _flush(emulator)
    with _api(emulator) as api:
        summary = api.get(f"{PATH}{destination['uuid']}/").json()["summary"]
        [row] = api.get(PATH).json()
    assert (summary["total_deliveries"], summary["failed_deliveries"]) == (3, 2)
    assert summary["error_rate_percentage"] == 67
    assert summary["min_response_time_ms"] <= summary["avg_response_time_ms"]
    assert summary["avg_response_time_ms"] <= summary["max_response_time_ms"]
    assert summary["last_delivery_at"] == emulator.state()["clock"]["iso"]
    assert (row["deliveries_count"], row["failed_deliveries_count"]) == (3, 2)
    assert row["error_rate_percentage"] == 67


def test_unreachable_destination_never_fails_the_request(emulator: RunningEmulator) -> None:
    with WebhookEndpoint() as closed:
        url = closed.url  # the port is closed once the block exits
    _destination(emulator, url)
    session = emulator.finished_session()  # raises unless every call succeeded
    [attempt] = _flush(emulator)
    assert attempt["session_id"] == str(session.session_id)
    assert (attempt["status_code"], attempt["latency_ms"]) == (None, None)
    assert attempt["error"]
    assert attempt["failed"] is True
    assert len(_attempts(emulator)["pending"]) == 1


def test_list_webhook_attempts_filters_by_destination_and_session(
    emulator: RunningEmulator,
) -> None:
    with WebhookEndpoint() as first, WebhookEndpoint() as second:
        one = _destination(emulator, first.url)
        _destination(emulator, second.url)
        session = emulator.finished_session()
        emulator.finished_session()
        _flush(emulator)
    by_destination = _attempts(emulator, destination_uuid=one["uuid"])["attempts"]
    by_session = _attempts(emulator, session_id=str(session.session_id))["attempts"]
    assert len(_attempts(emulator)["attempts"]) == 4
    assert {a["destination_uuid"] for a in by_destination} == {one["uuid"]}
    assert len(by_destination) == 2
    assert {a["session_id"] for a in by_session} == {str(session.session_id)}
    assert len(by_session) == 2
    for attempt in by_destination:
        assert attempt["event"] == "status.updated"
        assert attempt["response_body"] == "answered 200"
        assert json.loads(attempt["request_body"])["status"] == "Approved"


def test_replay_webhook_attempt_sends_the_same_event_again(emulator: RunningEmulator) -> None:
    with WebhookEndpoint() as receiver:
        secret = _destination(emulator, receiver.url)["secret_shared_key"]
        emulator.finished_session()
        [first] = _flush(emulator)
        emulator.advance_clock(10)
        with emulator.http() as http:
            replayed = http.post(f"/_emulator/webhooks/attempts/{first['id']}/replay")
    assert replayed.status_code == 200
    assert replayed.json()["replay_of"] == first["id"]
    assert replayed.json()["status_code"] == 200
    sdk = WebhookReceiver(secret, clock=emulator.backend.now)
    outcomes = [sdk.receive(r.body, r.headers).outcome for r in receiver.requests]
    assert outcomes == [DeliveryOutcome.NEW, DeliveryOutcome.DUPLICATE]


@pytest.mark.parametrize(("change", "status"), [("delete", 404), ("disable", 409)])
def test_replay_webhook_attempt_to_a_removed_or_disabled_destination_is_refused(
    emulator: RunningEmulator, receiver: WebhookEndpoint, change: str, status: int
) -> None:
    destination = _destination(emulator, receiver.url)
    emulator.finished_session()
    [attempt] = _flush(emulator)
    with _api(emulator) as api:
        where = f"{PATH}{destination['uuid']}/"
        api.delete(where) if change == "delete" else api.patch(where, json={"enabled": False})
    with emulator.http() as http:
        response = http.post(f"/_emulator/webhooks/attempts/{attempt['id']}/replay")
    assert response.status_code == status
    assert len(receiver.requests) == 1


def test_replay_webhook_attempt_unknown_is_404(emulator: RunningEmulator) -> None:
    with emulator.http() as http:
        response = http.post(
            "/_emulator/webhooks/attempts/9d2c6f3e-1a4b-4c8d-9e0f-123456789abc/replay"
        )
    assert response.status_code == 404


def test_deleted_destination_gets_no_queued_retries(emulator: RunningEmulator) -> None:
    with WebhookEndpoint(statuses=[500]) as receiver:
        destination = _destination(emulator, receiver.url)
        emulator.finished_session()
        _flush(emulator)
        with _api(emulator) as api:
            api.delete(f"{PATH}{destination['uuid']}/").raise_for_status()
        emulator.advance_clock(300)
        assert _flush(emulator) == []
    assert len(receiver.requests) == 1
    assert len(_attempts(emulator)["attempts"]) == 1  # past attempts stay listed


def test_reset_forgets_destinations_attempts_and_retries(emulator: RunningEmulator) -> None:
    with WebhookEndpoint(statuses=[500]) as receiver:
        _destination(emulator, receiver.url)
        emulator.finished_session()
        _flush(emulator)
        emulator.reset()
        emulator.advance_clock(300)
        assert _flush(emulator) == []
    assert _attempts(emulator) == {"attempts": [], "pending": []}
    with _api(emulator) as api:
        assert api.get(PATH).json() == []


def test_reset_drops_the_deliveries_a_lane_has_not_sent_yet(emulator: RunningEmulator) -> None:
    with WebhookEndpoint(statuses=[500, 500]) as receiver:
        _destination(emulator, receiver.url)
        emulator.finished_session()
        emulator.finished_session()
        assert len(_flush(emulator)) == 2  # both failed; both retries fall due at 60 s
        receiver.release.clear()  # from now on the receiver holds each request
        emulator.advance_clock(60)  # one lane takes both retries, in order
        assert receiver.wait_for(3)  # the first retry is being answered...
        emulator.reset()  # ... when the state is reset
        receiver.release.set()
        emulator.backend.stop_deliveries()  # returns once the lane has ended
        assert len(receiver.requests) == 3, "the reset's dropped retry was still sent"


def test_flush_with_nothing_due_returns_no_attempts(emulator: RunningEmulator) -> None:
    assert _flush(emulator) == []


def test_delivery_without_an_answer_in_time_is_a_failed_attempt_and_retried() -> None:
    config = default_config().replace(
        clock_start=1_767_225_600.0,
        clock_frozen=True,
        webhooks=WebhookDeliveryConfig(
            timeout_seconds=0.2,
            retry_delays_seconds=(60.0, 240.0),
            max_attempt_records=10,
            deliver_to=DeliveryScope.PRIVATE,
        ),
    )
    with in_process_emulator(config) as emulator, WebhookEndpoint(hold=True) as receiver:
        _destination(emulator, receiver.url)
        emulator.finished_session()
        [attempt] = _flush(emulator)
        assert attempt["status_code"] is None
        assert "0.2 s" in attempt["error"]
        assert _attempts(emulator)["pending"][0]["attempts_made"] == 1
        assert len(receiver.requests) == 1


def test_delivery_to_a_destination_that_keeps_it_waiting_delays_no_other() -> None:
    config = default_config().replace(
        clock_start=1_767_225_600.0,
        clock_frozen=True,
        webhooks=dataclasses.replace(default_config().webhooks, timeout_seconds=60.0),
    )
    with (
        in_process_emulator(config) as emulator,
        WebhookEndpoint(hold=True) as stalled,
        WebhookEndpoint() as answering,
    ):
        _destination(emulator, stalled.url, label="stalled")
        _destination(emulator, answering.url, label="answering")
        emulator.finished_session()
        assert stalled.wait_for(1)
        assert answering.wait_for(1)
        # The stalled destination still holds the first event's delivery when the second comes.
        emulator.finished_session()
        assert answering.wait_for(2), "the second event waited for the stalled destination"
        assert len(stalled.requests) == 1
        stalled.release.set()
        attempts = _flush(emulator)
        assert sorted(a["status_code"] for a in attempts) == [200, 200, 200, 200]
        assert len(stalled.requests) == 2  # its own deliveries stay in order, after the first


def test_delivery_never_goes_to_the_emulators_control_surface(emulator: RunningEmulator) -> None:
    _destination(emulator, f"{emulator.base_url}/_emulator/reset")
    session = emulator.finished_session()
    assert _flush(emulator) == []
    assert _attempts(emulator) == {"attempts": [], "pending": []}
    assert str(session.session_id) in emulator.backend.sessions


def test_delivery_to_a_private_host_goes_to_the_address_that_was_checked(
    emulator: RunningEmulator, receiver: WebhookEndpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A name whose first answer is loopback and every later one public (DNS rebinding): the
    # attempt connects to the address deliver_to = "private" checked, naming the host.
    lookup = socket.getaddrinfo
    answers: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.test":
            return lookup(host, port, *args, **kwargs)
        answers.append("127.0.0.1" if not answers else "100.64.0.1")  # not private, not routed
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[-1], port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = httpx.URL(receiver.url).port
    _destination(emulator, f"http://rebind.test:{port}/webhooks/didit")
    emulator.finished_session()
    [attempt] = _flush(emulator)
    assert attempt["status_code"] == 200, attempt
    assert answers == ["127.0.0.1"]  # looked up once
    [received] = receiver.requests
    assert received.headers["Host"] == f"rebind.test:{port}"


def _fake_lookup(monkeypatch: pytest.MonkeyPatch, host: str, answer: Any) -> list[str]:
    """`socket.getaddrinfo` answering for `host` with `answer` (addresses, or an exception to
    raise); every other host is looked up as usual. Returns the record of `host`'s lookups."""
    lookup = socket.getaddrinfo
    looked_up: list[str] = []

    def faked(name: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if name != host:
            return lookup(name, port, *args, **kwargs)
        looked_up.append(name)
        if isinstance(answer, BaseException):
            raise answer
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in answer
        ]

    monkeypatch.setattr(socket, "getaddrinfo", faked)
    return looked_up


def test_delivery_to_a_private_host_tries_its_next_address_when_one_refuses(
    emulator: RunningEmulator, receiver: WebhookEndpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A dual-stack name (::1 first) and a receiver listening on 127.0.0.1 only.
    _fake_lookup(monkeypatch, "dual.test", ["::1", "127.0.0.1"])
    port = httpx.URL(receiver.url).port
    _destination(emulator, f"http://dual.test:{port}/webhooks/didit")
    emulator.finished_session()
    [attempt] = _flush(emulator)
    assert attempt["status_code"] == 200, attempt
    assert len(receiver.requests) == 1


def test_delivery_to_a_private_host_that_does_not_resolve_is_a_failed_attempt_sent_nowhere(
    emulator: RunningEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up = _fake_lookup(monkeypatch, "gone.test", socket.gaierror("no such name"))
    _destination(emulator, "http://gone.test:9/webhooks/didit")
    emulator.finished_session()
    [attempt] = _flush(emulator)
    assert attempt["status_code"] is None
    assert attempt["error"] == "not sent: the host did not resolve"
    assert looked_up == ["gone.test"]  # not looked up again to be sent unchecked
    assert _attempts(emulator)["pending"][0]["attempts_made"] == 1  # retried as a failure


@pytest.mark.parametrize(
    ("url", "address", "expected"),
    [
        (
            "https://hooks.internal/didit",
            "10.0.0.7",
            (
                "https://10.0.0.7/didit",
                {"Host": "hooks.internal"},
                {"sni_hostname": "hooks.internal"},
            ),
        ),
        (
            "http://user:pw@hooks.internal:8080/x?a=1",
            "fd00::5",
            ("http://user:pw@[fd00::5]:8080/x?a=1", {"Host": "hooks.internal:8080"}, {}),
        ),
        ("http://127.0.0.1:9/x", "127.0.0.1", ("http://127.0.0.1:9/x", {}, {})),
    ],
    ids=["https-names-the-host-for-tls", "ipv6-port-userinfo", "literal-address"],
)
def test_pinned_sends_to_the_checked_address_naming_the_host(
    url: str, address: str, expected: tuple[str, dict[str, str], dict[str, str]]
) -> None:
    assert _pinned(url, address) == expected


def test_delivery_to_a_public_address_is_refused_by_default(emulator: RunningEmulator) -> None:
    # A literal address: nothing is resolved and, refused, nothing is sent.
    _destination(emulator, "https://93.184.215.14/webhooks")
    emulator.finished_session()
    [attempt] = _flush(emulator)
    assert attempt["status_code"] is None
    assert attempt["failed"] is True
    assert 'deliver_to is "private"' in attempt["error"]
    emulator.advance_clock(300)
    assert _flush(emulator) == []
    assert _attempts(emulator)["pending"] == []


def test_delivery_with_deliver_to_none_sends_nothing_and_records_the_attempt(
    receiver: WebhookEndpoint,
) -> None:
    base = default_config().replace(clock_start=1_767_225_600.0, clock_frozen=True)
    config = base.replace(
        webhooks=dataclasses.replace(base.webhooks, deliver_to=DeliveryScope.NONE)
    )
    with in_process_emulator(config) as emulator:
        _destination(emulator, receiver.url)
        session = emulator.finished_session()
        [attempt] = _flush(emulator)
        assert 'deliver_to is "none"' in attempt["error"]
        assert json.loads(attempt["request_body"])["session_id"] == str(session.session_id)
        assert _attempts(emulator)["pending"] == []
    assert receiver.requests == []


@pytest.mark.parametrize("value", ["public", "", "ANY"])
def test_config_deliver_to_outside_its_choices_is_refused(value: str, tmp_path: Path) -> None:
    path = tmp_path / "emulator.toml"
    path.write_text(f'[webhooks]\ndeliver_to = "{value}"\n')
    with pytest.raises(ConfigError, match=r"webhooks\.deliver_to"):
        load_config(path)


def test_delivery_records_never_show_the_session_token_or_the_url_in_reprs(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    url = receiver.url + "?token=receiver-secret-123"
    _destination(emulator, url)
    session = emulator.create_session()
    emulator.complete_session(session.session_id, "approved")
    _flush(emulator)
    emulator.complete_session(session.session_id, "declined")  # a delivery not yet attempted
    backend = emulator.backend
    with backend.lock:
        records = [*backend.webhook_attempts, *backend.webhook_deliveries.values()]
    assert len(records) >= 2
    for record in records:
        assert session.session_token not in repr(record)
        assert "receiver-secret-123" not in repr(record)


def _statuses(receiver: WebhookEndpoint) -> list[str]:
    return [json.loads(r.body)["status"] for r in receiver.requests]


def test_session_expiry_delivers_status_updated_once(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    _destination(emulator, receiver.url)
    session = emulator.create_session()
    emulator.advance_clock(emulator.config.session_expiry_seconds - 1)
    assert _flush(emulator) == []
    emulator.advance_clock(1)  # nothing reads the session: the clock alone expires it
    assert [a["status_code"] for a in _flush(emulator)] == [200]
    with _api(emulator) as api:
        decision = api.get(f"/v3/session/{session.session_id}/decision/").json()
    assert decision["status"] == "Expired"
    assert _flush(emulator) == []
    assert _statuses(receiver) == ["Expired"]
    assert json.loads(receiver.requests[0].body)["session_id"] == str(session.session_id)


def test_session_expiry_after_a_resubmission_counts_from_the_resubmission(
    emulator: RunningEmulator, receiver: WebhookEndpoint
) -> None:
    expiry = emulator.config.session_expiry_seconds
    session = emulator.finished_session(outcome="declined")
    _destination(emulator, receiver.url)
    emulator.advance_clock(expiry // 2)
    with _api(emulator) as api:
        api.patch(
            f"/v3/session/{session.session_id}/update-status/", json={"new_status": "Resubmitted"}
        ).raise_for_status()
    emulator.advance_clock(expiry - expiry // 2)  # the first expiry: passed over
    _flush(emulator)
    assert _statuses(receiver) == ["Resubmitted"]
    emulator.advance_clock(expiry // 2)  # the expiry the resubmission set
    _flush(emulator)
    assert _statuses(receiver) == ["Resubmitted", "Expired"]
