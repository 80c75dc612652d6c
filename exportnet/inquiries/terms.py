"""The vocabulary and limits of inquiries."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

SUBJECT_MAX = 200
MESSAGE_MAX = 5000
REPORT_REASON_MAX = 1000
PER_PAGE = 20
REPORT_TARGET = "inquiry"  # ContentReport.target_type of inquiries


class Status(enum.StrEnum):
    NEW = "new"  # waiting for the first answer (the supplier's, or the buyer's to an offer)
    REPLIED = "replied"  # the side the thread was written to has answered
    CLOSED = "closed"  # closed by either party: no more messages


STATUS_LABELS = {
    Status.NEW.value: _l("New"),
    Status.REPLIED.value: _l("Replied"),
    Status.CLOSED.value: _l("Closed"),
}


class Side(enum.StrEnum):
    BUYER = "buyer"
    SELLER = "seller"


class EventKind(enum.StrEnum):
    SENT = "sent"  # a buyer's new inquiry: what seller analytics count as received
    OFFERED = "offered"  # a company's offer opened a thread (offer_threads.py)
    READ = "read"
    REPLIED = "replied"
    CLOSED = "closed"


def status_label(code: str | None) -> str:
    return str(STATUS_LABELS.get(code or "", code or ""))
