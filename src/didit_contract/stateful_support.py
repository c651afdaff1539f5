"""What schemathesis' stateful testing has to be told about Didit's API.

Shared by the contract suite (contracts/) and the schemathesis CLI hooks of the README
(docs/examples/schemathesis_emulator_hooks.py), so each rule lives here once:

- which operations create a session: those the spec's `session_create` rate-limit bucket names
  (`session_creates`).
- where a linked workflow may start: schemathesis 4.32 starts one only from operations it expects
  to succeed with generated input, and it reads `workflow_id` as a reference to a resource no
  operation of the spec produces (workflows are made in Didit's console), so it leaves both
  session creates out and a run can only begin at the webhook destinations. A caller that
  supplies the workflow makes the creates entry points again (`with_session_creates_as_roots`);
  schemathesis has no setting for it.
- what a successful DELETE removes: schemathesis' `ensure_resource_availability` counts a DELETE
  only for the paths below the one it targets, but Didit deletes a session with
  `DELETE /v3/session/{sessionId}/delete/`, a verb below the resource, so a later 404 for that
  session (the answer it must give) read as a created resource gone missing
  (`removed_by_delete`, `ensure_resource_availability`, `register_delete_aware_resource_check`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from didit_spec import didit_document

__all__ = [
    "SESSION_CREATE_BUCKET",
    "creates_a_session",
    "ensure_resource_availability",
    "register_delete_aware_resource_check",
    "removed_by_delete",
    "session_creates",
    "with_session_creates_as_roots",
]

# The bucket of openapi.yaml's `x-rate-limits` whose operations create a session.
SESSION_CREATE_BUCKET = "session_create"

_PARAMETER = re.compile(r"\{([^}]+)\}")


def session_creates() -> frozenset[str]:
    """The operationIds of the operations that create a session: those the spec's
    `session_create` rate-limit bucket names (also what the contract suite's create budget
    counts)."""
    limits = didit_document().contents.get("x-rate-limits") or {}
    bucket = limits.get("buckets", {}).get(SESSION_CREATE_BUCKET)
    if bucket is None:
        raise LookupError(f"x-rate-limits has no {SESSION_CREATE_BUCKET!r} bucket")
    return frozenset(bucket.get("operations", ()))


def creates_a_session(operation: Any) -> bool:
    """Whether a schemathesis `APIOperation` is one of `session_creates()`."""
    return operation.definition.raw.get("operationId") in session_creates()


def with_session_creates_as_roots(classify: Callable[..., Any]) -> Callable[..., Any]:
    """schemathesis' `classify_root_transitions`, with the session creates among the reliable
    entry points of a linked workflow (for a caller that gives them a real `workflow_id`)."""

    def classify_with_creates(operations: Any, transitions: Any, graph: Any) -> Any:
        roots = classify(operations, transitions, graph)
        for operation in operations:
            if creates_a_session(operation) and operation.label in roots.fallback:
                roots.fallback.discard(operation.label)
                roots.reliable.add(operation.label)
        return roots

    return classify_with_creates


def _rendered(template: str, parameters: Mapping[str, Any]) -> str:
    return _PARAMETER.sub(lambda match: str(parameters.get(match.group(1))), template)


def removed_by_delete(
    delete_path: str,
    delete_parameters: Mapping[str, Any],
    path: str,
    parameters: Mapping[str, Any],
) -> bool:
    """Whether a successful DELETE of `delete_path` (a template and its parameters) removed what
    `path` names, when the DELETE's last segment is a verb after a path parameter."""
    segments = delete_path.rstrip("/").split("/")
    if len(segments) < 2 or "{" in segments[-1] or "{" not in segments[-2]:
        return False  # a DELETE of the resource itself: schemathesis already counts it
    removed = _rendered("/".join(segments[:-1]), delete_parameters) + "/"
    return _rendered(path, parameters).startswith(removed)


def _deleted_in_didits_style(ctx: Any, case: Any) -> bool:
    """Whether a successful DELETE earlier in the scenario removed what `case` asks for, by
    Didit's verb-style delete path."""
    for prior in ctx.internals.find_all_cases():
        if prior.id == case.id or prior.operation.method.upper() != "DELETE":
            continue
        answer = ctx.internals.find_response(case_id=prior.id)
        if answer is None or not 200 <= answer.status_code < 300:
            continue
        if removed_by_delete(
            prior.path, prior.path_parameters or {}, case.path, case.path_parameters or {}
        ):
            return True
    return False


def ensure_resource_availability(ctx: Any, response: Any, case: Any) -> bool | None:
    """schemathesis' check of the same name, except that a 404 for a session that a step of the
    scenario deleted (`DELETE /v3/session/{sessionId}/delete/`) is the answer it must be."""
    from schemathesis.specs.openapi import checks

    if response.status_code == 404 and _deleted_in_didits_style(ctx, case):
        return None
    result: bool | None = checks.ensure_resource_availability(ctx, response, case)
    return result


def register_delete_aware_resource_check() -> None:
    """Put `ensure_resource_availability` in the place (and settings) of schemathesis' own."""
    # schemathesis' own checks are loaded first: their `@schemathesis.check` would refuse the
    # name were ours already there; `CHECKS.register` then replaces theirs.
    import schemathesis.specs.openapi.checks  # noqa: F401
    from schemathesis.checks import CHECKS

    CHECKS.register(ensure_resource_availability)
