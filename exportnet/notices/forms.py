"""Notice and offer forms. They validate input only; services make the changes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields import URLField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from exportnet.catalog.fields import (
    date_field,
    number_field,
    rule,
    select_choices,
    whole_number_field,
)
from exportnet.catalog.terms import UNIT_LABELS
from exportnet.content_versions.forms import LanguageVersionForm, language_choices
from exportnet.i18n.routing import current_locale
from exportnet.notices import rules
from exportnet.notices.offers import OfferTerms
from exportnet.notices.queries import today
from exportnet.notices.rules import NoticeError
from exportnet.notices.services import NoticeTerms, NoticeText
from exportnet.notices.terms import (
    BODY_MAX,
    EVENT_TYPE_LABELS,
    OFFER_MESSAGE_MAX,
    STATUS_LABELS,
    TITLE_MAX,
    VENUE_MAX,
)
from exportnet.taxonomy.economies import economy_choices

TOO_LONG = _l("This text is too long.")
FROM_LIST = _l("Choose from the list.")
NONE_CHOICE = ("", _l("(none)"))
DEFAULT_DAYS = 90


def _rule(check: Any) -> Any:
    return rule(check, NoticeError)


def _unit_choices() -> list[Any]:
    return select_choices([NONE_CHOICE, *UNIT_LABELS.items()])


class NoticeTextMixin:
    title = StringField(
        _l("Title"),
        [DataRequired(_l("Give the notice a title.")), _rule(rules.title)],
        description=_l("For a buying request: what you want to buy."),
        render_kw={"maxlength": TITLE_MAX},
    )
    body = TextAreaField(_l("Details"), [Length(max=BODY_MAX, message=TOO_LONG)])

    def notice_text(self) -> NoticeText:
        return NoticeText(self.title.data or "", self.body.data or "")  # type: ignore[attr-defined]


class NoticeForm(NoticeTextMixin, FlaskForm):
    """Post or edit a notice; its kind comes from the URL (new) or the notice (edit)."""

    original_language = SelectField(
        _l("Language of this text"), validate_choice=False, choices=language_choices()
    )
    economy = SelectField(_l("Economy"), validate_choice=False)
    hs_code = StringField(
        _l("HS category (optional)"),
        description=_l("A 2-digit chapter or a 4-digit heading, such as 09 or 0901."),
        render_kw={"maxlength": 12, "inputmode": "decimal"},
    )
    valid_from = date_field(_l("Valid from"), validators=[DataRequired(_l("Give a date."))])
    valid_until = date_field(
        _l("Valid until"),
        validators=[DataRequired(_l("Give a date."))],
        description=_l("At most one year after the first day."),
    )
    quantity = number_field(_l("Quantity"), validators=[Optional()])
    quantity_unit = SelectField(_l("Unit"), validate_choice=False)
    target_price = number_field(_l("Target price per unit"), places=2, validators=[Optional()])
    currency = StringField(
        _l("Currency"),
        description=_l("ISO 4217 code, such as USD, THB or JPY."),
        render_kw={"maxlength": 3, "autocapitalize": "characters"},
    )
    destination_economy = SelectField(_l("Destination economy"), validate_choice=False)
    deadline = date_field(_l("Deadline for offers"), validators=[Optional()])
    event_type = SelectField(_l("Type of event"), validate_choice=False)
    event_start = date_field(_l("First day of the event"), validators=[Optional()])
    event_end = date_field(_l("Last day of the event"), validators=[Optional()])
    venue = StringField(_l("Venue"), [Length(max=VENUE_MAX, message=TOO_LONG)])
    event_url = URLField(
        _l("Web address of the event"),
        [_rule(rules.web_address)],
        description=_l("Starting with https:// or http://"),
        render_kw={"maxlength": 500},
    )
    status = SelectField(_l("Status"), validate_choice=False)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale = current_locale().code
        everywhere = select_choices(economy_choices(locale))
        self.economy.choices = everywhere
        self.destination_economy.choices = select_choices([NONE_CHOICE]) + everywhere
        self.quantity_unit.choices = _unit_choices()
        self.event_type.choices = select_choices([NONE_CHOICE, *EVENT_TYPE_LABELS.items()])
        self.status.choices = select_choices(STATUS_LABELS.items())
        required = DataRequired(FROM_LIST)
        self.original_language.validators = [required, _rule(rules.language)]
        self.economy.validators = [required, _rule(rules.economy)]
        self.status.validators = [required, _rule(rules.status)]
        self.hs_code.validators = [_rule(rules.category)]
        self.currency.validators = [_rule(rules.currency)]
        if not self.is_submitted() and self.valid_from.data is None:
            self.valid_from.data = today()
            self.valid_until.data = today() + timedelta(days=DEFAULT_DAYS)

    def notice_terms(self, kind: str) -> NoticeTerms:
        return NoticeTerms(
            kind=kind,
            economy=self.economy.data or "",
            valid_from=self.valid_from.data,
            valid_until=self.valid_until.data,
            hs_code=self.hs_code.data or "",
            status=self.status.data or "",
            quantity=self.quantity.data,
            quantity_unit=self.quantity_unit.data or None,
            target_price=self.target_price.data,
            currency=(self.currency.data or "").strip().upper() or None,
            destination_economy=self.destination_economy.data or None,
            deadline=self.deadline.data,
            event_type=self.event_type.data or None,
            event_start=self.event_start.data,
            event_end=self.event_end.data,
            venue=self.venue.data or "",
            event_url=(self.event_url.data or "").strip() or None,
        )


class NoticeTranslationForm(NoticeTextMixin, LanguageVersionForm):
    """Add (choosing the language) or edit one language version of a notice."""


class RenewForm(FlaskForm):
    valid_until = date_field(
        _l("New last day of validity"),
        validators=[DataRequired(_l("Give a date."))],
        description=_l("The notice is valid again from today, for at most one year."),
    )
    submit = SubmitField(_l("Renew"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_submitted():
            self.valid_until.data = today() + timedelta(days=DEFAULT_DAYS)


class OfferForm(FlaskForm):
    price = number_field(
        _l("Your price per unit"), places=2, validators=[InputRequired(_l("Give your price."))]
    )
    currency = StringField(
        _l("Currency"),
        [DataRequired(_l("Give the currency of the price.")), _rule(rules.currency)],
        description=_l("ISO 4217 code, such as USD, THB or JPY."),
        render_kw={"maxlength": 3, "autocapitalize": "characters"},
    )
    quantity = number_field(_l("Quantity"), validators=[DataRequired(_l("Give the quantity."))])
    quantity_unit = SelectField(_l("Unit"), validate_choice=False)
    lead_time_days = whole_number_field(_l("Lead time in days"), validators=[Optional()])
    message = TextAreaField(_l("Message"), [Length(max=OFFER_MESSAGE_MAX, message=TOO_LONG)])
    submit = SubmitField(_l("Send the offer"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.quantity_unit.choices = _unit_choices()
        self.quantity_unit.validators = [_rule(rules.unit)]
        self.lead_time_days.validators = [Optional(), _rule(rules.days)]

    def offer_terms(self) -> OfferTerms:
        return OfferTerms(
            price=self.price.data,
            currency=(self.currency.data or "").strip().upper() or None,
            quantity=self.quantity.data,
            quantity_unit=self.quantity_unit.data or None,
            lead_time_days=self.lead_time_days.data,
            message=self.message.data or "",
        )
