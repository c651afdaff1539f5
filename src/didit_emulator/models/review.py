"""Manual review (`update-status`): which sessions may change, and what a resubmission reopens.

The rules are the live service's (Didit's published OpenAPI), a superset of 004's: the current
status must be one a reviewer can act on; the new one must differ; `Resubmitted` reopens the steps
named in `nodes_to_resubmit`, or, without them, every step that ran and did not pass (NFC, IP
analysis and age estimation are never picked that way); and resubmitting only server-side steps
again within 30 seconds is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from didit_client.models import ResubmittableFeature

from ..exceptions import (
    InvalidStatusTransition,
    NothingToResubmit,
    NotResubmittable,
    SameStatus,
)
from ..spec_values import FEATURE_ARRAYS, Feature, FeatureStatus, SessionStatus

__all__ = [
    "COOLDOWN_SECONDS",
    "REVIEWABLE",
    "check_change",
    "check_reviewable",
    "resubmission",
    "server_side_only",
]

S, R, F = SessionStatus, ResubmittableFeature, Feature

# The statuses a session must have for a reviewer to change it.
REVIEWABLE = frozenset(
    {S.APPROVED, S.DECLINED, S.IN_REVIEW, S.KYC_EXPIRED, S.ABANDONED, S.RESUBMITTED}
)
COOLDOWN_SECONDS = 30.0
# What each step name of `nodes_to_resubmit` reopens (aliases included); None: no result block
# of its own here; absent: never resubmittable (business steps: resubmit their key people's
# sessions instead).
_STEP_FEATURE: Mapping[ResubmittableFeature, Feature | None] = {
    R.OCR: F.ID_VERIFICATION,
    R.OCR_BACK: F.ID_VERIFICATION,
    R.ID_VERIFICATION: F.ID_VERIFICATION,
    R.NFC: F.NFC,
    R.AML: F.AML,
    R.FACE: F.LIVENESS,
    R.LIVENESS: F.LIVENESS,
    R.FACE_MATCH: F.FACE_MATCH,
    R.IP_ANALYSIS: F.IP_ANALYSIS,
    R.AGE_ESTIMATION: F.AGE_ESTIMATION,
    R.PROOF_OF_ADDRESS: F.POA,
    R.POA: F.POA,
    R.PHONE_VERIFICATION: F.PHONE,
    R.PHONE: F.PHONE,
    R.EMAIL_VERIFICATION: F.EMAIL,
    R.EMAIL: F.EMAIL,
    R.DATABASE_VALIDATION: F.DATABASE_VALIDATION,
    R.QUESTIONNAIRE: F.QUESTIONNAIRE,
    R.FACE_SEARCH: None,
    R.DOCUMENT_AI: None,
    R.KYB_DOCUMENTS: None,
}
# Steps picked when none are named, if they ran and did not pass.
_AUTO_SELECTED = frozenset(
    {F.ID_VERIFICATION, F.LIVENESS, F.FACE_MATCH, F.POA, F.PHONE, F.EMAIL, F.AML}
    | {F.DATABASE_VALIDATION, F.QUESTIONNAIRE}
)
_NOT_PASSED = frozenset(
    {FeatureStatus.DECLINED, FeatureStatus.IN_REVIEW, FeatureStatus.NOT_FINISHED}
    | {FeatureStatus.EXPIRED}
)
# Steps the service runs by itself, without the user.
_SERVER_SIDE = frozenset({F.AML, F.DATABASE_VALIDATION, F.IP_ANALYSIS})


def check_reviewable(current: SessionStatus) -> None:
    """Refuses a session whose status a reviewer cannot act on (looked at before the body, on
    the live service)."""
    if current not in REVIEWABLE:
        allowed = ", ".join(s.value for s in SessionStatus if s in REVIEWABLE)
        raise InvalidStatusTransition(
            f"Only sessions with status {allowed} can be updated. Current status: {current}"
        )


def check_change(current: SessionStatus, new: SessionStatus) -> None:
    """Refuses a change from a status a reviewer cannot act on, or to the same status."""
    check_reviewable(current)
    if new is current:
        raise SameStatus()


def _status(block: Mapping[str, Any]) -> str | None:
    value = block.get("status")
    return None if value is None else str(value)


def resubmission(
    features: Iterable[Feature], blocks: Mapping[str, list[dict[str, Any]]], nodes: list[Any]
) -> set[Feature]:
    """The features a resubmission reopens: those named, or the ones that ran and did not pass."""
    if nodes:
        chosen: set[Feature] = set()
        for node in nodes:
            step = ResubmittableFeature(node["feature"])
            if step not in _STEP_FEATURE:
                raise NotResubmittable(f"{step.value} cannot be resubmitted.")
            feature = _STEP_FEATURE[step]
            if feature is not None:
                chosen.add(feature)
        return chosen
    chosen = set()
    for feature in features:
        array = FEATURE_ARRAYS.get(feature)
        ran = blocks.get(array.key) if array else None
        if feature in _AUTO_SELECTED and ran and any(_status(b) in _NOT_PASSED for b in ran):
            chosen.add(feature)
    if not chosen:
        raise NothingToResubmit()
    return chosen


def server_side_only(features: set[Feature]) -> bool:
    return bool(features) and features <= _SERVER_SIDE
