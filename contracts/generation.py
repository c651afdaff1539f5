"""Speed-ups of schemathesis' generation that leave every generated value as it was.

The contract suite's deep run is mostly schemathesis and Hypothesis generating cases (issue 13).
What is here only avoids rebuilding what was already built; `reuse_fixed_dictionaries` is
applied by contracts/schema.py before any case is drawn.
"""

from __future__ import annotations

from collections import OrderedDict
from types import ModuleType
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
