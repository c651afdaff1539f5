"""The door every body passes (validation.py): Content-Type and charset, nesting depth, numbers a
finite double cannot hold, `x-max-serialized-bytes`, work moved off the event loop, and a response
renderer that can never emit a non-finite number."""

from __future__ import annotations

import copy
import json
import math
from typing import Any

import pytest

from didit_emulator.exceptions import UnsupportedContentType, ValidationFailed
from didit_emulator.testing import RunningEmulator
from didit_emulator.validation import (
    MAX_JSON_DEPTH,
    SERIALIZED_SIZE_EXTENSION,
    OperationRules,
    didit_document,
    rules_for,
)
from didit_spec import SPEC_URI, OpenAPIDocument

CREATE = rules_for(didit_document())["create_session"]


def _create(emulator: RunningEmulator, content: bytes, content_type: str | None) -> Any:
    headers = {"x-api-key": emulator.application("Acme").api_key}
    if content_type is not None:
        headers["Content-Type"] = content_type
    with emulator.http() as http:
        return http.post("/v3/session/", content=content, headers=headers)


def _body(emulator: RunningEmulator, **members: Any) -> bytes:
    return json.dumps({"workflow_id": emulator.workflow().id, **members}).encode()


@pytest.mark.parametrize(
    "content_type",
    [
        ";;;",
        "",
        " ",
        "json",
        "application/",
        "application/json; charset",
        "application/json; charset=latin-1",
        "application/json; charset=ISO-8859-1",
        "application/json; charset=utf-16",
        'application/json; charset="windows-1252"',
    ],
)
def test_create_session_body_not_in_utf8_json_is_400(
    emulator: RunningEmulator, content_type: str
) -> None:
    response = _create(emulator, _body(emulator), content_type)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Content-Type: ")
    assert emulator.state()["sessions"] == []


@pytest.mark.parametrize(
    "content_type",
    [
        None,
        "application/json",
        "APPLICATION/JSON",
        "application/json; charset=utf-8",
        "application/json;charset=UTF-8",
        'application/json; charset="utf8"',
        "application/json;",
    ],
)
def test_create_session_utf8_json_content_types_are_accepted(
    emulator: RunningEmulator, content_type: str | None
) -> None:
    assert _create(emulator, _body(emulator), content_type).status_code == 201


@pytest.mark.parametrize(
    ("content_type", "problem"),
    [
        (";;;", "is not a media type"),
        ("text/plain", "is not supported"),
        ("application/json; charset=latin-1", "charset"),
    ],
)
def test_media_type_of_refusals_name_the_header(content_type: str, problem: str) -> None:
    with pytest.raises(UnsupportedContentType) as refused:
        CREATE.media_type_of(content_type)
    assert refused.value.status_code == 400
    assert refused.value.detail.startswith("Content-Type: ")
    assert problem in refused.value.detail


def _nested(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


@pytest.mark.parametrize(
    ("depth", "status"),
    [(MAX_JSON_DEPTH - 2, 201), (MAX_JSON_DEPTH - 1, 201), (MAX_JSON_DEPTH, 400), (500, 400)],
)
def test_create_session_metadata_depth_boundary(
    emulator: RunningEmulator, depth: int, status: int
) -> None:
    # The body is one level; `metadata` nested `depth` levels makes the body `depth + 1` deep.
    response = _create(emulator, _body(emulator, metadata=_nested(depth)), "application/json")
    assert response.status_code == status
    if status == 400:
        assert response.json()["detail"].startswith("metadata.a.a.a")
        assert f"nested deeper than {MAX_JSON_DEPTH} levels" in response.json()["detail"]


@pytest.mark.parametrize(
    ("number", "status"),
    [
        ("1.7976931348623157e308", 201),  # the largest finite double
        ("1e308", 201),
        ("1e309", 400),
        ("-1e400", 400),
        ("1" + "0" * 308, 201),  # 1e308 as an integer
        ("1" + "0" * 309, 400),
        ("-" + "9" * 400, 400),
    ],
)
def test_create_session_metadata_number_beyond_a_finite_double_is_400(
    emulator: RunningEmulator, number: str, status: int
) -> None:
    content = b'{"workflow_id": "%s", "metadata": {"n": %s}}' % (
        emulator.workflow().id.encode(),
        number.encode(),
    )
    response = _create(emulator, content, "application/json")
    assert response.status_code == status
    if status == 400:
        assert response.json()["detail"].startswith("metadata.n: ")
        assert "finite number" in response.json()["detail"]


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_create_session_nan_and_infinity_literals_are_malformed_json(
    emulator: RunningEmulator, literal: str
) -> None:
    content = b'{"workflow_id": "%s", "metadata": {"n": %s}}' % (
        emulator.workflow().id.encode(),
        literal.encode(),
    )
    response = _create(emulator, content, "application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == f"Malformed JSON body: {literal} is not valid JSON"


def test_create_session_surrogate_in_a_metadata_key_is_named_printably(
    emulator: RunningEmulator,
) -> None:
    content = b'{"workflow_id": "%s", "metadata": {"ok": {"bad\\ud800": 1}}}' % (
        emulator.workflow().id.encode()
    )
    response = _create(emulator, content, "application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "metadata.ok.bad\\ud800: the name contains a lone UTF-16 surrogate, which is not "
        "Unicode text"
    )


def test_create_session_surrogate_pair_is_text_and_accepted(emulator: RunningEmulator) -> None:
    content = b'{"workflow_id": "%s", "vendor_data": "smile \\ud83d\\ude00"}' % (
        emulator.workflow().id.encode()
    )
    response = _create(emulator, content, "application/json")
    assert response.status_code == 201
    assert response.json()["vendor_data"] == "smile \U0001f600"


WORKFLOW_ID = "d8d2fa2d-c69c-471c-b7bc-bc71512b43ef"


def _with_metadata_bound(max_bytes: int, *, through_ref: bool = False) -> OperationRules:
    """create_session's rules from a copy of openapi.yaml whose `metadata` carries the
    serialized-size extension (on the property, or on a component schema it refers to)."""
    contents = copy.deepcopy(dict(didit_document().contents))
    schemas = contents["components"]["schemas"]
    properties = schemas["CreateSessionRequest"]["properties"]
    if through_ref:
        schemas["BoundedMetadata"] = {
            **properties["metadata"],
            SERIALIZED_SIZE_EXTENSION: max_bytes,
        }
        properties["metadata"] = {"$ref": "#/components/schemas/BoundedMetadata"}
    else:
        properties["metadata"] = {**properties["metadata"], SERIALIZED_SIZE_EXTENSION: max_bytes}
    document = OpenAPIDocument(contents, SPEC_URI)
    return OperationRules.build(document, document.operation("create_session"))


# {"k":"..."} is 8 bytes and its value; the bound counts UTF-8 bytes, not characters.
@pytest.mark.parametrize(
    ("value", "size"),
    [("", 8), ("x" * 92, 100), ("x" * 93, 101), ("é" * 46, 100), ("é" * 47, 102)],
)
@pytest.mark.parametrize("through_ref", [False, True])
def test_create_session_metadata_serialized_bound_counts_utf8_bytes(
    value: str, size: int, through_ref: bool
) -> None:
    rules = _with_metadata_bound(100, through_ref=through_ref)
    body = json.dumps({"workflow_id": WORKFLOW_ID, "metadata": {"k": value}}).encode()
    if size <= 100:
        assert rules.parse_body("application/json", body)["metadata"] == {"k": value}
        return
    with pytest.raises(ValidationFailed) as refused:
        rules.parse_body("application/json", body)
    assert refused.value.detail == f"metadata: is {size} bytes as JSON, more than the 100 allowed"


def _refuse(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


def test_get_session_decision_never_renders_a_non_finite_number(
    emulator: RunningEmulator,
) -> None:
    # Nothing non-finite gets in (the door refuses it, above); should a bug ever put one in the
    # state, the encoder (orjson) still writes JSON: `null`, never `Infinity` or `NaN`.
    session = emulator.create_session()
    emulator.backend.sessions[str(session.session_id)].metadata = {"n": math.inf, "m": math.nan}
    with emulator.client() as client:
        response = client.get_httpx_client().get(f"/v3/session/{session.session_id}/decision/")
    assert response.status_code == 200
    assert json.loads(response.content, parse_constant=_refuse)["metadata"] == {
        "n": None,
        "m": None,
    }
