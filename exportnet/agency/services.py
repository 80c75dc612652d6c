"""Verification of exporter companies: submitting evidence, approving, rejecting, revoking.

Each function is one transaction. A decision changes the request, the company's verified
columns (which re-indexes the company and its products through the search outbox), the
audit log and the mail to the company's members together. An officer whose agency does
not cover the company's economy gets LookupError (a 404), and nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.agency import audit
from exportnet.agency.documents import document_store
from exportnet.agency.errors import VerificationError
from exportnet.agency.mails import queue_decision_mails
from exportnet.agency.models import VerificationRequest
from exportnet.agency.queries import agency_of, pending_request
from exportnet.agency.terms import (
    NOTE_MAX,
    REASON_MAX,
    REGISTRATION_MAX,
    AuditAction,
    VerificationStatus,
)
from exportnet.companies.models import Company
from exportnet.database import unit_of_work
from exportnet.inquiries.attachments import Attachment
from exportnet.timeutil import utcnow

__all__ = [
    "VerificationError",
    "approve_verification",
    "reject_verification",
    "revoke_verification",
    "submit_verification",
]

REGISTRATION = re.compile(r"[\w][\w ./-]*", re.UNICODE)
TARGET = "company"


def registration_number(text: str | None) -> str:
    value = " ".join((text or "").split())
    if not value:
        raise VerificationError(_l("Give the business registration number."), "registration_number")
    if len(value) > REGISTRATION_MAX or not REGISTRATION.fullmatch(value):
        raise VerificationError(
            _l("Enter the registration number as printed: letters, digits, spaces, . / -"),
            "registration_number",
        )
    return value


def reason_text(text: str | None, required: bool) -> str:
    value = (text or "").strip()
    if required and not value:
        raise VerificationError(_l("Give the reason for this decision."), "reason")
    if len(value) > REASON_MAX:
        raise VerificationError(_l("This text is too long."), "reason")
    return value


def _attached(session: Session, model: type[Any], ident: int) -> Any:
    obj = session.get(model, ident)
    if obj is None:
        raise LookupError(f"{model.__name__} {ident} does not exist")
    return obj


def submit_verification(
    user: User, company: Company, number: str, document: Attachment | None = None
) -> VerificationRequest:
    """A member's evidence for their company; it waits for an officer's decision."""
    if not permissions.request_verification(user, company):
        raise LookupError("only members of the company ask for its verification")
    number = registration_number(number)
    if company.verified_at is not None:
        raise VerificationError(_l("Your company is already verified."), "registration_number")
    files: dict[str, Any] = {}
    if document is not None:
        files = {
            "document_key": document_store().save(document),
            "document_name": document.filename,
            "document_type": document.mimetype,
            "document_size": len(document.data),
        }
    try:
        with unit_of_work() as session:
            if pending_request(company.id) is not None:
                raise VerificationError(
                    _l("A request for your company is already waiting for a decision."),
                    "registration_number",
                )
            verification = VerificationRequest(
                company_id=company.id,
                submitted_by_id=user.id,
                registration_number=number,
                status=VerificationStatus.PENDING.value,
                **files,
            )
            session.add(verification)
    except IntegrityError as exc:  # another member's request won the race
        _forget(files)
        raise VerificationError(
            _l("A request for your company is already waiting for a decision."),
            "registration_number",
        ) from exc
    except BaseException:
        _forget(files)
        raise
    return verification


def _forget(files: dict[str, Any]) -> None:
    if files.get("document_key"):
        document_store().delete(files["document_key"])


def _decide(
    session: Session, officer: User, request_id: int
) -> tuple[VerificationRequest, Company, Any]:
    """The request and its company, if this officer may decide it (else LookupError)."""
    verification = _attached(session, VerificationRequest, request_id)
    company = verification.company
    agency = agency_of(officer)
    if agency is None or not permissions.verify_company(officer, company):
        raise LookupError("this officer's agency does not cover the company's economy")
    return verification, company, agency


def _record_decision(
    verification: VerificationRequest, officer: User, agency: Any, status: str, reason: str
) -> None:
    verification.status = status
    verification.reason = reason
    verification.agency_id = agency.id
    verification.decided_by_id = officer.id
    verification.decided_at = utcnow()


@dataclass(frozen=True)
class _Decision:
    """One kind of decision: the status it needs, the refusal when the request is in
    another, the status it gives and the audit-log action it is recorded as."""

    needs: VerificationStatus
    refusal: object
    gives: VerificationStatus
    action: AuditAction


_DECIDED = _l("This request has already been decided.")
_APPROVAL = _Decision(
    needs=VerificationStatus.PENDING,
    refusal=_DECIDED,
    gives=VerificationStatus.APPROVED,
    action=AuditAction.VERIFICATION_APPROVED,
)
_REJECTION = _Decision(
    needs=VerificationStatus.PENDING,
    refusal=_DECIDED,
    gives=VerificationStatus.REJECTED,
    action=AuditAction.VERIFICATION_REJECTED,
)
_REVOCATION = _Decision(
    needs=VerificationStatus.APPROVED,
    refusal=_l("Only an approved verification can be revoked."),
    gives=VerificationStatus.REVOKED,
    action=AuditAction.VERIFICATION_REVOKED,
)


def _conclude(
    officer: User,
    request_id: int,
    reason: str,
    decision: _Decision,
    change_company: Callable[[Company, VerificationRequest, Any], None] | None = None,
) -> VerificationRequest:
    """Record the officer's decision, let it change the company, log it and mail the
    company's members, in one transaction."""
    with unit_of_work() as session:
        verification, company, agency = _decide(session, officer, request_id)
        if verification.status != decision.needs.value:
            raise VerificationError(decision.refusal, "reason")
        _record_decision(verification, officer, agency, decision.gives.value, reason)
        if change_company is not None:
            change_company(company, verification, agency)
        audit.record(
            officer,
            decision.action,
            TARGET,
            company.id,
            reason,
            f"request={verification.id}; agency={agency.name}",
        )
        queue_decision_mails(company, verification, agency.name)
    return verification


def approve_verification(officer: User, request_id: int, reason: str = "") -> VerificationRequest:
    """The company becomes verified by the officer's agency; its members are mailed."""
    reason = reason_text(reason, required=False)

    def verify(company: Company, verification: VerificationRequest, agency: Any) -> None:
        company.verified_at = verification.decided_at
        company.verified_by_agency_id = agency.id
        company.verification_note = reason[:NOTE_MAX]

    return _conclude(officer, request_id, reason, _APPROVAL, verify)


def reject_verification(officer: User, request_id: int, reason: str) -> VerificationRequest:
    """The request is turned down with a reason the company's members read."""
    return _conclude(officer, request_id, reason_text(reason, required=True), _REJECTION)


def revoke_verification(officer: User, request_id: int, reason: str) -> VerificationRequest:
    """An approved verification is withdrawn: the company is no longer shown as verified."""

    def unverify(company: Company, _verification: VerificationRequest, _agency: Any) -> None:
        company.verified_at = None
        company.verified_by_agency_id = None
        company.verification_note = ""

    return _conclude(officer, request_id, reason_text(reason, required=True), _REVOCATION, unverify)
