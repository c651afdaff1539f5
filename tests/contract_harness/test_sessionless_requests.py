"""schemathesis' requests that come without a session go through the target's session while a
contract run is open (contracts/connections.py `sessionless_requests_through`).

ignored_auth drops the run's session from its probes; without the routing each probe would open a
new connection, and against a deployment the pacer would never see it.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import requests.adapters
from schemathesis.transport.requests import REQUESTS_TRANSPORT

from contracts.connections import (
    Connections,
    RequestGuard,
    carries_no_credentials,
    sessionless_requests_through,
)
from contracts.pacing import CreateBudget, OperationIndex, Pacer, RateLimits
from contracts.schema import SCHEMA
from contracts.target import current_target
from didit_contract.stateful_support import session_creates
from didit_emulator.config import default_config
from didit_emulator.testing import running_emulator
from didit_spec import didit_document
from tests.contract_harness._fakes import FakeClock, lone_process_config

BASE_URL = "http://didit.test"


class RecordingAdapter(requests.adapters.BaseAdapter):
    """Answers 401 to everything and remembers what it was sent."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        self.sent.append(request)
        response = requests.Response()
        response.status_code = 401
        response.headers["Content-Type"] = "application/json"
        response._content = b'{"detail": "no credentials"}'
        response.request = request
        response.url = str(request.url)
        return response

    def close(self) -> None:
        pass


def _watch_new_sessions(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[list[requests.Session], RecordingAdapter]:
    """From here on, every new `requests.Session` (schemathesis' own, when not routed) is listed,
    and answers through the returned adapter."""
    opened: list[requests.Session] = []
    answering = RecordingAdapter()
    original_init = requests.Session.__init__

    def opening(self: requests.Session) -> None:
        original_init(self)
        self.mount("http://", answering)
        opened.append(self)

    monkeypatch.setattr(requests.Session, "__init__", opening)
    return opened, answering


@pytest.fixture
def recording_session() -> Iterator[tuple[requests.Session, RecordingAdapter]]:
    adapter = RecordingAdapter()
    session = requests.Session()
    session.mount("http://", adapter)
    yield session, adapter
    session.close()


def _probe_of(operation_id: str) -> Any:
    """The operation's case with no credentials, as ignored_auth's probes are."""
    operation = didit_document().operation(operation_id)
    return SCHEMA[operation.path][operation.method.upper()].Case(headers={})


def test_sessionless_request_goes_through_the_targets_session(
    recording_session: tuple[requests.Session, RecordingAdapter],
) -> None:
    session, adapter = recording_session
    with sessionless_requests_through(session, BASE_URL):
        response = REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), base_url=BASE_URL)
    assert response.status_code == 401
    assert [request.url for request in adapter.sent] == [BASE_URL + "/v3/sessions/"]


def test_request_with_its_own_session_keeps_it(
    recording_session: tuple[requests.Session, RecordingAdapter],
) -> None:
    target_session, target_adapter = recording_session
    own_adapter = RecordingAdapter()
    own = requests.Session()
    own.mount("http://", own_adapter)
    with sessionless_requests_through(target_session, BASE_URL):
        REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), session=own, base_url=BASE_URL)
    assert (len(own_adapter.sent), len(target_adapter.sent)) == (1, 0)


def _with_auth() -> requests.Session:
    session = requests.Session()
    session.auth = ("user", "secret")
    return session


def _with_header() -> requests.Session:
    session = requests.Session()
    session.headers["x-api-key"] = "secret"
    return session


def _with_cookie() -> requests.Session:
    session = requests.Session()
    session.cookies.set("session", "secret")
    return session


@pytest.mark.parametrize(
    ("make_session", "clean"),
    [
        (requests.Session, True),
        (_with_auth, False),
        (_with_header, False),
        (_with_cookie, False),
    ],
)
def test_carries_no_credentials_judges_what_a_session_would_add(
    make_session: Any, clean: bool
) -> None:
    assert carries_no_credentials(make_session()) is clean


def test_sessionless_request_skips_a_session_with_credentials(
    recording_session: tuple[requests.Session, RecordingAdapter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, adapter = recording_session
    session.headers["x-api-key"] = "secret"
    opened, fresh = _watch_new_sessions(monkeypatch)
    with (
        sessionless_requests_through(session, BASE_URL),
        pytest.warns(UserWarning, match="probe session holds credentials"),
    ):
        REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), base_url=BASE_URL)
    assert (len(opened), adapter.sent) == (1, [])
    assert "x-api-key" not in fresh.sent[0].headers


def test_sessionless_routing_ends_with_the_run(
    recording_session: tuple[requests.Session, RecordingAdapter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Plain schemathesis in the same process (the emulator's own fuzz test) is left alone."""
    session, adapter = recording_session
    with sessionless_requests_through(session, BASE_URL):
        pass
    opened, _ = _watch_new_sessions(monkeypatch)
    REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), base_url=BASE_URL)
    assert (len(opened), adapter.sent) == (1, [])
    assert "send" not in vars(REQUESTS_TRANSPORT)


def _deployment_connections(
    emulator: Any, clock: FakeClock, budget: CreateBudget | None
) -> Connections:
    # One read, then one more per 60 seconds.
    limits = {"window_seconds": 60, "buckets": {"read": {"limit": 2, "methods": ["GET"]}}}
    pacer = Pacer(RateLimits.from_extension(limits), clock=clock, headroom=1.0)
    guard = RequestGuard(pacer, budget, session_creates(), OperationIndex(emulator.base_url))
    return Connections(emulator.base_url, guard)


def test_sessionless_requests_to_a_deployment_are_paced() -> None:
    """Two probes against limits of one read a minute: the second waits, as any request would."""
    clock = FakeClock()
    with running_emulator(default_config().with_rate_limits(enabled=False)) as emulator:
        connections = _deployment_connections(emulator, clock, None)
        try:
            with sessionless_requests_through(connections.probes, emulator.base_url):
                for _ in range(2):
                    REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), base_url=emulator.base_url)
        finally:
            connections.close()
    assert clock.sleeps == [pytest.approx(60.0)]


def test_sessionless_create_probe_is_sent_past_a_spent_budget(tmp_path: Path) -> None:
    """A probe of a create after the last create the budget allowed is sent, and costs nothing
    when it creates nothing (the emulator refuses it: no credentials)."""
    budget = CreateBudget(tmp_path / "creates", 1)
    with running_emulator(default_config().with_rate_limits(enabled=False)) as emulator:
        connections = _deployment_connections(emulator, FakeClock(), budget)
        url = emulator.base_url + didit_document().operation("create_session").path
        headers = {"x-api-key": emulator.application("Acme").api_key}
        body = {"workflow_id": emulator.workflow("Acme", "user").id}
        try:
            assert connections.session.post(url, json=body, headers=headers).status_code == 201
            with sessionless_requests_through(connections.probes, emulator.base_url):
                probe = _probe_of("create_session")
                probe.body = body
                try:
                    answer = REQUESTS_TRANSPORT.send(probe, base_url=emulator.base_url)
                except pytest.skip.Exception as held:
                    pytest.fail(f"the probe was held to the create budget: {held}")
        finally:
            connections.close()
    assert not 200 <= answer.status_code < 300
    assert budget.used() == 1


def test_sessionless_request_to_another_server_keeps_its_own_session(
    recording_session: tuple[requests.Session, RecordingAdapter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, adapter = recording_session
    opened, _ = _watch_new_sessions(monkeypatch)
    with sessionless_requests_through(session, BASE_URL):
        REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), base_url="http://other.test")
        REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), base_url=BASE_URL + "x.test")
    assert (len(opened), adapter.sent) == (2, [])


@pytest.mark.parametrize(
    ("status", "counted"),
    [(201, 2), (401, 1)],
)
def test_guard_without_holding_creates_counts_only_what_was_created(
    tmp_path: Path, status: int, counted: int
) -> None:
    """A probe's create is sent even with the budget spent, and counted only if it created."""
    budget = CreateBudget(tmp_path / "creates", 1)
    budget.reserve()
    guard = RequestGuard(
        None, budget, session_creates(), OperationIndex(BASE_URL), holds_creates=False
    )
    url = BASE_URL + didit_document().operation("create_session").path
    creates = guard.before("POST", url)
    guard.after(creates, status)
    assert (creates, budget.used()) == (True, counted)


class SettingACookie(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(401)
        self.send_header("Set-Cookie", "edge=abc; Path=/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def test_probe_session_keeps_no_cookie_it_is_sent() -> None:
    """A CDN's cookie would otherwise ride on every later probe (and turn the routing off)."""
    server = http.server.HTTPServer(("127.0.0.1", 0), SettingACookie)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    connections = Connections(base_url)
    try:
        connections.probes.get(base_url + "/v3/sessions/")
        clean = carries_no_credentials(connections.probes)
    finally:
        connections.close()
        server.shutdown()
        server.server_close()
    assert clean


def test_contract_worker_sends_probes_to_its_emulator_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What a contract worker sets up (contracts/conftest.py) routes the probes, until it ends."""
    from contracts import conftest

    monkeypatch.delenv("DIDIT_BASE_URL", raising=False)
    worker = lone_process_config()
    conftest.pytest_configure(worker)  # type: ignore[arg-type]
    try:
        base_url = current_target().base_url
        opened, _ = _watch_new_sessions(monkeypatch)
        answer = REQUESTS_TRANSPORT.send(_probe_of("list_sessions"), base_url=base_url)
    finally:
        conftest.pytest_unconfigure(worker)  # type: ignore[arg-type]
    assert (opened, answer.status_code >= 400) == ([], True)
    assert "send" not in vars(REQUESTS_TRANSPORT)
