from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.business_decision import BusinessDecision
from ...models.decision_v2 import DecisionV2
from ...models.error_response import ErrorResponse
from ...models.field_errors import FieldErrors
from ...models.import_shared_session_request import ImportSharedSessionRequest
from ...models.imported_user_session_v3 import ImportedUserSessionV3
from ...types import Response, http_status

# What a body that is not the documented one raises while it is decoded.
_UNDECODABLE = (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError)


def _get_kwargs(
    *,
    body: ImportSharedSessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/session/import-shared/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BusinessDecision
    | DecisionV2
    | ImportedUserSessionV3
    | ErrorResponse
    | ErrorResponse
    | FieldErrors
    | list[str]
    | None
):
    if response.status_code == 201:

        def _parse_response_201(data: object) -> BusinessDecision | DecisionV2 | ImportedUserSessionV3:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_imported_session_type_0 = BusinessDecision.from_dict(data)

                return componentsschemas_imported_session_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_imported_session_type_1 = ImportedUserSessionV3.from_dict(data)

                return componentsschemas_imported_session_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_imported_session_type_2 = DecisionV2.from_dict(data)

            return componentsschemas_imported_session_type_2

        response_201 = _parse_response_201(response.json())

        return response_201

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
            response_401 = ErrorResponse.from_dict(response.json())

            return response_401
        except _UNDECODABLE:
            return None

    if response.status_code == 403:
        try:
            response_403 = ErrorResponse.from_dict(response.json())

            return response_403
        except _UNDECODABLE:
            return None

    if response.status_code == 404:
        try:
            response_404 = ErrorResponse.from_dict(response.json())

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
) -> Response[
    BusinessDecision | DecisionV2 | ImportedUserSessionV3 | ErrorResponse | ErrorResponse | FieldErrors | list[str]
]:
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
    body: ImportSharedSessionRequest,
) -> Response[
    BusinessDecision | DecisionV2 | ImportedUserSessionV3 | ErrorResponse | ErrorResponse | FieldErrors | list[str]
]:
    """Import a session shared by a partner

     Redeems a share token (000, 001; 004, "8. Import Shared Session"). Didit decodes the token,
    reads `session_kind` (absent in tokens minted before unified sharing: treated as `user`, 001)
    and clones the session into the caller's application with a fresh `session_id`,
    `session_number` and `session_url`; the clone's `shared_from_session` points at the source.
    With `trust_review: true` the clone keeps the source's status; with `false` it is
    `In Review` (001 spells it `IN_REVIEW`). An entity (user or business) is created for
    `vendor_data` if none exists.

    **Errors** (001; 004's generic table adds 400 for a malformed body and 429):
    401 — the token is invalid or expired; 403 — the token is for another application, or this
    application already imported the session (importing the same token twice is 403: 001,
    "Idempotency"; 004: "only once per partner application"); 404 — the source session no longer
    exists, or `workflow_id` is not a workflow of the calling application.
    Didit's published OpenAPI differs: an invalid or expired token, a token for another
    application and a deleted source session are all 400, as field errors under `share_token`;
    403 is kept for an application that already imported the session (and for a bad API key,
    never 401); 404 only for a `workflow_id` that is not the caller's. A business session
    cannot be imported into a user workflow, nor the reverse (400).

    **The 201 body** differs between the documents, and every shape is accepted:
    000 shows a full V2 decision payload (singular blocks); 001's first example a short body
    (identifiers, status, dates); 001's prose a V2 payload for user sessions ("no session_kind
    field") and the KYB payload for business sessions; and 001's second example a user session with
    `session_kind: "user"` and V3 arrays. Didit's published OpenAPI answers with the V3 decision
    of the clone for both kinds, told apart by `session_kind`. See `ImportedSession`.

    **workflow_id** is a plain string in 000 and a UUID in 001, whose own example uses
    `your-kyc-workflow-id`: any string is accepted, and one that names no workflow of the caller is
    404. **vendor_data** is nullable (001) or a plain string (000): both are accepted.

    Args:
        body (ImportSharedSessionRequest): The body of `import-shared` (000, 001, 004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BusinessDecision | DecisionV2 | ImportedUserSessionV3 | ErrorResponse | ErrorResponse | FieldErrors | list[str]]
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
    body: ImportSharedSessionRequest,
) -> (
    BusinessDecision
    | DecisionV2
    | ImportedUserSessionV3
    | ErrorResponse
    | ErrorResponse
    | FieldErrors
    | list[str]
    | None
):
    """Import a session shared by a partner

     Redeems a share token (000, 001; 004, "8. Import Shared Session"). Didit decodes the token,
    reads `session_kind` (absent in tokens minted before unified sharing: treated as `user`, 001)
    and clones the session into the caller's application with a fresh `session_id`,
    `session_number` and `session_url`; the clone's `shared_from_session` points at the source.
    With `trust_review: true` the clone keeps the source's status; with `false` it is
    `In Review` (001 spells it `IN_REVIEW`). An entity (user or business) is created for
    `vendor_data` if none exists.

    **Errors** (001; 004's generic table adds 400 for a malformed body and 429):
    401 — the token is invalid or expired; 403 — the token is for another application, or this
    application already imported the session (importing the same token twice is 403: 001,
    "Idempotency"; 004: "only once per partner application"); 404 — the source session no longer
    exists, or `workflow_id` is not a workflow of the calling application.
    Didit's published OpenAPI differs: an invalid or expired token, a token for another
    application and a deleted source session are all 400, as field errors under `share_token`;
    403 is kept for an application that already imported the session (and for a bad API key,
    never 401); 404 only for a `workflow_id` that is not the caller's. A business session
    cannot be imported into a user workflow, nor the reverse (400).

    **The 201 body** differs between the documents, and every shape is accepted:
    000 shows a full V2 decision payload (singular blocks); 001's first example a short body
    (identifiers, status, dates); 001's prose a V2 payload for user sessions ("no session_kind
    field") and the KYB payload for business sessions; and 001's second example a user session with
    `session_kind: "user"` and V3 arrays. Didit's published OpenAPI answers with the V3 decision
    of the clone for both kinds, told apart by `session_kind`. See `ImportedSession`.

    **workflow_id** is a plain string in 000 and a UUID in 001, whose own example uses
    `your-kyc-workflow-id`: any string is accepted, and one that names no workflow of the caller is
    404. **vendor_data** is nullable (001) or a plain string (000): both are accepted.

    Args:
        body (ImportSharedSessionRequest): The body of `import-shared` (000, 001, 004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BusinessDecision | DecisionV2 | ImportedUserSessionV3 | ErrorResponse | ErrorResponse | FieldErrors | list[str]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ImportSharedSessionRequest,
) -> Response[
    BusinessDecision | DecisionV2 | ImportedUserSessionV3 | ErrorResponse | ErrorResponse | FieldErrors | list[str]
]:
    """Import a session shared by a partner

     Redeems a share token (000, 001; 004, "8. Import Shared Session"). Didit decodes the token,
    reads `session_kind` (absent in tokens minted before unified sharing: treated as `user`, 001)
    and clones the session into the caller's application with a fresh `session_id`,
    `session_number` and `session_url`; the clone's `shared_from_session` points at the source.
    With `trust_review: true` the clone keeps the source's status; with `false` it is
    `In Review` (001 spells it `IN_REVIEW`). An entity (user or business) is created for
    `vendor_data` if none exists.

    **Errors** (001; 004's generic table adds 400 for a malformed body and 429):
    401 — the token is invalid or expired; 403 — the token is for another application, or this
    application already imported the session (importing the same token twice is 403: 001,
    "Idempotency"; 004: "only once per partner application"); 404 — the source session no longer
    exists, or `workflow_id` is not a workflow of the calling application.
    Didit's published OpenAPI differs: an invalid or expired token, a token for another
    application and a deleted source session are all 400, as field errors under `share_token`;
    403 is kept for an application that already imported the session (and for a bad API key,
    never 401); 404 only for a `workflow_id` that is not the caller's. A business session
    cannot be imported into a user workflow, nor the reverse (400).

    **The 201 body** differs between the documents, and every shape is accepted:
    000 shows a full V2 decision payload (singular blocks); 001's first example a short body
    (identifiers, status, dates); 001's prose a V2 payload for user sessions ("no session_kind
    field") and the KYB payload for business sessions; and 001's second example a user session with
    `session_kind: "user"` and V3 arrays. Didit's published OpenAPI answers with the V3 decision
    of the clone for both kinds, told apart by `session_kind`. See `ImportedSession`.

    **workflow_id** is a plain string in 000 and a UUID in 001, whose own example uses
    `your-kyc-workflow-id`: any string is accepted, and one that names no workflow of the caller is
    404. **vendor_data** is nullable (001) or a plain string (000): both are accepted.

    Args:
        body (ImportSharedSessionRequest): The body of `import-shared` (000, 001, 004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BusinessDecision | DecisionV2 | ImportedUserSessionV3 | ErrorResponse | ErrorResponse | FieldErrors | list[str]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ImportSharedSessionRequest,
) -> (
    BusinessDecision
    | DecisionV2
    | ImportedUserSessionV3
    | ErrorResponse
    | ErrorResponse
    | FieldErrors
    | list[str]
    | None
):
    """Import a session shared by a partner

     Redeems a share token (000, 001; 004, "8. Import Shared Session"). Didit decodes the token,
    reads `session_kind` (absent in tokens minted before unified sharing: treated as `user`, 001)
    and clones the session into the caller's application with a fresh `session_id`,
    `session_number` and `session_url`; the clone's `shared_from_session` points at the source.
    With `trust_review: true` the clone keeps the source's status; with `false` it is
    `In Review` (001 spells it `IN_REVIEW`). An entity (user or business) is created for
    `vendor_data` if none exists.

    **Errors** (001; 004's generic table adds 400 for a malformed body and 429):
    401 — the token is invalid or expired; 403 — the token is for another application, or this
    application already imported the session (importing the same token twice is 403: 001,
    "Idempotency"; 004: "only once per partner application"); 404 — the source session no longer
    exists, or `workflow_id` is not a workflow of the calling application.
    Didit's published OpenAPI differs: an invalid or expired token, a token for another
    application and a deleted source session are all 400, as field errors under `share_token`;
    403 is kept for an application that already imported the session (and for a bad API key,
    never 401); 404 only for a `workflow_id` that is not the caller's. A business session
    cannot be imported into a user workflow, nor the reverse (400).

    **The 201 body** differs between the documents, and every shape is accepted:
    000 shows a full V2 decision payload (singular blocks); 001's first example a short body
    (identifiers, status, dates); 001's prose a V2 payload for user sessions ("no session_kind
    field") and the KYB payload for business sessions; and 001's second example a user session with
    `session_kind: "user"` and V3 arrays. Didit's published OpenAPI answers with the V3 decision
    of the clone for both kinds, told apart by `session_kind`. See `ImportedSession`.

    **workflow_id** is a plain string in 000 and a UUID in 001, whose own example uses
    `your-kyc-workflow-id`: any string is accepted, and one that names no workflow of the caller is
    404. **vendor_data** is nullable (001) or a plain string (000): both are accepted.

    Args:
        body (ImportSharedSessionRequest): The body of `import-shared` (000, 001, 004).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BusinessDecision | DecisionV2 | ImportedUserSessionV3 | ErrorResponse | ErrorResponse | FieldErrors | list[str]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
