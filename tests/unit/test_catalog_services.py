"""Listing services: the rules they enforce and the rows they write."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select

from exportnet.catalog import queries
from exportnet.catalog.models import Product, ProductImage, ProductTranslation
from exportnet.catalog.services import (
    ListingError,
    ListingTerms,
    ListingText,
    add_image,
    create_product,
    delete_product,
    remove_image,
    remove_translation,
    set_translation,
    update_product,
)
from exportnet.companies.models import Company
from exportnet.companies.services import set_company_hidden
from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.media.images import process_image
from exportnet.media.storage import media_storage


def png_bytes(color=(200, 30, 30)) -> bytes:
    out = BytesIO()
    Image.new("RGB", (40, 30), color).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def company(app):
    with app.app_context():
        with unit_of_work() as session:
            found = Company(name="Mekong Coffee", economy="VN")
            session.add(found)
        yield found


def terms(**changes) -> ListingTerms:
    values = {"hs_code": "0901", "status": "published"}
    values.update(changes)
    return ListingTerms(**values)


def new_product(company, lang="en", title="Robusta coffee", **changes) -> Product:
    return create_product(company, terms(**changes), lang, ListingText(title=title))


def test_create_product_denormalizes_the_hs_path_and_defaults_origin(company):
    product = new_product(company, price_min=Decimal("2.5"), price_max=3, currency="usd")
    assert (product.hs_section, product.hs_chapter, product.hs_heading) == ("II", "09", "0901")
    assert product.origin_economy == "VN"
    assert product.currency == "USD"
    assert product.published_at is not None
    assert product.translation("en").title == "Robusta coffee"


def test_a_chapter_code_is_accepted_without_heading(company):
    product = new_product(company, hs_code="09")
    assert (product.hs_section, product.hs_chapter, product.hs_heading) == ("II", "09", None)


def test_a_draft_has_no_publication_date(company):
    assert new_product(company, status="draft").published_at is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"hs_code": "9999"}, "hs_code"),
        ({"hs_code": "coffee"}, "hs_code"),
        ({"moq": Decimal("-1")}, "moq"),
        ({"supply_capacity": Decimal("1e11")}, "supply_capacity"),
        ({"price_max": Decimal("NaN"), "currency": "USD"}, "price_max"),
        ({"price_min": 5, "price_max": 3, "currency": "USD"}, "price_min"),
        ({"price_min": 5, "currency": "XYZ"}, "currency"),
        ({"price_min": 5}, "currency"),
        ({"incoterm": "FOO"}, "incoterm"),
        ({"supply_period": "decade"}, "supply_period"),
        ({"moq_unit": "barrel-ish"}, "moq_unit"),
        ({"lead_time_days": -3}, "lead_time_days"),
        ({"origin_economy": "ZZ"}, "origin_economy"),
        ({"status": "secret"}, "status"),
        ({"port_of_loading": "x" * 121}, "port_of_loading"),
    ],
)
def test_rules_refuse_bad_terms_and_write_nothing(company, changes, field):
    with pytest.raises(ListingError) as caught:
        new_product(company, **changes)
    assert caught.value.field == field
    assert str(caught.value.message)
    assert db.session.scalar(select(func.count()).select_from(Product)) == 0


def test_title_is_required_and_at_most_200_characters(company):
    with pytest.raises(ListingError):
        new_product(company, title="   ")
    with pytest.raises(ListingError) as caught:
        new_product(company, title="x" * 201)
    assert caught.value.field == "title"
    assert new_product(company, title="x" * 200).translation("en").title == "x" * 200


def test_update_changes_terms_and_the_original_text(company):
    product = new_product(company, status="draft")
    update_product(
        product,
        terms(hs_code="0902", status="published", moq=Decimal("10"), moq_unit="kg"),
        ListingText(title="Green tea", description="Fresh", keywords="tea"),
    )
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert product.hs_heading == "0902"
    assert product.moq == Decimal("10")
    assert product.published_at is not None
    original = product.translation("en")
    assert (original.title, original.description, original.keywords) == (
        "Green tea",
        "Fresh",
        "tea",
    )


def test_failed_update_changes_nothing(company):
    product = new_product(company)
    with pytest.raises(ListingError):
        update_product(product, terms(price_min=9, price_max=1, currency="USD"), None)
    db.session.expire_all()
    assert db.session.get(Product, product.id).price_min is None


def test_translations_add_edit_remove_but_never_the_original(company):
    product = new_product(company, lang="th", title="กาแฟโรบัสต้า")
    set_translation(product, "en", ListingText(title="Robusta coffee"))
    set_translation(product, "en", ListingText(title="Robusta coffee beans"))
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert {t.lang: t.title for t in product.translations} == {
        "th": "กาแฟโรบัสต้า",
        "en": "Robusta coffee beans",
    }
    with pytest.raises(ListingError):
        remove_translation(product, "th")
    with pytest.raises(ListingError):
        remove_translation(product, "ja")
    with pytest.raises(ListingError):
        set_translation(product, "xx", ListingText(title="?"))
    remove_translation(product, "en")
    db.session.expire_all()
    assert [t.lang for t in db.session.get(Product, product.id).translations] == ["th"]


def test_images_are_stored_and_limited_to_eight(company, app):
    product = new_product(company)
    processed = [process_image(png_bytes((i * 20, 0, 0))) for i in range(9)]
    for image in processed[:8]:
        add_image(product, image, "A sack of beans")
    with pytest.raises(ListingError) as caught:
        add_image(product, processed[8])
    assert caught.value.field == "pictures"
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert [img.position for img in product.images] == list(range(8))
    with pytest.raises(ListingError):
        update_product(product, terms(), images=[processed[8]])
    first = product.images[0]
    remove_image(product, first.id)
    db.session.expire_all()
    product = db.session.get(Product, product.id)
    assert len(product.images) == 7
    assert [img.position for img in product.images] == list(range(7))
    assert media_storage().path_for(product.images[0].media_key, "thumb").is_file()


def test_delete_removes_the_listing_with_its_texts_and_images(company):
    product = new_product(company)
    add_image(product, process_image(png_bytes()))
    set_translation(product, "ja", ListingText(title="ロブスタ"))
    delete_product(product)
    for model in (Product, ProductTranslation, ProductImage):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0


def test_public_queries_hide_drafts_archived_and_hidden_companies(company):
    published = new_product(company, title="Published")
    new_product(company, title="Draft", status="draft")
    new_product(company, title="Archived", status="archived")
    assert [p.id for p in queries.newest_products()] == [published.id]
    assert queries.browse_products().total == 1
    assert queries.section_counts() == {"II": 1}
    set_company_hidden(company, True)
    assert queries.newest_products() == []
    assert queries.browse_products().total == 0


def test_browse_filters_and_pages(company):
    for i in range(5):
        new_product(company, title=f"Coffee {i}", hs_code="0901")
    new_product(company, title="Rice", hs_code="1006")
    new_product(company, title="Thai shrimp", hs_code="0306", origin_economy="TH")
    page = queries.browse_products(section="II", per_page=2, page=3)
    assert page.total == 6
    assert page.pages == 3
    assert len(page.items) == 2
    assert queries.browse_products(chapter="09").total == 5
    assert queries.browse_products(economy="TH").total == 1
    assert queries.chapter_counts(section="II") == {"09": 5, "10": 1}
    assert queries.economy_counts() == {"VN": 6, "TH": 1}
