from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.share_session_request import ShareSessionRequest
from ...models.share_token import ShareToken
from ...types import UNSET, Response, Unset


def _get_kwargs(
    session_id: UUID,
    *,
    body: ShareSessionRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/session/{session_id}/share/".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ShareToken | None:
    if response.status_code == 200:
        response_200 = ShareToken.from_dict(response.json())

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
) -> Response[ErrorResponse | ShareToken]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ShareSessionRequest | Unset = UNSET,
) -> Response[ErrorResponse | ShareToken]:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400. `for_application_id` must be an existing application other than the caller: the
    caller's own id is 400, an unknown id is 404. `ttl_in_seconds` is 60–86400, default 3600.

    003 requires the body; 004's example posts none. The body is therefore optional here, and a
    server that needs `for_application_id` answers 400 without it.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ShareToken]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ShareSessionRequest | Unset = UNSET,
) -> ErrorResponse | ShareToken | None:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400. `for_application_id` must be an existing application other than the caller: the
    caller's own id is 400, an unknown id is 404. `ttl_in_seconds` is 60–86400, default 3600.

    003 requires the body; 004's example posts none. The body is therefore optional here, and a
    server that needs `for_application_id` answers 400 without it.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ShareToken
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ShareSessionRequest | Unset = UNSET,
) -> Response[ErrorResponse | ShareToken]:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400. `for_application_id` must be an existing application other than the caller: the
    caller's own id is 400, an unknown id is 404. `ttl_in_seconds` is 60–86400, default 3600.

    003 requires the body; 004's example posts none. The body is therefore optional here, and a
    server that needs `for_application_id` answers 400 without it.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ShareToken]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ShareSessionRequest | Unset = UNSET,
) -> ErrorResponse | ShareToken | None:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400. `for_application_id` must be an existing application other than the caller: the
    caller's own id is 400, an unknown id is 404. `ttl_in_seconds` is 60–86400, default 3600.

    003 requires the body; 004's example posts none. The body is therefore optional here, and a
    server that needs `for_application_id` answers 400 without it.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ShareToken
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
