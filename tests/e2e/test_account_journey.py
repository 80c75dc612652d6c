import re


def test_register_verify_login_and_switch_language(page, live_server, mailbox):
    page.goto("/en/register")
    page.get_by_label("Exporter").check()
    page.locator("#email").fill("lan@mekong-pepper.example.com")
    page.locator("#display_name").fill("Lan Nguyen")
    page.locator("#password").fill("pepper harvest in Kampot 2026")
    page.locator("#confirm").fill("pepper harvest in Kampot 2026")
    page.locator("#company_name").fill("Mekong Pepper Co.")
    page.locator("#economy").select_option("VN")
    page.locator("#preferred_locale").select_option("vi")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")

    mails = mailbox.to("lan@mekong-pepper.example.com")
    assert len(mails) == 1
    link = re.search(r"https?://\S+/account/verify/\S+", mailbox.body(mails[0])).group(0)
    assert "/vi/" in link  # the link opens in the language she chose
    assert page.locator(".verify-banner").count() == 1  # logged in, not yet confirmed
    page.goto(link.replace("http://localhost", live_server))
    page.wait_for_load_state("domcontentloaded")
    assert page.locator(".verify-banner").count() == 0

    # Log out, then back in.
    if page.locator("form[action$='/logout'] button").count():
        page.locator("form[action$='/logout'] button").click()
    page.goto("/en/login")
    page.locator("#email").fill("lan@mekong-pepper.example.com")
    page.locator("#password").fill("pepper harvest in Kampot 2026")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("form[action$='/logout']").count() == 1

    page.goto("/en/account")
    assert page.locator("body").inner_text().count("lan@mekong-pepper.example.com") >= 1
    assert page.locator(".badge", has_text="confirmed").count() == 1

    page.locator("summary", has_text="English").click()
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url("**/vi/account")
    assert page.locator("html").get_attribute("lang") == "vi"
