"""What the contract suite's failures show: never a token, always the request to send again.

A failure's text goes to the terminal, CI logs and the JUnit XML of a run that may have been
against a deployment, so response bodies and reports are shown by the generated client's own
redaction rules (`didit_client.types`: credential-named values hidden, URLs without their last
segment, which for a session URL is its token), and a request as a curl command with its
credentials filtered.
"""

from __future__ import annotations

import json
import re
import shlex

import httpx
from didit_client.types import (
    is_credential_name,
    is_url_name,
    redact_additional_properties,
    redact_url,
)

__all__ = ["redact_report_text", "reproduction", "shown_body"]

# The most of a body a failure message shows.
_SHOWN_CHARACTERS = 2000


def shown_body(body: bytes | str) -> str:
    """A response body as a failure message may show it (pytest's output, a CI log, the JUnit
    XML): JSON by the generated client's own rules for undocumented properties (credential-named
    values hidden, URLs without their last segment, which for a session URL is its token), any
    other body by its length only."""
    try:
        parsed = json.loads(body)
    except ValueError:
        return f"<{len(body)} characters, not JSON>"
    return redact_additional_properties(parsed)[:_SHOWN_CHARACTERS]


# A JSON member whose value is a string, as it appears in a failure report's text.
_JSON_STRING_MEMBER = re.compile(
    r'"(?P<key>[A-Za-z0-9_.-]{1,64})"(?P<colon>\s*:\s*)"(?P<value>(?:[^"\\]|\\.)*)"'
)


def redact_report_text(text: str) -> str:
    """A failure report's text with the JSON members that hold a credential hidden and those
    that hold a URL cut before their last segment, by the names the generated client reads as
    such: schemathesis quotes a failing response's payload as it came (a created session's token,
    its URL), and the report goes to the terminal, CI logs and the JUnit XML."""

    def member(match: re.Match[str]) -> str:
        key, colon, value = match["key"], match["colon"], match["value"]
        if is_credential_name(key):
            return f'"{key}"{colon}"<redacted>"'
        if is_url_name(key):
            return f'"{key}"{colon}"{redact_url(value)[1:-1]}"'
        return match.group(0)

    return _JSON_STRING_MEMBER.sub(member, text)


def reproduction(request: httpx.Request | None) -> str:
    """A curl command that sends `request` again, for a failure message: credential headers
    `[Filtered]` (as schemathesis prints them), tokens in a JSON body `<redacted>`
    (`redact_report_text`: the body stays JSON)."""
    if request is None:
        return "Reproduce with: (no request was sent)"
    parts = ["curl", "-X", request.method]
    for name, value in request.headers.items():
        if name.lower() in {"host", "content-length", "accept-encoding", "connection"}:
            continue
        shown = "[Filtered]" if is_credential_name(name) else value
        parts += ["-H", f"{name}: {shown}"]
    if request.content:
        parts += ["-d", redact_report_text(request.content.decode("utf-8", "replace"))]
    parts.append(str(request.url))
    return "Reproduce with: " + shlex.join(parts)
