"""Fakes for the harness tests: a clock whose time passes only when the code under test sleeps,
and the pytest configuration of a process that runs contract tests."""

from __future__ import annotations

from types import SimpleNamespace

__all__ = ["FakeClock", "RecordingPluginManager", "lone_process_config"]


class RecordingPluginManager:
    """The part of pytest's plugin manager that contracts/conftest.py uses: what it registered,
    by name."""

    def __init__(self) -> None:
        self.registered: dict[str, object] = {}

    def register(self, plugin: object, name: str) -> None:
        self.registered[name] = plugin

    def is_registered(self, plugin: object) -> bool:
        return plugin in self.registered.values()


def lone_process_config() -> SimpleNamespace:
    """The configuration contracts/conftest.py's hooks see in a process that runs tests itself
    (no xdist controller), with a `RecordingPluginManager`."""
    return SimpleNamespace(
        workerinput=None,
        option=SimpleNamespace(numprocesses=0, collectonly=False),
        pluginmanager=RecordingPluginManager(),
    )


class FakeClock:
    """Time that passes only when the pacer sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
