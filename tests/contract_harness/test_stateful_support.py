"""A DELETE in Didit's verb style removes the resource above it
(didit_contract/stateful_support.py `removed_by_delete`)."""

from __future__ import annotations

import pytest

from didit_contract.stateful_support import removed_by_delete

_SESSION = "/v3/session/{sessionId}/delete/"


@pytest.mark.parametrize(
    ("delete_path", "deleted_id", "path", "requested_id", "removed"),
    [
        (_SESSION, "s1", "/v3/session/{sessionId}/decision/", "s1", True),
        (_SESSION, "s1", "/v3/session/{sessionId}/share/", "s1", True),
        (_SESSION, "s1", "/v3/session/{sessionId}/delete/", "s1", True),
        (_SESSION, "s1", "/v3/session/{sessionId}/decision/", "s2", False),
        (_SESSION, "s1", "/v3/session/{sessionId}/decision/", "s10", False),
        (_SESSION, "s1", "/v3/sessions/", "s1", False),
        # A REST-style DELETE of the resource itself is schemathesis' own to judge.
        (
            "/v3/webhook/destinations/{sessionId}/",
            "s1",
            "/v3/webhook/destinations/{sessionId}/",
            "s1",
            False,
        ),
    ],
)
def test_removed_by_delete_covers_what_lies_under_the_deleted_parameter(
    delete_path: str, deleted_id: str, path: str, requested_id: str, removed: bool
) -> None:
    assert (
        removed_by_delete(delete_path, {"sessionId": deleted_id}, path, {"sessionId": requested_id})
        is removed
    )
