from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.blocklist_item_type import BlocklistItemType
from ...models.blocklist_page import BlocklistPage
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...types import UNSET, Response, Unset, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    *,
    item_type: BlocklistItemType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_item_type: str | Unset = UNSET
    if not isinstance(item_type, Unset):
        json_item_type = item_type.value

    params["item_type"] = json_item_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/blocklist/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BlocklistPage | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 200:
        response_200 = BlocklistPage.from_dict(response.json())

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
) -> Response[BlocklistPage | ErrorResponse | FieldErrors | list[str]]:
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
    item_type: BlocklistItemType | Unset = UNSET,
) -> Response[BlocklistPage | ErrorResponse | FieldErrors | list[str]]:
    """List blocklisted items

     Lists the application's blocklisted items, optionally of one kind (004, "11. Blocklist —
    List": `item_type` is `face`, `document`, `phone` or `email`; omit it for all). 004 shows no
    response body; the body described here is a count and the entries.

    Args:
        item_type (BlocklistItemType | Unset): A kind of blocklisted item (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlocklistPage | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        item_type=item_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    item_type: BlocklistItemType | Unset = UNSET,
) -> BlocklistPage | ErrorResponse | FieldErrors | list[str] | None:
    """List blocklisted items

     Lists the application's blocklisted items, optionally of one kind (004, "11. Blocklist —
    List": `item_type` is `face`, `document`, `phone` or `email`; omit it for all). 004 shows no
    response body; the body described here is a count and the entries.

    Args:
        item_type (BlocklistItemType | Unset): A kind of blocklisted item (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlocklistPage | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        client=client,
        item_type=item_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    item_type: BlocklistItemType | Unset = UNSET,
) -> Response[BlocklistPage | ErrorResponse | FieldErrors | list[str]]:
    """List blocklisted items

     Lists the application's blocklisted items, optionally of one kind (004, "11. Blocklist —
    List": `item_type` is `face`, `document`, `phone` or `email`; omit it for all). 004 shows no
    response body; the body described here is a count and the entries.

    Args:
        item_type (BlocklistItemType | Unset): A kind of blocklisted item (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlocklistPage | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        item_type=item_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    item_type: BlocklistItemType | Unset = UNSET,
) -> BlocklistPage | ErrorResponse | FieldErrors | list[str] | None:
    """List blocklisted items

     Lists the application's blocklisted items, optionally of one kind (004, "11. Blocklist —
    List": `item_type` is `face`, `document`, `phone` or `email`; omit it for all). 004 shows no
    response body; the body described here is a count and the entries.

    Args:
        item_type (BlocklistItemType | Unset): A kind of blocklisted item (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlocklistPage | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            client=client,
            item_type=item_type,
        )
    ).parsed
