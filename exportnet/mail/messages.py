"""Turning an outbox row into a standards-conforming MIME message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from exportnet.mail.models import MailOutbox

FALLBACK_DOMAIN = "exportnet.invalid"


@dataclass(frozen=True)
class OutgoingMail:
    """A detached copy of an outbox row, safe to use outside its transaction."""

    id: int
    to_address: str
    subject: str
    body_text: str
    body_html: str | None
    language: str | None

    @classmethod
    def from_row(cls, row: MailOutbox) -> OutgoingMail:
        return cls(
            id=row.id,
            to_address=row.to_address,
            subject=row.subject,
            body_text=row.body_text,
            body_html=row.body_html,
            language=row.language,
        )


def sender_address(sender: str) -> str:
    """The bare address of a `Name <address>` sender (the SMTP envelope sender)."""
    return parseaddr(sender)[1] or sender


def build_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """UTF-8 text (and optional HTML alternative) with From, To, Date and Message-ID."""
    domain = sender_address(sender).rpartition("@")[2] or FALLBACK_DOMAIN
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to_address
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(datetime.now(UTC))
    # Stable per outbox row, so a retried mail keeps its identity.
    message["Message-ID"] = make_msgid(idstring=f"outbox-{mail.id}", domain=domain)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(mail.body_text, charset="utf-8")
    if mail.body_html:
        message.add_alternative(mail.body_html, subtype="html", charset="utf-8")
    if mail.language:  # after set_content(), which clears every Content-* header
        message["Content-Language"] = mail.language
    return message
