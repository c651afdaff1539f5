"""No credential in the repr or str of anything the client hands back (issue 12).

Credentials are the API key, client secrets, client access tokens, share tokens, session tokens
and webhook secrets, and the session URLs that end in a session token. The generated code gets
this from the project's templates: models leave credential fields out of their repr and show URL
fields without their last path segment, by the names of templates/credential_names.jinja, and
show undocumented properties by the same rules (templates/model.py.jinja, types.py.jinja); the
`Response` wrapper leaves the raw body and headers out (templates/types.py.jinja), and the client
sends its key through an `httpx.Auth` instead of default headers (templates/client.py.jinja).
These tests decode a body of every documented JSON response with credentials planted wherever the
spec has such a field, and walk every object reachable from what the client returns — the
`Response`, its models, lists and mappings, the typed errors — as well as the clients, their
httpx clients, headers and auths.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import pickle
import uuid
from collections.abc import Iterator
from typing import Any

import attrs
import didit_client
import didit_client.models
import httpx
import pytest
from didit_client.api.sessions import create_session, get_session_decision
from didit_client.errors import UnexpectedStatus
from didit_client.models import CreatedSession, CreateSessionRequest, DecisionV3
from didit_client.types import Response, is_credential_name, is_url_name
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.strategies import json_strategy
from didit_spec import Operation, load_spec, operations, resolve
from didit_toolkit import DiditError, create_client, create_v2_client, unwrap

CREDENTIAL = "s3cr3t-credential-value"
API_KEY = "s3cr3t-api-key-0123456789"
CLIENT_SECRET = "s3cr3t-client-secret-abcdef"
SESSION_URL = f"https://verify.didit.me/session/{CREDENTIAL}"
SECRETS = (CREDENTIAL, API_KEY, CLIENT_SECRET)


SECRET_FIELDS = sorted(
    (schema_name, prop)
    for schema_name, schema in load_spec()["components"]["schemas"].items()
    for prop in schema.get("properties", {})
    if is_credential_name(prop)
)
URL_FIELDS = sorted(
    (schema_name, prop)
    for schema_name, schema in load_spec()["components"]["schemas"].items()
    for prop in schema.get("properties", {})
    if is_url_name(prop)
)


def plant(value: Any) -> Any:
    """`value` with a credential in every credential field and a token URL in every URL field."""
    if isinstance(value, dict):
        planted = {}
        for name, item in value.items():
            if is_credential_name(name) and isinstance(item, str):
                planted[name] = CREDENTIAL
            elif is_url_name(name) and isinstance(item, str):
                planted[name] = SESSION_URL
            else:
                planted[name] = plant(item)
        return planted
    if isinstance(value, list):
        return [plant(item) for item in value]
    return value


def reachable(root: object) -> Iterator[object]:
    """Every object reachable from `root` through attrs fields (but a `Response`'s raw `content`
    and `headers`, and a model's raw `additional_properties`, which are the wire data the caller
    asked for), lists, tuples and mappings."""
    seen: set[int] = set()
    pending = [root]
    while pending:
        current = pending.pop()
        if id(current) in seen or isinstance(current, str | bytes | int | float | bool | None):
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, Response):
            pending += [current.status_code, current.parsed]
        elif attrs.has(type(current)):
            fields: Any = attrs.fields(type(current))  # type: ignore[arg-type]
            for field in fields:
                value = getattr(current, field.name)
                if field.name == "additional_properties":
                    # Undocumented properties as received, like a Response's content: the
                    # model's repr (checked) redacts them. Their values are raw JSON, or models
                    # when the spec types them: those are walked (none sit deeper).
                    pending += [item for item in value.values() if attrs.has(type(item))]
                else:
                    pending.append(value)
        elif isinstance(current, list | tuple):
            pending += list(current)
        elif isinstance(current, dict):
            pending += list(current.values())


def assert_no_secret(*roots: object) -> None:
    for root in roots:
        for found in reachable(root):
            for text in (repr(found), str(found)):
                for secret in SECRETS:
                    assert secret not in text, f"{type(found).__name__} shows a credential: {text}"


def _json_responses() -> list[tuple[Operation, int]]:
    """Every documented JSON success response, and one error response per error-body schema (the
    error decoders of all operations are generated alike)."""
    cases, error_schemas = [], set()
    for operation in sorted(operations(), key=lambda op: op.operation_id):
        for status, response in sorted(operation.definition["responses"].items()):
            content = resolve(response).get("content", {})
            if "application/json" not in content:
                continue
            if int(status) >= 400:
                schema = json.dumps(content["application/json"]["schema"], sort_keys=True)
                if schema in error_schemas:
                    continue
                error_schemas.add(schema)
            cases.append((operation, int(status)))
    return cases


CASES = _json_responses()


def _endpoint(operation: Operation) -> Any:
    return importlib.import_module(f"didit_client.api.{operation.tag}.{operation.operation_id}")


def test_spec_has_credential_and_url_fields() -> None:
    assert ("ShareToken", "share_token") in SECRET_FIELDS
    assert ("ClientToken", "access_token") in SECRET_FIELDS
    assert ("CreatedSession", "session_token") in SECRET_FIELDS
    assert ("WebhookDestination", "secret_shared_key") in SECRET_FIELDS
    assert ("CreatedSession", "url") in URL_FIELDS
    assert ("DecisionV3", "session_url") in URL_FIELDS


@pytest.mark.parametrize(("schema_name", "field"), SECRET_FIELDS)
@settings(max_examples=10, derandomize=True, database=None, deadline=None)
@given(data=st.data())
def test_model_repr_hides_secret_field(schema_name: str, field: str, data: Any) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}"}
    body = data.draw(json_strategy(schema))
    body[field] = CREDENTIAL
    model = getattr(didit_client.models, schema_name).from_dict(body)
    assert getattr(model, field) == CREDENTIAL
    assert CREDENTIAL not in repr(model)


@pytest.mark.parametrize(("schema_name", "field"), URL_FIELDS)
@settings(max_examples=5, derandomize=True, database=None, deadline=None)
@given(data=st.data())
def test_model_repr_redacts_url_field(schema_name: str, field: str, data: Any) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}"}
    body = data.draw(json_strategy(schema))
    body[field] = SESSION_URL
    model = getattr(didit_client.models, schema_name).from_dict(body)
    assert getattr(model, field) == SESSION_URL
    assert CREDENTIAL not in repr(model)
    assert "'https://verify.didit.me/session/<redacted>'" in repr(model)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        pytest.param(SESSION_URL, "https://verify.didit.me/session/<redacted>", id="session"),
        pytest.param(f"{SESSION_URL}/", "https://verify.didit.me/session/<redacted>", id="slash"),
        pytest.param(
            f"https://files.example:8443/a/b.png?X-Amz-Signature={CREDENTIAL}",
            "https://files.example:8443/a/<redacted>",
            id="presigned",
        ),
        pytest.param(
            f"https://user:{CREDENTIAL}@h.example/x", "https://h.example/<redacted>", id="userinfo"
        ),
        pytest.param(CREDENTIAL, "/<redacted>", id="not-a-url"),
    ],
)
def test_redact_url_keeps_origin_and_path_head(url: str, shown: str) -> None:
    from didit_client.types import redact_url

    assert redact_url(url) == repr(shown)


@pytest.mark.parametrize(
    ("operation", "status"), CASES, ids=[f"{op.operation_id}-{status}" for op, status in CASES]
)
@settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_client_results_never_show_a_credential(
    operation: Operation, status: int, data: Any
) -> None:
    response_schema = resolve(operation.definition["responses"][str(status)])
    schema = response_schema["content"]["application/json"]["schema"]
    body = plant(data.draw(json_strategy(schema), label="body"))
    client = create_client(API_KEY, base_url="https://didit.test")
    wire = httpx.Response(status, json=body, headers={"x-api-key-echo": "-"})
    response = _endpoint(operation)._build_response(client=client, response=wire)
    assert_no_secret(response, client)
    if status >= 400:
        with pytest.raises(DiditError) as caught:
            unwrap(response)
        assert_no_secret(caught.value, caught.value.args)


@pytest.mark.parametrize(
    ("name", "credential"),
    [
        ("session_token", True),
        ("refreshToken", True),
        ("tokens", True),
        ("secret_shared_key", True),
        ("client-secret", True),
        ("partnerAPIKey", True),
        ("APIKey", True),
        ("X-Api-Key", True),
        ("apikey", True),
        ("api_keys", True),
        ("password_hash", True),
        ("Authorization", True),
        ("webhook_signature", True),
        ("session_cookie", True),
        ("oauth2token", True),
        ("api_key_v2", True),
        ("access_token_2", True),
        ("password2", True),
        ("bearer", True),
        ("signature_image", False),
        ("keyword", False),
        ("token_type", False),
        ("session_id", False),
        ("", False),
    ],
)
def test_is_credential_name_reads_words_as_the_generator_does(name: str, credential: bool) -> None:
    assert is_credential_name(name) is credential


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("url", True),
        ("callback_url", True),
        ("redirectUrls", True),
        ("verification_link", True),
        ("profile_uri", True),
        ("url_expires_at", False),
        ("curl", False),
    ],
)
def test_is_url_name_reads_the_last_word(name: str, url: bool) -> None:
    assert is_url_name(name) is url


def _generated_models() -> list[type]:
    return [
        model
        for name in didit_client.models.__all__
        if attrs.has(model := getattr(didit_client.models, name))
    ]


@pytest.mark.parametrize("model", _generated_models(), ids=lambda model: model.__name__)
def test_generated_model_repr_follows_the_name_rules(model: type) -> None:
    # The template's per-field decision and the client's rule come from one list
    # (templates/credential_names.jinja): they must agree on every documented field.
    from didit_client.types import redact_additional_properties, redact_url

    for field in attrs.fields(model):
        if field.name == "additional_properties":
            assert field.repr is redact_additional_properties
        elif is_credential_name(field.name):
            assert field.repr is False, field.name
        elif is_url_name(field.name):
            assert field.repr is redact_url, field.name
        else:
            assert field.repr is True, field.name


@pytest.mark.parametrize(
    "undocumented",
    [
        pytest.param({"client_secret": CREDENTIAL}, id="secret"),
        pytest.param({"refreshToken": CREDENTIAL}, id="camel-case-token"),
        pytest.param({"partner-api-key": CREDENTIAL}, id="dashed-key"),
        pytest.param({"partnerAPIKey": CREDENTIAL}, id="acronym-key"),
        pytest.param({"password": CREDENTIAL}, id="password"),
        pytest.param({"tokens": [CREDENTIAL]}, id="plural"),
        pytest.param({"callback_url": SESSION_URL}, id="url"),
        pytest.param({"redirect_urls": [SESSION_URL]}, id="urls"),
        pytest.param({"callback_url": {"target": CREDENTIAL}}, id="url-object"),
        pytest.param({"next": SESSION_URL}, id="url-under-any-key"),
        pytest.param({"extra": {"nested": [{"share_token": CREDENTIAL}]}}, id="nested"),
        pytest.param({"pair": (1, {"api_key": CREDENTIAL})}, id="tuple"),
        pytest.param({"auth": f"Bearer {CREDENTIAL}"}, id="authorization-value"),
        pytest.param({"next": f"HTTPS://verify.didit.me/s/{CREDENTIAL}"}, id="upper-case-scheme"),
        pytest.param({"stream": f"wss://user:{CREDENTIAL}@h.example/x"}, id="userinfo"),
    ],
)
def test_model_repr_hides_credentials_in_undocumented_properties(
    undocumented: dict[str, Any],
) -> None:
    # An API may add a credential the spec does not name yet: it lands in additional_properties.
    token = didit_client.models.ClientToken.from_dict(
        {"access_token": CREDENTIAL, "expires_in": 60, **undocumented}
    )
    assert token.additional_properties == undocumented
    assert_no_secret(token)


def test_model_repr_shows_other_undocumented_properties() -> None:
    token = didit_client.models.ClientToken.from_dict(
        {"access_token": CREDENTIAL, "expires_in": 60, "region": "eu", "tags": [{"tier": 2}]}
    )
    assert "additional_properties={'region': 'eu', 'tags': [{'tier': 2}]}" in repr(token)


def test_model_repr_of_deeply_nested_undocumented_properties_does_not_fail() -> None:
    deep: dict[str, Any] = {"client_secret": CREDENTIAL}
    for _ in range(1_000):
        deep = {"level": deep}
    token = didit_client.models.ClientToken.from_dict(
        {"access_token": CREDENTIAL, "expires_in": 60, "deep": deep}
    )
    assert "'<...>'" in repr(token)
    assert_no_secret(token)


def test_model_repr_of_undocumented_properties_holding_themselves_does_not_fail() -> None:
    token = didit_client.models.ClientToken.from_dict(
        {"access_token": CREDENTIAL, "expires_in": 60}
    )
    loop: dict[str, Any] = {"api_key": CREDENTIAL}
    loop["self"] = loop
    token.additional_properties["loop"] = loop
    assert "'self': {...}" in repr(token)
    assert CREDENTIAL not in repr(token)


def test_response_wrapper_hides_body_and_headers() -> None:
    created = {
        "session_id": str(uuid.uuid4()),
        "session_number": 7,
        "session_token": CREDENTIAL,
        "url": SESSION_URL,
        "status": "Not Started",
        "workflow_id": str(uuid.uuid4()),
    }
    transport = httpx.MockTransport(
        lambda request: httpx.Response(201, json=created, headers={"set-cookie": CREDENTIAL})
    )
    client = create_client(API_KEY, base_url="https://didit.test", transport=transport)
    body = CreateSessionRequest(workflow_id=uuid.uuid4())
    response = create_session.sync_detailed(client=client, body=body)
    parsed = unwrap(response)
    assert isinstance(parsed, CreatedSession)
    assert parsed.session_token == CREDENTIAL
    assert parsed.url == SESSION_URL
    assert CREDENTIAL.encode() in response.content
    for text in (repr(response), str(response), repr(parsed)):
        assert CREDENTIAL not in text
    assert "status_code=<HTTPStatus.CREATED: 201>" in repr(response)


def test_create_client_keeps_the_key_out_of_every_repr() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"session_id": str(uuid.uuid4()), "status": "Approved"})

    transport = httpx.MockTransport(handler)
    client = create_client(
        API_KEY, base_url="https://didit.test", transport=transport, async_transport=transport
    )
    decision = unwrap(get_session_decision.sync_detailed(uuid.uuid4(), client=client))
    assert isinstance(decision, DecisionV3)
    assert seen[-1].headers["x-api-key"] == API_KEY  # still sent, as a request header

    async def async_side() -> httpx.AsyncClient:
        await get_session_decision.asyncio_detailed(uuid.uuid4(), client=client)
        return client.get_async_httpx_client()

    async_http = asyncio.run(async_side())
    assert seen[-1].headers["x-api-key"] == API_KEY
    http = client.get_httpx_client()
    for shown in (client, http, http.headers, http.auth, async_http, async_http.headers):
        assert API_KEY not in repr(shown)
        assert API_KEY not in str(shown)
    assert "x-api-key" not in http.headers


def test_create_v2_client_keeps_secret_and_token_out_of_every_repr() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/v2/token/":
            return httpx.Response(
                200, json={"access_token": CREDENTIAL, "expires_in": 86400, "token_type": "Bearer"}
            )
        assert request.headers["authorization"] == f"Bearer {CREDENTIAL}"
        return httpx.Response(201, json={"detail": "unused"})

    transport = httpx.MockTransport(handler)
    client = create_v2_client(
        "client-id",
        CLIENT_SECRET,
        base_url="https://didit.test",
        auth_base_url="https://apx.didit.test",
        transport=transport,
    )
    http = client.get_httpx_client()
    http.post("/v2/session/", json={})
    for shown in (client, http, http.headers, http.auth):
        assert_no_secret(shown)
    assert "authorization" not in http.headers  # no placeholder header: the auth sends it


def test_generated_client_keeps_the_key_out_of_headers() -> None:
    client = didit_client.AuthenticatedClient(
        base_url="https://verification.didit.test",
        token=API_KEY,
        prefix="",
        auth_header_name="x-api-key",
    )
    http = client.get_httpx_client()
    assert "x-api-key" not in http.headers
    for shown in (client, http, http.headers, http.auth):
        assert API_KEY not in repr(shown)
    request = http.build_request("GET", "/v3/sessions/")
    flow = http.auth.sync_auth_flow(request)  # type: ignore[union-attr]
    assert next(flow).headers["x-api-key"] == API_KEY


def test_generated_client_explicit_auth_replaces_the_token() -> None:
    client = didit_client.AuthenticatedClient(
        base_url="https://verification.didit.test",
        token="",
        httpx_args={"auth": ("client-id", CLIENT_SECRET)},
    )
    http = client.get_httpx_client()
    request = http.build_request("GET", "/x")
    sent = next(http.auth.sync_auth_flow(request))  # type: ignore[union-attr]
    assert sent.headers["authorization"].startswith("Basic ")
    assert CLIENT_SECRET not in repr(client)
    assert json.dumps(sorted(http.headers.keys())).count("authorization") == 0


def test_unexpected_status_message_names_the_status_and_length_not_the_body() -> None:
    # A proxy's error page echoing the request, API key included, on an undocumented status.
    echo = f"<pre>upstream failed for: x-api-key: {API_KEY}</pre>".encode()
    client = didit_client.AuthenticatedClient(
        base_url="https://didit.test", token=API_KEY, raise_on_unexpected_status=True
    ).set_httpx_client(
        httpx.Client(
            base_url="https://didit.test",
            transport=httpx.MockTransport(lambda request: httpx.Response(502, content=echo)),
        )
    )
    with pytest.raises(UnexpectedStatus) as caught:
        get_session_decision.sync_detailed(uuid.uuid4(), client=client)
    error = caught.value
    assert str(error) == f"Unexpected status code: 502 (response body of {len(echo)} bytes)"
    for text in (str(error), repr(error), str(error.args)):
        assert API_KEY not in text
    assert (error.status_code, error.content) == (502, echo)
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 (our own bytes)
    assert (copy.status_code, copy.content, str(copy)) == (502, echo, str(error))
