"""`/api/v1/companies`: the directory, one profile, and changing one's own."""

from __future__ import annotations

from exportnet.accounts.models import Role
from exportnet.companies.models import Company
from exportnet.companies.services import (
    CompanyProfile,
    create_company,
    set_company_hidden,
    set_company_translation,
)
from exportnet.extensions import db
from tests.functional.test_api_support import bearer, error_of, exporter_with_token, token_for


def add(app, name: str, economy: str, industries=(), description: str = "") -> int:
    with app.app_context():
        company = create_company(
            CompanyProfile(name=name, economy=economy, industries=list(industries)), description
        )
        return company.id


def test_directory_lists_visible_companies_with_filters(app, client):
    coffee = add(app, "Bean Co", "VN", ["09"])
    rice = add(app, "Grain Co", "TH", ["10"])
    hidden = add(app, "Gone Co", "VN", ["09"])
    with app.app_context():
        set_company_hidden(hidden, True)

    def ids(**params):
        response = client.get("/api/v1/companies", query_string=params)
        assert response.status_code == 200
        return [item["id"] for item in response.get_json()["items"]]

    assert ids() == [coffee, rice]  # by name
    assert ids(economy="TH") == [rice]
    assert ids(category="09") == [coffee]
    assert ids(category="0901") == [coffee]
    assert ids(category="II") == [coffee, rice]
    assert client.get(f"/api/v1/companies/{hidden}").status_code == 404


def test_profile_in_the_display_language(app, client):
    company_id = add(app, "Bean Co", "VN", ["09"], description="Coffee roasters")
    with app.app_context():
        set_company_translation(company_id, "vi", "Nhà rang cà phê")
    english = client.get(f"/api/v1/companies/{company_id}").get_json()
    assert english["description"] == "Coffee roasters" and english["language"] == "en"
    assert english["industries"] == ["09"] and english["verified"] is False
    assert english["url"] == f"http://localhost/en/companies/{company_id}"
    vietnamese = client.get(f"/api/v1/companies/{company_id}?lang=vi").get_json()
    assert vietnamese["description"] == "Nhà rang cà phê" and vietnamese["language"] == "vi"
    assert vietnamese["url"] == f"http://localhost/vi/companies/{company_id}"
    thai = client.get(f"/api/v1/companies/{company_id}?lang=th").get_json()
    assert thai["description"] == "Coffee roasters" and thai["language"] == "en"


def test_members_patch_their_company(app, client, make_user):
    user, headers = exporter_with_token(app, make_user, economy="VN")
    response = client.patch(
        f"/api/v1/companies/{user.company_id}",
        json={"city": "Da Lat", "industries": ["09", "21"], "export_markets": ["jp", "KR"],
              "year_established": 2001, "website": "https://bean.example",
              "description": "Roasters", "translations": {"ja": {"description": "焙煎所"}}},
        headers=headers,
    )  # fmt: skip
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["city"] == "Da Lat" and body["industries"] == ["09", "21"]
    assert body["export_markets"] == ["JP", "KR"] and body["year_established"] == 2001
    assert body["translations"] == {"en": {"description": "Roasters"},
                                    "ja": {"description": "焙煎所"}}  # fmt: skip
    response = client.patch(f"/api/v1/companies/{user.company_id}",
                            json={"translations": {"ja": None}}, headers=headers)  # fmt: skip
    assert set(response.get_json()["translations"]) == {"en"}


def test_company_validation_reports_every_field(app, client, make_user):
    user, headers = exporter_with_token(app, make_user)
    response = client.patch(
        f"/api/v1/companies/{user.company_id}",
        json={"name": "", "economy": "US", "website": "javascript:alert(1)",
              "year_established": 1500, "industries": ["77"], "employee_range": "lots",
              "original_language": "xx", "ceo": "me"},
        headers=headers,
    )  # fmt: skip
    assert response.status_code == 422
    assert set(error_of(response)["fields"]) == {
        "name", "economy", "website", "year_established", "industries", "employee_range",
        "original_language", "ceo",
    }  # fmt: skip
    with app.app_context():
        assert db.session.get(Company, user.company_id).economy == "VN"


def test_others_get_404_and_anonymous_401(app, client, make_user):
    owner = make_user(Role.EXPORTER)
    _other, headers = exporter_with_token(app, make_user)
    url = f"/api/v1/companies/{owner.company_id}"
    assert client.patch(url, json={"city": "X"}, headers=headers).status_code == 404
    buyer = bearer(token_for(app, make_user(Role.BUYER)))
    assert client.patch(url, json={"city": "X"}, headers=buyer).status_code == 404
    assert client.patch(url, json={"city": "X"}).status_code == 401
    assert client.get(url).get_json()["city"] == ""
