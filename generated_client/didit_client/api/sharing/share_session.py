from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...models.share_session_request import ShareSessionRequest
from ...models.share_token import ShareToken
from ...types import UNSET, Response, Unset, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


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
) -> ErrorResponse | FieldErrors | list[str] | ShareToken | None:
    if response.status_code == 200:
        response_200 = ShareToken.from_dict(response.json())

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
) -> Response[ErrorResponse | FieldErrors | list[str] | ShareToken]:
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
    body: ShareSessionRequest | Unset = UNSET,
) -> Response[ErrorResponse | FieldErrors | list[str] | ShareToken]:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400 (`detail` is a list of messages there, Didit's published OpenAPI).
    `for_application_id` must be an existing application other than the caller: the caller's
    own id is 400; an unknown id is 404 in 003 and 400 (a field error) on the live service.
    `ttl_in_seconds` is 60–86400, default 3600.

    003 and Didit's published OpenAPI require the body; 004's example posts none. The body is
    therefore optional here, and a server that needs `for_application_id` answers 400 without
    it. Unlike every other v3 operation, a missing or invalid API key is 401 here on the live
    service.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | ShareToken]
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
) -> ErrorResponse | FieldErrors | list[str] | ShareToken | None:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400 (`detail` is a list of messages there, Didit's published OpenAPI).
    `for_application_id` must be an existing application other than the caller: the caller's
    own id is 400; an unknown id is 404 in 003 and 400 (a field error) on the live service.
    `ttl_in_seconds` is 60–86400, default 3600.

    003 and Didit's published OpenAPI require the body; 004's example posts none. The body is
    therefore optional here, and a server that needs `for_application_id` answers 400 without
    it. Unlike every other v3 operation, a missing or invalid API key is 401 here on the live
    service.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | ShareToken
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
) -> Response[ErrorResponse | FieldErrors | list[str] | ShareToken]:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400 (`detail` is a list of messages there, Didit's published OpenAPI).
    `for_application_id` must be an existing application other than the caller: the caller's
    own id is 400; an unknown id is 404 in 003 and 400 (a field error) on the live service.
    `ttl_in_seconds` is 60–86400, default 3600.

    003 and Didit's published OpenAPI require the body; 004's example posts none. The body is
    therefore optional here, and a server that needs `for_application_id` answers 400 without
    it. Unlike every other v3 operation, a missing or invalid API key is 401 here on the live
    service.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FieldErrors | list[str] | ShareToken]
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
) -> ErrorResponse | FieldErrors | list[str] | ShareToken | None:
    """Mint a share token for a session

     Mints an HS256-signed JWT that lets one partner application import this session (003; 004,
    "7. Share Session"). Works for user (KYC) and business (KYB) sessions. The token's claims are
    `session_id`, `session_kind`, `from_application_id`, `for_application_id`, `iat`, `exp`
    (003).

    Requirements (003): the session is finished — 003 spells the statuses `APPROVED`, `DECLINED`,
    `IN_REVIEW`, which are the wire values `Approved`, `Declined`, `In Review` (004); anything
    else is 400 (`detail` is a list of messages there, Didit's published OpenAPI).
    `for_application_id` must be an existing application other than the caller: the caller's
    own id is 400; an unknown id is 404 in 003 and 400 (a field error) on the live service.
    `ttl_in_seconds` is 60–86400, default 3600.

    003 and Didit's published OpenAPI require the body; 004's example posts none. The body is
    therefore optional here, and a server that needs `for_application_id` answers 400 without
    it. Unlike every other v3 operation, a missing or invalid API key is 401 here on the live
    service.

    Args:
        session_id (UUID):
        body (ShareSessionRequest | Unset): The body of `share` (003).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FieldErrors | list[str] | ShareToken
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
