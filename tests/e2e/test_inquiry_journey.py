"""A buyer reading in Japanese asks about a product; the exporter answers in Korean."""

from __future__ import annotations

import re

from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.models import Company
from exportnet.extensions import db
from tests.conftest import PASSWORD

MESSAGE = "大阪の焙煎所です。グレード1のロブスタを四半期ごとに20トン必要です。"
REPLY = "네, 3월에 꾸이년 항에서 선적할 수 있습니다."


def fill_login(page, email: str) -> None:
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")


def log_out(page) -> None:
    page.locator("form[action$='/logout'] button").click()
    page.wait_for_load_state("domcontentloaded")


def test_buyer_asks_in_japanese_and_the_exporter_answers_in_korean(page, app, make_user, mailbox):
    exporter = make_user("exporter", company="Mekong Coffee", economy="VN", preferred_locale="ko")
    buyer = make_user("buyer", preferred_locale="ja")
    with app.app_context():
        company = db.session.get(Company, exporter.company_id)
        product = create_product(
            company,
            ListingTerms(hs_code="0901", status="published", moq_unit="tonne", currency="USD"),
            "vi",
            ListingText(title="Cà phê Robusta loại 1"),
        )
        product_id = product.id

    # The buyer, not yet logged in, searches in Japanese: コーヒー finds the Vietnamese
    # listing through the glossary, and the result opens the product in Japanese.
    page.goto("/ja/search?q=コーヒー")
    page.locator(f".result a[href='/ja/products/{product_id}']").click()
    page.wait_for_url(f"**/ja/products/{product_id}")
    assert page.locator("html").get_attribute("lang") == "ja"
    page.locator(f"#contact a[href*='/ja/inquiries/new/{exporter.company_id}']").click()
    page.wait_for_load_state("domcontentloaded")
    page.locator("#subject").fill("ロブスタの見積もり依頼")
    page.locator("#quantity").fill("20")
    page.locator("#quantity_unit").select_option("tonne")
    page.locator("#target_price").fill("2100")
    page.locator("#destination_economy").select_option("JP")
    page.locator("#message").fill(MESSAGE)
    page.locator("main form button[type=submit]").click()

    # Asked to log in; afterwards the form is back, still filled in.
    page.wait_for_url(re.compile(r"/ja/login\?next="))
    fill_login(page, buyer.email)
    assert f"/ja/inquiries/new/{exporter.company_id}" in page.url
    assert page.locator("#message").input_value() == MESSAGE
    assert page.locator("#subject").input_value() == "ロブスタの見積もり依頼"
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/ja/inquiries/\d+$"))
    inquiry_path = re.search(r"/inquiries/\d+", page.url).group(0)
    assert MESSAGE in page.locator("main").inner_text()
    (to_exporter,) = mailbox.to(exporter.email)
    assert to_exporter["Content-Language"] == "ko"
    log_out(page)

    # The exporter sees the unread count, reads the inquiry in Korean and replies.
    page.goto("/ko/login")
    fill_login(page, exporter.email)
    page.goto("/ko/inquiries")
    assert page.locator("html").get_attribute("lang") == "ko"
    link = page.locator("a[href='/ko/inquiries']")
    assert link.locator(".badge").inner_text().startswith("1")
    page.locator(f"table a[href='/ko{inquiry_path}']").click()
    page.wait_for_load_state("domcontentloaded")
    assert MESSAGE in page.locator("main").inner_text()
    assert page.locator("a[href='/ko/inquiries'] .badge").count() == 0
    page.locator("#body").fill(REPLY)
    page.locator(f"form[action='/ko{inquiry_path}/reply'] button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    assert REPLY in page.locator("main").inner_text()
    log_out(page)

    # The buyer sees the reply, and it reached them by mail in Japanese.
    page.goto("/ja/login")
    fill_login(page, buyer.email)
    page.goto("/ja/inquiries/sent")
    page.locator(f"table a[href='/ja{inquiry_path}']").click()
    page.wait_for_load_state("domcontentloaded")
    assert REPLY in page.locator("main").inner_text()
    (to_buyer,) = mailbox.to(buyer.email)
    assert to_buyer["Content-Language"] == "ja"
    assert REPLY in mailbox.body(to_buyer)
    assert f"/ja{inquiry_path}" in mailbox.body(to_buyer)
