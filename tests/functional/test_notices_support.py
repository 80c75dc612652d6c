"""Shared data and helpers for the notice tests (this module holds no tests)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from exportnet.extensions import db
from exportnet.notices.models import Notice
from exportnet.timeutil import utcnow


def today() -> date:
    return utcnow().date()


def iso(day: date) -> str:
    return day.isoformat()


def base_form(**changes: str) -> dict[str, str]:
    data = {
        "original_language": "en",
        "title": "Robusta coffee beans, grade 1",
        "body": "Wet-polished robusta from the Central Highlands.",
        "economy": "VN",
        "hs_code": "0901",
        "valid_from": iso(today()),
        "valid_until": iso(today() + timedelta(days=60)),
        "status": "published",
    }
    return {**data, **changes}


def buying_request_form(**changes: str) -> dict[str, str]:
    data = base_form(
        title="Wanted: 20 tonnes of robusta",
        body="Grade 1, for roasting in Osaka.",
        economy="JP",
        quantity="20",
        quantity_unit="tonne",
        target_price="2100",
        currency="USD",
        destination_economy="JP",
        deadline=iso(today() + timedelta(days=30)),
    )
    return {**data, **changes}


def event_form(**changes: str) -> dict[str, str]:
    start = today() + timedelta(days=20)
    data = base_form(
        title="Vietnam Coffee Expo",
        body="Three days of coffee.",
        economy="VN",
        event_type="fair",
        event_start=iso(start),
        event_end=iso(start + timedelta(days=2)),
        venue="SECC, Ho Chi Minh City",
        event_url="https://expo.example.test/",
        valid_until=iso(start + timedelta(days=2)),
    )
    return {**data, **changes}


def notice_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Notice))


def the_notices(app) -> list[Notice]:
    with app.app_context():
        notices = list(db.session.scalars(select(Notice).order_by(Notice.id)))
        for n in notices:
            _ = n.translations, n.offers, n.company
        db.session.expunge_all()
        return notices


def set_dates(app, notice_id: int, **dates: date) -> None:
    """Move a notice in time (as if it had been posted long ago)."""
    with app.app_context():
        notice = db.session.get(Notice, notice_id)
        for name, value in dates.items():
            setattr(notice, name, value)
        db.session.commit()
