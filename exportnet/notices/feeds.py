"""Atom feeds (RFC 4287): XML-safe text, RFC 3339 timestamps, absolute links.

Feeds are rendered from `.xml` templates, so Jinja escapes every value; `xml_text` also
drops the characters XML 1.0 cannot carry at all (control characters), which escaping
cannot fix. The board's feed uses the same helpers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup

from exportnet.i18n.routing import current_locale
from exportnet.mail.compose import absolute_url

ATOM_MIMETYPE = "application/atom+xml"
FEED_MAX_AGE = 300
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: Any) -> str:
    """Text with the characters XML 1.0 forbids removed (escaping is Jinja's job).

    Markup (already escaped, e.g. a translated message) stays Markup.
    """
    if isinstance(value, Markup):
        return Markup(_NOT_XML.sub("", str(value)))  # noqa: S704 (removing characters from escaped text keeps it escaped)
    return _NOT_XML.sub("", "" if value is None else str(value))


def html_payload(value: Any) -> str:
    """HTML as plain text, so that the template escapes it into `<content type="html">`."""
    return _NOT_XML.sub("", str(value or ""))


def rfc3339(value: datetime | date | None) -> str:
    """A naive-UTC datetime (or a date, at midnight) as `2024-05-01T08:30:00Z`."""
    if value is None:
        return "1970-01-01T00:00:00Z"
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    return value.replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def summary(text: str | None, limit: int = 600) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def latest(values: Iterable[datetime | None]) -> datetime | None:
    return max((v for v in values if v is not None), default=None)


def external_url(endpoint: str, **values: Any) -> str:
    """An absolute URL in the reader's locale (PUBLIC_BASE_URL when set, never Host)."""
    if current_app.url_map.is_endpoint_expecting(endpoint, "lang_code"):
        values.setdefault("lang_code", current_locale().segment)
    return absolute_url(endpoint, **values)


def self_url() -> str:
    """The absolute URL of this feed with its query string (filters)."""
    args = {**(request.view_args or {}), **request.args.to_dict(flat=True)}
    return external_url(request.endpoint or "", **args)


def atom_response(template: str, **context: Any) -> Response:
    body = render_template(template, self_url=self_url(), **context)
    response = Response(body, mimetype=ATOM_MIMETYPE)
    response.headers["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
    return response


def register_feed_filters(bp: Blueprint) -> None:
    bp.add_app_template_filter(xml_text, "xml_text")
    bp.add_app_template_filter(rfc3339, "rfc3339")
    bp.add_app_template_filter(html_payload, "html_payload")
    bp.add_app_template_filter(summary, "summary")
    bp.add_app_template_global(external_url, "external_url")
