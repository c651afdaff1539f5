"""`WebhookReceiver`: verified events once, duplicates dropped, the right status for each delivery.

Didit re-sends a delivery that got no 2xx (and may send one twice anyway), so a receiver must
acknowledge a repeat without handling it again, and must let a delivery whose handling failed be
handled when it comes back. Time is injected everywhere: the receiver's clock for the timestamp
check, the store's clock for expiry. The two wiring examples in docs/examples are run here too.
"""

from __future__ import annotations

import importlib.util
import io
import json
import threading
from pathlib import Path
from types import ModuleType
from typing import Any
from wsgiref.util import setup_testing_defaults

import httpx
import pytest

from didit_toolkit.webhooks import (
    DEFAULT_MAX_BODY_BYTES,
    SIGNATURE_HEADER,
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
            self.keys: list[str] = []

        def add(self, key: str) -> bool:
            self.keys.append(key)
            return len(self.keys) == 1

        def discard(self, key: str) -> None:
            self.keys.remove(key)

    store = Recording()
    inbox = receiver(store=store)
    assert inbox.receive(*delivery(event())).is_new
    assert not inbox.receive(*delivery(event(status="Declined"))).is_new  # the store said so
    assert store.keys == [delivery_key(event()), delivery_key(event(status="Declined"))]


def test_receiver_repr_hides_the_secret() -> None:
    assert SECRET not in repr(receiver())
    assert SECRET not in repr(receiver().receive(*delivery(event())))


def test_in_memory_store_forgets_after_ttl(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(ttl=60, clock=clock)
    assert store.add("a")
    clock.advance(59.9)
    assert not store.add("a")
    clock.advance(0.1)
    assert store.add("a")


def test_in_memory_store_is_bounded(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(ttl=60, max_entries=3, clock=clock)
    for key in "abcd":
        assert store.add(key)
    assert len(store) == 3
    assert store.add("a")  # the oldest went first
    assert not store.add("d")


def test_in_memory_store_evicts_expired_entries(clock: FakeClock) -> None:
    store = InMemoryDeliveryStore(ttl=10, clock=clock)
    for index in range(100):
        store.add(str(index))
    clock.advance(10)
    assert len(store) == 0


def test_in_memory_store_adds_a_key_once_across_threads() -> None:
    store = InMemoryDeliveryStore()
    start = threading.Barrier(8)
    results: list[bool] = []

    def add() -> None:
        start.wait()
        results.append(store.add("same"))

    threads = [threading.Thread(target=add) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]


@pytest.mark.parametrize(
    "settings",
    [pytest.param({"ttl": 0}, id="zero-ttl"), pytest.param({"max_entries": 0}, id="no-room")],
)
def test_in_memory_store_rejects_nonsense(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        InMemoryDeliveryStore(**settings)  # type: ignore[arg-type]


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
