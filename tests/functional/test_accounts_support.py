"""Helpers shared by the account tests (this module holds no tests)."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from exportnet.accounts.models import User
from exportnet.extensions import db
from tests.conftest import submit
from tests.mailbox import Mailbox

NEW_PASSWORD = "plum orchard kettle 42"
LINK_RE = re.compile(r"https?://[^\s]+")


def registration(**overrides: Any) -> dict[str, Any]:
    data = {
        "role": "buyer",
        "email": "new.buyer@example.com",
        "display_name": "Nadia Buyer",
        "password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD,
        "company_name": "",
        "economy": "",
        "preferred_locale": "en",
    }
    data.update(overrides)
    return data


def register(client: FlaskClient, locale: str = "en", **overrides: Any):
    return submit(client, f"/{locale}/register", registration(**overrides))


def stored_user(app: Flask, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email.lower()))
        if user is not None:
            db.session.refresh(user)
            _ = user.company
            db.session.expunge(user)
        return user


def links_in(mailbox: Mailbox, address: str, path_part: str) -> list[str]:
    found = []
    for message in mailbox.to(address):
        for link in LINK_RE.findall(Mailbox.body(message)):
            if path_part in link:
                found.append(link)
    return found


def last_link(mailbox: Mailbox, address: str, path_part: str) -> str:
    links = links_in(mailbox, address, path_part)
    assert links, f"no mail to {address} with a link containing {path_part!r}"
    return links[-1]


def path_of(link: str) -> str:
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def page_text(response) -> str:
    return response.get_data(as_text=True)


def is_logged_in(client: FlaskClient, locale: str = "en") -> bool:
    response = client.get(f"/{locale}/account")
    if response.status_code == 200:
        return True
    assert response.status_code == 302
    assert f"/{locale}/login" in response.headers["Location"]
    return False


def log_out(client: FlaskClient, locale: str = "en"):
    return submit(client, f"/{locale}/account", {}, action=f"/{locale}/logout")
