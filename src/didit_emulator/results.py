"""Realistic per-feature result blocks for a session completed through the control surface.

Each builder returns one item of a V3 decision array, shaped as openapi.yaml's item schema for it
describes; which array a feature's item goes to is read from the spec (`spec_values`). The
emulator's tests validate every decision against the spec.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from didit_client.models import SandboxScenario

from .clock import isoformat
from .spec_values import (
    BUSINESS_ARRAYS,
    FEATURE_ARRAYS,
    BlocklistItemType,
    Feature,
    FeatureStatus,
    SessionStatus,
)

__all__ = [
    "REGISTRY",
    "FeatureOutcome",
    "Identity",
    "ScenarioPlan",
    "build_blocks",
    "plan_outcome",
    "plan_scenario",
    "scenario_outcome",
    "warning",
]

# The pseudo-feature of a business session's registry check (the spec's Feature enum has no KYB
# names); it decides declined and in-review business sessions like a feature does.
REGISTRY = "kyb-registry"
PlanKey = Feature | str

_WARNINGS: Mapping[str, tuple[str, str, str]] = {
    # risk: (log_type, short, long)
    "LOW_FACE_MATCH_SIMILARITY": (
        "warning",
        "Low face match similarity",
        "The facial features of the provided image don't closely match the reference image, "
        "suggesting a potential identity mismatch.",
    ),
    "LOW_LIVENESS_SCORE": (
        "warning",
        "Low liveness score",
        "The liveness check resulted in a low score, indicating potential use of non-live facial "
        "representations or poor-quality biometric data.",
    ),
    "DOCUMENT_EXPIRED": (
        "error",
        "Document expired",
        "The identity document is past its expiration date.",
    ),
    "QR_NOT_DETECTED": (
        "information",
        "QR not detected",
        "The system couldn't find or read the QR code on the document.",
    ),
    "POSSIBLE_MATCH_FOUND": (
        "warning",
        "Possible match found in AML screening",
        "The person's details possibly match an entry of a sanctions, PEP or adverse-media list.",
    ),
    "PHONE_NUMBER_VERIFICATION_FAILED": (
        "error",
        "Phone verification failed",
        "The user could not confirm the one-time code sent to the phone number.",
    ),
    "EMAIL_VERIFICATION_FAILED": (
        "error",
        "E-mail verification failed",
        "The user could not confirm the one-time code sent to the e-mail address.",
    ),
    "VPN_OR_TOR_DETECTED": (
        "warning",
        "VPN or Tor detected",
        "The user verified from an IP address of a VPN or Tor exit node.",
    ),
    "COMPANY_NOT_ACTIVE": (
        "error",
        "Company not active",
        "The business registry lists the company as not active.",
    ),
    "FACE_IN_BLOCKLIST": (
        "error",
        "Face in blocklist",
        "The user's face matches a face in the application's blocklist.",
    ),
    "ID_DOCUMENT_IN_BLOCKLIST": (
        "error",
        "ID document in blocklist",
        "The identity document matches a document in the application's blocklist.",
    ),
    "PHONE_NUMBER_IN_BLOCKLIST": (
        "error",
        "Phone number in blocklist",
        "The phone number matches a phone number in the application's blocklist.",
    ),
    "EMAIL_IN_BLOCKLIST": (
        "error",
        "E-mail in blocklist",
        "The e-mail address matches an e-mail address in the application's blocklist.",
    ),
    # The sandbox scenarios' warnings.
    "COULD_NOT_RECOGNIZE_DOCUMENT": (
        "error",
        "Document not recognised",
        "The uploaded images do not show an identity document the service can recognise.",
    ),
    "DATABASE_VALIDATION_NO_MATCH": (
        "error",
        "No match in the government database",
        "The identity data matched no record of the government database that was checked.",
    ),
    "IP_ADDRESS_IN_BLOCKLIST": (
        "error",
        "IP address in blocklist",
        "The user verified from an IP address in the application's blocklist.",
    ),
    "REGISTRY_DATA_MISMATCH": (
        "error",
        "Registry data mismatch",
        "The company data given does not match what the business registry holds.",
    ),
    "LIVENESS_FACE_ATTACK": (
        "error",
        "Presentation attack",
        "The liveness check found a presentation attack: a photo, screen, mask or deepfake.",
    ),
    "AGE_BELOW_MINIMUM": (
        "error",
        "Below the minimum age",
        "The age read from the document is below the minimum age the workflow accepts.",
    ),
    "MRZ_VALIDATION_FAILED": (
        "error",
        "MRZ validation failed",
        "The machine-readable zone of the document failed its check-digit validation.",
    ),
    "NFC_CHIP_NOT_VERIFIED": (
        "error",
        "NFC chip not verified",
        "The document's chip could not be authenticated against its issuer's certificates.",
    ),
    "ADDRESS_MISMATCH_WITH_PROVIDED": (
        "error",
        "Address mismatch",
        "The address on the proof-of-address document does not match the address given.",
    ),
    "ADDRESS_PARTIAL_MATCH_WITH_PROVIDED": (
        "warning",
        "Address partly matches",
        "The address on the proof-of-address document only partly matches the address given.",
    ),
}


def warning(risk: str, **additional: Any) -> dict[str, Any]:
    """A warning item as 000 shows them."""
    log_type, short, long = _WARNINGS.get(
        risk, ("warning", risk.replace("_", " ").capitalize(), risk)
    )
    return {
        "risk": risk,
        "additional_data": dict(additional) or None,
        "log_type": log_type,
        "short_description": short,
        "long_description": long,
    }


@dataclass(frozen=True)
class Identity:
    """Who completed a session. Two sessions with the same face_id / document_number / phone /
    email are the same person to the blocklist."""

    face_id: str
    document_number: str
    phone: str | None
    email: str | None
    first_name: str = "John"
    last_name: str = "Doe"
    date_of_birth: str = "1990-05-15"
    gender: str = "M"
    nationality: str = "USA"
    document_type: str = "Passport"
    company_name: str = "Acme Holdings Ltd"
    registration_number: str = "12345678"
    ip_address: str = "203.0.113.10"
    extra: Mapping[str, Any] = field(default_factory=dict)

    def fingerprint(self, item_type: BlocklistItemType) -> str | None:
        """The blocklist value of one item: the phone / e-mail itself, a hash for the others."""
        if item_type is BlocklistItemType.PHONE:
            return self.phone
        if item_type is BlocklistItemType.EMAIL:
            return self.email.lower() if self.email else None
        raw = self.face_id if item_type is BlocklistItemType.FACE else self.document_number
        digest = hashlib.sha256(f"{item_type.value}:{raw}".encode()).hexdigest()
        return "sha256:" + digest[:32]


@dataclass(frozen=True)
class FeatureOutcome:
    """The status and warnings one feature ends with."""

    status: FeatureStatus
    warnings: tuple[str, ...] = ()


F = Feature
# Which feature decides a declined / in-review / resubmitted outcome, in order of preference.
_DECIDING: Mapping[SessionStatus, tuple[PlanKey, ...]] = {
    SessionStatus.DECLINED: (
        F.FACE_MATCH,
        F.LIVENESS,
        F.ID_VERIFICATION,
        REGISTRY,
        F.AML,
        F.PHONE,
        F.EMAIL,
    ),
    SessionStatus.IN_REVIEW: (F.AML, F.FACE_MATCH, F.LIVENESS, F.ID_VERIFICATION, REGISTRY),
    SessionStatus.RESUBMITTED: (
        F.ID_VERIFICATION,
        F.FACE_MATCH,
        F.LIVENESS,
        REGISTRY,
        F.PHONE,
        F.EMAIL,
    ),
}
_DECLINE_WARNING: Mapping[PlanKey, str] = {
    F.FACE_MATCH: "LOW_FACE_MATCH_SIMILARITY",
    F.LIVENESS: "LOW_LIVENESS_SCORE",
    F.ID_VERIFICATION: "DOCUMENT_EXPIRED",
    F.AML: "POSSIBLE_MATCH_FOUND",
    F.PHONE: "PHONE_NUMBER_VERIFICATION_FAILED",
    F.EMAIL: "EMAIL_VERIFICATION_FAILED",
    F.IP_ANALYSIS: "VPN_OR_TOR_DETECTED",
    REGISTRY: "COMPANY_NOT_ACTIVE",
}
_REVIEW_WARNING: Mapping[PlanKey, str] = {
    F.AML: "POSSIBLE_MATCH_FOUND",
    F.FACE_MATCH: "LOW_FACE_MATCH_SIMILARITY",
    F.LIVENESS: "LOW_LIVENESS_SCORE",
    F.ID_VERIFICATION: "QR_NOT_DETECTED",
    REGISTRY: "COMPANY_NOT_ACTIVE",
}
# The feature status the deciding feature ends with, per session outcome.
_DECIDING_STATUS: Mapping[SessionStatus, FeatureStatus] = {
    SessionStatus.DECLINED: FeatureStatus.DECLINED,
    SessionStatus.IN_REVIEW: FeatureStatus.IN_REVIEW,
    SessionStatus.RESUBMITTED: FeatureStatus.RESUB_REQUESTED,
}
# Sessions the user left part-way: the first step done, the rest not.
_PART_WAY = frozenset({SessionStatus.ABANDONED, SessionStatus.IN_PROGRESS})


def _block_features(features: tuple[Feature, ...], business: bool) -> list[PlanKey]:
    """The features that leave a result block: those with an array of their own, and an age
    estimate (carried by a liveness check) when the workflow has no liveness step."""
    names: list[PlanKey] = [
        f
        for f in features
        if f in FEATURE_ARRAYS or (f is F.AGE_ESTIMATION and F.LIVENESS not in features)
    ]
    return [REGISTRY, *names] if business else names


def plan_outcome(
    outcome: SessionStatus, features: tuple[Feature, ...], business: bool
) -> dict[PlanKey, FeatureOutcome]:
    """Per-feature statuses and warnings for a session that ends with status `outcome`."""
    names = _block_features(features, business)
    approved, unfinished = FeatureStatus.APPROVED, FeatureStatus.NOT_FINISHED
    if outcome not in _DECIDING:
        if outcome in _PART_WAY:
            return {
                name: FeatureOutcome(approved if index == 0 and len(names) > 1 else unfinished)
                for index, name in enumerate(names)
            }
        if outcome is SessionStatus.APPROVED:
            return {name: FeatureOutcome(approved) for name in names}
        return {name: FeatureOutcome(unfinished) for name in names}
    deciding = next((f for f in _DECIDING[outcome] if f in names), names[0] if names else None)
    plan = {name: FeatureOutcome(approved) for name in names}
    if deciding is not None:
        warnings = _REVIEW_WARNING if outcome is SessionStatus.IN_REVIEW else _DECLINE_WARNING
        suffix = "NEEDS_REVIEW" if outcome is SessionStatus.IN_REVIEW else "DECLINED"
        risk = warnings.get(deciding, f"{str(deciding).upper()}_{suffix}")
        plan[deciding] = FeatureOutcome(_DECIDING_STATUS[outcome], (risk,))
    return plan


def _media(session_id: str, name: str) -> str:
    return f"https://media.didit-emulator.invalid/{session_id}/{name}"


def _age(dob: str, today: date) -> int | None:
    try:
        born = date.fromisoformat(dob)
    except ValueError:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _score(result: FeatureOutcome, good: float, review: float, bad: float) -> float:
    return {FeatureStatus.APPROVED: good, FeatureStatus.IN_REVIEW: review}.get(result.status, bad)


def build_blocks(
    *,
    session_id: str,
    features: tuple[Feature, ...],
    business: bool,
    plan: Mapping[PlanKey, FeatureOutcome],
    identity: Identity,
    now: float,
) -> dict[str, list[dict[str, Any]]]:
    """The V3 arrays of a completed session, keyed as the spec names them."""
    today = datetime.fromtimestamp(now, UTC).date()
    stamp = isoformat(now)
    blocks: dict[str, list[dict[str, Any]]] = {}

    def warnings(result: FeatureOutcome) -> list[dict[str, Any]]:
        return [warning(risk) for risk in result.warnings]

    def id_verification(r: FeatureOutcome) -> dict[str, Any]:
        expired = "DOCUMENT_EXPIRED" in r.warnings
        expiry = today - timedelta(days=30) if expired else today + timedelta(days=5 * 365)
        return {
            "status": r.status,
            "document_type": identity.document_type,
            "document_number": identity.document_number,
            "personal_number": None,
            "portrait_image": _media(session_id, "portrait.jpg"),
            "front_image": _media(session_id, "front.jpg"),
            "front_video": _media(session_id, "front.mp4"),
            "back_image": _media(session_id, "back.jpg"),
            "back_video": _media(session_id, "back.mp4"),
            "full_front_image": _media(session_id, "full_front.jpg"),
            "full_back_image": _media(session_id, "full_back.jpg"),
            "date_of_birth": identity.date_of_birth,
            "age": _age(identity.date_of_birth, today),
            "expiration_date": expiry.isoformat(),
            "date_of_issue": (expiry - timedelta(days=10 * 365)).isoformat(),
            "issuing_state": identity.nationality,
            "issuing_state_name": identity.nationality,
            "first_name": identity.first_name,
            "last_name": identity.last_name,
            "full_name": f"{identity.first_name} {identity.last_name}",
            "gender": identity.gender,
            "address": "123 Main St, San Francisco, CA",
            "formatted_address": "123 Main St, San Francisco, CA 94105, USA",
            "place_of_birth": "San Francisco",
            "marital_status": "Single",
            "nationality": identity.nationality,
            "extra_fields": {},
            "parsed_address": {
                "address_type": "St",
                "city": "San Francisco",
                "label": "ID document address",
                "region": "California",
                "street_1": "123 Main St",
                "street_2": None,
                "postal_code": "94105",
                "raw_results": {},
            },
            "extra_files": [],
            "warnings": warnings(r),
        }

    def nfc(r: FeatureOutcome) -> dict[str, Any]:
        return {
            "status": r.status,
            "portrait_image": _media(session_id, "nfc_portrait.jpg"),
            "signature_image": _media(session_id, "nfc_signature.jpg"),
            "chip_data": {"document_number": identity.document_number},
            "authenticity": {"passive_authentication": r.status is FeatureStatus.APPROVED},
            "warnings": warnings(r),
        }

    def liveness(r: FeatureOutcome) -> dict[str, Any]:
        age = _age(identity.date_of_birth, today)
        estimate = age + 0.4 if age is not None and F.AGE_ESTIMATION in features else None
        return {
            "status": r.status,
            "method": "ACTIVE_3D" if F.LIVENESS in features else "PASSIVE",
            "score": _score(r, 97.3, 55.1, 22.4),
            "reference_image": _media(session_id, "reference.jpg"),
            "video_url": _media(session_id, "liveness.mp4"),
            "age_estimation": estimate,
            "warnings": warnings(r),
        }

    def face_match(r: FeatureOutcome) -> dict[str, Any]:
        return {
            "status": r.status,
            "score": _score(r, 94.1, 65.43, 31.2),
            "source_image": _media(session_id, "selfie.jpg"),
            "target_image": _media(session_id, "portrait.jpg"),
            "warnings": warnings(r),
        }

    def phone(r: FeatureOutcome) -> dict[str, Any]:
        return {
            "status": r.status,
            "full_number": identity.phone,
            "country_code": identity.nationality[:2],
            "is_disposable": False,
            "is_virtual": False,
            "verified_at": stamp if r.status is FeatureStatus.APPROVED else None,
            "warnings": warnings(r),
        }

    def email(r: FeatureOutcome) -> dict[str, Any]:
        return {
            "status": r.status,
            "email": identity.email,
            "is_breached": False,
            "is_disposable": False,
            "verified_at": stamp if r.status is FeatureStatus.APPROVED else None,
            "warnings": warnings(r),
        }

    def poa(r: FeatureOutcome) -> dict[str, Any]:
        return {
            "status": r.status,
            "document_type": "Utility bill",
            "issuer": "City Power & Light",
            "issue_date": (today - timedelta(days=20)).isoformat(),
            "poa_address": "123 Main St, San Francisco, CA 94105, USA",
            "name_on_document": f"{identity.first_name} {identity.last_name}",
            "parsed_address": None,
            "warnings": warnings(r),
        }

    def aml(r: FeatureOutcome) -> dict[str, Any]:
        hit = r.status is not FeatureStatus.APPROVED and "POSSIBLE_MATCH_FOUND" in r.warnings
        name = identity.company_name if business else f"{identity.first_name} {identity.last_name}"
        hits = [
            {
                "id": "hit-" + hashlib.sha256(name.encode()).hexdigest()[:12],
                "caption": name,
                "match": r.status is FeatureStatus.DECLINED,
                "score": 0.92 if r.status is FeatureStatus.DECLINED else 0.71,
                "datasets": ["PEP", "Sanctions"],
            }
        ]
        return {
            "status": r.status,
            "total_hits": 1 if hit else 0,
            "score": (92.0 if r.status is FeatureStatus.DECLINED else 71.0) if hit else 0.0,
            "hits": hits if hit else [],
            "warnings": warnings(r),
        }

    def ip_analysis(r: FeatureOutcome) -> dict[str, Any]:
        return {
            "status": r.status,
            "ip_address": identity.ip_address,
            "ip_country": "United States",
            "ip_country_code": "US",
            "ip_city": "San Francisco",
            "is_vpn_or_tor": "VPN_OR_TOR_DETECTED" in r.warnings,
            "is_data_center": False,
            "device_brand": "Apple",
            "os_family": "iOS",
            "browser_family": "Mobile Safari",
            "warnings": warnings(r),
        }

    def database_validation(r: FeatureOutcome) -> dict[str, Any]:
        return {
            "status": r.status,
            "match_type": "full_match" if r.status is FeatureStatus.APPROVED else "partial_match",
            "issuing_state": identity.nationality,
            "warnings": warnings(r),
        }

    builders: dict[Feature, Callable[[FeatureOutcome], dict[str, Any]]] = {
        F.ID_VERIFICATION: id_verification,
        F.NFC: nfc,
        F.LIVENESS: liveness,
        F.AGE_ESTIMATION: liveness,
        F.FACE_MATCH: face_match,
        F.PHONE: phone,
        F.EMAIL: email,
        F.POA: poa,
        F.AML: aml,
        F.IP_ANALYSIS: ip_analysis,
        F.DATABASE_VALIDATION: database_validation,
    }
    if business:
        registry = plan.get(REGISTRY, FeatureOutcome(FeatureStatus.APPROVED))
        for array in BUSINESS_ARRAYS:
            if array.feature is None:
                blocks[array.key] = _KYB_BUILDERS[array.item_schema](session_id, identity, registry)
    for name, result in plan.items():
        if not isinstance(name, Feature):
            continue
        # An age estimate without a liveness step still rides on a liveness check.
        carrier = F.LIVENESS if name is F.AGE_ESTIMATION else name
        blocks.setdefault(FEATURE_ARRAYS[carrier].key, []).append(builders[name](result))
    return blocks


def _registry_checks(
    session_id: str, identity: Identity, registry: FeatureOutcome
) -> list[dict[str, Any]]:
    active = "COMPANY_NOT_ACTIVE" not in registry.warnings
    return [
        {
            "status": registry.status,
            "company_name": identity.company_name,
            "registration_number": identity.registration_number,
            "country": identity.nationality,
            "company_status": "Active" if active else "Dissolved",
            "incorporation_date": "2012-03-14",
            "registered_address": "1 Market St, San Francisco, CA 94105, USA",
            "warnings": [warning(risk) for risk in registry.warnings],
        }
    ]


def _key_people(
    session_id: str, identity: Identity, registry: FeatureOutcome
) -> list[dict[str, Any]]:
    return [
        {
            "full_name": f"{identity.first_name} {identity.last_name}",
            "role": "Director",
            "ownership_percentage": 60.0,
            "status": registry.status,
        },
        {
            "full_name": "Jane Roe",
            "role": "Shareholder",
            "ownership_percentage": 40.0,
            "status": registry.status,
        },
    ]


def _business_documents(
    session_id: str, identity: Identity, registry: FeatureOutcome
) -> list[dict[str, Any]]:
    return [
        {
            "document_type": "Certificate of incorporation",
            "file_url": _media(session_id, "incorporation.pdf"),
            "status": registry.status,
        }
    ]


# The KYB blocks by item schema (the spec marks their arrays `x-kyb`).
_KYB_BUILDERS: Mapping[str, Callable[[str, Identity, FeatureOutcome], list[dict[str, Any]]]] = {
    "RegistryCheck": _registry_checks,
    "KeyPerson": _key_people,
    "BusinessDocument": _business_documents,
}
if missing := {a.item_schema for a in BUSINESS_ARRAYS if a.feature is None} - set(_KYB_BUILDERS):
    raise RuntimeError(f"openapi.yaml has KYB blocks the emulator cannot fill: {sorted(missing)}")


# --- sandbox scenarios -------------------------------------------------------------------------
# What each of the spec's `SandboxScenario` slugs plays out: `approve` approves every step; each
# `decline_*` / `review_*` slug names the step that decides it and the warning that step raises.
# The warning tags are the live service's where Didit's published OpenAPI names one
# (`COULD_NOT_RECOGNIZE_DOCUMENT`, `DATABASE_VALIDATION_NO_MATCH`, `LIVENESS_FACE_ATTACK`,
# `AGE_BELOW_MINIMUM`, `MRZ_VALIDATION_FAILED`, `ADDRESS_MISMATCH_WITH_PROVIDED`, ...), otherwise
# named after the scenario.
S = SandboxScenario
_SCENARIO_STEPS: Mapping[SandboxScenario, tuple[PlanKey, str]] = {
    S.DECLINE_AML_HIT: (F.AML, "POSSIBLE_MATCH_FOUND"),
    S.DECLINE_COULD_NOT_RECOGNIZE_DOCUMENT: (F.ID_VERIFICATION, "COULD_NOT_RECOGNIZE_DOCUMENT"),
    S.DECLINE_DATABASE_NO_MATCH: (F.DATABASE_VALIDATION, "DATABASE_VALIDATION_NO_MATCH"),
    S.DECLINE_DOCUMENT_EXPIRED: (F.ID_VERIFICATION, "DOCUMENT_EXPIRED"),
    S.DECLINE_FACE_MATCH_LOW_SIMILARITY: (F.FACE_MATCH, "LOW_FACE_MATCH_SIMILARITY"),
    S.DECLINE_IP_BLOCKLIST: (F.IP_ANALYSIS, "IP_ADDRESS_IN_BLOCKLIST"),
    S.DECLINE_KYB_REGISTRY_MISMATCH: (REGISTRY, "REGISTRY_DATA_MISMATCH"),
    S.DECLINE_LIVENESS_ATTACK: (F.LIVENESS, "LIVENESS_FACE_ATTACK"),
    S.DECLINE_MINIMUM_AGE: (F.ID_VERIFICATION, "AGE_BELOW_MINIMUM"),
    S.DECLINE_MRZ_VALIDATION: (F.ID_VERIFICATION, "MRZ_VALIDATION_FAILED"),
    S.DECLINE_NFC_CHIP_NOT_VERIFIED: (F.NFC, "NFC_CHIP_NOT_VERIFIED"),
    S.DECLINE_POA_ADDRESS_MISMATCH: (F.POA, "ADDRESS_MISMATCH_WITH_PROVIDED"),
    S.REVIEW_AML_POSSIBLE_MATCH: (F.AML, "POSSIBLE_MATCH_FOUND"),
    S.REVIEW_FACE_MATCH_BORDERLINE: (F.FACE_MATCH, "LOW_FACE_MATCH_SIMILARITY"),
    S.REVIEW_POA_PARTIAL_MATCH: (F.POA, "ADDRESS_PARTIAL_MATCH_WITH_PROVIDED"),
}
# Each outcome is read from the slug's prefix, as the catalogue names them.
_SCENARIO_PREFIXES: Mapping[str, SessionStatus] = {
    "decline_": SessionStatus.DECLINED,
    "review_": SessionStatus.IN_REVIEW,
}
# Under the age of majority the ID step declines `decline_minimum_age` with.
_UNDERAGE_YEARS = 16


def scenario_outcome(scenario: SandboxScenario) -> SessionStatus:
    """The status a sandbox scenario ends the session with."""
    if scenario is SandboxScenario.APPROVE:
        return SessionStatus.APPROVED
    for prefix, status in _SCENARIO_PREFIXES.items():
        if scenario.value.startswith(prefix):
            return status
    raise ValueError(f"no outcome for the sandbox scenario {scenario.value!r}")


@dataclass(frozen=True)
class ScenarioPlan:
    """What a sandbox scenario does to one session: its final status, the per-step plan for
    `build_blocks`, the step that decides it and that step's warning (None for `approve`)."""

    scenario: SandboxScenario
    outcome: SessionStatus
    plan: Mapping[PlanKey, FeatureOutcome]
    deciding_step: PlanKey | None
    risk: str | None

    def identity_overrides(self, now: float) -> dict[str, str]:
        """Identity fields the scenario needs: an under-age birth date for `decline_minimum_age`."""
        if self.scenario is not SandboxScenario.DECLINE_MINIMUM_AGE:
            return {}
        today = datetime.fromtimestamp(now, UTC).date()
        day = min(today.day, 28) if today.month == 2 else today.day  # no 29 February to miss
        born = today.replace(year=today.year - _UNDERAGE_YEARS, day=day)
        return {"date_of_birth": born.isoformat()}


def _steps_with_arrays(business: bool) -> set[PlanKey]:
    arrays = BUSINESS_ARRAYS if business else tuple(FEATURE_ARRAYS.values())
    return {array.feature for array in arrays if array.feature is not None}


def plan_scenario(
    scenario: SandboxScenario, features: tuple[Feature, ...], business: bool
) -> ScenarioPlan:
    """The plan of a sandbox scenario for a workflow. The scenario's deciding step ends with its
    outcome and warning; every other step is approved. When the workflow has no such step, the
    step runs anyway (its result block is added), so the outcome is the scenario's whatever the
    workflow; a step the session's kind has no block for (the KYB registry of a user session)
    hands its outcome to the session's first step."""
    outcome = scenario_outcome(scenario)
    names = _block_features(features, business)
    plan: dict[PlanKey, FeatureOutcome] = {
        name: FeatureOutcome(FeatureStatus.APPROVED) for name in names
    }
    if outcome is SessionStatus.APPROVED:
        return ScenarioPlan(scenario, outcome, plan, None, None)
    step, risk = _SCENARIO_STEPS[scenario]
    if step not in plan:
        if step in _steps_with_arrays(business):
            plan[step] = FeatureOutcome(FeatureStatus.APPROVED)
        elif names:
            step = names[0]
        else:
            return ScenarioPlan(scenario, outcome, plan, None, risk)
    plan[step] = FeatureOutcome(_DECIDING_STATUS[outcome], (risk,))
    return ScenarioPlan(scenario, outcome, plan, step, risk)


# Every scenario of the spec must have an outcome and (but `approve`) a deciding step.
if unplanned := sorted(
    s.value
    for s in SandboxScenario
    if (s is not S.APPROVE and s not in _SCENARIO_STEPS)
    or not any(s is S.APPROVE or s.value.startswith(prefix) for prefix in _SCENARIO_PREFIXES)
):
    raise RuntimeError(f"openapi.yaml has sandbox scenarios the emulator cannot play: {unplanned}")
