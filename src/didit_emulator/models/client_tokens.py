"""Credentials: API keys, client credentials, and the client tokens of `POST /auth/v2/token/`.

A client token (002) is an HS256 JWT valid `client_token_ttl_seconds` on the emulator clock; the
emulator remembers the tokens it issued, so a token is valid only if this emulator issued it and
it has not expired. A reset forgets them.

What is remembered stays bounded: each issue first forgets the tokens that have expired on the
emulator clock, then, if `max_client_tokens` are still live, the oldest. Every token lives the
same time and the clock only moves forward, so tokens expire in the order they were issued and
forgetting them costs O(1) per issue.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import jwt

from ..config import ApplicationConfig
from ..exceptions import InvalidApiKey, InvalidClientCredentials, InvalidClientToken
from .state import BackendState, locked, same_secret

__all__ = ["ClientTokenGrant", "ClientTokenOperations"]


@dataclass(frozen=True)
class ClientTokenGrant:
    application_id: str
    expires_at: float

    def expired(self, now: float) -> bool:
        return now >= self.expires_at


class ClientTokenOperations(BackendState):
    """Which application a credential belongs to, and issuing client tokens."""

    def application_for_api_key(self, api_key: str | None) -> ApplicationConfig:
        app = self.applications_by_api_key.get(api_key) if api_key is not None else None
        if app is None or not same_secret(app.api_key, api_key):
            raise InvalidApiKey()
        return app

    def application_for_client_credentials(
        self, client_id: str | None, client_secret: str | None
    ) -> ApplicationConfig:
        app = next((a for a in self.applications.values() if a.client_id == client_id), None)
        if app is None or not same_secret(app.client_secret, client_secret):
            raise InvalidClientCredentials()
        return app

    @locked
    def application_for_client_token(self, token: str | None) -> ApplicationConfig:
        grant = self.client_tokens.get(token or "")
        if grant is None:
            raise InvalidClientToken()
        if grant.expired(self.now()):
            raise InvalidClientToken("Access token expired.")
        return self.applications[grant.application_id]

    def _forget_client_tokens(self, now: float) -> None:
        """Forgets expired tokens, and the oldest live ones beyond room for one more."""
        tokens = self.client_tokens
        while tokens:
            oldest = next(iter(tokens))
            if not tokens[oldest].expired(now) and len(tokens) < self.config.max_client_tokens:
                break
            del tokens[oldest]

    @locked
    def issue_client_token(self, app: ApplicationConfig, issuer: str) -> dict[str, Any]:
        """A bearer token for `POST /v2/session/`, valid `client_token_ttl_seconds` (002: 24 h)."""
        self._forget_client_tokens(self.now())
        iat = int(self.now())
        ttl = self.config.client_token_ttl_seconds
        claims = {
            "iss": issuer,
            "sub": app.client_id,
            "client_id": app.client_id,
            "organization_id": app.organization_id,
            "iat": iat,
            "exp": iat + ttl,
            "jti": uuid.uuid4().hex,
        }
        token = jwt.encode(claims, self.config.share_token_secret, algorithm="HS256")
        # The token is honoured until its own `exp`, on the emulator clock.
        self.client_tokens[token] = ClientTokenGrant(app.id, float(iat + ttl))
        return {
            "access_token": token,
            "expires_in": ttl,
            **{k: claims[k] for k in claims if k != "jti"},
        }
