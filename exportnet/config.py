"""Configuration: defaults -> instance file -> EXPORTNET_* environment -> explicit overrides."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

ENV_PREFIX = "EXPORTNET_"

# Environment names that map onto a differently named Flask/extension key.
ENV_ALIASES = {
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "RATELIMIT_STORAGE_URI": "RATELIMIT_STORAGE_URI",
    "MAX_UPLOAD_BYTES": "MAX_CONTENT_LENGTH",
}


class ConfigurationError(RuntimeError):
    """The app cannot start with the configuration it was given."""


class Defaults:
    SECRET_KEY: str | None = None
    DEMO = False
    TESTING = False
    SQLALCHEMY_DATABASE_URI: str | None = None  # filled from the instance path
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {}
    SQLITE_BUSY_TIMEOUT_MS = 5000
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False  # also set per response when the request came over HTTPS
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = 60 * 60 * 24 * 30
    PROXY_FIX = False  # trust one X-Forwarded-* hop (behind a TLS-terminating proxy)
    WTF_CSRF_TIME_LIMIT = None  # tied to the session instead of a clock
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_LOGIN = "10 per minute;50 per hour"
    RATELIMIT_REGISTER = "5 per minute;30 per hour"
    RATELIMIT_PASSWORD_RESET = "5 per minute;20 per hour"
    RATELIMIT_VERIFY_RESEND = "3 per 10 minutes;10 per day"  # per user
    RATELIMIT_INQUIRY = "10 per hour;30 per day"  # new inquiries, per user
    RATELIMIT_API = "600 per minute;20000 per day"  # JSON API, per token (or per address)
    API_MAX_BODY_BYTES = 1024 * 1024  # larger JSON bodies are refused with 413
    CSV_IMPORT_MAX_ROWS = 10_000  # products per uploaded CSV file
    INQUIRY_DUPLICATE_MAX_COMPANIES = 3  # the same text to at most this many companies ...
    INQUIRY_DUPLICATE_WINDOW_HOURS = 24  # ... within this many hours
    INQUIRY_DRAFT_MAX_AGE_HOURS = 24  # a visitor's draft is kept this long while they log in
    INQUIRY_ATTACHMENT_DIR: str | None = None  # filled from the instance path
    INQUIRY_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
    SMTP_HOST = "localhost"
    SMTP_PORT = 25
    SMTP_USERNAME: str | None = None
    SMTP_PASSWORD: str | None = None
    SMTP_STARTTLS = False
    SMTP_SSL = False
    SMTP_TIMEOUT = 10
    MAIL_SENDER = "ExportNet <no-reply@exportnet.invalid>"
    MAIL_BACKEND = "smtp"  # "smtp" or "log" (demo mode prints mail to the log)
    MAIL_MAX_ATTEMPTS = 12  # after this many failures a mail stays in the outbox unsent
    MAIL_RETRY_BASE_SECONDS = 60  # back-off after a failure: 1, 2, 4 ... minutes
    MAIL_RETRY_MAX_SECONDS = 6 * 60 * 60
    # Scheme and host for links in mail, e.g. "https://exportnet.example.org". Set it in
    # production: otherwise links take the host of the request that caused the mail.
    PUBLIC_BASE_URL: str | None = None
    EMAIL_TOKEN_MAX_AGE = 60 * 60 * 24 * 2
    PASSWORD_RESET_MAX_AGE = 60 * 60 * 2
    PASSWORD_MIN_LENGTH = 10
    SEARCH_INDEX_DIR: str | None = None  # filled from the instance path
    SEARCH_PAGES_CACHED = 256  # rendered anonymous search pages kept per process
    MEDIA_DIR: str | None = None  # filled from the instance path
    BOARD_ATTACHMENT_DIR: str | None = None  # filled from the instance path
    BOARD_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
    MEMBER_ECONOMIES = "BN,KH,ID,LA,MY,MM,PH,SG,TH,VN,CN,JP,KR"


def parse_env_value(raw: str) -> Any:
    """Environment values are JSON where they parse as JSON (numbers, true/false), else text."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def load_config(app: Flask, overrides: dict[str, Any] | None) -> None:
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    for name, raw in os.environ.items():
        if name.startswith(ENV_PREFIX):
            key = name[len(ENV_PREFIX) :]
            app.config[ENV_ALIASES.get(key, key)] = parse_env_value(raw)
    if overrides:
        app.config.update(overrides)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config["SQLALCHEMY_DATABASE_URI"]:
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'exportnet.sqlite'}"
    app.config.setdefault("SEARCH_INDEX_DIR", None)
    if not app.config["SEARCH_INDEX_DIR"]:
        app.config["SEARCH_INDEX_DIR"] = str(instance / "search-index")
    if not app.config["MEDIA_DIR"]:
        app.config["MEDIA_DIR"] = str(instance / "media")
    if not app.config["BOARD_ATTACHMENT_DIR"]:
        app.config["BOARD_ATTACHMENT_DIR"] = str(instance / "board-attachments")
    if not app.config["INQUIRY_ATTACHMENT_DIR"]:
        app.config["INQUIRY_ATTACHMENT_DIR"] = str(instance / "inquiry-attachments")
    if app.config["DEMO"]:
        app.config["MAIL_BACKEND"] = "log"
    _ensure_secret_key(app)


def _ensure_secret_key(app: Flask) -> None:
    if app.config.get("SECRET_KEY"):
        return
    demo_key = Path(app.instance_path) / "demo-secret-key"
    if app.config["DEMO"] or app.config.get("CLI"):
        if not demo_key.exists():
            demo_key.write_text(secrets.token_hex(32))
            demo_key.chmod(0o600)
        app.config["SECRET_KEY"] = demo_key.read_text().strip()
        return
    raise ConfigurationError(
        "No secret key is set. Set EXPORTNET_SECRET_KEY to a long random value, e.g.\n"
        "  export EXPORTNET_SECRET_KEY="
        "$(python3 -c 'import secrets; print(secrets.token_hex(32))')\n"
        "or try the site with demo data: exportnet serve --demo"
    )
