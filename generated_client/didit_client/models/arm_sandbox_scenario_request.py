from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sandbox_scenario import SandboxScenario
from ..types import redact_additional_properties

T = TypeVar("T", bound="ArmSandboxScenarioRequest")


@_attrs_define
class ArmSandboxScenarioRequest:
    """The body of `POST /v3/session/{sessionId}/sandbox/arm/`.

    Attributes:
        scenario (SandboxScenario): A sandbox scenario: the outcome a sandbox session plays out (the 16 slugs of Didit's
            help
            centre, 2026-08-31). `approve` ends Approved; each `decline_*` ends Declined with the
            warning its name says; each `review_*` ends In Review. Didit's published OpenAPI names six
            more (`lookup_*`, `wallet_*`) in prose for flows outside this catalogue; they are not
            listed here.
    """

    scenario: SandboxScenario
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        scenario = self.scenario.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scenario": scenario,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scenario = SandboxScenario.decode(d.pop("scenario"))

        arm_sandbox_scenario_request = cls(
            scenario=scenario,
        )

        arm_sandbox_scenario_request.additional_properties = d
        return arm_sandbox_scenario_request

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
