"""Starts the local emulator for the suite and describes it as a `Target`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from contracts.target import Control, Target

__all__ = ["emulator_target"]


@contextmanager
def emulator_target() -> Iterator[Target]:
    from didit_emulator.testing import running_emulator

    with running_emulator() as server:
        raise NotImplementedError(server)
        yield Target(
            base_url=server.base_url,
            api_key="",
            allow_writes=True,
            control=Control(server.base_url),
        )
