"""Speed-ups of schemathesis' generation that leave every generated value as it was.

The contract suite's deep run is mostly schemathesis and Hypothesis generating cases (issue 13).
What is here only avoids rebuilding what was already built, or building what a process never
uses; `reuse_fixed_dictionaries` and `defer_coverage_cases` are applied by contracts/schema.py
before any test is collected, and contracts/conftest.py calls `add_deferred_coverage_cases` as
each test starts.
"""

from __future__ import annotations

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


@dataclass
class _DeferringDocument:
    """A spec document whose tests build their coverage cases when they start; a schema's clones
    (such as the one `parametrize` makes) share it."""

    document: Any
    # The paths whose first operation has been collected.
    paths: set[str] = field(default_factory=set)


_DEFERRING: list[_DeferringDocument] = []


def _deferring(schema: Any) -> _DeferringDocument | None:
    return next((found for found in _DEFERRING if found.document is schema.raw_schema), None)


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
    seed of its own, and the one thing it carries from one operation to the next, which
    operation of a path sends the probes with methods the path does not declare, is settled
    here in collection order (`_as_when_collected`). Tests of other spec documents in the same
    process build theirs while collected, as before: only a runner that calls
    `add_deferred_coverage_cases` (contracts/conftest.py) may defer.
    """
    if module is None:
        import schemathesis.generation.hypothesis.builder as module

    if _deferring(schema) is None:
        _DEFERRING.append(_DeferringDocument(schema.raw_schema))
    namespace = vars(module)
    build_now: Callable[..., Any] = namespace["add_coverage"]
    if getattr(build_now, "defers", False):
        return

    def add_coverage_when_run(
        test: Callable[..., Any], operation: Any, *args: Any, **kwargs: Any
    ) -> Any:
        document = _deferring(operation.schema)
        if document is None:
            return build_now(test, operation, *args, **kwargs)
        first_of_its_path = operation.path not in document.paths
        document.paths.add(operation.path)
        build = functools.partial(
            _as_when_collected, first_of_its_path, build_now, test, operation, *args, **kwargs
        )
        setattr(test, _PENDING_COVERAGE, build)
        return test

    add_coverage_when_run.defers = True  # type: ignore[attr-defined]
    namespace["add_coverage"] = add_coverage_when_run


def _as_when_collected(
    first_of_its_path: bool,
    build_now: Callable[..., Any],
    test: Callable[..., Any],
    operation: Any,
    *args: Any,
    **kwargs: Any,
) -> Any:
    """`build_now`, with the schema's record of the probed undeclared methods as collection left
    it for this operation.

    schemathesis sends a path's probes with the methods it does not declare once, with the first
    operation of the path to build its coverage cases, and records `(path, method)` pairs on the
    schema. Collection builds in the spec's order; here the first operation collected for the
    path sends them, and the others never do, in any order, in any worker.
    """
    schema = operation.schema
    probed: set[tuple[str, str]] = schema.coverage_unexpected_methods_seen
    if first_of_its_path:
        probed -= {pair for pair in probed if pair[0] == operation.path}
    else:
        methods = schema.config.phases_for(operation=operation).coverage.unexpected_methods
        probed |= {(operation.path, method) for method in methods}
    return build_now(test, operation, *args, **kwargs)


def add_deferred_coverage_cases(test: Any) -> None:
    """Build the coverage cases `defer_coverage_cases` left pending on `test`, once."""
    pending = getattr(test, "__dict__", {})
    build = pending.pop(_PENDING_COVERAGE, None)
    if build is not None:
        build()
