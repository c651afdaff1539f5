"""Import is exactly-once under concurrency (001: a second import of a token is 403)."""

from __future__ import annotations

import threading
from collections import Counter
from uuid import UUID

from didit_client.api.sessions import list_sessions
from didit_client.api.sharing import import_shared_session
from didit_client.models import ImportedUserSessionV3, ImportSharedSessionRequest, SessionPage

from didit_emulator.exceptions import AlreadyImported
from didit_emulator.testing import RunningEmulator

# HTTP-level behaviour and concurrency: a real uvicorn server (see conftest).
OVER_THE_NETWORK = True

CALLERS = 64


def test_import_shared_session_64_simultaneous_imports_give_one_201_and_63_403(
    emulator: RunningEmulator,
) -> None:
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)
    body = ImportSharedSessionRequest(
        share_token=token, trust_review=True, workflow_id=emulator.workflow("Partner").id
    )
    clients = [emulator.client("Partner") for _ in range(CALLERS)]
    for client in clients:  # build the clients first, so the requests themselves race
        client.get_httpx_client()
    barrier = threading.Barrier(CALLERS)
    statuses: list[int] = []
    created: list[UUID] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        barrier.wait()
        response = import_shared_session.sync_detailed(client=clients[index], body=body)
        with lock:
            statuses.append(response.status_code)
            if response.status_code == 201:
                assert isinstance(response.parsed, ImportedUserSessionV3)
                created.append(response.parsed.session_id)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(CALLERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    for client in clients:
        client.get_httpx_client().close()

    assert Counter(statuses) == {201: 1, 403: CALLERS - 1}
    with emulator.client("Partner") as partner:
        page = list_sessions.sync(client=partner)
    assert isinstance(page, SessionPage)
    assert [r.session_id for r in page.results] == created
    assert page.results[0].session_number == 1
    assert len(emulator.state()["imports"]) == 1


def test_import_shared_session_is_exactly_once_across_threads_in_the_backend(
    emulator: RunningEmulator,
) -> None:
    """The backend's lock, not the event loop, makes the check-and-insert atomic: 64 threads
    calling the backend directly still import once."""
    source = emulator.finished_session("Acme", "approved")
    token = emulator.share_token(source.session_id)
    partner = emulator.application("Partner")
    body = {"share_token": token, "trust_review": False, "workflow_id": partner.workflows[0].id}
    barrier = threading.Barrier(CALLERS)
    outcomes: list[str] = []

    def run() -> None:
        barrier.wait()
        try:
            emulator.backend.import_shared(partner, body, emulator.base_url)
            outcomes.append("created")
        except AlreadyImported:
            outcomes.append("refused")

    threads = [threading.Thread(target=run) for _ in range(CALLERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert Counter(outcomes) == {"created": 1, "refused": CALLERS - 1}
