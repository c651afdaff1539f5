"""Layer 2: linked workflows through the `links` of openapi.yaml (schemathesis' state machine).

The links give create -> decision / share / delete / update-status / pdf / arm / blocklist,
share -> import-shared -> decision, and blocklist add -> list / remove. Where the target is the
emulator, sessions from the v3 create are completed through the control surface, so share and
import have finished sessions to work on, while those from the v2 create stay `Not Started`, so
arming a sandbox scenario (with the session's own token) can succeed; shares go to the partner
application, which imports them with its own key and workflow, and each import's own decision
is read back by the partner and checked.
Which paths a run takes depends on the draws; test_workflows.py walks each documented workflow
deterministically.

Against the suite's own emulator the calls go to its ASGI app in-process, as the conformance
layer's do; the control surface, the workflows and the boundaries stay on real HTTP.

The runs are split into `PROFILE.stateful_parts` test items, each seeded from schemathesis.toml's
`seed` plus its index, so that xdist workers share them. A part does not always replay exactly:
schemathesis decides with true randomness whether a step uses its link's values (a failure's
curl command is what reproduces it).
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, Phase, seed, settings
from schemathesis.core.result import Ok

from contracts.client_decoding import assert_decodes_without_loss
from contracts.profiles import PROFILE
from contracts.reporting import shown_body
from contracts.schema import SCHEMA
from contracts.target import current_target, set_current_target
from didit_contract.stateful_support import creates_a_session, with_session_creates_as_roots
from didit_spec import credential_headers, didit_document, validator_for

_DECISION_SCHEMA = (
    "/paths/~1v3~1session~1{sessionId}~1decision~1"
    "/get/responses/200/content/application~1json/schema"
)
# On the emulator, sessions made by this create are completed at once, so that they can be
# shared and imported; those made by the other stay `Not Started`, the one status in which a
# sandbox scenario can be armed (with the session's own token).
_COMPLETED_CREATE_PATH = "/v3/session/"


def _state_machine() -> Any:
    """schemathesis' state machine for the spec, with the session creates among its entry points
    (`with_session_creates_as_roots`: the harness supplies their workflow in `before_call`).

    The classification is wrapped only while the machine is built;
    `test_state_machine_starts_from_session_creates` fails if a later schemathesis takes the
    wrapper out of play.
    """
    import schemathesis.specs.openapi.stateful as stateful

    classify = stateful.classify_root_transitions
    stateful.classify_root_transitions = with_session_creates_as_roots(classify)
    try:
        return SCHEMA.as_state_machine()
    finally:
        stateful.classify_root_transitions = classify


class DiditWorkflows(_state_machine()):  # type: ignore[misc]
    def get_call_kwargs(self, case: Any) -> dict[str, Any]:
        target = current_target()
        kwargs: dict[str, Any] = {
            "base_url": target.base_url,
            **target.connections.schemathesis_kwargs(in_process=True),
        }
        if target.partner is not None and (
            case.operation.path == "/v3/session/import-shared/"
            or (case.path_parameters or {}).get("sessionId") in self.imported
        ):
            # Imports, and everything about the imported session, belong to the partner.
            kwargs["headers"] = target.api_key_headers(target.partner.api_key)
        credentials = self._session_credentials(case)
        if credentials:
            kwargs["headers"] = {**kwargs.get("headers", {}), **credentials}
        return kwargs

    def _session_credentials(self, case: Any) -> dict[str, str]:
        """The created session's own token, for operations that authenticate with it (arm)."""
        token = self.session_tokens.get(str((case.path_parameters or {}).get("sessionId")))
        if token is None:
            return {}
        operation = didit_document().operation(case.operation.definition.raw["operationId"])
        return credential_headers(operation.security, {"session_token": token})

    def setup(self) -> None:
        # Every run starts from the same emulator state, so a failing run replays identically
        # (Hypothesis re-runs it to report it) instead of tripping over what it left behind.
        self.session_tokens: dict[str, str] = {}
        target = current_target()
        if target.control is not None:
            target.control.reset()
            set_current_target(dataclasses.replace(target, v2_token=target.issue_v2_token()))

    def _check_imported_decision(self, session_id: str) -> None:
        """The import's own decision: the partner reads it, and it conforms and decodes."""
        target = current_target()
        assert target.partner is not None
        path = "/v3/session/{sessionId}/decision/"
        response = target.http.get(
            f"{target.base_url}/v3/session/{session_id}/decision/",
            headers=target.api_key_headers(target.partner.api_key),
        )
        assert response.status_code == 200, (
            f"decision of imported {session_id}: {shown_body(response.content)}"
        )
        errors = [  # where, and which rule: not the value, which can be a token
            f"/{'/'.join(map(str, e.absolute_path))}: {e.validator}"
            for e in validator_for(_DECISION_SCHEMA).iter_errors(response.json())
        ]
        assert not errors, f"decision of imported {session_id} violates the spec: {errors}"
        assert_decodes_without_loss("GET", path, 200, response.headers, response.content)

    def before_call(self, case: Any) -> None:
        target = current_target()
        body = case.body if isinstance(case.body, dict) else None
        if body is None:
            return
        if creates_a_session(case.operation) and target.workflow_id is not None:
            # Random workflow ids only ever give 400 (the conformance layer covers that); a
            # workflow needs a session that exists.
            body["workflow_id"] = target.workflow_id
        if target.partner is None:
            return
        if case.operation.path == "/v3/session/{sessionId}/share/":
            body["for_application_id"] = target.partner.application_id
        elif case.operation.path == "/v3/session/import-shared/":
            body["workflow_id"] = target.partner.workflow_id

    imported: ClassVar[set[str]] = set()

    def after_call(self, response: Any, case: Any) -> None:
        # schemathesis records each response here; its stateful checks (use_after_free,
        # ensure_resource_availability) look earlier ones up and see nothing without it.
        super().after_call(response, case)
        if case.operation.path == "/v3/session/import-shared/" and response.status_code == 201:
            session_id = response.json()["session_id"]
            self.imported.add(session_id)
            self._check_imported_decision(session_id)
        if not creates_a_session(case.operation) or response.status_code != 201:
            return
        try:
            created = response.json()
            session_id, token = created["session_id"], created["session_token"]
        except (ValueError, TypeError, KeyError):
            return  # a malformed answer is the checks' to report, with its curl command
        self.session_tokens[session_id] = token
        target = current_target()
        if target.control is not None and case.operation.path == _COMPLETED_CREATE_PATH:
            target.control.complete(session_id, "approved")


def _runs_in(part: int) -> int:
    """Part `part`'s share of the profile's runs (the first parts take the remainder)."""
    share, remainder = divmod(PROFILE.stateful_runs, PROFILE.stateful_parts)
    return share + (1 if part < remainder else 0)


def test_state_machine_starts_from_session_creates(writable: Any) -> None:
    creates = {
        result.ok().label
        for result in SCHEMA.get_all_operations()
        if isinstance(result, Ok) and creates_a_session(result.ok())
    }
    entry_points = DiditWorkflows._root_labels
    assert creates, "the spec has no session create to start from"
    assert creates <= entry_points, f"runs start only at {sorted(entry_points)}"


@pytest.mark.parametrize("part", range(PROFILE.stateful_parts))
def test_linked_workflows_conform_to_spec(writable: Any, part: int) -> None:
    DiditWorkflows.imported.clear()
    machine: type[DiditWorkflows] = type(f"DiditWorkflowsPart{part}", (DiditWorkflows,), {})
    seed((SCHEMA.config.seed or 0) + part)(machine)
    machine.run(
        settings=settings(
            max_examples=_runs_in(part),
            stateful_step_count=PROFILE.stateful_steps,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            # Shrinking a failing sequence of network calls takes minutes; the failure already
            # prints each request as curl, and the seed makes the run repeatable as it is.
            phases=[Phase.explicit, Phase.reuse, Phase.generate],
        )
    )
