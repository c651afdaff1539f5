"""The production layer over the generated Didit client (`didit_client`), written by hand.

The generated package stays generated; what it lacks for production use lives here: one-line
client set-up (`create_client`, `create_v2_client`), retries in one transport (`RetryPolicy`,
`RetryTransport`), typed errors (`DiditError`: one subclass per status, and
`APIConnectionError` / `APITimeoutError` when no response came) and `unwrap`, the v2
client-token auth, pagination over sessions, and webhook verification and receiving
(`didit_toolkit.webhooks`). Forward-compatible enums are built into the generated models by the
project's generator templates (`Enum.decode`, `is_known`).
"""

from didit_toolkit.auth import DEFAULT_AUTH_BASE_URL, ClientTokenAuth
from didit_toolkit.client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, create_client, create_v2_client
from didit_toolkit.errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    DiditError,
    ErrorBody,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    UnexpectedStatusError,
    decode_error_body,
    error_for,
    unwrap,
)
from didit_toolkit.pagination import PaginationError, aiter_sessions, iter_sessions
from didit_toolkit.retry import (
    AsyncRetryTransport,
    RetryPolicy,
    RetryTransport,
    SyncRetryTransport,
    retry_after_seconds,
)
from didit_toolkit.webhooks import (
    DeliveryOutcome,
    DeliveryStore,
    InMemoryDeliveryStore,
    WebhookDelivery,
    WebhookPayloadError,
    WebhookPayloadTooLargeError,
    WebhookReceiver,
    WebhookReplayError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookVerificationError,
    sign_webhook,
    verify_webhook,
)

__all__ = [
    "DEFAULT_AUTH_BASE_URL",
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APITimeoutError",
    "AsyncRetryTransport",
    "AuthenticationError",
    "BadRequestError",
    "ClientTokenAuth",
    "DeliveryOutcome",
    "DeliveryStore",
    "DiditError",
    "ErrorBody",
    "InMemoryDeliveryStore",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitedError",
    "RetryPolicy",
    "RetryTransport",
    "ServerError",
    "SyncRetryTransport",
    "UnexpectedStatusError",
    "WebhookDelivery",
    "WebhookPayloadError",
    "WebhookPayloadTooLargeError",
    "WebhookReceiver",
    "WebhookReplayError",
    "WebhookSignatureError",
    "WebhookTimestampError",
    "WebhookVerificationError",
    "aiter_sessions",
    "create_client",
    "create_v2_client",
    "decode_error_body",
    "error_for",
    "iter_sessions",
    "retry_after_seconds",
    "sign_webhook",
    "unwrap",
    "verify_webhook",
]
