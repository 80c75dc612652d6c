"""Public notice pages: browse and filter, upcoming events, one notice, the Atom feed."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog.presenting import reading
from exportnet.catalog.views import page_number
from exportnet.i18n.routing import current_locale
from exportnet.notices import queries
from exportnet.notices.feeds import atom_response, latest
from exportnet.notices.presenting import register_notice_presenting
from exportnet.notices.queries import NoticeFilters
from exportnet.notices.terms import KIND_LABELS
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import economy_choices, is_valid_economy
from exportnet.timeutil import utcnow

bp = Blueprint("notices", __name__)
register_notice_presenting(bp)


def _filters() -> NoticeFilters:
    """Filters from the query string; unknown values are ignored."""
    kind = (request.args.get("kind") or "").strip() or None
    economy = (request.args.get("economy") or "").strip().upper() or None
    category = (request.args.get("category") or "").strip().upper() or None
    if kind not in KIND_LABELS:
        kind = None
    if economy and not is_valid_economy(economy):
        economy = None
    if category and hs.section(category) is None and not hs.is_valid_code(category):
        category = None
    return NoticeFilters(kind, economy, category)


def _filter_choices() -> dict[str, object]:
    locale = current_locale().code
    return {
        "kinds": list(KIND_LABELS.items()),
        "economies": economy_choices(locale),
        "categories": hs.category_choices(locale, with_headings=False),
    }


@bp.get("/notices")
def browse() -> str:
    filters = _filters()
    return render_template(
        "notices/browse.html",
        filters=filters,
        page=queries.browse_notices(filters, page=page_number()),
        **_filter_choices(),
    )


@bp.get("/notices/events")
def events() -> str:
    filters = _filters()
    return render_template(
        "notices/events.html",
        filters=filters,
        page=queries.upcoming_events(filters, page=page_number()),
        **_filter_choices(),
    )


@bp.get("/notices/feed.atom")
def feed() -> Response:
    filters = _filters()
    notices = queries.feed_notices(filters)
    return atom_response(
        "notices/feed.xml",
        filters=filters,
        notices=notices,
        updated=latest(n.updated_at for n in notices) or utcnow(),
    )


@bp.get("/notices/<int:notice_id>")
def detail(notice_id: int) -> str:
    notice = queries.notice_for(current_user, notice_id)
    if notice is None:
        abort(404)
    may_edit = permissions.edit_notice(current_user, notice)
    return render_template(
        "notices/notice.html",
        notice=notice,
        reading=reading(notice),
        today=queries.today(),
        may_edit=may_edit,
        offers=notice.offers if may_edit else [],
    )
