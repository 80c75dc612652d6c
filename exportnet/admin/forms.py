"""Admin forms. They validate input only; services make the changes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from exportnet.accounts.models import Role
from exportnet.agency.terms import AGENCY_NAME_MAX, REASON_MAX
from exportnet.catalog.fields import select_choices
from exportnet.i18n.routing import current_locale
from exportnet.moderation.queue_targets import kind_label
from exportnet.taxonomy.economies import economy_name, member_economies

TOO_LONG = _l("This text is too long.")
ROLE_LABELS = {
    Role.BUYER.value: _l("Buyer"),
    Role.EXPORTER.value: _l("Exporter"),
    Role.AGENCY.value: _l("Trade agency"),
    Role.ADMIN.value: _l("Administrator"),
}
ROLE_DESCRIPTIONS = {
    Role.BUYER.value: _l("Searches the catalog, sends inquiries, posts buying requests."),
    Role.EXPORTER.value: _l(
        "Belongs to a company: edits its profile, lists products, answers inquiries, "
        "asks for verification, sees seller analytics."
    ),
    Role.AGENCY.value: _l(
        "Writes board posts and trade events, works the moderation queue; as an officer of "
        "an agency, verifies the exporters of the economies the agency covers."
    ),
    Role.ADMIN.value: _l(
        "Everything agencies do, and manages agencies, officers, users and roles; "
        "reads the audit log."
    ),
}


AUDIT_TARGET_LABELS = {
    "user": _l("User"),
    "agency": _l("Agency"),
    "company": _l("Company"),
}


def audit_target_label(code: str | None) -> str:
    """What an audit entry concerns: a user, an agency, or a kind of reported content."""
    if code in AUDIT_TARGET_LABELS:
        return str(AUDIT_TARGET_LABELS[code])
    return kind_label(code)


def role_label(code: str | None) -> str:
    return str(ROLE_LABELS.get(code or "", code or ""))


def role_choices() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in ROLE_LABELS.items()]


class AgencyForm(FlaskForm):
    name = StringField(
        _l("Name of the agency"),
        [
            DataRequired(_l("Give the agency's name.")),
            Length(max=AGENCY_NAME_MAX, message=TOO_LONG),
        ],
        render_kw={"maxlength": AGENCY_NAME_MAX},
    )
    economies = SelectMultipleField(
        _l("Economies it covers"),
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    submit = SubmitField(_l("Save the agency"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        locale = current_locale().code
        pairs = sorted(
            ((code, economy_name(code, locale)) for code in member_economies()),
            key=lambda pair: pair[1],
        )
        self.economies.choices = select_choices(pairs)


class OfficerForm(FlaskForm):
    email = EmailField(
        _l("Email address of the officer"),
        [DataRequired(_l("Give the officer's email address."))],
        description=_l("The account must have the agency role."),
    )
    submit = SubmitField(_l("Add the officer"))


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), validate_choice=False)
    reason = TextAreaField(
        _l("Reason"), [Length(max=REASON_MAX, message=TOO_LONG)], render_kw={"rows": 2}
    )
    submit = SubmitField(_l("Change the role"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = role_choices()


class AccountStatusForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"), [Length(max=REASON_MAX, message=TOO_LONG)], render_kw={"rows": 2}
    )
    disable = SubmitField(_l("Disable the account"))
    enable = SubmitField(_l("Enable the account"))
