"""Contains shared errors types that can be raised from API functions"""

from typing import Any


class UnexpectedStatus(Exception):
    """Raised by api functions when the response has an undocumented status and
    Client.raise_on_unexpected_status is True.

    The message names the status and the length of the body, never the body: an error page may
    echo the request, credentials included. The body is `content`.
    """

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(f"Unexpected status code: {status_code} (response body of {len(content)} bytes)")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.status_code, self.content))


__all__ = ["UnexpectedStatus"]
