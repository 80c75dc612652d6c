"""Delivering built messages: over SMTP, or to the log in demo mode."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from types import TracebackType
from typing import Any, Protocol

from flask import current_app

from exportnet.mail.messages import sender_address

# What a failed delivery raises: protocol errors, network errors, unencodable addresses.
DELIVERY_ERRORS: tuple[type[BaseException], ...] = (
    smtplib.SMTPException,
    OSError,
    UnicodeError,
    ValueError,
)


class Transport(Protocol):
    def __enter__(self) -> Transport: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def send(self, message: EmailMessage) -> None: ...


class SmtpTransport:
    """One SMTP connection for a batch of messages."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.config = config
        self.connection: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpTransport:
        config = self.config
        host, port, timeout = config["SMTP_HOST"], int(config["SMTP_PORT"]), config["SMTP_TIMEOUT"]
        context = ssl.create_default_context()
        if config["SMTP_SSL"]:
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                host, port, timeout=timeout, context=context
            )
        else:
            connection = smtplib.SMTP(host, port, timeout=timeout)
        try:
            connection.ehlo()
            if config["SMTP_STARTTLS"] and not config["SMTP_SSL"]:
                connection.starttls(context=context)
                connection.ehlo()
            if config["SMTP_USERNAME"]:
                connection.login(config["SMTP_USERNAME"], config["SMTP_PASSWORD"] or "")
        except BaseException:
            connection.close()
            raise
        self.connection = connection
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.connection is None:
            return
        try:
            self.connection.quit()
        except DELIVERY_ERRORS:
            self.connection.close()
        self.connection = None

    def send(self, message: EmailMessage) -> None:
        assert self.connection is not None, "send() outside `with transport:`"
        self.connection.send_message(
            message,
            from_addr=sender_address(str(message["From"])),
            to_addrs=[str(message["To"])],
        )


class LogTransport:
    """Demo mode: the mail, links included, goes to the application log at INFO."""

    def __enter__(self) -> LogTransport:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def send(self, message: EmailMessage) -> None:
        body = message.get_body(preferencelist=("plain",))
        text = body.get_content() if body is not None else ""
        current_app.logger.info(
            "Mail (MAIL_BACKEND=log, not sent)\nTo: %s\nSubject: %s\n\n%s",
            message["To"],
            message["Subject"],
            text,
        )


def open_transport(config: Mapping[str, Any]) -> Transport:
    if config["MAIL_BACKEND"] == "log":
        return LogTransport()
    if config["MAIL_BACKEND"] == "smtp":
        return SmtpTransport(config)
    raise ValueError(f"Unknown MAIL_BACKEND {config['MAIL_BACKEND']!r} (use 'smtp' or 'log')")
