"""`/api/v1/notices`: live trade notices; posting, changing and deleting one's own."""

from __future__ import annotations

from typing import Any

from flask import Response, url_for

from exportnet.api import notice_writes
from exportnet.api.auth import api_user, require_user
from exportnet.api.blueprint import api_blueprint
from exportnet.api.body import json_object
from exportnet.api.errors import ApiError
from exportnet.api.params import MAX_ID, QueryArgs
from exportnet.api.serializers import absolute_url, page_json
from exportnet.api.serializers_content import KIND_NAMES, notice_json
from exportnet.extensions import db
from exportnet.notices import queries, services
from exportnet.notices.models import Notice

bp = api_blueprint("api_notices", __name__)


def _editable(notice_id: int) -> Notice:
    user = require_user()
    notice = queries.editable_notice(user, notice_id) if notice_id <= MAX_ID else None
    if notice is None:
        raise ApiError(404)
    return notice


@bp.get("/notices")
def list_notices() -> dict[str, Any]:
    args = QueryArgs()
    kind, economy = args.choice("kind", KIND_NAMES), args.economy()
    category = args.category()
    page, per_page = args.page(), args.per_page()
    args.finish()
    filters = queries.NoticeFilters(
        kind=KIND_NAMES[kind] if kind else None,
        economy=economy,
        category=category.code if category else None,
    )
    found = queries.browse_notices(filters, page=page, per_page=per_page)
    return page_json(found, [notice_json(n) for n in found.items])


@bp.get("/notices/<int:notice_id>")
def get_notice(notice_id: int) -> dict[str, Any]:
    QueryArgs().finish()
    notice = queries.notice_for(api_user(), notice_id) if notice_id <= MAX_ID else None
    if notice is None:
        raise ApiError(404)
    return notice_json(notice)


@bp.post("/notices")
def create_notice() -> tuple[dict[str, Any], int, dict[str, str]]:
    user = require_user()
    QueryArgs().finish()
    notice = notice_writes.create_from_json(user, json_object())
    location = absolute_url(url_for("api_notices.get_notice", notice_id=notice.id))
    return notice_json(db.session.get(Notice, notice.id)), 201, {"Location": location}


@bp.patch("/notices/<int:notice_id>")
def update_notice(notice_id: int) -> dict[str, Any]:
    notice = _editable(notice_id)
    QueryArgs().finish()
    notice_writes.update_from_json(notice, json_object())
    db.session.expire_all()
    return notice_json(_editable(notice_id))


@bp.delete("/notices/<int:notice_id>")
def delete_notice(notice_id: int) -> Response:
    notice = _editable(notice_id)
    QueryArgs().finish()
    services.delete_notice(notice)
    return Response(status=204)
