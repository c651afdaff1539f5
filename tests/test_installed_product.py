"""The product as a user gets it: the built distributions installed into a fresh virtual
environment outside the repository, the repository nowhere on the path.

Why it exists: everything else runs from the clone, where `src/`, `generated_client/` and
openapi.yaml are at hand; only this test notices a missing file in the wheel, a dependency in the
wrong extra, or a command that works only from the repository. One sdist and wheel are built for
the module (the wheel from the sdist, as an index would), then installed step by step: plain,
`[emulator]`, `[contract]`. Dependencies resolve under requirements.txt as constraints, so the
versions are the ones the rest of the suite runs with.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
CONSTRAINTS = REPOSITORY / "requirements.txt"
# Acme's key in the emulator's default configuration (README).
ACME_KEY = "test_acme_6a1f0c9e2b7d4e58a3c1f0b9d8e7a6c5"
SERVER_AND_TEST_STACK = ("starlette", "uvicorn", "schemathesis", "hypothesis", "pytest", "fpdf2")


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
        """The environment of a user's shell: no PYTHONPATH, no other virtual environment."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "DIDIT_OPENAPI_SPEC"}
        }
        env["PATH"] = f"{self.root / 'bin'}:{env.get('PATH', '')}"
        return env

    def run(self, *args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(arg) for arg in args],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def install(self, requirement: str) -> None:
        result = self.run(
            self.python, "-m", "pip", "install", "--quiet", "-c", CONSTRAINTS, requirement
        )
        assert result.returncode == 0, result.stdout + result.stderr

    def installed(self) -> set[str]:
        result = self.run(self.python, "-m", "pip", "list", "--format=json")
        assert result.returncode == 0, result.stderr
        return {str(entry["name"]).lower() for entry in json.loads(result.stdout)}


@pytest.fixture(scope="module")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it (`python -m build`, no isolation: offline)."""
    outdir = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(REPOSITORY)],
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
    venv.create(root, with_pip=True, clear=True)
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
    outside the repository; its base URL."""
    environment.install(f"{environment.wheel}[emulator]")
    port = _free_port()
    process = subprocess.Popen(
        [str(environment.command("didit-emulator")), "--port", str(port), "--no-access-log"],
        cwd=environment.workdir,
        env=environment.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base_url}/_emulator/clock", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
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
        "import didit_client, didit_sdk; print(didit_client.__file__); print(didit_sdk.__file__)",
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
    response = httpx.get(f"{installed_emulator}/v3/sessions/", headers={"x-api-key": ACME_KEY})
    assert response.status_code == 200, response.text
    spec = environment.run(
        environment.python, "-c", "import didit_spec; print(didit_spec.spec_path())"
    )
    assert spec.returncode == 0, spec.stderr
    packaged = Path(spec.stdout.strip())
    assert packaged.is_relative_to(environment.root)
    assert packaged.read_bytes() == (REPOSITORY / "openapi.yaml").read_bytes()


def test_twine_check_passes_on_the_built_distributions(distributions: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, distributions.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
