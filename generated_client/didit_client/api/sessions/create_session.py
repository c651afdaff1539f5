from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_request import CreateSessionRequest
from ...models.created_session import CreatedSession
from ...models.error_response import ErrorResponse
from ...types import Response


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
) -> CreatedSession | ErrorResponse | None:
    if response.status_code == 201:
        response_201 = CreatedSession.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CreatedSession | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[CreatedSession | ErrorResponse]:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429).

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedSession | ErrorResponse]
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
) -> CreatedSession | ErrorResponse | None:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429).

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedSession | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateSessionRequest,
) -> Response[CreatedSession | ErrorResponse]:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429).

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedSession | ErrorResponse]
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
) -> CreatedSession | ErrorResponse | None:
    """Create a verification session

     Creates a session linked to a workflow (004, "1. Create Session"). The response carries the
    `url` to send the user to and the `session_token` for SDK initialisation. Sessions expire after
    7 days by default (004, status table).

    004 calls `metadata` a "JSON string" but shows an object (`{"account_id": "ABC123"}`); 002 sends
    an object. Both are accepted. `portrait_image` is a base64 reference portrait of at most 1 MB
    (004), i.e. at most 1,398,104 base64 characters.

    Errors (004): 400 for an invalid `workflow_id` or insufficient credits; 403 without permission;
    and the generic table (401, 404, 429).

    Args:
        body (CreateSessionRequest): The body of `POST /v3/session/` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedSession | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
