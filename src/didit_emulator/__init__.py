"""A local, stateful Didit emulator: every operation of openapi.yaml, with the documents' rules.

- `create_app(config=None)` — the ASGI application (`EmulatorApp`).
- `load_config(path)` / `default_config()` — the TOML configuration (applications, keys,
  workflows, rate limits).
- `didit_emulator.testing.running_emulator(config=None)` — a real server on a free port for tests.
- `didit-emulator --host --port --config` (or `make emulator`) — serve it.

See docs/emulator.md.
"""

from __future__ import annotations

from .app import create_app
from .config import (
    ApplicationConfig,
    ConfigError,
    EmulatorConfig,
    RateLimitConfig,
    WorkflowConfig,
    default_config,
    load_config,
)
from .models import EmulatorBackend

__all__ = [
    "ApplicationConfig",
    "ConfigError",
    "EmulatorBackend",
    "EmulatorConfig",
    "RateLimitConfig",
    "WorkflowConfig",
    "create_app",
    "default_config",
    "load_config",
]
