"""Listing forms. They validate input only; services make the changes."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from exportnet.catalog import rules
from exportnet.catalog.fields import number_field, rule, select_choices, whole_number_field
from exportnet.catalog.rules import ListingError
from exportnet.catalog.services import ListingTerms, ListingText
from exportnet.catalog.terms import (
    INCOTERMS,
    MAX_IMAGES,
    PERIOD_LABELS,
    STATUS_LABELS,
    TITLE_MAX,
    UNIT_LABELS,
)
from exportnet.content_versions.forms import LanguageVersionForm, language_choices
from exportnet.i18n.routing import current_locale
from exportnet.taxonomy.economies import economy_choices, member_economies

NONE_CHOICE = ("", _l("(none)"))
TOO_LONG = _l("This text is too long.")


def _listing_rule(check: Any) -> Any:
    return rule(check, ListingError)


class ListingTextMixin:
    title = StringField(
        _l("Title"),
        [DataRequired(_l("Give the product a title.")), _listing_rule(rules.title)],
        render_kw={"maxlength": TITLE_MAX},
    )
    description = TextAreaField(_l("Description"), [Length(max=10_000, message=TOO_LONG)])
    keywords = StringField(
        _l("Keywords"),
        [Length(max=500, message=TOO_LONG)],
        description=_l("Words buyers may search for, separated by commas."),
    )

    def listing_text(self) -> ListingText:
        return ListingText(
            title=self.title.data or "",  # type: ignore[attr-defined]
            description=self.description.data or "",  # type: ignore[attr-defined]
            keywords=self.keywords.data or "",  # type: ignore[attr-defined]
        )


class ProductForm(ListingTextMixin, FlaskForm):
    """Create (with the original language) or edit a listing."""

    original_language = SelectField(
        _l("Language of this text"), validate_choice=False, choices=language_choices()
    )
    hs_code = StringField(
        _l("HS code"),
        [DataRequired(_l("Give the HS code of the product.")), _listing_rule(rules.hs_path)],
        description=_l("A 2-digit chapter or a 4-digit heading, such as 09 or 0901 for coffee."),
        render_kw={"maxlength": 12, "inputmode": "decimal"},
    )
    origin_economy = SelectField(_l("Origin economy"), validate_choice=False)
    moq = number_field(_l("Minimum order quantity"), validators=[Optional()])
    moq_unit = SelectField(_l("Unit of the minimum order"), validate_choice=False)
    price_min = number_field(_l("Lowest price per unit"), places=2, validators=[Optional()])
    price_max = number_field(_l("Highest price per unit"), places=2, validators=[Optional()])
    currency = StringField(
        _l("Currency"),
        [_listing_rule(rules.currency)],
        description=_l("ISO 4217 code, such as USD, THB or JPY."),
        render_kw={"maxlength": 3, "autocapitalize": "characters"},
    )
    incoterm = SelectField(_l("Incoterm (2020)"), validate_choice=False)
    incoterm_place = StringField(
        _l("Named place"),
        [Length(max=120, message=TOO_LONG)],
        description=_l("The port or place the Incoterm refers to, such as Ho Chi Minh City."),
    )
    lead_time_days = whole_number_field(_l("Lead time in days"), validators=[Optional()])
    supply_capacity = number_field(_l("Supply capacity"), validators=[Optional()])
    supply_unit = SelectField(_l("Unit of the supply capacity"), validate_choice=False)
    supply_period = SelectField(_l("Per"), validate_choice=False)
    port_of_loading = StringField(_l("Port of loading"), [Length(max=120, message=TOO_LONG)])
    certifications = TextAreaField(
        _l("Certifications"),
        [Length(max=2000, message=TOO_LONG)],
        description=_l("Such as HACCP, Organic (EU), Halal, with the certifying body."),
    )
    status = SelectField(_l("Status"), validate_choice=False)
    pictures = MultipleFileField(
        _l("Add pictures"),
        description=_l("JPEG, PNG or WebP; at most %(max)d pictures per product.", max=MAX_IMAGES),
        render_kw={"accept": "image/jpeg,image/png,image/webp,image/gif"},
    )
    image_alt = StringField(
        _l("Picture description"),
        [Length(max=200, message=TOO_LONG)],
        description=_l("What the new pictures show, for readers who cannot see them."),
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: Any, existing_images: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.existing_images = existing_images
        origins = set(member_economies())
        if self.origin_economy.data:  # a listing may come from outside the member economies
            origins.add(self.origin_economy.data)
        self.origin_economy.choices = select_choices(economy_choices(_locale(), codes=origins))
        units = select_choices([NONE_CHOICE, *UNIT_LABELS.items()])
        self.moq_unit.choices = units
        self.supply_unit.choices = units
        self.supply_period.choices = select_choices([NONE_CHOICE, *PERIOD_LABELS.items()])
        self.incoterm.choices = select_choices([NONE_CHOICE, *((c, c) for c in INCOTERMS)])
        self.status.choices = select_choices(STATUS_LABELS.items())
        required = DataRequired(_l("Choose from the list."))
        for name, check, needed in (
            ("original_language", rules.language, True),
            ("origin_economy", rules.economy, True),
            ("moq_unit", lambda v: rules.unit(v, "moq_unit"), False),
            ("supply_unit", lambda v: rules.unit(v, "supply_unit"), False),
            ("supply_period", rules.period, False),
            ("incoterm", rules.incoterm, False),
            ("status", rules.status, True),
        ):
            checks = [required] if needed else []
            getattr(self, name).validators = [*checks, _listing_rule(check)]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        for name in ("moq", "price_min", "price_max", "supply_capacity"):
            valid &= _check(getattr(self, name), lambda value, name=name: rules.amount(value, name))
        valid &= _check(self.lead_time_days, rules.days)
        if not (self.price_min.errors or self.price_max.errors):
            valid &= _check(self.price_min, lambda low: rules.price_range(low, self.price_max.data))
        has_price = self.price_min.data is not None or self.price_max.data is not None
        if has_price and not self.currency.data and not self.currency.errors:
            self.currency.errors.append(str(_l("Give the currency of the price.")))
            valid = False
        uploads = [f for f in (self.pictures.data or []) if f]
        if self.existing_images + len(uploads) > MAX_IMAGES:
            self.pictures.errors.append(
                str(_l("A product can have at most %(max)d pictures.", max=MAX_IMAGES))
            )
            valid = False
        return valid

    def listing_terms(self) -> ListingTerms:
        return ListingTerms(
            hs_code=self.hs_code.data or "",
            origin_economy=self.origin_economy.data or None,
            moq=self.moq.data,
            moq_unit=self.moq_unit.data or None,
            price_min=self.price_min.data,
            price_max=self.price_max.data,
            currency=(self.currency.data or "").strip().upper() or None,
            incoterm=self.incoterm.data or None,
            incoterm_place=self.incoterm_place.data or "",
            lead_time_days=self.lead_time_days.data,
            supply_capacity=self.supply_capacity.data,
            supply_unit=self.supply_unit.data or None,
            supply_period=self.supply_period.data or None,
            port_of_loading=self.port_of_loading.data or "",
            certifications=self.certifications.data or "",
            status=self.status.data,
        )


class TranslationForm(ListingTextMixin, LanguageVersionForm):
    """Add (choosing the language) or edit one language version of a listing."""


class ConfirmForm(FlaskForm):
    """A button and the CSRF token: delete, remove."""

    submit = SubmitField(_l("Delete"))


def _check(field: Any, check: Any) -> bool:
    """Run a rule on a field that parsed without errors; put its refusal on the field."""
    if field.data is None or field.errors:
        return not field.errors
    try:
        check(field.data)
    except ListingError as exc:
        field.errors.append(str(exc.message))
        return False
    return True


def _locale() -> str:
    return current_locale().code
