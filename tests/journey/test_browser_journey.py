"""The whole verification journey, with a real browser (Debian's Chromium, driven by Playwright):
the customer registers a webhook destination and creates a session with a callback through the
API; the user opens the session url, picks a sandbox scenario and submits the form; the browser
lands on the customer's callback with `verificationSessionId` and `status`; the customer's
endpoint gets signed webhooks that `didit_toolkit` verifies, and the decision is the scenario's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlsplit
from uuid import UUID

import pytest
from didit_client.api.sessions import create_session, get_session_decision
from didit_client.api.webhooks import create_webhook_destination
from didit_client.models import (
    CreatedSession,
    CreateSessionRequest,
    CreateWebhookDestinationRequest,
    DecisionV3,
    SandboxScenario,
    WebhookDestination,
    WebhookEventType,
)
from playwright.sync_api import Browser, Page

from didit_emulator import results
from didit_emulator.testing import RunningEmulator
from didit_toolkit.webhooks import DeliveryOutcome, WebhookReceiver
from tests.journey.receiver import CallbackServer, WebhookEndpoint, callback_server


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


@pytest.fixture
def callback() -> Iterator[CallbackServer]:
    with callback_server() as server:
        yield server


def _verify_in_browser(page: Page, url: str, scenario: SandboxScenario, callback: str) -> None:
    """The user's part: open the session url, pick the scenario, submit, land on the callback."""
    page.goto(url)
    page.check(f"input[name=scenario][value={scenario.value}]")
    with page.expect_navigation(url=lambda landed: landed.startswith(callback)):
        page.click("button[type=submit]")


def test_browser_completes_the_session_and_lands_on_the_callback(
    served_emulator: RunningEmulator, page: Page, callback: CallbackServer
) -> None:
    with served_emulator.client() as acme:
        created = create_session.sync(
            client=acme,
            body=CreateSessionRequest(
                workflow_id=UUID(served_emulator.workflow().id), callback=callback.url
            ),
        )
    assert isinstance(created, CreatedSession)
    page.goto(created.url)
    assert page.inner_text("h1") == "Acme"
    assert page.locator("#steps li").count() == len(served_emulator.workflow().features)
    page.check("input[name=scenario][value=decline_liveness_attack]")
    with page.expect_navigation(url=lambda landed: landed.startswith(callback.url)):
        page.click("button[type=submit]")
    assert page.inner_text("h1") == "Back at the app"
    [(landed_path, query)] = callback.visits
    assert landed_path == urlsplit(callback.url).path
    assert query == {"verificationSessionId": [str(created.session_id)], "status": ["Declined"]}


@pytest.mark.parametrize(
    "scenario",
    [
        SandboxScenario.APPROVE,
        SandboxScenario.DECLINE_FACE_MATCH_LOW_SIMILARITY,
        SandboxScenario.REVIEW_AML_POSSIBLE_MATCH,
    ],
    ids=lambda s: s.value,
)
def test_verification_journey_end_to_end(
    served_emulator: RunningEmulator,
    page: Page,
    callback: CallbackServer,
    scenario: SandboxScenario,
) -> None:
    expected = results.scenario_outcome(scenario)
    with WebhookEndpoint() as endpoint, served_emulator.client() as acme:
        # 1. The customer registers its endpoint and creates a session with a callback.
        destination = create_webhook_destination.sync(
            client=acme,
            body=CreateWebhookDestinationRequest(
                label="My app",
                url=endpoint.url,
                subscribed_events=[WebhookEventType.STATUS_UPDATED],
            ),
        )
        assert isinstance(destination, WebhookDestination)
        session = create_session.sync(
            client=acme,
            body=CreateSessionRequest(
                workflow_id=UUID(served_emulator.workflow().id), callback=callback.url
            ),
        )
        assert isinstance(session, CreatedSession)

        # 2. The user goes through the hosted page in a browser and comes back to the app.
        _verify_in_browser(page, session.url, scenario, callback.url)
        [(_, query)] = callback.visits
        assert query == {
            "verificationSessionId": [str(session.session_id)],
            "status": [expected.value],
        }

        # 3. The app's endpoint got the signed events; didit_toolkit verifies them.
        with served_emulator.http() as http:
            http.post("/_emulator/webhooks/flush").raise_for_status()
        receiver = WebhookReceiver(destination.secret_shared_key, clock=served_emulator.backend.now)
        deliveries = [receiver.receive(r.body, r.headers) for r in endpoint.requests]
        assert [d.outcome for d in deliveries] == [DeliveryOutcome.NEW] * 2
        events = [d.event for d in deliveries if d.event is not None]
        assert [e.status for e in events] == ["In Progress", expected.value]
        assert {str(e.session_id) for e in events} == {str(session.session_id)}

        # 4. The decision, in the webhook and from the API, is the scenario's.
        final = json.loads(endpoint.requests[-1].body)["decision"]
        decision = get_session_decision.sync(session.session_id, client=acme)
    assert isinstance(decision, DecisionV3)
    assert final["status"] == decision.status == expected.value
    risks = {
        warning["risk"]
        for value in final.values()
        if isinstance(value, list)
        for item in value
        if isinstance(item, dict)
        for warning in item.get("warnings") or []
    }
    plan = results.plan_scenario(scenario, (), business=False)
    assert risks == ({plan.risk} if plan.risk else set())
