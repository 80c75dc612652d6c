"""An exporter asks for verification, an officer of an agency covering the exporter's
economy approves it, and buyers see the badge on the company page and in search."""

from __future__ import annotations

import re

from tests.conftest import PASSWORD
from tests.functional.test_agency_support import MINIMAL_PDF, add_agency, add_product


def log_in(page, email):
    page.goto("/en/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state("domcontentloaded")


def log_out(page):
    page.locator("form[action$='/logout'] button").click()
    page.wait_for_load_state("domcontentloaded")


def test_exporter_is_verified_and_buyers_see_the_badge(page, app, make_user, tmp_path, mailbox):
    exporter = make_user("exporter", company="Chiang Mai Celadon", economy="TH")
    add_product(app, exporter.company_id, title="Celadon tea set", hs_code="6912")
    officer = make_user("agency")
    add_agency(app, "Thai Trade Promotion Department", ["TH"], [officer])
    evidence = tmp_path / "registration.pdf"
    evidence.write_bytes(MINIMAL_PDF)

    # The exporter sends the evidence.
    log_in(page, exporter.email)
    page.get_by_role("link", name="Verification", exact=True).click()
    page.locator("#registration_number").fill("0505561000123")
    page.locator("#document").set_input_files(str(evidence))
    page.get_by_role("button", name="Ask for verification").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.locator("table").inner_text().count("Waiting for a decision") == 1
    log_out(page)

    # The Thai agency's officer approves it.
    log_in(page, officer.email)
    page.get_by_role("link", name="Verification requests").click()
    page.get_by_role("link", name="Chiang Mai Celadon").click()
    assert page.get_by_role("link", name="registration.pdf").count() == 1
    page.locator("#reason").fill(
        "Registration checked with the Department of Business Development."
    )
    page.get_by_role("button", name="Approve").click()
    page.wait_for_load_state("domcontentloaded")
    assert "Approved" in page.locator("main").inner_text()
    log_out(page)

    # A buyer sees the company verified, on its page and in search results.
    page.goto("/en/companies")
    page.get_by_role("link", name="Chiang Mai Celadon").click()
    badge = page.locator(".badge.verified").first
    assert re.fullmatch(
        r"Verified by Thai Trade Promotion Department on \w+ \d+, \d{4}", badge.inner_text()
    )
    page.goto("/en/search?q=celadon")
    result = page.locator(".result", has_text="Celadon tea set")
    assert result.locator(".badge", has_text="Verified").count() == 1
    page.goto("/en/search?q=celadon&verified=1")
    assert page.locator(".result", has_text="Celadon tea set").count() == 1
    assert any("is now verified" in str(m["Subject"]) for m in mailbox.to(exporter.email))
