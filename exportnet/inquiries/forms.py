"""Inquiry forms. They validate input only; services make the changes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from exportnet.catalog.fields import number_field, rule, select_choices
from exportnet.catalog.terms import UNIT_LABELS
from exportnet.i18n.routing import current_locale
from exportnet.inquiries import rules
from exportnet.inquiries.rules import InquiryError
from exportnet.inquiries.services import InquiryTerms
from exportnet.inquiries.terms import MESSAGE_MAX, REPORT_REASON_MAX, SUBJECT_MAX
from exportnet.taxonomy.economies import economy_choices

TOO_LONG = _l("This text is too long.")
CHOOSE = ("", _l("Choose…"))
ACCEPT = "application/pdf,.pdf,image/jpeg,image/png,image/webp,image/gif"


def _rule(check: Any) -> Any:
    return rule(check, InquiryError)


def _message_field(label: Any, required_message: Any) -> TextAreaField:
    # The length is checked by the rule, which counts a line break as one character.
    return TextAreaField(
        label,
        [DataRequired(required_message), _rule(rules.message)],
        render_kw={"maxlength": MESSAGE_MAX, "rows": 8},
    )


def _attachment_field() -> FileField:
    return FileField(_l("Attachment"), render_kw={"accept": ACCEPT})


def attachment_hint() -> Any:
    megabytes = max(1, int(current_app.config["INQUIRY_ATTACHMENT_MAX_BYTES"]) // (1024 * 1024))
    return _l("Optional: one PDF document or picture, at most %(size)d MB.", size=megabytes)


class InquiryForm(FlaskForm):
    subject = StringField(
        _l("Subject"),
        [DataRequired(_l("Give your inquiry a subject.")), _rule(rules.subject)],
        render_kw={"maxlength": SUBJECT_MAX},
    )
    quantity = number_field(
        _l("Quantity"), validators=[DataRequired(_l("Give the quantity you need."))]
    )
    quantity_unit = SelectField(_l("Unit"), validate_choice=False)
    target_price = number_field(_l("Target price per unit (optional)"), places=2)
    currency = StringField(
        _l("Currency"),
        [_rule(rules.currency)],
        description=_l("ISO 4217 code, such as USD, THB or JPY."),
        render_kw={"maxlength": 3, "autocapitalize": "characters"},
    )
    destination_economy = SelectField(_l("Destination economy"), validate_choice=False)
    message = _message_field(_l("Message"), _l("Write your message."))
    attachment = _attachment_field()
    submit = SubmitField(_l("Send the inquiry"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.quantity_unit.choices = select_choices([CHOOSE, *UNIT_LABELS.items()])
        self.quantity_unit.validators = [DataRequired(_l("Choose a unit from the list."))]
        self.destination_economy.choices = select_choices(
            [CHOOSE, *economy_choices(current_locale().code)]
        )
        self.destination_economy.validators = [
            DataRequired(_l("Choose the destination economy from the list.")),
            _rule(rules.economy),
        ]
        self.target_price.validators = [Optional()]
        self.attachment.description = attachment_hint()

    def inquiry_terms(self) -> InquiryTerms:
        return InquiryTerms(
            subject=self.subject.data or "",
            message=self.message.data or "",
            quantity=self.quantity.data,
            quantity_unit=self.quantity_unit.data or None,
            destination_economy=self.destination_economy.data or None,
            target_price=self.target_price.data,
            currency=(self.currency.data or "").strip().upper() or None,
        )

    def draft_values(self) -> dict[str, Any]:
        """What a visitor typed, to keep while they log in (see drafts.py)."""
        return {name: self[name].data for name in ("subject", "quantity_unit", "message")} | {
            "quantity": _plain(self.quantity.data),
            "target_price": _plain(self.target_price.data),
            "currency": (self.currency.data or "").strip().upper(),
            "destination_economy": self.destination_economy.data,
        }

    def restore(self, values: dict[str, str]) -> None:
        """Fill the form from a kept draft."""
        for name, value in values.items():
            if name in ("quantity", "target_price"):
                self[name].data = _decimal(value)
            elif name in self:
                self[name].data = value


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{value:f}"


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


class ReplyForm(FlaskForm):
    body = _message_field(_l("Your reply"), _l("Write your message."))
    attachment = _attachment_field()
    submit = SubmitField(_l("Send the reply"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.attachment.description = attachment_hint()


class ReportForm(FlaskForm):
    reason = TextAreaField(
        _l("What is wrong with this inquiry? (optional)"),
        [Length(max=REPORT_REASON_MAX, message=TOO_LONG)],
        render_kw={"maxlength": REPORT_REASON_MAX, "rows": 3},
    )
    submit = SubmitField(_l("Report as spam"))


class ActionForm(FlaskForm):
    """A button and the CSRF token (close the inquiry)."""

    submit = SubmitField(_l("Close the inquiry"))
