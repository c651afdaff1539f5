"""What every concern of the backend shares: the state it keeps and the lock around it.

`EmulatorBackend` (backend.py) is assembled from one class per concern (sessions, sharing,
blocklist, client tokens, control); each derives from `BackendState`, which declares the
dictionaries the backend keeps, so a concern's methods see them typed. `locked` makes a method
hold the backend's lock: every public method that reads or changes state takes it, so
check-and-insert rules (one import per source session) hold under concurrency.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from ..clock import Clock
from ..config import ApplicationConfig, EmulatorConfig
from ..exceptions import SessionNotFound
from ..spec_values import WebhookEventType

if TYPE_CHECKING:
    from collections import deque
    from collections.abc import Mapping

    from didit_client.models import SandboxScenario

    from .blocklist import BlocklistEntry
    from .client_tokens import ClientTokenGrant
    from .listing import SessionIndex
    from .sessions import Session
    from .sharing import Entity
    from .webhooks import DeliveryAttempt, WebhookDelivery, WebhookDestination

__all__ = ["BackendState", "RecentIds", "locked", "same_secret", "token_key"]

P = ParamSpec("P")
R = TypeVar("R")


def locked(method: Callable[P, R]) -> Callable[P, R]:
    """Runs the method holding the backend's (re-entrant) lock."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        state = args[0]
        assert isinstance(state, BackendState)
        with state.lock:
            return method(*args, **kwargs)

    return wrapper


def token_key(token: str) -> bytes:
    """What a session token is looked up by: its SHA-256, so a dict lookup's timing says nothing
    about the token itself."""
    return hashlib.sha256(token.encode()).digest()


def same_secret(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a secret with what a client sent (any characters)."""
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())


class RecentIds:
    """A set of ids that keeps only the `capacity` most recently added (older ones are dropped
    first), for records that only report and must not grow without bound."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def add(self, value: str) -> None:
        self._ids[value] = None
        self._ids.move_to_end(value)
        while len(self._ids) > self.capacity:
            self._ids.popitem(last=False)

    def __contains__(self, value: object) -> bool:
        return value in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class BackendState:
    """The state of one emulator; `EmulatorBackend.reset()` (re)creates all of it."""

    config: EmulatorConfig
    lock: threading.RLock
    clock: Clock
    applications: dict[str, ApplicationConfig]
    applications_by_api_key: dict[str, ApplicationConfig]
    sessions: dict[str, Session]
    session_index: dict[str, SessionIndex]  # application -> its sessions, oldest first
    sessions_by_token: dict[bytes, Session]  # `token_key` of the session_token -> session
    deleted_session_ids: RecentIds  # only the most recent: the state dump lists them
    session_counters: dict[str, int]
    client_tokens: dict[str, ClientTokenGrant]
    imports: dict[tuple[str, str], str]  # (application, source session) -> clone
    entities: dict[tuple[str, str, str], Entity]
    anonymous_entities: list[Entity]
    blocklist: list[BlocklistEntry]
    outbox: list[dict[str, Any]]
    # Webhooks (webhooks.py): destinations by uuid, deliveries still to be attempted, the most
    # recent attempts (and their payloads, for replays), and how many attempts were ever made.
    webhook_destinations: dict[str, WebhookDestination]
    webhook_deliveries: dict[str, WebhookDelivery]
    webhook_attempts: deque[DeliveryAttempt]
    webhook_payloads: dict[str, Mapping[str, Any]]
    webhook_attempt_sequence: int
    webhook_reported_sequence: int  # the last attempt a flush has reported
    # The sandbox and the hosted page (sandbox.py): the scenario armed per session id, and the
    # device that first opened a session's page (its callback's initiator).
    armed_scenarios: dict[str, SandboxScenario]
    page_initiators: dict[str, str]
    # Expiry (`_expire_due`): (expires_at, session id) of every session that may still expire, a
    # heap; entries of deleted sessions, or of expiries since moved, are skipped when they come up.
    expiries: list[tuple[float, str]]

    def now(self) -> float:
        return self.clock.now()

    def _emit(self, session: Session, event: WebhookEventType) -> None:
        """A session event happened (a status change, a change to its data). The webhooks
        concern overrides this to deliver it; called with the lock held, it must not block."""

    def _schedule_expiry(self, session: Session) -> None:
        """Puts `expires_at` on the agenda (when the session is stored, or its expiry moves)."""
        heapq.heappush(self.expiries, (session.expires_at, session.id))
        if len(self.expiries) > 2 * len(self.sessions) + 1024:  # mostly deleted sessions
            self.expiries = [
                (s.expires_at, s.id) for s in self.sessions.values() if s.status in s.EXPIRABLE
            ]
            heapq.heapify(self.expiries)

    def _expire_due(self, now: float) -> None:
        """Expires every session whose time has come by `now`, each announced as a status change
        (`status.updated`), as the live service does when a session runs out. With the lock held:
        wherever sessions are looked at, when the clock is moved, and from the webhook thread."""
        expiries = self.expiries
        while expiries and expiries[0][0] <= now:
            _, session_id = heapq.heappop(expiries)
            session = self.sessions.get(session_id)
            if session is not None and session.expire_if_due(now):
                self._emit(session, WebhookEventType.STATUS_UPDATED)

    def session_exists(self, session_id: str) -> bool:
        """Whether any application has a session with this id (a lock-free dict lookup)."""
        return session_id in self.sessions

    def _session(self, app: ApplicationConfig, session_id: str) -> Session:
        """The application's session, expired first if its time has come; 404 otherwise."""
        session = self.sessions.get(session_id)
        if session is None or session.application_id != app.id:
            raise SessionNotFound()
        self._expire_due(self.now())
        return session

    def _any_session(self, session_id: str) -> Session:
        session = self.sessions.get(session_id)
        if session is None:
            raise SessionNotFound()
        self._expire_due(self.now())
        return session
