"""Contains some shared types for properties"""

import re
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar
from urllib.parse import urlsplit

from attrs import define, field


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


def redact_url(value: object) -> str:
    """The repr of a URL whose last path segment or query may be a credential (a session URL ends
    in its session token, a pre-signed file URL carries its signature in the query): scheme, host
    and the path up to its last segment, which is replaced, with any query, by `<redacted>`."""
    if not isinstance(value, str):
        return repr(value)
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        if parts.port is not None:
            host += f":{parts.port}"
    except ValueError:
        return "'<redacted>'"
    head, _, _ = parts.path.rstrip("/").rpartition("/")
    origin = f"{parts.scheme}://{host}" if parts.scheme else ""
    return repr(f"{origin}{head}/<redacted>")


# A name in camelCase or with dashes, as a property's wire name may be, read in snake_case.
_WORD_START = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _snake_case(name: str) -> str:
    return _WORD_START.sub("_", name).replace("-", "_").lower()


def _shown(name: str, value: object) -> str:
    """The repr of a value under a property named `name`, by the rules the model template applies
    to documented fields (templates/model.py.jinja): a credential (a name ending in `token` or
    `_key`, or with `secret` anywhere) is not shown, a URL (`url`, `*_url`) only up to its last
    path segment, and mappings and lists are walked."""
    snake = _snake_case(name)
    if snake.endswith(("token", "_key")) or "secret" in snake:
        return "'<redacted>'"
    if snake == "url" or snake.endswith("_url"):
        return redact_url(value)
    return _walked(value)


def _walked(value: object) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key!r}: {_shown(str(key), item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_walked(item) for item in value) + "]"
    return repr(value)


def redact_additional_properties(value: object) -> str:
    """The repr of a model's additional (undocumented) properties: an API may add a credential
    or a session URL the spec does not name yet, so they are shown by the rules of documented
    fields, applied by key, at any depth."""
    return _walked(value)


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint

    `content` (the raw body) and `headers` stay out of the repr: a raw body may carry a share or
    session token that `parsed` hides.
    """

    status_code: HTTPStatus
    content: bytes = field(repr=False)
    headers: MutableMapping[str, str] = field(repr=False)
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "redact_additional_properties",
    "redact_url",
]
