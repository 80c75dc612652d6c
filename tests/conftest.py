"""Fixtures: the app from the factory, client, CLI runner, database, mail, logins.

The suite runs on SQLite by default and on PostgreSQL when EXPORTNET_TEST_DATABASE_URL
is set (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import text

from exportnet import create_app
from exportnet.accounts.models import Role, User
from exportnet.accounts.services import create_user
from exportnet.cli import main
from exportnet.extensions import db
from tests.mailbox import Mailbox, SMTPServer

PASSWORD = "correct horse battery staple"
TEST_DATABASE_URL = os.environ.get("EXPORTNET_TEST_DATABASE_URL")
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SMTPServer]:
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mailbox(smtp_server: SMTPServer) -> Iterator[Mailbox]:
    smtp_server.mailbox.clear()
    yield smtp_server.mailbox
    smtp_server.mailbox.clear()


@pytest.fixture(scope="session")
def postgres_schema_ready() -> dict[str, bool]:
    return {"ready": False}


def _test_config(tmp_path: Path, smtp_port: int) -> dict[str, Any]:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SQLALCHEMY_DATABASE_URI": TEST_DATABASE_URL or f"sqlite:///{tmp_path}/test.sqlite",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": smtp_port,
        "MAIL_BACKEND": "smtp",
        "RATELIMIT_STORAGE_URI": "memory://",
        # Flask-Limiter keeps RATELIMIT_ENABLED on the shared limiter across apps.
        "RATELIMIT_ENABLED": True,
        "SERVER_NAME": None,
    }


@pytest.fixture
def app_config() -> dict[str, Any]:
    """Override in a test module (or parametrize) to change the config of `app`."""
    return {}


@pytest.fixture
def app(
    tmp_path: Path,
    smtp_server: SMTPServer,
    mailbox: Mailbox,
    app_config: dict[str, Any],
    postgres_schema_ready: dict[str, bool],
) -> Iterator[Flask]:
    app = create_app({**_test_config(tmp_path, smtp_server.port), **app_config})
    with app.app_context():
        if TEST_DATABASE_URL:
            if not postgres_schema_ready["ready"]:
                db.drop_all()
                db.create_all()
                postgres_schema_ready["ready"] = True
        else:
            db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        if TEST_DATABASE_URL:
            tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            with db.engine.begin() as conn:
                conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


class ExportnetCliRunner(FlaskCliRunner):
    """Invokes the `exportnet` command group (not `flask`) against the test app."""

    def invoke(self, cli: Any = None, args: Any = None, **kwargs: Any) -> Any:
        return super().invoke(cli or main, args, **kwargs)


@pytest.fixture
def runner(app: Flask) -> ExportnetCliRunner:
    return ExportnetCliRunner(app)


def csrf_token_from(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


def submit(
    client: FlaskClient,
    page_url: str,
    data: dict[str, Any],
    action: str | None = None,
    follow_redirects: bool = False,
    **kwargs: Any,
):
    """Fill in the form on `page_url` as a browser would: fetch it, take its CSRF token, post."""
    page = client.get(page_url)
    assert page.status_code == 200, f"GET {page_url} answered {page.status_code}"
    payload = {"csrf_token": csrf_token_from(page.get_data(as_text=True)), **data}
    return client.post(
        action or page_url, data=payload, follow_redirects=follow_redirects, **kwargs
    )


@pytest.fixture
def make_user(app: Flask) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def _make_user(
        role: Role | str = Role.BUYER,
        email: str | None = None,
        password: str = PASSWORD,
        company: str | None = None,
        economy: str | None = None,
        verified: bool = True,
        preferred_locale: str = "en",
    ) -> User:
        role = Role(role)
        number = next(counter)
        if role is Role.EXPORTER:
            company = company or f"Test Exporter {number}"
            economy = economy or "VN"
        with app.app_context():
            user = create_user(
                email or f"{role.value}{number}@example.test",
                password,
                role,
                display_name=f"{role.value.title()} {number}",
                company_name=company,
                economy=economy,
                verified=verified,
                preferred_locale=preferred_locale,
                join_existing_company=True,  # same company name: a colleague
            )
            db.session.refresh(user)
            db.session.expunge(user)
        return user

    return _make_user


def log_in(client: FlaskClient, email: str, password: str = PASSWORD, locale: str = "en"):
    response = submit(client, f"/{locale}/login", {"email": email, "password": password})
    assert response.status_code == 302, "login did not redirect"
    return response


@pytest.fixture
def login_as(client: FlaskClient, make_user: Callable[..., User]) -> Callable[..., User]:
    """Log the test client in as a new user of the given role and return the user."""

    def _login_as(role: Role | str = Role.BUYER, **kwargs: Any) -> User:
        user = make_user(role, **kwargs)
        log_in(client, user.email)
        return user

    return _login_as
