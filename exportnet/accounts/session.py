"""Flask-Login wiring: the per-user session token is checked on every request."""

from __future__ import annotations

import hmac

from flask import Flask
from flask_babel import lazy_gettext as _l

from exportnet.accounts.models import User
from exportnet.extensions import db, login_manager


def load_user(user_id: str) -> User | None:
    raw_id, _, token = user_id.partition(":")
    if not raw_id.isdigit() or not token:
        return None
    user = db.session.get(User, int(raw_id))
    if user is None or not hmac.compare_digest(user.session_token.encode(), token.encode()):
        return None
    if user.disabled_at is not None:
        return None
    return user


def register_login_manager(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
