"""What the contract suite's failure messages show of a response body (contracts/reporting.py
`shown_body`): never a token, whatever the target answered."""

from __future__ import annotations

import json
import shlex

import httpx
import pytest

from contracts.reporting import redact_report_text, reproduction, shown_body

TOKEN = "rcaWzj-al3EhRt3S"
SHARE_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzIjoiMSJ9.c2lnbmF0dXJl"


@pytest.mark.parametrize(
    "body",
    [
        {"share_token": SHARE_TOKEN},
        {"session_id": "s-1", "session_token": TOKEN, "url": f"https://x.example/session/{TOKEN}"},
        {"results": [{"session_url": f"https://x.example/session/{TOKEN}"}]},
        [{"client_secret": TOKEN}],
    ],
    ids=["share-token", "created-session", "list-row", "array"],
)
def test_shown_body_hides_the_tokens_of_a_json_body(body: object) -> None:
    shown = shown_body(json.dumps(body).encode())
    assert TOKEN not in shown
    assert SHARE_TOKEN not in shown


def test_shown_body_keeps_what_is_not_a_credential() -> None:
    shown = shown_body(b'{"detail": "ttl_in_seconds: must be at least 60", "status": 400}')
    assert "ttl_in_seconds: must be at least 60" in shown


def test_shown_body_of_a_body_that_is_not_json_is_its_length() -> None:
    assert shown_body(f"<html>{TOKEN}</html>".encode()) == "<29 characters, not JSON>"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f'{{"session_token": "{TOKEN}"}}', '{"session_token": "<redacted>"}'),
        (f'"share_token":"{SHARE_TOKEN}"', '"share_token":"<redacted>"'),
        (
            f'"session_url": "http://h:1/session/{TOKEN}"',
            '"session_url": "http://h:1/session/<redacted>"',
        ),
        ('"status": "Not Started", "detail": "x"', '"status": "Not Started", "detail": "x"'),
        (
            "curl -X GET -H 'x-api-key: [Filtered]' http://h:1/v3/session/abc/decision/",
            "curl -X GET -H 'x-api-key: [Filtered]' http://h:1/v3/session/abc/decision/",
        ),
    ],
    ids=["session-token", "share-token-compact", "session-url", "plain-members", "curl-line"],
)
def test_redact_report_text_hides_credentials_and_cuts_urls_only(text: str, shown: str) -> None:
    assert redact_report_text(text) == shown


def test_reproduction_filters_credentials_and_keeps_the_body_json() -> None:
    request = httpx.Request(
        "POST",
        "http://h:1/v3/session/import-shared/",
        headers={"x-api-key": "key-secret-1", "Content-Type": "application/json"},
        json={"share_token": SHARE_TOKEN, "trust_review": True},
    )
    command = reproduction(request)
    assert command.startswith("Reproduce with: curl -X POST ")
    assert "key-secret-1" not in command
    assert SHARE_TOKEN not in command
    words = shlex.split(command.removeprefix("Reproduce with: "))
    assert words[words.index("-H") + 1] == "x-api-key: [Filtered]"
    assert json.loads(words[words.index("-d") + 1]) == {
        "share_token": "<redacted>",
        "trust_review": True,
    }
    assert words[-1] == "http://h:1/v3/session/import-shared/"


def test_reproduction_without_a_request_says_so() -> None:
    assert reproduction(None) == "Reproduce with: (no request was sent)"
