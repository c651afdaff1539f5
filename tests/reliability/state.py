"""What the emulator has stored, in a form two moments can be compared in.

`stored_state(backend)` walks every attribute of an `EmulatorBackend` except its lock, clock and
configuration, turning dataclasses, containers and plain objects into plain values, so that
`stored_state(before) == stored_state(after)` says a refused request stored, changed and used up
nothing, whatever concerns the backend grows.
"""

from __future__ import annotations

import dataclasses
import enum
import threading
from collections.abc import Mapping
from typing import Any

from didit_emulator.models import EmulatorBackend

__all__ = ["stored_state"]

# Not state a request could change: the lock, the clock, the configuration it was seeded with.
_NOT_STATE = frozenset({"lock", "clock", "config", "applications"})


def _plain(value: Any, depth: int = 0) -> Any:
    if depth > 64:
        raise AssertionError("state nested deeper than expected")
    if value is None or isinstance(value, bool | int | float | str | bytes):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value)
        }
    if isinstance(value, Mapping):
        return [(_plain(k, depth + 1), _plain(v, depth + 1)) for k, v in value.items()]
    if isinstance(value, list | tuple | set | frozenset) or hasattr(value, "__iter__"):
        if isinstance(value, set | frozenset):
            return sorted(repr(_plain(v, depth + 1)) for v in value)
        return [_plain(v, depth + 1) for v in value]
    if isinstance(value, type(threading.Lock())) or callable(value):
        return type(value).__name__
    if hasattr(value, "__dict__"):
        return {k: _plain(v, depth + 1) for k, v in vars(value).items()}
    return repr(value)


def stored_state(backend: EmulatorBackend) -> dict[str, Any]:
    """Everything the backend keeps, as plain values."""
    with backend.lock:
        return {
            name: _plain(value)
            for name, value in sorted(vars(backend).items())
            if name not in _NOT_STATE and not name.startswith("__")
        }
