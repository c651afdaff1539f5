from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.arm_sandbox_scenario_request import ArmSandboxScenarioRequest
from ...models.armed_sandbox_scenario import ArmedSandboxScenario
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    session_id: UUID,
    *,
    body: ArmSandboxScenarioRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/session/{session_id}/sandbox/arm/".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 200:
        response_200 = ArmedSandboxScenario.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        try:

            def _parse_response_400(data: object) -> ErrorResponse | FieldErrors | list[str]:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_error_body_type_0 = ErrorResponse.from_dict(data)

                    return componentsschemas_error_body_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_error_body_type_1 = FieldErrors.from_dict(data)

                    return componentsschemas_error_body_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_error_body_type_2 = cast(list[str], data)

                return componentsschemas_error_body_type_2

            response_400 = _parse_response_400(response.json())

            return response_400
        except _UNDECODABLE:
            return None

    if response.status_code == 404:
        try:

            def _parse_response_404(data: object) -> ErrorResponse | FieldErrors | list[str]:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_error_body_type_0 = ErrorResponse.from_dict(data)

                    return componentsschemas_error_body_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_error_body_type_1 = FieldErrors.from_dict(data)

                    return componentsschemas_error_body_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_error_body_type_2 = cast(list[str], data)

                return componentsschemas_error_body_type_2

            response_404 = _parse_response_404(response.json())

            return response_404
        except _UNDECODABLE:
            return None

    if response.status_code == 429:
        try:

            def _parse_response_429(data: object) -> ErrorResponse | FieldErrors | list[str]:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_error_body_type_0 = ErrorResponse.from_dict(data)

                    return componentsschemas_error_body_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_error_body_type_1 = FieldErrors.from_dict(data)

                    return componentsschemas_error_body_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_error_body_type_2 = cast(list[str], data)

                return componentsschemas_error_body_type_2

            response_429 = _parse_response_429(response.json())

            return response_429
        except _UNDECODABLE:
            return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str]]:
    try:
        parsed = _parse_response(client=client, response=response)
    except _UNDECODABLE:
        parsed = None
    return Response(
        status_code=http_status(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def sync_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ArmSandboxScenarioRequest,
) -> Response[ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str]]:
    """Choose the outcome of a sandbox session before the user starts

     Didit's published OpenAPI: in a sandbox application, picks the scenario a session will
    play out (the catalogue is in `SandboxScenario`). It is meant for the client side (a custom
    verification UI), so it authenticates with the session's own `session_token` in the
    `Session-Token` header, not with the API key. Only a session that is still `Not Started`
    can be armed (otherwise 400, whose body is a bare JSON array); arming again replaces the
    earlier choice. A token that does not belong to this session, or a session of a live
    (non-sandbox) application, answers 404. The session's status is not changed.

    Args:
        session_id (UUID):
        body (ArmSandboxScenarioRequest): The body of `POST /v3/session/{sessionId}/sandbox/arm/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ArmSandboxScenarioRequest,
) -> ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str] | None:
    """Choose the outcome of a sandbox session before the user starts

     Didit's published OpenAPI: in a sandbox application, picks the scenario a session will
    play out (the catalogue is in `SandboxScenario`). It is meant for the client side (a custom
    verification UI), so it authenticates with the session's own `session_token` in the
    `Session-Token` header, not with the API key. Only a session that is still `Not Started`
    can be armed (otherwise 400, whose body is a bare JSON array); arming again replaces the
    earlier choice. A token that does not belong to this session, or a session of a live
    (non-sandbox) application, answers 404. The session's status is not changed.

    Args:
        session_id (UUID):
        body (ArmSandboxScenarioRequest): The body of `POST /v3/session/{sessionId}/sandbox/arm/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ArmSandboxScenarioRequest,
) -> Response[ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str]]:
    """Choose the outcome of a sandbox session before the user starts

     Didit's published OpenAPI: in a sandbox application, picks the scenario a session will
    play out (the catalogue is in `SandboxScenario`). It is meant for the client side (a custom
    verification UI), so it authenticates with the session's own `session_token` in the
    `Session-Token` header, not with the API key. Only a session that is still `Not Started`
    can be armed (otherwise 400, whose body is a bare JSON array); arming again replaces the
    earlier choice. A token that does not belong to this session, or a session of a live
    (non-sandbox) application, answers 404. The session's status is not changed.

    Args:
        session_id (UUID):
        body (ArmSandboxScenarioRequest): The body of `POST /v3/session/{sessionId}/sandbox/arm/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ArmSandboxScenarioRequest,
) -> ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str] | None:
    """Choose the outcome of a sandbox session before the user starts

     Didit's published OpenAPI: in a sandbox application, picks the scenario a session will
    play out (the catalogue is in `SandboxScenario`). It is meant for the client side (a custom
    verification UI), so it authenticates with the session's own `session_token` in the
    `Session-Token` header, not with the API key. Only a session that is still `Not Started`
    can be armed (otherwise 400, whose body is a bare JSON array); arming again replaces the
    earlier choice. A token that does not belong to this session, or a session of a live
    (non-sandbox) application, answers 404. The session's status is not changed.

    Args:
        session_id (UUID):
        body (ArmSandboxScenarioRequest): The body of `POST /v3/session/{sessionId}/sandbox/arm/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ArmedSandboxScenario | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
