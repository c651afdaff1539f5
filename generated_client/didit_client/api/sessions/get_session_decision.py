from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_v3 import DecisionV3
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    session_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/session/{session_id}/decision/".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionV3 | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DecisionV3.from_dict(response.json())

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
) -> Response[DecisionV3 | ErrorResponse]:
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
) -> Response[DecisionV3 | ErrorResponse]:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limited to 100 requests / minute (004).

    Args:
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionV3 | ErrorResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> DecisionV3 | ErrorResponse | None:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limited to 100 requests / minute (004).

    Args:
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionV3 | ErrorResponse
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DecisionV3 | ErrorResponse]:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limited to 100 requests / minute (004).

    Args:
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionV3 | ErrorResponse]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> DecisionV3 | ErrorResponse | None:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limited to 100 requests / minute (004).

    Args:
        session_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionV3 | ErrorResponse
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
        )
    ).parsed
