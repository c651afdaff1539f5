"""Layer 2: linked workflows through the `links` of openapi.yaml (schemathesis' state machine).

The links give create -> decision / share / delete / update-status / pdf / blocklist, share ->
import-shared -> decision, and blocklist add -> list / remove. Where the target is the emulator,
every created session is completed through the control surface, so share and import have
finished sessions to work on; shares go to the partner application, which imports them with its
own key and workflow.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, settings

from contracts.counting import count_case
from contracts.profiles import PROFILE
from contracts.schema import SCHEMA
from contracts.target import current_target

_CREATE_PATHS = {"/v3/session/", "/v2/session/"}


class DiditWorkflows(SCHEMA.as_state_machine()):  # type: ignore[misc]
    def get_call_kwargs(self, case: Any) -> dict[str, Any]:
        target = current_target()
        kwargs: dict[str, Any] = {"base_url": target.base_url}
        if case.operation.path == "/v3/session/import-shared/" and target.partner is not None:
            kwargs["headers"] = target.api_key_headers(target.partner.api_key)
        return kwargs

    def before_call(self, case: Any) -> None:
        target = current_target()
        body = case.body if isinstance(case.body, dict) else None
        if target.partner is None or body is None:
            return
        if case.operation.path == "/v3/session/{sessionId}/share/":
            body["for_application_id"] = target.partner.application_id
        elif case.operation.path == "/v3/session/import-shared/":
            body["workflow_id"] = target.partner.workflow_id

    def after_call(self, response: Any, case: Any) -> None:
        count_case("stateful")
        target = current_target()
        if (
            target.control is not None
            and case.operation.path in _CREATE_PATHS
            and response.status_code == 201
        ):
            target.control.complete(response.json()["session_id"], "approved")


def test_linked_workflows_conform_to_spec(target: Any) -> None:
    DiditWorkflows.run(
        settings=settings(
            max_examples=PROFILE.stateful_runs,
            stateful_step_count=PROFILE.stateful_steps,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
