"""What moderators do with reported content and its authors; each action one transaction.

Hiding, restoring and dismissing resolve every open report of the target; every action
(warnings and suspensions too) writes an audit-log entry in the same transaction. A user
who is suspended has `disabled_at` set and their session token rotated, so every session
and remember-me cookie they hold stops working on their next request.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from exportnet import permissions
from exportnet.accounts.models import User
from exportnet.accounts.services import rotate_session_token
from exportnet.agency import audit
from exportnet.agency.terms import REASON_MAX, AuditAction
from exportnet.database import unit_of_work
from exportnet.mail.compose import absolute_url, queue_template_mail, recipient_locale
from exportnet.moderation.models import ContentReport
from exportnet.moderation.queue_targets import TargetKind, kind_for
from exportnet.rule_errors import RuleError
from exportnet.timeutil import utcnow

RESOLVED_HIDDEN = "hidden"
RESOLVED_RESTORED = "restored"
RESOLVED_DISMISSED = "dismissed"
RESOLUTION_LABELS = {
    RESOLVED_HIDDEN: _l("Hidden"),
    RESOLVED_RESTORED: _l("Restored"),
    RESOLVED_DISMISSED: _l("Dismissed"),
}


def resolution_label(code: str | None) -> str:
    return str(RESOLUTION_LABELS.get(code or "", code or ""))


class ModerationError(RuleError):
    """A rule refused the action; `message` is user-facing, `field` names the form field."""


def _reason(text: str | None, required: bool = True) -> str:
    value = (text or "").strip()
    if required and not value:
        raise ModerationError(_l("Give the reason for this decision."), "reason")
    if len(value) > REASON_MAX:
        raise ModerationError(_l("This text is too long."), "reason")
    return value


def _check_moderator(moderator: User) -> None:
    if not permissions.moderate(moderator):
        raise LookupError("only moderators act on reports")


def _target(session: Session, target_type: str, target_id: int) -> tuple[TargetKind, Any]:
    kind = kind_for(target_type)
    target = session.get(kind.model, target_id) if kind else None
    if kind is None or target is None:
        raise LookupError(f"no {target_type} {target_id}")
    return kind, target


def _resolve_open(
    session: Session, target_type: str, target_id: int, moderator: User, how: str
) -> int:
    reports = session.scalars(
        select(ContentReport).where(
            ContentReport.target_type == target_type,
            ContentReport.target_id == target_id,
            ContentReport.resolved_at.is_(None),
        )
    ).all()
    now = utcnow()
    for report in reports:
        report.resolved_at = now
        report.resolved_by_id = moderator.id
        report.resolution = how
    return len(reports)


def set_content_hidden(
    moderator: User, target_type: str, target_id: int, hidden: bool, reason: str
) -> None:
    """Hide reported content (or show it again) and resolve its open reports."""
    _check_moderator(moderator)
    reason = _reason(reason)
    with unit_of_work() as session:
        kind, target = _target(session, target_type, target_id)
        kind.set_hidden(target, moderator, hidden)
        how = RESOLVED_HIDDEN if hidden else RESOLVED_RESTORED
        resolved = _resolve_open(session, target_type, target_id, moderator, how)
        action = AuditAction.CONTENT_HIDDEN if hidden else AuditAction.CONTENT_RESTORED
        audit.record(moderator, action, target_type, target_id, reason, f"reports={resolved}")


def dismiss_reports(moderator: User, target_type: str, target_id: int, reason: str = "") -> int:
    """Nothing wrong found: the open reports leave the queue, the content stays."""
    _check_moderator(moderator)
    reason = _reason(reason, required=False)
    with unit_of_work() as session:
        _target(session, target_type, target_id)
        resolved = _resolve_open(session, target_type, target_id, moderator, RESOLVED_DISMISSED)
        audit.record(
            moderator,
            AuditAction.REPORT_DISMISSED,
            target_type,
            target_id,
            reason,
            f"reports={resolved}",
        )
    return resolved


def _about(target_type: str | None, target_id: int | None) -> str:
    return f"{target_type} {target_id}" if target_type and target_id else ""


def _queue_notice(user: User, kind: str, message: str) -> None:
    with recipient_locale(user.preferred_locale) as locale:
        subject = _("A warning from the ExportNet moderators")
        if kind == "suspended":
            subject = _("Your ExportNet account has been suspended")
        queue_template_mail(
            user.email,
            subject,
            "moderation_notice",
            recipient=user,
            kind=kind,
            message=message,
            link=absolute_url("site.home", lang_code=locale.segment),
        )


def warn_user(
    moderator: User,
    user_id: int,
    message: str,
    target_type: str | None = None,
    target_id: int | None = None,
) -> None:
    """Mail the user a warning in their language, with the moderator's words."""
    message = _reason(message)
    with unit_of_work() as session:
        user = session.get(User, user_id)
        if not permissions.warn_user(moderator, user):
            raise LookupError("this moderator cannot warn this user")
        _queue_notice(user, "warning", message)
        audit.record(
            moderator,
            AuditAction.USER_WARNED,
            "user",
            user.id,
            message,
            _about(target_type, target_id),
        )


def suspend_user(
    moderator: User,
    user_id: int,
    reason: str,
    target_type: str | None = None,
    target_id: int | None = None,
) -> None:
    """The user can no longer log in, and every session they hold ends now."""
    reason = _reason(reason)
    with unit_of_work() as session:
        user = session.get(User, user_id)
        if not permissions.suspend_user(moderator, user):
            raise LookupError("this moderator cannot suspend this user")
        if user.disabled_at is not None:
            raise ModerationError(_l("This account is already suspended."), "reason")
        user.disabled_at = utcnow()
        rotate_session_token(user)
        _queue_notice(user, "suspended", reason)
        audit.record(
            moderator,
            AuditAction.USER_SUSPENDED,
            "user",
            user.id,
            reason,
            _about(target_type, target_id),
        )
