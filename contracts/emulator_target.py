"""Starts the local emulator for the suite and describes it as a `Target`.

The emulator runs in this process, served by uvicorn on a free port (the workflow and boundary
layers and the control surface talk to it over real HTTP) and handed to the conformance and
stateful layers as an ASGI app, which schemathesis calls in-process: no HTTP encoding, parsing or
socket per generated case.

Rate limits are off for the suite's emulator: thousands of generated requests a minute are the
point here, and the limits have tests of their own (tests/emulator/test_emulator_ratelimit.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

from didit_client.models import SessionKind

from contracts.connections import Connections
from contracts.target import Control, Partner, Target
from didit_emulator.config import DeliveryScope, default_config
from didit_emulator.testing import running_emulator

__all__ = ["emulator_target"]


@contextmanager
def emulator_target() -> Iterator[Target]:
    config = default_config().with_rate_limits(enabled=False)
    # The fuzzer registers webhook destinations at made-up URLs: nothing is ever sent to them.
    config = config.replace(
        webhooks=dataclasses.replace(config.webhooks, deliver_to=DeliveryScope.NONE)
    )
    # Responses are checked by schemathesis (response_schema_conformance) and the client-decoding
    # check; the emulator's own audit of them would only repeat that work.
    with running_emulator(config, validate_responses=False) as emulator:
        acme, partner = emulator.application("Acme"), emulator.application("Partner")
        connections = Connections(emulator.base_url, app=emulator.app)
        target = Target(
            base_url=emulator.base_url,
            api_key=acme.api_key,
            allow_writes=True,
            connections=connections,
            application_id=acme.id,
            workflow_id=emulator.workflow("Acme", SessionKind.USER).id,
            business_workflow_id=emulator.workflow("Acme", SessionKind.BUSINESS).id,
            client_credentials=(acme.client_id, acme.client_secret),
            partner=Partner(
                application_id=partner.id,
                api_key=partner.api_key,
                workflow_id=emulator.workflow("Partner", SessionKind.USER).id,
            ),
            control=Control(emulator.base_url, connections.http),
        )
        try:
            yield dataclasses.replace(target, v2_token=target.issue_v2_token())
        finally:
            connections.close()
