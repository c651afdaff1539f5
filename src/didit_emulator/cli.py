"""`didit-emulator`: serve the emulator with uvicorn.

    didit-emulator [--host 127.0.0.1] [--port 8790] [--config emulator.toml] [--log-level info]
                   [--read-timeout 10] [--limit-concurrency N] [--no-access-log]
                   [--trusted-proxies 10.0.0.5,10.0.0.6]

The server is built by `didit_emulator.server` (uvloop, httptools, a read deadline and a cap on
connections). SIGINT / SIGTERM stop it gracefully: uvicorn stops accepting connections, lets
requests in flight finish (up to `--graceful-timeout` seconds), then exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import signal
import sys
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from .app import create_app
from .config import ConfigError, load_config
from .server import ServerSettings, build_server, default_limit_concurrency

__all__ = ["main"]

logger = logging.getLogger("didit_emulator")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="didit-emulator", description="Serve the local, stateful Didit emulator."
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8790, help="port to listen on (8790)")
    parser.add_argument(
        "--config", default=None, help="TOML configuration file (default: the built-in one)"
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="log level (info)",
    )
    parser.add_argument(
        "--graceful-timeout",
        type=_positive(float),
        default=ServerSettings.graceful_timeout,
        help="seconds to let requests in flight finish on shutdown (%(default)g)",
    )
    parser.add_argument(
        "--read-timeout",
        type=_positive(float),
        default=ServerSettings.read_timeout,
        help="seconds a client has to send a whole request (line, headers and body) before its "
        "connection is closed (%(default)g)",
    )
    parser.add_argument(
        "--limit-concurrency",
        type=_positive(int),
        default=default_limit_concurrency(),
        help="connections open at once; beyond it requests are answered 503 (%(default)s here: "
        "the lower of 1000 and half the open-file limit)",
    )
    parser.add_argument(
        "--trusted-proxies",
        default=None,
        metavar="ADDRESSES",
        help="comma-separated addresses or networks of proxies in front of the emulator whose "
        "X-Forwarded-For / X-Forwarded-Proto are believed, or '*' for any (default: none; "
        "without it a client cannot choose the address it is rate-limited as)",
    )
    parser.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="log one JSON line per request (on)",
    )
    return parser


def _positive(kind: Callable[[str], float]) -> Callable[[str], Any]:
    def parse(text: str) -> Any:
        value = kind(text)
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text}")
        return value

    parse.__name__ = kind.__name__  # argparse names the expected type in its error message
    return parse


def settings_from(args: argparse.Namespace) -> ServerSettings:
    """The server settings the command line asks for."""
    return ServerSettings(
        host=args.host,
        port=args.port,
        read_timeout=args.read_timeout,
        limit_concurrency=args.limit_concurrency,
        graceful_timeout=args.graceful_timeout,
        trusted_proxies=args.trusted_proxies,
    )


def main(argv: Sequence[str] | None = None) -> int:
    from .logs import configure_logging

    args = _parser().parse_args(argv)
    configure_logging(args.log_level)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        logger.error("invalid configuration: %s", exc)
        return 2
    settings = settings_from(args)
    app = create_app(config, access_log=args.access_log)
    for application in config.applications:
        logger.info(
            "application",
            extra={
                "application": application.name,
                "application_id": application.id,
                "workflows": [
                    {"id": w.id, "name": w.name, "kind": w.kind} for w in application.workflows
                ],
            },
        )
    server = build_server(app, settings)
    # What exists now (the spec, its compiled validators, the app) lives as long as the process:
    # frozen out of the cyclic collector, whose passes then walk only what requests create.
    gc.collect()
    gc.freeze()
    # uvicorn handles SIGINT / SIGTERM itself (stop accepting, finish requests in flight) and
    # re-raises the signal once it has stopped; these handlers turn that into a clean exit.
    signal.signal(signal.SIGTERM, _stopped_by_signal)
    logger.info("serving", extra={"url": f"http://{args.host}:{args.port}"})
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
    logger.info("stopped")
    return 0


def _stopped_by_signal(signum: int, frame: FrameType | None) -> None:
    """Runs only after uvicorn's graceful shutdown has re-raised SIGTERM: nothing left to do."""


if __name__ == "__main__":
    sys.exit(main())
