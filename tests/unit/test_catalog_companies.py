"""Company profile services: rules, associations, descriptions, certifications, directory."""

from __future__ import annotations

from datetime import date

import pytest

from exportnet.companies import queries
from exportnet.companies.models import Company
from exportnet.companies.services import (
    CompanyError,
    CompanyProfile,
    add_certification,
    create_company,
    remove_certification,
    remove_company_translation,
    set_company_hidden,
    set_company_translation,
    update_company,
)
from exportnet.extensions import db


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


def profile(**changes) -> CompanyProfile:
    values = {"name": "Siam Rice", "economy": "TH", "original_language": "th"}
    values.update(changes)
    return CompanyProfile(**values)


def reload(company: Company) -> Company:
    db.session.expire_all()
    return db.session.get(Company, company.id)


def test_create_and_update_profile_with_associations(ctx):
    company = create_company(
        profile(industries=["10", "09"], export_markets=["jp", "US"]), description="ข้าวหอมมะลิ"
    )
    company = reload(company)
    assert company.industry_codes == ["09", "10"]
    assert company.export_market_codes == ["JP", "US"]
    assert [(t.lang, t.description) for t in company.translations] == [("th", "ข้าวหอมมะลิ")]
    update_company(
        company,
        profile(
            city="Bangkok",
            year_established=1995,
            employee_range="50-249",
            website="https://siamrice.example",
            industries=["10"],
            export_markets=["CN"],
        ),
        description="ข้าว",
    )
    company = reload(company)
    assert (company.city, company.year_established, company.employee_range) == (
        "Bangkok",
        1995,
        "50-249",
    )
    assert company.industry_codes == ["10"]
    assert company.export_market_codes == ["CN"]
    assert company.translations[0].description == "ข้าว"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"website": "javascript:alert(1)"}, "website"),
        ({"website": "ftp://files.example"}, "website"),
        ({"website": "https://"}, "website"),
        ({"economy": "US"}, "economy"),
        ({"year_established": 1799}, "year_established"),
        ({"year_established": date.today().year + 1}, "year_established"),
        ({"employee_range": "12"}, "employee_range"),
        ({"industries": ["99"]}, "industries"),
        ({"industries": ["0901"]}, "industries"),
        ({"export_markets": ["XX"]}, "export_markets"),
        ({"name": " "}, "name"),
        ({"original_language": "de"}, "original_language"),
    ],
)
def test_profile_rules(ctx, changes, field):
    company = create_company(profile())
    with pytest.raises(CompanyError) as caught:
        update_company(company, profile(**changes))
    assert caught.value.field == field
    assert reload(company).name == "Siam Rice"


def test_descriptions_per_language_and_the_original_stays(ctx):
    company = create_company(profile(), description="ไทย")
    set_company_translation(company, "en", "Thai jasmine rice")
    with pytest.raises(CompanyError):
        remove_company_translation(company, "th")
    with pytest.raises(CompanyError):
        set_company_translation(company, "xx", "?")
    remove_company_translation(company, "en")
    assert [t.lang for t in reload(company).translations] == ["th"]


def test_certifications_add_and_remove(ctx):
    company = create_company(profile())
    cert = add_certification(company, "HACCP", "SGS", date(2027, 1, 31))
    add_certification(company, "Organic")
    with pytest.raises(CompanyError):
        add_certification(company, " ")
    company = reload(company)
    assert [c.name for c in company.certifications] == ["HACCP", "Organic"]
    remove_certification(company, cert.id)
    assert [c.name for c in reload(company).certifications] == ["Organic"]
    with pytest.raises(CompanyError):
        remove_certification(company, cert.id)


def test_directory_counts_and_hidden_companies(ctx):
    a = create_company(profile(industries=["10"]))
    create_company(profile(name="Hanoi Coffee", economy="VN", industries=["09", "10"]))
    assert queries.directory().total == 2
    assert queries.directory(economy="VN").total == 1
    assert queries.directory(industry="10").total == 2
    assert queries.economy_counts() == {"TH": 1, "VN": 1}
    assert queries.industry_counts() == {"09": 1, "10": 2}
    assert queries.industry_counts(economy="TH") == {"10": 1}
    set_company_hidden(a, True)
    assert queries.directory().total == 1
    assert queries.industry_counts() == {"09": 1, "10": 1}
