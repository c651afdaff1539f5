from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_v3 import DecisionV3
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...models.get_session_decision_include import GetSessionDecisionInclude
from ...types import UNSET, Response, Unset, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    session_id: UUID,
    *,
    include: GetSessionDecisionInclude | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_include: str | Unset = UNSET
    if not isinstance(include, Unset):
        json_include = include.value

    params["include"] = json_include

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/session/{session_id}/decision/".format(
            session_id=quote(str(session_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DecisionV3 | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 200:
        response_200 = DecisionV3.from_dict(response.json())

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
) -> Response[DecisionV3 | ErrorResponse | FieldErrors | list[str]]:
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
    include: GetSessionDecisionInclude | Unset = UNSET,
) -> Response[DecisionV3 | ErrorResponse | FieldErrors | list[str]]:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limits: 100 requests / minute for decisions (004); 600
    reads / minute per key on the live service (Didit's published OpenAPI).

    Didit's published OpenAPI adds: a result array is null until its feature has run at least
    once (004 shows empty arrays); `include=events` adds the session's event timeline and
    workflow details to a user session's decision (business sessions ignore it).

    Args:
        session_id (UUID):
        include (GetSessionDecisionInclude | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionV3 | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        include=include,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include: GetSessionDecisionInclude | Unset = UNSET,
) -> DecisionV3 | ErrorResponse | FieldErrors | list[str] | None:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limits: 100 requests / minute for decisions (004); 600
    reads / minute per key on the live service (Didit's published OpenAPI).

    Didit's published OpenAPI adds: a result array is null until its feature has run at least
    once (004 shows empty arrays); `include=events` adds the session's event timeline and
    workflow details to a user session's decision (business sessions ignore it).

    Args:
        session_id (UUID):
        include (GetSessionDecisionInclude | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionV3 | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
        include=include,
    ).parsed


async def asyncio_detailed(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include: GetSessionDecisionInclude | Unset = UNSET,
) -> Response[DecisionV3 | ErrorResponse | FieldErrors | list[str]]:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limits: 100 requests / minute for decisions (004); 600
    reads / minute per key on the live service (Didit's published OpenAPI).

    Didit's published OpenAPI adds: a result array is null until its feature has run at least
    once (004 shows empty arrays); `include=events` adds the session's event timeline and
    workflow details to a user session's decision (business sessions ignore it).

    Args:
        session_id (UUID):
        include (GetSessionDecisionInclude | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionV3 | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
        include=include,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    include: GetSessionDecisionInclude | Unset = UNSET,
) -> DecisionV3 | ErrorResponse | FieldErrors | list[str] | None:
    """Retrieve a session's decision

     Returns every verification result of the session (004, "2. Retrieve Session"), in the V3
    shape: per-feature results are arrays (`id_verifications`, `liveness_checks`, …). Image and
    media URLs expire after 60 minutes (004). Unknown or deleted sessions give 404 (004's error
    table: "Session not found"). Rate limits: 100 requests / minute for decisions (004); 600
    reads / minute per key on the live service (Didit's published OpenAPI).

    Didit's published OpenAPI adds: a result array is null until its feature has run at least
    once (004 shows empty arrays); `include=events` adds the session's event timeline and
    workflow details to a user session's decision (business sessions ignore it).

    Args:
        session_id (UUID):
        include (GetSessionDecisionInclude | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionV3 | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            include=include,
        )
    ).parsed
