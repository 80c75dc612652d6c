"""Writing mail in the recipient's language, with absolute links into their locale.

    with recipient_locale(user.preferred_locale) as locale:
        link = absolute_url("accounts.verify_email", token=token, lang_code=locale.segment)
        queue_template_mail(user.email, _("Confirm ..."), "verify_email", link=link)

Inside the block gettext, templates and Babel formatting speak the recipient's locale.
Links use PUBLIC_BASE_URL when it is set (recommended in production: a mail link must
never take its host from a request's Host header), else the current request's host.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from flask import current_app, render_template, url_for
from flask_babel import force_locale, get_locale

from exportnet.i18n.locales import BY_CODE, DEFAULT_LOCALE, UILocale
from exportnet.mail.models import MailOutbox
from exportnet.mail.services import queue_mail


def ui_locale_for(code: str | None) -> UILocale:
    return BY_CODE.get(code or "", DEFAULT_LOCALE)


@contextmanager
def recipient_locale(code: str | None) -> Iterator[UILocale]:
    """Switch gettext and templates to the recipient's UI locale for the block."""
    locale = ui_locale_for(code)
    with force_locale(locale.code):
        yield locale


def active_locale() -> UILocale:
    """The UI locale Babel is using right now (the forced one inside `recipient_locale`)."""
    return ui_locale_for(str(get_locale() or DEFAULT_LOCALE.code))


def absolute_url(endpoint: str, **values: Any) -> str:
    base = current_app.config.get("PUBLIC_BASE_URL")
    if not base:
        return url_for(endpoint, _external=True, **values)
    parts = urlsplit(base)
    adapter = current_app.url_map.bind(
        parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme or "https"
    )
    return adapter.build(endpoint, values, force_external=True)


def queue_template_mail(to: str, subject: str, template: str, **context: Any) -> MailOutbox:
    """Render templates/mail/<template>.txt in the active locale and queue it.

    The mail's Content-Language is the locale Babel rendered it in.
    """
    locale = active_locale()
    context.setdefault("site_url", absolute_url("site.home", lang_code=locale.segment))
    text = render_template(f"mail/{template}.txt", **context)
    return queue_mail(to, str(subject), text, language=locale.tag)
