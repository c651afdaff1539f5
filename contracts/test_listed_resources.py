"""Layer 5: what the target already holds, read through the row links of its lists.

The conformance layer's reads of one session or one destination name ids it draws, which a
deployment answers with 404: against a deployment that may only be read, no real decision, PDF
report or destination is ever checked. This layer lists what the target holds (each list's first
page) and reads its first `PROFILE.listed_rows` rows through each of the list's row links
(`x-row-links` in openapi.yaml, contracts/listed.py), with all of schemathesis' checks.

Against an emulator it may write to (the suite's own), it first gives the lists something to hold
(finished sessions and a webhook destination), over real HTTP like the calls here. Against a
deployment it reads what is there; a list with no row skips its link, saying so.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from contracts.counting import listed_layer
from contracts.listed import ListLink, list_links
from contracts.profiles import PROFILE
from contracts.reporting import shown_body
from contracts.schema import EXCLUDED_CHECKS, SCHEMA, auth_headers_for
from contracts.sessions import finished_session
from contracts.target import Control, Target, current_target
from didit_spec import didit_document

_LINKS = list(list_links(didit_document()))


def _seeding_control(target: Target) -> Control | None:
    """The control surface through which the layer gives the target something to list: that of
    an emulator it may write to; None for any other target."""
    return target.control if target.allow_writes else None


@pytest.fixture(scope="module")
def holdings() -> Target:
    """The target, holding something to list: on the emulator, a session of each outcome the
    control surface completes with and a webhook destination (made once per worker)."""
    target = current_target()
    control = _seeding_control(target)
    if control is not None:
        for outcome in ("approved", "declined"):
            finished_session(target, control, outcome)
        create = didit_document().operation("create_webhook_destination")
        response = target.http.post(
            f"{target.base_url}{create.path}",
            headers=target.headers_for(create),
            json={"label": "listed", "url": f"http://127.0.0.1:9/listed/{uuid.uuid4()}"},
        )
        assert response.status_code == 201, shown_body(response.content)
    return target


def test_spec_links_lists_to_their_rows() -> None:
    assert _LINKS, "openapi.yaml has no link from a list to its rows"


@pytest.mark.parametrize("link", _LINKS, ids=lambda link: link.name)
def test_listed_resources_conform_to_spec(holdings: Target, link: ListLink) -> None:
    target = holdings
    listed = target.http.get(
        f"{target.base_url}{link.source.path}", headers=target.headers_for(link.source)
    )
    assert listed.status_code == 200, f"{link.source.label}: {shown_body(listed.content)}"
    arguments = link.arguments(listed.json(), PROFILE.listed_rows)
    if not arguments:
        assert _seeding_control(target) is None, (
            f"{link.source.label} lists nothing the emulator was given"
        )
        pytest.skip(f"{link.source.label} lists nothing on this deployment to follow {link.name}")
    operation = SCHEMA.find_operation_by_label(link.target.label)
    assert operation is not None, f"{link.target.label} is not among the operations tested"
    with listed_layer():  # its 2xx answers apart from the other layers' (contracts/counting.py)
        for parameters in arguments:
            case: Any = operation.Case(
                path_parameters=parameters, headers=auth_headers_for(link.target.operation_id)
            )
            case.call_and_validate(
                base_url=target.base_url,
                excluded_checks=EXCLUDED_CHECKS,
                **target.connections.schemathesis_kwargs(in_process=False),
            )
