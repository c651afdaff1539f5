"""The configuration: the default applications, validation against the spec, TOML files, and the
`didit-emulator` console script (start, serve, graceful shutdown)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import pytest
from didit_client.api.sessions import create_session
from didit_client.models import CreateSessionRequest

from didit_emulator import ConfigError, EmulatorConfig, default_config, load_config
from didit_emulator.testing import running_emulator
from didit_spec import component_schema, didit_document

CUSTOM = """
[emulator]
share_token_secret = "a-custom-share-token-secret-of-40-chars!!"

[rate_limits.buckets]
read = 7

[[applications]]
name = "Solo"
id = "0ab59578-481b-426d-b40f-da92d3abf338"
api_key = "test_solo_key"
client_id = "solo-client"
client_secret = "solo-secret"

[[applications.workflows]]
id = "3b20cd03-cdab-43e4-871e-01401665d638"
name = "Age check"
kind = "user"
features = ["LIVENESS", "AGE_ESTIMATION"]
"""


def test_default_config_has_two_applications_with_workflows_of_both_kinds() -> None:
    config = default_config()
    assert [a.name for a in config.applications] == ["Acme", "Partner"]
    features = set(component_schema("Feature")["enum"])
    for app in config.applications:
        assert {w.kind for w in app.workflows} == {"user", "business"}
        assert all(set(w.features) <= features for w in app.workflows)
        UUID(app.id)
    assert len({a.api_key for a in config.applications}) == 2
    assert config.rate_limits.default == 300
    # The limits are the spec's x-rate-limits buckets; nothing overrides them by default.
    assert dict(config.rate_limits.operations) == {}
    assert dict(config.rate_limits.buckets) == {}


def test_config_repr_never_shows_secrets() -> None:
    config = default_config()
    text = repr(config)
    assert config.share_token_secret not in text
    for app in config.applications:
        assert app.api_key not in text
        assert app.client_secret not in text


def _with(mutate: Any) -> dict[str, Any]:
    import tomllib

    data = tomllib.loads(CUSTOM)
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "problem"),
    [
        (lambda d: d["applications"][0]["workflows"][0].update(features=["SELFIE"]), "features"),
        (lambda d: d["applications"][0]["workflows"][0].update(kind="robot"), "kind"),
        (lambda d: d["applications"][0]["workflows"][0].update(id="kyc"), "id"),
        (lambda d: d["applications"][0].update(id="solo"), "id"),
        (lambda d: d["applications"].append(dict(d["applications"][0], name="Twin")), "duplicate"),
        (lambda d: d["emulator"].update(share_token_secret="short"), "share_token_secret"),
        (lambda d: d["rate_limits"].update(operations={"create_sessions": 5}), "operationId"),
        (lambda d: d["rate_limits"].update(default=0), "at least 1"),
        (lambda d: d["applications"][0].pop("api_key"), "api_key"),
        (lambda d: d["emulator"].update(clock_start="yesterday"), "clock_start"),
        (lambda d: d["emulator"].update(clock_start="9950-01-01T00:00:00Z"), "clock_start"),
        (lambda d: d["emulator"].update(clock_start=-1), "clock_start"),
        (lambda d: d["emulator"].update(session_expiry_seconds=10**12), "session_expiry"),
        (lambda d: d["emulator"].update(client_token_ttl_seconds=10**12), "client_token_ttl"),
    ],
)
def test_invalid_config_is_rejected_naming_the_value(mutate: Any, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        EmulatorConfig.from_mapping(_with(mutate))


def test_config_file_replaces_applications_and_overrides_limits(tmp_path: Path) -> None:
    path = tmp_path / "emulator.toml"
    path.write_text(CUSTOM, encoding="utf-8")
    config = load_config(path)
    assert [a.name for a in config.applications] == ["Solo"]
    assert config.rate_limits.buckets == {"read": 7}
    assert config.rate_limits.operations == {}  # the per-operation knob is not set by default
    with running_emulator(config) as emulator, emulator.client("Solo") as client:
        body = CreateSessionRequest(workflow_id=UUID(emulator.workflow("Solo").id))
        response = create_session.sync_detailed(client=client, body=body)
        listing = client.get_httpx_client().get("/v3/sessions/")
        gone = httpx.get(
            f"{emulator.base_url}/v3/sessions/",
            headers={"x-api-key": default_config().applications[0].api_key},
        )
        assert emulator.response_violations == []
    assert response.status_code == 201
    assert listing.headers["X-RateLimit-Limit"] == "7"
    assert gone.status_code == 403  # the live service answers a bad key with 403


def test_config_clock_start_and_frozen_clock(tmp_path: Path) -> None:
    path = tmp_path / "clock.toml"
    path.write_text(
        CUSTOM.replace(
            "[rate_limits.buckets]",
            'clock_start = "2025-07-27T15:37:46Z"\nclock_frozen = true\n\n[rate_limits.buckets]',
        ),
        encoding="utf-8",
    )
    with running_emulator(load_config(path)) as emulator:
        first = httpx.get(f"{emulator.base_url}/_emulator/clock").json()
        second = httpx.get(f"{emulator.base_url}/_emulator/clock").json()
        assert first["iso"] == second["iso"] == "2025-07-27T15:37:46Z"
        assert emulator.advance_clock(60)["iso"] == "2025-07-27T15:38:46Z"


def test_load_config_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "nope.toml")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("didit-emulator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "didit_emulator.cli"]


def test_cli_serves_the_emulator_and_shuts_down_gracefully(tmp_path: Path) -> None:
    path = tmp_path / "emulator.toml"
    path.write_text(CUSTOM, encoding="utf-8")
    port = _free_port()
    process = subprocess.Popen(
        [*_console_script(), "--host", "127.0.0.1", "--port", str(port), "--config", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/_emulator/clock", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "the emulator did not start"
                time.sleep(0.05)
        assert ready.status_code == 200
        listing = httpx.get(
            f"http://127.0.0.1:{port}/v3/sessions/", headers={"x-api-key": "test_solo_key"}
        )
        assert listing.status_code == 200
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    lines = [json.loads(line) for line in stderr.decode().splitlines() if line.strip()]
    requests = [line for line in lines if line.get("logger") == "didit_emulator.access"]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("GET", "/_emulator/clock", 200),
        ("GET", "/v3/sessions/", 200),
    ]
    assert any(line.get("application") == "Solo" for line in lines)
    assert any(line.get("message") == "stopped" for line in lines)
    assert "test_solo_key" not in stderr.decode()
    assert "solo-secret" not in stderr.decode()


def test_cli_with_an_invalid_config_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(CUSTOM.replace('"AGE_ESTIMATION"', '"SELFIE"'), encoding="utf-8")
    result = subprocess.run(
        [*_console_script(), "--port", str(_free_port()), "--config", str(path)],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert "SELFIE" in result.stderr.decode()


def test_rate_limit_window_is_the_specs_unless_configured() -> None:
    spec_window = didit_document().contents["x-rate-limits"]["window_seconds"]
    assert default_config().rate_limits.window_seconds == spec_window
    data = _with(lambda d: d["rate_limits"].pop("window_seconds", None))
    assert EmulatorConfig.from_mapping(data).rate_limits.window_seconds == spec_window
    data = _with(lambda d: d["rate_limits"].update(window_seconds=7))
    assert EmulatorConfig.from_mapping(data).rate_limits.window_seconds == 7
