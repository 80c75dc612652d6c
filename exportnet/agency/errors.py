"""The error agency services raise when a rule refuses something."""

from __future__ import annotations

from exportnet.rule_errors import RuleError


class VerificationError(RuleError):
    """A rule refused the change; `message` is user-facing, `field` names the form field."""
