"""Filing and resolving content reports.

    report_content(user, "inquiry", inquiry.id, "Mass mailing")      # its own transaction
    add_report(user, "board_comment", comment.id, reason)             # inside the caller's

A member reports a target at most once while the report is open: reporting again
returns the open report instead of adding another row.
"""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from exportnet.accounts.models import User
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.moderation.models import ContentReport
from exportnet.rule_errors import RuleError
from exportnet.timeutil import utcnow

REASON_MAX = 2000
RESOLUTION_MAX = 32
TARGET_TYPE = re.compile(r"[a-z][a-z0-9_]{0,31}")


class ReportError(RuleError):
    """A report was refused; `message` is user-facing, `field` names the form field."""


def _checked(target_type: str, target_id: int, reason: str | None) -> tuple[str, int, str]:
    if not isinstance(target_type, str) or not TARGET_TYPE.fullmatch(target_type):
        raise ValueError(f"not a report target type: {target_type!r}")
    if not isinstance(target_id, int) or target_id < 1:
        raise ValueError(f"not a report target id: {target_id!r}")
    text = (reason or "").strip()
    if len(text) > REASON_MAX:
        raise ReportError(_l("This text is too long."), "reason")
    return target_type, target_id, text


def open_report_for(
    target_type: str, target_id: int, reporter: User | None = None
) -> ContentReport | None:
    """The open report of this target (by `reporter`, when given), if there is one."""
    stmt = select(ContentReport).where(
        ContentReport.target_type == target_type,
        ContentReport.target_id == target_id,
        ContentReport.resolved_at.is_(None),
    )
    if reporter is not None:
        stmt = stmt.where(ContentReport.reporter_id == reporter.id)
    return db.session.scalars(stmt.order_by(ContentReport.id).limit(1)).first()


def add_report(
    reporter: User, target_type: str, target_id: int, reason: str | None = ""
) -> ContentReport:
    """File a report in the caller's transaction (the caller commits)."""
    target_type, target_id, text = _checked(target_type, target_id, reason)
    existing = open_report_for(target_type, target_id, reporter)
    if existing is not None:
        return existing
    report = ContentReport(
        reporter_id=reporter.id, target_type=target_type, target_id=target_id, reason=text
    )
    db.session.add(report)
    return report


def report_content(
    reporter: User, target_type: str, target_id: int, reason: str | None = ""
) -> ContentReport:
    """File a report in its own transaction."""
    with unit_of_work():
        report = add_report(reporter, target_type, target_id, reason)
    return report


def open_reports(target_type: str | None = None, limit: int = 100) -> list[ContentReport]:
    """The moderation queue: open reports, oldest first."""
    stmt = select(ContentReport).where(ContentReport.resolved_at.is_(None))
    if target_type is not None:
        stmt = stmt.where(ContentReport.target_type == target_type)
    return list(db.session.scalars(stmt.order_by(ContentReport.id).limit(limit)))


def resolve_report(report_id: int, moderator: User, resolution: str = "") -> ContentReport:
    """Take a report off the queue, recording who decided what."""
    with unit_of_work() as session:
        report = session.get(ContentReport, report_id)
        if report is None:
            raise LookupError(f"ContentReport {report_id} does not exist")
        if report.resolved_at is None:
            report.resolved_at = utcnow()
            report.resolved_by_id = moderator.id
            report.resolution = (resolution or "").strip()[:RESOLUTION_MAX] or None
    return report
