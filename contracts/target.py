"""What the suite tests against: the local emulator (default) or a deployment named by the env.

Environment, for a deployment:
  DIDIT_BASE_URL, DIDIT_API_KEY           the server and a key of one application (required)
  DIDIT_ALLOW_WRITES=1                    allow tests that create, change or delete anything
  DIDIT_WORKFLOW_ID                       a user workflow of that application (for creates)
  DIDIT_V2_TOKEN                          a client access token for POST /v2/session/
  DIDIT_PARTNER_APPLICATION_ID, DIDIT_PARTNER_API_KEY, DIDIT_PARTNER_WORKFLOW_ID
                                          a second application, for share -> import-shared
  DIDIT_CREATE_BUDGET                     sessions the run may create (default 50; see pacing.py)
  DIDIT_PACING=off                        do not pace under Didit's rate limits (for a deployment
                                          that has none, such as a local emulator)
Secrets are held here and never printed: `Target`'s repr shows only the URL and the switches.

The xdist controller imports this module (through conftest.py) before it starts the workers, so
httpx and the spec are imported where they are used, not here: the controller needs neither.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from contracts.connections import Connections
    from didit_spec import Operation

__all__ = [
    "Control",
    "Deployment",
    "Partner",
    "Target",
    "current_target",
    "deployment_from_env",
    "set_current_target",
]


@dataclass(frozen=True)
class Partner:
    """A second application that can import what the first one shares."""

    application_id: str
    api_key: str = field(repr=False)
    workflow_id: str


@dataclass(frozen=True)
class Control:
    """The emulator's control surface (`/_emulator/`), which no real deployment has."""

    base_url: str
    http: httpx.Client = field(repr=False, compare=False)

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        response = self.http.post(f"{self.base_url}/_emulator/{path}", json=payload)
        response.raise_for_status()
        body: dict[str, Any] = response.json() if response.content else {}
        return body

    def complete(self, session_id: str, outcome: str = "approved", **identity: Any) -> None:
        """Finish a session as if the user had verified, with `outcome`."""
        self._post(f"sessions/{session_id}/complete", {"outcome": outcome, **identity})

    def reset(self) -> None:
        """Back to the configured applications: no sessions, tokens, imports or blocklist."""
        self.http.post(f"{self.base_url}/_emulator/reset").raise_for_status()

    def advance_clock(self, seconds: int) -> None:
        self._post("clock/advance", {"seconds": seconds})

    @staticmethod
    def probe(base_url: str, http: httpx.Client) -> Control | None:
        """The control surface at `base_url`, or None when the server is not an emulator."""
        import httpx

        try:
            response = http.get(f"{base_url}/_emulator/clock", timeout=5)
        except httpx.HTTPError:
            return None
        return Control(base_url, http) if response.status_code == 200 else None


@dataclass(frozen=True)
class Target:
    """A server under test and the credentials to test it with."""

    base_url: str
    api_key: str = field(repr=False)
    allow_writes: bool
    connections: Connections = field(repr=False, compare=False)
    workflow_id: str | None = None
    business_workflow_id: str | None = None
    v2_token: str | None = field(default=None, repr=False)
    client_credentials: tuple[str, str] | None = field(default=None, repr=False)
    application_id: str | None = None
    partner: Partner | None = None
    control: Control | None = None

    @property
    def http(self) -> httpx.Client:
        """The target's one pooled httpx client (paced against a deployment)."""
        return self.connections.http

    @property
    def is_emulator(self) -> bool:
        return self.control is not None

    def issue_v2_token(self) -> str | None:
        """A fresh client token from the target's token endpoint, if it has client credentials."""
        if self.client_credentials is None:
            return self.v2_token
        response = self.http.post(
            f"{self.base_url}/auth/v2/token/",
            data={"grant_type": "client_credentials"},
            auth=self.client_credentials,
        )
        response.raise_for_status()
        token: str = response.json()["access_token"]
        return token

    def api_key_headers(self, api_key: str | None = None) -> dict[str, str]:
        """The headers of the spec's default security scheme (the API key) for `api_key`."""
        from didit_spec import credential_headers, didit_document

        schemes = didit_document().default_security
        return credential_headers(schemes, {"api_key": api_key or self.api_key})

    def headers_for(self, operation: Operation) -> dict[str, str]:
        """The credentials the operation's `security` asks for, as far as this target has them (a
        session's own token, which arm takes, is not the target's)."""
        from didit_spec import Credential, credential_headers

        credentials: dict[str, Credential | None] = {
            "api_key": self.api_key,
            "client_token": self.v2_token,
            "client_credentials": self.client_credentials,
        }
        return credential_headers(operation.security, credentials)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes"}


@dataclass(frozen=True)
class Deployment:
    """A deployment named by the environment: what to test and with which switches, nothing
    opened yet."""

    base_url: str
    api_key: str = field(repr=False)
    allow_writes: bool
    paced: bool
    create_budget: int
    workflow_id: str | None = None
    v2_token: str | None = field(default=None, repr=False)
    partner: Partner | None = None

    def target(self, connections: Connections) -> Target:
        """The deployment as a `Target` reached through `connections`."""
        return Target(
            base_url=self.base_url,
            api_key=self.api_key,
            allow_writes=self.allow_writes,
            connections=connections,
            workflow_id=self.workflow_id,
            v2_token=self.v2_token,
            partner=self.partner,
            control=Control.probe(self.base_url, connections.http),
        )


DEFAULT_CREATE_BUDGET = 50


def deployment_from_env() -> Deployment | None:
    """The deployment named by `DIDIT_BASE_URL`, or None to test the local emulator."""
    base_url = os.environ.get("DIDIT_BASE_URL", "").rstrip("/")
    if not base_url:
        return None
    api_key = os.environ.get("DIDIT_API_KEY", "")
    if not api_key:
        raise SystemExit("DIDIT_BASE_URL is set but DIDIT_API_KEY is not")
    budget = os.environ.get("DIDIT_CREATE_BUDGET", str(DEFAULT_CREATE_BUDGET))
    if not budget.isdigit():
        raise SystemExit(f"DIDIT_CREATE_BUDGET={budget!r} is not a number of sessions")
    partner = None
    if os.environ.get("DIDIT_PARTNER_API_KEY"):
        partner = Partner(
            application_id=os.environ["DIDIT_PARTNER_APPLICATION_ID"],
            api_key=os.environ["DIDIT_PARTNER_API_KEY"],
            workflow_id=os.environ["DIDIT_PARTNER_WORKFLOW_ID"],
        )
    return Deployment(
        base_url=base_url,
        api_key=api_key,
        allow_writes=_flag("DIDIT_ALLOW_WRITES"),
        paced=os.environ.get("DIDIT_PACING", "").strip().lower() != "off",
        create_budget=int(budget),
        workflow_id=os.environ.get("DIDIT_WORKFLOW_ID"),
        v2_token=os.environ.get("DIDIT_V2_TOKEN"),
        partner=partner,
    )


_current: Target | None = None


def set_current_target(target: Target | None) -> None:
    """Record the session's target for code that runs outside fixtures (schemathesis auth)."""
    global _current
    _current = target


def current_target() -> Target:
    if _current is None:
        raise RuntimeError("no contract target: the `target` fixture has not run")
    return _current
