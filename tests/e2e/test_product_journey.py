"""An exporter lists rice in Thai with an English version and a picture; buyers read it."""

import re

from PIL import Image

from tests.conftest import PASSWORD


def log_in(page, email):
    page.goto("/en/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")


def test_exporter_lists_a_thai_product_and_buyers_read_it(page, make_user, tmp_path):
    exporter = make_user("exporter", company="Siam Jasmine Rice", economy="TH")
    buyer = make_user("buyer")
    picture = tmp_path / "rice.png"
    Image.new("RGB", (900, 600), (240, 230, 200)).save(picture)

    log_in(page, exporter.email)
    page.goto("/en/my/products")
    page.get_by_role("link", name="Add a product").click()
    page.locator("#original_language").select_option("th")
    page.locator("#title").fill("ข้าวหอมมะลิไทย 100%")
    page.locator("#description").fill("ข้าวหอมมะลิคุณภาพส่งออก บรรจุถุง 25 กิโลกรัม")
    page.locator("#hs_code").fill("1006")
    page.locator("#status").select_option("published")
    page.locator("#pictures").set_input_files(str(picture))
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")
    product_id = re.search(r"/products/(\d+)", page.url).group(1)

    page.goto(f"/en/products/{product_id}/translations/new")
    page.locator("#lang").select_option("en")
    page.locator("#title").fill("Thai Hom Mali jasmine rice 100%")
    page.locator("#description").fill("Export grade jasmine rice in 25 kg bags.")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")
    page.locator("form[action$='/logout'] button").click()

    log_in(page, buyer.email)
    page.goto(f"/ja/products/{product_id}")
    heading = page.locator("h1")
    assert heading.inner_text() == "ข้าวหอมมะลิไทย 100%"
    assert heading.get_attribute("lang") == "th"
    note = page.locator(".lang-note")
    assert note.count() == 1
    assert note.locator("a[hreflang=en]").get_attribute("href") == f"/en/products/{product_id}"
    image = page.locator("main img").first
    assert "/media/" in image.get_attribute("src")
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) > 0

    note.locator("a[hreflang=en]").click()
    page.wait_for_url(f"**/en/products/{product_id}")
    assert page.locator("h1").inner_text() == "Thai Hom Mali jasmine rice 100%"
    assert page.locator("h1").get_attribute("lang") == "en"
