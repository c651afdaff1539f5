"""The generation speed-ups give what they replace (contracts/generation.py): the same
strategies, and the same coverage cases built later."""

from __future__ import annotations

import copy
import functools
import gc
import types
import weakref
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import schemathesis.generation.hypothesis.builder as builder
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.generation.feedback import FeedbackSources
from schemathesis.pytest._test_builder import build_operation_test

from contracts import generation
from contracts.generation import (
    StrategiesReusingFixedDictionaries,
    add_deferred_coverage_cases,
    defer_coverage_cases,
    reuse_fixed_dictionaries,
)
from didit_spec import didit_document

SUITE_SETTINGS = Path(__file__).resolve().parents[2] / "schemathesis.toml"


def test_fixed_dictionaries_of_the_same_values_is_built_once() -> None:
    strategies = StrategiesReusingFixedDictionaries(st)
    name, age = st.text(), st.integers()
    first = strategies.fixed_dictionaries({"name": name, "age": age})
    assert strategies.fixed_dictionaries({"name": name, "age": age}) is first


def test_fixed_dictionaries_of_other_values_is_built_anew() -> None:
    strategies = StrategiesReusingFixedDictionaries(st)
    name = st.text()
    first = strategies.fixed_dictionaries({"name": name})
    assert strategies.fixed_dictionaries({"name": st.text(min_size=1)}) is not first


def test_fixed_dictionaries_of_other_keys_is_built_anew() -> None:
    strategies = StrategiesReusingFixedDictionaries(st)
    value = st.text()
    first = strategies.fixed_dictionaries({"name": value})
    assert strategies.fixed_dictionaries({"title": value}) is not first


def test_fixed_dictionaries_is_hypothesis_fixed_dictionaries() -> None:
    strategies = StrategiesReusingFixedDictionaries(st)
    mapping = {"name": st.text(max_size=3), "age": st.integers(0, 9)}
    reused = strategies.fixed_dictionaries(mapping)
    assert repr(reused) == repr(st.fixed_dictionaries(mapping))


def test_other_strategies_are_hypothesis_own() -> None:
    assert StrategiesReusingFixedDictionaries(st).integers is st.integers


def test_fixed_dictionaries_in_another_order_is_built_anew() -> None:
    # The keys are drawn in the mapping's order, so another order is another strategy.
    strategies = StrategiesReusingFixedDictionaries(st)
    name, age = st.text(), st.integers()
    first = strategies.fixed_dictionaries({"name": name, "age": age})
    assert strategies.fixed_dictionaries({"age": age, "name": name}) is not first


def test_fixed_dictionaries_keeps_its_values_alive() -> None:
    # A value strategy collected while its id is still a key would let a new one take that id.
    strategies = StrategiesReusingFixedDictionaries(st)
    value = st.integers().map(str)  # not one of the strategies Hypothesis caches itself
    alive = weakref.ref(value)
    strategies.fixed_dictionaries({"name": value})
    del value
    gc.collect()
    assert alive() is not None


def test_fixed_dictionaries_forgets_the_oldest_past_its_limit() -> None:
    strategies = StrategiesReusingFixedDictionaries(st)
    strategies.LIMIT = 2
    first = strategies.fixed_dictionaries({"a": st.text(min_size=1)})
    strategies.fixed_dictionaries({"b": st.text(min_size=2)})
    strategies.fixed_dictionaries({"c": st.text(min_size=3)})
    assert len(strategies._built) == 2
    assert first not in [built for _, built in strategies._built.values()]


def test_reuse_fixed_dictionaries_wraps_a_module_once() -> None:
    module = types.ModuleType("generator")
    module.st = st  # type: ignore[attr-defined]
    reuse_fixed_dictionaries(module)
    wrapped = module.st
    reuse_fixed_dictionaries(module)
    assert isinstance(wrapped, StrategiesReusingFixedDictionaries)
    assert module.st is wrapped


# --- coverage cases built when the test starts ----------------------------------------------


def _recording_builder() -> tuple[types.ModuleType, list[tuple[Any, ...]]]:
    """A stand-in for schemathesis' builder module: `add_coverage` records its calls."""
    calls: list[tuple[Any, ...]] = []
    module = types.ModuleType("builder")

    def add_coverage(test: Any, operation: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((test, operation, args, kwargs))
        return test

    module.add_coverage = add_coverage  # type: ignore[attr-defined]
    return module, calls


def _schema_of(document: dict[str, Any]) -> Any:
    """A stand-in for a schemathesis schema: its document and its record of probed methods."""
    return types.SimpleNamespace(raw_schema=document, coverage_unexpected_methods_seen=set())


def _operation_of(schema: Any, path: str = "/things/") -> Any:
    return types.SimpleNamespace(schema=schema, path=path)


def test_add_coverage_of_a_deferring_schema_builds_nothing_when_collected() -> None:
    module, calls = _recording_builder()
    document: dict[str, Any] = {}
    defer_coverage_cases(_schema_of(document), module)

    def test() -> None: ...

    assert module.add_coverage(test, _operation_of(_schema_of(document)), ["positive"]) is test
    assert calls == []


def test_add_deferred_coverage_cases_builds_them_once_with_the_collected_arguments() -> None:
    module, calls = _recording_builder()
    document: dict[str, Any] = {}
    defer_coverage_cases(_schema_of(document), module)

    def test() -> None: ...

    operation = _operation_of(_schema_of(document))
    module.add_coverage(test, operation, ["positive"], hooks="dispatcher")
    add_deferred_coverage_cases(test)
    add_deferred_coverage_cases(test)
    assert calls == [(test, operation, (["positive"],), {"hooks": "dispatcher"})]


def test_add_coverage_of_another_document_builds_when_collected() -> None:
    # Another schema's tests in the same process (the emulator's own fuzz test) have no runner
    # that builds deferred cases.
    module, calls = _recording_builder()
    defer_coverage_cases(_schema_of({}), module)

    def test() -> None: ...

    other = _operation_of(_schema_of({}))
    module.add_coverage(test, other, ["negative"])
    assert calls == [(test, other, (["negative"],), {})]


def _probing_builder() -> tuple[types.ModuleType, dict[str, set[tuple[str, str]]]]:
    """A stand-in for schemathesis' builder whose coverage cases probe the path's `trace` unless
    the schema's record says it was probed, and record it (as schemathesis does)."""
    module = types.ModuleType("builder")
    probed_by: dict[str, set[tuple[str, str]]] = {}

    def add_coverage(test: Any, operation: Any) -> Any:
        seen = operation.schema.coverage_unexpected_methods_seen
        new = {(operation.path, "trace")} - seen
        seen |= new
        if test.__name__ != "discarded":
            probed_by[test.__name__] = new
        return test

    module.add_coverage = add_coverage  # type: ignore[attr-defined]
    return module, probed_by


def _get_then_post_collected() -> tuple[dict[str, set[tuple[str, str]]], Any, Any]:
    """GET then POST on one path, collected with deferred coverage cases: what each probed, and
    the two tests."""
    module, probed_by = _probing_builder()
    schema = _schema_of({})
    defer_coverage_cases(schema, module)

    def get() -> None: ...

    def post() -> None: ...

    module.add_coverage(get, _operation_of(schema))
    module.add_coverage(post, _operation_of(schema))
    return probed_by, get, post


@pytest.mark.parametrize("built_first", ["get", "post"])
def test_deferred_coverage_cases_probe_undeclared_methods_with_the_first_collected(
    built_first: str,
) -> None:
    # Collected GET then POST, both on one path: GET's cases probe the path's undeclared
    # methods, POST's never do, whichever is built first (as when both were built collecting).
    probed_by, get, post = _get_then_post_collected()
    for test in [get, post] if built_first == "get" else [post, get]:
        add_deferred_coverage_cases(test)
    assert probed_by == {"get": {("/things/", "trace")}, "post": set()}


def test_deferred_coverage_cases_of_a_later_operation_alone_do_not_probe() -> None:
    # The worker that runs POST never runs GET: GET's build runs for the record only.
    probed_by, get, post = _get_then_post_collected()
    add_deferred_coverage_cases(post)
    assert probed_by == {"post": set()}
    assert not hasattr(get, "hypothesis_explicit_examples")


def test_deferred_coverage_cases_of_two_clones_of_a_document_both_probe() -> None:
    # Each `parametrize` clone keeps its own record, as collection built them.
    module, probed_by = _probing_builder()
    document: dict[str, Any] = {}
    first, second = _schema_of(document), _schema_of(document)
    defer_coverage_cases(first, module)

    def get_first() -> None: ...

    def get_second() -> None: ...

    module.add_coverage(get_first, _operation_of(first))
    module.add_coverage(get_second, _operation_of(second))
    add_deferred_coverage_cases(get_second)
    add_deferred_coverage_cases(get_first)
    assert probed_by == {
        "get_first": {("/things/", "trace")},
        "get_second": {("/things/", "trace")},
    }


def test_deferred_coverage_cases_of_a_later_operation_build_when_an_earlier_one_cannot() -> None:
    # schemathesis cannot build GET's cases: GET's test fails when it starts, and POST's cases
    # are still built, from the record GET's attempt left (as when collection built them, and
    # only GET's item errored).
    module, probed_by = _probing_builder()
    probing = module.add_coverage

    def add_coverage(test: Any, operation: Any) -> Any:
        if operation.method == "get":
            raise ValueError("GET's definition cannot be built")
        return probing(test, operation)

    module.add_coverage = add_coverage  # type: ignore[attr-defined]
    schema = _schema_of({})
    defer_coverage_cases(schema, module)

    def get() -> None: ...

    def post() -> None: ...

    module.add_coverage(get, types.SimpleNamespace(schema=schema, path="/things/", method="get"))
    module.add_coverage(post, types.SimpleNamespace(schema=schema, path="/things/", method="post"))
    add_deferred_coverage_cases(post)
    with pytest.raises(ValueError, match="GET's definition"):
        add_deferred_coverage_cases(get)
    assert probed_by == {"post": {("/things/", "trace")}}


def test_add_deferred_coverage_cases_of_a_bound_test_method_builds_them() -> None:
    module, calls = _recording_builder()
    document: dict[str, Any] = {}
    defer_coverage_cases(_schema_of(document), module)

    def test(self: object) -> None: ...

    module.add_coverage(test, _operation_of(_schema_of(document)))
    add_deferred_coverage_cases(functools.partial(test, object()))
    assert [call[0] for call in calls] == [test]


def test_add_deferred_coverage_cases_of_a_test_without_pending_cases_does_nothing() -> None:
    def test() -> None: ...

    add_deferred_coverage_cases(test)
    add_deferred_coverage_cases(None)
    assert not hasattr(test, "hypothesis_explicit_examples")


def test_defer_coverage_cases_wraps_a_module_once() -> None:
    module, calls = _recording_builder()
    document: dict[str, Any] = {}
    defer_coverage_cases(_schema_of(document), module)
    deferring = module.add_coverage
    defer_coverage_cases(_schema_of(document), module)
    assert module.add_coverage is deferring

    def test() -> None: ...

    module.add_coverage(test, _operation_of(_schema_of(document)))
    add_deferred_coverage_cases(test)
    assert len(calls) == 1


def _suite_schema() -> Any:
    schema = schemathesis.openapi.from_dict(
        copy.deepcopy(dict(didit_document().contents)),
        config=SchemathesisConfig.from_path(SUITE_SETTINGS),
    )
    schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
    return schema


def _explicit_cases(
    schema: Any, *, built_in_reverse: bool = False, share: slice = slice(None)
) -> dict[str, list[Any]]:
    """Per operation of `share` (of the spec's operations), the explicit cases (examples, then
    coverage) of the test schemathesis' pytest plugin collects for it, in the order Hypothesis
    runs them. Every test is collected, in the spec's order; the deferred cases of the share's
    are added in that order, or in the reverse one (as one xdist worker would)."""
    tests: dict[str, Any] = {}
    for result in schema.get_all_operations():
        operation = result.ok()

        def test_operation(case: Any) -> None: ...

        tests[operation.label] = build_operation_test(
            config=schema.config,
            operation=operation,
            test_func=test_operation,
            given_kwargs={},
            feedback=FeedbackSources(),
        )
    shared = list(tests.items())[share]
    for _, test in reversed(shared) if built_in_reverse else shared:
        add_deferred_coverage_cases(test)
    return {
        label: [
            _described(example.kwargs["case"])
            for example in reversed(getattr(test, "hypothesis_explicit_examples", []))
        ]
        for label, test in shared
    }


def _described(case: Any) -> tuple[Any, ...]:
    return (
        case.method,
        case.path,
        case.path_parameters,
        case.headers,
        case.cookies,
        case.query,
        repr(case.body),
        case.media_type,
        repr(case.meta.phase) if case.meta else None,
        case.meta.generation.mode if case.meta else None,
    )


def test_deferred_coverage_cases_are_the_ones_built_when_collected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The suite's settings (its coverage phase's options, both generation modes).
    monkeypatch.setenv("DIDIT_API_KEY", "a-key-for-the-settings-file")
    built_when_collected = _explicit_cases(_suite_schema())
    # Deferred for this test's schemas only; the builder module and the list of deferring
    # documents are restored afterwards.
    monkeypatch.setattr(builder, "add_coverage", builder.add_coverage)
    monkeypatch.setattr(generation, "_DEFERRING", [])
    run = _suite_schema()
    defer_coverage_cases(run)
    built_when_run = _explicit_cases(run, built_in_reverse=True)
    assert built_when_run == built_when_collected
    assert sum(len(cases) for cases in built_when_run.values()) > 10 * len(built_when_run)
    # One worker's share: every other operation (siblings on a path split between workers).
    run_in_a_worker = _suite_schema()
    defer_coverage_cases(run_in_a_worker)
    in_a_worker = _explicit_cases(run_in_a_worker, built_in_reverse=True, share=slice(1, None, 2))
    assert in_a_worker == {label: built_when_collected[label] for label in in_a_worker}


def test_contract_suite_builds_a_tests_deferred_coverage_cases_as_it_starts() -> None:
    from contracts import conftest

    module, calls = _recording_builder()
    document: dict[str, Any] = {}
    defer_coverage_cases(_schema_of(document), module)

    def test_operation() -> None: ...

    module.add_coverage(test_operation, _operation_of(_schema_of(document)))
    conftest.pytest_runtest_call(types.SimpleNamespace(obj=test_operation))  # type: ignore[arg-type]
    assert [call[0] for call in calls] == [test_operation]
