"""Fixtures of the documentation tests: the journey tests' Debian Chromium, driven by Playwright."""

from tests.journey.conftest import browser, playwright

__all__ = ["browser", "playwright"]
