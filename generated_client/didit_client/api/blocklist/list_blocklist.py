from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.blocklist_item_type import BlocklistItemType
from ...models.blocklist_page import BlocklistPage
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


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
) -> BlocklistPage | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BlocklistPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BlocklistPage | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    item_type: BlocklistItemType | Unset = UNSET,
) -> Response[BlocklistPage | ErrorResponse]:
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
        Response[BlocklistPage | ErrorResponse]
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
) -> BlocklistPage | ErrorResponse | None:
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
        BlocklistPage | ErrorResponse
    """

    return sync_detailed(
        client=client,
        item_type=item_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    item_type: BlocklistItemType | Unset = UNSET,
) -> Response[BlocklistPage | ErrorResponse]:
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
        Response[BlocklistPage | ErrorResponse]
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
) -> BlocklistPage | ErrorResponse | None:
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
        BlocklistPage | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            item_type=item_type,
        )
    ).parsed
