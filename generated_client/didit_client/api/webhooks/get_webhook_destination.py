from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...models.webhook_destination import WebhookDestination
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    destination_uuid: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/webhook/destinations/{destination_uuid}/".format(
            destination_uuid=quote(str(destination_uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FieldErrors | list[str] | WebhookDestination | None:
    if response.status_code == 200:
        response_200 = WebhookDestination.from_dict(response.json())

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
) -> Response[ErrorResponse | FieldErrors | list[str] | WebhookDestination]:
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
    destination_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | FieldErrors | list[str] | WebhookDestination]:
    """Read one webhook destination

     Didit's published OpenAPI: the destination with its signing secret and a `summary` of the
    deliveries made to it. Unknown, deleted or another application's destinations are 404.

    Args:
        destination_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | WebhookDestination]
    """

    kwargs = _get_kwargs(
        destination_uuid=destination_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    destination_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | FieldErrors | list[str] | WebhookDestination | None:
    """Read one webhook destination

     Didit's published OpenAPI: the destination with its signing secret and a `summary` of the
    deliveries made to it. Unknown, deleted or another application's destinations are 404.

    Args:
        destination_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | WebhookDestination
    """

    return sync_detailed(
        destination_uuid=destination_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    destination_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | FieldErrors | list[str] | WebhookDestination]:
    """Read one webhook destination

     Didit's published OpenAPI: the destination with its signing secret and a `summary` of the
    deliveries made to it. Unknown, deleted or another application's destinations are 404.

    Args:
        destination_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | WebhookDestination]
    """

    kwargs = _get_kwargs(
        destination_uuid=destination_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    destination_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | FieldErrors | list[str] | WebhookDestination | None:
    """Read one webhook destination

     Didit's published OpenAPI: the destination with its signing secret and a `summary` of the
    deliveries made to it. Unknown, deleted or another application's destinations are 404.

    Args:
        destination_uuid (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | WebhookDestination
    """

    return (
        await asyncio_detailed(
            destination_uuid=destination_uuid,
            client=client,
        )
    ).parsed
