"""The test loop runs on a reserved stack, so deep calls never map and unmap frame memory.

CPython 3.11 keeps a thread's Python frames in chunks of 16 KiB. A call that does not fit in the
current chunk maps a new one (mmap), and the return that leaves it unmaps it again (munmap). Code
whose call depth swings back and forth across a chunk's end pays for both, and for faulting the
fresh pages in, on every swing (CPython gh-142183: its fix, a spare chunk kept per thread, came in
2026 and was backported to 3.13; 3.11 and 3.12 do not have it). Hypothesis and schemathesis draw
each case through deeply nested calls: in the deep contract run each worker mapped and unmapped a
chunk 4,000 to 7,000 times a second, 3.5 to 4 s of system time of its 65 s of CPU. On the
reserved stack that is 0.4 to 0.6 s, and the run takes 4 % less while the host is slow and 14 %
less while it is fast (seven interleaved pairs, issue 13); `make test`'s main run, 6 % less.

A chunk is made at least as large as the frame that needs it, so the frame of
`call_on_reserved_stack`, whose code declares an evaluation stack it never uses, gets a chunk of
1 MiB of its own, and about half of that is left for every call made under it: the contract
suite's deepest draws use a small part of it. `pytest_runtestloop` puts the whole test loop (every
fixture and every test of the process) under that frame. Elsewhere, or on an interpreter that
keeps a spare chunk, the cost is that one chunk (and, under a tracer or a debugger, which give
each frame an object of its size, one 0.5 MB frame object).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest

__all__ = ["RESERVED_SLOTS", "call_on_reserved_stack", "pytest_runtestloop"]

T = TypeVar("T")

# The frame's size in stack slots of 8 bytes: a little over 512 KiB, so the chunk CPython makes
# for it (16 KiB doubled until the frame fits) is 1 MiB, just under half of it free above it.
RESERVED_SLOTS = 64 * 1024 + 64


def call_on_reserved_stack(function: Callable[[], T]) -> T:
    """`function()`, called from a frame whose chunk leaves about 500 KiB for what it calls."""
    return function()


# Only the declared size changes: the code still uses the two slots it always did, and a larger
# declared stack than the code needs is always valid.
call_on_reserved_stack.__code__ = call_on_reserved_stack.__code__.replace(
    co_stacksize=RESERVED_SLOTS
)


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> object:
    """Run the implementations of `pytest_runtestloop` that come after this one (pytest's loop, or
    an xdist worker's) on the reserved stack, as pluggy calls them: in order, each with the
    arguments it names, until one answers.

    Wrappers of the hook stay outside, where pluggy already runs them. Should every later
    implementation decline, this one still answers (True, which pytest does not read): were it
    to decline too, pluggy would call them all a second time.
    """
    implementations = session.config.hook.pytest_runtestloop.get_hookimpls()
    # pluggy calls a hook's implementations from the end of this list.
    mine = next(
        index
        for index, implementation in enumerate(implementations)
        if implementation.function is pytest_runtestloop
    )
    given = {"session": session}
    # pluggy keeps the wrappers after every plain implementation, so none comes before this one.
    later = list(reversed(implementations[:mine]))

    def run_loop() -> object:
        for implementation in later:
            arguments = [given[name] for name in implementation.argnames]
            defaulted = {name: given[name] for name in implementation.kwargnames if name in given}
            result = implementation.function(*arguments, **defaulted)
            if result is not None:
                return result
        return True

    return call_on_reserved_stack(run_loop)
