"""Fixtures of the journey tests: the emulator (in-process, or a real server for the browser),
local webhook endpoints and callback servers, and Debian's Chromium driven by Playwright.

The emulator clock is frozen at `FROZEN_AT`, so a webhook's `X-Timestamp` is the emulator's time
and receivers verify against the emulator clock (`now=emulator.backend.now()`), never the wall
clock. The browser is the system's `/usr/bin/chromium` (installed by `make browser-deps`); no
browser is ever downloaded, and a missing one fails the tests rather than skipping them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from didit_emulator import default_config
from didit_emulator.testing import RunningEmulator, in_process_emulator, running_emulator

FROZEN_AT = 1_767_225_600.0  # 2026-01-01T00:00:00Z
FROZEN_CONFIG = default_config().replace(clock_start=FROZEN_AT, clock_frozen=True)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def in_process_server() -> Iterator[RunningEmulator]:
    with in_process_emulator(FROZEN_CONFIG) as server:
        yield server


@pytest.fixture(scope="session")
def network_server() -> Iterator[RunningEmulator]:
    with running_emulator(FROZEN_CONFIG) as server:
        yield server


def _fresh(server: RunningEmulator) -> Iterator[RunningEmulator]:
    server.reset()
    yield server
    violations = server.response_violations
    assert violations == [], "responses that violate openapi.yaml:\n" + "\n".join(violations)


@pytest.fixture
def emulator(in_process_server: RunningEmulator) -> Iterator[RunningEmulator]:
    """The in-process emulator, reset; fails a test that provoked a response off the spec."""
    yield from _fresh(in_process_server)


@pytest.fixture
def served_emulator(network_server: RunningEmulator) -> Iterator[RunningEmulator]:
    """The emulator on a real socket (for the browser), reset."""
    yield from _fresh(network_server)


# Module-scoped, not session-scoped: Playwright's sync API keeps an event loop running in the
# main thread while it is open, and a later test in the same worker that calls `asyncio.run()`
# would then fail ("cannot be called from a running event loop").
@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps` (Debian's chromium)")
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield launched
    launched.close()
