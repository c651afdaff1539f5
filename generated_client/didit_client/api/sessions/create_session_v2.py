from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_v2_request import CreateSessionV2Request
from ...models.created_session import CreatedSession
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CreateSessionV2Request,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/session/",
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
    client: AuthenticatedClient,
    body: CreateSessionV2Request,
) -> Response[CreatedSession | ErrorResponse]:
    """Create a verification session (v2, client token)

     The older session creation of 002, authenticated with a client access token
    (`Authorization: Bearer {access_token}`) instead of `x-api-key`.

    Field sets differ from v3 (004): 002 documents `contact_details.email_lang` and
    `expected_details.country` / `address`, which 004 does not; 002's `metadata` is an object.
    Errors (002): 401 for an invalid or missing access token; 400 for a missing `workflow_id`,
    invalid parameters, or a workflow that needs a paid plan.

    Args:
        body (CreateSessionV2Request): The body of `POST /v2/session/` (002).

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
    client: AuthenticatedClient,
    body: CreateSessionV2Request,
) -> CreatedSession | ErrorResponse | None:
    """Create a verification session (v2, client token)

     The older session creation of 002, authenticated with a client access token
    (`Authorization: Bearer {access_token}`) instead of `x-api-key`.

    Field sets differ from v3 (004): 002 documents `contact_details.email_lang` and
    `expected_details.country` / `address`, which 004 does not; 002's `metadata` is an object.
    Errors (002): 401 for an invalid or missing access token; 400 for a missing `workflow_id`,
    invalid parameters, or a workflow that needs a paid plan.

    Args:
        body (CreateSessionV2Request): The body of `POST /v2/session/` (002).

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
    client: AuthenticatedClient,
    body: CreateSessionV2Request,
) -> Response[CreatedSession | ErrorResponse]:
    """Create a verification session (v2, client token)

     The older session creation of 002, authenticated with a client access token
    (`Authorization: Bearer {access_token}`) instead of `x-api-key`.

    Field sets differ from v3 (004): 002 documents `contact_details.email_lang` and
    `expected_details.country` / `address`, which 004 does not; 002's `metadata` is an object.
    Errors (002): 401 for an invalid or missing access token; 400 for a missing `workflow_id`,
    invalid parameters, or a workflow that needs a paid plan.

    Args:
        body (CreateSessionV2Request): The body of `POST /v2/session/` (002).

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
    client: AuthenticatedClient,
    body: CreateSessionV2Request,
) -> CreatedSession | ErrorResponse | None:
    """Create a verification session (v2, client token)

     The older session creation of 002, authenticated with a client access token
    (`Authorization: Bearer {access_token}`) instead of `x-api-key`.

    Field sets differ from v3 (004): 002 documents `contact_details.email_lang` and
    `expected_details.country` / `address`, which 004 does not; 002's `metadata` is an object.
    Errors (002): 401 for an invalid or missing access token; 400 for a missing `workflow_id`,
    invalid parameters, or a workflow that needs a paid plan.

    Args:
        body (CreateSessionV2Request): The body of `POST /v2/session/` (002).

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
