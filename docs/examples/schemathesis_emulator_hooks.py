"""schemathesis CLI hooks for a run against the local emulator (README, the contract suite).

    make emulator &
    DIDIT_API_KEY=test_acme_6a1f0c9e2b7d4e58a3c1f0b9d8e7a6c5 \\
        SCHEMATHESIS_HOOKS=docs/examples/schemathesis_emulator_hooks.py \\
        .venv/bin/schemathesis run openapi.yaml --url http://127.0.0.1:8790

openapi.yaml describes Didit's API and nothing around it. On its own, `schemathesis run` can only
use the API key, aims its valid requests at random session ids, never sees a session finished
(that is the user's half, outside the API), has one application where sharing needs two, and
sends requests far faster than the live limits the emulator enforces. schemathesis then reports
what it could not reach as warnings. These hooks give the run what a real integration has:

- credentials for every operation as its `security` names them: the API key, the client id and
  secret (HTTP Basic) for `POST /auth/v2/token/`, a bearer token from that endpoint for
  `POST /v2/session/`, and for `arm_sandbox_scenario` the `Session-Token` of a fresh session (with
  that session's id in the path);
- the user's half: every session the run creates is finished through the emulator's control
  surface (approved, declined and in review in turn);
- real state for half of the valid requests of the examples, coverage and fuzzing phases (the
  other half keep their drawn values, so unknown ids are still tried): a session id, path or
  body, names a fresh finished session of the caller, a `workflow_id` one of its workflows, and
  an import gets a share token that the partner application made for the caller;
- a partner: shares go to the other application of the configuration, and a share token carried
  to an import is imported by the application it was made for;
- minding the live limits (`x-rate-limits`) as a client reading `X-RateLimit-Remaining` does, in
  emulator time: when an answer says its bucket is nearly spent, the emulator clock moves forward
  by the window, so no request is refused for the rate and the run never sleeps;
- a deserializer for the PDF report: the body must open as a PDF with at least one page, and is
  then checked against its schema (a binary string);
- linked workflows that start where an integration starts: schemathesis 4.32 would begin its
  stateful phase only at the webhook-destination create (it reads `workflow_id` as a reference to
  a resource no operation produces), so it never reached a session's links. The session creates
  are entry points too, with one of the caller's workflows, and a 404 for a session a step has
  deleted (by Didit's verb-style `DELETE …/delete/`) is what it must be, not a lost resource
  (both from `didit_contract.stateful_support`, as in the contract suite).

The applications are those of the emulator's default configuration (as `make emulator` serves
it); the caller is the one whose API key is `DIDIT_API_KEY`.
"""

from __future__ import annotations

import io
import itertools
import os
import threading
import uuid
from collections import Counter
from typing import Any

import jwt
import requests
import schemathesis
import schemathesis.specs.openapi.stateful
from pypdf import PdfReader

from didit_contract.stateful_support import (
    register_delete_aware_resource_check,
    session_creates,
    with_session_creates_as_roots,
)
from didit_emulator.config import ApplicationConfig, EmulatorConfig, default_config
from didit_spec import Credential, SecurityScheme, credential_headers, didit_document

CONFIG: EmulatorConfig = default_config()
CALLER: ApplicationConfig = next(
    a for a in CONFIG.applications if a.api_key == os.environ["DIDIT_API_KEY"]
)
PARTNER: ApplicationConfig = next(a for a in CONFIG.applications if a.id != CALLER.id)
# Control-surface outcomes after which a session can be shared, reported on and reviewed.
OUTCOMES = itertools.cycle(["approved", "declined", "in_review"])
UNIT_PHASES = {"examples", "coverage", "fuzzing"}
TIMEOUT = 10.0
# Requests a bucket keeps in reserve before the run waits for its window: those schemathesis
# sends without the hooks seeing them (the ignored_auth check's probes).
SPARE_REQUESTS = 3
_lock = threading.Lock()
_access_token: list[str] = []
_valid_cases: Counter[str] = Counter()


def _operation_id(case: Any) -> str:
    return str(case.operation.definition.raw["operationId"])


def _schemes(case: Any) -> tuple[SecurityScheme, ...]:
    """The security schemes the case's operation accepts, each with the credential it carries."""
    return didit_document().operation(_operation_id(case)).security


# How an application's API key is sent (the spec's scheme that carries it).
API_KEY_SCHEME = didit_document().scheme_carrying("api_key")


def _base_url(case: Any) -> str:
    return str(case.operation.schema.get_base_url())


def _is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(value)
    except (TypeError, ValueError, AttributeError):
        return False
    return True


def _workflow(application: ApplicationConfig, kind: str = "user") -> str:
    return next(w.id for w in application.workflows if w.kind == kind)


def _header(headers: Any, name: str) -> str | None:
    """A response header of schemathesis' (lists of values) or requests' (strings) responses."""
    for key, value in headers.items():
        if key.lower() == name:
            return str(value[0] if isinstance(value, list) else value)
    return None


def _wait_when_spent(base_url: str, headers: Any) -> None:
    """When the answer says its fullest bucket is (nearly) spent, waits on the emulator clock for
    the window to pass: the clock moves forward by the window, and the run never sleeps."""
    remaining = _header(headers, "x-ratelimit-remaining")
    if remaining is None or int(remaining) > SPARE_REQUESTS:
        return
    answer = requests.post(
        f"{base_url}/_emulator/clock/advance",
        json={"seconds": CONFIG.rate_limits.window_seconds},
        timeout=TIMEOUT,
    )
    answer.raise_for_status()


def _call(base_url: str, method: str, path: str, **kwargs: Any) -> Any:
    """A request of the hooks' own, minding the limits like the run's."""
    answer = requests.request(method, f"{base_url}{path}", timeout=TIMEOUT, **kwargs)
    answer.raise_for_status()
    _wait_when_spent(base_url, answer.headers)
    return answer.json()


def _create_session(base_url: str, application: ApplicationConfig) -> dict[str, Any]:
    created: dict[str, Any] = _call(
        base_url,
        "POST",
        "/v3/session/",
        headers=API_KEY_SCHEME.header_for(application.api_key),
        json={"workflow_id": _workflow(application)},
    )
    return created


def _complete(base_url: str, session_id: str) -> None:
    answer = requests.post(
        f"{base_url}/_emulator/sessions/{session_id}/complete",
        json={"outcome": next(OUTCOMES)},
        timeout=TIMEOUT,
    )
    answer.raise_for_status()


def _finished_session(base_url: str, application: ApplicationConfig = CALLER) -> str:
    session_id = str(_create_session(base_url, application)["session_id"])
    _complete(base_url, session_id)
    return session_id


def _share_token_for_caller(base_url: str) -> str:
    """A share token the partner made, for the caller, of one of the partner's finished sessions."""
    session_id = _finished_session(base_url, PARTNER)
    shared = _call(
        base_url,
        "POST",
        f"/v3/session/{session_id}/share/",
        headers=API_KEY_SCHEME.header_for(PARTNER.api_key),
        json={"for_application_id": CALLER.id},
    )
    return str(shared["share_token"])


def _bearer_token(base_url: str) -> str:
    """A client token of the caller, fetched once (it lives 24 hours)."""
    with _lock:
        if not _access_token:
            token = _call(
                base_url,
                "POST",
                "/auth/v2/token/",
                auth=(CALLER.client_id, CALLER.client_secret),
                data={"grant_type": "client_credentials"},
            )
            _access_token.append(str(token["access_token"]))
        return _access_token[0]


class SpecDeclaredCredentials:
    """The credentials each operation's `security` names, the API key included.

    Registered on the loaded schema (below): the CLI drops global auth providers whenever
    schemathesis.toml configures auth, and the API key alone opens only part of the API.
    schemathesis leaves out a case whose credentials it removed on purpose.
    """

    def get(self, case: Any, ctx: Any) -> dict[str, Any] | None:
        schemes = _schemes(case)
        carried = {scheme.credential for scheme in schemes}
        credentials: dict[str, Credential | None] = {
            "api_key": CALLER.api_key,
            "client_credentials": (CALLER.client_id, CALLER.client_secret),
        }
        if "client_token" in carried:
            credentials["client_token"] = _bearer_token(_base_url(case))
        headers = credential_headers(schemes, credentials)
        if headers:
            return {"headers": headers}
        if "session_token" in carried:  # a fresh session of the caller, and its own token
            session = _create_session(_base_url(case), CALLER)
            return {
                "headers": credential_headers(schemes, {"session_token": session["session_token"]}),
                "path": {"sessionId": session["session_id"]},
            }
        return None

    def set(self, case: Any, data: dict[str, Any], ctx: Any) -> None:
        case.headers = {**(case.headers or {}), **data["headers"]}
        if "path" in data:
            case.path_parameters = {**(case.path_parameters or {}), **data["path"]}


@schemathesis.hook
def after_load_schema(context: Any, schema: Any) -> None:
    schema.auth(refresh_interval=None)(SpecDeclaredCredentials)


# For the stateful phase (this process is the CLI run): the creates as entry points, which
# `before_call` gives a workflow, and schemathesis' resource check taught Didit's DELETE.
_stateful = schemathesis.specs.openapi.stateful
_stateful.classify_root_transitions = with_session_creates_as_roots(
    _stateful.classify_root_transitions
)
register_delete_aware_resource_check()


@schemathesis.deserializer("application/pdf")
def pdf_report(ctx: Any, response: Any) -> str:
    """A PDF body that opens with at least one page, as the binary string its schema describes."""
    pages = len(PdfReader(io.BytesIO(response.content)).pages)
    if pages < 1:
        raise ValueError("the PDF report has no pages")
    return bytes(response.content).decode("latin-1")


def _takes_real_state(case: Any) -> bool:
    """Every other valid case of the examples, coverage and fuzzing phases, per operation."""
    meta = case.meta
    if meta is None or meta.phase.name not in UNIT_PHASES or meta.generation.mode != "positive":
        return False
    _valid_cases[_operation_id(case)] += 1
    return _valid_cases[_operation_id(case)] % 2 == 1


def _is_stateful(case: Any) -> bool:
    return case.meta is not None and case.meta.phase.name == "stateful"


def _give_real_state(case: Any, operation_id: str, body: dict[str, Any] | None) -> None:
    base_url = _base_url(case)
    carried = {scheme.credential for scheme in _schemes(case)}
    if "sessionId" in (case.path_parameters or {}) and "session_token" not in carried:
        case.path_parameters["sessionId"] = _finished_session(base_url)
    if body is None:
        return
    if "session_id" in body:
        body["session_id"] = _finished_session(base_url)
    if operation_id == "import_shared_session":
        body["share_token"] = _share_token_for_caller(base_url)
    if "workflow_id" in body:
        body["workflow_id"] = _workflow(CALLER)


def _between_applications(case: Any, operation_id: str, body: dict[str, Any] | None) -> None:
    if body is None:
        return
    if operation_id == "share_session" and _is_uuid(body.get("for_application_id")):
        body["for_application_id"] = PARTNER.id
    if operation_id == "import_shared_session" and isinstance(body.get("share_token"), str):
        try:
            claims = jwt.decode(body["share_token"], options={"verify_signature": False})
        except jwt.PyJWTError:
            return
        importer = next(
            (a for a in CONFIG.applications if a.id == claims.get("for_application_id")), None
        )
        if importer is None or case.headers.get(API_KEY_SCHEME.header) != CALLER.api_key:
            return
        case.headers.update(API_KEY_SCHEME.header_for(importer.api_key))
        if _is_uuid(body.get("workflow_id")):
            body["workflow_id"] = _workflow(importer, claims.get("session_kind", "user"))


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Real state for half of the valid cases, a workflow for the stateful phase's creates, then
    the partner."""
    operation_id = _operation_id(case)
    body = case.body if isinstance(case.body, dict) else None
    if _takes_real_state(case):
        _give_real_state(case, operation_id, body)
    elif _is_stateful(case) and operation_id in session_creates() and body is not None:
        # An entry point of a linked workflow: a create that names a real workflow.
        body["workflow_id"] = _workflow(CALLER)
    _between_applications(case, operation_id, body)


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    """Every session the run creates is finished, as its user would finish it; the limits are
    minded."""
    if _operation_id(case) in session_creates() and response.status_code == 201:
        _complete(_base_url(case), response.json()["session_id"])
    _wait_when_spent(_base_url(case), response.headers)
