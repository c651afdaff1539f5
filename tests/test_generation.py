"""The golden record: generated_client/ is exactly what the pinned generator makes of the spec.

`make check-generated` (run by `make test`) compares the committed tree with a fresh generation;
these tests show that the comparison can fail, and that generation is deterministic.
"""

from __future__ import annotations

import filecmp
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"


def _generate(spec: Path, output: Path) -> None:
    subprocess.run(
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--config",
            str(ROOT / "generator-config.yml"),
            "--meta",
            "pdm",
            "--custom-template-path",
            str(ROOT / "templates"),
            "--output-path",
            str(output),
        ],
        check=True,
        capture_output=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin"},
    )


def _differences(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right, ignore=["__pycache__", ".pdm-build"])
    found: list[str] = []
    pending = [comparison]
    while pending:
        current = pending.pop()
        found += current.left_only + current.right_only + current.diff_files + current.funny_files
        pending.extend(current.subdirs.values())
    return found


def test_generation_is_byte_identical_twice(tmp_path: Path) -> None:
    _generate(ROOT / "openapi.yaml", tmp_path / "first")
    _generate(ROOT / "openapi.yaml", tmp_path / "second")
    assert _differences(tmp_path / "first", tmp_path / "second") == []


def test_check_generated_fails_when_the_spec_changes_without_regeneration(tmp_path: Path) -> None:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    spec["components"]["schemas"]["ErrorResponse"]["properties"]["code"] = {"type": "string"}
    changed = tmp_path / "openapi.yaml"
    changed.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    result = subprocess.run(
        ["make", "-s", "check-generated", f"SPEC={changed}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "error_response.py" in result.stdout
    assert "differs from what" in result.stderr
