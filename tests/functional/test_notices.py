"""Posting, reading, editing and renewing trade notices through the real pages."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.conftest import csrf_token_from, log_in, submit
from tests.functional.test_notices_support import (
    base_form,
    buying_request_form,
    event_form,
    iso,
    notice_count,
    set_dates,
    the_notices,
    today,
)


def test_exporter_posts_a_selling_offer_shown_on_browse_and_company_page(app, client, login_as):
    exporter = login_as("exporter", company="Highland Coffee")
    assert client.get("/en/notices/new").status_code == 200  # exporters choose a kind
    response = submit(client, "/en/notices/new/selling_offer", base_form())
    assert response.status_code == 302
    (notice,) = the_notices(app)
    assert response.headers["Location"] == f"/en/notices/{notice.id}"
    assert notice.company_id == exporter.company_id and notice.kind == "selling_offer"
    page = client.get(f"/en/notices/{notice.id}").get_data(as_text=True)
    assert "Robusta coffee beans, grade 1" in page and "Highland Coffee" in page
    assert "Robusta coffee beans" in client.get("/en/notices").get_data(as_text=True)
    company_page = client.get(f"/en/companies/{exporter.company_id}").get_data(as_text=True)
    assert "Trade notices" in company_page and "Robusta coffee beans" in company_page


def test_buyer_cannot_post_a_selling_offer(app, client, login_as):
    login_as("buyer")
    # A buyer has one kind only: the chooser goes straight to it.
    chooser = client.get("/en/notices/new")
    assert chooser.status_code == 302
    assert chooser.headers["Location"].endswith("/en/notices/new/buying_request")
    token = csrf_token_from(client.get("/en/notices/new/buying_request").get_data(as_text=True))
    for kind in ("selling_offer", "partnership", "trade_event"):
        assert client.get(f"/en/notices/new/{kind}").status_code == 404
        response = client.post(f"/en/notices/new/{kind}", data={**base_form(), "csrf_token": token})
        assert response.status_code == 404
    assert notice_count(app) == 0
    response = submit(client, "/en/notices/new/buying_request", buying_request_form())
    assert response.status_code == 302
    (notice,) = the_notices(app)
    assert notice.kind == "buying_request" and notice.company_id is None
    assert (notice.quantity, notice.quantity_unit, notice.destination_economy) == (
        20,
        "tonne",
        "JP",
    )


def test_agency_posts_events_only_and_they_list_soonest_first(app, client, login_as):
    login_as("agency")
    assert client.get("/en/notices/new/selling_offer").status_code == 404
    later = today() + timedelta(days=40)
    assert submit(client, "/en/notices/new/trade_event", event_form()).status_code == 302
    response = submit(
        client,
        "/en/notices/new/trade_event",
        event_form(
            title="Bangkok Food Fair",
            economy="TH",
            event_start=iso(later),
            event_end=iso(later),
            valid_until=iso(later),
            event_type="business_matching",
        ),
    )
    assert response.status_code == 302
    page = client.get("/en/notices/events").get_data(as_text=True)
    assert page.index("Vietnam Coffee Expo") < page.index("Bangkok Food Fair")
    assert "Business-matching session" in page
    filtered = client.get("/en/notices/events?economy=TH").get_data(as_text=True)
    assert "Bangkok Food Fair" in filtered and "Vietnam Coffee Expo" not in filtered


def test_an_event_that_ended_leaves_the_upcoming_list(app, client, login_as):
    login_as("agency")
    submit(client, "/en/notices/new/trade_event", event_form())
    (notice,) = the_notices(app)
    yesterday = today() - timedelta(days=1)
    set_dates(app, notice.id, event_start=yesterday, event_end=yesterday)
    assert "Vietnam Coffee Expo" not in client.get("/en/notices/events").get_data(as_text=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"valid_until": iso(today() + timedelta(days=367))}, "at most one year"),
        ({"valid_until": iso(today() - timedelta(days=1))}, "cannot be before the first"),
        ({"event_url": "javascript:alert(1)"}, "starting with http:// or https://"),
        ({"event_end": iso(today() + timedelta(days=1))}, "cannot end before it starts"),
        ({"venue": ""}, "Give the venue of the event."),
        ({"hs_code": "9999"}, "Unknown HS code."),
        ({"title": ""}, "Give the notice a title."),
    ],
)
def test_invalid_notices_are_refused(app, client, login_as, changes, message):
    login_as("exporter")
    response = submit(client, "/en/notices/new/trade_event", event_form(**changes))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert notice_count(app) == 0


def test_validity_of_exactly_one_year_is_accepted(app, client, login_as):
    login_as("exporter")
    start = today()
    until = start.replace(year=start.year + 1) if (start.month, start.day) != (2, 29) else None
    if until is None:
        pytest.skip("29 February")
    response = submit(client, "/en/notices/new/selling_offer", base_form(valid_until=iso(until)))
    assert response.status_code == 302


def test_expired_notice_leaves_lists_but_its_page_says_expired_and_owner_renews(
    app, client, login_as
):
    owner = login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form())
    (notice,) = the_notices(app)
    long_ago = today() - timedelta(days=100)
    set_dates(app, notice.id, valid_from=long_ago, valid_until=today() - timedelta(days=1))

    assert "Robusta" not in client.get("/en/notices").get_data(as_text=True)
    assert "Robusta" not in client.get(f"/en/companies/{owner.company_id}").get_data(as_text=True)
    assert "Robusta" not in client.get("/en/notices/feed.atom").get_data(as_text=True)
    page = client.get(f"/en/notices/{notice.id}")
    assert page.status_code == 200
    assert "This notice has expired" in page.get_data(as_text=True)
    # Editing something else does not require renewing first.
    edit = submit(
        client,
        f"/en/notices/{notice.id}/edit",
        base_form(
            title="Robusta, again",
            valid_from=iso(long_ago),
            valid_until=iso(today() - timedelta(days=1)),
        ),
    )
    assert edit.status_code == 302

    too_long = submit(
        client,
        f"/en/notices/{notice.id}/renew",
        {"valid_until": iso(today() + timedelta(days=400))},
    )
    assert "at most one year" in too_long.get_data(as_text=True)
    renewed = submit(
        client, f"/en/notices/{notice.id}/renew", {"valid_until": iso(today() + timedelta(days=30))}
    )
    assert renewed.status_code == 302
    (notice,) = the_notices(app)
    assert notice.valid_from == today()
    assert "Robusta, again" in client.get("/en/notices").get_data(as_text=True)


def test_not_yet_valid_and_closed_notices_are_not_listed(app, client, login_as):
    login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form())
    submit(
        client,
        "/en/notices/new/partnership",
        base_form(
            title="Distributor wanted in Japan",
            valid_from=iso(today() + timedelta(days=5)),
            valid_until=iso(today() + timedelta(days=50)),
        ),
    )
    first, second = the_notices(app)
    listing = client.get("/en/notices").get_data(as_text=True)
    assert "Robusta" in listing and "Distributor wanted" not in listing
    token = csrf_token_from(client.get(f"/en/notices/{first.id}").get_data(as_text=True))
    assert (
        client.post(f"/en/notices/{first.id}/close", data={"csrf_token": token}).status_code == 302
    )
    assert "Robusta" not in client.get("/en/notices").get_data(as_text=True)
    assert "This notice is closed." in client.get(f"/en/notices/{first.id}").get_data(as_text=True)


def test_browse_filters_by_kind_economy_and_category(app, client, login_as):
    login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form())
    submit(
        client,
        "/en/notices/new/partnership",
        base_form(title="Rice distributor wanted", economy="TH", hs_code="1006"),
    )

    def titles(query: str) -> str:
        return client.get(f"/en/notices{query}").get_data(as_text=True)

    assert "Rice distributor" in titles("?kind=partnership")
    assert "Robusta" not in titles("?kind=partnership")
    assert "Robusta" in titles("?economy=VN") and "Rice distributor" not in titles("?economy=VN")
    assert "Rice distributor" in titles("?category=10") and "Robusta" not in titles("?category=10")
    assert "Robusta" in titles("?category=II") and "Rice distributor" in titles("?category=II")
    assert "Robusta" in titles("?category=0901") and "Rice" not in titles("?category=0901")
    # Unknown filter values are ignored, not errors.
    assert client.get("/en/notices?kind=x&economy=ZZ&category=99x&page=-3").status_code == 200


def test_paging(app, client, login_as):
    login_as("exporter")
    for number in range(22):
        submit(client, "/en/notices/new/selling_offer", base_form(title=f"Offer number {number}"))
    first = client.get("/en/notices").get_data(as_text=True)
    second = client.get("/en/notices?page=2").get_data(as_text=True)
    assert "22 notices" in first and "Next page" in first
    assert "Offer number 0<" in second and "Offer number 0<" not in first


@pytest.fixture
def owned_notice(app, make_user):
    owner = make_user("exporter", company="Owner Co")
    browser = app.test_client()
    log_in(browser, owner.email)
    assert submit(browser, "/en/notices/new/selling_offer", base_form()).status_code == 302
    return owner, the_notices(app)[0]


@pytest.mark.parametrize("intruder", [None, "buyer", "exporter", "agency"])
def test_others_get_404_on_every_editing_page(app, client, make_user, owned_notice, intruder):
    _owner, notice = owned_notice
    token_page = "/en/login"
    if intruder:
        log_in(client, make_user(intruder).email)
        token_page = "/en/notices"
    token = csrf_token_from(client.get(token_page).get_data(as_text=True))
    base = f"/en/notices/{notice.id}"
    for url in (f"{base}/edit", f"{base}/renew", f"{base}/delete", f"{base}/translations/new"):
        assert client.get(url).status_code == 404, url
        data = {**base_form(title="Hacked"), "csrf_token": token}
        assert client.post(url, data=data).status_code == 404, url
    for url in (f"{base}/close", f"{base}/translations/en/remove"):
        assert client.post(url, data={"csrf_token": token}).status_code == 404, url
    (notice,) = the_notices(app)
    assert notice.translation("en").title == "Robusta coffee beans, grade 1"
    assert notice.status == "published"


def test_company_colleague_and_admin_may_edit(app, client, make_user, owned_notice):
    owner, notice = owned_notice
    colleague = make_user("exporter", company="Owner Co", economy="VN")
    assert colleague.company_id == owner.company_id
    log_in(client, colleague.email)
    edit = submit(client, f"/en/notices/{notice.id}/edit", base_form(title="By colleague"))
    assert edit.status_code == 302
    admin_client = app.test_client()
    log_in(admin_client, make_user("admin").email)
    edit = submit(admin_client, f"/en/notices/{notice.id}/edit", base_form(title="By admin"))
    assert edit.status_code == 302
    assert the_notices(app)[0].translation("en").title == "By admin"


def test_drafts_are_seen_by_their_owner_only(app, client, login_as, make_user):
    login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form(status="draft"))
    (notice,) = the_notices(app)
    assert client.get(f"/en/notices/{notice.id}").status_code == 200
    assert "Robusta" in client.get("/en/my/notices").get_data(as_text=True)
    stranger = app.test_client()
    assert stranger.get(f"/en/notices/{notice.id}").status_code == 404
    assert "Robusta" not in stranger.get("/en/notices").get_data(as_text=True)


def test_unverified_users_cannot_post(app, client, login_as):
    login_as("exporter", verified=False)
    assert client.get("/en/notices/new").status_code == 404
    assert client.get("/en/notices/new/selling_offer").status_code == 404


def test_language_versions_and_fallback(app, client, login_as):
    login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form())
    (notice,) = the_notices(app)
    response = submit(
        client,
        f"/en/notices/{notice.id}/translations/new",
        {"lang": "th", "title": "เมล็ดกาแฟโรบัสต้า", "body": "คุณภาพดี"},
    )
    assert response.status_code == 302
    assert "เมล็ดกาแฟโรบัสต้า" in client.get(f"/th/notices/{notice.id}").get_data(as_text=True)
    japanese = client.get(f"/ja/notices/{notice.id}").get_data(as_text=True)
    assert "Robusta coffee beans" in japanese and 'class="lang-note"' in japanese
