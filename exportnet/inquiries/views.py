"""The inquiries blueprint: every route in one table, the views in two modules.

views_compose  writing a new inquiry (and keeping a visitor's draft while they log in)
views_thread   the inboxes, one thread, replying, closing, reporting, attachments

Anyone but the two parties and admins gets a 404 for an inquiry, whatever the method.
"""

from __future__ import annotations

import logging

from flask import Blueprint
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from exportnet.inquiries import abuse, queries, views_compose, views_thread
from exportnet.inquiries.terms import status_label

bp = Blueprint("inquiries", __name__)
log = logging.getLogger(__name__)

GET = ["GET"]
GET_POST = ["GET", "POST"]
POST = ["POST"]

ROUTES = (
    ("/inquiries/new/<int:company_id>", "new", views_compose.new_inquiry, GET_POST),
    ("/inquiries", "inbox", views_thread.inbox, GET),
    ("/inquiries/received", "received", views_thread.received, GET),
    ("/inquiries/sent", "sent", views_thread.sent, GET),
    ("/inquiries/<int:inquiry_id>", "thread", views_thread.thread, GET),
    ("/inquiries/<int:inquiry_id>/reply", "reply", views_thread.reply, POST),
    ("/inquiries/<int:inquiry_id>/close", "close", views_thread.close, POST),
    ("/inquiries/<int:inquiry_id>/report", "report", views_thread.report, POST),
    (
        "/inquiries/<int:inquiry_id>/files/<int:message_id>",
        "attachment",
        views_thread.attachment,
        GET,
    ),
)

for rule, endpoint, view, methods in ROUTES:
    bp.add_url_rule(rule, endpoint, view, methods=methods)


def unread_count() -> int:
    """The header's count of inquiries with something new for the current user."""
    if not getattr(current_user, "is_authenticated", False):
        return 0
    try:
        return queries.cached_unread_count(current_user)
    except SQLAlchemyError:  # an error page after a database failure still renders
        log.exception("Counting unread inquiries failed")
        return 0


bp.add_app_template_global(unread_count, "inquiry_unread_count")
bp.register_error_handler(429, abuse.limit_reached)
bp.add_app_template_filter(status_label, "inquiry_status")
