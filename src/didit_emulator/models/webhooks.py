"""Webhook destinations, and the signed deliveries of session events to them (issue 10).

An integration's other half is what Didit posts to the customer: this concern keeps each
application's destinations (`/v3/webhook/destinations/`, or declared in the configuration), turns
every session event into a `WebhookEvent` payload for each enabled destination subscribed to it,
and delivers it from a background thread, signed exactly as `didit_toolkit.webhooks` verifies
(`sign_webhook` is the one implementation of the signature). A delivery never holds up or fails
the request that caused the event: the event is only queued, under the backend's lock.

A delivery answered with a 5xx or a 404, or not answered within the configured time limit, is
tried again at the configured offsets after its first attempt (Didit's documentation: 3 attempts
in all, about 1 and 4 minutes apart). The offsets are on the emulator clock, so advancing the
clock (`POST /_emulator/clock/advance`) sends the retries that fall due, and with a frozen clock
nothing is retried until a test moves time. `flush_webhooks` waits until every delivery that is
due has been attempted, which makes deliveries observable deterministically. Every attempt is
recorded (a bounded number of them) for the control surface, and counted in its destination's
delivery summary.

`[webhooks] deliver_to` bounds where deliveries go: by default only to loopback and private
addresses, so a destination URL made up by a fuzzer or mistyped never sends a request to the
internet; a delivery that may not be sent is recorded as a refused attempt and not retried.
"""

from __future__ import annotations

import copy
import ipaddress
import secrets
import socket
import ssl
import threading
import time
import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from didit_client.models import WebhookType, WebhookVersion

from didit_toolkit.webhooks import canonical_json, sign_webhook

from .. import serialization
from ..clock import isoformat
from ..config import ApplicationConfig, DeliveryScope, WebhookDestinationConfig
from ..exceptions import (
    AttemptNotFound,
    DeliveriesStuck,
    DestinationNotFound,
    DestinationPaused,
    DuplicateDestinationUrl,
)
from ..spec_values import SessionKind, SessionStatus, WebhookEventType
from .control import ControlOperations
from .sessions import Session
from .state import locked

__all__ = [
    "DeliveryAttempt",
    "WebhookDelivery",
    "WebhookDestination",
    "WebhookOperations",
]

# Statuses whose event carries the session's decision (the spec's `WebhookEvent`).
_WITH_DECISION = frozenset(
    {
        SessionStatus.APPROVED,
        SessionStatus.DECLINED,
        SessionStatus.IN_REVIEW,
        SessionStatus.ABANDONED,
    }
)
# The events a session emits: those that name a payload `webhook_type`.
_SESSION_EVENTS = frozenset(WebhookEventType(t.value) for t in WebhookType)
# A response body is kept for the control surface up to this many characters.
_KEPT_RESPONSE_CHARS = 2048
_USER_AGENT = "didit-emulator-webhooks"
# Paths of the emulator's control surface, which deliveries never go to.
_CONTROL_PREFIX = "/_emulator/"


@dataclass
class WebhookDestination:
    """An endpoint of one application that session events are posted to, and the running totals
    of what was delivered to it (its `summary`)."""

    uuid: str
    application_id: str
    label: str
    url: str
    enabled: bool
    webhook_version: WebhookVersion
    secret_shared_key: str = field(repr=False)
    subscribed_events: tuple[WebhookEventType, ...]
    created_at: float
    updated_at: float
    attempts: int = 0
    failed_attempts: int = 0
    answered_attempts: int = 0
    total_response_ms: int = 0
    min_response_ms: int | None = None
    max_response_ms: int | None = None
    last_delivery_at: float | None = None

    def receives(self, event: WebhookEventType) -> bool:
        return self.enabled and event in self.subscribed_events

    def count(self, attempt: DeliveryAttempt) -> None:
        self.attempts += 1
        self.failed_attempts += attempt.failed
        self.last_delivery_at = attempt.sent_at
        if attempt.status_code is not None and attempt.latency_ms is not None:
            ms = attempt.latency_ms
            self.answered_attempts += 1
            self.total_response_ms += ms
            low, high = self.min_response_ms, self.max_response_ms
            self.min_response_ms = ms if low is None else min(low, ms)
            self.max_response_ms = ms if high is None else max(high, ms)

    @property
    def error_rate_percentage(self) -> int:
        return round(self.failed_attempts * 100 / self.attempts) if self.attempts else 0

    @property
    def average_response_ms(self) -> int | None:
        answered = self.answered_attempts
        return round(self.total_response_ms / answered) if answered else None

    def _common(self) -> dict[str, Any]:
        return {
            "uuid": self.uuid,
            "label": self.label,
            "url": self.url,
            "enabled": self.enabled,
            "webhook_version": self.webhook_version,
            "subscribed_events": list(self.subscribed_events),
            "created_at": isoformat(self.created_at),
            "updated_at": isoformat(self.updated_at),
        }

    def as_dict(self) -> dict[str, Any]:
        """The spec's `WebhookDestination`: with its secret and delivery summary."""
        last = self.last_delivery_at
        return {
            **self._common(),
            "secret_shared_key": self.secret_shared_key,
            "summary": {
                "total_deliveries": self.attempts,
                "failed_deliveries": self.failed_attempts,
                "error_rate_percentage": self.error_rate_percentage,
                "min_response_time_ms": self.min_response_ms,
                "avg_response_time_ms": self.average_response_ms,
                "max_response_time_ms": self.max_response_ms,
                "last_delivery_at": None if last is None else isoformat(last),
            },
        }

    def as_list_item(self) -> dict[str, Any]:
        """The spec's `WebhookDestinationListItem`: no secret, flat counters."""
        last = self.last_delivery_at
        return {
            **self._common(),
            "subscribed_events_count": len(self.subscribed_events),
            "deliveries_count": self.attempts,
            "failed_deliveries_count": self.failed_attempts,
            "average_response_time_ms": self.average_response_ms,
            "error_rate_percentage": self.error_rate_percentage,
            "last_delivery_at": None if last is None else isoformat(last),
        }


@dataclass
class WebhookDelivery:
    """One event on its way to one destination: attempted until it succeeds, fails for good, or
    runs out of attempts."""

    id: str
    destination_uuid: str
    application_id: str
    event: WebhookEventType
    session_id: str
    # The `WebhookEvent` without its `timestamp` (its `session_url` carries the session's token).
    payload: Mapping[str, Any] = field(repr=False)
    created_at: float
    max_attempts: int
    next_attempt_at: float
    replay_of: str | None = None
    attempts_made: int = 0
    in_flight: bool = False


@dataclass(frozen=True)
class DeliveryAttempt:
    """One POST of a delivery, as the control surface lists it."""

    sequence: int
    id: str
    delivery_id: str
    destination_uuid: str
    # Out of reprs: a receiver's URL may carry a token in its query, the body the session's token
    # (in `session_url`), and what came back anything at all.
    destination_url: str = field(repr=False)
    application_id: str
    event: WebhookEventType
    session_id: str
    number: int
    due_at: float
    sent_at: float
    timestamp: int
    request_body: str = field(repr=False)
    status_code: int | None
    latency_ms: int | None
    error: str | None
    response_body: str = field(repr=False)
    replay_of: str | None

    @property
    def failed(self) -> bool:
        """No answer, or an HTTP status of 400 or more (Didit's published OpenAPI)."""
        return self.status_code is None or self.status_code >= 400

    @property
    def retryable(self) -> bool:
        """A 5xx, a 404 or no answer is tried again (Didit's documentation)."""
        code = self.status_code
        return code is None or code == 404 or code >= 500

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "delivery_id": self.delivery_id,
            "destination_uuid": self.destination_uuid,
            "destination_url": self.destination_url,
            "application_id": self.application_id,
            "event": self.event,
            "session_id": self.session_id,
            "attempt": self.number,
            "due_at": isoformat(self.due_at),
            "sent_at": isoformat(self.sent_at),
            "timestamp": self.timestamp,
            "status_code": self.status_code,
            "latency_ms": self.latency_ms,
            "error": self.error,
            "failed": self.failed,
            "request_body": self.request_body,
            "response_body": self.response_body,
            "replay_of": self.replay_of,
        }


@dataclass(frozen=True)
class _Send:
    """What the background thread needs to make one attempt, taken under the lock."""

    delivery: WebhookDelivery
    url: str
    body: bytes
    headers: Mapping[str, str]
    timestamp: int
    due_at: float
    sent_at: float


@dataclass(frozen=True)
class _Answer:
    status_code: int | None
    latency_ms: int | None
    error: str | None
    body: str
    # Not sent at all (`[webhooks] deliver_to`): recorded, never retried.
    refused: bool = False


def _is_private_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone id is not an address
    return ip.is_loopback or ip.is_private


@dataclass(frozen=True)
class _Route:
    """Where one attempt goes under `[webhooks] deliver_to`: refused (why, never retried), failed
    before sending (why, retried as a failed attempt), or sent; to the `addresses` the scope
    checked, in order, when it checked any (none: wherever the URL's host resolves)."""

    refusal: str | None = None
    failure: str | None = None
    addresses: tuple[str, ...] = ()


def _route(url: str, scope: DeliveryScope) -> _Route:
    """The route of an attempt to `url`. `private` resolves the host once, in the sending
    thread, requires every address to be loopback or private, and pins the attempt to them: the
    connection goes to an address that was checked, not to what a second lookup (a DNS answer
    that changed in between) would give. A host that does not resolve then is a failed attempt,
    sent nowhere."""
    if scope is DeliveryScope.ANY:
        return _Route()
    if scope is DeliveryScope.NONE:
        return _Route(refusal='not sent: [webhooks] deliver_to is "none"')
    parts = urlsplit(url)
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 0, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError):
        return _Route(failure="not sent: the host did not resolve")
    addresses = tuple(dict.fromkeys(str(info[4][0]) for info in found))
    if not addresses:
        return _Route(failure="not sent: the host did not resolve")
    if not all(_is_private_address(address) for address in addresses):
        return _Route(
            refusal='not sent: the host has a public address and [webhooks] deliver_to is "private"'
        )
    return _Route(addresses=addresses)


def _pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, Any]]:
    """`url` sent to `address`: the URL with the address for its host, the `Host` header the
    URL names, and for https the name TLS checks the certificate against (`sni_hostname`)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if host == address.split("%", 1)[0]:  # a literal address: nothing to pin
        return url, {}, {}
    userinfo, _, named = parts.netloc.rpartition("@")
    literal = f"[{address}]" if ":" in address else address
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    extensions: dict[str, Any] = {"sni_hostname": host} if parts.scheme == "https" else {}
    return urlunsplit(parts._replace(netloc=netloc)), {"Host": named}, extensions


def event_payload(session: Session, event: WebhookEventType) -> dict[str, Any]:
    """The spec's `WebhookEvent` for a session event, without `timestamp` (set per attempt)."""
    payload: dict[str, Any] = {
        "webhook_type": WebhookType(event.value),
        "session_id": session.id,
        "status": session.status,
        "created_at": int(session.created_at),
        "workflow_id": session.workflow_id,
    }
    if session.vendor_data is not None:
        payload["vendor_data"] = session.vendor_data
    if session.metadata is not None:
        payload["metadata"] = copy.deepcopy(session.metadata)
    if session.kind is SessionKind.BUSINESS:
        payload["session_kind"] = session.kind
    if session.status in _WITH_DECISION:
        payload["decision"] = serialization.decision_v3(session)
    return payload


def _post(send: _Send, timeout: float, scope: DeliveryScope, http: httpx.Client) -> _Answer:
    """One attempt of `send`. Pinned to checked addresses, it tries them in order, moving on
    only when it could not connect (nothing was sent), all within the one timeout."""
    route = _route(send.url, scope)
    if route.refusal is not None:
        return _Answer(None, None, route.refusal, "", refused=True)
    if route.failure is not None:
        return _Answer(None, None, route.failure, "")
    targets = [_pinned(send.url, address) for address in route.addresses] or [(send.url, {}, {})]
    started = time.perf_counter()
    unconnected: httpx.HTTPError | None = None
    for url, host, extensions in targets:
        remaining = timeout - (time.perf_counter() - started)
        if remaining <= 0:
            break
        try:
            response = http.post(
                url,
                content=send.body,
                headers={**send.headers, **host},
                timeout=remaining,
                extensions=extensions,
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            unconnected = error  # nothing was sent: the next address, if any
            continue
        except httpx.TimeoutException:
            return _Answer(None, None, f"no answer within {timeout:g} s", "")
        except httpx.HTTPError as error:
            return _Answer(None, None, f"request failed: {type(error).__name__}", "")
        latency = round((time.perf_counter() - started) * 1000)
        return _Answer(response.status_code, latency, None, response.text[:_KEPT_RESPONSE_CHARS])
    if unconnected is None or isinstance(unconnected, httpx.TimeoutException):
        return _Answer(None, None, f"no answer within {timeout:g} s", "")
    return _Answer(None, None, f"request failed: {type(unconnected).__name__}", "")


class _Dispatcher:
    """The background thread that hands due deliveries to destination lanes.

    A lane is a thread that sends one destination's due deliveries in order and records their
    attempts; a destination has at most one lane at a time (its deliveries stay in order), and
    lanes run side by side, so a destination that keeps each attempt waiting until the timeout
    delays no other destination's deliveries.
    """

    def __init__(self, backend: WebhookOperations) -> None:
        self.backend = backend
        self.wake = threading.Condition(backend.lock)
        self.stopping = False  # read and set with the lock held
        # The destinations whose lane is sending (read and changed with the lock held).
        self.sending: set[str] = set()
        self.thread = threading.Thread(
            target=self._run, name="didit-emulator-webhooks", daemon=True
        )
        self.thread.start()

    def _run(self) -> None:
        backend = self.backend
        # Loading the CA bundle takes a while: once, here, off the lock and off any request.
        tls = httpx.create_ssl_context()
        with self.wake:
            while True:
                if self.stopping:
                    # Stopped after the attempts in progress, each bounded by the timeout.
                    while self.sending:
                        self.wake.wait()
                    self.wake.notify_all()
                    return
                sends = backend._take_due_expiring_first(but_for=self.sending)
                if not sends:
                    if not self.sending:
                        self.wake.notify_all()  # idle: flushers may return
                    self.wake.wait(backend._seconds_to_next_delivery(but_for=self.sending))
                    continue
                timeout = backend.config.webhooks.timeout_seconds
                scope = backend.config.webhooks.deliver_to
                by_destination: dict[str, list[_Send]] = {}
                for send in sends:
                    by_destination.setdefault(send.delivery.destination_uuid, []).append(send)
                for destination_uuid, in_order in by_destination.items():
                    lane = threading.Thread(
                        target=self._lane,
                        args=(destination_uuid, in_order, timeout, scope, tls),
                        name="didit-emulator-webhook-lane",
                        daemon=True,
                    )
                    try:
                        lane.start()
                    except RuntimeError:  # no thread to be had: failed attempts, retried
                        failed = _Answer(None, None, "not sent: no thread to send it on", "")
                        backend._record([(send, failed) for send in in_order])
                        continue
                    self.sending.add(destination_uuid)

    def _lane(
        self,
        destination_uuid: str,
        sends: list[_Send],
        timeout: float,
        scope: DeliveryScope,
        tls: ssl.SSLContext,
    ) -> None:
        answers: list[tuple[_Send, _Answer]] = []
        reached = 0  # the sends handled so far (answered, or dropped meanwhile)
        try:
            with httpx.Client(follow_redirects=False, trust_env=False, verify=tls) as http:
                for send in sends:
                    with self.wake:
                        # A delivery dropped while earlier ones were sent (a reset, its
                        # destination deleted) is not sent: its event belongs to the past.
                        current = self.backend.webhook_deliveries.get(send.delivery.id)
                    if current is send.delivery:
                        try:
                            answer = _post(send, timeout, scope, http)
                        except Exception as error:  # an attempt that failed in the emulator
                            answer = _Answer(None, None, f"not sent: {type(error).__name__}", "")
                        answers.append((send, answer))
                    reached += 1
        finally:
            with self.wake:
                self.backend._record(answers, unsent=sends[reached:])
                self.sending.discard(destination_uuid)
                self.wake.notify_all()


class WebhookOperations(ControlOperations):
    """Webhook destinations (CRUD), the delivery of session events, and the attempt records."""

    # --- destinations -----------------------------------------------------------------------

    def _seed_webhook_destinations(self) -> None:
        """After a reset: the configured destinations of each application (fresh secrets unless
        configured), and a flush waiting on deliveries that no longer exist returns."""
        now = self.now()
        for app in self.applications.values():
            for configured in app.webhook_destinations:
                self._add_destination(app, configured, now)
        self._wake_dispatcher()

    def _add_destination(
        self, app: ApplicationConfig, given: WebhookDestinationConfig, now: float
    ) -> WebhookDestination:
        destination = WebhookDestination(
            uuid=given.uuid or str(uuid.uuid4()),
            application_id=app.id,
            label=given.label,
            url=given.url,
            enabled=given.enabled,
            webhook_version=given.webhook_version,
            secret_shared_key=given.secret_shared_key or secrets.token_urlsafe(32),
            subscribed_events=given.subscribed_events,
            created_at=now,
            updated_at=now,
        )
        self.webhook_destinations[destination.uuid] = destination
        return destination

    def _destination(self, app: ApplicationConfig, destination_uuid: str) -> WebhookDestination:
        destination = self.webhook_destinations.get(destination_uuid)
        if destination is None or destination.application_id != app.id:
            raise DestinationNotFound()
        return destination

    def _ensure_unique_url(self, app: ApplicationConfig, url: str, but: str | None = None) -> None:
        for other in self.webhook_destinations.values():
            if other.application_id == app.id and other.url == url and other.uuid != but:
                raise DuplicateDestinationUrl()

    @locked
    def list_webhook_destinations(self, app: ApplicationConfig) -> list[dict[str, Any]]:
        """The application's destinations, oldest first, as list rows."""
        return [
            d.as_list_item()
            for d in self.webhook_destinations.values()
            if d.application_id == app.id
        ]

    @locked
    def create_webhook_destination(
        self, app: ApplicationConfig, body: Mapping[str, Any]
    ) -> dict[str, Any]:
        url = str(body["url"])
        self._ensure_unique_url(app, url)
        given = WebhookDestinationConfig(
            label=str(body["label"]),
            url=url,
            subscribed_events=tuple(WebhookEventType(e) for e in body.get("subscribed_events", [])),
            enabled=bool(body["enabled"]),
            webhook_version=WebhookVersion(body["webhook_version"]),
            secret_shared_key=None,
            uuid=None,
        )
        created = self._add_destination(app, given, self.now()).as_dict()
        self._wake_dispatcher()  # from now on, sessions that expire are announced to it
        return created

    @locked
    def get_webhook_destination(
        self, app: ApplicationConfig, destination_uuid: str
    ) -> dict[str, Any]:
        return self._destination(app, destination_uuid).as_dict()

    @locked
    def update_webhook_destination(
        self, app: ApplicationConfig, destination_uuid: str, body: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Changes the fields given; the secret stays."""
        destination = self._destination(app, destination_uuid)
        if "url" in body:
            self._ensure_unique_url(app, str(body["url"]), but=destination.uuid)
            destination.url = str(body["url"])
        if "label" in body:
            destination.label = str(body["label"])
        if "enabled" in body:
            destination.enabled = bool(body["enabled"])
        if "webhook_version" in body:
            destination.webhook_version = WebhookVersion(body["webhook_version"])
        if "subscribed_events" in body:
            destination.subscribed_events = tuple(
                WebhookEventType(e) for e in body["subscribed_events"]
            )
        destination.updated_at = self.now()
        return destination.as_dict()

    @locked
    def delete_webhook_destination(self, app: ApplicationConfig, destination_uuid: str) -> None:
        """The destination gets nothing more (queued retries included); its attempts stay
        recorded."""
        del self.webhook_destinations[self._destination(app, destination_uuid).uuid]

    # --- events and deliveries --------------------------------------------------------------

    def _emit(self, session: Session, event: WebhookEventType) -> None:
        """Queues the event for each enabled destination of the session's application that is
        subscribed to it; the background thread sends it. Called with the lock held."""
        if event not in _SESSION_EVENTS:
            return
        destinations = [
            d
            for d in self.webhook_destinations.values()
            if d.application_id == session.application_id and d.receives(event)
        ]
        if not destinations:
            return
        payload = event_payload(session, event)
        now = self.now()
        for destination in destinations:
            self._queue(destination, event, session.id, payload, now)
        self._wake_dispatcher()

    def _queue(
        self,
        destination: WebhookDestination,
        event: WebhookEventType,
        session_id: str,
        payload: Mapping[str, Any],
        now: float,
        *,
        replay_of: str | None = None,
    ) -> WebhookDelivery:
        retries = 0 if replay_of else len(self.config.webhooks.retry_delays_seconds)
        delivery = WebhookDelivery(
            id=str(uuid.uuid4()),
            destination_uuid=destination.uuid,
            application_id=destination.application_id,
            event=event,
            session_id=session_id,
            payload=payload,
            created_at=now,
            max_attempts=1 + retries,
            next_attempt_at=now,
            replay_of=replay_of,
        )
        self.webhook_deliveries[delivery.id] = delivery
        return delivery

    def _dispatcher(self) -> _Dispatcher:
        dispatcher: _Dispatcher | None = self.__dict__.get("_webhook_dispatcher")
        if dispatcher is None:
            dispatcher = _Dispatcher(self)
            self.__dict__["_webhook_dispatcher"] = dispatcher
        return dispatcher

    def stop_deliveries(self) -> None:
        """Stops the background thread, after the attempts its lanes are making (each bounded
        by `[webhooks] timeout_seconds`); deliveries still queued stay queued, and the next event
        or flush starts a new thread. Call it when the app is done with. The stopping thread
        stays the app's until it has ended, so no new one can start a second lane for a
        destination an old lane is still sending to."""
        with self.lock:
            dispatcher: _Dispatcher | None = self.__dict__.get("_webhook_dispatcher")
            if dispatcher is None:
                return
            dispatcher.stopping = True
            dispatcher.wake.notify_all()
        dispatcher.thread.join()
        with self.lock:
            if self.__dict__.get("_webhook_dispatcher") is dispatcher:
                del self.__dict__["_webhook_dispatcher"]

    def _wake_dispatcher(self) -> None:
        """Tells the background thread to look for due deliveries (starting it the first time).
        Called with the lock held."""
        if (
            self.webhook_deliveries
            or self.webhook_destinations  # sessions may expire, and they hear of it
            or "_webhook_dispatcher" in self.__dict__
        ):
            self._dispatcher().wake.notify_all()

    def _due(self, but_for: Collection[str] = ()) -> Iterable[WebhookDelivery]:
        now = self.now()
        return (
            d
            for d in self.webhook_deliveries.values()
            if not d.in_flight and d.next_attempt_at <= now and d.destination_uuid not in but_for
        )

    def _take_due_expiring_first(self, but_for: Collection[str] = ()) -> list[_Send]:
        """`_take_due`, after the sessions whose time has come have expired (and queued their
        `status.updated`): with a clock that follows real time, no read may come to expire them."""
        self._expire_due(self.now())
        return self._take_due(but_for)

    def _take_due(self, but_for: Collection[str] = ()) -> list[_Send]:
        """The due deliveries, marked in flight, signed for this attempt, but for those to the
        destinations `but_for` (whose lanes are still sending). With the lock held."""
        sends: list[_Send] = []
        now = self.now()
        for delivery in list(self._due(but_for)):
            destination = self.webhook_destinations.get(delivery.destination_uuid)
            if destination is None or not destination.enabled:
                del self.webhook_deliveries[delivery.id]  # deleted or paused: nothing more
                continue
            if urlsplit(destination.url).path.startswith(_CONTROL_PREFIX):
                # Never drive the emulator's own control surface (a reset, say) from a webhook.
                del self.webhook_deliveries[delivery.id]
                continue
            timestamp = int(now)
            payload = {**delivery.payload, "timestamp": timestamp}
            headers = {
                "Content-Type": "application/json",
                "User-Agent": _USER_AGENT,
                **sign_webhook(payload, destination.secret_shared_key, timestamp),
            }
            delivery.in_flight = True
            sends.append(
                _Send(
                    delivery=delivery,
                    url=destination.url,
                    body=canonical_json(payload),
                    headers=headers,
                    timestamp=timestamp,
                    due_at=delivery.next_attempt_at,
                    sent_at=now,
                )
            )
        return sends

    def _seconds_to_next_delivery(self, but_for: Collection[str] = ()) -> float | None:
        """How long the background thread may sleep: until the next retry or session expiry falls
        due (looked at again at least every second, as the emulator clock may be moved), or until
        woken. The deliveries to the destinations `but_for` wait for their lane, which wakes the
        thread when it is done. Expiries matter only while some destination could hear of them."""
        waiting = [
            d.next_attempt_at
            for d in self.webhook_deliveries.values()
            if not d.in_flight and d.destination_uuid not in but_for
        ]
        if self.expiries and self.webhook_destinations:
            waiting.append(self.expiries[0][0])
        if not waiting:
            return None
        return min(1.0, max(0.01, min(waiting) - self.now()))

    def _record(self, answers: list[tuple[_Send, _Answer]], unsent: Iterable[_Send] = ()) -> None:
        """Records the attempts just made and schedules the retries; `unsent` (a lane that
        failed before sending them) are due again. With the lock held; the answers of deliveries
        dropped meanwhile (a reset) are ignored."""
        for send in unsent:
            send.delivery.in_flight = False
        delays = self.config.webhooks.retry_delays_seconds
        for send, answer in answers:
            delivery = send.delivery
            if self.webhook_deliveries.get(delivery.id) is not delivery:
                continue
            delivery.in_flight = False
            delivery.attempts_made += 1
            self.webhook_attempt_sequence += 1
            attempt = DeliveryAttempt(
                sequence=self.webhook_attempt_sequence,
                id=str(uuid.uuid4()),
                delivery_id=delivery.id,
                destination_uuid=delivery.destination_uuid,
                destination_url=send.url,
                application_id=delivery.application_id,
                event=delivery.event,
                session_id=delivery.session_id,
                number=delivery.attempts_made,
                due_at=send.due_at,
                sent_at=send.sent_at,
                timestamp=send.timestamp,
                request_body=send.body.decode("ascii"),
                status_code=answer.status_code,
                latency_ms=answer.latency_ms,
                error=answer.error,
                response_body=answer.body,
                replay_of=delivery.replay_of,
            )
            self.webhook_attempts.append(attempt)
            self.webhook_payloads[attempt.id] = delivery.payload
            destination = self.webhook_destinations.get(delivery.destination_uuid)
            if destination is not None:
                destination.count(attempt)
            retry = attempt.retryable and not answer.refused
            if retry and delivery.attempts_made < delivery.max_attempts:
                delivery.next_attempt_at = delivery.created_at + delays[delivery.attempts_made - 1]
            else:
                del self.webhook_deliveries[delivery.id]
        # Payloads are kept for replays only as long as their attempts are recorded.
        kept = {a.id for a in self.webhook_attempts}
        for attempt_id in [i for i in self.webhook_payloads if i not in kept]:
            del self.webhook_payloads[attempt_id]

    @locked
    def advance_clock(self, seconds: float) -> dict[str, Any]:
        """Moves the clock, and lets the background thread send the retries now due."""
        state = super().advance_clock(seconds)
        self._wake_dispatcher()
        return state

    # --- the control surface ----------------------------------------------------------------

    def flush_webhooks(self) -> list[dict[str, Any]]:
        """Waits until every delivery due now has been attempted (the retries that fall due later
        stay scheduled); returns the attempts made since the previous flush (or reset), so each
        attempt is reported by exactly one flush. Blocks: call it off the event loop."""
        with self.lock:
            self._wait_for_due_deliveries()
            reported, self.webhook_reported_sequence = (
                self.webhook_reported_sequence,
                self.webhook_attempt_sequence,
            )
            return [a.as_dict() for a in self.webhook_attempts if a.sequence > reported]

    def _wait_for_due_deliveries(self) -> None:
        """Waits until no delivery is due or in flight; with the lock held (the wait releases
        it). Fails (504) when deliveries make no progress for longer than an attempt may take."""
        patience = self.config.webhooks.timeout_seconds + 5
        self._expire_due(self.now())  # their events are due now too
        if not self.webhook_deliveries:
            return
        dispatcher = self._dispatcher()
        dispatcher.wake.notify_all()
        progress, deadline = self.webhook_attempt_sequence, time.monotonic() + patience
        while any(
            d.in_flight or d.next_attempt_at <= self.now() for d in self.webhook_deliveries.values()
        ):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DeliveriesStuck()
            dispatcher.wake.wait(remaining)
            if self.webhook_attempt_sequence != progress:
                progress, deadline = self.webhook_attempt_sequence, time.monotonic() + patience

    @locked
    def webhook_attempts_view(
        self, destination_uuid: str | None = None, session_id: str | None = None
    ) -> dict[str, Any]:
        """Every recorded attempt (oldest first), and the deliveries still to be attempted."""
        return {
            "attempts": [
                a.as_dict()
                for a in self.webhook_attempts
                if destination_uuid in (None, a.destination_uuid)
                and session_id in (None, a.session_id)
            ],
            "pending": [
                {
                    "delivery_id": d.id,
                    "destination_uuid": d.destination_uuid,
                    "event": d.event,
                    "session_id": d.session_id,
                    "attempts_made": d.attempts_made,
                    "next_attempt_at": isoformat(d.next_attempt_at),
                }
                for d in self.webhook_deliveries.values()
                if destination_uuid in (None, d.destination_uuid)
                and session_id in (None, d.session_id)
            ],
        }

    def replay_webhook_attempt(self, attempt_id: str) -> dict[str, Any]:
        """Sends the payload of a recorded attempt again, to the same destination, as one new
        attempt (no retries), and returns that attempt once made. Blocks: call it off the event
        loop."""
        with self.lock:
            delivery_id = self._queue_replay(attempt_id)
            self._wait_for_due_deliveries()
            made = [a for a in self.webhook_attempts if a.delivery_id == delivery_id]
            if not made:  # the destination was paused or deleted meanwhile
                raise DestinationPaused()
            return made[-1].as_dict()

    def _queue_replay(self, attempt_id: str) -> str:
        attempt = next((a for a in self.webhook_attempts if a.id == attempt_id), None)
        payload = self.webhook_payloads.get(attempt_id)
        if attempt is None or payload is None:
            raise AttemptNotFound()
        destination = self.webhook_destinations.get(attempt.destination_uuid)
        if destination is None:
            raise DestinationNotFound()
        if not destination.enabled:
            raise DestinationPaused()
        delivery = self._queue(
            destination,
            attempt.event,
            attempt.session_id,
            payload,
            self.now(),
            replay_of=attempt.id,
        )
        self._wake_dispatcher()
        return delivery.id
