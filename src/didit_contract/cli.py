"""`didit-contract`: the contract suite, installed, with the options of `make contract`.

    didit-contract [--profile ci|deep] [--base-url URL] [--seed N] [--workers N]
                   [--junitxml PATH] [-- PYTEST-ARGS...]

Why it exists: the suite is a pytest package that reads its settings from the environment
(`DIDIT_CONTRACT_PROFILE`, `DIDIT_CONTRACT_SEED`, `DIDIT_BASE_URL`, `DIDIT_API_KEY`, ... — see
contracts/target.py). This command sets those from its options, finds the suite (inside the
installed package, or `contracts/` of the repository in an editable install) and runs pytest on it
the same way from any directory, whatever pytest configuration surrounds it. Without a base URL
the suite starts a local emulator of its own. The exit status is pytest's. `make contract` is this
command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import MutableMapping, Sequence
from pathlib import Path

__all__ = [
    "PROFILE_WORKERS",
    "PYTEST_SETTINGS",
    "cache_bytecode",
    "main",
    "parse_seed",
    "pytest_arguments",
    "suite_directory",
]

# Two xdist workers (one per core) for the long profile; the bounded ci profile runs in one
# process, as `make test` runs it.
PROFILE_WORKERS = {"deep": 2, "ci": 0}
# The suite's pytest settings, the only ones its run reads.
PYTEST_SETTINGS = Path(__file__).resolve().parent / "pytest.toml"


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
        "(required with a base URL), DIDIT_ALLOW_WRITES, DIDIT_WORKFLOW_ID, DIDIT_V2_TOKEN, "
        "DIDIT_PARTNER_*, DIDIT_PACING, DIDIT_CREATE_BUDGET. Arguments after `--` go to pytest; "
        "pytest runs in the directory holding the suite (`contracts/`) and its "
        "schemathesis.toml, so a path among them is relative to that directory "
        "(e.g. `-- contracts/test_workflows.py`).",
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
        "--seed",
        type=_seed,
        default=None,
        help="generation seed instead of schemathesis.toml's (DIDIT_CONTRACT_SEED): other cases "
        "than the fixed seed's, or a printed run's again",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="pytest-xdist workers (default: 2 for deep, none for ci)",
    )
    parser.add_argument(
        "--junitxml",
        type=lambda path: Path(path).resolve(),
        default=None,
        metavar="PATH",
        help="also write a JUnit XML report here (relative to the current directory)",
    )
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    return parser


def parse_seed(text: str) -> int:
    """A generation seed as given (`--seed`, `DIDIT_CONTRACT_SEED`): an integer, 0 or more;
    ValueError, saying why, for anything else."""
    try:
        seed = int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not an integer") from None
    if seed < 0:
        raise ValueError(f"{text!r} is negative; use 0 or more")
    return seed


def _seed(text: str) -> int:
    """A `--seed` value (`parse_seed`), as argparse reports a bad one."""
    try:
        return parse_seed(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def pytest_arguments(args: argparse.Namespace, suite: Path) -> list[str]:
    """The pytest command line for a parsed `didit-contract` command line."""
    workers = PROFILE_WORKERS[args.profile] if args.workers is None else args.workers
    arguments = [
        # Node ids read `contracts/test_….py` wherever the suite is installed; the whole suite
        # (testpaths) unless the pytest arguments name tests.
        f"--rootdir={suite.parent}",
        "-c",
        str(PYTEST_SETTINGS),
    ]
    if workers:
        arguments += ["-n", str(workers)]
    if args.junitxml:
        arguments.append(f"--junitxml={args.junitxml}")
    return arguments + list(args.pytest_args)


def cache_bytecode(environ: MutableMapping[str, str]) -> None:
    """Write bytecode for this process and its xdist workers, under `<environment>/pycache`.

    Each of the three processes of a two-worker run would otherwise compile and assertion-rewrite
    every module it imports, several seconds of CPU each, on every run where the environment says
    PYTHONDONTWRITEBYTECODE. The cache goes to the virtual environment's own directory (or where
    PYTHONPYCACHEPREFIX says), never next to the sources.
    """
    environ["PYTHONDONTWRITEBYTECODE"] = ""
    prefix = environ.get("PYTHONPYCACHEPREFIX") or str(Path(sys.prefix, "pycache"))
    environ["PYTHONPYCACHEPREFIX"] = prefix
    sys.dont_write_bytecode = False
    sys.pycache_prefix = prefix


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    suite = suite_directory()
    os.environ["DIDIT_CONTRACT_PROFILE"] = args.profile
    if args.seed is not None:
        os.environ["DIDIT_CONTRACT_SEED"] = str(args.seed)
    if args.base_url:
        os.environ["DIDIT_BASE_URL"] = args.base_url
    else:
        os.environ.pop("DIDIT_BASE_URL", None)
    cache_bytecode(os.environ)
    # The suite's directory, as `make contract` runs from the repository root: schemathesis finds
    # schemathesis.toml (its per-operation statuses, its seed) only in the working directory or
    # above, and the suite's paths print as `contracts/…`.
    os.chdir(suite.parent)
    import pytest  # the [contract] extra; imported late so --help works without it

    return int(pytest.main(pytest_arguments(args, suite)))


if __name__ == "__main__":
    sys.exit(main())
