"""Contains all the data models used in inputs/outputs"""

from .aml_hit import AmlHit
from .aml_screening import AmlScreening
from .arm_sandbox_scenario_request import ArmSandboxScenarioRequest
from .armed_sandbox_scenario import ArmedSandboxScenario
from .blocklist_add_request import BlocklistAddRequest
from .blocklist_change import BlocklistChange
from .blocklist_entry import BlocklistEntry
from .blocklist_item_type import BlocklistItemType
from .blocklist_page import BlocklistPage
from .blocklist_remove_request import BlocklistRemoveRequest
from .business_decision import BusinessDecision
from .business_document import BusinessDocument
from .callback_method import CallbackMethod
from .client_token import ClientToken
from .client_token_request import ClientTokenRequest
from .contact_details import ContactDetails
from .create_session_request import CreateSessionRequest
from .create_session_v2_request import CreateSessionV2Request
from .create_webhook_destination_request import CreateWebhookDestinationRequest
from .created_session import CreatedSession
from .database_validation import DatabaseValidation
from .decision_v2 import DecisionV2
from .decision_v3 import DecisionV3
from .decision_v3_environment import DecisionV3Environment
from .delete_session_request import DeleteSessionRequest
from .delete_session_request_deletion_instruction import DeleteSessionRequestDeletionInstruction
from .deleted_session import DeletedSession
from .deleted_session_face_retention_outcome import DeletedSessionFaceRetentionOutcome
from .email_verification import EmailVerification
from .error_response import ErrorResponse
from .expected_details import ExpectedDetails
from .expected_details_expected_document_types_item import ExpectedDetailsExpectedDocumentTypesItem
from .face_match import FaceMatch
from .feature import Feature
from .feature_progress import FeatureProgress
from .feature_status import FeatureStatus
from .field_errors import FieldErrors
from .gender import Gender
from .get_session_decision_include import GetSessionDecisionInclude
from .grant_type import GrantType
from .id_verification import IdVerification
from .id_verification_extra_fields import IdVerificationExtraFields
from .import_shared_session_request import ImportSharedSessionRequest
from .imported_user_session_v3 import ImportedUserSessionV3
from .ip_analysis import IpAnalysis
from .iso_639_language import Iso639Language
from .key_person import KeyPerson
from .liveness_check import LivenessCheck
from .new_session_status import NewSessionStatus
from .nfc_verification import NfcVerification
from .nfc_verification_authenticity import NfcVerificationAuthenticity
from .nfc_verification_chip_data import NfcVerificationChipData
from .node_to_resubmit import NodeToResubmit
from .parsed_address import ParsedAddress
from .parsed_address_raw_results import ParsedAddressRawResults
from .phone_verification import PhoneVerification
from .poa_verification import PoaVerification
from .registry_check import RegistryCheck
from .resubmittable_feature import ResubmittableFeature
from .review import Review
from .risk_warning import RiskWarning
from .risk_warning_additional_data import RiskWarningAdditionalData
from .sandbox_scenario import SandboxScenario
from .session_event import SessionEvent
from .session_kind import SessionKind
from .session_kind_filter import SessionKindFilter
from .session_metadata import SessionMetadata
from .session_page import SessionPage
from .session_status import SessionStatus
from .session_status_update import SessionStatusUpdate
from .session_summary import SessionSummary
from .share_session_request import ShareSessionRequest
from .share_token import ShareToken
from .update_session_status_request import UpdateSessionStatusRequest
from .update_webhook_destination_request import UpdateWebhookDestinationRequest
from .user_session_kind import UserSessionKind
from .warning_log_type import WarningLogType
from .webhook_delivery_summary import WebhookDeliverySummary
from .webhook_destination import WebhookDestination
from .webhook_destination_list_item import WebhookDestinationListItem
from .webhook_event import WebhookEvent
from .webhook_event_type import WebhookEventType
from .webhook_type import WebhookType
from .webhook_version import WebhookVersion

__all__ = (
    "AmlHit",
    "AmlScreening",
    "ArmedSandboxScenario",
    "ArmSandboxScenarioRequest",
    "BlocklistAddRequest",
    "BlocklistChange",
    "BlocklistEntry",
    "BlocklistItemType",
    "BlocklistPage",
    "BlocklistRemoveRequest",
    "BusinessDecision",
    "BusinessDocument",
    "CallbackMethod",
    "ClientToken",
    "ClientTokenRequest",
    "ContactDetails",
    "CreatedSession",
    "CreateSessionRequest",
    "CreateSessionV2Request",
    "CreateWebhookDestinationRequest",
    "DatabaseValidation",
    "DecisionV2",
    "DecisionV3",
    "DecisionV3Environment",
    "DeletedSession",
    "DeletedSessionFaceRetentionOutcome",
    "DeleteSessionRequest",
    "DeleteSessionRequestDeletionInstruction",
    "EmailVerification",
    "ErrorResponse",
    "ExpectedDetails",
    "ExpectedDetailsExpectedDocumentTypesItem",
    "FaceMatch",
    "Feature",
    "FeatureProgress",
    "FeatureStatus",
    "FieldErrors",
    "Gender",
    "GetSessionDecisionInclude",
    "GrantType",
    "IdVerification",
    "IdVerificationExtraFields",
    "ImportedUserSessionV3",
    "ImportSharedSessionRequest",
    "IpAnalysis",
    "Iso639Language",
    "KeyPerson",
    "LivenessCheck",
    "NewSessionStatus",
    "NfcVerification",
    "NfcVerificationAuthenticity",
    "NfcVerificationChipData",
    "NodeToResubmit",
    "ParsedAddress",
    "ParsedAddressRawResults",
    "PhoneVerification",
    "PoaVerification",
    "RegistryCheck",
    "ResubmittableFeature",
    "Review",
    "RiskWarning",
    "RiskWarningAdditionalData",
    "SandboxScenario",
    "SessionEvent",
    "SessionKind",
    "SessionKindFilter",
    "SessionMetadata",
    "SessionPage",
    "SessionStatus",
    "SessionStatusUpdate",
    "SessionSummary",
    "ShareSessionRequest",
    "ShareToken",
    "UpdateSessionStatusRequest",
    "UpdateWebhookDestinationRequest",
    "UserSessionKind",
    "WarningLogType",
    "WebhookDeliverySummary",
    "WebhookDestination",
    "WebhookDestinationListItem",
    "WebhookEvent",
    "WebhookEventType",
    "WebhookType",
    "WebhookVersion",
)
