"""The closed vocabularies of the board: topics, statuses, limits."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

TITLE_MAX = 200
BODY_MAX = 50_000
COMMENT_MAX = 5_000
FILENAME_MAX = 120
MAX_ATTACHMENTS = 10


class Topic(enum.StrEnum):
    MARKET_REPORT = "market_report"
    REGULATION = "regulation"
    TRAINING = "training"
    TRADE_EVENT = "trade_event"
    SUCCESS_STORY = "success_story"
    ANNOUNCEMENT = "announcement"


class PostStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


TOPIC_LABELS = {
    Topic.MARKET_REPORT.value: _l("Market report"),
    Topic.REGULATION.value: _l("Regulation and e-trade law"),
    Topic.TRAINING.value: _l("Training and education"),
    Topic.TRADE_EVENT.value: _l("Trade event"),
    Topic.SUCCESS_STORY.value: _l("Business model and success story"),
    Topic.ANNOUNCEMENT.value: _l("Announcement"),
}

POST_STATUS_LABELS = {
    PostStatus.DRAFT.value: _l("Draft"),
    PostStatus.PUBLISHED.value: _l("Published"),
}


def topic_label(code: str | None) -> str:
    return str(TOPIC_LABELS.get(code or "", code or ""))


def post_status_label(code: str | None) -> str:
    return str(POST_STATUS_LABELS.get(code or "", code or ""))
