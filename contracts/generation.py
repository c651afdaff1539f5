"""Speed-ups of schemathesis' generation that leave every generated value as it was.

The contract suite's deep run is mostly schemathesis and Hypothesis generating cases (issue 13).
What is here only avoids rebuilding what was already built; `reuse_fixed_dictionaries` is
applied by contracts/schema.py before any case is drawn.
"""

from __future__ import annotations

from typing import Any

__all__ = ["StrategiesReusingFixedDictionaries", "reuse_fixed_dictionaries"]


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

    def __init__(self, strategies: Any) -> None:
        self._strategies = strategies
        self._built: dict[tuple[tuple[str, int], ...], tuple[dict[str, Any], Any]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._strategies, name)

    def fixed_dictionaries(self, mapping: Any, *, optional: Any = None) -> Any:
        if optional is not None:
            return self._strategies.fixed_dictionaries(mapping, optional=optional)
        key = tuple((name, id(value)) for name, value in mapping.items())
        built = self._built.get(key)
        if built is None:
            # The values are kept with the strategy, so the ids in the key stay theirs.
            built = self._built[key] = (dict(mapping), self._strategies.fixed_dictionaries(mapping))
        return built[1]


def reuse_fixed_dictionaries() -> None:
    """schemathesis' JSON Schema generator builds its objects through the reusing strategies."""
    import schemathesis.generation.jsonschema.strategy as json_strategies

    namespace = vars(json_strategies)
    if not isinstance(namespace["st"], StrategiesReusingFixedDictionaries):
        namespace["st"] = StrategiesReusingFixedDictionaries(namespace["st"])
