"""The two contract profiles: `ci` (bounded, derandomised, part of `make test`) and `deep`.

Chosen with `DIDIT_CONTRACT_PROFILE` (default `deep`, which `make contract` runs). The numbers
here are the only knobs: how many cases in all and per stateful run. `DIDIT_CONTRACT_SEED`
replaces schemathesis.toml's generation seed for one run (`seed_override`).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from didit_contract.cli import parse_seed

__all__ = ["PROFILE", "Profile", "seed_override"]


@dataclass(frozen=True)
class Profile:
    name: str
    # Fuzzing cases for the whole spec, shared equally by its operations and split by
    # schemathesis between the positive and negative modes (examples and coverage cases come on
    # top). A total, so that the run does not grow with every operation the spec gains.
    fuzzing_cases: int
    # Stateful runs (each a sequence of linked calls), the longest sequence, and how many test
    # items the runs are split into (each with its own seed), so xdist workers can share them.
    stateful_runs: int
    stateful_steps: int
    stateful_parts: int
    # Request bodies drawn per operation for the client-serialisation property.
    client_examples: int
    # Rows of each list whose resources the listed-resources layer reads through the list's links.
    listed_rows: int
    # The least number of requests schemathesis must send, else the run fails (the deep profile
    # promises at least 10,000 generated cases).
    min_requests: int = 0
    # Whether the run fails when some operation never answered 2xx (checked on the emulator only).
    every_operation_succeeds: bool = False

    def max_examples_for(self, operations: int) -> int:
        """Fuzzing cases per operation when the spec has `operations` operations."""
        return max(1, math.ceil(self.fuzzing_cases / max(1, operations)))


_PROFILES = {
    "ci": Profile(
        "ci",
        fuzzing_cases=260,
        stateful_runs=40,
        stateful_steps=10,
        stateful_parts=1,
        client_examples=25,
        listed_rows=3,
    ),
    "deep": Profile(
        "deep",
        # With the stateful layer's, the coverage phase's and the examples' requests, 10,130 to
        # 10,235 seen: 1.3-2.3 % over the floor below. The conformance layer's count does not
        # move; the stateful layer's moves by up to 80 with which worker runs which of its parts
        # (each worker's emulator holds what that worker's earlier tests made), and by about ten
        # with schemathesis' unseeded picks. Most of the run's time is schemathesis and
        # Hypothesis generating cases (issue 13).
        fuzzing_cases=7_000,
        stateful_runs=150,
        stateful_steps=12,
        stateful_parts=5,
        client_examples=60,
        listed_rows=10,
        min_requests=10_000,
        every_operation_succeeds=True,
    ),
}


def _selected() -> Profile:
    name = os.environ.get("DIDIT_CONTRACT_PROFILE", "deep")
    try:
        return _PROFILES[name]
    except KeyError:
        raise SystemExit(
            f"DIDIT_CONTRACT_PROFILE={name!r} is not a profile; use one of {sorted(_PROFILES)}"
        ) from None


PROFILE = _selected()


def seed_override() -> int | None:
    """The generation seed `DIDIT_CONTRACT_SEED` gives instead of schemathesis.toml's, if any.

    The fixed seed makes two runs of the same code draw the same cases; another seed explores
    cases the fixed one never draws (a nightly run with a new seed each night), and a run's
    printed seed draws its cases again. Both profiles follow it: schemathesis gives Hypothesis
    an explicit seed, which Hypothesis puts before the `ci` profile's derandomisation.
    """
    given = os.environ.get("DIDIT_CONTRACT_SEED", "").strip()
    if not given:
        return None
    try:
        return parse_seed(given)
    except ValueError as error:
        raise SystemExit(f"DIDIT_CONTRACT_SEED={error}") from None
