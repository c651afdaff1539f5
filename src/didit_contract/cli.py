"""`didit-contract`: the contract suite, installed, with the options of `make contract`.

    didit-contract [--profile ci|deep] [--base-url URL] [--workers N] [-- PYTEST-ARGS...]

Why it exists: the suite is a pytest package that reads its settings from the environment
(`DIDIT_CONTRACT_PROFILE`, `DIDIT_BASE_URL`, `DIDIT_API_KEY`, ... — see contracts/target.py).
This command sets those from its options, finds the suite (inside the installed package, or
`contracts/` of the repository in an editable install) and runs pytest on it. Without a base URL
the suite starts a local emulator of its own. The exit status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["PROFILE_WORKERS", "main", "suite_directory"]

# Two xdist workers (one per core) for the long profile, as `make contract` runs it; the bounded
# ci profile runs in one process, as `make test` runs it.
PROFILE_WORKERS = {"deep": 2, "ci": 0}


def suite_directory() -> Path:
    """The `contracts` package directory: the installed copy, else the repository's."""
    installed = Path(__file__).resolve().parent / "suite" / "contracts"
    if (installed / "conftest.py").is_file():
        return installed
    repository = Path(__file__).resolve().parents[2] / "contracts"
    if (repository / "conftest.py").is_file():
        return repository
    raise SystemExit("didit-contract: the contract suite is not installed (install [contract])")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="didit-contract",
        description="Run the Didit contract suite against a deployment or a local emulator.",
        epilog="Other settings come from the environment as for `make contract`: DIDIT_API_KEY "
        "(required with a base URL), DIDIT_PARTNER_*, DIDIT_WORKFLOW_ID, DIDIT_PACING, "
        "DIDIT_CREATE_BUDGET. Arguments after `--` go to pytest.",
    )
    parser.add_argument(
        "--profile",
        choices=sorted(PROFILE_WORKERS),
        default=os.environ.get("DIDIT_CONTRACT_PROFILE") or "deep",
        help="how much to generate (DIDIT_CONTRACT_PROFILE, else deep)",
    )
    parser.add_argument(
        "--base-url",
        default=os.environ.get("DIDIT_BASE_URL") or None,
        help="the server to check (DIDIT_BASE_URL); none: a local emulator the suite starts",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="pytest-xdist workers (default: 2 for deep, none for ci)",
    )
    parser.add_argument(
        "--junitxml", default=None, metavar="PATH", help="also write a JUnit XML report here"
    )
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    return parser


def pytest_arguments(args: argparse.Namespace, suite: Path) -> list[str]:
    """The pytest command line for a parsed `didit-contract` command line."""
    workers = PROFILE_WORKERS[args.profile] if args.workers is None else args.workers
    arguments = [
        str(suite),
        # Node ids read `contracts/test_….py` wherever the suite is installed.
        f"--rootdir={suite.parent}",
        "-ra",
        "--strict-markers",
        "-o",
        "xfail_strict=true",
        "-p",
        "no:cacheprovider",
    ]
    if workers:
        arguments += ["-n", str(workers)]
    if args.junitxml:
        arguments.append(f"--junitxml={args.junitxml}")
    return arguments + list(args.pytest_args)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    os.environ["DIDIT_CONTRACT_PROFILE"] = args.profile
    if args.base_url:
        os.environ["DIDIT_BASE_URL"] = args.base_url
    else:
        os.environ.pop("DIDIT_BASE_URL", None)
    import pytest  # the [contract] extra; imported late so --help works without it

    return int(pytest.main(pytest_arguments(args, suite_directory())))


if __name__ == "__main__":
    sys.exit(main())
