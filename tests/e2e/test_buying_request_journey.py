"""A buyer posts a buying request; an exporter answers with an offer that opens a thread."""

import re
from datetime import timedelta

from exportnet.timeutil import utcnow
from tests.conftest import PASSWORD


def log_in(page, email):
    page.goto("/en/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")


def log_out(page):
    page.locator("form[action$='/logout'] button").click()
    page.wait_for_load_state("domcontentloaded")


def test_buyer_posts_a_buying_request_and_an_exporter_answers(page, make_user, mailbox):
    buyer = make_user("buyer", preferred_locale="ja")
    exporter = make_user("exporter", company="Highland Coffee", economy="VN")
    deadline = (utcnow().date() + timedelta(days=20)).isoformat()

    log_in(page, buyer.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Trade notices").click()
    page.get_by_role("link", name="Post a notice").click()
    page.wait_for_url("**/en/notices/new/buying_request")
    page.locator("#title").fill("Wanted: 20 tonnes of robusta, grade 1")
    page.locator("#body").fill("For roasting in Osaka. Samples first.")
    page.locator("#economy").select_option("JP")
    page.locator("#hs_code").fill("0901")
    page.locator("#quantity").fill("20")
    page.locator("#quantity_unit").select_option("tonne")
    page.locator("#target_price").fill("2100")
    page.locator("#currency").fill("USD")
    page.locator("#destination_economy").select_option("JP")
    page.locator("#deadline").fill(deadline)
    page.locator("#status").select_option("published")
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_load_state("domcontentloaded")
    notice_id = re.search(r"/notices/(\d+)$", page.url).group(1)
    assert page.locator("h1").inner_text() == "Wanted: 20 tonnes of robusta, grade 1"
    log_out(page)

    log_in(page, exporter.email)
    page.goto("/en/notices")
    page.locator("#f-kind").select_option("buying_request")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/en/notices?kind=buying_request*")
    page.get_by_role("link", name="Wanted: 20 tonnes of robusta, grade 1").click()
    page.wait_for_url(f"**/en/notices/{notice_id}")
    page.get_by_role("link", name="Send an offer").click()
    assert page.locator("#quantity").input_value() == "20"
    page.locator("#price").fill("2050")
    page.locator("#lead_time_days").fill("21")
    page.locator("#message").fill("Screen 18, wet-polished. We can send samples this week.")
    page.get_by_role("button", name="Send the offer").click()
    # The offer opens an inquiry thread with the requester: the exporter lands on it.
    page.wait_for_url(re.compile(r".*/en/inquiries/\d+$"))
    thread_id = re.search(r"/inquiries/(\d+)$", page.url).group(1)
    assert "Your offer was sent to the buyer." in page.locator(".flashes").inner_text()
    assert "We can send samples this week." in page.locator(".inquiry-messages").inner_text()

    (mail,) = mailbox.to(buyer.email)
    assert mail["Content-Language"] == "ja"
    body = mailbox.body(mail)
    assert "Highland Coffee" in body and "We can send samples this week." in body
    assert f"/ja/notices/{notice_id}" in body
    assert f"/ja/inquiries/{thread_id}" in body
    log_out(page)

    # The requester finds it in their inquiries, unread, and answers it.
    log_in(page, buyer.email)
    inquiries_link = page.get_by_role("navigation", name="Main").get_by_role(
        "link", name=re.compile("Inquiries")
    )
    assert "1 unread inquiry" in (inquiries_link.text_content() or "")
    inquiries_link.click()
    page.wait_for_url("**/en/inquiries/sent")
    page.locator(f"a[href='/en/inquiries/{thread_id}']").click()
    page.wait_for_url(f"**/en/inquiries/{thread_id}")
    assert "Highland Coffee" in page.locator("dl.terms").inner_text()
    page.locator("#body").fill("Please send two samples to Osaka.")
    page.get_by_role("button", name="Send the reply").click()
    page.wait_for_url(re.compile(rf".*/en/inquiries/{thread_id}#m\d+$"))
    assert "Please send two samples to Osaka." in page.locator(".inquiry-messages").inner_text()
    (reply,) = mailbox.to(exporter.email)
    assert f"/en/inquiries/{thread_id}" in mailbox.body(reply)
