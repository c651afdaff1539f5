from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.blocklist_add_request import BlocklistAddRequest
from ...models.blocklist_change import BlocklistChange
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    *,
    body: BlocklistAddRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/blocklist/add/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BlocklistChange | ErrorResponse | FieldErrors | list[str] | None:
    if response.status_code == 200:
        response_200 = BlocklistChange.from_dict(response.json())

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
) -> Response[BlocklistChange | ErrorResponse | FieldErrors | list[str]]:
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
    body: BlocklistAddRequest,
) -> Response[BlocklistChange | ErrorResponse | FieldErrors | list[str]]:
    """Blocklist items of a session

     Blocks the face, document, phone number and/or e-mail address of a session (004, "9. Blocklist
    — Add"). Each flag defaults to false. Sessions completed later whose item matches a blocked
    one are declined with a `FACE_IN_BLOCKLIST`, `ID_DOCUMENT_IN_BLOCKLIST`,
    `PHONE_NUMBER_IN_BLOCKLIST` or `EMAIL_IN_BLOCKLIST` warning (004). 004 shows no response
    body; the body described here lists what was blocked, and is optional in every field.

    Args:
        body (BlocklistAddRequest): The body of `blocklist/add` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlocklistChange | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BlocklistAddRequest,
) -> BlocklistChange | ErrorResponse | FieldErrors | list[str] | None:
    """Blocklist items of a session

     Blocks the face, document, phone number and/or e-mail address of a session (004, "9. Blocklist
    — Add"). Each flag defaults to false. Sessions completed later whose item matches a blocked
    one are declined with a `FACE_IN_BLOCKLIST`, `ID_DOCUMENT_IN_BLOCKLIST`,
    `PHONE_NUMBER_IN_BLOCKLIST` or `EMAIL_IN_BLOCKLIST` warning (004). 004 shows no response
    body; the body described here lists what was blocked, and is optional in every field.

    Args:
        body (BlocklistAddRequest): The body of `blocklist/add` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlocklistChange | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BlocklistAddRequest,
) -> Response[BlocklistChange | ErrorResponse | FieldErrors | list[str]]:
    """Blocklist items of a session

     Blocks the face, document, phone number and/or e-mail address of a session (004, "9. Blocklist
    — Add"). Each flag defaults to false. Sessions completed later whose item matches a blocked
    one are declined with a `FACE_IN_BLOCKLIST`, `ID_DOCUMENT_IN_BLOCKLIST`,
    `PHONE_NUMBER_IN_BLOCKLIST` or `EMAIL_IN_BLOCKLIST` warning (004). 004 shows no response
    body; the body described here lists what was blocked, and is optional in every field.

    Args:
        body (BlocklistAddRequest): The body of `blocklist/add` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlocklistChange | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BlocklistAddRequest,
) -> BlocklistChange | ErrorResponse | FieldErrors | list[str] | None:
    """Blocklist items of a session

     Blocks the face, document, phone number and/or e-mail address of a session (004, "9. Blocklist
    — Add"). Each flag defaults to false. Sessions completed later whose item matches a blocked
    one are declined with a `FACE_IN_BLOCKLIST`, `ID_DOCUMENT_IN_BLOCKLIST`,
    `PHONE_NUMBER_IN_BLOCKLIST` or `EMAIL_IN_BLOCKLIST` warning (004). 004 shows no response
    body; the body described here lists what was blocked, and is optional in every field.

    Args:
        body (BlocklistAddRequest): The body of `blocklist/add` (004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlocklistChange | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
