"""`EmulatorBackend`: all state of one emulator, assembled from one class per concern.

The backend keeps the dictionaries, the lock, the clock and `reset()`; the rules live on the
resources (`Session`, `ShareToken`, `BlocklistEntry`, `ClientTokenGrant`) and the operations in
the concern modules it is made of. The HTTP layer calls one public method per request; the method
returns plain data or raises one of `exceptions.py`'s errors.
"""

from __future__ import annotations

import threading
from collections import deque

from ..clock import Clock
from ..config import EmulatorConfig
from .client_tokens import ClientTokenOperations
from .control import ControlOperations
from .listing import SessionIndex
from .sandbox import SandboxOperations
from .sharing import SharingOperations
from .state import RecentIds, locked
from .webhooks import WebhookOperations

__all__ = ["EmulatorBackend"]


class EmulatorBackend(
    WebhookOperations,
    SandboxOperations,
    SharingOperations,
    ControlOperations,
    ClientTokenOperations,
):
    """All state of one emulator: applications (from the config), sessions, client tokens,
    imports, entities, blocklist entries, the e-mail outbox and the clock."""

    def __init__(self, config: EmulatorConfig, clock: Clock | None = None) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.clock = clock or Clock(config.clock_start, frozen=config.clock_frozen)
        self.applications = {a.id: a for a in config.applications}
        self.applications_by_api_key = {a.api_key: a for a in config.applications}
        self.reset()

    @locked
    def reset(self) -> None:
        """Back to the configured state: no sessions, tokens, imports, entities or blocklist
        entries; the clock at its start."""
        self.sessions = {}
        self.sessions_by_token = {}
        self.session_index = {app_id: SessionIndex() for app_id in self.applications}
        self.deleted_session_ids = RecentIds(self.config.max_deleted_session_ids)
        self.session_counters = dict.fromkeys(self.applications, 0)
        self.client_tokens = {}
        self.imports = {}
        self.entities = {}
        self.anonymous_entities = []
        self.blocklist = []
        self.outbox = []
        self.webhook_destinations = {}
        self.webhook_deliveries = {}
        self.webhook_attempts = deque(maxlen=self.config.webhooks.max_attempt_records)
        self.webhook_payloads = {}
        self.webhook_attempt_sequence = 0
        self.webhook_reported_sequence = 0
        self.armed_scenarios = {}
        self.page_initiators = {}
        self.expiries = []
        self.clock.reset()
        self._seed_webhook_destinations()
