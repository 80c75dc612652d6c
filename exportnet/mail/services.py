"""Queueing mail in the caller's transaction and sending what is pending.

`queue_mail` only adds an outbox row, so a mail exists exactly when the change that
caused it was committed. `send_pending` claims due rows (so that several threads,
processes or nodes never send the same row), sends them over one connection, and
records each outcome in its own short transaction: sent, or failed with the error and
a back-off before the next try. Failed rows stay in the outbox until they go out.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, g, has_app_context
from sqlalchemy import func, or_, select

from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.mail.messages import OutgoingMail, build_message
from exportnet.mail.models import MailOutbox
from exportnet.mail.transport import DELIVERY_ERRORS, open_transport
from exportnet.timeutil import utcnow

QUEUED_FLAG = "exportnet_mail_queued"
# How long a sender may hold claimed rows before another sender may take them over.
CLAIM_LEASE = timedelta(minutes=5)
MAX_ERROR_LENGTH = 2000


def queue_mail(
    to: str, subject: str, text: str, html: str | None = None, *, language: str | None = None
) -> MailOutbox:
    """Add a mail to the outbox inside the caller's transaction (the caller commits).

    `language` is the BCP 47 tag of the language the mail is written in.
    """
    row = MailOutbox(
        to_address=to.strip(),
        subject=" ".join(str(subject).split())[:255],
        body_text=text,
        body_html=html,
        language=language,
    )
    db.session.add(row)
    if has_app_context():
        setattr(g, QUEUED_FLAG, True)  # the after-request hook drains the outbox
    return row


def mail_was_queued() -> bool:
    """True once per app context in which `queue_mail` ran (the flag is consumed)."""
    return bool(g.pop(QUEUED_FLAG, False))


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off after the n-th failed attempt, capped."""
    base = float(current_app.config["MAIL_RETRY_BASE_SECONDS"])
    cap = float(current_app.config["MAIL_RETRY_MAX_SECONDS"])
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def send_pending(limit: int = 50, *, due_only: bool = True) -> int:
    """Send up to `limit` unsent mails; return how many went out.

    `due_only=False` also retries mail that is waiting out its back-off (an operator
    asking for "send everything now"); mail that failed MAIL_MAX_ATTEMPTS times and
    mail another sender is working on are always left alone.
    """
    batch = _claim(limit, due_only)
    if not batch:
        return 0
    config = current_app.config
    sent = 0
    done: set[int] = set()
    try:
        with open_transport(config) as transport:
            for mail in batch:
                try:
                    transport.send(build_message(mail, config["MAIL_SENDER"]))
                except DELIVERY_ERRORS as error:
                    _record_failure(mail.id, error)
                else:
                    _record_sent(mail.id)
                    sent += 1
                done.add(mail.id)
    except DELIVERY_ERRORS as error:  # connecting or logging in failed
        for mail in batch:
            if mail.id not in done:
                _record_failure(mail.id, error)
    return sent


def pending_count() -> int:
    """Mails not yet sent (including those that have given up)."""
    return db.session.scalar(
        select(func.count()).select_from(MailOutbox).where(MailOutbox.sent_at.is_(None))
    )


def _claim(limit: int, due_only: bool) -> list[OutgoingMail]:
    now = utcnow()
    with unit_of_work():
        stmt = select(MailOutbox).where(
            MailOutbox.sent_at.is_(None),
            MailOutbox.attempts < int(current_app.config["MAIL_MAX_ATTEMPTS"]),
            or_(MailOutbox.claimed_until.is_(None), MailOutbox.claimed_until <= now),
        )
        if due_only:
            stmt = stmt.where(
                or_(MailOutbox.next_attempt_at.is_(None), MailOutbox.next_attempt_at <= now)
            )
        stmt = stmt.order_by(MailOutbox.id).limit(limit).with_for_update(skip_locked=True)
        rows = db.session.scalars(stmt).all()
        for row in rows:
            row.claimed_until = now + CLAIM_LEASE
        return [OutgoingMail.from_row(row) for row in rows]


def _record_sent(mail_id: int) -> None:
    with unit_of_work():
        row = db.session.get(MailOutbox, mail_id)
        if row is not None:
            row.sent_at = utcnow()
            row.claimed_until = None
            row.last_error = None


def _record_failure(mail_id: int, error: BaseException) -> None:
    message = f"{type(error).__name__}: {error}"[:MAX_ERROR_LENGTH]
    current_app.logger.warning("Mail %s could not be sent: %s", mail_id, message)
    with unit_of_work():
        row = db.session.get(MailOutbox, mail_id)
        if row is None:
            return
        row.attempts += 1
        row.last_error = message
        row.next_attempt_at = _next_attempt(row.attempts)
        row.claimed_until = None


def _next_attempt(attempts: int) -> datetime:
    return utcnow() + retry_delay(attempts)
