"""`WebhookReceiver`: verified events once, duplicates dropped, the right status for each delivery.

Didit re-sends a delivery that got no 2xx (about 60 s and 240 s after the first attempt, each
with a new timestamp), so a receiver must acknowledge a repeat without handling it again, must
handle a later event that happens to say the same thing, and must let a delivery whose handling
failed be handled when it comes back. Time is injected everywhere: the receiver's clock for the
timestamp check and the default store's expiry, a store's own clock when it is made here. The two
wiring examples in docs/examples are run here too.
"""

from __future__ import annotations

import importlib.util
import io
import json
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from types import ModuleType
from typing import Any
from wsgiref.util import setup_testing_defaults

import httpx
import pytest

from didit_toolkit.webhooks import (
    DEFAULT_MAX_BODY_BYTES,
    SIGNATURE_HEADER,
    SIGNATURE_SIMPLE_HEADER,
    SIGNATURE_V2_HEADER,
    DeliveryOutcome,
    InMemoryDeliveryStore,
    WebhookPayloadError,
    WebhookPayloadTooLargeError,
    WebhookReceiver,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookVerificationError,
    canonical_json,
    delivery_key,
    sign_webhook,
)

from ._fakes import FakeClock

SECRET = "whsec_receiver_3c1f9a7b"
NOW = 1_753_630_666
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def event(status: str = "Approved", at: int = NOW, **extra: Any) -> dict[str, Any]:
    return {
        "webhook_type": "status.updated",
        "session_id": "11111111-2222-3333-4444-555555555555",
        "status": status,
        "timestamp": at,
        **extra,
    }


def delivery(payload: dict[str, Any], secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    return canonical_json(payload), sign_webhook(payload, secret, payload["timestamp"])


def receiver(**options: Any) -> WebhookReceiver:
    return WebhookReceiver(SECRET, clock=lambda: NOW, **options)


def test_receive_accepts_a_new_delivery() -> None:
    result = receiver().receive(*delivery(event()))
    assert result.outcome is DeliveryOutcome.NEW
    assert result.is_new
    assert result.status_code == 200
    assert result.event is not None
    assert result.event.status == "Approved"
    assert result.error is None
    assert result.key == delivery_key(event())


def test_receive_drops_the_same_delivery_twice() -> None:
    inbox = receiver()
    body, headers = delivery(event())
    assert inbox.receive(body, headers).is_new
    repeat = inbox.receive(body, headers)
    assert repeat.outcome is DeliveryOutcome.DUPLICATE
    assert repeat.status_code == 200  # acknowledged, so Didit stops retrying
    assert repeat.event is not None


def test_receive_drops_a_retry_signed_with_a_later_timestamp() -> None:
    inbox = receiver(tolerance=600)
    assert inbox.receive(*delivery(event(at=NOW - 240))).is_new
    assert inbox.receive(*delivery(event(at=NOW))).outcome is DeliveryOutcome.DUPLICATE


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(event(status="Declined"), id="status"),
        pytest.param(event(webhook_type="data.updated"), id="type"),
        pytest.param(event(vendor_data="user-2"), id="vendor-data"),
        pytest.param(
            event(decision={"session_id": event()["session_id"], "status": "Approved"}),
            id="decision",
        ),
    ],
)
def test_receive_accepts_an_event_that_says_something_new(changed: dict[str, Any]) -> None:
    inbox = receiver()
    assert inbox.receive(*delivery(event())).is_new
    assert inbox.receive(*delivery(changed)).is_new


def test_receive_accepts_again_after_forget() -> None:
    inbox = receiver()
    first = inbox.receive(*delivery(event()))
    inbox.forget(first)
    assert inbox.receive(*delivery(event())).is_new


@pytest.mark.parametrize(
    ("make", "status", "error_class"),
    [
        pytest.param(
            lambda: delivery(event(), "whsec_other"), 401, WebhookSignatureError, id="forged"
        ),
        pytest.param(lambda: delivery(event(at=NOW - 301)), 401, WebhookTimestampError, id="stale"),
        pytest.param(
            lambda: (b"[]", {"X-Timestamp": str(NOW), SIGNATURE_HEADER: "0" * 64}),
            400,
            WebhookPayloadError,
            id="not-an-object",
        ),
        pytest.param(
            lambda: (b" " * (DEFAULT_MAX_BODY_BYTES + 1), delivery(event())[1]),
            413,
            WebhookPayloadTooLargeError,
            id="too-large",
        ),
        pytest.param(
            lambda: (canonical_json(event()), None), 401, WebhookVerificationError, id="no-headers"
        ),
    ],
)
def test_receive_rejects_with_the_status_to_answer(
    make: Any, status: int, error_class: type[Exception]
) -> None:
    inbox = receiver()
    result = inbox.receive(*make())
    assert result.outcome is DeliveryOutcome.REJECTED
    assert result.status_code == status
    assert isinstance(result.error, error_class)
    assert result.event is None
    assert result.key is None


def test_receive_does_not_remember_a_rejected_delivery() -> None:
    inbox = receiver()
    body, headers = delivery(event())
    assert (
        inbox.receive(
            body, {**headers, SIGNATURE_HEADER: "0" * 64, SIGNATURE_V2_HEADER: "0" * 64}
        ).status_code
        == 401
    )
    assert inbox.receive(body, headers).is_new


def test_receive_uses_a_pluggable_store() -> None:
    class Recording:
        def __init__(self) -> None:
            self.keys: list[tuple[str, float]] = []

        def add(self, key: str, ttl: float) -> bool:
            self.keys.append((key, ttl))
            return len(self.keys) == 1

        def discard(self, key: str) -> None:
            self.keys = [(k, ttl) for k, ttl in self.keys if k != key]

    store = Recording()
    inbox = receiver(store=store)
    assert inbox.receive(*delivery(event())).is_new
    assert not inbox.receive(*delivery(event(status="Declined"))).is_new  # the store said so
    assert store.keys == [
        (delivery_key(event()), 600.0),
        (delivery_key(event(status="Declined")), 600.0),
    ]


def test_receiver_repr_hides_the_secret() -> None:
    assert SECRET not in repr(receiver())
    assert SECRET not in repr(receiver().receive(*delivery(event())))


def test_in_memory_store_forgets_after_ttl(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(clock=clock)
    assert store.add("a", 60)
    clock.advance(59.9)
    assert not store.add("a", 60)
    clock.advance(0.1)
    assert store.add("a", 60)


def test_in_memory_store_keeps_each_key_for_its_own_ttl(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(clock=clock)
    assert store.add("long", 100)
    assert store.add("short", 10)
    clock.advance(10)
    assert len(store) == 1
    assert store.add("short", 10)
    assert not store.add("long", 100)
    clock.advance(90)
    assert store.add("long", 100)


def test_in_memory_store_is_bounded(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(max_entries=3, clock=clock)
    for key in "abcd":
        assert store.add(key, 60)
    assert len(store) == 3
    assert store.add("a", 60)  # the oldest went first
    assert not store.add("d", 60)


def test_in_memory_store_evicts_expired_entries(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(clock=clock)
    for index in range(100):
        store.add(str(index), 10)
    clock.advance(10)
    assert len(store) == 0


def test_in_memory_store_discard_forgets_a_key(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(clock=clock)
    store.add("a", 60)
    store.discard("a")
    store.discard("never-added")
    assert store.add("a", 60)


def test_in_memory_store_adds_a_key_once_across_threads() -> None:
    store = InMemoryDeliveryStore()
    start = threading.Barrier(8)
    results: list[bool] = []

    def add() -> None:
        start.wait()
        results.append(store.add("same", 60))

    threads = [threading.Thread(target=add) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


def test_in_memory_store_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="must be"):
        InMemoryDeliveryStore(max_entries=0)
    with pytest.raises(ValueError, match="must be"):
        InMemoryDeliveryStore().add("a", 0)


# --- what a duplicate is: the same content, no longer ago than its retries can come ---------

DIDIT_NOW = 1_753_630_666


class Didit:
    """Sends events to a receiver whose clock follows Didit's (give or take `skew` seconds): each
    attempt is signed with the clock's time, as Didit and the emulator sign them."""

    def __init__(self, skew: float = 0.0, **options: Any) -> None:
        self.now = float(DIDIT_NOW)
        self.skew = skew
        self.inbox = WebhookReceiver(SECRET, clock=lambda: self.now + self.skew, **options)

    def send(self, at: float, status: str) -> DeliveryOutcome:
        self.now = DIDIT_NOW + at
        payload = event(status=status, at=int(self.now))
        return self.inbox.receive(*delivery(payload)).outcome


NEW, DUPLICATE = DeliveryOutcome.NEW, DeliveryOutcome.DUPLICATE


@pytest.mark.parametrize(
    ("sent", "outcomes"),
    [
        pytest.param(
            [(0, "In Progress"), (60, "In Progress"), (240, "In Progress")],
            [NEW, DUPLICATE, DUPLICATE],
            id="didit-retries-at-60-and-240",
        ),
        pytest.param(
            [
                (0, "In Progress"),
                (600, "Resubmitted"),
                (1200, "In Progress"),
                (2400, "Resubmitted"),
            ],
            [NEW, NEW, NEW, NEW],
            id="same-status-again-later-is-new",
        ),
        pytest.param(
            [(0, "Approved"), (100, "Declined"), (240, "Approved")],
            [NEW, NEW, DUPLICATE],
            id="a-retry-after-another-event",
        ),
        pytest.param(
            [(0, "In Progress"), (599, "In Progress"), (600, "In Progress")],
            [NEW, DUPLICATE, NEW],
            id="window-is-retry-window-plus-tolerance",
        ),
    ],
)
def test_receive_tells_a_retry_from_a_later_event_by_time(
    sent: list[tuple[int, str]], outcomes: list[DeliveryOutcome]
) -> None:
    didit = Didit()
    assert [didit.send(at, status) for at, status in sent] == outcomes


@pytest.mark.parametrize(
    ("options", "same_content_new_at"),
    [
        pytest.param({}, 600, id="defaults"),
        pytest.param({"tolerance": 60}, 360, id="short-tolerance"),
        pytest.param({"retry_window": 900}, 1200, id="long-retry-window"),
    ],
)
def test_receive_window_follows_retry_window_and_tolerance(
    options: dict[str, float], same_content_new_at: int
) -> None:
    didit = Didit(**options)
    assert didit.send(0, "In Progress") is NEW
    assert didit.send(same_content_new_at - 1, "In Progress") is DUPLICATE
    assert didit.send(same_content_new_at, "In Progress") is NEW


@pytest.mark.parametrize("skew", [-200.0, 200.0])
def test_receive_window_is_anchored_on_the_event_timestamp(skew: float) -> None:
    # The receiver's clock 200 s behind or ahead of Didit's: the event's first attempt is kept
    # until its timestamp plus retry_window plus tolerance, whatever the receiver's clock said.
    didit = Didit(skew=skew)
    assert didit.send(0, "In Progress") is NEW
    assert didit.send(240, "In Progress") is DUPLICATE
    assert didit.send(599 - skew, "In Progress") is DUPLICATE
    assert didit.send(600 - skew, "In Progress") is NEW


def test_receive_drops_a_replay_of_the_last_retry_while_it_verifies() -> None:
    # Didit's last retry (at 240 s) verifies until 240 + tolerance: its bytes replayed then are
    # still a duplicate.
    didit = Didit()
    didit.send(0, "Approved")
    last = delivery(event(at=DIDIT_NOW + 240))
    didit.now = DIDIT_NOW + 240 + 300
    assert didit.inbox.receive(*last).outcome is DUPLICATE


@pytest.mark.parametrize(
    "settings",
    [
        pytest.param({"tolerance": float("nan")}, id="nan-tolerance"),
        pytest.param({"tolerance": float("inf")}, id="infinite-tolerance"),
        pytest.param({"tolerance": -1}, id="negative-tolerance"),
        pytest.param({"retry_window": 0}, id="no-retry-window"),
        pytest.param({"retry_window": float("nan")}, id="nan-retry-window"),
        pytest.param({"max_body_bytes": -1}, id="negative-body-limit"),
    ],
)
def test_receiver_rejects_nonsense_settings(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        WebhookReceiver(SECRET, **settings)  # type: ignore[arg-type]


def test_receive_with_simple_signature_dedupes_on_the_signed_fields_only() -> None:
    # Only the four signed fields are authenticated: an attacker replaying the Simple signature
    # with other vendor_data must not get past the dedupe as a "new" event.
    inbox = receiver(allow_simple=True)
    payload = event(vendor_data="user-1")
    headers = {k: v for k, v in delivery(payload)[1].items() if k != SIGNATURE_HEADER}
    headers.pop(SIGNATURE_V2_HEADER)
    assert SIGNATURE_SIMPLE_HEADER in headers
    first = inbox.receive(canonical_json(payload), headers)
    again = inbox.receive(canonical_json({**payload, "vendor_data": "user-2"}), headers)
    assert (first.outcome, again.outcome) == (NEW, DUPLICATE)
    assert first.key == delivery_key(event())


# --- the wiring examples ---------------------------------------------------------------------


def load_example(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setenv("DIDIT_WEBHOOK_SECRET", SECRET)
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.__dict__["receiver"] = WebhookReceiver(SECRET, clock=lambda: NOW)  # the test's clock
    return module


@pytest.fixture
def asgi(monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, httpx.AsyncClient]:
    module = load_example("webhook_asgi", monkeypatch)
    transport = httpx.ASGITransport(app=module.app)
    return module, httpx.AsyncClient(transport=transport, base_url="http://receiver.test")


@pytest.mark.anyio
async def test_asgi_example_handles_a_delivery_once(
    asgi: tuple[ModuleType, httpx.AsyncClient],
) -> None:
    module, client = asgi
    body, headers = delivery(event())
    async with client:
        first = await client.post("/webhooks/didit", content=body, headers=headers)
        again = await client.post("/webhooks/didit", content=body, headers=headers)
    assert (first.status_code, first.json()) == (200, {"outcome": "new"})
    assert (again.status_code, again.json()) == (200, {"outcome": "duplicate"})
    assert [str(e.session_id) for e in module.handled] == [event()["session_id"]]


@pytest.mark.anyio
async def test_asgi_example_refuses_a_forgery(asgi: tuple[ModuleType, httpx.AsyncClient]) -> None:
    module, client = asgi
    body, headers = delivery(event(), "whsec_other")
    async with client:
        answer = await client.post("/webhooks/didit", content=body, headers=headers)
    assert (answer.status_code, answer.json()) == (401, {"outcome": "rejected"})
    assert module.handled == []


@pytest.mark.anyio
async def test_asgi_example_lets_didit_retry_after_a_failure(
    asgi: tuple[ModuleType, httpx.AsyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    module, client = asgi
    body, headers = delivery(event())
    real = module.handle

    def failing(handled: object) -> None:
        raise RuntimeError("database down")

    async with client:
        monkeypatch.setattr(module, "handle", failing)
        failed = await client.post("/webhooks/didit", content=body, headers=headers)
        monkeypatch.setattr(module, "handle", real)
        retried = await client.post("/webhooks/didit", content=body, headers=headers)
    assert failed.status_code == 500
    assert retried.json() == {"outcome": "new"}
    assert len(module.handled) == 1


class CountingBody:
    """A request body streamed in 64 KiB chunks without a Content-Length; counts what was read."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.sent < self.total:
            self.sent += 65536
            yield b" " * 65536


@pytest.mark.anyio
async def test_asgi_example_stops_reading_a_body_over_the_limit(
    asgi: tuple[ModuleType, httpx.AsyncClient],
) -> None:
    module, client = asgi
    body = CountingBody(8 * DEFAULT_MAX_BODY_BYTES)
    async with client:
        answer = await client.post("/webhooks/didit", content=body)
    assert answer.status_code == 413
    assert body.sent <= DEFAULT_MAX_BODY_BYTES + 65536  # read only until past the limit
    assert module.handled == []


@pytest.mark.anyio
async def test_asgi_example_refuses_a_declared_length_over_the_limit_before_reading(
    asgi: tuple[ModuleType, httpx.AsyncClient],
) -> None:
    module, client = asgi
    body = CountingBody(2 * DEFAULT_MAX_BODY_BYTES)
    headers = {"Content-Length": str(2 * DEFAULT_MAX_BODY_BYTES)}
    async with client:
        answer = await client.post("/webhooks/didit", content=body, headers=headers)
    assert answer.status_code == 413
    assert body.sent <= 65536  # at most what the transport sent before the app answered
    assert module.handled == []


def call_wsgi(
    module: ModuleType, body: bytes, headers: dict[str, str], **environ: Any
) -> tuple[str, Any]:
    env: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        **{f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()},
        **environ,
    }
    setup_testing_defaults(env)
    answered: list[str] = []
    chunks = module.app(env, lambda status, response_headers: answered.append(status))
    return answered[0], json.loads(b"".join(chunks))


def test_wsgi_example_handles_a_delivery_once(monkeypatch: pytest.MonkeyPatch) -> None:
    module = load_example("webhook_wsgi", monkeypatch)
    body, headers = delivery(event())
    assert call_wsgi(module, body, headers) == ("200 OK", {"outcome": "new"})
    assert call_wsgi(module, body, headers) == ("200 OK", {"outcome": "duplicate"})
    assert len(module.handled) == 1


def test_wsgi_example_refuses_a_forgery(monkeypatch: pytest.MonkeyPatch) -> None:
    module = load_example("webhook_wsgi", monkeypatch)
    body, headers = delivery(event(), "whsec_other")
    assert call_wsgi(module, body, headers) == ("401 Unauthorized", {"outcome": "rejected"})
    assert module.handled == []


def test_wsgi_example_refuses_a_large_body_before_reading_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = load_example("webhook_wsgi", monkeypatch)

    class Unreadable(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise AssertionError("read a body it should have refused")

    status, _ = call_wsgi(
        module,
        b"",
        {},
        CONTENT_LENGTH=str(DEFAULT_MAX_BODY_BYTES + 1),
        **{"wsgi.input": Unreadable()},
    )
    assert status == "413 Request Entity Too Large"
    assert module.handled == []
