import datetime
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...models.session_kind_filter import SessionKindFilter
from ...models.session_page import SessionPage
from ...types import UNSET, Response, Unset, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    *,
    session_kind: SessionKindFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    country: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_session_kind: str | Unset = UNSET
    if not isinstance(session_kind, Unset):
        json_session_kind = session_kind.value

    params["session_kind"] = json_session_kind

    params["limit"] = limit

    params["offset"] = offset

    params["vendor_data"] = vendor_data

    params["status"] = status

    params["search"] = search

    params["workflow_id"] = workflow_id

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    params["country"] = country

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
) -> ErrorResponse | FieldErrors | list[str] | SessionPage | None:
    if response.status_code == 200:
        response_200 = SessionPage.from_dict(response.json())

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
) -> Response[ErrorResponse | FieldErrors | list[str] | SessionPage]:
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
    session_kind: SessionKindFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    country: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[ErrorResponse | FieldErrors | list[str] | SessionPage]:
    """List sessions

     Lists the application's sessions, newest first (highest `session_number` first).

    Two paging schemes are documented. Didit's published OpenAPI pages with `limit` (default
    50) and `offset` (default 0) and ignores `page`; 004 pages with `page` / `page_size`. The
    body is the same either way: `count` of all matching sessions, absolute `next` /
    `previous` URLs (null at the ends) and `results`. A client should follow `next` exactly as
    written rather than compute the next page. A server that knows both schemes uses `page` /
    `page_size` when either is sent and `limit` / `offset` otherwise; a `page` past the last
    one is 404 (004), an `offset` past the end an empty page.

    Filters (Didit's published OpenAPI; 004 documents only `vendor_data` and `status`) combine
    with AND; a comma-separated list matches any of its values. `session_kind` picks user
    sessions (the default), business sessions, or `all`; with `all` the page holds the user
    rows and then the business rows of the same window, `count` is their sum, and `next` /
    `previous` follow the user rows. A status, workflow or country that matches nothing gives
    an empty page, not an error; a malformed date is 400. The live service also has filters
    not described here (document type, region, warnings and more); the unslashed path
    `/v3/sessions` answers 301 to this one there.

    Args:
        session_kind (SessionKindFilter | Unset): Which kinds of sessions a list shows (Didit's
            published OpenAPI).
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        vendor_data (str | Unset):
        status (str | Unset):
        search (str | Unset):
        workflow_id (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        country (str | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | SessionPage]
    """

    kwargs = _get_kwargs(
        session_kind=session_kind,
        limit=limit,
        offset=offset,
        vendor_data=vendor_data,
        status=status,
        search=search,
        workflow_id=workflow_id,
        date_from=date_from,
        date_to=date_to,
        country=country,
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
    session_kind: SessionKindFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    country: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> ErrorResponse | FieldErrors | list[str] | SessionPage | None:
    """List sessions

     Lists the application's sessions, newest first (highest `session_number` first).

    Two paging schemes are documented. Didit's published OpenAPI pages with `limit` (default
    50) and `offset` (default 0) and ignores `page`; 004 pages with `page` / `page_size`. The
    body is the same either way: `count` of all matching sessions, absolute `next` /
    `previous` URLs (null at the ends) and `results`. A client should follow `next` exactly as
    written rather than compute the next page. A server that knows both schemes uses `page` /
    `page_size` when either is sent and `limit` / `offset` otherwise; a `page` past the last
    one is 404 (004), an `offset` past the end an empty page.

    Filters (Didit's published OpenAPI; 004 documents only `vendor_data` and `status`) combine
    with AND; a comma-separated list matches any of its values. `session_kind` picks user
    sessions (the default), business sessions, or `all`; with `all` the page holds the user
    rows and then the business rows of the same window, `count` is their sum, and `next` /
    `previous` follow the user rows. A status, workflow or country that matches nothing gives
    an empty page, not an error; a malformed date is 400. The live service also has filters
    not described here (document type, region, warnings and more); the unslashed path
    `/v3/sessions` answers 301 to this one there.

    Args:
        session_kind (SessionKindFilter | Unset): Which kinds of sessions a list shows (Didit's
            published OpenAPI).
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        vendor_data (str | Unset):
        status (str | Unset):
        search (str | Unset):
        workflow_id (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        country (str | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | SessionPage
    """

    return sync_detailed(
        client=client,
        session_kind=session_kind,
        limit=limit,
        offset=offset,
        vendor_data=vendor_data,
        status=status,
        search=search,
        workflow_id=workflow_id,
        date_from=date_from,
        date_to=date_to,
        country=country,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    session_kind: SessionKindFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    country: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[ErrorResponse | FieldErrors | list[str] | SessionPage]:
    """List sessions

     Lists the application's sessions, newest first (highest `session_number` first).

    Two paging schemes are documented. Didit's published OpenAPI pages with `limit` (default
    50) and `offset` (default 0) and ignores `page`; 004 pages with `page` / `page_size`. The
    body is the same either way: `count` of all matching sessions, absolute `next` /
    `previous` URLs (null at the ends) and `results`. A client should follow `next` exactly as
    written rather than compute the next page. A server that knows both schemes uses `page` /
    `page_size` when either is sent and `limit` / `offset` otherwise; a `page` past the last
    one is 404 (004), an `offset` past the end an empty page.

    Filters (Didit's published OpenAPI; 004 documents only `vendor_data` and `status`) combine
    with AND; a comma-separated list matches any of its values. `session_kind` picks user
    sessions (the default), business sessions, or `all`; with `all` the page holds the user
    rows and then the business rows of the same window, `count` is their sum, and `next` /
    `previous` follow the user rows. A status, workflow or country that matches nothing gives
    an empty page, not an error; a malformed date is 400. The live service also has filters
    not described here (document type, region, warnings and more); the unslashed path
    `/v3/sessions` answers 301 to this one there.

    Args:
        session_kind (SessionKindFilter | Unset): Which kinds of sessions a list shows (Didit's
            published OpenAPI).
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        vendor_data (str | Unset):
        status (str | Unset):
        search (str | Unset):
        workflow_id (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        country (str | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | SessionPage]
    """

    kwargs = _get_kwargs(
        session_kind=session_kind,
        limit=limit,
        offset=offset,
        vendor_data=vendor_data,
        status=status,
        search=search,
        workflow_id=workflow_id,
        date_from=date_from,
        date_to=date_to,
        country=country,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    session_kind: SessionKindFilter | Unset = UNSET,
    limit: int | Unset = 50,
    offset: int | Unset = 0,
    vendor_data: str | Unset = UNSET,
    status: str | Unset = UNSET,
    search: str | Unset = UNSET,
    workflow_id: str | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    country: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> ErrorResponse | FieldErrors | list[str] | SessionPage | None:
    """List sessions

     Lists the application's sessions, newest first (highest `session_number` first).

    Two paging schemes are documented. Didit's published OpenAPI pages with `limit` (default
    50) and `offset` (default 0) and ignores `page`; 004 pages with `page` / `page_size`. The
    body is the same either way: `count` of all matching sessions, absolute `next` /
    `previous` URLs (null at the ends) and `results`. A client should follow `next` exactly as
    written rather than compute the next page. A server that knows both schemes uses `page` /
    `page_size` when either is sent and `limit` / `offset` otherwise; a `page` past the last
    one is 404 (004), an `offset` past the end an empty page.

    Filters (Didit's published OpenAPI; 004 documents only `vendor_data` and `status`) combine
    with AND; a comma-separated list matches any of its values. `session_kind` picks user
    sessions (the default), business sessions, or `all`; with `all` the page holds the user
    rows and then the business rows of the same window, `count` is their sum, and `next` /
    `previous` follow the user rows. A status, workflow or country that matches nothing gives
    an empty page, not an error; a malformed date is 400. The live service also has filters
    not described here (document type, region, warnings and more); the unslashed path
    `/v3/sessions` answers 301 to this one there.

    Args:
        session_kind (SessionKindFilter | Unset): Which kinds of sessions a list shows (Didit's
            published OpenAPI).
        limit (int | Unset):  Default: 50.
        offset (int | Unset):  Default: 0.
        vendor_data (str | Unset):
        status (str | Unset):
        search (str | Unset):
        workflow_id (str | Unset):
        date_from (datetime.date | Unset):
        date_to (datetime.date | Unset):
        country (str | Unset):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | SessionPage
    """

    return (
        await asyncio_detailed(
            client=client,
            session_kind=session_kind,
            limit=limit,
            offset=offset,
            vendor_data=vendor_data,
            status=status,
            search=search,
            workflow_id=workflow_id,
            date_from=date_from,
            date_to=date_to,
            country=country,
            page=page,
            page_size=page_size,
        )
    ).parsed
