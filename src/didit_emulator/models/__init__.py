"""The emulator's state and rules, one module per concern (moto's `models`).

- `sessions`: the `Session` resource and session operations;
- `sharing`: share tokens and imports;
- `blocklist`: blocklist entries and the items a session can be blocked by;
- `client_tokens`: API keys, client credentials and client tokens;
- `control`: what the control surface drives (completing sessions, the clock, the state dump);
- `backend`: `EmulatorBackend`, which keeps the state and the lock and assembles the above.
"""

from .backend import EmulatorBackend
from .blocklist import BlocklistEntry
from .listing import ListPage
from .sessions import Session
from .sharing import Entity, ShareToken

__all__ = ["BlocklistEntry", "EmulatorBackend", "Entity", "ListPage", "Session", "ShareToken"]
