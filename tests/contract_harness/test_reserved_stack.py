"""contracts/reserved_stack.py: deep calls under the reserved frame map no frame chunks, and the
test loop runs under it with pytest's other implementations and wrappers as pluggy runs them."""

from __future__ import annotations

import resource
import sys
import threading
from collections.abc import Callable, Generator
from types import FrameType, SimpleNamespace
from typing import Any

import pluggy
import pytest

from contracts import reserved_stack
from contracts.reserved_stack import call_on_reserved_stack
from tests.contract_harness._fakes import lone_process_config

# Each sweep goes down to every depth up to this one and back: whatever the depth it starts at,
# it crosses the end of a 16 KiB chunk (about 170 frames of `_descend`) hundreds of times.
DEEPEST = 400
SWEEPS = 5


def _descend(depth: int) -> None:
    if depth:
        _descend(depth - 1)


def _sweep() -> None:
    for _ in range(SWEEPS):
        for depth in range(1, DEEPEST):
            _descend(depth)


def _page_faults_of_a_new_thread(run: Callable[[Callable[[], None]], object]) -> int:
    """Minor page faults of a thread that starts with a fresh stack and runs `run(_sweep)`: each
    chunk CPython maps as the depth swings costs fresh pages."""
    faults: list[int] = []

    def thread() -> None:
        before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
        run(_sweep)
        faults.append(resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before)

    worker = threading.Thread(target=thread)
    worker.start()
    worker.join()
    return faults[0]


def _plainly(function: Callable[[], None]) -> None:
    function()


_LINUX_THREAD_USAGE = pytest.mark.skipif(
    not hasattr(resource, "RUSAGE_THREAD"), reason="a thread's page faults are Linux's to count"
)


@_LINUX_THREAD_USAGE
def test_call_on_reserved_stack_maps_no_chunk_as_the_depth_swings() -> None:
    # ~2,000 crossings of a chunk's end; the reserved chunk's own pages are a few dozen faults.
    assert _page_faults_of_a_new_thread(call_on_reserved_stack) < 200


@_LINUX_THREAD_USAGE
@pytest.mark.skipif(
    sys.version_info >= (3, 13),
    reason="CPython 3.13 releases since 2026 keep a spare frame chunk (gh-142183)",
)
def test_depth_swings_map_chunks_without_the_reservation() -> None:
    # What the test above would see without the reservation: a fresh chunk per crossing (at
    # least one fault each, whatever the page size).
    plain = _page_faults_of_a_new_thread(_plainly)
    reserved = _page_faults_of_a_new_thread(call_on_reserved_stack)
    assert plain > 1_000
    assert plain > 10 * reserved


def test_call_on_reserved_stack_returns_what_the_function_returns() -> None:
    assert call_on_reserved_stack(lambda: "answer") == "answer"


_spec = pluggy.HookspecMarker("pytest")
_impl = pluggy.HookimplMarker("pytest")


class _Spec:
    @_spec(firstresult=True)
    def pytest_runtestloop(self, session: Any) -> object:
        """The hook as pytest declares it."""


def _runs_on_reserved_stack(since: FrameType) -> bool:
    """Whether a frame of `call_on_reserved_stack` lies between the caller and frame `since`
    (the test itself may run on the reserved stack: what is under it does not count)."""
    frame = sys._getframe(1)
    while frame is not since:
        if frame.f_code is call_on_reserved_stack.__code__:
            return True
        assert frame.f_back is not None, "`since` is not a caller"
        frame = frame.f_back
    return False


def _run_hook(
    *, reserved: bool, loop_answers: object = "ran", last_answers: object = "last"
) -> tuple[object, list[str]]:
    """The hook's answer and what its implementations saw, with or without reserved_stack."""
    seen: list[str] = []
    hook_caller = sys._getframe()

    class Wrapper:
        @_impl(wrapper=True)
        def pytest_runtestloop(self, session: Any) -> Generator[None, object, object]:
            seen.append("wrapper before")
            result = yield
            seen.append("wrapper after")
            return result

    class Declines:
        @_impl
        def pytest_runtestloop(self, session: Any) -> object:
            seen.append(f"declines, reserved={_runs_on_reserved_stack(hook_caller)}")
            return None

    class Loop:
        @_impl(trylast=True)
        def pytest_runtestloop(self, session: Any) -> object:
            seen.append(f"loop for {session.name}, reserved={_runs_on_reserved_stack(hook_caller)}")
            return loop_answers

    class Last:
        @_impl(trylast=True)
        def pytest_runtestloop(self, session: Any = None) -> object:
            seen.append(f"last, given {session.name if session else None}")
            return last_answers

    manager = pluggy.PluginManager("pytest")
    manager.add_hookspecs(_Spec)
    for plugin in (Loop(), Last(), Declines(), Wrapper()):
        manager.register(plugin)
    if reserved:
        manager.register(reserved_stack)
    session = SimpleNamespace(name="session", config=SimpleNamespace(hook=manager.hook))
    return manager.hook.pytest_runtestloop(session=session), seen


def test_runtestloop_runs_the_later_implementations_as_pluggy_would() -> None:
    assert _run_hook(reserved=False) == (
        "ran",
        [
            "wrapper before",
            "declines, reserved=False",
            "loop for session, reserved=False",
            "wrapper after",
        ],
    )
    assert _run_hook(reserved=True) == (
        "ran",
        [
            "wrapper before",
            "declines, reserved=True",
            "loop for session, reserved=True",
            "wrapper after",
        ],
    )


def test_contract_worker_registers_the_reserved_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    from contracts import conftest

    monkeypatch.delenv("DIDIT_BASE_URL", raising=False)
    worker = lone_process_config()
    conftest.pytest_configure(worker)  # type: ignore[arg-type]
    conftest.pytest_unconfigure(worker)  # type: ignore[arg-type]
    assert worker.pluginmanager.registered == {"didit-reserved-stack": reserved_stack}


def test_runtestloop_passes_a_defaulted_argument_to_a_later_implementation() -> None:
    expected = [
        "wrapper before",
        "declines, reserved=True",
        "loop for session, reserved=True",
        "last, given session",
        "wrapper after",
    ]
    assert _run_hook(reserved=False, loop_answers=None) == (
        "last",
        [line.replace("True", "False") for line in expected],
    )
    assert _run_hook(reserved=True, loop_answers=None) == ("last", expected)


def test_runtestloop_calls_each_later_implementation_once_when_all_decline() -> None:
    # pluggy goes on past an implementation that declines: were the reserved stack's to answer
    # nothing too, pluggy would call every later one a second time.
    answer, seen = _run_hook(reserved=True, loop_answers=None, last_answers=None)
    assert seen == [
        "wrapper before",
        "declines, reserved=True",
        "loop for session, reserved=True",
        "last, given session",
        "wrapper after",
    ]
    assert answer is True
