"""What every concern of the backend shares: the state it keeps and the lock around it.

`EmulatorBackend` (backend.py) is assembled from one class per concern (sessions, sharing,
blocklist, client tokens, control); each derives from `BackendState`, which declares the
dictionaries the backend keeps, so a concern's methods see them typed. `locked` makes a method
hold the backend's lock: every public method that reads or changes state takes it, so
check-and-insert rules (one import per source session) hold under concurrency.
"""

from __future__ import annotations

import functools
import secrets
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from ..clock import Clock
from ..config import ApplicationConfig, EmulatorConfig
from ..exceptions import SessionNotFound

if TYPE_CHECKING:
    from .blocklist import BlocklistEntry
    from .client_tokens import ClientTokenGrant
    from .sessions import Session
    from .sharing import Entity

__all__ = ["BackendState", "locked", "same_secret"]

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


def same_secret(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a secret with what a client sent (any characters)."""
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())


class BackendState:
    """The state of one emulator; `EmulatorBackend.reset()` (re)creates all of it."""

    config: EmulatorConfig
    lock: threading.RLock
    clock: Clock
    applications: dict[str, ApplicationConfig]
    sessions: dict[str, Session]
    deleted_session_ids: set[str]
    session_counters: dict[str, int]
    client_tokens: dict[str, ClientTokenGrant]
    imports: dict[tuple[str, str], str]  # (application, source session) -> clone
    entities: dict[tuple[str, str, str], Entity]
    anonymous_entities: list[Entity]
    blocklist: list[BlocklistEntry]
    outbox: list[dict[str, Any]]

    def now(self) -> float:
        return self.clock.now()

    def _session(self, app: ApplicationConfig, session_id: str) -> Session:
        """The application's session, expired first if its time has come; 404 otherwise."""
        session = self.sessions.get(session_id)
        if session is None or session.application_id != app.id:
            raise SessionNotFound()
        session.expire_if_due(self.now())
        return session

    def _any_session(self, session_id: str) -> Session:
        session = self.sessions.get(session_id)
        if session is None:
            raise SessionNotFound()
        session.expire_if_due(self.now())
        return session
