"""Board forms. They validate input only; services make the changes."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from wtforms import (
    BooleanField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length

from exportnet.board import rules
from exportnet.board.attachments import max_bytes
from exportnet.board.rules import BoardError
from exportnet.board.services import PostTerms, PostText
from exportnet.board.terms import BODY_MAX, COMMENT_MAX, POST_STATUS_LABELS, TITLE_MAX, TOPIC_LABELS
from exportnet.catalog.fields import date_field, rule, select_choices
from exportnet.content_versions.forms import LanguageVersionForm, language_choices
from exportnet.i18n.routing import current_locale
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import economy_choices, member_economies

TOO_LONG = _l("This text is too long.")
FROM_LIST = _l("Choose from the list.")


def _rule(check: Any) -> Any:
    return rule(check, BoardError)


class PostTextMixin:
    title = StringField(
        _l("Title"),
        [DataRequired(_l("Give the post a title.")), _rule(rules.title)],
        render_kw={"maxlength": TITLE_MAX},
    )
    body = TextAreaField(
        _l("Text"),
        [DataRequired(_l("Write the text of the post.")), Length(max=BODY_MAX, message=TOO_LONG)],
        description=_l(
            "Markdown: **bold**, *italic*, ## headings, - lists, [links](https://…), tables."
        ),
        render_kw={"rows": 16},
    )

    def post_text(self) -> PostText:
        return PostText(self.title.data or "", self.body.data or "")  # type: ignore[attr-defined]


class PostForm(PostTextMixin, FlaskForm):
    topic = SelectField(_l("Topic"), validate_choice=False)
    original_language = SelectField(
        _l("Language of this text"), validate_choice=False, choices=language_choices()
    )
    economies = SelectMultipleField(
        _l("Economies concerned"),
        validate_choice=False,
        description=_l("Hold Ctrl (or Cmd) to choose several. None: all economies."),
        render_kw={"size": 8},
    )
    industries = SelectMultipleField(
        _l("Industries concerned"),
        validate_choice=False,
        description=_l("HS chapters. Hold Ctrl (or Cmd) to choose several."),
        render_kw={"size": 8},
    )
    attachments = MultipleFileField(
        _l("Attach PDF documents"),
        render_kw={"accept": "application/pdf,.pdf"},
    )
    publish_on = date_field(
        _l("Publication date"),
        validators=[DataRequired(_l("Give the publication date."))],
        description=_l("A later date schedules the post: it appears on that day."),
    )
    pinned = BooleanField(_l("Pin to the top of the board"))
    status = SelectField(_l("Status"), validate_choice=False)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        locale = current_locale().code
        self.topic.choices = select_choices(TOPIC_LABELS.items())
        self.economies.choices = select_choices(economy_choices(locale, codes=member_economies()))
        self.industries.choices = select_choices(
            (c.code, f"{c.code} {hs.name(c.code, locale)}") for c in hs.chapters()
        )
        self.status.choices = select_choices(POST_STATUS_LABELS.items())
        size = max(1, max_bytes() // (1024 * 1024))
        self.attachments.description = _l("PDF files only, at most %(size)d MB each.", size=size)
        required = DataRequired(FROM_LIST)
        self.topic.validators = [required, _rule(rules.topic)]
        self.original_language.validators = [required, _rule(rules.language)]
        self.economies.validators = [_rule(rules.economies)]
        self.industries.validators = [_rule(rules.industries)]
        self.status.validators = [required, _rule(rules.status)]

    def post_terms(self) -> PostTerms:
        return PostTerms(
            topic=self.topic.data or "",
            publish_on=self.publish_on.data,
            economies=list(self.economies.data or []),
            industries=list(self.industries.data or []),
            pinned=bool(self.pinned.data),
            status=self.status.data or "",
        )


class PostTranslationForm(PostTextMixin, LanguageVersionForm):
    """Add (choosing the language) or edit one language version of a post."""


class CommentForm(FlaskForm):
    body = TextAreaField(
        _l("Your comment"),
        [DataRequired(_l("Write your comment.")), _rule(rules.comment)],
        render_kw={"rows": 4, "maxlength": COMMENT_MAX},
    )
    submit = SubmitField(_l("Post the comment"))


class ReportForm(FlaskForm):
    reason = TextAreaField(
        _l("What is wrong with it?"),
        [
            DataRequired(_l("Tell us why you report this.")),
            Length(max=2000, message=TOO_LONG),
        ],
        render_kw={"rows": 4, "maxlength": 2000},
    )
    submit = SubmitField(_l("Send the report"))
