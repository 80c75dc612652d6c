"""Draining the outbox after each request that queued mail."""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app

from exportnet.mail.cli import mail_cli
from exportnet.mail.services import mail_was_queued, send_pending


def register_mail(app: Flask) -> None:
    """After a request that queued mail, send it: once the response has gone out
    (`call_on_close`), or, under TESTING, before the response returns so that tests
    read the mailbox deterministically. Mail left over is sent by the next drain or
    by `exportnet mail send-pending`.
    """
    app.after_request(_drain_after_request)
    app.cli.add_command(mail_cli)
    if app.config["MAIL_BACKEND"] == "log" and app.logger.level == logging.NOTSET:
        app.logger.setLevel(logging.INFO)  # demo mode: the mail must reach the console


def _drain_after_request(response: Response) -> Response:
    if not mail_was_queued():
        return response
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.config["TESTING"]:
        _drain(app)
    else:
        response.call_on_close(lambda: _drain_in_new_context(app))
    return response


def _drain_in_new_context(app: Flask) -> None:
    with app.app_context():
        _drain(app)


def _drain(app: Flask) -> None:
    try:
        send_pending()
    except Exception:  # never let mail break a response; the outbox keeps the rows
        app.logger.exception("Draining the mail outbox failed")
