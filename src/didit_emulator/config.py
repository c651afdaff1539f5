"""The emulator's configuration: applications, their keys and workflows, secrets and rate limits.

A TOML file seeds it; `default_config.toml` (next to this module) is the default, and the one
place every default value is written: a user file is merged over it (`[emulator]` and
`[rate_limits]` key by key, `[[applications]]` as a whole), so the dataclasses below have no
defaults of their own. Values the spec constrains are checked against the spec: feature names
against `Feature`, workflow kinds against `SessionKind`, application and workflow ids against the
uuid fields that carry them, operation names against the spec's operationIds.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

from didit_client.models import WebhookVersion

from didit_spec import component_schema, didit_document, operations, validator_for

from .clock import LATEST, MAX_AHEAD_SECONDS, isoformat
from .spec_values import Feature, SessionKind, WebhookEventType

__all__ = [
    "ApplicationConfig",
    "ConfigError",
    "DeliveryScope",
    "EmulatorConfig",
    "RateLimitConfig",
    "WebhookDeliveryConfig",
    "WebhookDestinationConfig",
    "WorkflowConfig",
    "default_config",
    "load_config",
]

MIN_SECRET_LENGTH = 32


class ConfigError(ValueError):
    """The configuration is not usable; the message says which value and why."""


@dataclass(frozen=True)
class WorkflowConfig:
    """A workflow of an application: which kind of session it makes and which features it runs."""

    id: str
    name: str
    kind: SessionKind
    features: tuple[Feature, ...]


@dataclass(frozen=True)
class WebhookDestinationConfig:
    """A webhook destination an application starts with (and gets back at each reset), as
    `POST /v3/webhook/destinations/` would create it. Without `secret_shared_key` / `uuid`, fresh
    ones are made at each start and reset; the secret stays out of `repr()`."""

    label: str
    url: str
    subscribed_events: tuple[WebhookEventType, ...]
    enabled: bool
    webhook_version: WebhookVersion
    secret_shared_key: str | None = field(repr=False)
    uuid: str | None


class DeliveryScope(StrEnum):
    """Where webhook deliveries may go (`[webhooks] deliver_to`).

    `private`: only to hosts whose every address is loopback or private (this machine, a
    container network, a LAN), so a destination URL someone typed or a fuzzer made up never
    sends a request to the internet; `any`: wherever the destination points; `none`: nothing is
    sent, each attempt is recorded as refused (what a contract run wants)."""

    PRIVATE = "private"
    ANY = "any"
    NONE = "none"


@dataclass(frozen=True)
class WebhookDeliveryConfig:
    """How webhooks are delivered: where to (`deliver_to`), each attempt's time limit, when a
    failed delivery is tried again (seconds after the first attempt, on the emulator clock), and
    how many attempts the control surface keeps (the most recent)."""

    timeout_seconds: float
    retry_delays_seconds: tuple[float, ...]
    max_attempt_records: int
    deliver_to: DeliveryScope


@dataclass(frozen=True)
class ApplicationConfig:
    """One Didit application. Its secrets are left out of `repr()` so they never reach a log."""

    id: str
    name: str
    api_key: str = field(repr=False)
    client_id: str
    client_secret: str = field(repr=False)
    organization_id: str
    workflows: tuple[WorkflowConfig, ...]
    webhook_destinations: tuple[WebhookDestinationConfig, ...]

    def workflow(self, workflow_id: str) -> WorkflowConfig | None:
        return next((w for w in self.workflows if w.id == workflow_id), None)


@dataclass(frozen=True)
class RateLimitConfig:
    """Sliding-window limits per key: the buckets of openapi.yaml's `x-rate-limits`, whose
    limits `buckets` may change; `operations` gives an operation a window of its own; `default`
    is for operations in no bucket."""

    enabled: bool
    window_seconds: float
    default: int
    operations: Mapping[str, int]
    buckets: Mapping[str, int]
    # At most this many (key, operation) windows are remembered; the least recently seen go first.
    max_tracked_keys: int


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything the emulator is seeded with. Build one with `load_config`, `default_config` or
    `EmulatorConfig.from_mapping`; derive variants with `replace(...)`."""

    applications: tuple[ApplicationConfig, ...]
    share_token_secret: str = field(repr=False)
    rate_limits: RateLimitConfig
    client_token_ttl_seconds: int
    session_expiry_seconds: int
    default_page_size: int
    public_base_url: str | None
    clock_start: float | None
    clock_frozen: bool
    # Live client tokens kept at most; issuing one more forgets (revokes) the oldest.
    max_client_tokens: int
    # Deleted session ids the state dump lists at most (the most recent).
    max_deleted_session_ids: int
    webhooks: WebhookDeliveryConfig

    def __post_init__(self) -> None:
        _check(self)

    def replace(self, **changes: Any) -> EmulatorConfig:
        """A copy with some fields changed (validated again)."""
        return dataclasses.replace(self, **changes)

    def with_rate_limits(
        self,
        *,
        enabled: bool | None = None,
        default: int | None = None,
        window_seconds: float | None = None,
        operations: Mapping[str, int] | None = None,
    ) -> EmulatorConfig:
        """A copy with other rate limits; `operations` is merged over the current per-operation
        limits."""
        current = self.rate_limits
        limits = RateLimitConfig(
            enabled=current.enabled if enabled is None else enabled,
            window_seconds=current.window_seconds if window_seconds is None else window_seconds,
            default=current.default if default is None else default,
            operations={**current.operations, **(operations or {})},
            buckets=current.buckets,
            max_tracked_keys=current.max_tracked_keys,
        )
        return self.replace(rate_limits=limits)

    def application(self, name_or_id: str) -> ApplicationConfig:
        """The application with this name or id."""
        for app in self.applications:
            if name_or_id in (app.id, app.name):
                return app
        raise KeyError(name_or_id)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> EmulatorConfig:
        """A configuration from parsed TOML, merged over the defaults."""
        merged = _merge(_default_mapping(), data)
        return _build(merged)

    @classmethod
    def from_toml(cls, text: str) -> EmulatorConfig:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}") from exc
        return cls.from_mapping(data)


def default_config() -> EmulatorConfig:
    """The configuration of `default_config.toml`."""
    return _build(_default_mapping())


def load_config(path: str | Path | None = None) -> EmulatorConfig:
    """The configuration in the TOML file at `path` (merged over the defaults), or the default."""
    if path is None:
        return default_config()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc
    return EmulatorConfig.from_toml(text)


def _default_mapping() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("default_config.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if key == "applications":
            merged[key] = value
        elif isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _require(mapping: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in mapping:
        raise ConfigError(f"{where}: `{key}` is required")
    return mapping[key]


def _parse_instant(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError as exc:
            raise ConfigError(f"{where}: not an RFC 3339 date-time: {value!r}") from exc
    raise ConfigError(f"{where}: expected a date-time, got {value!r}")


def _workflow(raw: Mapping[str, Any], index: int, where: str) -> WorkflowConfig:
    where = f"{where}.workflows[{index}]"
    kind, features = _require(raw, "kind", where), _require(raw, "features", where)
    checks = [("kind", "SessionKind", kind), *(("features", "Feature", f) for f in features)]
    for name, schema, value in checks:
        problem = _spec_error(f"/components/schemas/{schema}", value)
        if problem:
            raise ConfigError(f"{where}: {name}: {problem}")
    return WorkflowConfig(
        id=str(_require(raw, "id", where)),
        name=str(raw.get("name", f"workflow {index + 1}")),
        kind=SessionKind(kind),
        features=tuple(Feature(feature) for feature in features),
    )


# What `[[applications.webhook_destinations]]` takes besides the create request's fields.
_DESTINATION_EXTRAS = ("uuid", "secret_shared_key")
_DESTINATION_REQUEST = "/components/schemas/CreateWebhookDestinationRequest"


def _webhook_destination(
    raw: Mapping[str, Any], index: int, where: str
) -> WebhookDestinationConfig:
    """A configured destination, checked against the spec's create request (its defaults, too,
    are the spec's)."""
    where = f"{where}.webhook_destinations[{index}]"
    request = {key: value for key, value in raw.items() if key not in _DESTINATION_EXTRAS}
    problem = _spec_error(_DESTINATION_REQUEST, request)
    if problem:
        raise ConfigError(f"{where}: {problem}")
    properties = component_schema("CreateWebhookDestinationRequest")["properties"]

    def given_or_default(name: str) -> Any:
        return request[name] if name in request else properties[name]["default"]

    destination_uuid = raw.get("uuid")
    if destination_uuid is not None:
        problem = _spec_error("/components/parameters/DestinationUuid/schema", destination_uuid)
        if problem:
            raise ConfigError(f"{where}: uuid: {problem}")
    secret = raw.get("secret_shared_key")
    if secret is not None and (not isinstance(secret, str) or not secret):
        raise ConfigError(f"{where}: secret_shared_key: a non-empty string")
    return WebhookDestinationConfig(
        label=str(request["label"]),
        url=str(request["url"]),
        subscribed_events=tuple(
            WebhookEventType(event) for event in request.get("subscribed_events", [])
        ),
        enabled=bool(given_or_default("enabled")),
        webhook_version=WebhookVersion(given_or_default("webhook_version")),
        secret_shared_key=secret,
        uuid=None if destination_uuid is None else str(destination_uuid),
    )


def _webhook_delivery(raw: Mapping[str, Any]) -> WebhookDeliveryConfig:
    timeout = float(_require(raw, "timeout_seconds", "webhooks"))
    delays = tuple(float(d) for d in _require(raw, "retry_delays_seconds", "webhooks"))
    if not timeout > 0:
        raise ConfigError("webhooks.timeout_seconds: must be positive")
    if any(not d > 0 for d in delays) or list(delays) != sorted(set(delays)):
        raise ConfigError("webhooks.retry_delays_seconds: positive and increasing")
    records = int(_require(raw, "max_attempt_records", "webhooks"))
    if records < 1:
        raise ConfigError("webhooks.max_attempt_records: must be at least 1")
    scope = str(_require(raw, "deliver_to", "webhooks"))
    if scope not in {s.value for s in DeliveryScope}:
        choices = ", ".join(repr(s.value) for s in DeliveryScope)
        raise ConfigError(f"webhooks.deliver_to: one of {choices}")
    return WebhookDeliveryConfig(
        timeout_seconds=timeout,
        retry_delays_seconds=delays,
        max_attempt_records=records,
        deliver_to=DeliveryScope(scope),
    )


def _build(data: Mapping[str, Any]) -> EmulatorConfig:
    """A configuration from a mapping that has every key (the defaults merged with a user's)."""
    emulator: Mapping[str, Any] = _require(data, "emulator", "configuration")
    limits: Mapping[str, Any] = _require(data, "rate_limits", "configuration")
    apps: list[ApplicationConfig] = []
    for index, raw in enumerate(data.get("applications", [])):
        where = f"applications[{index}]"
        apps.append(
            ApplicationConfig(
                id=str(_require(raw, "id", where)),
                name=str(_require(raw, "name", where)),
                api_key=str(_require(raw, "api_key", where)),
                client_id=str(_require(raw, "client_id", where)),
                client_secret=str(_require(raw, "client_secret", where)),
                organization_id=str(raw.get("organization_id", raw["id"])),
                workflows=tuple(
                    _workflow(w, j, where) for j, w in enumerate(raw.get("workflows", []))
                ),
                webhook_destinations=tuple(
                    _webhook_destination(d, j, where)
                    for j, d in enumerate(raw.get("webhook_destinations", []))
                ),
            )
        )
    try:
        rate_limits = RateLimitConfig(
            enabled=bool(_require(limits, "enabled", "rate_limits")),
            window_seconds=float(limits.get("window_seconds", _spec_window_seconds())),
            default=int(_require(limits, "default", "rate_limits")),
            operations={str(k): int(v) for k, v in limits.get("operations", {}).items()},
            buckets={str(k): int(v) for k, v in limits.get("buckets", {}).items()},
            max_tracked_keys=int(_require(limits, "max_tracked_keys", "rate_limits")),
        )
        return EmulatorConfig(
            applications=tuple(apps),
            share_token_secret=str(_require(emulator, "share_token_secret", "emulator")),
            rate_limits=rate_limits,
            client_token_ttl_seconds=int(
                _require(emulator, "client_token_ttl_seconds", "emulator")
            ),
            session_expiry_seconds=int(_require(emulator, "session_expiry_seconds", "emulator")),
            default_page_size=int(_require(emulator, "default_page_size", "emulator")),
            public_base_url=emulator.get("public_base_url") or None,
            clock_start=_parse_instant(emulator.get("clock_start"), "emulator.clock_start"),
            clock_frozen=bool(_require(emulator, "clock_frozen", "emulator")),
            max_client_tokens=int(_require(emulator, "max_client_tokens", "emulator")),
            max_deleted_session_ids=int(_require(emulator, "max_deleted_session_ids", "emulator")),
            webhooks=_webhook_delivery(_require(data, "webhooks", "configuration")),
        )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, ConfigError):
            raise
        raise ConfigError(f"invalid value: {exc}") from exc


def _spec_error(pointer: str, value: Any) -> str | None:
    error = next(iter(validator_for(pointer).iter_errors(value)), None)
    return None if error is None else error.message


def _spec_window_seconds() -> Any:
    """The window of the live service's limits: `x-rate-limits.window_seconds` of the spec."""
    return didit_document().contents["x-rate-limits"]["window_seconds"]


def _check(config: EmulatorConfig) -> None:
    """Validates a configuration against itself and against the spec."""
    if len(config.share_token_secret) < MIN_SECRET_LENGTH:
        raise ConfigError(f"emulator.share_token_secret: at least {MIN_SECRET_LENGTH} characters")
    for name in ("client_token_ttl_seconds", "session_expiry_seconds", "max_client_tokens"):
        if getattr(config, name) < 1:
            raise ConfigError(f"emulator.{name}: must be at least 1")
    for name in ("client_token_ttl_seconds", "session_expiry_seconds"):
        if getattr(config, name) > MAX_AHEAD_SECONDS:
            raise ConfigError(f"emulator.{name}: must be at most {MAX_AHEAD_SECONDS} (100 years)")
    if config.clock_start is not None and not 0 <= config.clock_start <= LATEST:
        raise ConfigError(
            f"emulator.clock_start: must be between {isoformat(0)} and {isoformat(LATEST)}"
        )
    if config.max_deleted_session_ids < 0:
        raise ConfigError("emulator.max_deleted_session_ids: must not be negative")
    # A default page size must be one a client could ask for.
    page_size = didit_document().parameter_schema("list_sessions", "page_size")
    problem = _spec_error(page_size, config.default_page_size)
    if problem:
        raise ConfigError(f"emulator.default_page_size: {problem}")
    limits = config.rate_limits
    if limits.window_seconds <= 0:
        raise ConfigError("rate_limits.window_seconds: must be positive")
    if limits.max_tracked_keys < 1:
        raise ConfigError("rate_limits.max_tracked_keys: must be at least 1")
    known_operations = {op.operation_id for op in operations()}
    known_buckets = set(didit_document().contents.get("x-rate-limits", {}).get("buckets", {}))
    for bucket, limit in limits.buckets.items():
        if bucket not in known_buckets:
            raise ConfigError(f"rate_limits.buckets: {bucket!r} is not a bucket of x-rate-limits")
        if limit < 1:
            raise ConfigError(f"rate_limits.buckets.{bucket}: must be at least 1")
    for operation_id, limit in {"default": limits.default, **limits.operations}.items():
        if operation_id != "default" and operation_id not in known_operations:
            raise ConfigError(f"rate_limits.operations: {operation_id!r} is not an operationId")
        if limit < 1:
            raise ConfigError(f"rate_limits.{operation_id}: must be at least 1")

    seen: dict[str, set[str]] = {"id": set(), "name": set(), "api_key": set(), "client_id": set()}
    workflow_ids: set[str] = set()
    destination_uuids: set[str] = set()
    for app in config.applications:
        where = f"application {app.name!r}"
        for attr, values in seen.items():
            value = getattr(app, attr)
            if not value:
                raise ConfigError(f"{where}: `{attr}` must not be empty")
            if value in values:
                raise ConfigError(f"{where}: duplicate `{attr}`")
            values.add(value)
        problem = _spec_error(
            "/components/schemas/ShareSessionRequest/properties/for_application_id", app.id
        )
        if problem:
            raise ConfigError(f"{where}: id: {problem}")
        for workflow in app.workflows:
            wwhere = f"{where}, workflow {workflow.name!r}"
            problem = _spec_error(
                "/components/schemas/CreateSessionRequest/properties/workflow_id", workflow.id
            )
            if problem:
                raise ConfigError(f"{wwhere}: id: {problem}")
            if workflow.id in workflow_ids:
                raise ConfigError(f"{wwhere}: duplicate workflow id")
            workflow_ids.add(workflow.id)
        urls: set[str] = set()
        for destination in app.webhook_destinations:
            dwhere = f"{where}, webhook destination {destination.label!r}"
            if destination.url in urls:
                raise ConfigError(f"{dwhere}: duplicate url (one destination per url)")
            urls.add(destination.url)
            if destination.uuid is not None:
                if destination.uuid in destination_uuids:
                    raise ConfigError(f"{dwhere}: duplicate uuid")
                destination_uuids.add(destination.uuid)
