"""Board posts through the real pages: who writes, Markdown, PDFs, scheduling, browsing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from exportnet.timeutil import utcnow
from tests.conftest import csrf_token_from, log_in, submit
from tests.functional.test_board_support import (
    MINIMAL_PDF,
    pdf_upload,
    post_form,
    the_posts,
    update_post_row,
)


def create(client, **changes):
    return submit(
        client,
        "/en/board/new",
        post_form(**changes),
        content_type="multipart/form-data",
    )


def test_agency_posts_a_market_report_with_a_pdf(app, client, login_as):
    agency = login_as("agency")
    response = create(client, attachments=[pdf_upload()])
    assert response.status_code == 302
    (post,) = the_posts(app)
    assert response.headers["Location"] == f"/en/board/{post.id}"
    assert post.author_id == agency.id
    assert [r.economy for r in post.economies] == ["JP", "VN"]
    (attachment,) = post.attachments
    assert attachment.filename == "vn-coffee-2025.pdf"
    assert attachment.stored_name != attachment.filename
    stored = app.config["BOARD_ATTACHMENT_DIR"]
    assert stored.startswith(app.instance_path)

    page = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "<h2>Demand</h2>" in page and "<strong>12%</strong>" in page
    assert 'href="https://www.jetro.go.jp/" rel="nofollow ugc"' in page
    link = f"/en/board/attachments/{attachment.id}/vn-coffee-2025.pdf"
    assert link in page

    download = app.test_client().get(link)
    assert download.status_code == 200
    assert download.data == MINIMAL_PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "vn-coffee-2025.pdf" in download.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("role", "verified"), [("buyer", True), ("exporter", True), ("agency", False)]
)
def test_only_verified_agencies_and_admins_post(app, client, login_as, role, verified):
    login_as(role, verified=verified)
    assert client.get("/en/board/new").status_code == 404
    token = csrf_token_from(client.get("/en/board").get_data(as_text=True))
    assert (
        client.post("/en/board/new", data={**post_form(), "csrf_token": token}).status_code == 404
    )
    assert the_posts(app) == []


def test_admin_posts_too(app, client, login_as):
    login_as("admin")
    assert create(client).status_code == 302


def test_markdown_is_sanitized(app, client, login_as):
    login_as("agency")
    body = (
        "Hello <script>alert('x')</script> world\n\n"
        '[click](javascript:alert(1)) and <a href="JaVaScRiPt:alert(2)">this</a> '
        '<img src=x onerror=alert(3)> <span style="color:red" onclick="x()">styled</span>\n\n'
        "[safe](https://example.test/page)"
    )
    create(client, body=body)
    (post,) = the_posts(app)
    page = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    article = page[page.index('<div class="description"') :]
    article = article[: article.index("</div>")]
    assert "<script" not in article and "alert('x')" not in article
    assert "javascript:" not in article.lower()
    assert "onerror" not in article and "onclick" not in article and "style=" not in article
    assert '<a href="https://example.test/page" rel="nofollow ugc">safe</a>' in article
    assert '<a rel="nofollow ugc">click</a>' in article


def test_html_renamed_pdf_is_refused(app, client, login_as):
    login_as("agency")
    html = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
    response = create(client, attachments=[pdf_upload("report.pdf", html)])
    assert response.status_code == 200
    assert "This file is not a PDF document." in response.get_data(as_text=True)
    sneaky = b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF"
    response = create(client, attachments=[pdf_upload("report.pdf", sneaky)])
    assert "This file is not a PDF document." in response.get_data(as_text=True)
    assert the_posts(app) == []


def test_pdf_size_limit(app, client, login_as):
    login_as("agency")
    app.config["BOARD_ATTACHMENT_MAX_BYTES"] = 1024
    big = MINIMAL_PDF[:-6] + b"%" + b" " * 2000 + b"\n%%EOF\n"
    response = create(client, attachments=[pdf_upload("big.pdf", big)])
    assert response.status_code == 200
    assert "A PDF can be at most 1 MB." in response.get_data(as_text=True)
    assert the_posts(app) == []


def test_scheduled_post_appears_on_its_date(app, client, login_as):
    login_as("agency")
    tomorrow = utcnow().date() + timedelta(days=1)
    create(client, publish_on=tomorrow.isoformat(), title="Coming soon")
    (post,) = the_posts(app)
    public = app.test_client()
    assert public.get(f"/en/board/{post.id}").status_code == 404
    assert "Coming soon" not in public.get("/en/board").get_data(as_text=True)
    assert "Coming soon" not in public.get("/en/board/feed.atom").get_data(as_text=True)
    own = client.get(f"/en/board/{post.id}").get_data(as_text=True)
    assert "This post is scheduled for" in own
    assert "Drafts and scheduled posts" in client.get("/en/board").get_data(as_text=True)
    update_post_row(app, post.id, publish_on=utcnow().date())
    assert public.get(f"/en/board/{post.id}").status_code == 200
    assert "Coming soon" in public.get("/en/board").get_data(as_text=True)


def test_drafts_are_hidden(app, client, login_as):
    login_as("agency")
    create(client, status="draft", title="Half written")
    (post,) = the_posts(app)
    public = app.test_client()
    assert public.get(f"/en/board/{post.id}").status_code == 404
    assert "Half written" not in public.get("/en/board").get_data(as_text=True)


def test_pinned_first_then_newest_and_filters(app, client, login_as):
    login_as("agency")
    today = utcnow().date()
    create(
        client,
        title="Old pinned notice",
        topic="announcement",
        pinned="y",
        publish_on=(today - timedelta(days=30)).isoformat(),
        economies=[],
        industries=[],
    )
    create(client, title="Rice rules", topic="regulation", economies=["TH"], industries=["10"])
    create(client, title="Coffee report")
    page = client.get("/en/board").get_data(as_text=True)
    assert page.index("Old pinned notice") < page.index("Coffee report") < page.index("Rice rules")

    def titles(query):
        return client.get(f"/en/board{query}").get_data(as_text=True)

    assert "Rice rules" in titles("?topic=regulation")
    assert "Coffee report" not in titles("?topic=regulation")
    assert "Rice rules" in titles("?economy=TH") and "Coffee report" not in titles("?economy=TH")
    assert "Coffee report" in titles("?industry=09") and "Rice rules" not in titles("?industry=09")
    assert client.get("/en/board?topic=x&economy=q&industry=999&page=0").status_code == 200


def test_paging(app, client, login_as):
    login_as("agency")
    for number in range(21):
        create(client, title=f"Report number {number}")
    first = client.get("/en/board").get_data(as_text=True)
    assert "21 posts" in first and "Next page" in first
    assert "Report number 0<" in client.get("/en/board?page=2").get_data(as_text=True)


@pytest.fixture
def agency_post(app, make_user):
    author = make_user("agency")
    browser = app.test_client()
    log_in(browser, author.email)
    assert create(browser, attachments=[pdf_upload()]).status_code == 302
    return author, the_posts(app)[0]


@pytest.mark.parametrize("intruder", [None, "buyer", "exporter", "agency"])
def test_others_get_404_on_editing_pages(app, client, make_user, agency_post, intruder):
    _author, post = agency_post
    token_page = "/en/login"
    if intruder:
        log_in(client, make_user(intruder).email)
        token_page = "/en/board"
    token = csrf_token_from(client.get(token_page).get_data(as_text=True))
    base = f"/en/board/{post.id}"
    for url in (f"{base}/edit", f"{base}/delete", f"{base}/translations/new"):
        assert client.get(url).status_code == 404, url
        assert (
            client.post(url, data={**post_form(title="Hacked"), "csrf_token": token}).status_code
            == 404
        )
    attachment = post.attachments[0]
    for url in (f"{base}/translations/en/remove", f"{base}/attachments/{attachment.id}/remove"):
        assert client.post(url, data={"csrf_token": token}).status_code == 404
    (post,) = the_posts(app)
    assert post.translation("en").title == "Coffee market in Japan, 2025"
    assert len(post.attachments) == 1


def test_author_edits_translates_and_deletes(app, client, agency_post):
    author, post = agency_post
    log_in(client, author.email)
    response = submit(
        client,
        f"/en/board/{post.id}/edit",
        post_form(title="Updated", economies=["TH"]),
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    response = submit(
        client,
        f"/en/board/{post.id}/translations/new",
        {"lang": "ja", "title": "日本のコーヒー市場", "body": "需要は**増加**。"},
    )
    assert response.status_code == 302
    japanese = client.get(f"/ja/board/{post.id}").get_data(as_text=True)
    assert "日本のコーヒー市場" in japanese and "<strong>増加</strong>" in japanese
    (post,) = the_posts(app)
    assert [r.economy for r in post.economies] == ["TH"]
    stored = post.attachments[0].stored_name
    assert submit(client, f"/en/board/{post.id}/delete", {}).status_code == 302
    assert the_posts(app) == []
    from pathlib import Path

    assert not (Path(app.config["BOARD_ATTACHMENT_DIR"]) / stored[:2] / stored).exists()


def test_feed_is_valid_and_filterable(app, client, login_as):
    import xml.etree.ElementTree as ET

    login_as("agency")
    create(client, body="Text with <script>x()</script> & **bold**")
    create(client, title="Rice rules", topic="regulation", economies=["TH"], industries=["10"])
    atom = "{http://www.w3.org/2005/Atom}"
    response = client.get("/en/board/feed.atom")
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)
    entries = list(root.iter(f"{atom}entry"))
    assert len(entries) == 2
    content = next(e for e in entries if "Coffee" in e.findtext(f"{atom}title"))
    html = content.findtext(f"{atom}content")
    assert "<strong>bold</strong>" in html and "<script" not in html
    assert content.find(f"{atom}link").get("href").startswith("http://localhost/en/board/")
    filtered = ET.fromstring(client.get("/en/board/feed.atom?topic=regulation").data)
    assert [e.findtext(f"{atom}title") for e in filtered.iter(f"{atom}entry")] == ["Rice rules"]
    by_economy = ET.fromstring(client.get("/th/board/feed.atom?economy=TH").data)
    assert [e.findtext(f"{atom}title") for e in by_economy.iter(f"{atom}entry")] == ["Rice rules"]
