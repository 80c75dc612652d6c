"""The mail that tells a company's members about a verification decision.

Queued in the caller's transaction, one per member (active, with a confirmed address),
each in the member's preferred language.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from exportnet.accounts.models import Role, User
from exportnet.agency.models import VerificationRequest
from exportnet.agency.terms import VerificationStatus
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.mail.compose import absolute_url, queue_template_mail, recipient_locale


def company_members(company_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.company_id == company_id,
                User.role == Role.EXPORTER.value,
                User.disabled_at.is_(None),
                User.email_verified_at.is_not(None),
            )
            .order_by(User.id)
        )
    )


def _subject(status: str, company: Company) -> str:
    if status == VerificationStatus.APPROVED.value:
        return _("%(company)s is now verified", company=company.name)
    if status == VerificationStatus.REJECTED.value:
        return _("Verification of %(company)s was not approved", company=company.name)
    return _("The verification of %(company)s was revoked", company=company.name)


def queue_decision_mails(company: Company, verification: VerificationRequest, agency: str) -> int:
    """Mail every member of the company about the request's latest decision."""
    people = company_members(company.id)
    for person in people:
        with recipient_locale(person.preferred_locale) as locale:
            queue_template_mail(
                person.email,
                _subject(verification.status, company),
                "verification_decision",
                recipient=person,
                company=company,
                verification=verification,
                agency=agency,
                link=absolute_url("agency.my_verification", lang_code=locale.segment),
            )
    return len(people)
