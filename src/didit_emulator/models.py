"""The emulator's backend: plain data and every rule of the documents, with `reset()`.

The HTTP layer (`responses.py`) parses a request and calls one method here; the method either
returns plain data for the response or raises one of `exceptions.py`'s errors. Every public method
holds the backend's lock, so check-and-insert rules (one import per source session and application)
hold under concurrency.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import secrets
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

import jwt

from didit_spec import load_spec

from . import results
from .clock import Clock, isoformat
from .config import ApplicationConfig, EmulatorConfig, WorkflowConfig
from .exceptions import (
    AlreadyImported,
    ApplicationNotFound,
    CannotShareWithOwnApplication,
    InvalidApiKey,
    InvalidClientCredentials,
    InvalidClientToken,
    InvalidShareToken,
    InvalidStatusTransition,
    MissingShareTarget,
    NotFound,
    SessionNotFinished,
    SessionNotFound,
    SharedSessionNotFound,
    ShareTokenForAnotherApplication,
    UnknownWorkflow,
    WorkflowNotFound,
)
from .ratelimit import SlidingWindowRateLimiter
from .results import BLOCKS, BUSINESS_BLOCKS, Identity

__all__ = [
    "BlocklistEntry",
    "EmulatorBackend",
    "Entity",
    "ListPage",
    "Session",
    "SessionStatus",
]

P = ParamSpec("P")
R = TypeVar("R")


class SessionStatus:
    """The session statuses the rules below talk about; each is checked against the spec's
    `SessionStatus` enum when this module loads."""

    NOT_STARTED = "Not Started"
    IN_PROGRESS = "In Progress"
    IN_REVIEW = "In Review"
    APPROVED = "Approved"
    DECLINED = "Declined"
    ABANDONED = "Abandoned"
    EXPIRED = "Expired"
    RESUBMITTED = "Resubmitted"

    # 003 / 004: only finished sessions can be shared.
    SHAREABLE = frozenset({APPROVED, DECLINED, IN_REVIEW})
    # 004: "Resubmit: Session must be Declined, In Review, or Abandoned."
    RESUBMITTABLE = frozenset({DECLINED, IN_REVIEW, ABANDONED})
    # Sessions still waiting for the user expire (004: "Expired ... default: 7 days").
    EXPIRABLE = frozenset({NOT_STARTED, IN_PROGRESS, RESUBMITTED})

    @classmethod
    def all(cls) -> frozenset[str]:
        return frozenset(
            value for name, value in vars(cls).items() if name.isupper() and isinstance(value, str)
        )


# Control-surface outcome -> session status.
OUTCOME_STATUS: Mapping[str, str] = {
    "approved": SessionStatus.APPROVED,
    "declined": SessionStatus.DECLINED,
    "in_review": SessionStatus.IN_REVIEW,
    "abandoned": SessionStatus.ABANDONED,
    "expired": SessionStatus.EXPIRED,
    "resubmitted": SessionStatus.RESUBMITTED,
    "in_progress": SessionStatus.IN_PROGRESS,
}
# Outcomes after which the user has been through the checks, so the blocklist applies.
_SCREENED_OUTCOMES = frozenset({"approved", "declined", "in_review", "resubmitted"})

# Blocklist item kind -> (blocks that carry it, in order of preference; warning risk).
_BLOCKLIST_ITEMS: Mapping[str, tuple[tuple[str, ...], str]] = {
    "face": (("liveness_checks", "face_matches", "id_verifications"), "FACE_IN_BLOCKLIST"),
    "document": (("id_verifications", "nfc_verifications"), "ID_DOCUMENT_IN_BLOCKLIST"),
    "phone": (("phone_verifications",), "PHONE_NUMBER_IN_BLOCKLIST"),
    "email": (("email_verifications",), "EMAIL_IN_BLOCKLIST"),
}


def _spec_enum(schema: str) -> frozenset[str]:
    return frozenset(load_spec()["components"]["schemas"][schema]["enum"])


def _check_against_spec() -> None:
    """Names this module gives to spec values must be spec values, and the blocklist must know
    every item kind the spec lists: a spec change then fails at start-up, not silently."""
    problems = []
    if unknown := SessionStatus.all() - _spec_enum("SessionStatus"):
        problems.append(f"statuses not in SessionStatus: {sorted(unknown)}")
    if set(_BLOCKLIST_ITEMS) != _spec_enum("BlocklistItemType"):
        problems.append(f"blocklist kinds {sorted(_BLOCKLIST_ITEMS)} differ from BlocklistItemType")
    if unknown := results.FEATURE_STATUSES - _spec_enum("FeatureStatus"):
        problems.append(f"feature statuses not in FeatureStatus: {sorted(unknown)}")
    if unknown := _SESSION_KINDS - _spec_enum("SessionKind"):
        problems.append(f"session kinds not in SessionKind: {sorted(unknown)}")
    if problems:
        raise RuntimeError("the emulator disagrees with openapi.yaml: " + "; ".join(problems))


_SESSION_KINDS = frozenset({"user", "business"})
_check_against_spec()

_USER_ARRAYS = tuple(v3 for v3, _ in BLOCKS.values())
_BUSINESS_ARRAYS = (
    *BUSINESS_BLOCKS,
    "aml_screenings",
    "phone_verifications",
    "email_verifications",
    "ip_analyses",
)


def _same(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a secret with what a client sent (any characters)."""
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())


def _locked(method: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        backend = args[0]
        assert isinstance(backend, EmulatorBackend)
        with backend.lock:
            return method(*args, **kwargs)

    return wrapper


@dataclass
class Session:
    """One verification session of one application."""

    id: str
    application_id: str
    number: int
    token: str
    kind: str
    workflow_id: str
    features: tuple[str, ...]
    status: str
    url: str
    created_at: float
    expires_at: float
    vendor_data: str | None = None
    metadata: Any = None
    callback: str | None = None
    callback_method: str | None = None
    language: str | None = None
    contact_details: dict[str, Any] | None = None
    expected_details: dict[str, Any] | None = None
    portrait_sha256: str | None = None
    blocks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    shared_from_session: str | None = None
    identity: Identity | None = None
    nodes_to_resubmit: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class BlocklistEntry:
    id: str
    application_id: str
    item_type: str
    session_id: str
    value: str
    created_at: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item_type": self.item_type,
            "session_id": self.session_id,
            "value": self.value,
            "created_at": isoformat(self.created_at),
        }


@dataclass
class Entity:
    """A user or business an application verified (001: created on import for its vendor_data)."""

    id: str
    application_id: str
    kind: str
    vendor_data: str | None
    session_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ListPage:
    count: int
    page: int
    results: list[dict[str, Any]]
    has_next: bool
    has_previous: bool


@dataclass(frozen=True)
class ClientTokenGrant:
    application_id: str
    expires_at: float


class EmulatorBackend:
    """All state of one emulator: applications (from the config), sessions, client tokens,
    imports, entities, blocklist entries, the clock and the rate-limit windows."""

    def __init__(self, config: EmulatorConfig, clock: Clock | None = None) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.clock = clock or Clock(config.clock_start, frozen=config.clock_frozen)
        self.rate_limiter = SlidingWindowRateLimiter(config.rate_limits, self.clock)
        self.applications: dict[str, ApplicationConfig] = {a.id: a for a in config.applications}
        self._by_key = {a.api_key: a for a in config.applications}
        self._by_client = {a.client_id: a for a in config.applications}
        self.reset()

    # ------------------------------------------------------------------ state

    @_locked
    def reset(self) -> None:
        """Back to the configured state: no sessions, tokens, imports, entities or blocklist
        entries; the clock at its start; empty rate-limit windows."""
        self.sessions: dict[str, Session] = {}
        self.deleted_session_ids: set[str] = set()
        self.session_counters: dict[str, int] = dict.fromkeys(self.applications, 0)
        self.client_tokens: dict[str, ClientTokenGrant] = {}
        self.imports: dict[tuple[str, str], str] = {}  # (application, source session) -> clone
        self.entities: dict[tuple[str, str, str], Entity] = {}
        self.anonymous_entities: list[Entity] = []
        self.blocklist: list[BlocklistEntry] = []
        self.outbox: list[dict[str, Any]] = []
        self.clock.reset()
        self.rate_limiter.reset()

    def now(self) -> float:
        return self.clock.now()

    # ------------------------------------------------------------------ authentication

    def application_for_api_key(self, api_key: str | None) -> ApplicationConfig:
        app = self._by_key.get(api_key or "")
        if app is None or not _same(app.api_key, api_key):
            raise InvalidApiKey()
        return app

    def application_for_client_credentials(
        self, client_id: str | None, client_secret: str | None
    ) -> ApplicationConfig:
        app = self._by_client.get(client_id or "")
        if app is None or not _same(app.client_secret, client_secret):
            raise InvalidClientCredentials()
        return app

    @_locked
    def application_for_client_token(self, token: str | None) -> ApplicationConfig:
        grant = self.client_tokens.get(token or "")
        if grant is None:
            raise InvalidClientToken()
        if self.now() >= grant.expires_at:
            raise InvalidClientToken("Access token expired.")
        return self.applications[grant.application_id]

    @_locked
    def issue_client_token(self, app: ApplicationConfig, issuer: str) -> dict[str, Any]:
        """A bearer token for `POST /v2/session/`, valid `client_token_ttl_seconds` (002: 24 h)."""
        iat = int(self.now())
        ttl = self.config.client_token_ttl_seconds
        claims = {
            "iss": issuer,
            "sub": app.client_id,
            "client_id": app.client_id,
            "organization_id": app.organization_id,
            "iat": iat,
            "exp": iat + ttl,
            "jti": uuid.uuid4().hex,
        }
        token = jwt.encode(claims, self.config.share_token_secret, algorithm="HS256")
        self.client_tokens[token] = ClientTokenGrant(app.id, float(iat + ttl))
        return {
            "access_token": token,
            "expires_in": ttl,
            **{k: claims[k] for k in claims if k != "jti"},
        }

    # ------------------------------------------------------------------ sessions

    def _session(self, app: ApplicationConfig, session_id: str) -> Session:
        session = self.sessions.get(session_id)
        if session is None or session.application_id != app.id:
            raise SessionNotFound()
        self._expire_if_due(session)
        return session

    def _expire_if_due(self, session: Session) -> None:
        if session.status in SessionStatus.EXPIRABLE and self.now() >= session.expires_at:
            session.status = SessionStatus.EXPIRED

    def _new_session(
        self,
        app: ApplicationConfig,
        workflow: WorkflowConfig,
        base_url: str,
        *,
        kind: str | None = None,
        features: tuple[str, ...] | None = None,
        workflow_id: str | None = None,
    ) -> Session:
        self.session_counters[app.id] = self.session_counters.get(app.id, 0) + 1
        token = secrets.token_urlsafe(12)
        now = self.now()
        session = Session(
            id=str(uuid.uuid4()),
            application_id=app.id,
            number=self.session_counters[app.id],
            token=token,
            kind=kind or workflow.kind,
            workflow_id=workflow_id or workflow.id,
            features=features if features is not None else workflow.features,
            status=SessionStatus.NOT_STARTED,
            url=f"{base_url.rstrip('/')}/session/{token}",
            created_at=now,
            expires_at=now + self.config.session_expiry_seconds,
        )
        self.sessions[session.id] = session
        return session

    @_locked
    def create_session(
        self, app: ApplicationConfig, body: Mapping[str, Any], base_url: str
    ) -> dict[str, Any]:
        """`POST /v3/session/` and `POST /v2/session/`: a new Not Started session."""
        workflow = app.workflow(str(body["workflow_id"]))
        if workflow is None:
            raise UnknownWorkflow()
        session = self._new_session(app, workflow, base_url)
        session.vendor_data = body.get("vendor_data")
        session.metadata = copy.deepcopy(body.get("metadata"))
        session.callback = body.get("callback")
        session.callback_method = body.get("callback_method")
        session.language = body.get("language")
        session.contact_details = copy.deepcopy(body.get("contact_details"))
        session.expected_details = copy.deepcopy(body.get("expected_details"))
        if body.get("portrait_image"):
            session.portrait_sha256 = hashlib.sha256(body["portrait_image"].encode()).hexdigest()
        created = {
            "session_id": session.id,
            "session_number": session.number,
            "session_token": session.token,
            "url": session.url,
            "vendor_data": session.vendor_data,
            "status": session.status,
            "workflow_id": session.workflow_id,
            "callback": session.callback,
        }
        if "metadata" in body:
            created["metadata"] = session.metadata
        return created

    @_locked
    def get_decision(self, app: ApplicationConfig, session_id: str) -> dict[str, Any]:
        """The V3 decision of the session's current state (for business sessions the V3 KYB
        payload, which is also a valid DecisionV3)."""
        return self._decision_v3(self._session(app, session_id))

    @_locked
    def list_sessions(
        self,
        app: ApplicationConfig,
        *,
        vendor_data: str | None,
        status: str | None,
        page: int,
        page_size: int | None,
    ) -> ListPage:
        """Sessions of the application in session_number order, filtered, one page of them."""
        size = min(page_size or self.config.default_page_size, self.config.max_page_size)
        matching = []
        for session in sorted(self.sessions.values(), key=lambda s: s.number):
            if session.application_id != app.id:
                continue
            self._expire_if_due(session)
            if vendor_data is not None and session.vendor_data != vendor_data:
                continue
            if status is not None and session.status != status:
                continue
            matching.append(session)
        pages = max(1, -(-len(matching) // size))
        if page > pages:
            raise NotFound("Invalid page.")
        chunk = matching[(page - 1) * size : page * size]
        return ListPage(
            count=len(matching),
            page=page,
            results=[self._summary(s) for s in chunk],
            has_next=page < pages,
            has_previous=page > 1,
        )

    @_locked
    def delete_session(self, app: ApplicationConfig, session_id: str) -> None:
        """Deletes the session and its data; it is 404 everywhere afterwards. Its blocklist
        entries stay (the point of a blocklist), and so does the record of an import."""
        session = self._session(app, session_id)
        del self.sessions[session.id]
        self.deleted_session_ids.add(session.id)

    @_locked
    def update_status(
        self, app: ApplicationConfig, session_id: str, body: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Manual review (004): Approved / Declined from any state; Resubmitted only from
        Declined, In Review or Abandoned."""
        session = self._session(app, session_id)
        new_status = str(body["new_status"])
        if new_status == SessionStatus.RESUBMITTED:
            if session.status not in SessionStatus.RESUBMITTABLE:
                allowed = ", ".join(sorted(SessionStatus.RESUBMITTABLE))
                raise InvalidStatusTransition(
                    f"new_status: a session can only be resubmitted from {allowed}; "
                    f"this one is {session.status}."
                )
            session.nodes_to_resubmit = copy.deepcopy(list(body.get("nodes_to_resubmit", [])))
            for items in session.blocks.values():
                for item in items:
                    if item.get("status") not in (SessionStatus.APPROVED, None):
                        item["status"] = results.RESUB_REQUESTED
            session.expires_at = self.now() + self.config.session_expiry_seconds
        session.status = new_status
        session.reviews.append(
            {
                "user": f"api:{app.name}",
                "new_status": new_status,
                "comment": body.get("comment"),
                "created_at": isoformat(self.now()),
            }
        )
        if body.get("send_email"):
            self.outbox.append(
                {
                    "to": body["email_address"],
                    "language": body.get("email_language"),
                    "session_id": session.id,
                    "status": new_status,
                    "sent_at": isoformat(self.now()),
                }
            )
        return {"session_id": session.id, "status": session.status}

    @_locked
    def session_report(self, app: ApplicationConfig, session_id: str) -> dict[str, Any]:
        """What the PDF report shows: the decision plus the application's name."""
        decision = self._decision_v3(self._session(app, session_id))
        return {"application": app.name, "generated_at": isoformat(self.now()), **decision}

    def generate_pdf(self, app: ApplicationConfig, session_id: str) -> bytes:
        """`GET .../generate-pdf`: a PDF report (rendered outside the lock; it is CPU-bound)."""
        from .pdf import render_report

        return render_report(self.session_report(app, session_id))

    # ------------------------------------------------------------------ sharing

    @_locked
    def share_session(
        self, app: ApplicationConfig, session_id: str, body: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        """A share token (003): finished sessions only, for another known application."""
        session = self._session(app, session_id)
        if not body or "for_application_id" not in body:
            raise MissingShareTarget()
        if session.status not in SessionStatus.SHAREABLE:
            raise SessionNotFinished(
                f"Only finished sessions (Approved, Declined, In Review) can be shared; "
                f"this one is {session.status}."
            )
        target = str(body["for_application_id"])
        if target == app.id:
            raise CannotShareWithOwnApplication()
        if target not in self.applications:
            raise ApplicationNotFound()
        ttl = int(body["ttl_in_seconds"])  # validation filled in the spec's default
        iat = int(self.now())
        claims = {
            "session_id": session.id,
            "session_kind": session.kind,
            "from_application_id": app.id,
            "for_application_id": target,
            "iat": iat,
            "exp": iat + ttl,
        }
        token = jwt.encode(claims, self.config.share_token_secret, algorithm="HS256")
        return {"share_token": token, "for_application_id": target, "session_kind": session.kind}

    def _decode_share_token(self, token: str) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise InvalidShareToken("Share token is malformed.") from None
        if header.get("alg") != "HS256":
            raise InvalidShareToken("Share token must be signed with HS256.")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self.config.share_token_secret,
                algorithms=["HS256"],
                options={"verify_exp": False, "verify_iat": False, "verify_nbf": False},
            )
        except jwt.InvalidSignatureError:
            raise InvalidShareToken("Share token signature is invalid.") from None
        except jwt.PyJWTError:
            raise InvalidShareToken("Share token is malformed.") from None
        for claim in ("session_id", "from_application_id", "for_application_id"):
            if not isinstance(claims.get(claim), str):
                raise InvalidShareToken(f"Share token lacks the {claim} claim.")
        exp = claims.get("exp")
        if not isinstance(exp, int | float) or isinstance(exp, bool):
            raise InvalidShareToken("Share token lacks the exp claim.")
        if self.now() >= exp:
            raise InvalidShareToken("Share token expired.")
        kind = claims.get("session_kind", "user")  # 001: tokens without it are user sessions
        if kind not in _SESSION_KINDS:
            raise InvalidShareToken("Share token has an unknown session_kind.")
        claims["session_kind"] = kind
        return claims

    @_locked
    def import_shared(
        self, app: ApplicationConfig, body: Mapping[str, Any], base_url: str
    ) -> dict[str, Any]:
        """Clones a shared session into the caller's application (000, 001)."""
        claims = self._decode_share_token(str(body["share_token"]))
        if claims["for_application_id"] != app.id:
            raise ShareTokenForAnotherApplication()
        source = self.sessions.get(claims["session_id"])
        if (
            source is None
            or source.application_id != claims["from_application_id"]
            or source.kind != claims["session_kind"]
        ):
            raise SharedSessionNotFound()
        workflow = app.workflow(str(body["workflow_id"]))
        if workflow is None:
            raise WorkflowNotFound()
        if (app.id, source.id) in self.imports:
            raise AlreadyImported()
        self._expire_if_due(source)
        clone = self._new_session(
            app, workflow, base_url, kind=source.kind, features=source.features
        )
        self.imports[(app.id, source.id)] = clone.id
        clone.status = source.status if body["trust_review"] else SessionStatus.IN_REVIEW
        vendor_data = body.get("vendor_data")
        clone.vendor_data = vendor_data if vendor_data is not None else source.vendor_data
        for name in (
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
        ):
            setattr(clone, name, copy.deepcopy(getattr(source, name)))
        clone.shared_from_session = source.id
        self._entity_for(clone)
        if clone.kind == "business":
            return self._decision_v3(clone)
        return self._decision_v2(clone)

    def _entity_for(self, session: Session) -> Entity:
        if session.vendor_data is None:
            entity = Entity(str(uuid.uuid4()), session.application_id, session.kind, None)
            self.anonymous_entities.append(entity)
        else:
            key = (session.application_id, session.kind, session.vendor_data)
            entity = self.entities.get(key) or Entity(
                str(uuid.uuid4()), session.application_id, session.kind, session.vendor_data
            )
            self.entities[key] = entity
        entity.session_ids.append(session.id)
        return entity

    # ------------------------------------------------------------------ blocklist

    def _items_of(self, session: Session) -> dict[str, str]:
        """The blocklistable items a session has: face and document once verified, phone and
        e-mail once verified or given in contact_details."""
        items: dict[str, str] = {}
        identity = session.identity
        contact = session.contact_details or {}
        if identity is not None:
            for item_type, (carriers, _) in _BLOCKLIST_ITEMS.items():
                if any(session.blocks.get(block) for block in carriers):
                    value = identity.fingerprint(item_type)
                    if value:
                        items[item_type] = value
        if "phone" not in items and contact.get("phone"):
            items["phone"] = str(contact["phone"])
        if "email" not in items and contact.get("email"):
            items["email"] = str(contact["email"]).lower()
        return items

    @_locked
    def blocklist_add(self, app: ApplicationConfig, body: Mapping[str, Any]) -> dict[str, Any]:
        """Blocks the chosen items of a session; items it does not have are left out of
        `item_types`."""
        session = self._session(app, str(body["session_id"]))
        items = self._items_of(session)
        blocked: list[str] = []
        for item_type in _BLOCKLIST_ITEMS:
            if not body.get(f"blocklist_{item_type}") or item_type not in items:
                continue
            value = items[item_type]
            if not any(
                e.application_id == app.id and e.item_type == item_type and e.value == value
                for e in self.blocklist
            ):
                self.blocklist.append(
                    BlocklistEntry(
                        str(uuid.uuid4()), app.id, item_type, session.id, value, self.now()
                    )
                )
            blocked.append(item_type)
        return {"session_id": session.id, "item_types": blocked}

    @_locked
    def blocklist_remove(self, app: ApplicationConfig, body: Mapping[str, Any]) -> dict[str, Any]:
        """Unblocks the chosen items of a session (whichever session blocked them)."""
        session = self._session(app, str(body["session_id"]))
        items = self._items_of(session)
        removed: list[str] = []
        for item_type in _BLOCKLIST_ITEMS:
            if not body.get(f"unblock_{item_type}") or item_type not in items:
                continue
            before = len(self.blocklist)
            self.blocklist = [
                e
                for e in self.blocklist
                if not (
                    e.application_id == app.id
                    and e.item_type == item_type
                    and e.value == items[item_type]
                )
            ]
            if len(self.blocklist) < before:
                removed.append(item_type)
        return {"session_id": session.id, "item_types": removed}

    @_locked
    def blocklist_list(self, app: ApplicationConfig, item_type: str | None) -> dict[str, Any]:
        entries = [
            e.as_dict()
            for e in self.blocklist
            if e.application_id == app.id and (item_type is None or e.item_type == item_type)
        ]
        return {"count": len(entries), "results": entries}

    @_locked
    def session_by_token(self, token: str) -> dict[str, Any]:
        """The session whose hosted-page `url` carries this session_token."""
        for session in self.sessions.values():
            if secrets.compare_digest(session.token.encode(), token.encode()):
                self._expire_if_due(session)
                return {
                    "session_id": session.id,
                    "session_number": session.number,
                    "session_kind": session.kind,
                    "status": session.status,
                    "workflow_id": session.workflow_id,
                }
        raise SessionNotFound()

    # ------------------------------------------------------------------ control surface

    def _any_session(self, session_id: str) -> Session:
        session = self.sessions.get(session_id)
        if session is None:
            raise SessionNotFound()
        return session

    @_locked
    def complete_session(self, session_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """Drives a session to an outcome, as if the user had gone through the workflow, and
        fills its decision; a blocklisted face / document / phone / e-mail declines it."""
        session = self._any_session(session_id)
        outcome = str(body["outcome"])
        contact = session.contact_details or {}
        expected = session.expected_details or {}
        short = session.id.split("-")[0]
        identity = Identity(
            face_id=str(body.get("face_id") or f"face-{session.id}"),
            document_number=str(body.get("document_number") or f"X{short.upper()}"),
            phone=body.get("phone")
            or contact.get("phone")
            or f"+1415555{session.number % 10000:04d}",
            email=body.get("email") or contact.get("email") or f"user-{short}@example.com",
            first_name=str(body.get("first_name") or expected.get("first_name") or "John"),
            last_name=str(body.get("last_name") or expected.get("last_name") or "Doe"),
            date_of_birth=str(
                body.get("date_of_birth") or expected.get("date_of_birth") or "1990-05-15"
            ),
            nationality=str(body.get("nationality") or expected.get("nationality") or "USA"),
            document_type=str(body.get("document_type") or "Passport"),
            company_name=str(body.get("company_name") or "Acme Holdings Ltd"),
            registration_number=str(body.get("registration_number") or f"R{session.number:08d}"),
        )
        business = session.kind == "business"
        plan = results.plan_outcome(outcome, session.features, business)
        session.identity = identity
        session.blocks = results.build_blocks(
            session_id=session.id,
            features=session.features,
            business=business,
            plan=plan,
            identity=identity,
            now=self.now(),
        )
        session.status = OUTCOME_STATUS[outcome]
        if outcome in _SCREENED_OUTCOMES and self._apply_blocklist(session):
            session.status = SessionStatus.DECLINED
        return self._decision_v3(session)

    def _apply_blocklist(self, session: Session) -> bool:
        """Declines the blocks whose item is blocklisted; True when any was."""
        blocked = {
            (e.item_type, e.value)
            for e in self.blocklist
            if e.application_id == session.application_id
        }
        hit = False
        for item_type, value in self._items_of(session).items():
            if (item_type, value) not in blocked:
                continue
            carriers, risk = _BLOCKLIST_ITEMS[item_type]
            block = next((session.blocks[b][0] for b in carriers if session.blocks.get(b)), None)
            if block is None:
                continue
            block["status"] = results.DECLINED
            block.setdefault("warnings", []).append(results.warning(risk))
            hit = True
        return hit

    @_locked
    def advance_clock(self, seconds: float) -> dict[str, Any]:
        self.clock.advance(seconds)
        return self.clock_state()

    def clock_state(self) -> dict[str, Any]:
        now = self.now()
        return {"now": now, "iso": isoformat(now), "offset_seconds": self.clock.offset_seconds}

    @_locked
    def state(self) -> dict[str, Any]:
        """A read-only view of everything, without keys, secrets or tokens."""
        for session in self.sessions.values():
            self._expire_if_due(session)
        return {
            "clock": self.clock_state(),
            "applications": [
                {
                    "id": a.id,
                    "name": a.name,
                    "workflows": [
                        {"id": w.id, "name": w.name, "kind": w.kind, "features": list(w.features)}
                        for w in a.workflows
                    ],
                }
                for a in self.applications.values()
            ],
            "sessions": [
                {
                    **self._summary(s),
                    "application_id": s.application_id,
                    "shared_from_session": s.shared_from_session,
                }
                for s in sorted(self.sessions.values(), key=lambda s: (s.application_id, s.number))
            ],
            "deleted_session_ids": sorted(self.deleted_session_ids),
            "imports": [
                {"application_id": a, "source_session_id": s, "session_id": c}
                for (a, s), c in self.imports.items()
            ],
            "entities": [
                {
                    "id": e.id,
                    "application_id": e.application_id,
                    "kind": e.kind,
                    "vendor_data": e.vendor_data,
                    "session_ids": list(e.session_ids),
                }
                for e in [*self.entities.values(), *self.anonymous_entities]
            ],
            "blocklist": [
                {**e.as_dict(), "application_id": e.application_id} for e in self.blocklist
            ],
            "outbox": copy.deepcopy(self.outbox),
        }

    # ------------------------------------------------------------------ payloads

    def _summary(self, session: Session) -> dict[str, Any]:
        return {
            "session_id": session.id,
            "session_number": session.number,
            "status": session.status,
            "vendor_data": session.vendor_data,
            "workflow_id": session.workflow_id,
            "session_kind": session.kind,
            "created_at": isoformat(session.created_at),
        }

    def _common(self, session: Session) -> dict[str, Any]:
        return {
            "session_id": session.id,
            "session_number": session.number,
            "session_url": session.url,
            "status": session.status,
            "workflow_id": session.workflow_id,
            "features": list(session.features),
            "vendor_data": session.vendor_data,
            "metadata": copy.deepcopy(session.metadata),
        }

    def _tail(self, session: Session) -> dict[str, Any]:
        return {
            "reviews": copy.deepcopy(session.reviews),
            "shared_from_session": session.shared_from_session,
            "created_at": isoformat(session.created_at),
            "expires_at": isoformat(session.expires_at),
        }

    def _decision_v3(self, session: Session) -> dict[str, Any]:
        decision = {**self._common(session), "session_kind": session.kind}
        arrays: tuple[str, ...]
        if session.kind == "business":
            arrays = _BUSINESS_ARRAYS
        else:
            arrays = _USER_ARRAYS
            decision["expected_details"] = copy.deepcopy(session.expected_details)
            decision["contact_details"] = copy.deepcopy(session.contact_details)
            decision["callback"] = session.callback
        for key in arrays:
            decision[key] = copy.deepcopy(session.blocks.get(key, []))
        return {**decision, **self._tail(session)}

    def _decision_v2(self, session: Session) -> dict[str, Any]:
        """The V2 payload (000): one block per feature, null when it did not run; no
        session_kind (001)."""
        decision = self._common(session)
        decision["expected_details"] = copy.deepcopy(session.expected_details)
        decision["contact_details"] = copy.deepcopy(session.contact_details)
        decision["callback"] = session.callback
        for v3_key, v2_key in BLOCKS.values():
            items = session.blocks.get(v3_key)
            decision[v2_key] = copy.deepcopy(items[0]) if items else None
        return {**decision, **self._tail(session)}
