"""One-line set-up of a production-ready generated client.

`didit_client.AuthenticatedClient` needs to be told the header name, the empty prefix, the base
URL and a timeout, and it has no retries and no way to obtain v2 client tokens. These factories
assemble it once, the same way everywhere: `x-api-key` (no prefix) or the client-token auth, the
production base URL, finite timeouts, and the retry transport through `httpx_args` so that both
the sync and the async httpx client the generated one builds get it (and keep it across
`with_headers` / `with_timeout`, which rebuild them from `httpx_args`). The returned object is an
`AuthenticatedClient` whose repr hides the key.

Neither factory takes the generated client's `raise_on_unexpected_status`: with it, an operation
raises `didit_client.errors.UnexpectedStatus` (not a `DiditError`) from inside `sync_detailed` for
any status its endpoint does not document (a 500, a 502), before `didit_toolkit.unwrap` could
raise the typed error for that status. With the flag off, every failure reaches `unwrap`, and
`except DiditError` covers them all. (A client built by hand may still set it; its message names
the status and the body's length, never the body.)
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable

import httpx
from attrs import define
from didit_client import AuthenticatedClient

from didit_toolkit.auth import DEFAULT_AUTH_BASE_URL, ClientTokenAuth
from didit_toolkit.retry import RetryPolicy, RetryTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "create_client",
    "create_v2_client",
]

DEFAULT_BASE_URL = "https://verification.didit.me"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""30 s per read/write/pool wait (PDF reports are generated on demand), 5 s to connect."""


@define
class _SecretSafeClient(AuthenticatedClient):
    """The generated client, with a repr that leaves the credential out (attrs would print it)."""

    def __repr__(self) -> str:
        return (
            f"AuthenticatedClient(base_url={self._base_url!r}, "
            f"auth_header_name={self.auth_header_name!r}, token=<redacted>)"
        )


def _retry_transport(
    retry: RetryPolicy | None,
    transport: httpx.BaseTransport | None,
    async_transport: httpx.AsyncBaseTransport | None,
    verify_ssl: str | bool | ssl.SSLContext,
    proxy: str | httpx.Proxy | None,
) -> RetryTransport:
    # A custom transport makes httpx ignore verify / proxy / the *_PROXY environment, so the
    # inner transports are built with them here.
    # The async network transport is made per event loop (see RetryTransport).
    def network_async_transport() -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(verify=verify_ssl, proxy=proxy)

    return RetryTransport(
        policy=retry or RetryPolicy(),
        transport=transport or httpx.HTTPTransport(verify=verify_ssl, proxy=proxy),
        async_transport=async_transport,
        async_transport_factory=None if async_transport is not None else network_async_transport,
    )


def create_client(
    api_key: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = None,
    headers: dict[str, str] | None = None,
    verify_ssl: str | bool | ssl.SSLContext = True,
    proxy: str | httpx.Proxy | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> AuthenticatedClient:
    """A generated client for the v3 API, authenticated with `x-api-key: <api_key>`.

    The same object serves the sync operations (`sync`, `sync_detailed`) and the async ones
    (`asyncio`, `asyncio_detailed`); both go through the retry transport, which raises
    `APIConnectionError` / `APITimeoutError` when no response came. `transport` /
    `async_transport` replace the network transports under the retries (tests pass an
    `httpx.MockTransport`). The generated `raise_on_unexpected_status` is always False (see the
    module docstring), so that an undocumented status (a 500, a 502) reaches
    `didit_toolkit.unwrap`, which raises the typed error.
    """
    if not api_key:
        raise ValueError("api_key must be non-empty")
    return _SecretSafeClient(
        base_url=base_url,
        token=api_key,
        prefix="",
        auth_header_name="x-api-key",
        timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
        headers=dict(headers or {}),
        raise_on_unexpected_status=False,
        httpx_args={
            "transport": _retry_transport(retry, transport, async_transport, verify_ssl, proxy)
        },
    )


def create_v2_client(
    client_id: str,
    client_secret: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    auth_base_url: str = DEFAULT_AUTH_BASE_URL,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = None,
    refresh_skew: float = 60.0,
    clock: Callable[[], float] = time.monotonic,
    headers: dict[str, str] | None = None,
    verify_ssl: str | bool | ssl.SSLContext = True,
    proxy: str | httpx.Proxy | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
) -> AuthenticatedClient:
    """A generated client for `POST /v2/session/`, authenticated with a client token.

    The token comes from `POST {auth_base_url}/auth/v2/token/` (see `ClientTokenAuth`), is cached
    and renewed `refresh_skew` seconds before it expires (`clock`: seconds on a monotonic clock,
    `time.monotonic` unless a test injects another). The auth object is
    `client.get_httpx_client().auth`.
    """
    auth = ClientTokenAuth(
        client_id,
        client_secret,
        auth_base_url=auth_base_url,
        refresh_skew=refresh_skew,
        clock=clock,
    )
    return _SecretSafeClient(
        base_url=base_url,
        # The generated client always sets a default header from `token`; the auth replaces it on
        # every request, so the placeholder is never sent.
        token="",
        prefix="",
        auth_header_name="Authorization",
        timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
        headers=dict(headers or {}),
        raise_on_unexpected_status=False,
        httpx_args={
            "transport": _retry_transport(retry, transport, async_transport, verify_ssl, proxy),
            "auth": auth,
        },
    )
