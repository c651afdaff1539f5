"""The two contract profiles: `ci` (bounded, derandomised, part of `make test`) and `deep`.

Chosen with `DIDIT_CONTRACT_PROFILE` (default `deep`, which `make contract` runs). The numbers
here are the only knobs: how many cases per operation and per stateful run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["PROFILE", "Profile"]


@dataclass(frozen=True)
class Profile:
    name: str
    # Fuzzing cases per operation and generation mode (examples and coverage cases come on top).
    max_examples: int
    # Stateful runs (each a sequence of linked calls) and the longest sequence.
    stateful_runs: int
    stateful_steps: int
    # Request bodies drawn per operation for the client-serialisation property.
    client_examples: int
    # The least number of requests schemathesis must send, else the run fails (the deep profile
    # promises at least 10,000 generated cases).
    min_requests: int = 0


_PROFILES = {
    "ci": Profile("ci", max_examples=20, stateful_runs=40, stateful_steps=10, client_examples=25),
    "deep": Profile(
        "deep",
        max_examples=700,
        stateful_runs=150,
        stateful_steps=12,
        client_examples=200,
        min_requests=10_000,
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
