"""Company profiles through the real pages: editing, permissions, directory, company page."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image

from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.models import Company
from exportnet.extensions import db
from tests.conftest import csrf_token_from, log_in, submit

PROFILE = {
    "name": "Mekong Highland Coffee Co.",
    "economy": "VN",
    "city": "Buon Ma Thuot",
    "year_established": "2004",
    "employee_range": "50-249",
    "website": "https://mekong-coffee.example",
    "industries": ["09", "21"],
    "export_markets": ["JP", "DE", "US"],
    "original_language": "vi",
    "description": "Cà phê Robusta từ Tây Nguyên.",
}


def load(app, company_id) -> Company:
    with app.app_context():
        company = db.session.get(Company, company_id)
        _ = company.translations, company.industries, company.export_markets
        _ = company.certifications
        db.session.expunge_all()
        return company


def logo_file():
    out = BytesIO()
    Image.new("RGB", (64, 64), (10, 120, 60)).save(out, "PNG")
    out.seek(0)
    return (out, "logo.png")


def test_exporter_edits_own_company(app, client, login_as):
    owner = login_as("exporter")
    response = client.get("/en/my/company")
    assert response.status_code == 302
    edit_url = f"/en/companies/{owner.company_id}/edit"
    assert response.headers["Location"] == edit_url
    response = submit(client, edit_url, {**PROFILE, "logo": logo_file()})
    assert response.status_code == 302
    company = load(app, owner.company_id)
    assert company.name == PROFILE["name"]
    assert company.year_established == 2004
    assert company.industry_codes == ["09", "21"]
    assert company.export_market_codes == ["DE", "JP", "US"]
    assert company.original_language == "vi"
    assert [(t.lang, t.description) for t in company.translations] == [
        ("vi", PROFILE["description"])
    ]
    assert company.logo_key

    page = client.get(f"/en/companies/{owner.company_id}").get_data(as_text=True)
    assert "Mekong Highland Coffee Co." in page
    assert f"/media/{company.logo_key}/thumb.jpg" in page
    assert "Germany" in page and "Japan" in page
    assert 'href="https://mekong-coffee.example"' in page
    assert "Cà phê Robusta từ Tây Nguyên." in page
    assert "is not available in English" in page  # shown in Vietnamese, and said so

    form = client.get(edit_url).get_data(as_text=True)
    assert 'value="Buon Ma Thuot"' in form
    assert '<option selected value="09">' in form


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"website": "javascript:alert(document.cookie)"},
            "Enter a web address starting with http:// or https://.",
        ),
        ({"year_established": "1750"}, "Enter a year between 1800 and"),
        ({"economy": "US"}, "Choose one of the member economies."),
        ({"name": ""}, "Give the company name."),
    ],
)
def test_profile_validation_keeps_what_was_typed(app, client, login_as, changes, message):
    owner = login_as("exporter", company="Before Co")
    response = submit(client, f"/en/companies/{owner.company_id}/edit", {**PROFILE, **changes})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page
    assert PROFILE["description"] in page
    assert 'value="Buon Ma Thuot"' in page
    assert load(app, owner.company_id).name == "Before Co"


def test_a_bad_logo_is_refused_and_the_form_is_kept(app, client, login_as):
    owner = login_as("exporter", company="Before Co")
    bad = (BytesIO(b"GIF89a but not really"), "logo.gif")
    response = submit(client, f"/en/companies/{owner.company_id}/edit", {**PROFILE, "logo": bad})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "not a picture we can read" in page
    assert 'value="Mekong Highland Coffee Co."' in page
    company = load(app, owner.company_id)
    assert company.name == "Before Co" and company.logo_key is None


@pytest.mark.parametrize("intruder", [None, "buyer", "exporter"])
def test_others_cannot_edit_a_company(app, client, make_user, intruder):
    owner = make_user("exporter", company="Owner Co")
    token_page = "/en/login"
    if intruder:
        log_in(client, make_user(intruder, company="Other Co" if intruder else None).email)
        token_page = "/en/companies"
    token = csrf_token_from(client.get(token_page).get_data(as_text=True))
    base = f"/en/companies/{owner.company_id}"
    for url in (f"{base}/edit", f"{base}/descriptions/new", f"{base}/products/new"):
        assert client.get(url).status_code == 404
        assert client.post(url, data={**PROFILE, "csrf_token": token}).status_code == 404
    assert (
        client.post(f"{base}/certifications", data={"cert-name": "X", "csrf_token": token})
    ).status_code == 404
    assert load(app, owner.company_id).name == "Owner Co"
    assert load(app, owner.company_id).certifications == []
    if intruder != "exporter":
        assert client.get("/en/my/company").status_code == 404


def test_admin_can_edit_any_company(app, client, make_user, login_as):
    owner = make_user("exporter", company="Owner Co")
    login_as("admin")
    response = submit(client, f"/en/companies/{owner.company_id}/edit", PROFILE)
    assert response.status_code == 302
    assert load(app, owner.company_id).name == PROFILE["name"]


def test_descriptions_and_certifications(app, client, login_as):
    owner = login_as("exporter")
    edit_url = f"/en/companies/{owner.company_id}/edit"
    submit(client, edit_url, PROFILE)
    new_url = f"/en/companies/{owner.company_id}/descriptions/new"
    assert submit(client, new_url, {"lang": "en", "description": "Robusta."}).status_code == 302
    english = client.get(f"/en/companies/{owner.company_id}").get_data(as_text=True)
    assert "Robusta." in english and "is not available" not in english
    assert "Translated from Vietnamese." in english

    token = csrf_token_from(client.get(edit_url).get_data(as_text=True))
    base = f"/en/companies/{owner.company_id}"
    kept = client.post(f"{base}/descriptions/vi/remove", data={"csrf_token": token})
    assert kept.status_code == 302
    assert {t.lang for t in load(app, owner.company_id).translations} == {"vi", "en"}
    client.post(f"{base}/descriptions/en/remove", data={"csrf_token": token})
    assert {t.lang for t in load(app, owner.company_id).translations} == {"vi"}

    response = client.post(
        f"{base}/certifications",
        data={
            "csrf_token": token,
            "cert-name": "HACCP",
            "cert-issuer": "SGS",
            "cert-valid_until": "2027-06-30",
        },
    )
    assert response.status_code == 302
    bad_date = client.post(
        f"{base}/certifications",
        data={"csrf_token": token, "cert-name": "ISO 22000", "cert-valid_until": "soon"},
    )
    assert "Enter a date as YYYY-MM-DD." in bad_date.get_data(as_text=True)
    certs = load(app, owner.company_id).certifications
    assert [(c.name, c.issuer, str(c.valid_until)) for c in certs] == [
        ("HACCP", "SGS", "2027-06-30")
    ]
    page = client.get(base).get_data(as_text=True)
    assert "HACCP" in page and "Jun 30, 2027" in page
    client.post(f"{base}/certifications/{certs[0].id}/remove", data={"csrf_token": token})
    assert load(app, owner.company_id).certifications == []


def test_directory_by_economy_and_industry_with_names_in_the_readers_language(
    app, client, make_user
):
    vn = make_user("exporter", company="Hanoi Tea", economy="VN")
    th = make_user("exporter", company="Siam Rice", economy="TH")
    for user, name, economy, industries in (
        (vn, "Hanoi Tea", "VN", ["09"]),
        (th, "Siam Rice", "TH", ["10", "09"]),
    ):
        browser = app.test_client()
        log_in(browser, user.email)
        data = {**PROFILE, "name": name, "economy": economy, "industries": industries}
        assert submit(browser, f"/en/companies/{user.company_id}/edit", data).status_code == 302
    page = client.get("/th/companies").get_data(as_text=True)
    assert "Hanoi Tea" in page and "Siam Rice" in page
    assert "เวียดนาม" in page  # economy names in Thai
    by_economy = client.get("/en/companies?economy=TH").get_data(as_text=True)
    assert "Siam Rice" in by_economy and "Hanoi Tea" not in by_economy
    by_industry = client.get("/en/companies?industry=10").get_data(as_text=True)
    assert "Siam Rice" in by_industry and "Hanoi Tea" not in by_industry
    assert client.get("/en/companies?industry=zz&economy=!!&page=x").status_code == 200
    assert client.get("/en/companies?page=99999999999999999999999").status_code == 200


def test_company_page_lists_published_products_and_owner_sees_drafts(app, client, login_as):
    owner = login_as("exporter")
    with app.app_context():
        company = db.session.get(Company, owner.company_id)
        for title, status in (("Live coffee", "published"), ("Draft coffee", "draft")):
            create_product(company, ListingTerms("0901", status=status), "en", ListingText(title))
    own_view = client.get(f"/en/companies/{owner.company_id}").get_data(as_text=True)
    assert "Live coffee" in own_view and "Draft coffee" in own_view
    public = app.test_client().get(f"/en/companies/{owner.company_id}").get_data(as_text=True)
    assert "Live coffee" in public and "Draft coffee" not in public
    assert app.test_client().get("/en/companies/999999").status_code == 404
