"""Addresses a client cannot forge (issue 12, findings 4 and 10): the session `url`, list links
and a client token's issuer are built from the configured public URL or the address the server
listens on, never the `Host` header; `X-Forwarded-For` is believed only from a configured
proxy, so a client cannot multiply its rate limits by claiming other addresses."""

from __future__ import annotations

import httpx
import pytest

from didit_emulator.app import create_app
from didit_emulator.cli import _parser, settings_from
from didit_emulator.testing import RunningEmulator, in_process_emulator
from tests.emulator.conftest import FROZEN_CONFIG
from tests.emulator.test_server import HOST, serving

FORGED = {"Host": "attacker.example:6666"}


def test_create_session_url_ignores_a_forged_host_in_process(emulator: RunningEmulator) -> None:
    with emulator.client() as client:
        response = client.get_httpx_client().post(
            "/v3/session/", json={"workflow_id": emulator.workflow().id}, headers=FORGED
        )
    assert response.status_code == 201
    assert response.json()["url"].startswith("http://emulator.test/session/")


def test_list_sessions_links_ignore_a_forged_host(emulator: RunningEmulator) -> None:
    for _ in range(3):
        emulator.create_session()
    with emulator.client() as client:
        page = client.get_httpx_client().get(
            "/v3/sessions/", params={"page": 2, "page_size": 1}, headers=FORGED
        )
    assert page.status_code == 200
    links = [page.json()["next"], page.json()["previous"]]
    assert all(link.startswith("http://emulator.test/v3/sessions/?") for link in links)


def test_create_session_url_is_the_listening_address_over_the_network() -> None:
    app = create_app(FROZEN_CONFIG)
    key = FROZEN_CONFIG.application("Acme").api_key
    workflow = FROZEN_CONFIG.application("Acme").workflows[0].id
    with serving(app) as (port, _):
        response = httpx.post(
            f"http://{HOST}:{port}/v3/session/",
            json={"workflow_id": workflow},
            headers={"x-api-key": key, **FORGED},
        )
    assert response.status_code == 201
    assert response.json()["url"].startswith(f"http://{HOST}:{port}/session/")


def test_create_session_url_is_the_configured_public_url_whatever_the_host() -> None:
    config = FROZEN_CONFIG.replace(public_base_url="https://didit.test:8443/")
    with in_process_emulator(config) as emulator, emulator.client() as client:
        response = client.get_httpx_client().post(
            "/v3/session/", json={"workflow_id": emulator.workflow().id}, headers=FORGED
        )
    assert response.json()["url"].startswith("https://didit.test:8443/session/")


LIMIT = 3


def _anonymous_statuses(port: int, forwarded_for: list[str]) -> list[int]:
    # No API key: the requests are counted per client address.
    with httpx.Client(base_url=f"http://{HOST}:{port}") as client:
        return [
            client.get("/v3/sessions/", headers={"X-Forwarded-For": address}).status_code
            for address in forwarded_for
        ]


@pytest.mark.parametrize("trusted_proxies", [None, "10.9.9.9"])
def test_list_sessions_spoofed_forwarded_for_does_not_multiply_the_limit(
    trusted_proxies: str | None,
) -> None:
    app = create_app(FROZEN_CONFIG.with_rate_limits(operations={"list_sessions": LIMIT}))
    spoofed = [f"198.51.100.{n}" for n in range(LIMIT + 2)]
    with serving(app, trusted_proxies=trusted_proxies) as (port, _):
        statuses = _anonymous_statuses(port, spoofed)
    # Refused for want of a key (401 or 403, as the operation's spec says), until the one
    # window of the one real client address is full.
    assert all(status in (401, 403) for status in statuses[:LIMIT])
    assert statuses[LIMIT:] == [429, 429]


def test_list_sessions_forwarded_for_from_a_trusted_proxy_is_the_client_address() -> None:
    app = create_app(FROZEN_CONFIG.with_rate_limits(operations={"list_sessions": LIMIT}))
    addresses = [f"198.51.100.{n}" for n in range(LIMIT + 2)]
    with serving(app, trusted_proxies=HOST) as (port, _):
        statuses = _anonymous_statuses(port, addresses)
    assert 429 not in statuses  # each forwarded address has its own window
    assert all(status in (401, 403) for status in statuses)


def test_cli_trusts_no_proxy_unless_told() -> None:
    assert settings_from(_parser().parse_args([])).trusted_proxies is None
    flags = ["--trusted-proxies", "10.0.0.5,10.0.0.6"]
    assert settings_from(_parser().parse_args(flags)).trusted_proxies == "10.0.0.5,10.0.0.6"
