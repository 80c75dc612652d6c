"""The refusal a rule raises: a user-facing message and the form field it concerns.

Each package has its own kind (ListingError, NoticeError, InquiryError, ...) so that its
services and views catch only their own; forms show `message` beside `field`
(catalog.fields.show_error), the API puts it under the field's name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")


class RuleError(ValueError):
    """A rule refused a value; `message` is user-facing, `field` names the form field."""

    def __init__(self, message: object, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field

    @classmethod
    def adopt(cls, check: Callable[..., R], *args: Any) -> R:
        """`check(*args)`, a rule of another package that says the same thing; its
        refusal is raised again as this kind, with the same message and field."""
        try:
            return check(*args)
        except RuleError as exc:
            raise cls(exc.message, exc.field) from exc
