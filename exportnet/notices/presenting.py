"""Template helpers for notices: labels, the company page's notices, feed filters."""

from __future__ import annotations

from flask import Blueprint

from exportnet.notices import queries, terms
from exportnet.notices.feeds import register_feed_filters


def register_notice_presenting(bp: Blueprint) -> None:
    """App-wide template filters and globals, added when `bp` is registered."""
    bp.add_app_template_filter(terms.kind_label, "kind_label")
    bp.add_app_template_filter(terms.notice_status_label, "notice_status_label")
    bp.add_app_template_filter(terms.event_type_label, "event_type_label")
    # companies/_notices.html (the company page's notices block) calls this.
    bp.add_app_template_global(queries.company_notices, "company_notices")
    register_feed_filters(bp)
