"""Notice services and the single "live" query helper."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from exportnet.accounts.models import User
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.notices import queries
from exportnet.notices.models import Notice
from exportnet.notices.queries import NoticeFilters
from exportnet.notices.services import (
    NoticeError,
    NoticeTerms,
    NoticeText,
    close_notice,
    create_notice,
    remove_translation,
    renew_notice,
    set_translation,
    update_notice,
)


def terms(**changes) -> NoticeTerms:
    today = queries.today()
    values = {
        "kind": "selling_offer",
        "economy": "VN",
        "valid_from": today,
        "valid_until": today + timedelta(days=30),
        "hs_code": "0901",
        "status": "published",
    }
    values.update(changes)
    return NoticeTerms(**values)


@pytest.fixture
def ctx(app):
    with app.test_request_context():
        yield


def attached(user) -> User:
    return db.session.get(User, user.id)


def test_create_clears_fields_of_other_kinds_and_records_company(ctx, make_user):
    exporter = attached(make_user("exporter"))
    notice = create_notice(
        exporter,
        terms(quantity=Decimal(5), event_url="https://x.test/", venue="Hall"),
        "en",
        NoticeText("Coffee"),
    )
    assert notice.company_id == exporter.company_id
    assert notice.quantity is None and notice.event_url is None and notice.venue == ""
    assert notice.published_at is not None
    assert (notice.hs_section, notice.hs_chapter, notice.hs_heading) == ("II", "09", "0901")


def test_buyer_cannot_create_a_selling_offer(ctx, make_user):
    buyer = attached(make_user("buyer"))
    with pytest.raises(NoticeError, match="cannot post this kind") as caught:
        create_notice(buyer, terms(), "en", NoticeText("Coffee"))
    assert caught.value.field == "kind"
    assert db.session.scalars(select(Notice)).all() == []


def test_buying_request_needs_quantity_destination_and_price_currency(ctx, make_user):
    buyer = attached(make_user("buyer"))
    base = {"kind": "buying_request", "quantity": Decimal(2), "destination_economy": "JP"}
    for changes, message in (
        ({"quantity": None}, "Give the quantity."),
        ({"destination_economy": None}, "Choose an economy"),
        ({"target_price": Decimal(3)}, "currency of the price"),
        ({"deadline": queries.today() - timedelta(days=1)}, "deadline cannot be before"),
    ):
        with pytest.raises(NoticeError, match=message):
            create_notice(buyer, terms(**{**base, **changes}), "en", NoticeText("Rice"))
    notice = create_notice(buyer, terms(**base), "en", NoticeText("Rice"))
    assert notice.company_id is None and notice.destination_economy == "JP"


def test_live_helper_hides_expired_future_draft_closed_and_hidden_company(ctx, make_user):
    exporter = attached(make_user("exporter"))
    today = queries.today()
    live = create_notice(exporter, terms(), "en", NoticeText("Live"))
    create_notice(exporter, terms(status="draft"), "en", NoticeText("Draft"))
    create_notice(
        exporter,
        terms(valid_from=today + timedelta(days=1), valid_until=today + timedelta(days=2)),
        "en",
        NoticeText("Future"),
    )
    closed = create_notice(exporter, terms(), "en", NoticeText("Closed"))
    close_notice(closed)
    ids = {n.id for n in queries.browse_notices(NoticeFilters()).items}
    assert ids == {live.id}
    # The same helper, asked about another day.
    later = today + timedelta(days=31)
    assert db.session.scalars(queries.live_notices(later)).all() == []
    assert queries.live_notice_ids([live.id, closed.id, 999]) == {live.id}
    company = db.session.get(Company, exporter.company_id)
    company.hidden = True
    db.session.commit()
    assert queries.browse_notices(NoticeFilters()).items == []


def test_renew_and_translations(ctx, make_user):
    exporter = attached(make_user("exporter"))
    notice = create_notice(exporter, terms(), "en", NoticeText("Coffee"))
    today = queries.today()
    with pytest.raises(NoticeError, match="at most one year"):
        renew_notice(notice, today + timedelta(days=400))
    with pytest.raises(NoticeError, match="cannot be before the first"):
        renew_notice(notice, today - timedelta(days=1))
    renewed = renew_notice(notice, today + timedelta(days=365))
    assert (renewed.valid_from, renewed.valid_until) == (today, today + timedelta(days=365))
    set_translation(notice, "th", NoticeText("กาแฟ", "ดี"))
    with pytest.raises(NoticeError, match="original language"):
        remove_translation(notice, "en")
    remove_translation(notice, "th")
    assert [t.lang for t in db.session.get(Notice, notice.id).translations] == ["en"]


def test_update_keeps_the_kind(ctx, make_user):
    exporter = attached(make_user("exporter"))
    notice = create_notice(exporter, terms(), "en", NoticeText("Coffee"))
    updated = update_notice(notice, terms(kind="trade_event", hs_code=""), NoticeText("Tea"))
    assert updated.kind == "selling_offer" and updated.hs_chapter is None
    assert updated.translation("en").title == "Tea"
