"""Seeding the demo: the catalog a visitor sees, idempotence, and generated listings."""

from __future__ import annotations

import re

from markupsafe import escape
from sqlalchemy import func, select

from exportnet.accounts.services import find_user_by_email
from exportnet.catalog.models import Product, ProductImage, ProductTranslation
from exportnet.catalog.terms import Status
from exportnet.companies.models import Company
from exportnet.demo.catalog import demo_exporter_company
from exportnet.demo.seed import seed_demo
from exportnet.demo.users import DEMO_LOGINS
from exportnet.extensions import db
from exportnet.media.storage import media_storage
from exportnet.taxonomy.economies import member_economies

H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def product_titled(title: str) -> int:
    query = select(ProductTranslation.product_id).where(ProductTranslation.title == title)
    return db.session.scalar(query)


def heading(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return H1.search(response.get_data(as_text=True)).group(1).strip()


def test_seed_demo_builds_a_catalog_of_all_economies(app, client):
    with app.app_context():
        seed_demo()
        published = Product.status == Status.PUBLISHED.value
        assert count(Company) >= 80
        assert count(Product, published) >= 400
        economies = db.session.scalars(select(Product.origin_economy).where(published).distinct())
        assert set(economies) == set(member_economies())
        assert count(ProductImage) == count(Product)
        key = db.session.scalar(select(ProductImage.media_key).limit(1))
        assert media_storage().path_for(key, "thumb").is_file()

        name, economy = demo_exporter_company()
        exporter = next(login for login in DEMO_LOGINS if login.company)
        user = find_user_by_email(exporter.email)
        assert user.company.name == name and user.company.economy == economy
        assert count(Product, Product.company_id == user.company_id) > 0

        vietnamese = product_titled("Cà phê nhân Robusta S18 đánh bóng ướt, loại 1")
        thai = product_titled("ข้าวหอมมะลิไทย 100% ชั้นดี ทุ่งกุลาร้องไห้")
        draft = db.session.scalar(select(Product.id).where(Product.status == Status.DRAFT.value))

    assert heading(client, f"/ja/products/{vietnamese}") == "ロブスタ生豆 S18 ウェットポリッシュ G1"
    assert heading(client, f"/en/products/{vietnamese}") == escape(
        "Robusta green coffee S18, wet polished, grade 1"
    )
    # No Japanese version: the Thai original is shown.
    assert heading(client, f"/ja/products/{thai}") == "ข้าวหอมมะลิไทย 100% ชั้นดี ทุ่งกุลาร้องไห้"
    assert "Thai Hom Mali jasmine rice" in heading(client, f"/en/products/{thai}")
    assert client.get(f"/en/products/{draft}").status_code == 404
    assert client.get(f"/media/{key}/medium.jpg").status_code == 200


def test_seeding_twice_adds_nothing(app):
    with app.app_context():
        seed_demo()
        before = count(Company), count(Product), count(ProductTranslation)
        seed_demo()
        assert (count(Company), count(Product), count(ProductTranslation)) == before


def test_seed_demo_command_adds_generated_listings(app, runner):
    with app.app_context():
        seed_demo()
        before = count(Product)

    result = runner.invoke(args=["seed-demo", "--products", "500"])

    assert result.exit_code == 0, result.output
    assert "Added 500 generated listings." in result.output
    with app.app_context():
        assert count(Product) == before + 500
        generated = db.session.scalars(select(Product).order_by(Product.id.desc()).limit(500))
        for product in generated:
            languages = {t.lang for t in product.translations}
            assert product.original_language in languages and len(languages) >= 2
            assert product.hs_heading and product.price_min <= product.price_max


def test_the_demo_agency_login_is_an_officer_for_every_member_economy(app, client):
    from exportnet.demo.users import AGENCY_EMAIL, DEMO_AGENCY, DEMO_PASSWORD
    from tests.conftest import log_in

    with app.app_context():
        seed_demo()
    log_in(client, AGENCY_EMAIL, DEMO_PASSWORD)
    html = client.get("/en/agency/verifications").get_data(as_text=True)
    assert f"{escape(DEMO_AGENCY)} covers:" in html
    for name in ("Lao", "Myanmar", "Japan", "Brunei"):
        assert name in html.split("covers:", 1)[1].split("</p>", 1)[0]
