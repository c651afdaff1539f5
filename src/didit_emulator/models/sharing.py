"""Sharing sessions between applications (003) and importing them (000, 001).

`ShareToken` carries the token's rules: the claims it is minted with, and every check a token
must pass before an import: three canonical base64url segments (no padding, no stray bits), HS256
only, the claims present and typed (`iat`, `exp` and any `nbf` whole numbers; NaN, infinities and
fractions refused), issued no later than now and valid no longer than the spec's longest share
lifetime, not expired, on the emulator clock. `SharingOperations` mints tokens for finished sessions
and imports them exactly once per source session and application, into a workflow of the same
kind, creating the clone and the entity its `vendor_data` names.
"""

from __future__ import annotations

import base64
import binascii
import copy
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import jwt

from didit_spec import didit_document

from .. import serialization
from ..config import ApplicationConfig
from ..exceptions import (
    AlreadyImported,
    ApplicationNotFound,
    CannotShareWithOwnApplication,
    InvalidShareToken,
    MissingShareTarget,
    SharedSessionNotFound,
    ShareTokenForAnotherApplication,
    WorkflowKindMismatch,
    WorkflowNotFound,
)
from ..spec_values import SessionKind, SessionStatus
from .sessions import Session, SessionOperations
from .state import locked

__all__ = ["Entity", "ShareToken", "SharingOperations"]

_ALGORITHM = "HS256"
# How far in the future `iat` / `nbf` may be: the emulator mints with its own clock, so any
# difference is rounding; a token from later than that was not minted here.
_CLOCK_LEEWAY_SECONDS = 5
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
# The longest lifetime a share token can be minted with: `ttl_in_seconds`'s maximum in the spec.
_TTL_SCHEMA = "/components/schemas/ShareSessionRequest/properties/ttl_in_seconds"


def _longest_lifetime() -> int:
    _, schema = didit_document().resolve(_TTL_SCHEMA)
    return int(schema["maximum"])


def _canonical_base64url(segment: str) -> bool:
    """Whether `segment` is unpadded base64url exactly as an encoder writes it: only the
    alphabet, no `=`, and no bits set past the end of the data (so no second spelling of the
    same bytes)."""
    if _BASE64URL.fullmatch(segment) is None or len(segment) % 4 == 1:
        return False
    try:
        data = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        return False
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii") == segment


def _whole_number(claims: Mapping[str, Any], name: str) -> int | None:
    """The claim as an integer; None when absent; `InvalidShareToken` when it is not a whole
    number (a float such as 1e308, NaN or Infinity, a boolean, a string)."""
    if name not in claims:
        return None
    value = claims[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidShareToken(f"Share token's {name} claim is not a whole number of seconds.")
    return value


# What an import copies from the source session into its clone.
_CLONED_FIELDS = (
    "metadata",
    "callback",
    "callback_method",
    "language",
    "contact_details",
    "expected_details",
    "portrait_sha256",
    "blocks",
    "reviews",
    "identity",
)


@dataclass(frozen=True)
class ShareToken:
    """The claims of a share token (003): exactly these, signed HS256."""

    session_id: str
    session_kind: SessionKind
    from_application_id: str
    for_application_id: str
    iat: int
    exp: int

    def encode(self, secret: str) -> str:
        claims = {
            "session_id": self.session_id,
            "session_kind": self.session_kind.value,
            "from_application_id": self.from_application_id,
            "for_application_id": self.for_application_id,
            "iat": self.iat,
            "exp": self.exp,
        }
        return jwt.encode(claims, secret, algorithm=_ALGORITHM)

    @classmethod
    def decode(cls, token: str, secret: str, now: float) -> ShareToken:
        """The claims of a valid token; `InvalidShareToken` saying why otherwise."""
        segments = token.split(".")
        if len(segments) != 3 or not all(_canonical_base64url(s) for s in segments[:2]):
            raise InvalidShareToken("Share token is malformed.")
        if not _canonical_base64url(segments[2]):
            raise InvalidShareToken("Share token signature is invalid.")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise InvalidShareToken("Share token is malformed.") from None
        if header.get("alg") != _ALGORITHM:
            raise InvalidShareToken(f"Share token must be signed with {_ALGORITHM}.")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                secret,
                algorithms=[_ALGORITHM],
                options={"verify_exp": False, "verify_iat": False, "verify_nbf": False},
            )
        except jwt.InvalidSignatureError:
            raise InvalidShareToken("Share token signature is invalid.") from None
        except jwt.PyJWTError:
            raise InvalidShareToken("Share token is malformed.") from None
        for claim in ("session_id", "from_application_id", "for_application_id"):
            if not isinstance(claims.get(claim), str):
                raise InvalidShareToken(f"Share token lacks the {claim} claim.")
        exp, iat, nbf = (_whole_number(claims, name) for name in ("exp", "iat", "nbf"))
        if exp is None:
            raise InvalidShareToken("Share token lacks the exp claim.")
        if iat is None:
            raise InvalidShareToken("Share token lacks the iat claim.")
        if iat > now + _CLOCK_LEEWAY_SECONDS:
            raise InvalidShareToken("Share token is issued in the future.")
        if nbf is not None and nbf > now + _CLOCK_LEEWAY_SECONDS:
            raise InvalidShareToken("Share token is not valid yet.")
        if exp - iat > _longest_lifetime():
            raise InvalidShareToken("Share token lives longer than a share token can.")
        if now >= exp:
            raise InvalidShareToken("Share token expired.")
        # 001: a token without session_kind is a user session.
        try:
            kind = SessionKind(claims.get("session_kind", SessionKind.USER.value))
        except ValueError:
            raise InvalidShareToken("Share token has an unknown session_kind.") from None
        return cls(
            session_id=claims["session_id"],
            session_kind=kind,
            from_application_id=claims["from_application_id"],
            for_application_id=claims["for_application_id"],
            iat=iat,
            exp=exp,
        )

    def names(self, source: Session | None) -> bool:
        """Whether `source` is the session this token shares (same application and kind)."""
        return (
            source is not None
            and source.application_id == self.from_application_id
            and source.kind is self.session_kind
        )


@dataclass
class Entity:
    """A user or business an application verified (001: created on import for its vendor_data)."""

    id: str
    application_id: str
    kind: SessionKind
    vendor_data: str | None
    session_ids: list[str] = field(default_factory=list)


class SharingOperations(SessionOperations):
    """Share tokens and imports."""

    @locked
    def share_session(
        self, app: ApplicationConfig, session_id: str, body: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        """A share token (003): finished sessions only, for another known application."""
        session = self._session(app, session_id)
        if not body or "for_application_id" not in body:
            raise MissingShareTarget()
        session.ensure_shareable()
        target = str(body["for_application_id"])
        if target == app.id:
            raise CannotShareWithOwnApplication()
        if target not in self.applications:
            raise ApplicationNotFound()
        iat = int(self.now())
        token = ShareToken(
            session_id=session.id,
            session_kind=session.kind,
            from_application_id=app.id,
            for_application_id=target,
            iat=iat,
            exp=iat + int(body["ttl_in_seconds"]),  # validation filled in the spec's default
        )
        return {
            "share_token": token.encode(self.config.share_token_secret),
            "for_application_id": target,
            "session_kind": session.kind,
        }

    @locked
    def import_shared(
        self, app: ApplicationConfig, body: Mapping[str, Any], base_url: str
    ) -> bytes:
        """Clones a shared session into the caller's application (000, 001); answers with the
        clone's V3 decision as JSON, rendered under the lock (so without copying it)."""
        token = ShareToken.decode(
            str(body["share_token"]), self.config.share_token_secret, self.now()
        )
        if token.for_application_id != app.id:
            raise ShareTokenForAnotherApplication()
        source = self.sessions.get(token.session_id)
        if source is None or not token.names(source):
            raise SharedSessionNotFound()
        workflow = app.workflow(str(body["workflow_id"]))
        if workflow is None:
            raise WorkflowNotFound()
        if workflow.kind is not token.session_kind:
            raise WorkflowKindMismatch(
                f"workflow_id: a {token.session_kind} session cannot be imported into a "
                f"{workflow.kind} workflow."
            )
        if (app.id, source.id) in self.imports:
            raise AlreadyImported()
        self._expire_due(self.now())
        clone = self._new_session(
            app, workflow, base_url, kind=source.kind, features=source.features
        )
        clone.status = source.status if body["trust_review"] else SessionStatus.IN_REVIEW
        vendor_data = body.get("vendor_data")
        clone.vendor_data = vendor_data if vendor_data is not None else source.vendor_data
        for name in _CLONED_FIELDS:
            setattr(clone, name, copy.deepcopy(getattr(source, name)))
        clone.shared_from_session = source.id
        # Didit's published OpenAPI: the clone's V3 decision for both kinds (000 / 001 show V2).
        # Written before the clone is stored: an import that cannot answer leaves nothing behind.
        answer = serialization.to_json(serialization.decision_v3(clone, copied=False))
        self._store(clone)
        self.imports[(app.id, source.id)] = clone.id
        self._entity_for(clone)
        return answer

    def _entity_for(self, session: Session) -> Entity:
        if session.vendor_data is None:
            entity = Entity(str(uuid.uuid4()), session.application_id, session.kind, None)
            self.anonymous_entities.append(entity)
        else:
            key = (session.application_id, session.kind.value, session.vendor_data)
            entity = self.entities.get(key) or Entity(
                str(uuid.uuid4()), session.application_id, session.kind, session.vendor_data
            )
            self.entities[key] = entity
        entity.session_ids.append(session.id)
        return entity
