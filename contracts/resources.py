"""What a successful DELETE removes, in Didit's URL style, for schemathesis' stateful checks.

schemathesis' `ensure_resource_availability` fails a 404 on a resource that a link step has just
created, unless a successful DELETE since then covered the request's path: a DELETE counts only
for the paths below the one it targets. Didit deletes a session with
`DELETE /v3/session/{sessionId}/delete/`, a verb below the resource, so a later
`GET /v3/session/{sessionId}/decision/` answering 404 (as it must) read as a created session gone
missing. `removed_by_delete` also counts a DELETE whose path ends in a verb after a parameter as
removing everything under that parameter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = ["removed_by_delete"]

_PARAMETER = re.compile(r"\{([^}]+)\}")


def _rendered(template: str, parameters: Mapping[str, Any]) -> str:
    return _PARAMETER.sub(lambda match: str(parameters.get(match.group(1))), template)


def removed_by_delete(
    delete_path: str,
    delete_parameters: Mapping[str, Any],
    path: str,
    parameters: Mapping[str, Any],
) -> bool:
    """Whether a successful DELETE of `delete_path` (a template and its parameters) removed what
    `path` names, when the DELETE's last segment is a verb after a path parameter."""
    segments = delete_path.rstrip("/").split("/")
    if len(segments) < 2 or "{" in segments[-1] or "{" not in segments[-2]:
        return False  # a DELETE of the resource itself: schemathesis already counts it
    removed = _rendered("/".join(segments[:-1]), delete_parameters) + "/"
    return _rendered(path, parameters).startswith(removed)
