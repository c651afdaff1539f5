"""The generation speed-ups give the strategies they replace (contracts/generation.py)."""

from __future__ import annotations

import gc
import types
import weakref

from hypothesis import strategies as st

from contracts.generation import StrategiesReusingFixedDictionaries, reuse_fixed_dictionaries


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
