"""Nothing a client sends produces a 5xx: fuzzed bodies, query strings and headers for every
operation, and a bounded, seeded schemathesis run over all operations of openapi.yaml."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from didit_emulator import default_config
from didit_emulator.testing import RunningEmulator, running_emulator
from didit_spec import (
    Credential,
    Operation,
    component_schema,
    credential_headers,
    operations,
    spec_path,
)

OPERATIONS = sorted(operations(), key=lambda op: op.operation_id)
FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def fuzz_server() -> Iterator[RunningEmulator]:
    # Unlimited, so the fuzzing is not cut short by 429s.
    with running_emulator(default_config().with_rate_limits(enabled=False)) as server:
        yield server


@pytest.fixture
def http(fuzz_server: RunningEmulator) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=fuzz_server.base_url, verify=False) as client:  # noqa: S501
        yield client


_ACCESS_TOKENS: dict[str, str] = {}


def _credentials(server: RunningEmulator, operation: Operation) -> dict[str, str]:
    """Acme's credential for the scheme the operation's `security` names."""
    app = server.application("Acme")
    if server.base_url not in _ACCESS_TOKENS:  # valid for the (unadvanced) day of the run
        _ACCESS_TOKENS[server.base_url] = server.access_token("Acme")
    credentials: dict[str, Credential | None] = {
        "api_key": app.api_key,
        "client_token": _ACCESS_TOKENS[server.base_url],
        "client_credentials": (app.client_id, app.client_secret),
    }
    return credential_headers(operation.security, credentials)


def _fresh_session(server: RunningEmulator, outcome: str | None = "approved") -> str:
    app = server.application("Acme")
    created = server.backend.create_session(app, {"workflow_id": app.workflows[0].id}, "http://x")
    if outcome:
        server.backend.complete_session(created["session_id"], {"outcome": outcome})
    return str(created["session_id"])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _body_fields(operation: Operation) -> list[str]:
    content: dict[str, Any] = operation.definition.get("requestBody", {}).get("content", {})
    media: dict[str, Any] = next(iter(content.values()), {})
    ref = str(media.get("schema", {}).get("$ref", ""))
    if not ref:
        return []
    return list(component_schema(ref.rsplit("/", 1)[-1]).get("properties", {}))


@st.composite
def bodies(draw: st.DrawFn, operation: Operation) -> Any:
    """Arbitrary JSON, or an object of the operation's own field names with arbitrary values."""
    fields = _body_fields(operation)
    use_fields: bool = draw(st.booleans())
    if fields and use_fields:
        return draw(st.dictionaries(st.sampled_from(fields), json_values, max_size=len(fields)))
    return draw(json_values)


@pytest.mark.parametrize(
    "operation",
    [op for op in OPERATIONS if "requestBody" in op.definition],
    ids=lambda op: op.operation_id,
)
def test_every_operation_answers_fuzzed_bodies_without_a_5xx(
    fuzz_server: RunningEmulator, http: httpx.Client, operation: Operation
) -> None:
    headers = _credentials(fuzz_server, operation)

    @FUZZ
    @given(body=bodies(operation), raw=st.booleans())
    def run(body: Any, raw: bool) -> None:
        path = operation.path.replace("{sessionId}", _fresh_session(fuzz_server))
        if raw and operation.operation_id == "get_client_token":
            content = httpx.QueryParams(body if isinstance(body, dict) else {}).__str__().encode()
            kind = "application/x-www-form-urlencoded"
        else:
            content, kind = json.dumps(body).encode(), "application/json"
        response = http.request(
            operation.method.upper(),
            path,
            content=content,
            headers={**headers, "Content-Type": kind},
        )
        assert response.status_code < 500, (body, response.text)
        if response.status_code >= 400:
            assert set(response.json()) == {"detail"}

    run()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.operation_id)
def test_every_operation_answers_fuzzed_queries_and_ids_without_a_5xx(
    fuzz_server: RunningEmulator, http: httpx.Client, operation: Operation
) -> None:
    headers = _credentials(fuzz_server, operation)
    names = ["page", "page_size", "status", "vendor_data", "item_type", "x"]

    @FUZZ
    @given(
        session_id=st.text(
            alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="/?#"),
            min_size=1,
            max_size=40,
        ),
        query=st.dictionaries(st.sampled_from(names), st.text(max_size=12), max_size=4),
        api_key=st.sampled_from([None, "", "x" * 300, "ключ"]),
    )
    def run(session_id: str, query: dict[str, str], api_key: str | None) -> None:
        request_headers = dict(headers)
        if api_key is not None and "x-api-key" in request_headers:
            request_headers["x-api-key"] = api_key
        path = operation.path.replace("{sessionId}", quote(session_id, safe=""))
        response = http.request(
            operation.method.upper(),
            path,
            params=query,
            headers=[(k.encode(), v.encode("utf-8")) for k, v in request_headers.items()],
        )
        assert response.status_code < 500, (session_id, query, response.text)

    run()


# --- schemathesis ---------------------------------------------------------------------------

SCHEMATHESIS = schemathesis.Config.from_dict(
    {
        "seed": 20250727,
        "generation": {"max-examples": 3, "deterministic": True, "database": "none"},
    }
)
schema = schemathesis.openapi.from_path(spec_path(), config=SCHEMATHESIS)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), database=None)
def test_schemathesis_run_over_every_operation_finds_no_5xx(
    case: Any, fuzz_server: RunningEmulator
) -> None:
    operation_id = case.operation.definition.raw["operationId"]
    operation = next(op for op in OPERATIONS if op.operation_id == operation_id)
    path_parameters = case.path_parameters or {}
    # Half the cases (chosen deterministically) act on a real, finished session instead of the
    # generated id, so the rules behind the 404 run too.
    if "sessionId" in path_parameters and zlib.crc32(repr(case.body).encode()) % 2:
        path_parameters["sessionId"] = _fresh_session(fuzz_server)
    response = case.call(
        base_url=fuzz_server.base_url, headers=_credentials(fuzz_server, operation)
    )
    case.validate_response(response, checks=CHECKS)
