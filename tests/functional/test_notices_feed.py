"""The Atom feed of notices: valid XML, absolute links, RFC 3339 times, filters, escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

from tests.conftest import submit
from tests.functional.test_notices_support import (
    base_form,
    buying_request_form,
    set_dates,
    the_notices,
    today,
)

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def feed(client, query: str = "", locale: str = "en") -> ET.Element:
    response = client.get(f"/{locale}/notices/feed.atom{query}")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.data)


def entry_titles(root: ET.Element) -> list[str]:
    return [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]


def test_feed_is_valid_atom_with_absolute_links(app, client, login_as):
    login_as("exporter")
    title = 'Beans & "tea" <b>bold</b>\x01 ok'
    submit(client, "/en/notices/new/selling_offer", base_form(title=title))
    root = feed(client)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))
    (entry,) = root.iter(f"{ATOM}entry")
    # Escaped, not interpreted; the control character XML cannot carry is gone.
    assert entry.findtext(f"{ATOM}title") == 'Beans & "tea" <b>bold</b> ok'
    link = entry.find(f"{ATOM}link").get("href")
    assert link.startswith("http://localhost/en/notices/")
    assert RFC3339.match(entry.findtext(f"{ATOM}updated"))
    assert RFC3339.match(entry.findtext(f"{ATOM}published"))
    self_link = next(x for x in root.iter(f"{ATOM}link") if x.get("rel") == "self")
    assert self_link.get("href") == "http://localhost/en/notices/feed.atom"


def test_feed_is_per_locale(app, client, login_as):
    login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form())
    root = feed(client, locale="th")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "th"
    (entry,) = root.iter(f"{ATOM}entry")
    assert "/th/notices/" in entry.find(f"{ATOM}link").get("href")


def test_feed_filters_by_kind_economy_and_category(app, client, login_as, make_user):
    login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form())
    submit(
        client,
        "/en/notices/new/buying_request",
        buying_request_form(title="Rice wanted", economy="JP", hs_code="1006"),
    )
    assert sorted(entry_titles(feed(client))) == ["Rice wanted", "Robusta coffee beans, grade 1"]
    assert entry_titles(feed(client, "?kind=buying_request")) == ["Rice wanted"]
    assert entry_titles(feed(client, "?economy=VN")) == ["Robusta coffee beans, grade 1"]
    assert entry_titles(feed(client, "?category=10")) == ["Rice wanted"]
    assert entry_titles(feed(client, "?kind=trade_event")) == []
    root = feed(client, "?kind=buying_request&economy=JP")
    self_link = next(x for x in root.iter(f"{ATOM}link") if x.get("rel") == "self")
    assert "kind=buying_request" in self_link.get("href") and "economy=JP" in self_link.get("href")


def test_expired_notices_leave_the_feed(app, client, login_as):
    login_as("exporter")
    submit(client, "/en/notices/new/selling_offer", base_form())
    (notice,) = the_notices(app)
    set_dates(
        app,
        notice.id,
        valid_from=today() - timedelta(days=30),
        valid_until=today() - timedelta(days=1),
    )
    root = feed(client)
    assert entry_titles(root) == []
    assert RFC3339.match(root.findtext(f"{ATOM}updated"))


def test_pages_link_to_the_feed(app, client):
    page = client.get("/en/notices?kind=partnership").get_data(as_text=True)
    assert 'type="application/atom+xml"' in page
    assert "/en/notices/feed.atom?kind=partnership" in page
