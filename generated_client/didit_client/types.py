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


# Which property names hold a credential or a URL: the lists of templates/credential_names.jinja,
# which also decided, per documented field, what a model's repr leaves out or shortens.
_CREDENTIAL_LAST_WORDS = frozenset(
    [
        "apikey",
        "apikeys",
        "auth",
        "bearer",
        "cookie",
        "cookies",
        "credential",
        "credentials",
        "jwt",
        "key",
        "keys",
        "passwd",
        "password",
        "passwords",
        "secret",
        "secrets",
        "signature",
        "signatures",
        "token",
        "tokens",
    ]
)
_CREDENTIAL_ANY_WORDS = frozenset(["apikey", "authorization", "credential", "credentials", "passwd", "password"])
_CREDENTIAL_FRAGMENTS = frozenset(["secret"])
_URL_LAST_WORDS = frozenset(["href", "link", "links", "uri", "uris", "url", "urls"])
# A name's words as the generator reads them: `partnerAPIKey`, `partner-api-key` and
# `partner_api_key` are all partner, api, key; then, as the model template reads the generated
# snake_case name, without a numbered ending.
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_NUMBERED_END = re.compile(r"(?:_v?_?[0-9]+|[0-9]+)+$")
_SNAKE_WORD = re.compile(r"[a-z]+|[0-9]+")
# A value that is a URL of any scheme (it may carry a token or user credentials), or an
# Authorization header's value.
_URL_VALUE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_AUTHORIZATION_VALUE = re.compile(r"^(?:bearer|basic|token)\s", re.IGNORECASE)
# Undocumented properties nested deeper than this are not shown (a repr must not fail).
_DEEPEST = 32


def property_words(name: str) -> list[str]:
    """The lowercase words of a property name, without a numbered ending."""
    snake = "_".join(word.lower() for word in _WORD.findall(name))
    return _SNAKE_WORD.findall(_NUMBERED_END.sub("", snake) or snake)


def is_credential_name(name: str) -> bool:
    """Whether a property of this name holds a credential (its value is never shown)."""
    words = property_words(name)
    return bool(words) and (
        words[-1] in _CREDENTIAL_LAST_WORDS
        or any(word in _CREDENTIAL_ANY_WORDS for word in words)
        or any(fragment in "_".join(words) for fragment in _CREDENTIAL_FRAGMENTS)
    )


def is_url_name(name: str) -> bool:
    """Whether a property of this name holds a URL (shown without its last segment)."""
    words = property_words(name)
    return bool(words) and words[-1] in _URL_LAST_WORDS


def redact_additional_properties(value: object) -> str:
    """The repr of a model's additional (undocumented) properties: an API may add a credential
    or a session URL before the spec names it, so they are shown by the rules of documented
    fields, applied to each key at any depth; any string that is a URL is shown without its last
    segment (and user credentials) too, and an Authorization value not at all."""
    return _shown(value, url=False, depth=0, open_containers=frozenset())


def _shown(value: object, *, url: bool, depth: int, open_containers: frozenset[int]) -> str:
    if isinstance(value, str):
        if _AUTHORIZATION_VALUE.match(value):
            return "'<redacted>'"
        if url or _URL_VALUE.match(value):
            return redact_url(value)
        return repr(value)
    if isinstance(value, bytes) and url:
        return "'<redacted>'"
    if not isinstance(value, Mapping | list | tuple | set | frozenset):
        return repr(value)
    if id(value) in open_containers:
        return "{...}" if isinstance(value, Mapping) else "[...]"
    if depth >= _DEEPEST:
        return "'<...>'"
    inner = open_containers | {id(value)}
    if isinstance(value, Mapping):
        shown = []
        for key, item in value.items():
            name = key if isinstance(key, str) else repr(key)
            if is_credential_name(name):
                shown.append(f"{key!r}: '<redacted>'")
            else:
                item_shown = _shown(item, url=url or is_url_name(name), depth=depth + 1, open_containers=inner)
                shown.append(f"{key!r}: {item_shown}")
        return "{" + ", ".join(shown) + "}"
    items = [_shown(item, url=url, depth=depth + 1, open_containers=inner) for item in value]
    if isinstance(value, list):
        return "[" + ", ".join(items) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    return "{" + ", ".join(items) + "}" if items else f"{type(value).__name__}()"


def http_status(code: int) -> HTTPStatus | int:
    """`code` as an `HTTPStatus` when it is one the registry knows, else the plain int (a CDN's
    520, nginx's 499): a response never fails to be built for its status."""
    try:
        return HTTPStatus(code)
    except ValueError:
        return code


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint

    `status_code` is an `HTTPStatus` for the statuses the registry knows and a plain `int` for any
    other (see `http_status`); compare it with ints. `content` (the raw body) and `headers` stay
    out of the repr: a raw body may carry a share or session token that `parsed` hides.
    """

    status_code: HTTPStatus | int
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
    "http_status",
    "is_credential_name",
    "is_url_name",
    "property_words",
    "redact_additional_properties",
    "redact_url",
]
