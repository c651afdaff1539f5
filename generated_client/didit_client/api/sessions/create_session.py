from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_request import CreateSessionRequest
from ...models.created_session import CreatedSession
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    *,
    body: CreateSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/session/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedSession | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 201:
        response_201 = CreatedSession.from_dict(response.json())

        return response_201

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

    if response.status_code == 401:
        try:

            def _parse_response_401(data: object) -> ErrorResponse | FieldErrors | list[str]:
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

            response_401 = _parse_response_401(response.json())

            return response_401
        except _UNDECODABLE:
            return None

    if response.status_code == 403:
        try:

            def _parse_response_403(data: object) -> ErrorResponse | FieldErrors | list[str]:
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

            response_403 = _parse_response_403(response.json())

            return response_403
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
) -> Response[CreatedSession | ErrorResponse | FieldErrors | list[str]]:
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
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[CreatedSession | ErrorResponse | FieldErrors | list[str]]:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Didit's published OpenAPI adds: with `vendor_data`, a session of the same workflow and
    `vendor_data` that is still unfinished (`Not Started`, `In Progress`, `Resubmitted` or
    `Awaiting User`) is returned again, still 201, with `callback` and `metadata` replaced by
    the new request's; finished sessions are never reused. Sandbox applications take
    `sandbox_scenario`.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429). The live service answers 403, not 401, for a bad key.

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedSession | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> CreatedSession | ErrorResponse | FieldErrors | list[str] | None:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Didit's published OpenAPI adds: with `vendor_data`, a session of the same workflow and
    `vendor_data` that is still unfinished (`Not Started`, `In Progress`, `Resubmitted` or
    `Awaiting User`) is returned again, still 201, with `callback` and `metadata` replaced by
    the new request's; finished sessions are never reused. Sandbox applications take
    `sandbox_scenario`.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429). The live service answers 403, not 401, for a bad key.

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedSession | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[CreatedSession | ErrorResponse | FieldErrors | list[str]]:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Didit's published OpenAPI adds: with `vendor_data`, a session of the same workflow and
    `vendor_data` that is still unfinished (`Not Started`, `In Progress`, `Resubmitted` or
    `Awaiting User`) is returned again, still 201, with `callback` and `metadata` replaced by
    the new request's; finished sessions are never reused. Sandbox applications take
    `sandbox_scenario`.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429). The live service answers 403, not 401, for a bad key.

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedSession | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> CreatedSession | ErrorResponse | FieldErrors | list[str] | None:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Didit's published OpenAPI adds: with `vendor_data`, a session of the same workflow and
    `vendor_data` that is still unfinished (`Not Started`, `In Progress`, `Resubmitted` or
    `Awaiting User`) is returned again, still 201, with `callback` and `metadata` replaced by
    the new request's; finished sessions are never reused. Sandbox applications take
    `sandbox_scenario`.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429). The live service answers 403, not 401, for a bad key.

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedSession | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
