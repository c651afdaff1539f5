from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_method import CallbackMethod
from ..models.iso_639_language import Iso639Language
from ..models.sandbox_scenario import SandboxScenario
from ..types import UNSET, Unset, redact_additional_properties

T = TypeVar("T", bound="CreateSessionRequest")


@_attrs_define
class CreateSessionRequest:
    """The body of `POST /v3/session/` (004).

    Attributes:
        workflow_id (UUID): Workflow ID from Console → Workflows.
        vendor_data (str | Unset): Your identifier (UUID or e-mail) for tracking.
        callback (str | Unset): Redirect URL; Didit appends `verificationSessionId` and `status` as query parameters.
        callback_method (CallbackMethod | Unset): Which device handles the redirect to `callback` (004).
        metadata (SessionMetadata | str | Unset): Custom data stored with the session; an object (002) or a JSON string
            (004). At most
            16 KiB as compact JSON (`x-max-serialized-bytes`): the documents give no bound, and the
            value comes back in every decision and webhook.
        language (Iso639Language | Unset): A language of the verification UI and its e-mails. 002 and 004 say ISO 639-1
            (`en`);
            Didit's published OpenAPI lists the 54 languages the service has, among them region tags
            (`pt-BR`, `zh-CN`, `zh-TW`) and `cnr` (Montenegrin).
        contact_details (ContactDetails | Unset): User contact information (002, 004). The field sets differ:
            `email_lang` is only in 002,
            `send_notification_emails` only in 004; `email` and `phone` are in both. The captured
            documents contain Cloudflare's `[email protected]` placeholder in e-mail examples, which is
            why `email` carries no `format: email`.
        expected_details (ExpectedDetails | Unset): Details cross-validated against the data extracted during
            verification; mismatches raise
            warnings (002, 004). `country` and `address` are only in 002.
        portrait_image (str | Unset): Base64 reference portrait for Biometric Authentication workflows: at most 1 MB
            decoded
            in 004, at most 2 MB (JPEG, PNG, WebP or TIFF) in Didit's published OpenAPI, which is
            what is accepted here: at most 2,796,204 characters (padded base64, a multiple of 4).
            Without it, the live service uses the stored face of the `vendor_data` user.
        sandbox_scenario (SandboxScenario | Unset): A sandbox scenario: the outcome a sandbox session plays out (the 16
            slugs of Didit's help
            centre, 2026-08-31). `approve` ends Approved; each `decline_*` ends Declined with the
            warning its name says; each `review_*` ends In Review. Didit's published OpenAPI names six
            more (`lookup_*`, `wallet_*`) in prose for flows outside this catalogue; they are not
            listed here.
    """

    workflow_id: UUID
    vendor_data: str | Unset = UNSET
    callback: str | Unset = UNSET
    callback_method: CallbackMethod | Unset = UNSET
    metadata: SessionMetadata | str | Unset = UNSET
    language: Iso639Language | Unset = UNSET
    contact_details: ContactDetails | Unset = UNSET
    expected_details: ExpectedDetails | Unset = UNSET
    portrait_image: str | Unset = UNSET
    sandbox_scenario: SandboxScenario | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict, repr=redact_additional_properties)

    def to_dict(self) -> dict[str, Any]:
        workflow_id = str(self.workflow_id)

        vendor_data = self.vendor_data

        callback = self.callback

        callback_method: str | Unset = UNSET
        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method.value

        metadata: dict[str, Any] | str | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, SessionMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        contact_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact_details, Unset):
            contact_details = self.contact_details.to_dict()

        expected_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expected_details, Unset):
            expected_details = self.expected_details.to_dict()

        portrait_image = self.portrait_image

        sandbox_scenario: str | Unset = UNSET
        if not isinstance(self.sandbox_scenario, Unset):
            sandbox_scenario = self.sandbox_scenario.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workflow_id": workflow_id,
            }
        )
        if vendor_data is not UNSET:
            field_dict["vendor_data"] = vendor_data
        if callback is not UNSET:
            field_dict["callback"] = callback
        if callback_method is not UNSET:
            field_dict["callback_method"] = callback_method
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if language is not UNSET:
            field_dict["language"] = language
        if contact_details is not UNSET:
            field_dict["contact_details"] = contact_details
        if expected_details is not UNSET:
            field_dict["expected_details"] = expected_details
        if portrait_image is not UNSET:
            field_dict["portrait_image"] = portrait_image
        if sandbox_scenario is not UNSET:
            field_dict["sandbox_scenario"] = sandbox_scenario

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        workflow_id = UUID(d.pop("workflow_id"))

        vendor_data = d.pop("vendor_data", UNSET)

        callback = d.pop("callback", UNSET)

        _callback_method = d.pop("callback_method", UNSET)
        callback_method: CallbackMethod | Unset
        if isinstance(_callback_method, Unset):
            callback_method = UNSET
        else:
            callback_method = CallbackMethod.decode(_callback_method)

        def _parse_metadata(data: object) -> SessionMetadata | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = SessionMetadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(SessionMetadata | str | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _language = d.pop("language", UNSET)
        language: Iso639Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = Iso639Language.decode(_language)

        _contact_details = d.pop("contact_details", UNSET)
        contact_details: ContactDetails | Unset
        if isinstance(_contact_details, Unset):
            contact_details = UNSET
        else:
            contact_details = ContactDetails.from_dict(_contact_details)

        _expected_details = d.pop("expected_details", UNSET)
        expected_details: ExpectedDetails | Unset
        if isinstance(_expected_details, Unset):
            expected_details = UNSET
        else:
            expected_details = ExpectedDetails.from_dict(_expected_details)

        portrait_image = d.pop("portrait_image", UNSET)

        _sandbox_scenario = d.pop("sandbox_scenario", UNSET)
        sandbox_scenario: SandboxScenario | Unset
        if isinstance(_sandbox_scenario, Unset):
            sandbox_scenario = UNSET
        else:
            sandbox_scenario = SandboxScenario.decode(_sandbox_scenario)

        create_session_request = cls(
            workflow_id=workflow_id,
            vendor_data=vendor_data,
            callback=callback,
            callback_method=callback_method,
            metadata=metadata,
            language=language,
            contact_details=contact_details,
            expected_details=expected_details,
            portrait_image=portrait_image,
            sandbox_scenario=sandbox_scenario,
        )

        create_session_request.additional_properties = d
        return create_session_request

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
from ..models.contact_details import ContactDetails
from ..models.expected_details import ExpectedDetails
from ..models.session_metadata import SessionMetadata
