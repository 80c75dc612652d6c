"""Account forms: they validate input; the services hold the rules."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from exportnet.accounts.models import Role
from exportnet.accounts.passwords import password_problem
from exportnet.accounts.services import AccountError, Registration
from exportnet.i18n.locales import LOCALES
from exportnet.i18n.routing import current_locale
from exportnet.taxonomy.economies import economy_choices, member_economies

EMAIL_MAX = 254


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        _l("New password"), [DataRequired()], render_kw={"autocomplete": "new-password"}
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        [DataRequired(), EqualTo("password", message=_l("The two passwords do not match."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


def language_choices() -> list[tuple[str, str]]:
    return [(loc.code, loc.native_name) for loc in LOCALES]


def attach_error(form: FlaskForm, error: AccountError) -> str | None:
    """Put a service's refusal beside its field; return it if it belongs to no field."""
    if error.field and error.field in form:
        form[error.field].errors = [*form[error.field].errors, str(error)]
        return None
    return str(error)


class PasswordRules:
    """`password` must pass the strength rules (the email it is checked against comes
    from the form's `email` field, or `account_email` set by the view)."""

    account_email: str | None = None

    def validate_password(self, field: PasswordField) -> None:
        email_field = getattr(self, "email", None)
        email = email_field.data if email_field is not None else self.account_email
        problem = password_problem(field.data or "", email)
        if problem:
            raise ValidationError(problem)


class RegisterForm(PasswordRules, FlaskForm):
    role = RadioField(
        _l("I want to"),
        default=Role.BUYER.value,
        validators=[DataRequired(message=_l("Choose whether you buy or export."))],
    )
    email = EmailField(
        _l("Email address"),
        [DataRequired(), Email(), Length(max=EMAIL_MAX)],
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )
    display_name = StringField(
        _l("Your name"),
        [DataRequired(), Length(max=120)],
        render_kw={"autocomplete": "name"},
    )
    password = PasswordField(
        _l("Password"), [DataRequired()], render_kw={"autocomplete": "new-password"}
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        [DataRequired(), EqualTo("password", message=_l("The two passwords do not match."))],
        render_kw={"autocomplete": "new-password"},
    )
    company_name = StringField(
        _l("Company name"),
        [Length(max=200)],  # required for exporters: see validate_company_name
        render_kw={"autocomplete": "organization"},
    )
    economy = SelectField(_l("Economy of the company"))  # see validate_economy
    preferred_locale = SelectField(_l("Preferred language"), default=lambda: current_locale().code)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [
            (Role.BUYER.value, _l("buy: find exporters and send inquiries")),
            (Role.EXPORTER.value, _l("export: present my company and its products")),
        ]
        self.economy.choices = [
            ("", _l("Choose an economy")),
            *economy_choices(current_locale().code, codes=member_economies()),
        ]
        self.preferred_locale.choices = language_choices()

    @property
    def is_exporter(self) -> bool:
        return self.role.data == Role.EXPORTER.value

    def validate_company_name(self, field: StringField) -> None:
        if self.is_exporter and not (field.data or "").strip():
            raise ValidationError(_l("Enter the name of your company."))

    def validate_economy(self, field: SelectField) -> None:
        if self.is_exporter and not field.data:
            raise ValidationError(_l("Choose the economy your company exports from."))

    def registration(self) -> Registration:
        return Registration(
            email=self.email.data,
            password=self.password.data,
            role=Role(self.role.data),
            display_name=self.display_name.data or "",
            company_name=self.company_name.data if self.is_exporter else None,
            economy=self.economy.data if self.is_exporter else None,
            preferred_locale=self.preferred_locale.data,
        )


class LoginForm(FlaskForm):
    # No format check: any refusal must read the same as a wrong password.
    email = EmailField(
        _l("Email address"),
        [DataRequired(), Length(max=EMAIL_MAX)],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"), [DataRequired()], render_kw={"autocomplete": "current-password"}
    )
    remember = BooleanField(_l("Keep me logged in on this device"))


class ForgotPasswordForm(FlaskForm):
    # A lookup, not a new address: anything that is no account's address finds nothing.
    email = EmailField(
        _l("Email address"),
        [DataRequired(), Length(max=EMAIL_MAX)],
        render_kw={"autocomplete": "username", "spellcheck": "false"},
    )


class ResetPasswordForm(PasswordRules, FlaskForm):
    password, confirm = _new_password_fields()


class ChangePasswordForm(PasswordRules, FlaskForm):
    current_password = PasswordField(
        _l("Current password"), [DataRequired()], render_kw={"autocomplete": "current-password"}
    )
    password, confirm = _new_password_fields()


class ProfileForm(FlaskForm):
    display_name = StringField(
        _l("Your name"), [DataRequired(), Length(max=120)], render_kw={"autocomplete": "name"}
    )
    preferred_locale = SelectField(_l("Preferred language"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.preferred_locale.choices = language_choices()


class ApiTokenForm(FlaskForm):
    name = StringField(
        _l("Name of the new token"),
        [DataRequired(), Length(max=80)],
        render_kw={"autocomplete": "off"},
    )


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""
