"""The emulator's request dispatch: the routing table (`urls.py`) compiled once into one regular
expression per method.

Starlette's router tries each route's regular expression in turn from Python and wraps every
endpoint in two layers of exception handling; on a read that is a large part of what a request
costs (issue 13 measured it against a bare Starlette app). The emulator's table is fixed at
start-up, so it is compiled here: for each method, one alternation of the templates of the routes
serving it, in table order, which the regular-expression engine tries in C; the route is the
alternative that matched (its group closes last, so it is `Match.lastgroup`).

What it answers is what Starlette's router answered: a `{name}` template segment matches one
non-empty segment (Starlette's `str` convertor, `[^/]+`); a path matching a route whose methods
include the request's is served by the first such route in table order; a path that matches only
routes of other methods is 405 with `Allow` (the first such route's methods); anything else is
404. HEAD is served by GET. One difference, on purpose: Starlette's patterns end in `$`, which
also matches before a final newline, so it served `/v3/sessions/%0A` as `/v3/sessions/`; here a
path must match a template whole. No trailing-slash redirects (Didit's paths end in a slash, and the
unslashed spelling is a route of its own where the service answers it).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response

__all__ = ["Endpoint", "Match", "Route", "Router"]

Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Route:
    """One path template and the endpoint of each method served there (HEAD comes with GET)."""

    path: str
    endpoints: Mapping[str, Endpoint]
    name: str = ""

    @property
    def methods(self) -> frozenset[str]:
        methods = set(self.endpoints)
        if "GET" in methods:
            methods.add("HEAD")
        return frozenset(methods)

    def endpoint_for(self, method: str) -> Endpoint | None:
        return self.endpoints.get("GET" if method == "HEAD" else method)


@dataclass(frozen=True)
class Match:
    """What a path and method resolved to: the endpoint and its path parameters, or, when the
    path is served only for other methods, those methods (`endpoint` None); None from
    `Router.match` when nothing is served at the path."""

    route: Route
    endpoint: Endpoint | None
    path_params: dict[str, str] = field(repr=False)  # may hold a session token
    allowed: frozenset[str] = frozenset()


def _parameter_name(segment: str) -> str | None:
    if segment.startswith("{") and segment.endswith("}") and len(segment) > 2:
        name = segment[1:-1]
        if ":" in name:
            raise ValueError(f"path convertors are not supported: {segment!r}")
        return name
    if "{" in segment or "}" in segment:
        raise ValueError(f"a parameter must be a whole path segment: {segment!r}")
    return None


@dataclass(frozen=True)
class _Compiled:
    """One route's alternative: its regular expression (groups named after the route's index)
    and its parameters' names with the groups that capture them."""

    source: str
    parameters: tuple[str, ...]
    groups: tuple[str, ...]


def _compile(index: int, template: str) -> _Compiled:
    parts: list[str] = []
    parameters: list[str] = []
    groups: list[str] = []
    for segment in template.split("/"):
        name = _parameter_name(segment)
        if name is None:
            parts.append(re.escape(segment))
            continue
        group = f"p{index}_{len(groups)}"
        parts.append(f"(?P<{group}>[^/]+)")
        parameters.append(name)
        groups.append(group)
    return _Compiled(f"(?P<r{index}>{'/'.join(parts)})", tuple(parameters), tuple(groups))


class Router:
    """Resolves a request path and method against a fixed table of `Route`s."""

    def __init__(self, routes: Sequence[Route]) -> None:
        self.routes: tuple[Route, ...] = tuple(routes)
        self._compiled = [_compile(index, route.path) for index, route in enumerate(self.routes)]
        methods = {method for route in self.routes for method in route.methods}
        self._by_method = {
            method: self._alternation(
                [i for i, route in enumerate(self.routes) if method in route.methods]
            )
            for method in methods
        }
        self._any_method = self._alternation(range(len(self.routes)))

    def _alternation(self, indices: Iterable[int]) -> re.Pattern[str]:
        return re.compile("|".join(self._compiled[i].source for i in indices) or "(?!)")

    def _found(self, found: re.Match[str]) -> tuple[Route, dict[str, str]]:
        assert found.lastgroup is not None
        index = int(found.lastgroup[1:])
        compiled = self._compiled[index]
        if not compiled.groups:
            return self.routes[index], {}
        values = (
            found.group(*compiled.groups)
            if len(compiled.groups) > 1
            else (found[compiled.groups[0]],)
        )
        return self.routes[index], dict(zip(compiled.parameters, values, strict=True))

    def match(self, path: str, method: str) -> Match | None:
        pattern = self._by_method.get(method)
        if pattern is not None and (found := pattern.fullmatch(path)) is not None:
            route, params = self._found(found)
            return Match(route, route.endpoint_for(method), params)
        if (found := self._any_method.fullmatch(path)) is None:
            return None
        route, params = self._found(found)
        return Match(route, None, params, route.methods)
