"""Form fields and validators with our own translated messages.

WTForms' built-in messages are translated into a few languages only, so every message
a catalog or company form can show comes from our catalogs instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, IntegerField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

NUMBER_MESSAGE = _l("Enter a number, such as 1500 or 12.5.")
WHOLE_NUMBER_MESSAGE = _l("Enter a whole number, such as 30.")
DATE_MESSAGE = _l("Enter a date as YYYY-MM-DD.")


class NumberField(DecimalField):
    """A decimal shown without trailing zeros (100, not 100.000); prices keep 2 places."""

    def _value(self) -> str:
        if self.raw_data:
            return str(self.raw_data[0])
        if isinstance(self.data, Decimal) and self.places is None:
            text = f"{self.data:f}"
            return text.rstrip("0").rstrip(".") if "." in text else text
        return super()._value()


def number_field(label: Any, places: int | None = None, **kwargs: Any) -> NumberField:
    render_kw = {"step": "any", "min": "0", "inputmode": "decimal", **kwargs.pop("render_kw", {})}
    return NumberField(
        label,
        places=places,
        invalid_value_message=NUMBER_MESSAGE,
        render_kw=render_kw,
        **kwargs,
    )


def whole_number_field(label: Any, **kwargs: Any) -> IntegerField:
    return IntegerField(
        label,
        invalid_value_message=WHOLE_NUMBER_MESSAGE,
        render_kw={"inputmode": "numeric", **kwargs.pop("render_kw", {})},
        **kwargs,
    )


def date_field(label: Any, **kwargs: Any) -> DateField:
    return DateField(label, invalid_value_message=DATE_MESSAGE, **kwargs)


def select_choices(pairs: Iterable[tuple[str, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms option objects."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def rule(check: Callable[..., Any], error: type[Exception]) -> Callable[[Any, Any], None]:
    """A WTForms validator from a rule function that raises `error` with a `.message`."""

    def _validate(_form: Any, field: Any) -> None:
        if field.data in (None, "", []):
            return
        try:
            check(field.data)
        except error as exc:
            raise ValidationError(str(exc.message)) from exc  # type: ignore[attr-defined]

    return _validate


def show_error(form: FlaskForm, error: Exception, fallback: str) -> None:
    """Attach a service's refusal to the form field it names (or to `fallback`)."""
    name = getattr(error, "field", None)
    field = getattr(form, name, None) if name else None
    if field is None or not hasattr(field, "errors"):
        field = getattr(form, fallback)
    field.errors = [*field.errors, str(getattr(error, "message", error))]
