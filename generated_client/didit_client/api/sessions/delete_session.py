from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_session_request import DeleteSessionRequest
from ...models.deleted_session import DeletedSession
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...types import UNSET, Response, Unset, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    session_id: UUID,
    *,
    body: DeleteSessionRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v3/session/{session_id}/delete/".format(
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
) -> Any | DeletedSession | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 200:
        response_200 = DeletedSession.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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

    if response.status_code == 503:
        try:

            def _parse_response_503(data: object) -> ErrorResponse | FieldErrors | list[str]:
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

            response_503 = _parse_response_503(response.json())

            return response_503
        except _UNDECODABLE:
            return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | DeletedSession | ErrorResponse | FieldErrors | list[str]]:
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
    body: DeleteSessionRequest | Unset = UNSET,
) -> Response[Any | DeletedSession | ErrorResponse | FieldErrors | list[str]]:
    """Delete a session

     Permanently deletes a session and all associated data (004, "4. Delete Session"), and the
    session is 404 everywhere afterwards, deleting it again included. 004 answers 204 with no
    body; Didit's published OpenAPI answers 200 with what became of the face data kept for the
    session's user (and says the 204 is what it used to send). It also takes an optional body
    to override the application's retention policy, and answers 503, with nothing deleted, when
    its biometric store is unavailable. Blocklist entries made from the session stay, share
    tokens already minted are not revoked, and no webhook is sent.

    Args:
        session_id (UUID):
        body (DeleteSessionRequest | Unset): Optional overrides of the application's face-data
            retention policy for one deletion
            (Didit's published OpenAPI). `privacy_erasure` removes every biometric template of the
            session's user and cannot be combined with `retain_face_embeddings: true` (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeletedSession | ErrorResponse | FieldErrors | list[str]]
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
    body: DeleteSessionRequest | Unset = UNSET,
) -> Any | DeletedSession | ErrorResponse | FieldErrors | list[str] | None:
    """Delete a session

     Permanently deletes a session and all associated data (004, "4. Delete Session"), and the
    session is 404 everywhere afterwards, deleting it again included. 004 answers 204 with no
    body; Didit's published OpenAPI answers 200 with what became of the face data kept for the
    session's user (and says the 204 is what it used to send). It also takes an optional body
    to override the application's retention policy, and answers 503, with nothing deleted, when
    its biometric store is unavailable. Blocklist entries made from the session stay, share
    tokens already minted are not revoked, and no webhook is sent.

    Args:
        session_id (UUID):
        body (DeleteSessionRequest | Unset): Optional overrides of the application's face-data
            retention policy for one deletion
            (Didit's published OpenAPI). `privacy_erasure` removes every biometric template of the
            session's user and cannot be combined with `retain_face_embeddings: true` (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeletedSession | ErrorResponse | FieldErrors | list[str]
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
    body: DeleteSessionRequest | Unset = UNSET,
) -> Response[Any | DeletedSession | ErrorResponse | FieldErrors | list[str]]:
    """Delete a session

     Permanently deletes a session and all associated data (004, "4. Delete Session"), and the
    session is 404 everywhere afterwards, deleting it again included. 004 answers 204 with no
    body; Didit's published OpenAPI answers 200 with what became of the face data kept for the
    session's user (and says the 204 is what it used to send). It also takes an optional body
    to override the application's retention policy, and answers 503, with nothing deleted, when
    its biometric store is unavailable. Blocklist entries made from the session stay, share
    tokens already minted are not revoked, and no webhook is sent.

    Args:
        session_id (UUID):
        body (DeleteSessionRequest | Unset): Optional overrides of the application's face-data
            retention policy for one deletion
            (Didit's published OpenAPI). `privacy_erasure` removes every biometric template of the
            session's user and cannot be combined with `retain_face_embeddings: true` (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | DeletedSession | ErrorResponse | FieldErrors | list[str]]
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
    body: DeleteSessionRequest | Unset = UNSET,
) -> Any | DeletedSession | ErrorResponse | FieldErrors | list[str] | None:
    """Delete a session

     Permanently deletes a session and all associated data (004, "4. Delete Session"), and the
    session is 404 everywhere afterwards, deleting it again included. 004 answers 204 with no
    body; Didit's published OpenAPI answers 200 with what became of the face data kept for the
    session's user (and says the 204 is what it used to send). It also takes an optional body
    to override the application's retention policy, and answers 503, with nothing deleted, when
    its biometric store is unavailable. Blocklist entries made from the session stay, share
    tokens already minted are not revoked, and no webhook is sent.

    Args:
        session_id (UUID):
        body (DeleteSessionRequest | Unset): Optional overrides of the application's face-data
            retention policy for one deletion
            (Didit's published OpenAPI). `privacy_erasure` removes every biometric template of the
            session's user and cannot be combined with `retain_face_embeddings: true` (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | DeletedSession | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
            body=body,
        )
    ).parsed
