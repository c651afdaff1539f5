from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.session_page import SessionPage
from ...models.session_status import SessionStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    vendor_data: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["vendor_data"] = vendor_data

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/sessions/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SessionPage | None:
    if response.status_code == 200:
        response_200 = SessionPage.from_dict(response.json())

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
) -> Response[ErrorResponse | SessionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = UNSET,
) -> Response[ErrorResponse | SessionPage]:
    """List sessions

     Lists the application's sessions (004, "3. List Sessions"), filtered by `vendor_data` and
    `status`, paginated with `page` / `page_size`. The body is a page: `count` of all matching
    sessions, absolute `next` / `previous` page URLs (null at the ends) and `results`. A page
    beyond the last one is 404 (the page-number pagination the body's shape comes from); page 1 of
    an empty set is an empty page.

    Args:
        vendor_data (str | Unset):
        status (SessionStatus | Unset): A session's status. 004's table lists `Not Started`, `In
            Progress`, `In Review`, `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in
            upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these
            spellings.
        page (int | Unset):  Default: 1.
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SessionPage]
    """

    kwargs = _get_kwargs(
        vendor_data=vendor_data,
        status=status,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = UNSET,
) -> ErrorResponse | SessionPage | None:
    """List sessions

     Lists the application's sessions (004, "3. List Sessions"), filtered by `vendor_data` and
    `status`, paginated with `page` / `page_size`. The body is a page: `count` of all matching
    sessions, absolute `next` / `previous` page URLs (null at the ends) and `results`. A page
    beyond the last one is 404 (the page-number pagination the body's shape comes from); page 1 of
    an empty set is an empty page.

    Args:
        vendor_data (str | Unset):
        status (SessionStatus | Unset): A session's status. 004's table lists `Not Started`, `In
            Progress`, `In Review`, `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in
            upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these
            spellings.
        page (int | Unset):  Default: 1.
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SessionPage
    """

    return sync_detailed(
        client=client,
        vendor_data=vendor_data,
        status=status,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = UNSET,
) -> Response[ErrorResponse | SessionPage]:
    """List sessions

     Lists the application's sessions (004, "3. List Sessions"), filtered by `vendor_data` and
    `status`, paginated with `page` / `page_size`. The body is a page: `count` of all matching
    sessions, absolute `next` / `previous` page URLs (null at the ends) and `results`. A page
    beyond the last one is 404 (the page-number pagination the body's shape comes from); page 1 of
    an empty set is an empty page.

    Args:
        vendor_data (str | Unset):
        status (SessionStatus | Unset): A session's status. 004's table lists `Not Started`, `In
            Progress`, `In Review`, `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in
            upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these
            spellings.
        page (int | Unset):  Default: 1.
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SessionPage]
    """

    kwargs = _get_kwargs(
        vendor_data=vendor_data,
        status=status,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    vendor_data: str | Unset = UNSET,
    status: SessionStatus | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = UNSET,
) -> ErrorResponse | SessionPage | None:
    """List sessions

     Lists the application's sessions (004, "3. List Sessions"), filtered by `vendor_data` and
    `status`, paginated with `page` / `page_size`. The body is a page: `count` of all matching
    sessions, absolute `next` / `previous` page URLs (null at the ends) and `results`. A page
    beyond the last one is 404 (the page-number pagination the body's shape comes from); page 1 of
    an empty set is an empty page.

    Args:
        vendor_data (str | Unset):
        status (SessionStatus | Unset): A session's status. 004's table lists `Not Started`, `In
            Progress`, `In Review`, `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in
            upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these
            spellings.
        page (int | Unset):  Default: 1.
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SessionPage
    """

    return (
        await asyncio_detailed(
            client=client,
            vendor_data=vendor_data,
            status=status,
            page=page,
            page_size=page_size,
        )
    ).parsed
