"""Sandbox scenarios and the user's side of a session: the hosted page's rules (issue 10).

Every emulator application is a sandbox application: a session can carry a `SandboxScenario`,
chosen at create (`sandbox_scenario`) or armed later with the session's own `Session-Token`
while it is still Not Started. On the hosted page (the session `url`) the user picks a scenario
(the armed one preselected) and submits; the session goes In Progress, then to the scenario's
outcome with the results `results.plan_scenario` plans, each change firing its webhook, and the
browser is sent to the session's `callback` when `callback_method` says this device handles it.

A device is told apart by a random cookie the page sets, never by the session token: the first
device to open an open session's page is its initiator, the one that submits the form its
completer. `initiator` redirects only the initiator (a completer on another device is told to go
back to it, and the initiator's next visit is redirected), `completer` only the device that
finishes, `both` either.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from didit_client.models import CallbackMethod, SandboxScenario

from didit_spec import component_schema

from .. import results
from ..config import ApplicationConfig
from ..exceptions import (
    NotFound,
    ScenarioTooLate,
    SessionNotFound,
    Unauthorized,
)
from ..spec_values import Feature, SessionStatus, WebhookEventType
from .control import ControlOperations, identity_from
from .sessions import Session, SessionOperations
from .state import locked, same_secret

__all__ = [
    "HostedPage",
    "InvalidSessionToken",
    "PageKind",
    "SandboxOperations",
    "ScenarioChoice",
    "UnknownScenario",
]

# Sessions the hosted page still offers the form for: waiting for the user.
OPEN = Session.EXPIRABLE


class InvalidSessionToken(Unauthorized):
    """A `Session-Token` that belongs to no session: 404, as on the live service."""

    status_code = 404
    default_detail = "Not found."


class UnknownScenario(ValueError):
    """The hosted page's form named no scenario of the catalogue."""


class PageKind(Enum):
    FORM = "form"
    FINISHED = "finished"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ScenarioChoice:
    """A scenario as the hosted page offers it for one session: what it ends with, and the step
    that decides it with the warning that step raises."""

    scenario: SandboxScenario
    outcome: SessionStatus
    deciding_step: Feature | str | None
    risk: str | None
    risk_text: str | None


@dataclass(frozen=True)
class HostedPage:
    """What the hosted page shows (or where it sends the browser), read under the lock."""

    kind: PageKind
    session_id: str | None = None
    session_number: int | None = None
    status: SessionStatus | None = None
    application_name: str | None = None
    workflow_name: str | None = None
    business: bool = False
    steps: tuple[Feature, ...] = ()
    choices: tuple[ScenarioChoice, ...] = ()
    selected: SandboxScenario | None = None
    redirect_to: str | None = None
    has_callback: bool = False
    other_device: bool = False  # finished here, but the callback belongs to the initiator
    already_finished: bool = False  # a form submitted to a session that was no longer open
    device: str | None = None  # a device id for the browser to keep (a new one)


def callback_url(callback: str, session_id: str, status: SessionStatus) -> str:
    """`callback` with `verificationSessionId` and `status` added to its query; the query it has
    is kept as it was written (a signed callback URL stays valid)."""
    parts = urlsplit(callback)
    added = urlencode([("verificationSessionId", session_id), ("status", status.value)])
    query = f"{parts.query}&{added}" if parts.query else added
    return urlunsplit(parts._replace(query=query))


def _default_callback_method() -> CallbackMethod:
    return CallbackMethod(component_schema("CallbackMethod")["default"])


def _choices(session: Session) -> tuple[ScenarioChoice, ...]:
    choices = []
    for scenario in SandboxScenario:
        plan = results.plan_scenario(scenario, session.features, session.is_business)
        text = results.warning(plan.risk)["short_description"] if plan.risk else None
        choices.append(ScenarioChoice(scenario, plan.outcome, plan.deciding_step, plan.risk, text))
    return tuple(choices)


class SandboxOperations(SessionOperations, ControlOperations):
    """Sandbox scenarios (on create and armed), and the hosted page's form."""

    @locked
    def create_session(
        self, app: ApplicationConfig, body: Mapping[str, Any], base_url: str
    ) -> dict[str, Any]:
        """A new session (`SessionOperations.create_session`), armed with its
        `sandbox_scenario` when one is given, as the arm would: only while the session is `Not
        Started` (a create that reuses a session the user has begun leaves its outcome alone)."""
        created = super().create_session(app, body, base_url)
        scenario = body.get("sandbox_scenario")
        session_id = str(created["session_id"])
        if scenario is not None and self.sessions[session_id].status is SessionStatus.NOT_STARTED:
            self.armed_scenarios[session_id] = SandboxScenario(scenario)
        return created

    @locked
    def application_for_session_token(self, token: str | None) -> ApplicationConfig:
        """The application of the session a `Session-Token` belongs to; 404 for any other."""
        try:
            session = self.session_by_token(token or "")
        except SessionNotFound:
            raise InvalidSessionToken() from None
        return self.applications[session.application_id]

    @locked
    def arm_scenario(
        self, app: ApplicationConfig, session_id: str, token: str | None, scenario: str
    ) -> dict[str, Any]:
        """Arms a scenario on a Not Started session whose token this is (else 404); a later
        arming replaces it. The session's status does not change."""
        session = self.sessions.get(session_id)
        if session is None or session.application_id != app.id:
            raise NotFound()
        if not same_secret(session.token, token):
            raise NotFound()
        self._expire_due(self.now())
        if session.status is not SessionStatus.NOT_STARTED:
            raise ScenarioTooLate()
        armed = SandboxScenario(scenario)
        self.armed_scenarios[session.id] = armed
        return {"session_id": session.id, "scenario": armed, "status": session.status}

    # --- the hosted page --------------------------------------------------------------------

    def _page(self, session: Session, kind: PageKind, **extra: Any) -> HostedPage:
        app = self.applications[session.application_id]
        workflow = app.workflow(session.workflow_id)
        return HostedPage(
            kind=kind,
            session_id=session.id,
            session_number=session.number,
            status=session.status,
            application_name=app.name,
            workflow_name=workflow.name if workflow else None,
            business=session.is_business,
            steps=session.features,
            has_callback=session.callback is not None,
            **extra,
        )

    def _redirect_for(self, session: Session, *, initiator: bool, completer: bool) -> str | None:
        """Where this device goes once the session is finished, if `callback_method` lets it."""
        if session.callback is None:
            return None
        method = CallbackMethod(session.callback_method or _default_callback_method())
        allowed = (
            method is CallbackMethod.BOTH
            or (method is CallbackMethod.INITIATOR and initiator)
            or (method is CallbackMethod.COMPLETER and completer)
        )
        return callback_url(session.callback, session.id, session.status) if allowed else None

    def _is_initiator(self, session: Session, device: str | None) -> bool:
        initiator = self.page_initiators.get(session.id)
        return initiator is None or same_secret(initiator, device)

    @locked
    def open_hosted_page(self, token: str, device: str | None) -> HostedPage:
        """The page a browser gets at the session url: the form while the session waits for
        the user (the first device to open it becomes its initiator), else why not, or the
        callback for an initiator coming back to a finished session."""
        try:
            session = self.session_by_token(token)
        except SessionNotFound:
            return HostedPage(PageKind.UNKNOWN)
        if session.status is SessionStatus.EXPIRED:
            return self._page(session, PageKind.EXPIRED)
        if session.status in OPEN:
            new_device = None
            if session.id not in self.page_initiators:
                if device is None:
                    device = new_device = secrets.token_urlsafe(16)
                self.page_initiators[session.id] = device
            armed = self.armed_scenarios.get(session.id)
            return self._page(
                session,
                PageKind.FORM,
                choices=_choices(session),
                selected=armed or SandboxScenario.APPROVE,
                device=new_device,
            )
        initiator = session.id in self.page_initiators and self._is_initiator(session, device)
        redirect = self._redirect_for(session, initiator=initiator, completer=False)
        return self._page(session, PageKind.FINISHED, redirect_to=redirect)

    @locked
    def finish_on_hosted_page(
        self, token: str, scenario: str | None, device: str | None
    ) -> HostedPage:
        """The user submits the form: the session goes In Progress, then to the scenario's
        outcome (the given one, else the armed one, else `approve`), each step firing its
        webhook; the page says where the browser goes next."""
        try:
            session = self.session_by_token(token)
        except SessionNotFound:
            return HostedPage(PageKind.UNKNOWN)
        if session.status is SessionStatus.EXPIRED:
            return self._page(session, PageKind.EXPIRED)
        if session.status not in OPEN:
            return self._page(session, PageKind.FINISHED, already_finished=True)
        try:
            chosen = SandboxScenario(scenario) if scenario else None
        except ValueError:
            raise UnknownScenario(scenario) from None
        chosen = chosen or self.armed_scenarios.get(session.id) or SandboxScenario.APPROVE
        self._play(session, chosen)
        initiator = self._is_initiator(session, device)
        redirect = self._redirect_for(session, initiator=initiator, completer=True)
        return self._page(
            session,
            PageKind.FINISHED,
            redirect_to=redirect,
            other_device=redirect is None and not initiator and session.callback is not None,
        )

    def _play(self, session: Session, scenario: SandboxScenario) -> None:
        """The user goes through the workflow as the scenario has it."""
        now = self.now()
        plan = results.plan_scenario(scenario, session.features, session.is_business)
        identity = identity_from(session, plan.identity_overrides(now))
        blocks = results.build_blocks(
            session_id=session.id,
            features=session.features,
            business=session.is_business,
            plan=plan.plan,
            identity=identity,
            now=now,
        )
        # Nothing of the session changes until everything it gets has been built; each status
        # it passes through goes into its timeline (`include=events`) and out as a webhook.
        session.move_to(SessionStatus.IN_PROGRESS, now, "started")
        self._emit(session, WebhookEventType.STATUS_UPDATED)
        session.identity, session.blocks = identity, blocks
        outcome = SessionStatus.DECLINED if self._apply_blocklist(session) else plan.outcome
        session.move_to(outcome, now, "completed")
        self.armed_scenarios.pop(session.id, None)
        self._emit(session, WebhookEventType.STATUS_UPDATED)
