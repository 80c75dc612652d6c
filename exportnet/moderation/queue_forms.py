"""Moderation forms. They validate input only; the queue actions make the changes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from exportnet.agency.terms import REASON_MAX

TOO_LONG = _l("This text is too long.")


class ContentActionForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        [Length(max=REASON_MAX, message=TOO_LONG)],
        description=_l("Kept in the audit log. Required to hide or restore."),
        render_kw={"maxlength": REASON_MAX, "rows": 3},
    )
    hide = SubmitField(_l("Hide"))
    restore = SubmitField(_l("Restore"))
    dismiss = SubmitField(_l("Dismiss the reports"))


class UserActionForm(FlaskForm):
    message = TextAreaField(
        _l("Message to the user"),
        [
            DataRequired(_l("Write what the user should know.")),
            Length(max=REASON_MAX, message=TOO_LONG),
        ],
        description=_l("Mailed to the user and kept in the audit log."),
        render_kw={"maxlength": REASON_MAX, "rows": 3},
    )
    warn = SubmitField(_l("Warn"))
    suspend = SubmitField(_l("Suspend the account"))


class ContentReportForm(FlaskForm):
    reason = TextAreaField(
        _l("What is wrong?"),
        [
            DataRequired(_l("Tell us why you report this.")),
            Length(max=REASON_MAX, message=TOO_LONG),
        ],
        render_kw={"maxlength": REASON_MAX, "rows": 4},
    )
    submit = SubmitField(_l("Send the report"))
