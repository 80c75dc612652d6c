"""Trade notices and board posts in search: found across languages, gone when expired."""

from datetime import date, datetime, timedelta

import pytest

from exportnet.board.services import PostTerms, PostText, create_post
from exportnet.notices.services import NoticeTerms, NoticeText, create_notice
from exportnet.timeutil import utcnow
from tests.functional.test_search_page import titles


def today() -> date:
    return utcnow().date()


@pytest.fixture
def notice_and_post(app, make_user):
    exporter = make_user("exporter", company="Dak Lak Beans", economy="VN")
    agency = make_user("agency")
    with app.app_context():
        create_notice(
            exporter,
            NoticeTerms(
                kind="selling_offer",
                economy="VN",
                hs_code="0901",
                status="published",
                valid_from=today(),
                valid_until=today() + timedelta(days=3),
            ),
            "vi",
            NoticeText("Chào bán cà phê nhân Robusta", "Hàng vụ mới, giao FOB Cát Lái."),
        )
        create_post(
            agency,
            PostTerms(
                topic="market_report",
                publish_on=today(),
                economies=["JP"],
                industries=["09"],
                status="published",
            ),
            "en",
            PostText("Coffee market report: Japan 2026", "## Demand\nImports grew **8%**."),
        )
        create_post(
            agency,
            PostTerms(
                topic="market_report",
                publish_on=today() + timedelta(days=2),
                economies=["KR"],
                status="published",
            ),
            "en",
            PostText("Scheduled ginseng outlook", "Out next week."),
        )


def test_notices_and_posts_are_found_in_other_languages(client, notice_and_post):
    assert "Chào bán cà phê nhân Robusta" in titles(client.get("/ja/search?q=コーヒー"))
    assert "Coffee market report: Japan 2026" in titles(client.get("/th/search?q=กาแฟ"))
    kinds = client.get("/en/search?q=coffee&kind=notice")
    assert titles(kinds) == ["Chào bán cà phê nhân Robusta"]
    assert "Scheduled ginseng outlook" not in titles(client.get("/en/search?q=ginseng"))


def test_dates_alone_expire_notices_and_publish_scheduled_posts(
    client, notice_and_post, monkeypatch
):
    assert titles(client.get("/en/search?q=robusta&kind=notice"))
    later = datetime.combine(today() + timedelta(days=5), datetime.min.time())
    for module in ("exportnet.search.sync", "exportnet.notices.queries", "exportnet.board.queries"):
        monkeypatch.setattr(f"{module}.utcnow", lambda: later)
    assert titles(client.get("/en/search?q=robusta&kind=notice")) == []
    html = client.get("/en/search?kind=notice").get_data(as_text=True)
    assert "0 listings" in html  # gone from the counts too, not only from the page
    assert "Scheduled ginseng outlook" in titles(client.get("/en/search?q=ginseng"))


def test_selling_offer_page_has_contact_supplier(client, app, notice_and_post):
    from sqlalchemy import select

    from exportnet.extensions import db
    from exportnet.notices.models import Notice

    with app.app_context():
        notice = db.session.scalars(select(Notice)).one()
        notice_id, company_id = notice.id, notice.company_id
    html = client.get(f"/en/notices/{notice_id}").get_data(as_text=True)
    assert f"/en/inquiries/new/{company_id}" in html
