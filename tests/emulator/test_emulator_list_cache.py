"""The list's kept page (`listing.rendered_page`): a repeated list read answers from the page
rendered last, and every change that could alter that page is seen by the next read: a new
session, a deleted one, a status change, an expiry coming due, another page or kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from didit_emulator.models.listing import SessionIndex
from didit_emulator.testing import RunningEmulator


def _list(emulator: RunningEmulator, **params: Any) -> dict[str, Any]:
    with emulator.http(headers={"x-api-key": emulator.application("Acme").api_key}) as http:
        response = http.get("/v3/sessions/", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _statuses(body: dict[str, Any]) -> dict[str, str]:
    return {row["session_id"]: row["status"] for row in body["results"]}


def _index(emulator: RunningEmulator) -> SessionIndex:
    return emulator.backend.session_index[emulator.application("Acme").id]


def test_list_sessions_repeated_read_answers_the_same_body(emulator: RunningEmulator) -> None:
    emulator.create_session()
    first = _list(emulator)
    assert _list(emulator) == first


def test_list_sessions_repeated_read_is_answered_from_the_kept_page(
    emulator: RunningEmulator,
) -> None:
    emulator.create_session()
    _list(emulator)
    kept = _index(emulator).last_page
    assert kept is not None
    _list(emulator)
    assert _index(emulator).last_page is kept  # not rendered again


def test_delete_session_leaves_nothing_of_it_in_the_kept_page(emulator: RunningEmulator) -> None:
    session_id = str(emulator.create_session().session_id)
    _list(emulator)
    _delete(emulator, session_id)
    assert _index(emulator).last_page is None


def _create(emulator: RunningEmulator, session_id: str) -> None:
    emulator.create_session()


def _complete(emulator: RunningEmulator, session_id: str) -> None:
    emulator.complete_session(session_id, "declined")


def _delete(emulator: RunningEmulator, session_id: str) -> None:
    with emulator.client("Acme") as client:
        response = client.get_httpx_client().delete(f"/v3/session/{session_id}/delete/")
    assert response.status_code == 200, response.text


def _expire(emulator: RunningEmulator, session_id: str) -> None:
    emulator.advance_clock(emulator.config.session_expiry_seconds + 1)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_create, lambda before, after, sid: after["count"] == before["count"] + 1),
        (_complete, lambda before, after, sid: _statuses(after)[sid] == "Declined"),
        (_delete, lambda before, after, sid: sid not in _statuses(after)),
        (_expire, lambda before, after, sid: _statuses(after)[sid] == "Expired"),
    ],
    ids=["create", "complete", "delete", "expire"],
)
def test_list_sessions_after_a_change_shows_it(
    emulator: RunningEmulator,
    change: Callable[[RunningEmulator, str], None],
    expected: Callable[[dict[str, Any], dict[str, Any], str], bool],
) -> None:
    session_id = str(emulator.create_session().session_id)
    emulator.create_session()
    before = _list(emulator)
    assert _statuses(before)[session_id] == "Not Started"
    change(emulator, session_id)
    assert expected(before, _list(emulator), session_id)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"limit": 1, "offset": 1}, "older user"),
        ({"page": 2, "page_size": 1}, "older user"),
        ({"session_kind": "business"}, "business"),
    ],
)
def test_list_sessions_other_query_is_not_answered_from_the_kept_page(
    emulator: RunningEmulator, params: dict[str, Any], expected: str
) -> None:
    sessions = {
        "older user": str(emulator.create_session().session_id),
        "business": str(emulator.create_session(kind="business").session_id),
        "newer user": str(emulator.create_session().session_id),
    }
    _list(emulator)  # kept: page 1 of the user rows
    assert list(_statuses(_list(emulator, **params))) == [sessions[expected]]
