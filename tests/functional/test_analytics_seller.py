"""Exporters see views and inquiries per product per month and their reply time."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from exportnet.analytics.counter import is_bot, record_view
from exportnet.analytics.models import ProductViewDay
from exportnet.analytics.queries import reply_time
from exportnet.extensions import db
from exportnet.reports.queries import last_months
from exportnet.timeutil import utcnow
from tests.functional.test_agency_support import (
    add_inquiry,
    add_product,
    client_for,
    set_product,
)
from tests.functional.test_reports_support import tables_of

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0"}


def view_rows(app):
    with app.app_context():
        rows = db.session.execute(
            select(ProductViewDay.product_id, ProductViewDay.day, ProductViewDay.views)
        ).all()
        return [tuple(row) for row in rows]


def test_views_are_counted_once_per_request_in_one_row_per_day(app, client, make_user):
    exporter = make_user("exporter")
    product_id = add_product(app, exporter.company_id)
    for _ in range(3):
        assert client.get(f"/en/products/{product_id}", headers=BROWSER).status_code == 200
    buyer = client_for(app, make_user("buyer"))
    buyer.get(f"/ja/products/{product_id}", headers=BROWSER)
    assert view_rows(app) == [(product_id, utcnow().date(), 4)]


def test_bots_prefetches_own_views_and_drafts_are_not_counted(app, client, make_user):
    exporter = make_user("exporter")
    product_id = add_product(app, exporter.company_id)
    draft_id = add_product(app, exporter.company_id, status="draft")
    client.get(f"/en/products/{product_id}", headers={"User-Agent": "Googlebot/2.1"})
    client.get(f"/en/products/{product_id}", headers={"User-Agent": ""})
    client.get(f"/en/products/{product_id}", headers={**BROWSER, "Sec-Purpose": "prefetch"})
    own = client_for(app, exporter)
    own.get(f"/en/products/{product_id}", headers=BROWSER)
    own.get(f"/en/products/{draft_id}", headers=BROWSER)
    client_for(app, make_user("admin")).get(f"/en/products/{product_id}", headers=BROWSER)
    client.get("/en/products/99999", headers=BROWSER)
    assert view_rows(app) == []
    assert is_bot("Mozilla/5.0 (compatible; bingbot/2.0)") and not is_bot(BROWSER["User-Agent"])


def test_the_upsert_adds_to_the_existing_row(app, make_user):
    exporter = make_user("exporter")
    product_id = add_product(app, exporter.company_id)
    with app.test_request_context():
        for _ in range(5):
            record_view(product_id)
    assert view_rows(app) == [(product_id, utcnow().date(), 5)]


def test_analytics_page_shows_views_inquiries_and_reply_time(app, client, make_user):
    exporter = make_user("exporter", economy="VN")
    coffee = add_product(app, exporter.company_id, title="Robusta coffee")
    pepper = add_product(app, exporter.company_id, title="Black pepper", hs_code="0904")
    set_product(app, pepper, published_at=utcnow())
    for _ in range(2):
        client.get(f"/en/products/{coffee}", headers=BROWSER)
    client.get(f"/en/products/{pepper}", headers=BROWSER)
    buyer = make_user("buyer")
    add_inquiry(app, buyer, exporter.company_id, coffee, reply_after=timedelta(hours=2))
    add_inquiry(app, buyer, exporter.company_id, coffee, reply_after=timedelta(hours=10))
    add_inquiry(app, buyer, exporter.company_id, pepper, reply_after=timedelta(hours=4))
    add_inquiry(app, buyer, exporter.company_id, None)  # not answered yet
    add_inquiry(  # older than 12 months: not counted
        app,
        buyer,
        exporter.company_id,
        coffee,
        sent_at=utcnow() - timedelta(days=400),
        reply_after=timedelta(hours=100),
    )

    browser = client_for(app, exporter)
    response = browser.get("/en/my/analytics")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Median time to your first reply: 4 hours" in html
    monthly, views, inquiries = tables_of(html)
    this_month = "-".join(f"{n:02d}" for n in last_months()[-1])
    assert monthly[-1] == [this_month, "3", "4"]
    assert views[0][-2:] == [this_month, "Last 12 months"]
    assert views[1][0] == "Robusta coffee" and views[1][-2:] == ["2", "2"]
    assert views[2][0] == "Black pepper" and views[2][-2:] == ["1", "1"]
    assert inquiries[1][-1] == "2" and inquiries[2][-1] == "1"
    assert inquiries[3][0] == "About the company, no product" and inquiries[3][-1] == "1"
    assert "style=" not in html and 'role="img"' in html
    csv = browser.get("/en/my/analytics/views.csv")
    assert csv.status_code == 200 and "Robusta coffee" in csv.data.decode("utf-8-sig")
    with app.app_context():
        reply = reply_time(exporter.company_id, last_months())
        assert (reply.median_hours, reply.answered, reply.unanswered) == (4.0, 3, 1)


def test_only_members_and_admins_see_analytics(app, client, make_user, login_as):
    assert client.get("/en/my/analytics").status_code == 404
    for role in ("buyer", "agency", "admin"):
        browser = client_for(app, make_user(role))
        assert browser.get("/en/my/analytics").status_code == 404  # no company of their own
    exporter = client_for(app, make_user("exporter"))
    assert exporter.get("/en/my/analytics").status_code == 200
    assert exporter.get("/en/my/analytics/nothing.csv").status_code == 404
