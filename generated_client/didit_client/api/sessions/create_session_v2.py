from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_session_v2_request import CreateSessionV2Request
from ...models.created_session import CreatedSession
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


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
) -> CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 201:
        response_201 = CreatedSession.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        try:
            response_400 = ErrorResponse.from_dict(response.json())

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
) -> Response[CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str]]:
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
    client: AuthenticatedClient,
    body: CreateSessionV2Request,
) -> Response[CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str]]:
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
        Response[CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str]]
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
) -> CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str] | None:
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
        CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSessionV2Request,
) -> Response[CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str]]:
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
        Response[CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str]]
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
) -> CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str] | None:
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
        CreatedSession | ErrorResponse | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
