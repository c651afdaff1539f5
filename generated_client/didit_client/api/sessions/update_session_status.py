from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.session_status_update import SessionStatusUpdate
from ...models.update_session_status_request import UpdateSessionStatusRequest
from ...types import Response


def _get_kwargs(
    session_id: UUID,
    *,
    body: UpdateSessionStatusRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v3/session/{session_id}/update-status/".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SessionStatusUpdate | None:
    if response.status_code == 200:
        response_200 = SessionStatusUpdate.from_dict(response.json())

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
) -> Response[ErrorResponse | SessionStatusUpdate]:
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
    body: UpdateSessionStatusRequest,
) -> Response[ErrorResponse | SessionStatusUpdate]:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`. Resubmission is
    only allowed from `Declined`, `In Review` or `Abandoned` (400 otherwise); approved steps are
    preserved. `email_address` is required when `send_email` is true. 004 shows no response body;
    the body described here (the session id and its new status) is optional in every field.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SessionStatusUpdate]
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
    body: UpdateSessionStatusRequest,
) -> ErrorResponse | SessionStatusUpdate | None:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`. Resubmission is
    only allowed from `Declined`, `In Review` or `Abandoned` (400 otherwise); approved steps are
    preserved. `email_address` is required when `send_email` is true. 004 shows no response body;
    the body described here (the session id and its new status) is optional in every field.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SessionStatusUpdate
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
    body: UpdateSessionStatusRequest,
) -> Response[ErrorResponse | SessionStatusUpdate]:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`. Resubmission is
    only allowed from `Declined`, `In Review` or `Abandoned` (400 otherwise); approved steps are
    preserved. `email_address` is required when `send_email` is true. 004 shows no response body;
    the body described here (the session id and its new status) is optional in every field.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SessionStatusUpdate]
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
    body: UpdateSessionStatusRequest,
) -> ErrorResponse | SessionStatusUpdate | None:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`. Resubmission is
    only allowed from `Declined`, `In Review` or `Abandoned` (400 otherwise); approved steps are
    preserved. `email_address` is required when `send_email` is true. 004 shows no response body;
    the body described here (the session id and its new status) is optional in every field.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SessionStatusUpdate
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
