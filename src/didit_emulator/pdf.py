"""The PDF verification report of a session (004, "6. Generate PDF Report"), made with fpdf2.

Rendering is CPU-bound: the HTTP layer renders the report data the backend hands it outside the
backend's lock and off the event loop. Its sections are the decision's result arrays, named after
their item schemas in openapi.yaml.

fpdf2 is imported on the first report, not with the emulator: it costs about a second of start-up,
which every process that starts an emulator (each contract-suite worker, each test module's
emulator) would otherwise pay whether or not it ever renders a PDF.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from .spec_values import BUSINESS_ARRAYS, USER_ARRAYS

__all__ = ["render_report"]

_MAX_VALUE = 200
# Each block's scalar fields are printed, but not links to media (they mean nothing on paper).
_SKIPPED_FIELDS = frozenset({"status", "warnings"})


def _printable(value: Any) -> bool:
    if isinstance(value, str):
        return not value.startswith(("http://", "https://"))
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: Any) -> str:
    """Printable in the PDF core fonts (Latin-1), and not unbounded."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if len(text) > _MAX_VALUE:
        text = text[: _MAX_VALUE - 3] + "..."
    return text.encode("latin-1", "replace").decode("latin-1")


if TYPE_CHECKING:
    from fpdf import FPDF


@cache
def _report_class() -> type[FPDF]:
    """The report's document class (fpdf2 imported here, on the first report)."""
    from fpdf import FPDF

    class Report(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.set_text_color(120)
            self.cell(
                0,
                6,
                f"Didit emulator - test data, not a real verification - page {self.page_no()}",
                align="C",
            )

    return Report


def render_report(report: Mapping[str, Any]) -> bytes:
    """A PDF of a session: identifiers, status, features, and each feature's results."""
    from fpdf.enums import WrapMode, XPos, YPos

    pdf = _report_class()(orientation="portrait", unit="mm", format="A4")
    pdf.set_title(_text(f"Verification report {report.get('session_id', '')}"))
    pdf.set_author("Didit emulator")
    pdf.set_creation_date(datetime.now(UTC))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.epw

    def line(text: str, *, size: float = 10, style: str = "", height: float = 6) -> None:
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.multi_cell(
            width, height, _text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=WrapMode.CHAR
        )

    line("Verification report", size=18, style="B", height=10)
    line(f"Application: {report.get('application', '')}")
    line(f"Generated: {report.get('generated_at', '')}")
    pdf.ln(3)
    for key, label in (
        ("session_id", "Session ID"),
        ("session_number", "Session number"),
        ("session_kind", "Kind"),
        ("status", "Status"),
        ("workflow_id", "Workflow"),
        ("vendor_data", "Vendor data"),
        ("created_at", "Created"),
        ("expires_at", "Expires"),
        ("shared_from_session", "Shared from session"),
    ):
        value = report.get(key)
        if value is not None:
            line(f"{label}: {_text(value)}", style="B" if key == "status" else "")
    line(f"Features: {', '.join(map(str, report.get('features', []))) or 'none'}")
    sections = {array.key: array.label for array in (*BUSINESS_ARRAYS, *USER_ARRAYS)}
    for key, label in sections.items():
        items = report.get(key) or []
        if not items:
            continue
        pdf.ln(2)
        line(label, size=13, style="B", height=8)
        for item in items:
            line(f"Status: {item.get('status', 'n/a')}", style="B")
            for name, value in item.items():
                if name in _SKIPPED_FIELDS or not _printable(value):
                    continue
                line(f"{name.replace('_', ' ').capitalize()}: {_text(value)}")
            for warning in item.get("warnings", []):
                line(f"Warning {warning.get('risk', '')}: {warning.get('short_description', '')}")
    reviews = report.get("reviews") or []
    if reviews:
        pdf.ln(2)
        line("Reviews", size=13, style="B", height=8)
        for review in reviews:
            line(
                f"{review.get('created_at', '')} {review.get('user', '')}: "
                f"{review.get('new_status', '')} {review.get('comment') or ''}"
            )
    return bytes(pdf.output())
