"""`didit-emulator`: serve the emulator with uvicorn.

    didit-emulator [--host 127.0.0.1] [--port 8790] [--config emulator.toml] [--log-level info]

SIGINT / SIGTERM stop it gracefully: uvicorn stops accepting connections, lets requests in flight
finish (up to `--graceful-timeout` seconds), then exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
from collections.abc import Sequence
from types import FrameType

import uvicorn

from .app import create_app
from .config import ConfigError, load_config

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
        type=float,
        default=5.0,
        help="seconds to let requests in flight finish on shutdown (5)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .logs import configure_logging

    args = _parser().parse_args(argv)
    configure_logging(args.log_level)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        logger.error("invalid configuration: %s", exc)
        return 2
    app = create_app(config)
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
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=args.host,
            port=args.port,
            log_config=None,
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=args.graceful_timeout,
            server_header=False,
        )
    )
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
