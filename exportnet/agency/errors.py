"""The error agency services raise when a rule refuses something."""

from __future__ import annotations


class VerificationError(ValueError):
    """A rule refused the change; `message` is user-facing, `field` names the form field."""

    def __init__(self, message: object, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
