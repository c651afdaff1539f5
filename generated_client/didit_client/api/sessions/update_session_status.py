from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...models.session_status_update import SessionStatusUpdate
from ...models.update_session_status_request import UpdateSessionStatusRequest
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


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
) -> ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate | None:
    if response.status_code == 200:
        response_200 = SessionStatusUpdate.from_dict(response.json())

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
) -> Response[ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate]:
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
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateSessionStatusRequest,
) -> Response[ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate]:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`;
    `email_address` is required when `send_email` is true.

    Which sessions can change: 004 allows resubmission only from `Declined`, `In Review` or
    `Abandoned`. Didit's published OpenAPI: any change needs the current status to be
    `Approved`, `Declined`, `In Review`, `Kyc Expired`, `Abandoned` or `Resubmitted` (else 400
    `{"detail": ...}`, checked before the body), and a new status equal to the current one is
    400 with a bare array of messages. `Resubmitted` without `nodes_to_resubmit` sends back every
    step that has run and is not approved (declined, in review, unfinished or expired); NFC, IP
    analysis and age estimation are never picked that way, and with nothing to pick the answer
    is 400. Resubmitting restarts the session's expiry and reopens its `url`. Repeating a
    resubmission of server-side steps only (AML, database validation, IP analysis) within 30
    seconds is 429. Each change fires a `status.updated` webhook and adds a review.

    004 shows no response body; Didit's published OpenAPI answers with the session id only.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate]
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
) -> ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate | None:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`;
    `email_address` is required when `send_email` is true.

    Which sessions can change: 004 allows resubmission only from `Declined`, `In Review` or
    `Abandoned`. Didit's published OpenAPI: any change needs the current status to be
    `Approved`, `Declined`, `In Review`, `Kyc Expired`, `Abandoned` or `Resubmitted` (else 400
    `{"detail": ...}`, checked before the body), and a new status equal to the current one is
    400 with a bare array of messages. `Resubmitted` without `nodes_to_resubmit` sends back every
    step that has run and is not approved (declined, in review, unfinished or expired); NFC, IP
    analysis and age estimation are never picked that way, and with nothing to pick the answer
    is 400. Resubmitting restarts the session's expiry and reopens its `url`. Repeating a
    resubmission of server-side steps only (AML, database validation, IP analysis) within 30
    seconds is 429. Each change fires a `status.updated` webhook and adds a review.

    004 shows no response body; Didit's published OpenAPI answers with the session id only.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate
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
) -> Response[ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate]:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`;
    `email_address` is required when `send_email` is true.

    Which sessions can change: 004 allows resubmission only from `Declined`, `In Review` or
    `Abandoned`. Didit's published OpenAPI: any change needs the current status to be
    `Approved`, `Declined`, `In Review`, `Kyc Expired`, `Abandoned` or `Resubmitted` (else 400
    `{"detail": ...}`, checked before the body), and a new status equal to the current one is
    400 with a bare array of messages. `Resubmitted` without `nodes_to_resubmit` sends back every
    step that has run and is not approved (declined, in review, unfinished or expired); NFC, IP
    analysis and age estimation are never picked that way, and with nothing to pick the answer
    is 400. Resubmitting restarts the session's expiry and reopens its `url`. Repeating a
    resubmission of server-side steps only (AML, database validation, IP analysis) within 30
    seconds is 429. Each change fires a `status.updated` webhook and adds a review.

    004 shows no response body; Didit's published OpenAPI answers with the session id only.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate]
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
) -> ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate | None:
    """Update a session's status

     Manually approves, declines or sends steps of a session back for resubmission (004, "5. Update
    Session Status"). `new_status` is one of `Approved`, `Declined`, `Resubmitted`;
    `email_address` is required when `send_email` is true.

    Which sessions can change: 004 allows resubmission only from `Declined`, `In Review` or
    `Abandoned`. Didit's published OpenAPI: any change needs the current status to be
    `Approved`, `Declined`, `In Review`, `Kyc Expired`, `Abandoned` or `Resubmitted` (else 400
    `{"detail": ...}`, checked before the body), and a new status equal to the current one is
    400 with a bare array of messages. `Resubmitted` without `nodes_to_resubmit` sends back every
    step that has run and is not approved (declined, in review, unfinished or expired); NFC, IP
    analysis and age estimation are never picked that way, and with nothing to pick the answer
    is 400. Resubmitting restarts the session's expiry and reopens its `url`. Repeating a
    resubmission of server-side steps only (AML, database validation, IP analysis) within 30
    seconds is 429. Each change fires a `status.updated` webhook and adds a review.

    004 shows no response body; Didit's published OpenAPI answers with the session id only.

    Args:
        session_id (UUID):
        body (UpdateSessionStatusRequest): The body of `update-status` (004). `email_address` is
            required when `send_email` is true.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | SessionStatusUpdate
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
