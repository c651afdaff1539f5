"""The hosted verification page at a session's `url`, over plain HTTP (no browser): a form that
works without JavaScript, the redirect to `callback` as `callback_method` says, and a clear page
for finished, expired and unknown sessions."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from didit_client.models import SessionStatus

from didit_emulator.journey import DEVICE_COOKIE
from didit_emulator.logs import ACCESS_LOGGER
from didit_emulator.models.sandbox import callback_url
from didit_emulator.testing import RunningEmulator
from tests.journey.receiver import WebhookEndpoint

CALLBACK = "https://app.example.com/verification/done?from=didit"


def _api(emulator: RunningEmulator) -> httpx.Client:
    return emulator.http(headers={"x-api-key": emulator.application("Acme").api_key})


def _create(emulator: RunningEmulator, kind: str = "user", **fields: Any) -> dict[str, Any]:
    body = {"workflow_id": emulator.workflow(kind=kind).id, **fields}
    with _api(emulator) as api:
        response = api.post("/v3/session/", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _path(session: dict[str, Any]) -> str:
    return httpx.URL(session["url"]).path


def _device(emulator: RunningEmulator) -> httpx.Client:
    """One browser: keeps its cookies, follows no redirects."""
    return emulator.http(follow_redirects=False)


def test_session_page_shows_the_application_workflow_steps_and_scenarios(
    emulator: RunningEmulator,
) -> None:
    session = _create(emulator)
    with _device(emulator) as browser:
        page = browser.get(_path(session))
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    text = page.text
    assert "<h1>Acme</h1>" in text
    assert '<strong id="workflow">KYC</strong>' in text
    assert text.count("<li>") == len(emulator.workflow().features)
    assert '<form method="post">' in text
    assert "<script" not in text
    assert text.count('type="radio" name="scenario"') == 16
    assert 'value="approve" checked' in text
    assert 'decline_face_match_low_similarity</code> → <span class="outcome">Declined' in text
    assert "LOW_FACE_MATCH_SIMILARITY" in text


def test_session_page_never_shows_the_session_token(emulator: RunningEmulator) -> None:
    session = _create(emulator, callback=CALLBACK)
    with _device(emulator) as browser:
        page = browser.get(_path(session))
        done = browser.post(_path(session), data={"scenario": "approve"})
    token = session["session_token"]
    assert token not in page.text
    assert token not in done.headers["location"]
    for response in (page, done):
        assert response.headers["referrer-policy"] == "no-referrer"
        assert token not in response.headers.get("set-cookie", "")


def test_session_page_preselects_the_armed_scenario(emulator: RunningEmulator) -> None:
    session = _create(emulator, sandbox_scenario="review_face_match_borderline")
    with _device(emulator) as browser:
        text = browser.get(_path(session)).text
    assert 'value="review_face_match_borderline" checked' in text
    assert 'value="approve" checked' not in text


def test_session_page_submit_redirects_to_the_callback_with_id_and_status(
    emulator: RunningEmulator,
) -> None:
    session = _create(emulator, callback=CALLBACK)
    with _device(emulator) as browser:
        browser.get(_path(session))
        response = browser.post(_path(session), data={"scenario": "decline_aml_hit"})
    assert response.status_code == 303
    location = urlsplit(response.headers["location"])
    assert (location.scheme, location.netloc, location.path) == (
        "https",
        "app.example.com",
        "/verification/done",
    )
    assert parse_qs(location.query) == {
        "from": ["didit"],
        "verificationSessionId": [session["session_id"]],
        "status": ["Declined"],
    }


def test_session_page_submit_goes_through_in_progress_firing_webhooks(
    emulator: RunningEmulator,
) -> None:
    with WebhookEndpoint() as endpoint:
        with _api(emulator) as api:
            api.post(
                "/v3/webhook/destinations/",
                json={"label": "app", "url": endpoint.url, "subscribed_events": ["status.updated"]},
            ).raise_for_status()
        session = _create(emulator)
        with _device(emulator) as browser:
            browser.post(_path(session), data={"scenario": "review_aml_possible_match"})
        with emulator.http() as http:
            http.post("/_emulator/webhooks/flush").raise_for_status()
    statuses = [json.loads(r.body)["status"] for r in endpoint.requests]
    assert statuses == ["In Progress", "In Review"]


@pytest.mark.parametrize(
    ("method", "same_device", "completer_redirected", "initiator_redirected_later"),
    [
        ("initiator", True, True, True),
        ("initiator", False, False, True),
        ("completer", True, True, False),
        ("completer", False, True, False),
        ("both", True, True, True),
        ("both", False, True, True),
        (None, False, False, True),  # the spec's default is `initiator`
    ],
)
def test_session_page_redirects_the_devices_callback_method_names(
    emulator: RunningEmulator,
    method: str | None,
    same_device: bool,
    completer_redirected: bool,
    initiator_redirected_later: bool,
) -> None:
    fields = {"callback": CALLBACK} | ({"callback_method": method} if method else {})
    session = _create(emulator, **fields)
    with _device(emulator) as initiator, _device(emulator) as other:
        initiator.get(_path(session))
        completer = initiator if same_device else other
        finished = completer.post(_path(session), data={"scenario": "approve"})
        back = initiator.get(_path(session))
    assert (finished.status_code == 303) is completer_redirected
    if not completer_redirected:
        assert finished.status_code == 200
        assert "Go back to the device you started on" in finished.text
    assert (back.status_code == 303) is initiator_redirected_later
    if initiator_redirected_later:
        assert parse_qs(urlsplit(back.headers["location"]).query)["status"] == ["Approved"]


def test_session_page_device_cookie_is_a_random_id(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    with _device(emulator) as browser:
        browser.get(_path(session))
        device = browser.cookies[DEVICE_COOKIE]
    assert len(device) >= 20
    assert device != session["session_token"]


def test_session_page_of_a_finished_session_says_so(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    with _device(emulator) as browser:
        browser.post(_path(session), data={"scenario": "approve"})
        again = browser.post(_path(session), data={"scenario": "decline_aml_hit"})
        page = browser.get(_path(session))
    assert again.status_code == 409
    assert "already finished" in again.text
    assert page.status_code == 200
    assert '<strong id="status">Approved</strong>' in page.text
    with _api(emulator) as api:
        decision = api.get(f"/v3/session/{session['session_id']}/decision/").json()
    assert decision["status"] == "Approved"


def test_session_page_without_a_callback_shows_the_outcome(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    with _device(emulator) as browser:
        finished = browser.post(_path(session), data={"scenario": "decline_liveness_attack"})
    assert finished.status_code == 200
    assert '<strong id="status">Declined</strong>' in finished.text


def test_session_page_of_an_expired_session_is_410(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    emulator.advance_clock(emulator.config.session_expiry_seconds)
    with _device(emulator) as browser:
        page = browser.get(_path(session))
        submitted = browser.post(_path(session), data={"scenario": "approve"})
    assert page.status_code == submitted.status_code == 410
    assert "expired" in page.text
    assert "<form" not in page.text


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_session_page_of_an_unknown_token_is_404(emulator: RunningEmulator, method: str) -> None:
    with _device(emulator) as browser:
        page = browser.request(method, "/session/not-a-session-token", data={})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "not valid" in page.text


def test_session_page_with_an_unknown_scenario_shows_the_form_again(
    emulator: RunningEmulator,
) -> None:
    session = _create(emulator)
    with _device(emulator) as browser:
        page = browser.post(_path(session), data={"scenario": "win"})
    assert page.status_code == 400
    assert 'role="alert"' in page.text
    assert "<form" in page.text
    with _api(emulator) as api:
        decision = api.get(f"/v3/session/{session['session_id']}/decision/").json()
    assert decision["status"] == "Not Started"


def test_session_page_with_more_fields_than_the_form_has_is_400_not_500(
    emulator: RunningEmulator,
) -> None:
    session = _create(emulator)
    fields = {f"extra{n}": "x" for n in range(40)} | {"scenario": "approve"}
    with _device(emulator) as browser:
        page = browser.post(_path(session), data=fields)
    assert page.status_code == 400


def test_session_page_reopens_a_resubmitted_session(emulator: RunningEmulator) -> None:
    session = _create(emulator)
    with _device(emulator) as browser:
        browser.post(_path(session), data={"scenario": "decline_document_expired"})
        with _api(emulator) as api:
            api.patch(
                f"/v3/session/{session['session_id']}/update-status/",
                json={"new_status": "Resubmitted"},
            ).raise_for_status()
        reopened = browser.get(_path(session))
        browser.post(_path(session), data={"scenario": "approve"})
    assert reopened.status_code == 200
    assert "<form" in reopened.text
    with _api(emulator) as api:
        decision = api.get(f"/v3/session/{session['session_id']}/decision/").json()
    assert decision["status"] == "Approved"


def test_session_page_business_session_lists_the_kyb_steps(emulator: RunningEmulator) -> None:
    session = _create(emulator, kind="business")
    with _device(emulator) as browser:
        text = browser.get(_path(session)).text
    assert "<li>Business registry</li>" in text
    assert text.count("<li>") == 3 + len(emulator.workflow(kind="business").features)


def test_session_page_logs_the_path_template_only(
    emulator: RunningEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    session = _create(emulator, callback=CALLBACK)
    with caplog.at_level(logging.INFO, logger=ACCESS_LOGGER), _device(emulator) as browser:
        browser.get(_path(session))
        browser.post(_path(session), data={"scenario": "approve"})
    lines = [r for r in caplog.records if r.name == ACCESS_LOGGER]
    assert [(r.method, r.path, r.status) for r in lines][-2:] == [  # type: ignore[attr-defined]
        ("GET", "/session/{session_token}", 200),
        ("POST", "/session/{session_token}", 303),
    ]
    assert session["session_token"] not in caplog.text


def test_session_page_submit_records_each_status_in_the_timeline(
    emulator: RunningEmulator,
) -> None:
    session = _create(emulator)
    with _device(emulator) as browser:
        browser.post(_path(session), data={"scenario": "decline_aml_hit"})
    with _api(emulator) as api:
        decision = api.get(
            f"/v3/session/{session['session_id']}/decision/", params={"include": "events"}
        ).json()
    assert [e["status"] for e in decision["events"]] == ["In Progress", decision["status"]]
    assert decision["status"] == "Declined"


def test_session_page_submit_from_a_client_that_goes_away_is_400_and_changes_nothing(
    emulator: RunningEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    session = _create(emulator)
    sent: list[dict[str, Any]] = []
    messages = [{"type": "http.request", "body": b"scen", "more_body": True}]

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    path = _path(session)
    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", b"100"),
        ],
        "scheme": "http",
        "server": ("127.0.0.1", 8790),
        "client": ("127.0.0.1", 5000),
        "root_path": "",
        "http_version": "1.1",
    }
    with caplog.at_level(logging.ERROR, logger="didit_emulator"):
        asyncio.run(emulator.app(scope, receive, send))
    [start] = [m for m in sent if m["type"] == "http.response.start"]
    assert start["status"] == 400
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    with _api(emulator) as api:
        decision = api.get(f"/v3/session/{session['session_id']}/decision/").json()
    assert decision["status"] == "Not Started"


@pytest.mark.parametrize(
    ("callback", "expected"),
    [
        ("https://app.example/cb", "https://app.example/cb?{added}"),
        (
            "https://app.example/cb?sig=a~b&flag&q=x%20y",
            "https://app.example/cb?sig=a~b&flag&q=x%20y&{added}",
        ),
        ("https://app.example/cb?q=1#done", "https://app.example/cb?q=1&{added}#done"),
    ],
)
def test_callback_url_keeps_the_callbacks_own_query_as_written(
    callback: str, expected: str
) -> None:
    added = "verificationSessionId=s-1&status=In+Review"
    assert callback_url(callback, "s-1", SessionStatus.IN_REVIEW) == expected.format(added=added)
