"""An agency posts a market report with a PDF; an exporter reads it and comments."""

import re

from tests.conftest import PASSWORD
from tests.functional.test_board_support import MINIMAL_PDF


def log_in(page, email):
    page.goto("/en/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")


def log_out(page):
    page.locator("form[action$='/logout'] button").click()
    page.wait_for_load_state("domcontentloaded")


def test_agency_posts_a_report_with_a_pdf_and_an_exporter_comments(page, make_user, tmp_path):
    agency = make_user("agency")
    exporter = make_user("exporter", company="Highland Coffee", economy="VN")
    report = tmp_path / "japan-coffee-2025.pdf"
    report.write_bytes(MINIMAL_PDF)

    log_in(page, agency.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Industry board").click()
    page.get_by_role("link", name="Write a post").click()
    page.locator("#topic").select_option("market_report")
    page.locator("#title").fill("Coffee market in Japan, 2025")
    page.locator("#body").fill(
        "## Demand\n\nImports rose **12%**.\n\n<script>alert(1)</script>\n\n"
        "[Source](https://www.jetro.go.jp/)"
    )
    page.locator("#economies").select_option(["JP", "VN"])
    page.locator("#industries").select_option(["09"])
    page.locator("#attachments").set_input_files(str(report))
    page.locator("#status").select_option("published")
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    post_id = re.search(r"/board/(\d+)$", page.url).group(1)
    assert page.locator("h1").inner_text() == "Coffee market in Japan, 2025"
    assert page.locator(".description h2").inner_text() == "Demand"
    assert page.locator(".description script").count() == 0
    assert page.locator(".description a").get_attribute("rel") == "nofollow ugc"
    log_out(page)

    log_in(page, exporter.email)
    page.goto("/en/board?topic=market_report")
    page.get_by_role("link", name="Coffee market in Japan, 2025").click()
    page.wait_for_url(f"**/en/board/{post_id}")
    pdf_link = page.get_by_role("link", name="japan-coffee-2025.pdf")
    download = page.request.get(pdf_link.get_attribute("href"))
    assert download.ok and download.body() == MINIMAL_PDF
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["content-disposition"].startswith("attachment")
    assert download.headers["x-content-type-options"] == "nosniff"

    page.get_by_label("Your comment").fill("Very useful. Is there data for Korea too?")
    page.get_by_role("button", name="Post the comment").click()
    page.wait_for_load_state("domcontentloaded")
    assert re.search(rf"/en/board/{post_id}#comment-\d+$", page.url)
    comments = page.locator("#comments")
    assert "Very useful. Is there data for Korea too?" in comments.inner_text()
    assert "Exporter" in comments.inner_text()
