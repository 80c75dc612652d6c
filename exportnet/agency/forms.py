"""Verification forms. They validate input only; services make the changes."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from exportnet.agency.terms import REASON_MAX, REGISTRATION_MAX

TOO_LONG = _l("This text is too long.")


def document_hint() -> str:
    megabytes = max(1, int(current_app.config["INQUIRY_ATTACHMENT_MAX_BYTES"]) // (1024 * 1024))
    return str(
        _l(
            "Optional: your registration certificate as a PDF document or a picture, "
            "at most %(size)d MB. Only the agency's officers see it.",
            size=megabytes,
        )
    )


class VerificationForm(FlaskForm):
    registration_number = StringField(
        _l("Business registration number"),
        [
            DataRequired(_l("Give the business registration number.")),
            Length(max=REGISTRATION_MAX, message=TOO_LONG),
        ],
        render_kw={"maxlength": REGISTRATION_MAX, "autocomplete": "off"},
    )
    document = FileField(
        _l("Registration document"),
        render_kw={"accept": "application/pdf,image/jpeg,image/png,image/webp"},
    )
    submit = SubmitField(_l("Ask for verification"))


class DecisionForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        [Length(max=REASON_MAX, message=TOO_LONG)],
        description=_l(
            "The company's members read it. A reason is required to reject; "
            "when you approve it is shown on the company page."
        ),
        render_kw={"maxlength": REASON_MAX, "rows": 4},
    )
    approve = SubmitField(_l("Approve"))
    reject = SubmitField(_l("Reject"))


class RevokeForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason for revoking"),
        [
            DataRequired(_l("Give the reason for this decision.")),
            Length(max=REASON_MAX, message=TOO_LONG),
        ],
        render_kw={"maxlength": REASON_MAX, "rows": 3},
    )
    submit = SubmitField(_l("Revoke the verification"))
