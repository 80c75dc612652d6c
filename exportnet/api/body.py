"""Request bodies: JSON only, size-limited, read into typed values with per-field messages.

`Body` collects every problem (unknown field, wrong type, missing value) under the
field's name, dotted for nested objects ("translations.en.title"); the caller adds the
rule checks and raises one 422 with all of them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from flask import current_app, request
from flask_babel import gettext as _

from exportnet.api.errors import ApiError
from exportnet.api.params import language_code
from exportnet.catalog.fields import DATE_MESSAGE, NUMBER_MESSAGE, WHOLE_NUMBER_MESSAGE

MISSING = object()
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def is_json_mimetype(mimetype: str) -> bool:
    return mimetype == "application/json" or (
        mimetype.startswith("application/") and mimetype.endswith("+json")
    )


def json_object() -> dict[str, Any]:
    """The request's JSON object: 415 for another type, 413 when too large, 400 if malformed."""
    if not is_json_mimetype(request.mimetype):
        raise ApiError(415)
    limit = int(current_app.config["API_MAX_BODY_BYTES"])
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(413)
    raw = request.stream.read(limit + 1)
    if len(raw) > limit:
        raise ApiError(413)
    try:
        data = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, _("Send a JSON object in the request body.")) from exc
    if not isinstance(data, dict):
        raise ApiError(400, _("Send a JSON object in the request body."))
    return data


class Body:
    """Typed reads of one JSON object; problems go to the shared `errors` dict."""

    def __init__(
        self,
        data: dict[str, Any],
        allowed: frozenset[str] | set[str],
        errors: dict[str, object],
        prefix: str = "",
    ) -> None:
        self.data = data
        self.errors = errors
        self.prefix = prefix
        for name in data:
            if name not in allowed:
                errors[prefix + str(name)] = _("This field is not known.")

    def has(self, name: str) -> bool:
        return name in self.data

    def _fail(self, name: str, message: object) -> None:
        self.errors.setdefault(self.prefix + name, message)

    def _value(self, name: str, required: bool) -> Any:
        value = self.data.get(name, MISSING)
        if value is MISSING or value is None:
            if required:
                self._fail(name, _("This field is required."))
            return MISSING
        return value

    def string(self, name: str, required: bool = False) -> str | None:
        value = self._value(name, required)
        if value is MISSING:
            return None
        if not isinstance(value, str):
            self._fail(name, _("Give this value as text."))
            return None
        return value

    def upper(self, name: str) -> str | None:
        value = self.string(name)
        return value.strip().upper() if value else value

    def number(self, name: str) -> Decimal | None:
        value = self._value(name, False)
        if value is MISSING:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._fail(name, NUMBER_MESSAGE)
            return None
        try:
            return Decimal(str(value))
        except InvalidOperation:
            self._fail(name, NUMBER_MESSAGE)
            return None

    def integer(self, name: str) -> int | None:
        value = self._value(name, False)
        if value is MISSING:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(name, WHOLE_NUMBER_MESSAGE)
            return None
        return value

    def day(self, name: str, required: bool = False) -> date | None:
        value = self.string(name, required)
        if value is None:
            return None
        if ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self._fail(name, DATE_MESSAGE)
        return None

    def language(self, name: str, required: bool = False) -> str | None:
        value = self.string(name, required)
        if value is None:
            return None
        code = language_code(value)
        if code is None:
            self._fail(name, _("Choose a language from the list."))
        return code

    def boolean(self, name: str) -> bool | None:
        value = self._value(name, False)
        if value is MISSING:
            return None
        if not isinstance(value, bool):
            self._fail(name, _("Choose one of: %(choices)s.", choices="true, false"))
            return None
        return value

    def codes(self, name: str) -> list[str] | None:
        """A list of short code strings (economies, HS chapters)."""
        value = self._value(name, False)
        if value is MISSING:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._fail(name, _("Give a list of codes."))
            return None
        return value

    def mapping(self, name: str) -> dict[str, Any] | None:
        value = self._value(name, False)
        if value is MISSING:
            return None
        if not isinstance(value, dict):
            self._fail(name, _("Give an object here."))
            return None
        return value
