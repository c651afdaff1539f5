from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_kind import SessionKind
from ..models.session_status import SessionStatus
from ..models.webhook_type import WebhookType
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="WebhookEvent")


@_attrs_define
class WebhookEvent:
    """A session event posted to the customer's webhook URL. `decision` is present for `Approved`,
    `Declined`, `In Review` and `Abandoned`; `vendor_data` and `metadata` when set on the session;
    business events carry `session_kind: "business"`.

        Attributes:
            webhook_type (WebhookType): The kind of a webhook event.
            session_id (UUID):
            status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
                `Approved`,
                `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
                service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
                snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
            timestamp (int): Unix seconds at which the event was sent; equals the `X-Timestamp` header.
            created_at (int | Unset): Unix seconds at which the session was created.
            workflow_id (str | Unset):
            vendor_data (None | str | Unset):
            metadata (None | SessionMetadata | str | Unset): The session's metadata as stored: an object (002), a JSON
                string (004), or null.
            session_kind (SessionKind | Unset): A user (KYC) or business (KYB) session (001, 003).
            decision (BusinessDecision | DecisionV3 | Unset): The session's decision, in the V3 shape, or the KYB payload
                for business sessions.
    """

    webhook_type: WebhookType
    session_id: UUID
    status: SessionStatus
    timestamp: int
    created_at: int | Unset = UNSET
    workflow_id: str | Unset = UNSET
    vendor_data: None | str | Unset = UNSET
    metadata: None | SessionMetadata | str | Unset = UNSET
    session_kind: SessionKind | Unset = UNSET
    decision: BusinessDecision | DecisionV3 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        webhook_type = self.webhook_type.value

        session_id = str(self.session_id)

        status = self.status.value

        timestamp = self.timestamp

        created_at = self.created_at

        workflow_id = self.workflow_id

        vendor_data: None | str | Unset
        if isinstance(self.vendor_data, Unset):
            vendor_data = UNSET
        else:
            vendor_data = self.vendor_data

        metadata: dict[str, Any] | None | str | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SessionMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        session_kind: str | Unset = UNSET
        if not isinstance(self.session_kind, Unset):
            session_kind = self.session_kind.value

        decision: dict[str, Any] | Unset
        if isinstance(self.decision, Unset):
            decision = UNSET
        elif isinstance(self.decision, BusinessDecision):
            decision = self.decision.to_dict()
        else:
            decision = self.decision.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "webhook_type": webhook_type,
                "session_id": session_id,
                "status": status,
                "timestamp": timestamp,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if workflow_id is not UNSET:
            field_dict["workflow_id"] = workflow_id
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if session_kind is not UNSET:
            field_dict["session_kind"] = session_kind
        if decision is not UNSET:
            field_dict["decision"] = decision

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        webhook_type = WebhookType.decode(d.pop("webhook_type"))

        session_id = UUID(d.pop("session_id"))

        status = SessionStatus.decode(d.pop("status"))

        timestamp = d.pop("timestamp")

        created_at = d.pop("created_at", UNSET)

        workflow_id = d.pop("workflow_id", UNSET)

        def _parse_vendor_data(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_data = _parse_vendor_data(d.pop("vendor_data", UNSET))

        def _parse_metadata(data: object) -> None | SessionMetadata | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_metadata_echo_type_0 = SessionMetadata.from_dict(data)

                return componentsschemas_metadata_echo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionMetadata | str | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _session_kind = d.pop("session_kind", UNSET)
        session_kind: SessionKind | Unset
        if isinstance(_session_kind, Unset):
            session_kind = UNSET
        else:
            session_kind = SessionKind.decode(_session_kind)

        def _parse_decision(data: object) -> BusinessDecision | DecisionV3 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_webhook_decision_type_0 = BusinessDecision.from_dict(data)

                return componentsschemas_webhook_decision_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_webhook_decision_type_1 = DecisionV3.from_dict(data)

            return componentsschemas_webhook_decision_type_1

        decision = _parse_decision(d.pop("decision", UNSET))

        webhook_event = cls(
            webhook_type=webhook_type,
            session_id=session_id,
            status=status,
            timestamp=timestamp,
            created_at=created_at,
            workflow_id=workflow_id,
            vendor_data=vendor_data,
            metadata=metadata,
            session_kind=session_kind,
            decision=decision,
        )

        webhook_event.additional_properties = d
        return webhook_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported after the class, not inside its methods (see templates/model.py.jinja).
from ..models.business_decision import BusinessDecision
from ..models.decision_v3 import DecisionV3
from ..models.session_metadata import SessionMetadata
