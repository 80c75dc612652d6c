"""The part of a language-version form that every feature shares: which language, and save.

A feature's form adds its text fields, e.g. `class TranslationForm(ListingTextMixin,
LanguageVersionForm)`. The form validates input only; services make the changes.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, ValidationError

from exportnet.content_versions.rules import LANGUAGE_FROM_LIST, is_content_language
from exportnet.i18n.locales import LOCALES


def language_choices(exclude: Collection[str] = frozenset()) -> list[SelectChoice]:
    """The content languages (the UI locales), each named in its own language."""
    return [
        SelectChoice(value=loc.code, label=loc.native_name)
        for loc in LOCALES
        if loc.code not in exclude
    ]


def content_language(_form: Any, field: Any) -> None:
    """A WTForms validator: the field, if filled in, holds a content language."""
    if field.data and not is_content_language(field.data):
        raise ValidationError(str(LANGUAGE_FROM_LIST))


class LanguageVersionForm(FlaskForm):
    """Add (choosing the language) or edit one language version; the view removes `lang`
    when editing an existing one."""

    lang = SelectField(_l("Language"), validate_choice=False)
    submit = SubmitField(_l("Save this language version"))

    def __init__(self, *args: Any, taken: Collection[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang.choices = language_choices(exclude=taken)
        self.lang.validators = [DataRequired(_l("Choose from the list.")), content_language]
