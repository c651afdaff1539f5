"""Rewrites live_exceptions.toml from what the compatibility test observes, after a reconciliation.

    rm -rf /tmp/compat && mkdir /tmp/compat
    DIDIT_COMPAT_RECORD=/tmp/compat .venv/bin/pytest tests/compat -q
    .venv/bin/python -m tests.compat.record /tmp/compat

Entries that still occur keep their reason; new ones get "not yet reconciled — issue 9" and must
be given a real reason or fixed; entries that no longer occur are dropped.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.compat.live_reference import known_differences
from tests.compat.test_live_compat import NOT_RECONCILED

HERE = Path(__file__).parent


def main(directory: str) -> None:
    reasons = {(d.operation, d.check, d.item): d.reason for d in known_differences()}
    observed: set[tuple[str, str, str]] = set()
    for path in Path(directory).glob("*.json"):
        for row in json.loads(path.read_text()):
            if len(row) == 5:
                check, _, operation, item, _ = row
                observed.add((operation, check, item))
    text = (HERE / "live_exceptions.toml").read_text(encoding="utf-8")
    header = text[: text.index("[[difference]]")].rstrip()
    header = header[: header.rfind("\n# ---")] if "\n# ---" in header else header
    lines = [header, ""]
    current = None
    for operation, check, item in sorted(observed):
        if operation != current:
            lines += [f"# --- {operation}", ""]
            current = operation
        reason = reasons.get((operation, check, item), NOT_RECONCILED)
        lines += [
            "[[difference]]",
            f"operation = {json.dumps(operation)}",
            f"check = {json.dumps(check)}",
            f"item = {json.dumps(item)}",
            f"reason = {json.dumps(reason, ensure_ascii=False)}",
            "",
        ]
    (HERE / "live_exceptions.toml").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(observed)} differences written")


if __name__ == "__main__":
    main(sys.argv[1])
