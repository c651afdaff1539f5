"""Layer 1: every operation of openapi.yaml against the target, with all of schemathesis' checks.

The examples, coverage and fuzzing phases run for every operation, in positive and negative
modes; every response also passes through the generated client (`client_decodes_response`).
Expected statuses are tuned in schemathesis.toml, each with the document that justifies it. A
failure prints the request as a curl command.

Against the suite's own emulator the cases go to its ASGI app in-process (the workflow and
boundary layers keep it on real HTTP); against a deployment, over the target's pooled, paced
session.
"""

from __future__ import annotations

from typing import Any

from contracts.schema import EXCLUDED_CHECKS, SCHEMA
from contracts.target import Target


@SCHEMA.parametrize()
def test_operation_conforms_to_spec(case: Any, target: Target) -> None:
    case.call_and_validate(
        base_url=target.base_url,
        excluded_checks=EXCLUDED_CHECKS,
        **target.connections.schemathesis_kwargs(in_process=True),
    )
