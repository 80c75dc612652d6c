"""The error admin services raise when a rule refuses a change."""

from __future__ import annotations


class AdminError(ValueError):
    """A rule refused the change; `message` is user-facing, `field` names the form field."""

    def __init__(self, message: object, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
