"""The error admin services raise when a rule refuses a change."""

from __future__ import annotations

from exportnet.rule_errors import RuleError


class AdminError(RuleError):
    """A rule refused the change; `message` is user-facing, `field` names the form field."""
