"""The account mails, written in the recipient's preferred language.

Each function queues its mail in the caller's transaction.
"""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _

from exportnet.accounts.email_tokens import Purpose, make_token
from exportnet.accounts.models import User
from exportnet.mail.compose import absolute_url, queue_template_mail, recipient_locale


def _hours(seconds: int) -> int:
    return max(1, round(seconds / 3600))


def queue_verification_mail(user: User) -> None:
    with recipient_locale(user.preferred_locale) as locale:
        link = absolute_url(
            "accounts.verify_email",
            token=make_token(Purpose.VERIFY_EMAIL, user),
            lang_code=locale.segment,
        )
        queue_template_mail(
            user.email,
            _("Confirm your email address for ExportNet"),
            "verify_email",
            user=user,
            link=link,
            valid_hours=_hours(current_app.config["EMAIL_TOKEN_MAX_AGE"]),
        )


def queue_password_reset_mail(user: User) -> None:
    with recipient_locale(user.preferred_locale) as locale:
        link = absolute_url(
            "accounts.reset_password",
            token=make_token(Purpose.RESET_PASSWORD, user),
            lang_code=locale.segment,
        )
        queue_template_mail(
            user.email,
            _("Reset your ExportNet password"),
            "password_reset",
            user=user,
            link=link,
            valid_hours=_hours(current_app.config["PASSWORD_RESET_MAX_AGE"]),
        )


def queue_password_changed_mail(user: User) -> None:
    with recipient_locale(user.preferred_locale) as locale:
        reset_link = absolute_url("accounts.forgot_password", lang_code=locale.segment)
        queue_template_mail(
            user.email,
            _("Your ExportNet password was changed"),
            "password_changed",
            user=user,
            reset_link=reset_link,
        )
