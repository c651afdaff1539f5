"""The API reference page (`make docs`, issue 11) shows every operation of openapi.yaml, offline.

The page is built by the Makefile's own `docs` recipe (only its output is moved to a temporary
directory), opened from disk in Debian's Chromium, and navigated as a reader would: each tag of
the menu, then each of its operations, whose rendered section must carry the operation's summary,
method and path as openapi.yaml states them. Every request the page makes goes through a route
that aborts and records anything not local (file:, blob:, data:), so a page that would fetch from
a CDN or phone home fails here.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from didit_spec import didit_document

ROOT = Path(__file__).resolve().parents[2]
LOCAL_URL = re.compile(r"^(file|blob|data):")
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@dataclass(frozen=True)
class DocumentedOperation:
    operation_id: str
    method: str
    path: str
    tag: str
    summary: str


def _documented_operations() -> list[DocumentedOperation]:
    """Every operation of openapi.yaml, its `paths` and its `webhooks` (keyed by name)."""
    contents = didit_document().contents
    found = []
    for section in ("paths", "webhooks"):
        for path, item in contents.get(section, {}).items():
            for method, operation in item.items():
                if method in HTTP_METHODS:
                    found.append(
                        DocumentedOperation(
                            operation["operationId"],
                            method,
                            path,
                            operation["tags"][0],
                            operation["summary"],
                        )
                    )
    return found


OPERATIONS = _documented_operations()


@dataclass
class RenderedReference:
    sections: dict[str, str]
    """The rendered text of each operation's section, by operationId."""
    headings: dict[str, str]
    """The heading of each operation's section."""
    outgoing: list[str]
    """Requests that would have left the machine (aborted)."""


@pytest.fixture(scope="module")
def reference_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("api-reference") / "api-reference.html"
    built = subprocess.run(
        ["make", "--no-print-directory", "docs", f"API_REFERENCE={page}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return page


def _open_section(page: Page, operation: DocumentedOperation) -> None:
    """Clicks the operation's tag in the menu, then the operation, as a reader would."""
    menu = page.locator("[data-component-name='Menu/Menu']").first
    entry = menu.locator(f"a[href='#/{operation.tag}/{operation.operation_id}']")
    if entry.count() == 0:  # the tag is folded: unfold it
        menu.locator(f"a[href='/{operation.tag}']").click()
    entry.click()


@pytest.fixture(scope="module")
def rendered(browser: Browser, reference_page: Path) -> Iterator[RenderedReference]:
    context = browser.new_context()
    outgoing: list[str] = []

    def refuse(route: Route) -> None:
        outgoing.append(route.request.url)
        route.abort()

    context.route(lambda url: not LOCAL_URL.match(url), refuse)
    page = context.new_page()
    page.goto(reference_page.as_uri())
    sections: dict[str, str] = {}
    headings: dict[str, str] = {}
    for operation in OPERATIONS:
        _open_section(page, operation)
        section = page.locator(f"[id='{operation.tag}/{operation.operation_id}']")
        section.wait_for(state="visible", timeout=10_000)
        sections[operation.operation_id] = section.inner_text()
        headings[operation.operation_id] = section.locator("h2").first.inner_text()
    page.wait_for_load_state("networkidle")
    yield RenderedReference(sections, headings, outgoing)
    context.close()


@pytest.mark.parametrize("operation", OPERATIONS, ids=[o.operation_id for o in OPERATIONS])
def test_api_reference_shows_operation(
    operation: DocumentedOperation, rendered: RenderedReference
) -> None:
    # A webhook's heading adds a "Webhook" badge on its own line.
    assert operation.summary in rendered.headings[operation.operation_id].splitlines()
    section = rendered.sections[operation.operation_id]
    assert operation.method.upper() in section
    if operation.path.startswith("/"):
        assert operation.path in section


def test_api_reference_loads_nothing_from_the_network(rendered: RenderedReference) -> None:
    assert rendered.outgoing == []
