"""`/api/v1/posts`: the industry-information board, read only."""

from __future__ import annotations

from typing import Any

from exportnet.api.auth import api_user
from exportnet.api.blueprint import api_blueprint
from exportnet.api.errors import ApiError
from exportnet.api.params import HS_CODE_MESSAGE, MAX_ID, QueryArgs
from exportnet.api.serializers import page_json
from exportnet.api.serializers_content import post_json
from exportnet.board import queries
from exportnet.board.terms import TOPIC_LABELS

bp = api_blueprint("api_posts", __name__)


@bp.get("/posts")
def list_posts() -> dict[str, Any]:
    args = QueryArgs()
    topic, economy = args.choice("topic", TOPIC_LABELS), args.economy()
    category = args.category()
    if category is not None and category.level == "section":  # posts are filed by chapter
        args.errors["category"] = HS_CODE_MESSAGE
    page, per_page = args.page(), args.per_page()
    args.finish()
    industry = category.code[:2] if category is not None else None
    filters = queries.BoardFilters(topic=topic, economy=economy, industry=industry)
    found = queries.board_index(filters, page=page, per_page=per_page)
    return page_json(found, [post_json(p) for p in found.items])


@bp.get("/posts/<int:post_id>")
def get_post(post_id: int) -> dict[str, Any]:
    QueryArgs().finish()
    post = queries.post_for(api_user(), post_id) if post_id <= MAX_ID else None
    if post is None:
        raise ApiError(404)
    return post_json(post)
