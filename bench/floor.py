"""The benchmark's floor: a bare Starlette app that answers with bytes captured from the emulator.

`make bench` compares the emulator with this app to see how much of a request's cost is the
emulator's own work and how much is Starlette and uvicorn. It does no validation, keeps no state
and looks nothing up: each route answers with the status, headers and body the emulator gave for
that operation once (captured by `bench/run.py`). It runs under the uvicorn settings of
`didit-emulator` (src/didit_emulator/server.py): uvloop, httptools, no websockets, no lifespan,
no log config, no access log, no server header, no proxy headers. It uses uvicorn's own httptools
protocol: the emulator's subclass of it (read deadlines, JSON errors) is part of what is measured.

    python bench/floor.py --port 8792

`POST /_floor/responses` replaces the routes with a JSON list of
`{"method", "path", "status", "headers", "body"}` (`path` a Starlette route template); the bench
calls it before each mix, never while measuring.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable, Sequence

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

Endpoint = Callable[[Request], Awaitable[Response]]


def _captured(status: int, headers: dict[str, str], body: bytes) -> Endpoint:
    """An endpoint that reads the request body and answers with the captured response."""

    async def endpoint(request: Request) -> Response:
        await request.body()
        return Response(body, status_code=status, headers=headers)

    return endpoint


def create_app() -> Starlette:
    app = Starlette()

    async def replace_responses(request: Request) -> Response:
        routes: list[BaseRoute] = [control]
        for item in json.loads(await request.body()):
            endpoint = _captured(
                int(item["status"]), dict(item["headers"]), str(item["body"]).encode()
            )
            routes.append(Route(str(item["path"]), endpoint, methods=[str(item["method"])]))
        app.router.routes[:] = routes
        return Response(status_code=204)

    control = Route("/_floor/responses", replace_responses, methods=["POST"])
    app.router.routes.append(control)
    return app


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the benchmark's bare-Starlette floor.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8792)
    args = parser.parse_args(argv)
    uvicorn.Server(
        uvicorn.Config(
            create_app(),
            host=args.host,
            port=args.port,
            loop="uvloop",
            http="httptools",
            ws="none",
            lifespan="off",
            log_config=None,
            access_log=False,
            server_header=False,
            proxy_headers=False,
        )
    ).run()


if __name__ == "__main__":
    main()
