"""The suite's connections to its target: one pooled client of each kind, opened once.

Building an httpx client costs a TLS context (~20 ms) and every fresh client opens a new
connection, which is most of a cheap request (issue 13). So a target owns one `httpx.Client` (the
harness' direct calls, the generated client and the emulator's control surface) and one
`requests.Session` (schemathesis' calls), both keep-alive, and everything the suite sends goes
through them, but for ignored_auth's probes, which have a session of their own
(`Connections.probes`, see `sessionless_requests_through`). Against a deployment every
request passes a `RequestGuard` — the rate-limit pacer and the create budget
(contracts/pacing.py) — so none escapes the pacer; a probe is counted against the budget only
after the fact, if it created a session.

The suite's own emulator is also reachable in-process (`InProcessAdapter`): the conformance and
stateful layers hand each case to its ASGI app on an event loop of the calling thread, with no
HTTP encoding, socket or thread switch in between.
"""

from __future__ import annotations

import asyncio
import dataclasses
import http.cookiejar
import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
import requests
import requests.adapters
import requests.utils
import urllib3

from contracts.pacing import CreateBudget, OperationIndex, Pacer

__all__ = ["Connections", "RequestGuard", "carries_no_credentials", "sessionless_requests_through"]


@dataclass
class RequestGuard:
    """What a request to a deployment passes before it goes out, and after its answer.

    With `holds_creates` (the default) a create reserves its place in the budget first, and skips
    its test when the budget is spent. Without it (ignored_auth's probes, which carry no valid
    credentials) a create is sent regardless and counted only if it did create a session: a probe
    must not skip the test whose case it checks, and a deployment that creates a session for a
    request without credentials has that counted all the same.
    """

    pacer: Pacer | None
    budget: CreateBudget | None
    create_operations: frozenset[str]
    index: OperationIndex
    holds_creates: bool = True

    def before(self, method: str, url: str) -> bool:
        """Waits for the rate limits; returns whether the request is a create the budget sees
        (reserved when `holds_creates`, which skips when the budget is spent)."""
        operation_id = self.index.operation_id(method, url)
        creates = self.budget is not None and operation_id in self.create_operations
        if creates and self.holds_creates:
            assert self.budget is not None
            self.budget.reserve()
        try:
            if self.pacer is not None:
                self.pacer.acquire(method, operation_id)
        except BaseException:
            self.after(creates, None)
            raise
        return creates

    def after(self, creates: bool, status: int | None) -> None:
        if not creates:
            return
        assert self.budget is not None
        created = status is not None and 200 <= status < 300
        if self.holds_creates:
            self.budget.settle(created=created)
        elif created:
            self.budget.record_created()


class _GuardedTransport(httpx.BaseTransport):
    """httpx transport that passes every request through the guard; shared, so close() waits."""

    def __init__(self, inner: httpx.BaseTransport, guard: RequestGuard | None) -> None:
        self._inner = inner
        self._guard = guard
        # The last request sent, for a failure message to reproduce (`reproduction`).
        self.last_request: httpx.Request | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.last_request = request
        if self._guard is None:
            return self._inner.handle_request(request)
        creates = self._guard.before(request.method, str(request.url))
        status = None
        try:
            response = self._inner.handle_request(request)
            status = response.status_code
            return response
        finally:
            self._guard.after(creates, status)

    def close(self) -> None:
        """Clients that share this transport close it when they close: keep serving."""

    def shutdown(self) -> None:
        self._inner.close()


class _GuardedAdapter(requests.adapters.HTTPAdapter):
    """requests adapter that passes every request through the guard."""

    def __init__(self, guard: RequestGuard) -> None:
        super().__init__()
        self._guard = guard

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        creates = self._guard.before(str(request.method), str(request.url))
        status = None
        try:
            response = super().send(request, *args, **kwargs)
            status = response.status_code
            return response
        finally:
            self._guard.after(creates, status)


def _latin1(text: str | bytes) -> bytes:
    """A header name or value as the octets HTTP/1.1 carries."""
    return text if isinstance(text, bytes) else text.encode("latin-1")


class InProcessAdapter(requests.adapters.HTTPAdapter):
    """A requests adapter that answers by calling an ASGI app in this thread.

    schemathesis' own ASGI client runs the app on an event loop in another thread and waits for
    each answer; calling it here, on a loop of our own, measured a third cheaper per request and
    keeps the two xdist workers from trading thread wake-ups on two cores. Bodies are whole in
    memory both ways; the client address is 127.0.0.1.
    """

    def __init__(self, app: Any) -> None:
        super().__init__()
        self._app = app
        self._loop = asyncio.new_event_loop()

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        url = urlsplit(str(request.url))
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = [
            (_latin1(name).lower(), _latin1(value)) for name, value in request.headers.items()
        ]
        if "host" not in request.headers:
            headers.insert(0, (b"host", url.netloc.encode("latin-1")))
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": request.method,
            "scheme": url.scheme,
            "path": unquote(url.path),
            "raw_path": url.path.encode("latin-1"),
            "query_string": url.query.encode("latin-1"),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 50000),
            "server": (url.hostname, url.port or 80),
        }
        received = False
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            nonlocal received
            if received:
                return {"type": "http.disconnect"}
            received = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        self._loop.run_until_complete(self._app(scope, receive, send))
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(b"" if request.method == "HEAD" else b"".join(chunks)),
            headers=urllib3.HTTPHeaderDict(
                [
                    (name.decode("latin-1"), value.decode("latin-1"))
                    for name, value in start.get("headers", [])
                ]
            ),
            status=start["status"],
            version=11,
            preload_content=False,
            decode_content=False,
        )
        return self.build_response(request, raw)

    def close(self) -> None:
        self._loop.close()


def _cookieless_session(*, trust_env: bool) -> requests.Session:
    """A session that stores no cookie it is sent (the API is not cookie-based)."""
    session = requests.Session()
    session.trust_env = trust_env
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return session


class Connections:
    """The pooled clients of one target."""

    def __init__(
        self, base_url: str, guard: RequestGuard | None = None, *, app: Any = None
    ) -> None:
        self.base_url = base_url
        self.guard = guard
        # A local ASGI app (the suite's own emulator) is also reachable in-process; nothing from
        # the environment (proxies, .netrc) applies to a local target.
        local = app is not None
        # Plain HTTP (the local emulator) needs no TLS context; https gets one, once.
        verify = base_url.startswith("https://")
        self.transport = _GuardedTransport(httpx.HTTPTransport(verify=verify), guard)
        self.http = httpx.Client(transport=self.transport, timeout=30, trust_env=not local)
        self.session = requests.Session()
        self.session.trust_env = not local
        if guard is not None:
            guarded = _GuardedAdapter(guard)
            self.session.mount("http://", guarded)
            self.session.mount("https://", guarded)
        self.in_process: requests.Session | None = None
        if app is not None:
            self.in_process = _cookieless_session(trust_env=False)
            in_process = InProcessAdapter(app)
            self.in_process.mount("http://", in_process)
            self.in_process.mount("https://", in_process)
        # Where ignored_auth's probes go (see `sessionless_requests_through`): in-process to the
        # app when there is one; else a session of their own, paced like everything else, counted
        # against the create budget only if a probe did create, and keeping no cookies, so that
        # each probe carries nothing but what schemathesis gave it.
        self.probes = self.in_process or self._probe_session(guard, trust_env=not local)

    @staticmethod
    def _probe_session(guard: RequestGuard | None, *, trust_env: bool) -> requests.Session:
        session = _cookieless_session(trust_env=trust_env)
        if guard is not None:
            paced = _GuardedAdapter(dataclasses.replace(guard, holds_creates=False))
            session.mount("http://", paced)
            session.mount("https://", paced)
        return session

    def schemathesis_kwargs(self, *, in_process: bool) -> dict[str, Any]:
        """What `case.call` needs to send a case through these connections: in-process to the
        app when asked and there is one, else over HTTP on the pooled session."""
        if in_process and self.in_process is not None:
            # schemathesis sends through it as through any session (checks that re-send a case
            # reuse it too; ignored_auth's probes see `sessionless_requests_through`).
            return {"session": self.in_process}
        return {"session": self.session}

    def close(self) -> None:
        self.http.close()
        self.transport.shutdown()
        self.session.close()
        self.probes.close()  # the in-process session, when there is one


def carries_no_credentials(session: requests.Session) -> bool:
    """Whether `session` adds nothing of the caller's to a request: no auth, no cookies, only
    requests' own default headers (what every `requests.Session()` of this suite keeps)."""
    return (
        session.auth is None
        and not session.cookies
        and dict(session.headers) == dict(requests.utils.default_headers())
    )


@contextmanager
def sessionless_requests_through(session: requests.Session, base_url: str) -> Iterator[None]:
    """While open, schemathesis' requests to `base_url` that come without a session go through
    `session`.

    schemathesis 4.32's ignored_auth check drops the run's session from its probes (a session can
    carry credentials) and sends each through a new `requests.Session`: a new connection per probe
    (a quarter of the stateful layer's time on the emulator, a new TLS handshake on a deployment)
    that the pacer never sees. The suite's probe session carries no credentials, which
    `carries_no_credentials` checks before each such request is handed to it; were it ever to
    carry some, schemathesis would keep its fresh session, with a warning. Requests to another
    server are left alone, and so, once the run closes this, is the rest of the process
    (schemathesis' transport is one object for the whole process).
    """
    from schemathesis.transport.requests import REQUESTS_TRANSPORT

    transport: Any = REQUESTS_TRANSPORT
    send = type(transport).send
    prefix = base_url.rstrip("/")
    warned = False

    def send_through_the_targets_session(
        case: Any, *, session: requests.Session | None = None, **kwargs: Any
    ) -> Any:
        nonlocal warned
        url = str(kwargs.get("base_url") or case.operation.base_url or "")
        if session is None and (url == prefix or url.startswith(prefix + "/")):
            if carries_no_credentials(routed):
                session = routed
            elif not warned:
                warned = True
                warnings.warn(
                    "the contract suite's probe session holds credentials or cookies; "
                    "ignored_auth's probes go through new sessions, unpaced",
                    stacklevel=2,
                )
        return send(transport, case, session=session, **kwargs)

    routed = session
    previous = vars(transport).get("send")
    transport.send = send_through_the_targets_session
    try:
        yield
    finally:
        if previous is None:
            del transport.send
        else:
            transport.send = previous
