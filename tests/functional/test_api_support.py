"""Shared helpers for the JSON API tests (this module holds no tests)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from exportnet.accounts.models import Role
from exportnet.accounts.services import create_api_token
from exportnet.board.services import PostTerms, PostText, create_post
from exportnet.extensions import db
from exportnet.timeutil import utcnow


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def token_for(app, user, name: str = "test") -> str:
    with app.app_context():
        return create_api_token(user, name)


def exporter_with_token(app, make_user, **kwargs: Any) -> tuple[Any, dict[str, str]]:
    """A verified exporter (with a company) and the Authorization header of a new token."""
    user = make_user(Role.EXPORTER, **kwargs)
    return user, bearer(token_for(app, user))


def product_body(**changes: Any) -> dict[str, Any]:
    body = {
        "language": "th",
        "title": "กาแฟโรบัสต้าคั่ว",
        "description": "เมล็ดกาแฟโรบัสต้าคั่วกลาง",
        "category": "0901",
        "moq": 100,
        "moq_unit": "kg",
        "price_min": 1.5,
        "price_max": 2.0,
        "currency": "USD",
        "incoterm": "FOB",
        "incoterm_place": "Ho Chi Minh City",
        "lead_time_days": 30,
        "status": "published",
        "translations": {"en": {"title": "Roasted robusta coffee", "description": "Medium"}},
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


def notice_body(**changes: Any) -> dict[str, Any]:
    today = utcnow().date()
    body = {
        "kind": "sell",
        "language": "en",
        "title": "Robusta coffee beans, grade 1",
        "body": "Wet-polished robusta from the Central Highlands.",
        "category": "0901",
        "valid_until": (today + timedelta(days=60)).isoformat(),
        "status": "published",
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


def make_post(app, make_user, title: str = "Export rules for coffee", **terms: Any) -> int:
    agency = make_user(Role.AGENCY)
    values = {"topic": "regulation", "publish_on": utcnow().date(), "economies": ["VN"],
              "industries": ["09"], "status": "published", **terms}  # fmt: skip
    with app.app_context():
        post = create_post(agency, PostTerms(**values), "en", PostText(title, "Read **this**."))
        return post.id


def error_of(response) -> dict[str, Any]:
    assert response.is_json, response.get_data(as_text=True)[:200]
    return response.get_json()["error"]


def count(model) -> int:
    from sqlalchemy import func, select

    return db.session.scalar(select(func.count()).select_from(model))
