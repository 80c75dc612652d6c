"""Rules a board post or comment must satisfy; each returns the value normalized or raises
BoardError with a translated message and the form field it concerns."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from flask_babel import lazy_gettext as _l

from exportnet.board.terms import BODY_MAX, COMMENT_MAX, POST_STATUS_LABELS, TITLE_MAX, TOPIC_LABELS
from exportnet.content_versions import rules as version_rules
from exportnet.rule_errors import RuleError
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import is_valid_economy


class BoardError(RuleError):
    """A board rule refused a value; `message` is user-facing."""


def topic(code: str | None, field: str = "topic") -> str:
    if code not in TOPIC_LABELS:
        raise BoardError(_l("Choose a topic from the list."), field)
    return code


def status(code: str | None, field: str = "status") -> str:
    if code not in POST_STATUS_LABELS:
        raise BoardError(_l("Choose a status from the list."), field)
    return code


def language(code: str | None, field: str = "lang") -> str:
    return version_rules.language(code, BoardError, field)


def title(text: str | None, field: str = "title") -> str:
    text = (text or "").strip()
    if not text:
        raise BoardError(_l("Give the post a title."), field)
    if len(text) > TITLE_MAX:
        raise BoardError(_l("The title can have at most %(max)d characters.", max=TITLE_MAX), field)
    return text


def body(text: str | None, field: str = "body") -> str:
    text = (text or "").strip()
    if not text:
        raise BoardError(_l("Write the text of the post."), field)
    if len(text) > BODY_MAX:
        raise BoardError(_l("This text is too long."), field)
    return text


def economies(codes: Iterable[str] | None, field: str = "economies") -> list[str]:
    result = sorted({(code or "").strip().upper() for code in codes or () if code})
    if any(not is_valid_economy(code) for code in result):
        raise BoardError(_l("Choose economies from the list."), field)
    return result


def industries(codes: Iterable[str] | None, field: str = "industries") -> list[str]:
    result = sorted({(code or "").strip() for code in codes or () if code})
    if any(len(code) != 2 or not hs.is_valid_code(code) for code in result):
        raise BoardError(_l("Choose industries from the list."), field)
    return result


def publish_on(day: date | None, field: str = "publish_on") -> date:
    if day is None:
        raise BoardError(_l("Give the publication date."), field)
    return day


def comment(text: str | None, field: str = "body") -> str:
    text = (text or "").strip()
    if not text:
        raise BoardError(_l("Write your comment."), field)
    if len(text) > COMMENT_MAX:
        raise BoardError(
            _l("A comment can have at most %(max)d characters.", max=COMMENT_MAX), field
        )
    return text
