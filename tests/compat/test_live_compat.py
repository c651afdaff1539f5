"""openapi.yaml agrees with Didit's published OpenAPI of the live service, except where it is
listed not to (issue 9's compatibility test).

For every in-scope operation of the service and ours, paired by method and path:

- the same path, and every operation on either side has its counterpart;
- every status the service documents is in ours;
- every response example of the service decodes through the generated client without loss and
  validates against openapi.yaml;
- bodies drawn from the service's response schemas decode through the client without loss;
- request bodies openapi.yaml allows are valid for the service's schema;
- every query parameter the generated client sends is one the service documents.

Each difference found must be listed in `live_exceptions.toml` (operation, check, item, reason),
and each listed difference must still occur: the list is a machine-checked TODO that only
shrinks. A failure prints the TOML entries to add or remove. Drawing is seeded and bounded.
"""

from __future__ import annotations

import datetime
import enum
import functools
import hashlib
import importlib
import inspect
import json
import os
import typing
import uuid
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from didit_client import Client, errors
from didit_client.types import Unset
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.strategies import SearchStrategy

from contracts.client_decoding import normalise_json
from contracts.strategies import json_strategy
from didit_spec import Operation, load_spec, operations, resolve, validator_for

from .live_reference import (
    CHECKS,
    IN_SCOPE,
    KnownDifference,
    LiveOperation,
    escape,
    known_differences,
    live_operations,
    to_json_schema,
)

JSON = "application/json"
# Draws per response schema and per request body: enough to reach every top-level field of the
# service's schemas, few enough to keep the module near ten seconds on one core.
RESPONSE_DRAWS = 25
REQUEST_DRAWS = 60
NOT_RECONCILED = "not yet reconciled — issue 9"

LIVE = live_operations()
OURS = {f"{op.method.upper()} {op.path}": op for op in operations()}
KNOWN = known_differences()


def _pairs() -> list[tuple[LiveOperation, Operation]]:
    """Live operations with their counterpart in ours: the same method and path, or the path
    that a `path` exception names."""
    aliases = {d.operation: d.item for d in KNOWN if d.check == "path"}
    pairs = []
    for label, live in LIVE.items():
        ours = OURS.get(label)
        if ours is None and label in aliases:
            ours = OURS.get(f"{live.method.upper()} {aliases[label]}")
        if ours is not None:
            pairs.append((live, ours))
    return pairs


PAIRS = _pairs()
PAIR_IDS = [live.label for live, _ in PAIRS]


def _mismatches(
    check: str,
    labels: set[str],
    observed: Mapping[tuple[str, str], str],
    known: tuple[KnownDifference, ...],
) -> list[str]:
    """What is wrong with the known differences of `check` for these operations: differences
    observed but not listed, and listed ones no longer observed."""
    listed = {(d.operation, d.item): d for d in known if d.check == check and d.operation in labels}
    new = {key: detail for key, detail in observed.items() if key not in listed}
    stale = [difference for key, difference in listed.items() if key not in observed]
    messages = []
    if new:
        entries = "\n".join(
            f"[[difference]]\noperation = {json.dumps(operation)}\ncheck = {json.dumps(check)}\n"
            f"item = {json.dumps(item)}\nreason = {json.dumps(NOT_RECONCILED, ensure_ascii=False)}"
            f"\n# found: {detail[:600]}\n"
            for (operation, item), detail in sorted(new.items())
        )
        messages.append(
            f"{len(new)} '{check}' difference(s) from Didit's published OpenAPI are not in "
            f"live_exceptions.toml: fix openapi.yaml, or list them with a reason:\n{entries}"
        )
    if stale:
        entries = "\n".join(f"  {d.operation} | {d.check} | {d.item}" for d in stale)
        messages.append(
            f"{len(stale)} exception(s) in live_exceptions.toml no longer occur; remove them:\n"
            f"{entries}"
        )
    return messages


def _compare(check: str, labels: set[str], observed: Mapping[tuple[str, str], str]) -> None:
    """Fail on a difference that is not listed, and on a listed one that no longer occurs.

    With `DIDIT_COMPAT_RECORD` set to a directory, the observed differences are written there
    instead (one JSON file per check and operation set), for `tests/compat/record.py` to turn
    into live_exceptions.toml after a reconciliation.
    """
    record = os.environ.get("DIDIT_COMPAT_RECORD")
    if record:
        name = hashlib.sha256(f"{check}:{sorted(labels)}".encode()).hexdigest()[:16]
        rows = [[check, sorted(labels), op, item, why] for (op, item), why in observed.items()]
        Path(record, f"{name}.json").write_text(json.dumps(rows or [[check, sorted(labels)]]))
        return
    messages = _mismatches(check, labels, observed, KNOWN)
    assert not messages, "\n\n".join(messages)


# ---------------------------------------------------------------------------------------------
# Decoding through the generated client, validating against openapi.yaml.


def _client_module(ours: Operation) -> Any:
    return importlib.import_module(f"didit_client.api.{ours.tag}.{ours.operation_id}")


def _as_json(parsed: Any) -> Any:
    if hasattr(parsed, "to_dict"):
        return parsed.to_dict()
    if isinstance(parsed, list):
        return [_as_json(item) for item in parsed]
    return parsed


def _decoding_problem(ours: Operation, status: str, body: Any) -> str | None:
    """Why the generated client cannot decode this JSON body without loss, or None."""
    response = httpx.Response(int(status), json=body)
    client = Client(base_url="http://decoder.invalid", raise_on_unexpected_status=True)
    try:
        # The generated module's own decoder: the one `sync()` uses.
        parsed = _client_module(ours)._parse_response(client=client, response=response)
    except errors.UnexpectedStatus:
        return f"openapi.yaml documents no {status} for {ours.operation_id}"
    except Exception as error:  # any decoding failure is the finding
        return f"the client fails: {type(error).__name__}: {error}"
    if parsed is None:
        return "the client gives None (no JSON body for this status, or one it cannot read)"
    decoded = _as_json(parsed)
    if normalise_json(decoded) != normalise_json(body):
        return (
            f"the client loses data: received {json.dumps(body, sort_keys=True)[:300]}, "
            f"decoded {json.dumps(decoded, sort_keys=True, default=str)[:300]}"
        )
    return None


def _our_response_schema_pointer(ours: Operation, status: str) -> str | None:
    response = ours.definition["responses"].get(status)
    if response is None:
        return None
    pointer = f"/paths/{escape(ours.path)}/{ours.method}/responses/{status}"
    if "$ref" in response:
        pointer = response["$ref"].removeprefix("#")
    if JSON not in resolve(response).get("content", {}):
        return None
    return f"{pointer}/content/{escape(JSON)}/schema"


def _our_validation_problem(ours: Operation, status: str, body: Any) -> str | None:
    pointer = _our_response_schema_pointer(ours, status)
    if pointer is None:
        return f"openapi.yaml has no JSON schema for {status}"
    errors_found = [
        f"/{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"
        for error in validator_for(pointer).iter_errors(body)
    ]
    return f"invalid against openapi.yaml: {errors_found[:5]}" if errors_found else None


def _json_media(response: Mapping[str, Any]) -> Mapping[str, Any] | None:
    media: Mapping[str, Any] | None = response.get("content", {}).get(JSON)
    return media


def _live_examples(live: LiveOperation) -> Iterator[tuple[str, str, Any]]:
    """(status, name, value) of every JSON response example of the service's operation."""
    for status, response in live.responses().items():
        media = _json_media(response)
        if media is None:
            continue
        if "example" in media:
            yield status, "example", media["example"]
        for name, example in media.get("examples", {}).items():
            yield status, name, example["value"]
        if "example" in media.get("schema", {}):
            yield status, "schema example", media["schema"]["example"]


def _seeded(draws: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(
        max_examples=draws,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


def _first_problem(
    strategy: SearchStrategy[Any], problem: Callable[[Any], str | None]
) -> str | None:
    """The first drawn value's problem, or None when every draw passes."""
    found: list[str] = []

    @_seeded(RESPONSE_DRAWS)
    @given(strategy)
    def draw(value: Any) -> None:
        if not found:
            reason = problem(value)
            if reason is not None:
                found.append(f"{reason}\n  body: {json.dumps(value)[:400]}")

    draw()
    return found[0] if found else None


# ---------------------------------------------------------------------------------------------
# The checks.


def test_live_reference_has_every_in_scope_operation() -> None:
    assert sorted(LIVE) == sorted(IN_SCOPE)


def test_exceptions_file_entries_are_well_formed() -> None:
    problems = [
        f"{d.operation} | {d.check} | {d.item}: unknown check (one of {sorted(CHECKS)})"
        for d in KNOWN
        if d.check not in CHECKS
    ]
    problems += [
        f"{d.operation} | {d.check} | {d.item}: the operation is neither in scope nor ours"
        for d in KNOWN
        if d.operation not in LIVE and d.operation not in OURS
    ]
    keys = [(d.operation, d.check, d.item) for d in KNOWN]
    problems += [f"{key}: listed twice" for key in sorted(set(keys)) if keys.count(key) > 1]
    assert not problems, "\n".join(problems)


def test_every_exception_is_for_an_operation_its_check_runs_on() -> None:
    paired_live = {live.label for live, _ in PAIRS}
    paired_ours = {f"{ours.method.upper()} {ours.path}" for _, ours in PAIRS}
    covered = {
        "operation": set(LIVE) - paired_live,
        "extra-operation": set(OURS) - paired_ours,
    }
    orphans = [d for d in KNOWN if d.operation not in covered.get(d.check, paired_live)]
    assert not orphans, "exceptions no check looks at (wrong operation label?): " + "; ".join(
        f"{d.operation} | {d.check} | {d.item}" for d in orphans
    )


def test_in_scope_operations_of_the_service_are_in_ours() -> None:
    paired = {live.label for live, _ in PAIRS}
    observed = {
        (label, live.definition["operationId"]): "openapi.yaml has no such operation"
        for label, live in LIVE.items()
        if label not in paired
    }
    _compare("operation", set(LIVE), observed)


def test_our_operations_are_documented_by_the_service() -> None:
    paired = {f"{ours.method.upper()} {ours.path}" for _, ours in PAIRS}
    observed = {
        (label, ours.operation_id): "Didit's published OpenAPI has no in-scope operation for it"
        for label, ours in OURS.items()
        if label not in paired
    }
    _compare("extra-operation", set(OURS), observed)


@pytest.mark.parametrize(("live", "ours"), PAIRS, ids=PAIR_IDS)
def test_operation_path_is_the_services(live: LiveOperation, ours: Operation) -> None:
    observed = {}
    if ours.path != live.path:
        observed[(live.label, ours.path)] = f"the service's path is {live.path}"
    _compare("path", {live.label}, observed)


@pytest.mark.parametrize(("live", "ours"), PAIRS, ids=PAIR_IDS)
def test_operation_documents_every_status_of_the_service(
    live: LiveOperation, ours: Operation
) -> None:
    observed = {
        (live.label, status): f"the service documents {status}: {response.get('description', '')}"
        for status, response in live.responses().items()
        if status not in ours.definition["responses"]
    }
    _compare("status", {live.label}, observed)


@pytest.mark.parametrize(("live", "ours"), PAIRS, ids=PAIR_IDS)
def test_operation_decodes_and_accepts_every_example_of_the_service(
    live: LiveOperation, ours: Operation
) -> None:
    observed = {}
    for status, name, value in _live_examples(live):
        problems = [
            problem
            for problem in (
                _decoding_problem(ours, status, value),
                _our_validation_problem(ours, status, value),
            )
            if problem is not None
        ]
        if problems:
            observed[(live.label, f"{status}: {name}")] = "; ".join(problems)
    _compare("example", {live.label}, observed)


@pytest.mark.parametrize(("live", "ours"), PAIRS, ids=PAIR_IDS)
def test_operation_decodes_bodies_drawn_from_the_services_schemas(
    live: LiveOperation, ours: Operation
) -> None:
    observed = {}
    for status, response in live.responses().items():
        media = _json_media(response)
        if media is None or "schema" not in media:
            continue
        strategy = json_strategy(to_json_schema(media["schema"]))
        problem = _first_problem(strategy, functools.partial(_decoding_problem, ours, status))
        if problem is not None:
            observed[(live.label, status)] = problem
    _compare("response-schema", {live.label}, observed)


def _request_schema(definition: Mapping[str, Any]) -> tuple[bool, Any] | None:
    """(required, JSON schema) of an operation's JSON request body, or None without one."""
    body = resolve(definition.get("requestBody"))
    if not body or JSON not in body.get("content", {}):
        return None
    return bool(body.get("required", False)), body["content"][JSON]["schema"]


def _signature(error: jsonschema.ValidationError) -> str:
    location = "/" + "/".join("*" if isinstance(p, int) else str(p) for p in error.absolute_path)
    if error.validator == "required":
        required = typing.cast(list[str], error.validator_value)
        present = typing.cast(dict[str, Any], error.instance)
        missing = sorted(set(required) - set(present))
        return f"{location}: required {', '.join(missing)}"
    return f"{location}: {error.validator}"


@pytest.mark.parametrize(("live", "ours"), PAIRS, ids=PAIR_IDS)
def test_operation_request_bodies_we_allow_are_valid_for_the_service(
    live: LiveOperation, ours: Operation
) -> None:
    theirs = _request_schema(live.definition)
    mine = _request_schema(ours.definition)
    observed: dict[tuple[str, str], str] = {}
    if theirs is not None and theirs[0] and (mine is None or not mine[0]):
        observed[(live.label, "(body): required")] = "the service requires a body; ours does not"
    if mine is not None and theirs is not None:
        validator = jsonschema.Draft202012Validator(
            to_json_schema(theirs[1]), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )

        @_seeded(REQUEST_DRAWS)
        @given(json_strategy(mine[1]))
        def draw(body: Any) -> None:
            for error in validator.iter_errors(body):
                key = (live.label, _signature(error))
                observed.setdefault(key, f"{error.message[:300]}\n  body: {json.dumps(body)[:300]}")

        draw()
    elif mine is not None:
        observed[(live.label, "(body): not accepted")] = "the service documents no JSON body"
    _compare("request-body", {live.label}, observed)


class _BodyStub:
    """Stands in for a request-body model: `_get_kwargs` only calls its `to_dict()`."""

    def to_dict(self) -> dict[str, Any]:
        return {}


def _sample(hint: Any) -> Any:
    """A value of a `_get_kwargs` parameter's type, so that the client sends the parameter."""
    kinds = [kind for kind in (typing.get_args(hint) or (hint,)) if kind not in (Unset, type(None))]
    kind = kinds[0]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return next(iter(kind))
    samples: dict[Any, Any] = {
        uuid.UUID: uuid.UUID(int=1),
        bool: True,
        int: 1,
        float: 1.0,
        str: "x",
        datetime.date: datetime.date(2026, 1, 1),
        datetime.datetime: datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    }
    if kind not in samples:
        raise TypeError(f"no sample value for a parameter of type {hint}")
    return samples[kind]


def _query_parameters_sent(ours: Operation) -> set[str]:
    """The query parameters the generated client sends when every argument is given."""
    get_kwargs = _client_module(ours)._get_kwargs
    hints = typing.get_type_hints(get_kwargs)
    arguments = {
        name: _BodyStub() if name == "body" else _sample(hints[name])
        for name in inspect.signature(get_kwargs).parameters
    }
    return set(get_kwargs(**arguments).get("params", {}))


def test_query_parameters_sent_cover_our_specs_query_parameters() -> None:
    # The introspection below is only as good as its coverage of the spec's query parameters.
    for ours in OURS.values():
        listed = [*load_spec()["paths"][ours.path].get("parameters", [])]
        listed += ours.definition.get("parameters", [])
        declared = {p["name"] for p in map(resolve, listed) if p["in"] == "query"}
        assert declared == _query_parameters_sent(ours), ours.operation_id


@pytest.mark.parametrize(("live", "ours"), PAIRS, ids=PAIR_IDS)
def test_operation_query_parameters_we_send_exist_in_the_service(
    live: LiveOperation, ours: Operation
) -> None:
    documented = {p["name"] for p in live.parameters() if p["in"] == "query"}
    observed = {
        (live.label, name): f"the service documents only {sorted(documented)}"
        for name in sorted(_query_parameters_sent(ours) - documented)
    }
    _compare("query-parameter", {live.label}, observed)


# ---------------------------------------------------------------------------------------------
# The machinery above, on made-up inputs: it must be able to fail.

_LISTED = KnownDifference("GET /x/", "status", "404", "a reason")


@pytest.mark.parametrize(
    ("observed", "complaint"),
    [
        ({("GET /x/", "404"): "found"}, None),
        ({("GET /x/", "404"): "found", ("GET /x/", "410"): "found"}, "not in live_exceptions"),
        ({}, "no longer occur"),
    ],
    ids=["listed", "unlisted", "stale"],
)
def test_mismatches_report_unlisted_and_stale_differences(
    observed: dict[tuple[str, str], str], complaint: str | None
) -> None:
    messages = _mismatches("status", {"GET /x/"}, observed, (_LISTED,))
    if complaint is None:
        assert messages == []
    else:
        assert len(messages) == 1
        assert complaint in messages[0]


def test_mismatches_ignore_other_checks_and_operations() -> None:
    assert _mismatches("example", {"GET /x/"}, {}, (_LISTED,)) == []
    assert _mismatches("status", {"GET /y/"}, {}, (_LISTED,)) == []


@pytest.mark.parametrize(
    ("openapi_30", "json_schema"),
    [
        ({"type": "string", "nullable": True}, {"type": ["string", "null"]}),
        (
            {"type": "string", "enum": ["M", "F"], "nullable": True},
            {
                "type": ["string", "null"],
                "enum": ["M", "F", None],
            },
        ),
        (
            {"allOf": [{"type": "integer"}], "nullable": True},
            {"anyOf": [{"allOf": [{"type": "integer"}]}, {"type": "null"}]},
        ),
        (
            {"type": "string", "format": "byte", "example": "eA==", "x-readme-id": "1"},
            {"type": "string"},
        ),
        (
            {"type": "string", "format": "uuid", "description": "kept out"},
            {
                "type": "string",
                "format": "uuid",
            },
        ),
        ({"nullable": True, "description": "any JSON"}, {}),
    ],
    ids=["nullable", "nullable-enum", "nullable-allOf", "3.0-only-format", "format", "untyped"],
)
def test_to_json_schema_converts_openapi_30(openapi_30: Any, json_schema: Any) -> None:
    assert to_json_schema(openapi_30) == json_schema


def test_to_json_schema_inlines_the_references_own_refs() -> None:
    converted = to_json_schema({"$ref": "#/components/schemas/WebhookSubscribedEvents"})
    assert converted["type"] == "array"
    assert "status.updated" in converted["items"]["enum"]
    assert "$ref" not in json.dumps(converted)
