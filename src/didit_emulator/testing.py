"""Run the emulator inside a test: a real uvicorn server on a free 127.0.0.1 port.

    from didit_emulator.testing import running_emulator

    with running_emulator() as emulator:
        client = emulator.client("Acme")          # a didit_client.AuthenticatedClient
        ...                                      # call the API over HTTP
        emulator.complete_session(session_id, "approved")
        emulator.advance_clock(3600)
        emulator.reset()

This is the stable API the contract suite and other tests build on:

- `running_emulator(config=None, *, validate_responses=True)`: a context manager that starts the
  server in a background thread and yields a `RunningEmulator`; it stops the server (gracefully)
  on exit. `config` is an `EmulatorConfig` (the default configuration when None).
- `RunningEmulator.base_url` (`http://127.0.0.1:<port>`, no trailing slash), `.config`,
  `.backend` (the live `EmulatorBackend`), `.app` (the ASGI app), and helpers:
  - configuration: `application(name_or_id)`, `workflow(application, kind)`;
  - generated clients: `client(application)` (x-api-key), `token_client(application)` (HTTP
    Basic, for the token endpoint), `bearer_client(access_token)` (for `POST /v2/session/`);
  - shortcuts through the generated client: `access_token()`, `create_session()`,
    `finished_session()`, `share_token()`;
  - the control surface: `complete_session()`, `advance_clock()`, `state()`, `reset()`;
  - `response_violations` / `audit` (see below).

With `validate_responses` (the default here), every response of an openapi.yaml operation is
checked against the spec; `RunningEmulator.response_violations` lists what did not conform.

`running_emulator` looks `create_app` up in this module when called, so a test can wrap the app
(for example in a middleware that breaks it on purpose) by monkeypatching
`didit_emulator.testing.create_app`.
"""

from __future__ import annotations

import asyncio
import base64
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx
from didit_client import AuthenticatedClient, Client
from didit_client.api.auth import get_client_token
from didit_client.api.sessions import create_session
from didit_client.api.sharing import share_session
from didit_client.models import (
    ClientToken,
    ClientTokenRequest,
    CreatedSession,
    CreateSessionRequest,
    GrantType,
    SessionKind,
    ShareSessionRequest,
    ShareToken,
)
from didit_client.types import UNSET

from didit_spec import didit_document

from .app import EmulatorApp, ResponseAudit, create_app
from .config import ApplicationConfig, EmulatorConfig, WorkflowConfig, default_config
from .models import EmulatorBackend
from .server import ServerSettings, listening_socket, serving_in_background

__all__ = ["InProcessTransport", "RunningEmulator", "in_process_emulator", "running_emulator"]


@dataclass
class RunningEmulator:
    """A live emulator. Its methods drive it over HTTP (the control surface), as a test would."""

    base_url: str
    config: EmulatorConfig
    backend: EmulatorBackend
    app: EmulatorApp
    transport: httpx.BaseTransport | None = None
    """None over the network; the in-process ASGI transport for `in_process_emulator`."""

    def with_transport(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """Client keyword arguments that route through this emulator's transport, if any."""
        if self.transport is not None:
            kwargs.setdefault("httpx_args", {}).setdefault("transport", self.transport)
        return kwargs

    def http(self, **kwargs: Any) -> httpx.Client:
        """A plain `httpx.Client` to the emulator (raw requests, no credentials)."""
        return httpx.Client(base_url=self.base_url, transport=self.transport, **kwargs)

    def plain_client(self, **kwargs: Any) -> Client:
        """A `didit_client.Client` that sends no credentials of its own (pass `headers=`)."""
        kwargs.setdefault("verify_ssl", False)
        return Client(base_url=self.base_url, **self.with_transport(kwargs))

    # --- configuration ---------------------------------------------------------------------

    def application(self, name_or_id: str = "Acme") -> ApplicationConfig:
        """A configured application by name ("Acme", "Partner" by default) or id."""
        return self.config.application(name_or_id)

    def workflow(self, application: str = "Acme", kind: str = SessionKind.USER) -> WorkflowConfig:
        """The application's first workflow of this kind (a `SessionKind`)."""
        return next(w for w in self.application(application).workflows if w.kind == kind)

    def client(self, application: str = "Acme", **kwargs: Any) -> AuthenticatedClient:
        """A `didit_client.AuthenticatedClient` that sends the application's API key (in the
        header of the spec's API-key scheme). Extra keyword arguments go to the client (e.g.
        `raise_on_unexpected_status`, `httpx_args`)."""
        kwargs.setdefault("verify_ssl", False)  # plain HTTP: skip building a TLS context
        return AuthenticatedClient(
            base_url=self.base_url,
            token=self.application(application).api_key,
            prefix="",
            auth_header_name=didit_document().scheme_carrying("api_key").header,
            **self.with_transport(kwargs),
        )

    def token_client(self, application: str = "Acme", **kwargs: Any) -> AuthenticatedClient:
        """A `didit_client.AuthenticatedClient` for `POST /auth/v2/token/`: HTTP Basic with the
        application's client id and secret."""
        kwargs.setdefault("verify_ssl", False)
        app = self.application(application)
        basic = base64.b64encode(f"{app.client_id}:{app.client_secret}".encode()).decode()
        return AuthenticatedClient(
            base_url=self.base_url, token=basic, prefix="Basic", **self.with_transport(kwargs)
        )

    def bearer_client(self, access_token: str, **kwargs: Any) -> AuthenticatedClient:
        """A `didit_client.AuthenticatedClient` sending `Authorization: Bearer <access_token>`
        (for `POST /v2/session/`)."""
        kwargs.setdefault("verify_ssl", False)
        return AuthenticatedClient(
            base_url=self.base_url, token=access_token, **self.with_transport(kwargs)
        )

    # --- shortcuts through the generated client ---------------------------------------------

    def access_token(self, application: str = "Acme") -> str:
        """A client access token from `POST /auth/v2/token/`."""
        body = ClientTokenRequest(grant_type=GrantType.CLIENT_CREDENTIALS)
        with self.token_client(application) as client:
            parsed = get_client_token.sync(client=client, body=body)
        if not isinstance(parsed, ClientToken):
            raise AssertionError(f"token request failed: {parsed}")
        return parsed.access_token

    def create_session(
        self,
        application: str = "Acme",
        *,
        kind: str = SessionKind.USER,
        vendor_data: str | None = None,
    ) -> CreatedSession:
        """A new session of the application's first workflow of `kind`, via `POST /v3/session/`."""
        body = CreateSessionRequest(
            workflow_id=UUID(self.workflow(application, kind).id),
            vendor_data=UNSET if vendor_data is None else vendor_data,
        )
        with self.client(application) as client:
            parsed = create_session.sync(client=client, body=body)
        if not isinstance(parsed, CreatedSession):
            raise AssertionError(f"session creation failed: {parsed}")
        return parsed

    def finished_session(
        self,
        application: str = "Acme",
        outcome: str = "approved",
        *,
        kind: str = SessionKind.USER,
        vendor_data: str | None = None,
        **identity: str,
    ) -> CreatedSession:
        """A new session completed with `outcome` through the control surface."""
        session = self.create_session(application, kind=kind, vendor_data=vendor_data)
        self.complete_session(session.session_id, outcome, **identity)
        return session

    def share_token(
        self,
        session_id: object,
        *,
        source: str = "Acme",
        target: str = "Partner",
        ttl_in_seconds: int | None = None,
    ) -> str:
        """A share token of `source`'s session for `target`, via `POST .../share/`."""
        body = ShareSessionRequest(
            for_application_id=UUID(self.application(target).id),
            ttl_in_seconds=UNSET if ttl_in_seconds is None else ttl_in_seconds,
        )
        with self.client(source) as client:
            parsed = share_session.sync(UUID(str(session_id)), client=client, body=body)
        if not isinstance(parsed, ShareToken):
            raise AssertionError(f"share failed: {parsed}")
        return parsed.share_token

    # --- control surface -------------------------------------------------------------------

    def _control(self, method: str, path: str, json: Any = None) -> httpx.Response:
        # Plain HTTP to 127.0.0.1: no certificates involved; skipping the TLS context is faster.
        with self.http(verify=False) as http:
            response = http.request(method, f"/_emulator/{path}", json=json)
        response.raise_for_status()
        return response

    def complete_session(
        self, session_id: object, outcome: str = "approved", **identity: str
    ) -> dict[str, Any]:
        """`POST /_emulator/sessions/{id}/complete`: the session's new V3 decision. `identity`
        takes face_id, document_number, phone, email, first_name, last_name, date_of_birth,
        nationality, document_type, company_name, registration_number."""
        body = {"outcome": outcome, **identity}
        result: dict[str, Any] = self._control(
            "POST", f"sessions/{session_id}/complete", body
        ).json()
        return result

    def advance_clock(self, seconds: float) -> dict[str, Any]:
        """`POST /_emulator/clock/advance`: the clock after the move."""
        result: dict[str, Any] = self._control("POST", "clock/advance", {"seconds": seconds}).json()
        return result

    def state(self) -> dict[str, Any]:
        """`GET /_emulator/state`."""
        result: dict[str, Any] = self._control("GET", "state").json()
        return result

    def reset(self) -> None:
        """`POST /_emulator/reset`: back to the configured state (the response audit too)."""
        self._control("POST", "reset")
        self.audit.clear()

    # --- response validation ----------------------------------------------------------------

    @property
    def audit(self) -> ResponseAudit:
        audit: ResponseAudit = self.app.state.response_audit
        return audit

    @property
    def response_violations(self) -> list[str]:
        """Ways responses strayed from openapi.yaml since the start or the last reset."""
        return list(self.audit.violations)


def _free_socket(host: str) -> socket.socket:
    return listening_socket(host, 0)


@contextmanager
def running_emulator(
    config: EmulatorConfig | None = None, *, validate_responses: bool = True
) -> Iterator[RunningEmulator]:
    """Starts the emulator with uvicorn in a background thread on a free 127.0.0.1 port, yields a
    `RunningEmulator`, and stops the server when the block exits."""
    config = config or default_config()
    app = create_app(config, validate_responses=validate_responses)
    host = "127.0.0.1"
    sock = _free_socket(host)
    port = sock.getsockname()[1]
    settings = ServerSettings(host=host, port=port, graceful_timeout=2)
    try:
        with serving_in_background(app, settings, sock):
            yield RunningEmulator(
                base_url=f"http://{host}:{port}",
                config=config,
                backend=app.state.backend,
                app=app,
            )
    finally:
        app.close()


class InProcessTransport(httpx.BaseTransport):
    """A synchronous httpx transport that hands each request to the ASGI app in-process.

    httpx's own `ASGITransport` is async-only; this one runs it on an event loop in a background
    thread, so the synchronous generated client (and any `httpx.Client`) talks to the emulator
    without a socket. Bodies are whole in memory on both sides.
    """

    def __init__(self, app: EmulatorApp, client: tuple[str, int] = ("127.0.0.1", 50000)) -> None:
        self._asgi = httpx.ASGITransport(app, client=client)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="didit-emulator-in-process", daemon=True
        )
        self._thread.start()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        future = asyncio.run_coroutine_threadsafe(self._send(request), self._loop)
        return future.result()

    async def _send(self, request: httpx.Request) -> httpx.Response:
        response = await self._asgi.handle_async_request(request)
        content = await response.aread()
        return httpx.Response(
            response.status_code, headers=response.headers, content=content, request=request
        )

    def close(self) -> None:
        """Keeps serving: clients that share this transport close it when they close."""

    def shutdown(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()


@contextmanager
def in_process_emulator(
    config: EmulatorConfig | None = None, *, validate_responses: bool = True
) -> Iterator[RunningEmulator]:
    """The emulator without a server: a `RunningEmulator` whose clients reach the ASGI app through
    `InProcessTransport`. For tests where a socket adds nothing; `running_emulator` for the rest."""
    config = config or default_config()
    app = create_app(config, validate_responses=validate_responses)
    transport = InProcessTransport(app)
    try:
        yield RunningEmulator(
            base_url="http://emulator.test",
            config=config,
            backend=app.state.backend,
            app=app,
            transport=transport,
        )
    finally:
        transport.shutdown()
        app.close()
