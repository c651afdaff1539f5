"""The product as a user gets it: the built distributions installed into a fresh virtual
environment outside the repository, the repository nowhere on the path.

Why it exists: everything else runs from the clone, where `src/`, `generated_client/`,
openapi.yaml and schemathesis.toml are at hand; only this test notices a missing file in the
wheel, a dependency in the wrong extra, or a command that works only from the repository. One
sdist and wheel are built for the module (the wheel from the sdist, as an index would), then
installed step by step, as the three audiences install them: plain, `[emulator]`, `[contract]`.
Each step's tests come before the next step's in the file, the order any one worker runs them in
(an xdist worker given part of the module builds an environment of its own for it). Dependencies
resolve under requirements.txt as constraints, so the versions are the ones the rest of the suite
runs with.

The virtual environment gets no pip or setuptools of its own (this process' pip installs into it
with `--python`): ten seconds less, and nothing there that the product did not bring.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import httpx
import pytest
from didit_client import AuthenticatedClient
from didit_client.api.auth import get_client_token
from didit_client.api.sessions import create_session
from didit_client.models import ClientToken, ClientTokenRequest, CreateSessionRequest, GrantType

from didit_emulator.config import DeliveryScope, EmulatorConfig, default_config
from didit_emulator.spec_values import SessionKind

REPOSITORY = Path(__file__).resolve().parents[1]
CONSTRAINTS = REPOSITORY / "requirements.txt"
# The applications of the emulator's default configuration, which the installed emulator serves.
DEFAULTS: EmulatorConfig = default_config()
ACME, PARTNER = DEFAULTS.application("Acme"), DEFAULTS.application("Partner")
TEST_STACK = ("schemathesis", "hypothesis", "pytest", "pytest-xdist", "pypdf")
SERVER_AND_TEST_STACK = ("starlette", "uvicorn", "fpdf2", *TEST_STACK)
# The installed emulator the installed suite checks: the default configuration without rate
# limits (the suite's thousands of requests a minute are the point; the limits have their own
# tests), and no webhook delivery to the destinations the fuzzer makes up.
EMULATOR_CONFIG = f"""
[rate_limits]
enabled = false

[webhooks]
deliver_to = "{DeliveryScope.NONE}"
"""


@dataclass(frozen=True)
class Environment:
    """A fresh virtual environment and a working directory outside the repository."""

    root: Path
    workdir: Path
    wheel: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def command(self, name: str) -> Path:
        return self.root / "bin" / name

    @property
    def env(self) -> dict[str, str]:
        """The environment of a user's shell: no PYTHONPATH, no other virtual environment, no
        Didit settings of the test run's own."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
            and not key.startswith("DIDIT_")
        }
        env["PATH"] = f"{self.root / 'bin'}:{env.get('PATH', '')}"
        return env

    def run(
        self, *args: str | Path, env: dict[str, str] | None = None, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(arg) for arg in args],
            cwd=self.workdir,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def pip(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        """This process' pip, acting on the environment."""
        return self.run(sys.executable, "-m", "pip", "--python", self.python, *args)

    def install(self, requirement: str) -> None:
        result = self.pip("install", "--quiet", "-c", CONSTRAINTS, requirement)
        assert result.returncode == 0, result.stdout + result.stderr

    def installed(self) -> set[str]:
        result = self.pip("list", "--format=json")
        assert result.returncode == 0, result.stderr
        return {str(entry["name"]).lower() for entry in json.loads(result.stdout)}


# What building never reads: caches, environments, outputs. The rest is copied, as a clone has it.
NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "build", "dist", "reports", "__pycache__", "*.egg-info",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis", ".schemathesis",
)  # fmt: skip


@pytest.fixture(scope="module")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it (`python -m build`, no isolation: offline), from a
    copy of the repository: setuptools writes its egg-info next to the sources, and two builds at
    once (two xdist workers, a `make dist`) must not share one."""
    sources = tmp_path_factory.mktemp("sources") / "didit-toolkit"
    shutil.copytree(REPOSITORY, sources, ignore=NOT_SOURCES)
    outdir = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(sources)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return outdir


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory, distributions: Path) -> Environment:
    """A fresh venv with the plain install (`pip install didit-toolkit`) of the built wheel."""
    root = tmp_path_factory.mktemp("venv")
    venv.create(root, with_pip=False, clear=True)
    (wheel,) = distributions.glob("*.whl")
    environment = Environment(root, tmp_path_factory.mktemp("app"), wheel)
    environment.install(str(wheel))
    return environment


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def installed_emulator(environment: Environment) -> Iterator[str]:
    """The installed `didit-emulator` (plain install plus `[emulator]`) started from a directory
    outside the repository with EMULATOR_CONFIG; its base URL."""
    environment.install(f"{environment.wheel}[emulator]")
    config = environment.workdir / "emulator.toml"
    config.write_text(EMULATOR_CONFIG, encoding="utf-8")
    port = _free_port()
    # Its log goes to a file: a pipe nobody reads while the suite runs could fill and stall it.
    log = environment.workdir / "emulator.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                str(environment.command("didit-emulator")),
                *("--port", str(port), "--config", config.name, "--no-access-log"),
            ],
            cwd=environment.workdir,
            env=environment.env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base_url}/_emulator/clock", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, log.read_text(errors="replace")
                assert time.monotonic() < deadline, "the installed emulator did not start"
                time.sleep(0.05)
        yield base_url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def contract_environment(environment: Environment, installed_emulator: str) -> Environment:
    """The environment with `[contract]` added (after the `[emulator]` tests)."""
    environment.install(f"{environment.wheel}[contract]")
    return environment


def _user_workflow(application: str) -> str:
    config = DEFAULTS.application(application)
    return next(w.id for w in config.workflows if w.kind == SessionKind.USER)


def _client_token(base_url: str) -> str:
    """A client access token for Acme from the installed emulator's `POST /auth/v2/token/`."""
    basic = base64.b64encode(f"{ACME.client_id}:{ACME.client_secret}".encode()).decode()
    with AuthenticatedClient(base_url=base_url, token=basic, prefix="Basic") as client:
        token = get_client_token.sync(
            client=client, body=ClientTokenRequest(grant_type=GrantType.CLIENT_CREDENTIALS)
        )
    assert isinstance(token, ClientToken), token
    return token.access_token


def _deployment_settings(base_url: str) -> dict[str, str]:
    """What a team sets to check a deployment with every layer of the suite (contracts/target.py),
    for the installed emulator."""
    return {
        "DIDIT_API_KEY": ACME.api_key,
        "DIDIT_ALLOW_WRITES": "1",
        "DIDIT_WORKFLOW_ID": _user_workflow("Acme"),
        "DIDIT_V2_TOKEN": _client_token(base_url),
        "DIDIT_PARTNER_APPLICATION_ID": PARTNER.id,
        "DIDIT_PARTNER_API_KEY": PARTNER.api_key,
        "DIDIT_PARTNER_WORKFLOW_ID": _user_workflow("Partner"),
        # The emulator here has no rate limits and is started for this run alone.
        "DIDIT_PACING": "off",
        "DIDIT_CREATE_BUDGET": "1000000",
    }


def _outcomes(stdout: str) -> dict[str, int]:
    """pytest's closing line as counts: {"passed": 88, "skipped": 1, ...}."""
    summary = stdout.strip().splitlines()[-1]
    return {word: int(count) for count, word in re.findall(r"(\d+) ([a-z]+)", summary)}


def _cases_run(stdout: str) -> int:
    """The suite's own count of the cases it ran (contracts/conftest.py prints it)."""
    match = re.search(r"^didit contracts: (\d+) cases run", stdout, re.MULTILINE)
    assert match, stdout[-3000:]
    return int(match.group(1))


def test_plain_install_pulls_no_server_or_test_dependency(environment: Environment) -> None:
    installed = environment.installed()
    assert "didit-toolkit" in installed
    assert not installed & set(SERVER_AND_TEST_STACK), sorted(installed)


def test_plain_install_imports_client_and_sdk_from_the_environment(
    environment: Environment,
) -> None:
    result = environment.run(
        environment.python,
        "-c",
        "import didit_client, didit_toolkit\n"
        "print(didit_client.__file__); print(didit_toolkit.__file__)",
    )
    assert result.returncode == 0, result.stderr
    for location in result.stdout.split():
        assert Path(location).is_relative_to(environment.root), location


def test_plain_install_leaves_the_spec_loader_to_the_emulator_extra(
    environment: Environment,
) -> None:
    result = environment.run(
        environment.python, "-c", "import didit_spec; print(didit_spec.spec_path())"
    )
    # didit_spec needs PyYAML and jsonschema: the [emulator] extra's, not the plain install's.
    assert result.returncode != 0
    assert "yaml" in result.stderr or "jsonschema" in result.stderr


def test_emulator_extra_serves_from_another_directory(
    environment: Environment, installed_emulator: str
) -> None:
    response = httpx.get(f"{installed_emulator}/v3/sessions/", headers={"x-api-key": ACME.api_key})
    assert response.status_code == 200, response.text
    spec = environment.run(
        environment.python, "-c", "import didit_spec; print(didit_spec.spec_path())"
    )
    assert spec.returncode == 0, spec.stderr
    packaged = Path(spec.stdout.strip())
    assert packaged.is_relative_to(environment.root)
    assert packaged.read_bytes() == (REPOSITORY / "openapi.yaml").read_bytes()


def test_emulator_extra_pulls_no_test_dependency(
    environment: Environment, installed_emulator: str
) -> None:
    installed = environment.installed()
    assert {"starlette", "uvicorn"} <= installed
    assert not installed & set(TEST_STACK), sorted(installed)


def test_emulator_extra_checks_the_spec_string_formats(installed_emulator: str) -> None:
    # jsonschema checks `format: uri` only when the extra brings a URI validator; without one
    # the installed emulator created sessions whose callback was no URL at all.
    body = CreateSessionRequest(workflow_id=UUID(_user_workflow("Acme")), callback="")
    with AuthenticatedClient(
        base_url=installed_emulator, token=ACME.api_key, prefix="", auth_header_name="x-api-key"
    ) as client:
        response = create_session.sync_detailed(client=client, body=body)
    assert response.status_code == 400, response.content
    assert b"callback" in response.content


def test_contract_extra_passes_against_the_installed_emulator(
    contract_environment: Environment, installed_emulator: str
) -> None:
    result = contract_environment.run(
        contract_environment.command("didit-contract"),
        *("--profile", "ci", "--base-url", installed_emulator),
        env=_deployment_settings(installed_emulator),
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    outcomes = _outcomes(result.stdout)
    # Every layer ran: with all of a deployment's settings given, no test has a reason to skip.
    assert outcomes.get("passed", 0) > 0, outcomes
    assert set(outcomes) <= {"passed", "warning", "warnings"}, outcomes
    assert _cases_run(result.stdout) > 0


def test_contract_extra_starts_its_own_emulator_without_a_base_url(
    contract_environment: Environment,
) -> None:
    # One layer is enough to show the installed suite finds its emulator and the packaged spec.
    result = contract_environment.run(
        contract_environment.command("didit-contract"),
        *("--profile", "ci", "--", "contracts/test_workflows.py"),
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert "target=a local emulator" in result.stdout
    assert _outcomes(result.stdout).get("passed", 0) > 0
    assert _cases_run(result.stdout) > 0


def test_twine_check_passes_on_the_built_distributions(distributions: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, distributions.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
