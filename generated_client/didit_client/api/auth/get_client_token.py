from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.client_token import ClientToken
from ...models.client_token_request import ClientTokenRequest
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    *,
    body: ClientTokenRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/v2/token/",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClientToken | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 200:
        response_200 = ClientToken.from_dict(response.json())

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
) -> Response[ClientToken | ErrorResponse | FieldErrors | list[str]]:
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
    body: ClientTokenRequest,
) -> Response[ClientToken | ErrorResponse | FieldErrors | list[str]]:
    """Obtain a client access token

     Exchanges the application's client id and client secret (HTTP Basic) for a bearer access
    token used by `POST /v2/session/` (002: "obtain a valid access_token by following the
    Authentication documentation … The access_token is valid for 24 hours"). The token endpoint
    lives on its own host, `https://apx.didit.me` (002: "The authentication endpoint uses a
    different base URL than the verification session endpoints").

    Args:
        body (ClientTokenRequest): The form body of a client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientToken | ErrorResponse | FieldErrors | list[str]]
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
    body: ClientTokenRequest,
) -> ClientToken | ErrorResponse | FieldErrors | list[str] | None:
    """Obtain a client access token

     Exchanges the application's client id and client secret (HTTP Basic) for a bearer access
    token used by `POST /v2/session/` (002: "obtain a valid access_token by following the
    Authentication documentation … The access_token is valid for 24 hours"). The token endpoint
    lives on its own host, `https://apx.didit.me` (002: "The authentication endpoint uses a
    different base URL than the verification session endpoints").

    Args:
        body (ClientTokenRequest): The form body of a client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientToken | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ClientTokenRequest,
) -> Response[ClientToken | ErrorResponse | FieldErrors | list[str]]:
    """Obtain a client access token

     Exchanges the application's client id and client secret (HTTP Basic) for a bearer access
    token used by `POST /v2/session/` (002: "obtain a valid access_token by following the
    Authentication documentation … The access_token is valid for 24 hours"). The token endpoint
    lives on its own host, `https://apx.didit.me` (002: "The authentication endpoint uses a
    different base URL than the verification session endpoints").

    Args:
        body (ClientTokenRequest): The form body of a client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClientToken | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ClientTokenRequest,
) -> ClientToken | ErrorResponse | FieldErrors | list[str] | None:
    """Obtain a client access token

     Exchanges the application's client id and client secret (HTTP Basic) for a bearer access
    token used by `POST /v2/session/` (002: "obtain a valid access_token by following the
    Authentication documentation … The access_token is valid for 24 hours"). The token endpoint
    lives on its own host, `https://apx.didit.me` (002: "The authentication endpoint uses a
    different base URL than the verification session endpoints").

    Args:
        body (ClientTokenRequest): The form body of a client-credentials token request.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClientToken | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
