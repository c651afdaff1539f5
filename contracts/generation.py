"""Speed-ups of schemathesis' generation that leave every generated value as it was.

The contract suite's deep run is mostly schemathesis and Hypothesis generating cases (issue 13).
What is here only avoids rebuilding what was already built, or building what a process never
uses. `reuse_fixed_dictionaries` is applied by contracts/schema.py before any case is drawn;
contracts/conftest.py turns on `defer_coverage_cases` in each worker before it collects, and
calls `add_deferred_coverage_cases` as each test starts.
"""

from __future__ import annotations

import contextlib
import functools
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

__all__ = [
    "StrategiesReusingFixedDictionaries",
    "add_deferred_coverage_cases",
    "defer_coverage_cases",
    "reuse_fixed_dictionaries",
]


class StrategiesReusingFixedDictionaries:
    """`hypothesis.strategies`, except that `fixed_dictionaries` of the same keys and the same
    value strategies gives back the strategy it built the first time.

    schemathesis 4.32 draws every JSON object through a `fixed_dictionaries` it builds anew for the
    keys it picked for that draw, and Hypothesis validates each new strategy on its first draw
    (about a twentieth of the deep run's CPU went on those, issue 13). Strategies are
    immutable, so one built for a set of keys serves every later draw of the same set. Only
    schemathesis' JSON Schema generator sees this (`reuse_fixed_dictionaries`); measured on the
    deep run, interleaved, 4-5 % less CPU.
    """

    # The deep run keeps 500-600 per worker, nearly all of them reused; the bound only caps a
    # run that keeps meeting new ones.
    LIMIT = 4096

    def __init__(self, strategies: Any) -> None:
        self._strategies = strategies
        self._built: OrderedDict[tuple[Any, ...], tuple[Any, Any]] = OrderedDict()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._strategies, name)

    def fixed_dictionaries(self, mapping: Any, *, optional: Any = None) -> Any:
        if optional is not None:
            return self._strategies.fixed_dictionaries(mapping, optional=optional)
        # Order counts (it is the order of the draws), and so does the mapping's type (the type
        # of what is drawn).
        key = (type(mapping), *((name, id(value)) for name, value in mapping.items()))
        built = self._built.get(key)
        if built is None:
            # The values are kept with the strategy, so the ids in the key stay theirs.
            built = (dict(mapping), self._strategies.fixed_dictionaries(mapping))
            self._built[key] = built
            if len(self._built) > self.LIMIT:
                self._built.popitem(last=False)
        else:
            self._built.move_to_end(key)
        return built[1]


def reuse_fixed_dictionaries(module: ModuleType | None = None) -> None:
    """schemathesis' JSON Schema generator (or `module`) builds its objects through the reusing
    strategies; calling it again changes nothing."""
    if module is None:
        import schemathesis.generation.jsonschema.strategy as module

    namespace = vars(module)
    if not isinstance(namespace["st"], StrategiesReusingFixedDictionaries):
        namespace["st"] = StrategiesReusingFixedDictionaries(namespace["st"])


# Where a collected test keeps the coverage cases it has not built yet.
_PENDING_COVERAGE = "_didit_pending_coverage_cases"
# Where a schema keeps its `_PathProbes`, per path template (`parametrize` clones a schema, and
# schemathesis keeps its record of probed methods on each clone).
_PATHS = "_didit_coverage_paths"
# The spec documents whose tests defer their coverage cases (a schema's clones share it).
_DEFERRING: list[Any] = []

Build = Callable[[Callable[..., Any]], Any]


def _defers(schema: Any) -> bool:
    """Whether `schema`'s spec document is one whose tests defer their coverage cases."""
    return any(document is schema.raw_schema for document in _DEFERRING)


@dataclass
class _PathProbes:
    """The operations of one path, in collection order, as coverage-case builds, and the
    path's probed undeclared methods as schemathesis recorded them after each build."""

    builds: list[Build] = field(default_factory=list)
    recorded_after: dict[int, frozenset[tuple[str, str]]] = field(default_factory=dict)


def defer_coverage_cases(schema: Any, module: ModuleType | None = None) -> None:
    """The tests schemathesis (or `module`) builds for `schema`'s operations build their coverage
    cases when they start (`add_deferred_coverage_cases`), not when they are collected; calling
    it again changes nothing.

    schemathesis 4.32 builds every operation's coverage-phase cases (`add_coverage`, explicit
    Hypothesis examples) while pytest collects, about three seconds of CPU for this spec. Under
    pytest-xdist every worker collects every test but runs only its share, so each built the
    cases of operations another worker tests, before any test could start (issue 13). Deferred,
    each operation's cases are built by the worker that runs it, with the same arguments, onto
    the same test function, in the same order after the spec's examples.

    The cases are the ones collection builds, whatever order the tests run in and whichever
    worker runs them (tests/contract_harness checks): the coverage generator draws with a fixed
    seed of its own and keeps the simplest value of each draw, and the one thing it carries from
    one operation to the next, which operation of a path sends the probes with the methods the
    path does not declare, is replayed in collection order (`_PathProbes`). Two differences:
    a definition schemathesis cannot build cases for fails the test when it starts, with
    schemathesis' error, instead of at collection; and the builds run after earlier tests have
    imported more modules, whose literals Hypothesis may mix into draws (no case changed when
    measured). Only contracts/conftest.py, which calls `add_deferred_coverage_cases` as each
    test starts, turns this on; tests of other spec documents build theirs while collected.
    """
    if module is None:
        import schemathesis.generation.hypothesis.builder as module

    if not _defers(schema):
        _DEFERRING.append(schema.raw_schema)
    namespace = vars(module)
    build_now: Callable[..., Any] = namespace["add_coverage"]
    if getattr(build_now, "defers", False):
        return

    def add_coverage_when_run(
        test: Callable[..., Any], operation: Any, *args: Any, **kwargs: Any
    ) -> Any:
        if not _defers(operation.schema):
            return build_now(test, operation, *args, **kwargs)
        paths: dict[str, _PathProbes] = vars(operation.schema).setdefault(_PATHS, {})
        probes = paths.setdefault(operation.path, _PathProbes())
        probes.builds.append(lambda target: build_now(target, operation, *args, **kwargs))
        index = len(probes.builds) - 1
        setattr(test, _PENDING_COVERAGE, functools.partial(_build, operation, probes, index, test))
        return test

    add_coverage_when_run.defers = True  # type: ignore[attr-defined]
    namespace["add_coverage"] = add_coverage_when_run


def _build(operation: Any, probes: _PathProbes, index: int, test: Callable[..., Any]) -> None:
    """The `index`-th build of the path onto `test`, with schemathesis' record of the path's
    probed methods as the builds before it in collection order left it.

    A build that comes before this one but has not run in this process (another worker runs it,
    or a later test) runs first onto a function that is thrown away, for the record only.
    """
    record: set[tuple[str, str]] = operation.schema.coverage_unexpected_methods_seen
    if index == 0:
        before: frozenset[tuple[str, str]] = frozenset()
    else:
        if index - 1 not in probes.recorded_after:
            # An earlier operation schemathesis cannot build for fails its own test, as when
            # collected; this one goes on from the record that attempt left.
            with contextlib.suppress(Exception):
                _build(operation, probes, index - 1, _discarded())
        before = probes.recorded_after[index - 1]
    others = {pair for pair in record if pair[0] != operation.path}
    record.clear()
    record |= others | before
    try:
        probes.builds[index](test)
    finally:
        path_pairs = (pair for pair in record if pair[0] == operation.path)
        probes.recorded_after[index] = frozenset(path_pairs)


def _discarded() -> Callable[..., None]:
    """A function for a build made only for schemathesis' record to attach its cases to; never
    run, and dropped with them."""

    def discarded(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a discarded coverage build's test is never run")

    return discarded


def add_deferred_coverage_cases(test: Any) -> None:
    """Build the coverage cases `defer_coverage_cases` left pending on `test`, once."""
    while isinstance(test, functools.partial):  # a test method, bound to its class's instance
        test = test.func
    pending = getattr(test, "__dict__", {})
    build = pending.pop(_PENDING_COVERAGE, None)
    if build is not None:
        build()
