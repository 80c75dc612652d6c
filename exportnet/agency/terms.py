"""The vocabulary of agencies: verification statuses and audit-log actions."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

REGISTRATION_MAX = 64
REASON_MAX = 2000
NOTE_MAX = 500
AGENCY_NAME_MAX = 200


class VerificationStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVOKED = "revoked"


VERIFICATION_STATUS_LABELS = {
    VerificationStatus.PENDING.value: _l("Waiting for a decision"),
    VerificationStatus.APPROVED.value: _l("Approved"),
    VerificationStatus.REJECTED.value: _l("Rejected"),
    VerificationStatus.REVOKED.value: _l("Revoked"),
}


class AuditAction(enum.StrEnum):
    VERIFICATION_APPROVED = "verification_approved"
    VERIFICATION_REJECTED = "verification_rejected"
    VERIFICATION_REVOKED = "verification_revoked"
    CONTENT_HIDDEN = "content_hidden"
    CONTENT_RESTORED = "content_restored"
    REPORT_DISMISSED = "report_dismissed"
    USER_WARNED = "user_warned"
    USER_SUSPENDED = "user_suspended"
    USER_ROLE_CHANGED = "user_role_changed"
    USER_DISABLED = "user_disabled"
    USER_ENABLED = "user_enabled"
    AGENCY_CREATED = "agency_created"
    AGENCY_UPDATED = "agency_updated"
    OFFICER_ADDED = "officer_added"
    OFFICER_REMOVED = "officer_removed"


AUDIT_ACTION_LABELS = {
    AuditAction.VERIFICATION_APPROVED.value: _l("Verification approved"),
    AuditAction.VERIFICATION_REJECTED.value: _l("Verification rejected"),
    AuditAction.VERIFICATION_REVOKED.value: _l("Verification revoked"),
    AuditAction.CONTENT_HIDDEN.value: _l("Content hidden"),
    AuditAction.CONTENT_RESTORED.value: _l("Content restored"),
    AuditAction.REPORT_DISMISSED.value: _l("Report dismissed"),
    AuditAction.USER_WARNED.value: _l("User warned"),
    AuditAction.USER_SUSPENDED.value: _l("User suspended"),
    AuditAction.USER_ROLE_CHANGED.value: _l("Role changed"),
    AuditAction.USER_DISABLED.value: _l("User disabled"),
    AuditAction.USER_ENABLED.value: _l("User enabled"),
    AuditAction.AGENCY_CREATED.value: _l("Agency created"),
    AuditAction.AGENCY_UPDATED.value: _l("Agency changed"),
    AuditAction.OFFICER_ADDED.value: _l("Officer added"),
    AuditAction.OFFICER_REMOVED.value: _l("Officer removed"),
}


def verification_status_label(code: str | None) -> str:
    return str(VERIFICATION_STATUS_LABELS.get(code or "", code or ""))


def audit_action_label(code: str | None) -> str:
    return str(AUDIT_ACTION_LABELS.get(code or "", code or ""))
