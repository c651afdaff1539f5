"""Retries for every request the Didit client makes, in one place: an httpx transport.

The generated client never retries (openapi-python-client leaves that to its users), and Didit
answers 429 with `Retry-After` once a key exceeds its per-minute budget (004). Retrying belongs in
the transport, below the generated code, so that every operation — sync and async, today's and
tomorrow's — gets the same rules without touching generated files:

- 429 on any method: the request was not processed, so even a POST is safe to resend. The wait is
  the server's (`retry-after-ms`, else `Retry-After` in seconds or as an HTTP-date); a wait above
  `RetryPolicy.max_wait` is not waited for: the 429 is returned at once.
- 408, 502, 503, 504 and connection errors: only for idempotent methods (GET, HEAD, OPTIONS, PUT,
  DELETE). A POST or PATCH may have been processed, so it is never resent.
- DELETE is idempotent in effect but not in answer: once a session is deleted, deleting it again
  is 404. So a DELETE is resent only when the first attempt cannot have been applied (502, 503, a
  connection that was never made, no pooled connection in time), never after 408, 504 or an error
  once the request may have reached the server (a read timeout, a dropped connection): the retry
  would turn a deletion that succeeded into a `NotFoundError`.
- Otherwise exponential backoff with jitter: `backoff_base * 2**n`, capped at `backoff_max`.

When the policy gives up on a transport error (an `httpx.TransportError`: no response at all), the
transport raises `didit_toolkit.APIConnectionError` (`APITimeoutError` for a timeout) in its place,
`from None` and outside the `except` block, so that neither the cause nor the context is httpx's
exception (whose `request.headers` carry the API key). An error while reading a response's body
is wrapped the same way.

Why not httpx-retries: see docs/client.md, "Why not httpx-retries".
"""

from __future__ import annotations

import asyncio
import logging
import math
import random as _random
import threading
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field

import httpx

from didit_toolkit._retry_after import retry_after_seconds
from didit_toolkit.errors import connection_error

__all__ = [
    "APPLIED_ONCE_METHODS",
    "IDEMPOTENT_METHODS",
    "NOT_APPLIED_EXCEPTIONS",
    "NOT_APPLIED_STATUSES",
    "TRANSIENT_STATUSES",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "SyncRetryTransport",
    "retry_after_seconds",
]

logger = logging.getLogger("didit_toolkit.retry")

IDEMPOTENT_METHODS: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
"""Methods whose request may be resent after a transient failure (RFC 9110, 9.2.2)."""

TRANSIENT_STATUSES: frozenset[int] = frozenset({408, 502, 503, 504})
"""Statuses retried for idempotent methods only."""

APPLIED_ONCE_METHODS: frozenset[str] = frozenset({"DELETE"})
"""Idempotent methods whose repeat answers differently (a session deleted is 404 afterwards,
deleting it again included): resent only when the first attempt cannot have been applied."""

NOT_APPLIED_STATUSES: frozenset[int] = frozenset({502, 503})
"""Transient statuses after which an `APPLIED_ONCE_METHODS` request is resent. Not 408 or 504: a
server or gateway that stopped waiting answers them, and the request may have been applied."""

NOT_APPLIED_EXCEPTIONS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
"""Transport errors raised before the request left this process (no connection was made, none
was free in time): after them an `APPLIED_ONCE_METHODS` request is resent. Not a read or write
timeout, a read error or a dropped connection: the server may have got the request."""

RATE_LIMITED = 429

DEFAULT_RETRY_EXCEPTIONS: tuple[type[Exception], ...] = (
    httpx.NetworkError,
    httpx.TimeoutException,
    httpx.RemoteProtocolError,
)


@dataclass(frozen=True, kw_only=True)
class RetryPolicy:
    """Which failures to retry, how often and how long to wait; shared by both transports.

    `clock` (Unix seconds), `random` (in [0, 1)), `sleep` and `async_sleep` are injectable so that
    tests never sleep. Backoff before retry n (0-based) is
    `min(backoff_max, backoff_base * 2**n) * (1 - jitter * random())`. A method of
    `applied_once_methods` is resent only after a status of `not_applied_statuses` or an error of
    `not_applied_exceptions` (or a 429). `backoff_base`, `backoff_max` and `max_wait` must be
    finite and >= 0, `jitter` within [0, 1], `max_retries` an int >= 0: else `ValueError`.
    """

    max_retries: int = 2
    backoff_base: float = 0.5
    backoff_max: float = 8.0
    jitter: float = 0.25
    max_wait: float = 120.0
    idempotent_methods: frozenset[str] = IDEMPOTENT_METHODS
    transient_statuses: frozenset[int] = TRANSIENT_STATUSES
    retry_exceptions: tuple[type[Exception], ...] = DEFAULT_RETRY_EXCEPTIONS
    applied_once_methods: frozenset[str] = APPLIED_ONCE_METHODS
    not_applied_statuses: frozenset[int] = NOT_APPLIED_STATUSES
    not_applied_exceptions: tuple[type[Exception], ...] = NOT_APPLIED_EXCEPTIONS
    clock: Callable[[], float] = field(default=time.time, repr=False)
    random: Callable[[], float] = field(default=_random.random, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, repr=False)

    def __post_init__(self) -> None:
        retries = self.max_retries
        if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
            raise ValueError("max_retries must be an int >= 0")
        for name in ("backoff_base", "backoff_max", "max_wait"):
            value = getattr(self, name)
            # `not value >= 0` also refuses NaN, which every comparison would let through.
            if not (isinstance(value, int | float) and math.isfinite(value) and value >= 0):
                raise ValueError(f"{name} must be a finite number >= 0")
        if not (isinstance(self.jitter, int | float) and 0 <= self.jitter <= 1):
            raise ValueError("jitter must be between 0 and 1")
        for name in ("idempotent_methods", "applied_once_methods"):
            methods = frozenset(method.upper() for method in getattr(self, name))
            object.__setattr__(self, name, methods)

    def backoff(self, retry_number: int) -> float:
        """The jittered exponential wait before retry `retry_number` (0 for the first retry)."""
        ceiling: float = min(self.backoff_max, self.backoff_base * 2.0 ** min(retry_number, 62))
        return ceiling * (1 - self.jitter * self.random())

    def delay_after_response(
        self, method: str, response: httpx.Response, retries_done: int
    ) -> float | None:
        """Seconds to wait before resending, or None to hand this response to the caller."""
        if retries_done >= self.max_retries:
            return None
        status = response.status_code
        method = method.upper()
        if status != RATE_LIMITED:  # a 429 was not processed: any method may be resent
            if status not in self.transient_statuses or method not in self.idempotent_methods:
                return None
            if method in self.applied_once_methods and status not in self.not_applied_statuses:
                return None
        requested = retry_after_seconds(response.headers, now=self.clock())
        if requested is None:
            return self.backoff(retries_done)
        if requested > self.max_wait:
            return None
        return requested

    def delay_after_error(self, method: str, error: Exception, retries_done: int) -> float | None:
        """Seconds to wait before resending after a transport error, or None to raise it."""
        if retries_done >= self.max_retries:
            return None
        method = method.upper()
        if method not in self.idempotent_methods:
            return None
        if not isinstance(error, self.retry_exceptions):
            return None
        if method in self.applied_once_methods and not isinstance(
            error, self.not_applied_exceptions
        ):
            return None
        return self.backoff(retries_done)


def _log_retry(
    request: httpx.Request, cause: str, delay: float, retry_number: int, policy: RetryPolicy
) -> None:
    # The path only: no query string, no userinfo, and headers (which carry the key) never.
    logger.info(
        "retrying %s %s after %s in %.3fs (retry %d of %d)",
        request.method,
        request.url.path,
        cause,
        delay,
        retry_number + 1,
        policy.max_retries,
    )


class _SyncGuardedStream(httpx.SyncByteStream):
    """A response body whose transport errors (a read timeout, a dropped connection while the body
    is read, after the transport returned) surface as `APIConnectionError`, like those before."""

    def __init__(self, stream: httpx.SyncByteStream, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        chunks = iter(self._stream)
        while True:
            failure: httpx.TransportError | None = None
            try:
                chunk = next(chunks)
            except StopIteration:
                return
            except httpx.TransportError as error:
                failure = error
            if failure is not None:
                wrapped = connection_error(failure, self._request)
                del failure
                raise wrapped from None
            yield chunk

    def close(self) -> None:
        self._stream.close()


class _AsyncGuardedStream(httpx.AsyncByteStream):
    """The async twin of `_SyncGuardedStream`."""

    def __init__(self, stream: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = aiter(self._stream)
        while True:
            failure: httpx.TransportError | None = None
            try:
                chunk = await anext(chunks)
            except StopAsyncIteration:
                return
            except httpx.TransportError as error:
                failure = error
            if failure is not None:
                wrapped = connection_error(failure, self._request)
                del failure
                raise wrapped from None
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


class SyncRetryTransport(httpx.BaseTransport):
    """Wraps a sync transport and resends requests as `policy` says."""

    def __init__(
        self, transport: httpx.BaseTransport, *, policy: RetryPolicy | None = None
    ) -> None:
        self.transport = transport
        self.policy = policy or RetryPolicy()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        retries = 0
        while True:
            failure: httpx.TransportError | None = None
            try:
                response = self.transport.handle_request(request)
            except Exception as error:
                delay = self.policy.delay_after_error(request.method, error, retries)
                if delay is None:
                    if not isinstance(error, httpx.TransportError):
                        raise
                    failure = error  # raised below, outside this block: no context to it
                else:
                    _log_retry(request, type(error).__name__, delay, retries, self.policy)
            else:
                delay = self.policy.delay_after_response(request.method, response, retries)
                if delay is None:
                    if isinstance(response.stream, httpx.SyncByteStream):
                        response.stream = _SyncGuardedStream(response.stream, request)
                    return response
                response.close()
                _log_retry(request, f"HTTP {response.status_code}", delay, retries, self.policy)
            if failure is not None:
                wrapped = connection_error(failure, request, attempts=retries + 1)
                del failure
                raise wrapped from None
            assert delay is not None
            self.policy.sleep(delay)
            retries += 1

    def close(self) -> None:
        self.transport.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps an async transport and resends requests as `policy` says."""

    def __init__(
        self, transport: httpx.AsyncBaseTransport, *, policy: RetryPolicy | None = None
    ) -> None:
        self.transport = transport
        self.policy = policy or RetryPolicy()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        retries = 0
        while True:
            failure: httpx.TransportError | None = None
            try:
                response = await self.transport.handle_async_request(request)
            except Exception as error:
                delay = self.policy.delay_after_error(request.method, error, retries)
                if delay is None:
                    if not isinstance(error, httpx.TransportError):
                        raise
                    failure = error  # raised below, outside this block: no context to it
                else:
                    _log_retry(request, type(error).__name__, delay, retries, self.policy)
            else:
                delay = self.policy.delay_after_response(request.method, response, retries)
                if delay is None:
                    if isinstance(response.stream, httpx.AsyncByteStream):
                        response.stream = _AsyncGuardedStream(response.stream, request)
                    return response
                await response.aclose()
                _log_retry(request, f"HTTP {response.status_code}", delay, retries, self.policy)
            if failure is not None:
                wrapped = connection_error(failure, request, attempts=retries + 1)
                del failure
                raise wrapped from None
            assert delay is not None
            await self.policy.async_sleep(delay)
            retries += 1

    async def aclose(self) -> None:
        await self.transport.aclose()


class RetryTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Both retrying transports behind one object, sharing one policy.

    The generated client splats the same `httpx_args` into its `httpx.Client` *and* its
    `httpx.AsyncClient`, so the transport passed there must serve both: the sync client calls
    `handle_request`, the async one `handle_async_request`. Passing it through `httpx_args` (rather
    than `set_httpx_client`) keeps it across `with_headers` / `with_timeout`, which rebuild the
    httpx clients from `httpx_args`.

    An async network transport holds connections that belong to the event loop that opened them,
    so by default one is made per running loop (`async_transport_factory`, an
    `httpx.AsyncHTTPTransport` unless given): the same object serves one `asyncio.run()` after
    another. A loop's transport is closed while that loop shuts down (`asyncio.run` closes every
    open async generator then, and one waits for that per loop), and forgotten once the loop has
    closed. An `async_transport` given explicitly (a mock, a transport with no connections) is
    used from every loop.
    """

    def __init__(
        self,
        *,
        policy: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        async_transport_factory: Callable[[], httpx.AsyncBaseTransport] | None = None,
    ) -> None:
        if async_transport is not None and async_transport_factory is not None:
            raise ValueError("pass async_transport or async_transport_factory, not both")
        self.policy = policy or RetryPolicy()
        self.sync = SyncRetryTransport(transport or httpx.HTTPTransport(), policy=self.policy)
        self._shared_async = (
            None
            if async_transport is None
            else AsyncRetryTransport(async_transport, policy=self.policy)
        )
        self._async_factory = async_transport_factory or httpx.AsyncHTTPTransport
        self._async_by_loop: dict[asyncio.AbstractEventLoop | None, AsyncRetryTransport] = {}
        self._closers: dict[asyncio.AbstractEventLoop, AsyncGenerator[None, None]] = {}
        self._async_lock = threading.Lock()

    def _for_loop(self) -> tuple[AsyncRetryTransport, bool]:
        """The running loop's transport, and whether it was made just now."""
        loop = _running_loop()
        with self._async_lock:
            current = self._async_by_loop.get(loop)
            if current is not None:
                return current, False
            for stale in [known for known in self._closers if known.is_closed()]:
                del self._closers[stale]
            for gone in [known for known in self._async_by_loop if _closed(known)]:
                del self._async_by_loop[gone]
            current = AsyncRetryTransport(self._async_factory(), policy=self.policy)
            self._async_by_loop[loop] = current
        return current, True

    @property
    def async_(self) -> AsyncRetryTransport:
        """The async retrying transport of the running event loop (made on first use there)."""
        if self._shared_async is not None:
            return self._shared_async
        return self._for_loop()[0]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._shared_async is not None:
            return await self._shared_async.handle_async_request(request)
        current, made = self._for_loop()
        loop = _running_loop()
        if made and loop is not None:
            closer = _close_at_shutdown(current)
            await anext(closer)  # now the loop knows it, and closes it as it shuts down
            with self._async_lock:
                self._closers[loop] = closer
        return await current.handle_async_request(request)

    def close(self) -> None:
        self.sync.close()

    async def aclose(self) -> None:
        if self._shared_async is not None:
            await self._shared_async.aclose()
            return
        loop = _running_loop()
        with self._async_lock:
            current = self._async_by_loop.pop(loop, None)
            closer = self._closers.pop(loop, None) if loop is not None else None
        if closer is not None:
            await closer.aclose()  # closes `current`
        elif current is not None:
            await current.aclose()


async def _close_at_shutdown(transport: AsyncRetryTransport) -> AsyncGenerator[None, None]:
    """Suspended until its loop shuts down (or `aclose` is called), then closes `transport`."""
    try:
        yield
    finally:
        await transport.aclose()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _closed(loop: asyncio.AbstractEventLoop | None) -> bool:
    return loop is not None and loop.is_closed()
