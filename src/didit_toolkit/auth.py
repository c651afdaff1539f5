"""The v2 client-token flow as an `httpx.Auth`: fetch, cache, refresh, retry once on 401.

`POST /v2/session/` takes a bearer token that `POST {auth host}/auth/v2/token/` issues for the
application's client id and secret (HTTP Basic, form `grant_type=client_credentials`, 24-hour
tokens in Didit's example). The generated client can send a fixed token but not obtain or renew
one, so this auth does: it fetches a token on first use, reuses it until `refresh_skew` seconds
before it expires, fetches a new one then, and on a 401 (revoked or expired early) fetches a new
one and resends the request once. The token request goes through the same httpx client, so it gets
the same transport (retries) and timeouts. Neither the secret nor the token appears in its repr.
"""

from __future__ import annotations

import asyncio
import base64
import math
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator
from typing import TypeGuard

import httpx
from didit_client.models import ClientToken, ClientTokenRequest, GrantType

from didit_toolkit.errors import UnexpectedStatusError, error_for

__all__ = ["DEFAULT_AUTH_BASE_URL", "ClientTokenAuth"]

DEFAULT_AUTH_BASE_URL = "https://apx.didit.me"
TOKEN_PATH = "/auth/v2/token/"  # noqa: S105 (a path, not a password)


def _usable_lifetime(value: object) -> TypeGuard[float]:
    """Whether `value` is a number of seconds the cache can add to its clock: a finite int or
    float (not a bool) >= 0."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


class ClientTokenAuth(httpx.Auth):
    """Sends `Authorization: Bearer <client token>`, fetching and renewing the token as needed.

    `clock` returns seconds on a monotonic clock (`time.monotonic` by default, so that a wall
    clock set back or forward neither keeps an expired token nor drops a valid one; tests inject
    a fake one); a token fetched at `t` with `expires_in = e` is used until `t + e - refresh_skew`
    (but at least until `t + e / 2`, so a short-lived token is not fetched again for every
    request). Use one instance per application; it is safe to share between threads (sync) or
    tasks (async), and fetches a token at most once at a time.

    A token response the cache cannot use — `access_token` not a non-empty string (it would be
    sent as `Bearer None`), `expires_in` not a finite number of seconds >= 0 (a string, null,
    NaN) — raises `UnexpectedStatusError` and caches nothing.
    """

    requires_request_body = True  # a request resent after a 401 must carry its body again

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        auth_base_url: str = DEFAULT_AUTH_BASE_URL,
        refresh_skew: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not client_id or not client_secret:
            raise ValueError("client_id and client_secret must be non-empty")
        if not _usable_lifetime(refresh_skew):
            raise ValueError("refresh_skew must be a finite number >= 0")
        self.client_id = client_id
        self._basic = "Basic " + base64.b64encode(f"{client_id}:{client_secret}".encode()).decode(
            "ascii"
        )
        self.token_url = httpx.URL(auth_base_url.rstrip("/") + TOKEN_PATH)
        self.refresh_skew = refresh_skew
        self._clock = clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._refresh_at = 0.0
        self._sync_lock = threading.Lock()
        # An asyncio.Lock belongs to the loop it first waits in: one per running loop.
        self._async_locks: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}
        self._async_locks_guard = threading.Lock()

    def __repr__(self) -> str:
        return f"ClientTokenAuth(client_id={self.client_id!r}, token_url={str(self.token_url)!r})"

    @property
    def expires_at(self) -> float | None:
        """The time on `clock` (not Unix time, unless `clock` is `time.time`) at which the cached
        token expires, or None when none is cached."""
        return self._expires_at if self._token is not None else None

    def invalidate(self) -> None:
        """Forget the cached token; the next request fetches a new one."""
        self._token = None
        self._expires_at = 0.0
        self._refresh_at = 0.0

    def _async_lock(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        with self._async_locks_guard:
            lock = self._async_locks.get(loop)
            if lock is None:
                for stale in [known for known in self._async_locks if known.is_closed()]:
                    del self._async_locks[stale]
                lock = self._async_locks[loop] = asyncio.Lock()
        return lock

    def _fresh_token(self) -> str | None:
        if self._token is not None and self._clock() < self._refresh_at:
            return self._token
        return None

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        form = ClientTokenRequest(grant_type=GrantType.CLIENT_CREDENTIALS).to_dict()
        return httpx.Request(
            "POST",
            self.token_url,
            data=form,
            headers={"Authorization": self._basic, "Accept": "application/json"},
            # The caller's timeouts; without them the transport would wait forever.
            extensions={"timeout": request.extensions.get("timeout", {})},
        )

    def _store(self, response: httpx.Response) -> str:
        if response.status_code != 200:
            raise error_for(response.status_code, response.content, response.headers)
        try:
            token = ClientToken.from_dict(response.json())
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            raise UnexpectedStatusError(
                response.status_code, "token response is not a ClientToken"
            ) from None
        # The decoder does not check types: what the cache and the header need, checked here.
        access_token: object = token.access_token
        lifetime: object = token.expires_in
        if not isinstance(access_token, str) or not access_token:
            raise UnexpectedStatusError(
                response.status_code, "token response has no access_token string"
            )
        if not _usable_lifetime(lifetime):
            raise UnexpectedStatusError(
                response.status_code, "token response has no usable expires_in (seconds >= 0)"
            )
        fetched_at = self._clock()
        self._token = access_token
        self._expires_at = fetched_at + lifetime
        self._refresh_at = fetched_at + max(lifetime - self.refresh_skew, lifetime / 2)
        return access_token

    def _authorize(self, request: httpx.Request, token: str) -> None:
        request.headers["Authorization"] = f"Bearer {token}"

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._fresh_token()
        if token is None:
            with self._sync_lock:
                token = self._fresh_token()
                if token is None:
                    response = yield self._token_request(request)
                    response.read()
                    token = self._store(response)
        self._authorize(request, token)
        response = yield request
        if response.status_code != 401:
            return
        with self._sync_lock:
            renewed = self._token
            if renewed is None or renewed == token:  # nobody renewed it meanwhile
                token_response = yield self._token_request(request)
                token_response.read()
                renewed = self._store(token_response)
        self._authorize(request, renewed)
        yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = self._fresh_token()
        if token is None:
            async with self._async_lock():
                token = self._fresh_token()
                if token is None:
                    response = yield self._token_request(request)
                    await response.aread()
                    token = self._store(response)
        self._authorize(request, token)
        response = yield request
        if response.status_code != 401:
            return
        async with self._async_lock():
            renewed = self._token
            if renewed is None or renewed == token:
                token_response = yield self._token_request(request)
                await token_response.aread()
                renewed = self._store(token_response)
        self._authorize(request, renewed)
        yield request
