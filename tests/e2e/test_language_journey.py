def test_reader_switches_language_and_stays_on_the_page(page, live_server):
    page.goto("/", wait_until="domcontentloaded")
    assert page.url.endswith("/en/")
    page.locator("summary", has_text="English").click()
    page.get_by_role("link", name="ไทย").click()
    page.wait_for_url("**/th/")
    assert page.locator("html").get_attribute("lang") == "th"
    # The choice is remembered: the bare root now lands on Thai.
    page.goto("/", wait_until="domcontentloaded")
    assert page.url.endswith("/th/")
