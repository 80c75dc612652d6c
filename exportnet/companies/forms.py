"""Company profile forms. They validate input only; services make the changes."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields import URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from exportnet.catalog.fields import date_field, rule, select_choices, whole_number_field
from exportnet.companies import rules
from exportnet.companies.models import EMPLOYEE_RANGES, Company
from exportnet.companies.rules import CompanyError
from exportnet.companies.services import CompanyProfile
from exportnet.content_versions.forms import LanguageVersionForm, language_choices
from exportnet.i18n.routing import current_locale
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import economy_choices, member_economies

TOO_LONG = _l("This text is too long.")
FROM_LIST = _l("Choose from the list.")


def _company_rule(check: Any) -> Any:
    return rule(check, CompanyError)


def chapter_choices(locale: str) -> list[SelectChoice]:
    return select_choices((c.code, f"{c.code} {hs.name(c.code, locale)}") for c in hs.chapters())


class CompanyForm(FlaskForm):
    name = StringField(
        _l("Company name"),
        [DataRequired(_l("Give the company name.")), _company_rule(rules.name)],
        render_kw={"maxlength": 200},
    )
    economy = SelectField(_l("Economy"), validate_choice=False)
    city = StringField(_l("City"), [Length(max=120, message=TOO_LONG)])
    year_established = whole_number_field(_l("Year established"), validators=[Optional()])
    employee_range = SelectField(_l("Employees"), validate_choice=False)
    website = URLField(
        _l("Website"),
        [_company_rule(rules.website)],
        description=_l("Starting with https:// or http://"),
        render_kw={"maxlength": 500},
    )
    industries = SelectMultipleField(
        _l("Main industries"),
        validate_choice=False,
        description=_l("HS chapters. Hold Ctrl (or Cmd) to choose several."),
        render_kw={"size": 8},
    )
    export_markets = SelectMultipleField(
        _l("Export markets"),
        validate_choice=False,
        description=_l("Economies you export to. Hold Ctrl (or Cmd) to choose several."),
        render_kw={"size": 8},
    )
    original_language = SelectField(
        _l("Language of the description"), validate_choice=False, choices=language_choices()
    )
    description = TextAreaField(_l("About the company"), [Length(max=10_000, message=TOO_LONG)])
    logo = FileField(
        _l("Logo"),
        description=_l("A JPEG, PNG or WebP picture. Leave empty to keep the current logo."),
        render_kw={"accept": "image/jpeg,image/png,image/webp,image/gif"},
    )
    submit = SubmitField(_l("Save the profile"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale = current_locale().code
        self.economy.choices = select_choices(economy_choices(locale, codes=member_economies()))
        self.employee_range.choices = select_choices(
            [("", _l("(not given)")), *((value, value) for value in EMPLOYEE_RANGES)]
        )
        self.industries.choices = chapter_choices(locale)
        self.export_markets.choices = select_choices(economy_choices(locale))
        required = DataRequired(FROM_LIST)
        self.economy.validators = [required, _company_rule(rules.member_economy)]
        self.employee_range.validators = [_company_rule(rules.employee_range)]
        self.industries.validators = [_company_rule(rules.chapters)]
        self.export_markets.validators = [_company_rule(rules.economies)]
        self.original_language.validators = [required, _company_rule(rules.language)]
        self.year_established.validators = [Optional(), _company_rule(rules.year)]

    def profile(self) -> CompanyProfile:
        return CompanyProfile(
            name=self.name.data or "",
            economy=self.economy.data or "",
            city=self.city.data or "",
            year_established=self.year_established.data,
            employee_range=self.employee_range.data or None,
            website=(self.website.data or "").strip() or None,
            original_language=self.original_language.data,
            industries=list(self.industries.data or []),
            export_markets=list(self.export_markets.data or []),
        )


def profile_data(company: Company) -> dict[str, Any]:
    """The profile form's initial values for an existing company."""
    original = next((t for t in company.translations if t.lang == company.original_language), None)
    return {
        "name": company.name,
        "economy": company.economy,
        "city": company.city,
        "year_established": company.year_established,
        "employee_range": company.employee_range or "",
        "website": company.website or "",
        "industries": company.industry_codes,
        "export_markets": company.export_market_codes,
        "original_language": company.original_language,
        "description": original.description if original else "",
    }


class CompanyTranslationForm(LanguageVersionForm):
    """Add (choosing the language) or edit the company description in one language."""

    description = TextAreaField(
        _l("About the company"),
        [DataRequired(_l("Write the description.")), Length(max=10_000, message=TOO_LONG)],
    )


class CertificationForm(FlaskForm):
    name = StringField(
        _l("Certification"),
        [
            DataRequired(_l("Give the name of the certification.")),
            Length(max=200, message=TOO_LONG),
        ],
    )
    issuer = StringField(_l("Issued by"), [Length(max=200, message=TOO_LONG)])
    valid_until = date_field(_l("Valid until"), validators=[Optional()])
    submit = SubmitField(_l("Add the certification"))
