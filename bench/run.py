"""`make bench`: the emulator's throughput and latency next to Prism's and a bare-Starlette floor's.

Issue 13 asks how fast the emulator serves compared with two baselines measured in the same run:
Stoplight Prism mocking the same openapi.yaml (stateless, static examples) and a floor, a bare
Starlette app under the same uvicorn settings answering with bytes captured from the emulator
(`bench/floor.py`), so the gap to it is the emulator's own work. Speed is printed, never asserted:
the run fails only when a server does not start or answers with errors.

Each mix is the same requests against all three servers, driven by wrk (`bench/wrk.lua`) pinned to
core 0 while the server runs alone on core 1; the servers take turns round by round (interleaved,
the order rotating) so that the machine's other load falls on all of them alike. The mixes:

- decision read: `GET /v3/session/{id}/decision/` of an approved session;
- list at N sessions (1,000 and 50,000 by default): `GET /v3/sessions/` (page 1) of an
  application holding N sessions, seeded through the API; the same page over and over, which the
  emulator answers from the page it kept (what a polling dashboard gets);
- list pages at N sessions: the same list read page after page (`limit` at its default, the
  `offset` moving on with every request), so that no read finds its page kept;
- share + import: `POST /v3/session/{id}/share/` of a finished session, then the partner's
  `POST /v3/session/import-shared/` of the token it got (both requests count);
- session create: `POST /v3/session/` (last, as it grows the emulator's state).

The list mixes of every size are measured together: each size has a lister application of its
own, all seeded before the first list is read, and their runs take turns within each round, so
that the list at 50,000 sessions and the list at 1,000 are measured seconds apart (and the list
at 1,000 while another application holds 50,000 sessions).

The emulator runs its installed CLI with a configuration generated here (`reports/bench/
emulator.toml`: the default applications, a lister per list size and the share partners, rate
limits off) and `--log-level warning --no-access-log`. Prism runs `prism mock` with logging
silenced.

Settings come from the environment: BENCH_DURATION (10s), BENCH_ROUNDS (3), BENCH_WARMUP (2s, 0
for none), BENCH_CONNECTIONS (32), BENCH_LIST_SIZES (1000,50000). `--smoke` (what `make
bench-smoke` and CI run) only proves the bench works: 1 s runs, one round, lists of 50 and 500.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

from didit_spec import Operation, didit_document, operations

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
EMULATOR_CLI = VENV_BIN / "didit-emulator"
PRISM_CLI = ROOT / "node_modules" / ".bin" / "prism"
FLOOR_APP = ROOT / "bench" / "floor.py"
WRK_SCRIPT = ROOT / "bench" / "wrk.lua"
DEFAULT_CONFIG = ROOT / "src" / "didit_emulator" / "default_config.toml"
SPEC = ROOT / "openapi.yaml"

CLIENT_CORE = "0"  # wrk and this script
SERVER_CORE = "1"  # the server being measured
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
START_TIMEOUT_S = 60.0
WRK_TIMEOUT = "30s"  # a slow list must be measured, not counted as a timeout error
PARTNERS = 100  # share partners: each finished session can be imported once by each of them
SHARE_CEILING_RPS = 6000.0  # no server here exceeds it; sizes the pool of (session, partner) pairs
SEED_THREADS = 8
SEED_CONNECTIONS = 4  # enough to keep the emulator busy
SEED_OVERSHOOT = 4 * SEED_CONNECTIONS  # more than wrk can send after it was told to stop
SEED_DURATION = "30m"  # an upper bound: seeding stops once it has created what it was asked for
# Response headers that belong to the connection or the moment, not to the captured response.
UNCAPTURED_HEADERS = frozenset(
    {"date", "server", "content-length", "connection", "keep-alive", "transfer-encoding"}
)
SERVERS = ("emulator", "prism", "floor")


class BenchError(Exception):
    """A server did not start or answered with errors: the run has no valid numbers."""


# --- settings -----------------------------------------------------------------------------------


def _seconds(duration: str) -> float:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([smh]?)", duration.strip())
    if match is None:
        raise BenchError(f"not a wrk duration (like 10s or 2m): {duration!r}")
    return float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600}[match[2]]


@dataclass(frozen=True)
class Settings:
    duration: str
    rounds: int
    warmup: str
    connections: int
    list_sizes: tuple[int, ...]
    work_dir: Path

    @classmethod
    def from_environment(cls, smoke: bool) -> Settings:
        env = os.environ
        settings = cls(
            duration=env.get("BENCH_DURATION", "1s" if smoke else "10s"),
            rounds=int(env.get("BENCH_ROUNDS", "1" if smoke else "3")),
            warmup=env.get("BENCH_WARMUP", "0" if smoke else "2s"),
            connections=int(env.get("BENCH_CONNECTIONS", "32")),
            list_sizes=tuple(
                int(size)
                for size in env.get("BENCH_LIST_SIZES", "50,500" if smoke else "1000,50000")
                .replace("_", "")
                .split(",")
            ),
            work_dir=ROOT / "reports" / ("bench-smoke" if smoke else "bench"),
        )
        if settings.rounds < 1 or settings.connections < 1 or min(settings.list_sizes) < 1:
            raise BenchError("BENCH_ROUNDS, BENCH_CONNECTIONS and BENCH_LIST_SIZES must be >= 1")
        if list(settings.list_sizes) != sorted(set(settings.list_sizes)):
            raise BenchError("BENCH_LIST_SIZES must increase: the list is seeded up step by step")
        _seconds(settings.duration)
        _seconds(settings.warmup)
        return settings

    @property
    def emulator_seconds_per_mix(self) -> float:
        return self.rounds * _seconds(self.duration) + _seconds(self.warmup)


# --- the emulator's configuration ---------------------------------------------------------------


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value)  # an ASCII JSON string is a TOML basic string
    if isinstance(value, bool | int):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise BenchError(f"cannot write {value!r} to TOML")


def _bench_uuid(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:didit-bench:{name}"))


def _bench_application(name: str, workflow: Mapping[str, Any]) -> dict[str, Any]:
    slug = name.lower().replace(" ", "-")
    return {
        "name": name,
        "id": _bench_uuid(f"{slug}/application"),
        "api_key": f"test_bench_{slug}_key",
        "client_id": f"bench-{slug}-client",
        "client_secret": f"bench-{slug}-client-secret",
        "workflows": [{**workflow, "id": _bench_uuid(f"{slug}/workflow")}],
    }


@dataclass(frozen=True)
class BenchConfig:
    """The applications of the bench's emulator; `toml` is the file `--config` reads."""

    source: Mapping[str, Any]  # default application whose sessions are read and shared
    listers: Mapping[int, Mapping[str, Any]]  # one application per list size, holding that many
    partners: tuple[Mapping[str, Any], ...]
    toml: str

    @classmethod
    def generate(cls, list_sizes: Sequence[int]) -> BenchConfig:
        defaults = tomllib.loads(DEFAULT_CONFIG.read_text(encoding="utf-8"))
        applications: list[Mapping[str, Any]] = list(defaults["applications"])
        source = applications[0]
        user_workflow = _user_workflow(source)
        listers = {size: _bench_application(f"Lister {size}", user_workflow) for size in list_sizes}
        partners = tuple(
            _bench_application(f"Partner {n:02d}", user_workflow) for n in range(PARTNERS)
        )
        lines = [
            "# Generated by bench/run.py: the default applications, the bench's listers (one per",
            "# list size) and share partners, and no rate limits (every request must be served).",
            "[rate_limits]",
            "enabled = false",
        ]
        for application in [*applications, *listers.values(), *partners]:
            lines += ["", "[[applications]]"]
            lines += [f"{k} = {_toml_value(v)}" for k, v in application.items() if k != "workflows"]
            for workflow in application.get("workflows", []):
                lines += ["", "[[applications.workflows]]"]
                lines += [f"{k} = {_toml_value(v)}" for k, v in workflow.items()]
        return cls(source, listers, partners, "\n".join(lines) + "\n")


def _user_workflow(application: Mapping[str, Any]) -> Mapping[str, Any]:
    for workflow in application["workflows"]:
        if workflow["kind"] == "user":
            return dict(workflow)
    raise BenchError(f"application {application['name']!r} has no user workflow")


# --- servers ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    name: str
    command: list[str]
    log: Path
    probe: str  # a path that answers (any status) once the server is up
    port: int = field(default_factory=_free_port)
    process: subprocess.Popen[bytes] | None = None
    ready: bool = False

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        """Starts the server on any core (the three start up faster side by side)."""
        command = [part.replace("{port}", str(self.port)) for part in self.command]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - fixed commands of this repository
                command, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True
            )

    def pin(self) -> None:
        """Moves every thread of the started server to SERVER_CORE (new ones inherit it)."""
        assert self.process is not None
        for _ in range(2):  # again, for a thread started while the first pass ran
            for task in Path(f"/proc/{self.process.pid}/task").iterdir():
                with contextlib.suppress(ProcessLookupError):
                    os.sched_setaffinity(int(task.name), {int(SERVER_CORE)})

    def ensure_ready(self) -> None:
        """Waits until `GET probe` gets any HTTP answer (failing if the process exits first or
        START_TIMEOUT_S passes), then pins the server to its core."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.ready:
            if self.process is None or self.process.poll() is not None:
                raise BenchError(f"{self.name} exited on start:\n{self._log_tail()}")
            if time.monotonic() > deadline:
                raise BenchError(f"{self.name} did not answer within {START_TIMEOUT_S:.0f} s")
            try:
                httpx.get(self.url + self.probe, timeout=2.0)
            except httpx.TransportError:
                time.sleep(0.2)
            else:
                self.pin()
                self.ready = True

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used so far, all threads (/proc/<pid>/stat)."""
        assert self.process is not None
        stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()  # from field 3, `state`, on
        utime, stime = int(fields[14 - 3]), int(fields[15 - 3])
        return (utime + stime) / CLOCK_TICKS

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])


# --- the requests -------------------------------------------------------------------------------


def _operation(operation_id: str) -> Operation:
    for operation in operations():
        if operation.operation_id == operation_id:
            return operation
    raise BenchError(f"openapi.yaml has no operation {operation_id!r}")


def _parameter_default(operation: Operation, name: str) -> int:
    """The spec's default of one of the operation's integer query parameters."""
    document = didit_document()
    _, schema = document.resolve(document.parameter_schema(operation.operation_id, name))
    return int(schema["default"])


def _api_key_header(operation: Operation) -> str:
    for scheme in operation.security:
        if scheme.kind == "api_key":
            return scheme.header
    raise BenchError(f"{operation.operation_id} takes no API key")


@dataclass(frozen=True)
class Call:
    """One request of a mix, and the route template the floor answers it on."""

    operation: Operation
    api_key: str
    path: str
    body: Mapping[str, Any] | None = None

    @property
    def headers(self) -> dict[str, str]:
        headers = {_api_key_header(self.operation): self.api_key}
        if self.body is not None:
            headers["Content-Type"] = "application/json"
        return headers

    @property
    def body_text(self) -> str:
        return "" if self.body is None else json.dumps(self.body)

    def send(self, client: httpx.Client) -> httpx.Response:
        return client.request(
            self.operation.method.upper(),
            self.path,
            headers=self.headers,
            content=self.body_text or None,
        )


def _captured_route(call: Call, response: httpx.Response) -> dict[str, Any]:
    """What the floor answers on `call`'s route: the emulator's response, byte for byte."""
    if not response.is_success:
        raise BenchError(
            f"emulator answered {call.operation.label} with {response.status_code}: "
            f"{response.text[:300]}"
        )
    return {
        "method": call.operation.method.upper(),
        "path": call.operation.path,
        "status": response.status_code,
        "headers": {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in UNCAPTURED_HEADERS
        },
        "body": response.text,
    }


def _static_environment(call: Call) -> dict[str, str]:
    """wrk.lua's settings to send `call` over and over."""
    return {
        "BENCH_MODE": "static",
        "BENCH_METHOD": call.operation.method.upper(),
        "BENCH_PATH": call.path,
        "BENCH_HEADERS": "\n".join(f"{k}: {v}" for k, v in call.headers.items()),
        "BENCH_BODY": call.body_text,
    }


@dataclass(frozen=True)
class Mix:
    """The same requests for every server: `calls[0]` over and over, or share + import from `pool`.

    `calls` are also what `check` sends once to each server before it is measured (a share, then
    the import of the token it returned): a server that refuses them fails the run, and Prism
    builds each operation's answer lazily on its first call (over a second for an import).
    """

    name: str
    floor_routes: list[dict[str, Any]]
    calls: tuple[Call, ...]
    pool: Path | None = None
    pool_pairs: int = 0  # the (session, partner) pairs in `pool`
    # With `pages`, `calls[0]` is sent with ?limit=page_size&offset=... going through the pages.
    pages: int = 0
    page_size: int = 0

    def environment(self, offset: int) -> dict[str, str]:
        if self.pool is not None:
            return {
                "BENCH_MODE": "share_import",
                "BENCH_POOL": str(self.pool),
                "BENCH_OFFSET": str(offset),
            }
        if self.pages:
            return {
                **_static_environment(self.calls[0]),
                "BENCH_MODE": "pages",
                "BENCH_PAGES": str(self.pages),
                "BENCH_PAGE_SIZE": str(self.page_size),
            }
        return _static_environment(self.calls[0])

    def check(self, server: str, base_url: str) -> None:
        token: str | None = None
        with httpx.Client(base_url=base_url, timeout=60.0) as client:
            for call in self.calls:
                if token is not None and call.body is not None and "share_token" in call.body:
                    call = replace(call, body={**call.body, "share_token": token})
                response = call.send(client)
                if not response.is_success:
                    raise BenchError(
                        f"{server} answered {call.operation.label} ({self.name}) with "
                        f"{response.status_code}: {response.text[:300]}"
                    )
                if call.operation.operation_id == "share_session":
                    token = response.json()["share_token"]


class EmulatorDriver:
    """Seeds the emulator and captures its answers, over HTTP (the API and the control surface)."""

    def __init__(self, base_url: str, config: BenchConfig, settings: Settings) -> None:
        self.base_url = base_url
        self.config = config
        self.settings = settings
        self.client = httpx.Client(base_url=base_url, timeout=60.0)
        self.create = _operation("create_session")
        self.decision = _operation("get_session_decision")
        self.list = _operation("list_sessions")
        self.share = _operation("share_session")
        self.import_shared = _operation("import_shared_session")

    def create_call(self, application: Mapping[str, Any]) -> Call:
        # No vendor_data: with it, an unfinished session of the same workflow and vendor_data is
        # returned again instead of a new one being created.
        body = {"workflow_id": _user_workflow(application)["id"]}
        return Call(self.create, application["api_key"], self.create.path, body)

    def _created(self, client: httpx.Client, call: Call) -> str:
        response = call.send(client)
        if response.status_code != 201:
            raise BenchError(f"seeding: create answered {response.status_code}: {response.text}")
        session_id: str = response.json()["session_id"]
        return session_id

    def finished_session(self, client: httpx.Client | None = None) -> str:
        client = client or self.client
        session_id = self._created(client, self.create_call(self.config.source))
        response = client.post(
            f"/_emulator/sessions/{session_id}/complete", json={"outcome": "approved"}
        )
        if not response.is_success:
            raise BenchError(f"seeding: complete answered {response.status_code}: {response.text}")
        return session_id

    def _in_parallel(self, count: int, task: Callable[[httpx.Client], str]) -> list[str]:
        """`count` calls of `task`, spread over SEED_THREADS keep-alive connections."""
        if count <= 0:
            return []
        shares = [count // SEED_THREADS + (i < count % SEED_THREADS) for i in range(SEED_THREADS)]

        def worker(share: int) -> list[str]:
            with httpx.Client(base_url=self.base_url, timeout=60.0) as client:
                return [task(client) for _ in range(share)]

        with ThreadPoolExecutor(SEED_THREADS) as pool:
            return [item for batch in pool.map(worker, shares) for item in batch]

    def list_call(self, size: int) -> Call:
        return Call(self.list, self.config.listers[size]["api_key"], self.list.path)

    def seed_list(self, size: int) -> None:
        """Creates sessions of the lister of `size` until it holds `size`: most through wrk, which
        stops within SEED_OVERSHOOT of `size` (requests in flight when it stops), the rest one by
        one."""
        call = self.create_call(self.config.listers[size])
        if (bulk := size - self.list_count(size) - SEED_OVERSHOOT) > 0:
            environment = {
                **_static_environment(call),
                "BENCH_MODE": "seed",
                "BENCH_LIMIT": str(bulk),
            }
            stop_file = self.settings.work_dir / "seeded"
            run = wrk(self.base_url, SEED_DURATION, SEED_CONNECTIONS, environment, stop_file)
            if run.error_count:
                raise BenchError(f"seeding the list: errors {dict(run.errors)}")
        for _ in range(size - self.list_count(size)):
            self._created(self.client, call)
        if (count := self.list_count(size)) != size:
            raise BenchError(f"seeding: the lister of {size:,} holds {count} sessions")

    def list_count(self, size: int) -> int:
        call = self.list_call(size)
        response = self.client.get(call.path, headers=call.headers, params={"page_size": 1})
        if response.status_code != 200:
            raise BenchError(f"list answered {response.status_code}: {response.text}")
        count: int = response.json()["count"]
        return count

    def decision_mix(self) -> Mix:
        session_id = self.finished_session()
        path = self.decision.path.replace("{sessionId}", session_id)
        call = Call(self.decision, self.config.source["api_key"], path)
        return Mix("decision read", [_captured_route(call, call.send(self.client))], (call,))

    def list_mix(self, size: int) -> Mix:
        call = self.list_call(size)
        route = _captured_route(call, call.send(self.client))
        return Mix(f"list at {size:,} sessions", [route], (call,))

    def list_pages_mix(self, size: int) -> Mix:
        """The list of `size` sessions read page after page (`limit` at the spec's default, the
        offset moving on with every request): no two reads in a row ask for the same page."""
        call = self.list_call(size)
        route = _captured_route(call, call.send(self.client))
        page_size = _parameter_default(self.list, "limit")
        pages = math.ceil(size / page_size)
        return Mix(
            f"list pages at {size:,} sessions", [route], (call,), pages=pages, page_size=page_size
        )

    def create_mix(self) -> Mix:
        call = self.create_call(self.config.source)
        return Mix("session create", [_captured_route(call, call.send(self.client))], (call,))

    def share_import_mix(self, pairs: int, pool_file: Path) -> Mix:
        partners = self.config.partners
        sessions = self._in_parallel(math.ceil(pairs / len(partners)), self.finished_session)
        # One more finished session, outside the pool, for the floor's captured answers.
        share = Call(
            self.share,
            self.config.source["api_key"],
            self.share.path.replace("{sessionId}", self.finished_session()),
            {"for_application_id": partners[0]["id"]},
        )
        shared = share.send(self.client)
        share_route = _captured_route(share, shared)
        imported = Call(
            self.import_shared,
            partners[0]["api_key"],
            self.import_shared.path,
            {
                "share_token": shared.json()["share_token"],
                "trust_review": True,
                "workflow_id": partners[0]["workflows"][0]["id"],
            },
        )
        import_route = _captured_route(imported, imported.send(self.client))
        lines = [
            f"path {self.share.path}",
            f"import {self.import_shared.path}",
            f"key_header {_api_key_header(self.share)}",
            f"source {self.config.source['api_key']}",
        ]
        lines += [f"session {session_id}" for session_id in sessions]
        lines += [f"partner {p['id']} {p['api_key']} {p['workflows'][0]['id']}" for p in partners]
        pool_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        pool_pairs = len(sessions) * len(partners)
        return Mix(
            "share + import", [share_route, import_route], (share, imported), pool_file, pool_pairs
        )


# --- measuring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One wrk run against one server."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: Mapping[str, int]
    next_pair: int
    server_cpu_seconds: float = 0.0  # what the server process used during the run

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_us_per_request(self) -> float:
        return self.server_cpu_seconds / self.requests * 1e6 if self.requests else math.nan

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def wrk(
    url: str,
    duration: str,
    connections: int,
    environment: Mapping[str, str],
    stop_file: Path | None = None,
) -> Run:
    """One wrk run; with `stop_file`, interrupted (SIGINT: it still reports) once that exists."""
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{duration}", "--timeout", WRK_TIMEOUT,
        "-s", str(WRK_SCRIPT), url,
    ]  # fmt: skip
    if stop_file is not None:
        stop_file.unlink(missing_ok=True)
        environment = {**environment, "BENCH_STOP_FILE": str(stop_file)}
    with subprocess.Popen(  # noqa: S603 - wrk with our own script and a loopback URL
        ["taskset", "-c", CLIENT_CORE, *command],  # noqa: S607 - util-linux, on PATH
        env={**os.environ, **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        while stop_file is not None and process.poll() is None and not stop_file.exists():
            time.sleep(0.1)
        if process.poll() is None and stop_file is not None:
            process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate()
    result = next((line for line in stdout.splitlines() if line.startswith("BENCH_RESULT ")), None)
    if process.returncode != 0 or result is None:
        raise BenchError(f"wrk failed ({process.returncode}): {stderr or stdout}")
    data = json.loads(result.removeprefix("BENCH_RESULT "))
    error_kinds = ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    return Run(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1e3,
        p99_ms=data["p99_us"] / 1e3,
        errors={kind: data[kind] for kind in error_kinds if data[kind]},
        next_pair=data["next_pair"],
    )


@dataclass
class Bench:
    settings: Settings
    servers: Mapping[str, Server]
    floor_client: httpx.Client
    results: dict[str, dict[str, list[Run]]] = field(default_factory=dict)
    captured: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # the floor's answers
    failures: list[str] = field(default_factory=list)
    pair_offset: int = 0  # the next (session, partner) pair the emulator has not imported
    floor_serves: str | None = None  # the mix whose responses the floor answers with

    def measure(self, *mixes: Mix) -> None:
        """Every mix against every server: a warm-up run each, then rounds in which each mix
        runs once on each server, the servers' order rotating from round to round. Mixes measured
        together take turns within each round, so that a ratio between them (the list at 50,000
        sessions over the list at 1,000) compares runs seconds apart, not minutes."""
        names = list(SERVERS)
        for name in names:
            self.servers[name].ensure_ready()
        for mix in mixes:
            self.captured[mix.name] = mix.floor_routes
            for name in names[1:]:  # the emulator has answered these calls: they were captured
                if name == "floor":
                    self._serve_on_floor(mix)
                mix.check(name, self.servers[name].url)
        print("", end="", flush=True)
        if _seconds(self.settings.warmup) > 0:
            for mix in mixes:
                for name in names:
                    self._run(mix, name, self.settings.warmup)
        runs = {mix.name: {name: list[Run]() for name in names} for mix in mixes}
        for round_index in range(self.settings.rounds):
            order = names[round_index % len(names) :] + names[: round_index % len(names)]
            for mix in mixes:
                for name in order:
                    runs[mix.name][name].append(self._run(mix, name, self.settings.duration))
            print(".", end="", flush=True)
        print()
        self.results.update(runs)

    def _serve_on_floor(self, mix: Mix) -> None:
        """The floor answers with `mix`'s captured responses from now on (set between runs)."""
        if self.floor_serves != mix.name:
            response = self.floor_client.post("/_floor/responses", json=mix.floor_routes)
            response.raise_for_status()
            self.floor_serves = mix.name

    def _run(self, mix: Mix, name: str, duration: str) -> Run:
        if name == "floor":
            self._serve_on_floor(mix)
        offset = self.pair_offset if name == "emulator" else 0
        server = self.servers[name]
        cpu_before = server.cpu_seconds()
        run = wrk(server.url, duration, self.settings.connections, mix.environment(offset))
        run = replace(run, server_cpu_seconds=server.cpu_seconds() - cpu_before)
        if name == "emulator" and mix.pool is not None:
            self.pair_offset = run.next_pair
        if run.requests == 0 or run.error_count:
            exhausted = (
                name == "emulator" and mix.pool is not None and self.pair_offset > mix.pool_pairs
            )
            hint = " (the share pool ran out: raise SHARE_CEILING_RPS)" if exhausted else ""
            self.failures.append(
                f"{mix.name} / {name}: {run.requests} requests, errors {dict(run.errors)}{hint}"
            )
        return run


# --- report -------------------------------------------------------------------------------------


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def report(bench: Bench, context: Sequence[str]) -> dict[str, Any]:
    summary: dict[str, Any] = {"context": list(context), "mixes": {}}
    print()
    for line in context:
        print(line)
    print(
        "\nMedians over the rounds; req/s counts every request (share + import: both).\n"
        "CPU us/req is the server's CPU time per request: it depends far less than req/s on how\n"
        "much of its core the server got while other processes used the machine.\n"
        f"{'mix':<24} {'server':<9} {'req/s':>9} {'(min-max)':>17} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'CPU us/req':>11}"
    )
    for mix_name, runs in bench.results.items():
        medians: dict[str, float] = {}
        mix_summary: dict[str, Any] = {}
        for server, server_runs in runs.items():
            rates = [run.rps for run in server_runs]
            medians[server] = _median(rates)
            mix_summary[server] = {
                "rps": medians[server],
                "rps_min": min(rates),
                "rps_max": max(rates),
                "p50_ms": _median([run.p50_ms for run in server_runs]),
                "p99_ms": _median([run.p99_ms for run in server_runs]),
                "cpu_us_per_request": _median([run.cpu_us_per_request for run in server_runs]),
                "requests": sum(run.requests for run in server_runs),
            }
            row = mix_summary[server]
            spread = f"({row['rps_min']:,.0f}-{row['rps_max']:,.0f})"
            label = mix_name if server == SERVERS[0] else ""
            print(
                f"{label:<24} {server:<9} {row['rps']:>9,.0f} {spread:>17} "
                f"{row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f} {row['cpu_us_per_request']:>11,.0f}"
            )
        ratios = {
            f"emulator/{other}": medians["emulator"] / medians[other]
            for other in SERVERS[1:]
            if medians.get(other)
        }
        cpu = {server: mix_summary[server]["cpu_us_per_request"] for server in runs}
        cpu_ratios = {
            f"emulator/{other}": cpu[other] / cpu["emulator"]
            for other in SERVERS[1:]
            if cpu["emulator"]
        }
        mix_summary["ratios"] = ratios
        mix_summary["ratios_per_cpu_second"] = cpu_ratios
        print(f"{'':<24} req/s: " + "   ".join(f"{k} {v:.2f}x" for k, v in ratios.items()))
        print(
            f"{'':<24} req per CPU second: "
            + "   ".join(f"{k} {v:.2f}x" for k, v in cpu_ratios.items())
        )
        summary["mixes"][mix_name] = mix_summary
    summary["emulator_list_scaling"] = {}
    print()
    for prefix in ("list at ", "list pages at "):
        lists = [name for name in bench.results if name.startswith(prefix)]
        if len(lists) < 2:
            continue
        first, last = summary["mixes"][lists[0]], summary["mixes"][lists[-1]]
        scale = last["emulator"]["rps"] / first["emulator"]["rps"]
        cpu_scale = first["emulator"]["cpu_us_per_request"] / last["emulator"]["cpu_us_per_request"]
        summary["emulator_list_scaling"][prefix.strip()] = {
            "rps": scale,
            "per_cpu_second": cpu_scale,
        }
        print(
            f"emulator {lists[-1]} / {lists[0]}: {scale:.2f}x req/s, "
            f"{cpu_scale:.2f}x requests per CPU second"
        )
    return summary


# --- main ---------------------------------------------------------------------------------------


def _require_tools() -> None:
    missing = [str(tool) for tool in (EMULATOR_CLI, PRISM_CLI) if not tool.exists()]
    missing += [tool for tool in ("wrk", "taskset") if shutil.which(tool) is None]
    if missing:
        raise BenchError(f"missing {', '.join(missing)}: run `make install bench-deps` first")


def _version(command: Sequence[str]) -> str:
    completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    return (completed.stdout or completed.stderr).strip().splitlines()[0]


def _context(settings: Settings, load_before: str) -> list[str]:
    return [
        f"wrk: {_version(['wrk', '--version'])}; -t1 -c{settings.connections} on core "
        f"{CLIENT_CORE}, servers on core {SERVER_CORE}",
        f"prism: {_version([str(PRISM_CLI), '--version'])} (prism mock openapi.yaml, -v silent)",
        "emulator: didit-emulator --log-level warning --no-access-log (rate limits off); "
        "floor: uvicorn with uvloop and httptools, as the emulator",
        f"runs: {settings.rounds} round(s) of {settings.duration} per server and mix, "
        f"warm-up {settings.warmup}, servers interleaved",
        f"load before: {load_before}",
        f"load after:  {_uptime()}",
    ]


def _uptime() -> str:
    return _version(["uptime"])


@contextlib.contextmanager
def running(servers: Mapping[str, Server]) -> Iterator[None]:
    """Starts the servers and waits for the emulator; the others finish starting while it is
    seeded (`Bench.measure` waits for them)."""
    try:
        for server in servers.values():
            server.start()
        os.sched_setaffinity(0, {int(CLIENT_CORE)})  # this script (and so wrk) from now on
        servers["emulator"].ensure_ready()
        yield
    finally:
        for server in servers.values():
            server.stop()


def bench(settings: Settings) -> int:
    _require_tools()
    load_before = _uptime()
    settings.work_dir.mkdir(parents=True, exist_ok=True)
    config = BenchConfig.generate(settings.list_sizes)
    config_file = settings.work_dir / "emulator.toml"
    config_file.write_text(config.toml, encoding="utf-8")
    port = "{port}"
    servers = {
        "emulator": Server(
            "emulator",
            [str(EMULATOR_CLI), "--host", HOST, "--port", port, "--config", str(config_file),
             "--log-level", "warning", "--no-access-log"],
            settings.work_dir / "emulator.log",
            "/_emulator/clock",
        ),
        "prism": Server(
            "prism",
            [str(PRISM_CLI), "mock", "-h", HOST, "-p", port, "-v", "silent", str(SPEC)],
            settings.work_dir / "prism.log",
            "/",
        ),
        "floor": Server(
            "floor",
            [str(VENV_BIN / "python"), str(FLOOR_APP), "--host", HOST, "--port", port],
            settings.work_dir / "floor.log",
            "/",
        ),
    }  # fmt: skip
    started = time.monotonic()
    with running(servers), httpx.Client(base_url=servers["floor"].url) as floor_client:
        print(f"emulator up in {time.monotonic() - started:.1f} s; measuring:", flush=True)
        driver = EmulatorDriver(servers["emulator"].url, config, settings)
        run = Bench(settings, servers, floor_client)
        pairs = math.ceil(SHARE_CEILING_RPS / 2 * settings.emulator_seconds_per_mix)
        # Lists first, while the emulator holds little else; create last: it adds sessions. Each
        # list size has its lister application, all seeded first, and the list mixes of every
        # size take turns in the same rounds; the lists of the smaller sizes are so read while
        # another application holds the largest number of sessions.
        prepared = time.monotonic()
        for size in settings.list_sizes:
            driver.seed_list(size)
        lists = [
            mix
            for size in settings.list_sizes
            for mix in (driver.list_mix(size), driver.list_pages_mix(size))
        ]
        names = ", ".join(mix.name for mix in lists)
        print(f"  {names}: seeded in {time.monotonic() - prepared:.1f} s ", end="")
        run.measure(*lists)
        mixes: list[Callable[[], Mix]] = [
            driver.decision_mix,
            partial(driver.share_import_mix, pairs, settings.work_dir / "share-pool.txt"),
            driver.create_mix,
        ]
        for prepare in mixes:
            prepared = time.monotonic()
            mix = prepare()
            print(f"  {mix.name}: seeded in {time.monotonic() - prepared:.1f} s ", end="")
            run.measure(mix)
    summary = report(run, _context(settings, load_before))
    summary["failures"] = run.failures
    summary["seconds"] = time.monotonic() - started
    captured_file = settings.work_dir / "captured-responses.json"
    captured_file.write_text(json.dumps(run.captured, indent=2) + "\n", encoding="utf-8")
    results_file = settings.work_dir / "results.json"
    results_file.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"\n{results_file.relative_to(ROOT)} written; {summary['seconds']:.0f} s in all")
    if run.failures:
        print("\nFAILED: servers answered with errors (the numbers above are not valid):")
        for failure in run.failures:
            print(f"  {failure}")
        return 1
    return 0


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true", help="short runs that only prove it works")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _exit_on_signal)  # so the servers are stopped on the way out
    try:
        return bench(Settings.from_environment(args.smoke))
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
