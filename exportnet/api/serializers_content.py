"""Trade notices and board posts as JSON, in the request's display language."""

from __future__ import annotations

from typing import Any

from flask import url_for

from exportnet.api.serializers import (
    absolute_url,
    company_ref,
    day,
    number,
    page_url,
    reading_of,
    timestamp,
)
from exportnet.board.models import Post
from exportnet.notices.models import Notice
from exportnet.notices.terms import Kind

# The API's short kind names, and the notices feature's own.
KIND_NAMES = {
    "sell": Kind.SELLING_OFFER.value,
    "buy": Kind.BUYING_REQUEST.value,
    "partner": Kind.PARTNERSHIP.value,
    "event": Kind.TRADE_EVENT.value,
}
API_KINDS = {value: name for name, value in KIND_NAMES.items()}


def notice_json(notice: Notice) -> dict[str, Any]:
    shown = reading_of(notice).translation
    return {
        "id": notice.id,
        "url": page_url("notices.detail", notice_id=notice.id),
        "kind": API_KINDS.get(notice.kind, notice.kind),
        "status": notice.status,
        "live": notice.is_live(),
        "title": shown.title if shown else "",
        "body": shown.body if shown else "",
        "language": shown.lang if shown else notice.original_language,
        "original_language": notice.original_language,
        "economy": notice.economy,
        "category": notice.hs_heading or notice.hs_chapter,
        "hs_section": notice.hs_section,
        "hs_chapter": notice.hs_chapter,
        "hs_heading": notice.hs_heading,
        "company": company_ref(notice.company),
        "valid_from": day(notice.valid_from),
        "valid_until": day(notice.valid_until),
        "quantity": number(notice.quantity),
        "quantity_unit": notice.quantity_unit,
        "target_price": number(notice.target_price),
        "currency": notice.currency,
        "destination_economy": notice.destination_economy,
        "deadline": day(notice.deadline),
        "event_type": notice.event_type,
        "event_start": day(notice.event_start),
        "event_end": day(notice.event_end),
        "venue": notice.venue or "",
        "event_url": notice.event_url,
        "published_at": timestamp(notice.published_at),
        "updated_at": timestamp(notice.updated_at),
        "translations": {t.lang: {"title": t.title, "body": t.body} for t in notice.translations},
    }


def post_json(post: Post) -> dict[str, Any]:
    """A board post; `body` is its Markdown source."""
    shown = reading_of(post).translation
    return {
        "id": post.id,
        "url": page_url("board.post", post_id=post.id),
        "topic": post.topic,
        "title": shown.title if shown else "",
        "body": shown.body if shown else "",
        "language": shown.lang if shown else post.original_language,
        "original_language": post.original_language,
        "pinned": bool(post.pinned),
        "publish_on": day(post.publish_on),
        "economies": post.economy_codes,
        "industries": post.industry_codes,
        "attachments": [
            {
                "filename": a.filename,
                "size_bytes": a.size_bytes,
                "url": absolute_url(
                    url_for("board.download", attachment_id=a.id, filename=a.filename)
                ),
            }
            for a in post.attachments
        ],
        "updated_at": timestamp(post.updated_at),
        "translations": {t.lang: {"title": t.title, "body": t.body} for t in post.translations},
    }
