"""The generation speed-ups give the strategies they replace (contracts/generation.py)."""

from __future__ import annotations

from hypothesis import strategies as st

from contracts.generation import StrategiesReusingFixedDictionaries


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
