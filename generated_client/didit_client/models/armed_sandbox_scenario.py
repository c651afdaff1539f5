from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sandbox_scenario import SandboxScenario
from ..models.session_status import SessionStatus
from ..types import redact_additional_properties

T = TypeVar("T", bound="ArmedSandboxScenario")


@_attrs_define
class ArmedSandboxScenario:
    """An armed sandbox scenario; the session is unchanged (still `Not Started`).

    Attributes:
        session_id (UUID):
        scenario (SandboxScenario): A sandbox scenario: the outcome a sandbox session plays out (the 16 slugs of Didit's
            help
            centre, 2026-08-31). `approve` ends Approved; each `decline_*` ends Declined with the
            warning its name says; each `review_*` ends In Review. Didit's published OpenAPI names six
            more (`lookup_*`, `wallet_*`) in prose for flows outside this catalogue; they are not
            listed here.
        status (SessionStatus): A session's status. 004's table lists `Not Started`, `In Progress`, `In Review`,
            `Approved`,
            `Declined`, `Abandoned`, `Expired` (after 7 days by default) and `Resubmitted`; the live
            service also returns `Kyc Expired` and `Awaiting User`. 003 and 001 write statuses in upper
            snake case in prose (`APPROVED`, `IN_REVIEW`); every example on the wire uses these spellings.
    """

    session_id: UUID
    scenario: SandboxScenario
    status: SessionStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        session_id = str(self.session_id)

        scenario = self.scenario.value

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "scenario": scenario,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = UUID(d.pop("session_id"))

        scenario = SandboxScenario.decode(d.pop("scenario"))

        status = SessionStatus.decode(d.pop("status"))

        armed_sandbox_scenario = cls(
            session_id=session_id,
            scenario=scenario,
            status=status,
        )

        armed_sandbox_scenario.additional_properties = d
        return armed_sandbox_scenario

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
