"""The mail outbox: queued in the caller's transaction, drained after the request,
kept and retried when SMTP fails, sent by `exportnet mail send-pending`."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.mail.models import MailOutbox
from exportnet.mail.services import queue_mail, send_pending
from exportnet.timeutil import utcnow
from tests.functional.test_accounts_support import register, stored_user
from tests.mailbox import Mailbox, free_port


def outbox(app) -> list[MailOutbox]:
    with app.app_context():
        rows = list(db.session.scalars(select(MailOutbox).order_by(MailOutbox.id)))
        for row in rows:
            db.session.expunge(row)
        return rows


def queue(app, to="someone@example.com", subject="Hello", text="Body", **kwargs) -> int:
    with app.app_context():
        with unit_of_work():
            row = queue_mail(to, subject, text, **kwargs)
        return row.id


def test_failed_mail_stays_in_the_outbox_until_the_command_sends_it(app, client, mailbox, runner):
    mailbox.failing = True
    response = register(client)
    assert response.status_code == 302  # the visitor is not bothered by it
    assert stored_user(app, "new.buyer@example.com") is not None
    [row] = outbox(app)
    assert row.sent_at is None and row.attempts == 1
    assert "451" in row.last_error
    assert row.next_attempt_at > utcnow()  # backing off
    assert mailbox.messages == []

    mailbox.failing = False
    result = runner.invoke(args=["mail", "send-pending"])
    assert result.exit_code == 0, result.output
    assert "Sent 1 mail(s); 0 still unsent." in result.output
    [message] = mailbox.to("new.buyer@example.com")
    assert message["Subject"] == "Confirm your email address for ExportNet"
    [row] = outbox(app)
    assert row.sent_at is not None and row.attempts == 1


def test_back_off_is_respected_by_drains_and_due_only(app, mailbox, runner):
    mailbox.failing = True
    queue(app)
    with app.app_context():
        assert send_pending() == 0
    mailbox.failing = False
    with app.app_context():
        assert send_pending() == 0  # not due yet
    result = runner.invoke(args=["mail", "send-pending", "--due-only"])
    assert "Sent 0 mail(s); 1 still unsent." in result.output
    assert mailbox.messages == []
    with app.app_context():
        assert send_pending(due_only=False) == 1
    assert len(mailbox.messages) == 1


def test_message_is_utf8_with_proper_headers(app, mailbox):
    subject = "ยืนยันอีเมลของคุณ — Xác nhận"
    text = "สวัสดีครับ\nhttps://example.com/th/account/verify/abc\nTiếng Việt ✓"
    queue(app, to="Somchai@Example.com", subject=subject, text=text, language="th")
    with app.app_context():
        assert send_pending() == 1
    [message] = mailbox.messages
    assert message["Subject"] == subject
    assert message["From"] == app.config["MAIL_SENDER"]
    assert message["To"] == "Somchai@Example.com"
    assert message["Content-Language"] == "th"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Date"] and message["Message-ID"].endswith("@exportnet.invalid>")
    assert message.get_content_charset() == "utf-8"
    assert Mailbox.body(message).replace("\r\n", "\n").rstrip("\n") == text


def test_each_mail_goes_out_once(app, mailbox):
    for number in range(3):
        queue(app, subject=f"Mail {number}")
    with app.app_context():
        assert send_pending() == 3
        assert send_pending(due_only=False) == 0
    assert sorted(m["Subject"] for m in mailbox.messages) == ["Mail 0", "Mail 1", "Mail 2"]


def test_rows_claimed_by_another_sender_and_given_up_rows_are_left_alone(app, mailbox):
    claimed = queue(app, subject="claimed")
    dead = queue(app, subject="dead")
    with app.app_context():
        with unit_of_work():
            db.session.get(MailOutbox, claimed).claimed_until = utcnow() + timedelta(minutes=1)
            db.session.get(MailOutbox, dead).attempts = app.config["MAIL_MAX_ATTEMPTS"]
        assert send_pending(due_only=False) == 0
    assert mailbox.messages == []


def test_queued_mail_rolls_back_with_its_transaction(app, mailbox):
    with app.app_context():
        with pytest.raises(RuntimeError), unit_of_work():
            queue_mail("someone@example.com", "Never", "Never")
            raise RuntimeError("the change failed")
        assert send_pending() == 0
    assert outbox(app) == []


@pytest.mark.parametrize("app_config", [{"SMTP_PORT": free_port()}])
def test_unreachable_server_keeps_the_mail(app, client, mailbox):
    assert register(client).status_code == 302
    [row] = outbox(app)
    assert row.sent_at is None and row.attempts == 1
    assert "Connection" in row.last_error or "refused" in row.last_error.lower()


@pytest.mark.parametrize("app_config", [{"MAIL_BACKEND": "log"}])
def test_log_backend_prints_the_mail_with_its_link(app, client, mailbox, caplog):
    caplog.set_level(logging.INFO, logger=app.logger.name)
    register(client)
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno == logging.INFO)
    assert "Subject: Confirm your email address for ExportNet" in logged
    assert "http://localhost/en/account/verify/" in logged
    assert mailbox.messages == []
    [row] = outbox(app)
    assert row.sent_at is not None


@pytest.mark.parametrize("app_config", [{"TESTING": False}])
def test_outside_tests_mail_goes_out_after_the_response(app, client, mailbox):
    response = register(client)
    assert response.status_code == 302
    assert mailbox.messages == []  # the response did not wait for SMTP
    response.close()  # the server closes the response once it is sent
    assert len(mailbox.to("new.buyer@example.com")) == 1
