"""Creating, editing and deleting listings through the real pages."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select

from exportnet.catalog.models import Product
from exportnet.extensions import db
from tests.conftest import csrf_token_from, log_in, submit

VALID = {
    "original_language": "en",
    "title": "Robusta coffee beans, grade 1",
    "description": "Wet-polished robusta from the Central Highlands.",
    "keywords": "coffee, robusta",
    "hs_code": "0901",
    "origin_economy": "VN",
    "moq": "1000",
    "moq_unit": "kg",
    "price_min": "2.10",
    "price_max": "2.60",
    "currency": "USD",
    "incoterm": "FOB",
    "incoterm_place": "Ho Chi Minh City",
    "lead_time_days": "30",
    "supply_capacity": "200",
    "supply_unit": "tonne",
    "supply_period": "month",
    "port_of_loading": "Cat Lai",
    "certifications": "UTZ, 4C",
    "status": "published",
    "image_alt": "",
}


def png_file(name="beans.png", color=(120, 80, 40)):
    out = BytesIO()
    Image.new("RGB", (60, 40), color).save(out, "PNG")
    out.seek(0)
    return (out, name)


def product_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Product))


def create(client, company_id, **changes):
    data = {**VALID, **changes}
    return submit(client, f"/en/companies/{company_id}/products/new", data)


def the_product(app) -> Product:
    with app.app_context():
        product = db.session.scalars(select(Product)).one()
        _ = product.translations, product.images, product.company
        db.session.expunge_all()
        return product


def test_owner_creates_edits_and_deletes_a_product(app, client, login_as):
    owner = login_as("exporter")
    response = create(client, owner.company_id)
    assert response.status_code == 302
    product = the_product(app)
    assert response.headers["Location"] == f"/en/products/{product.id}"
    page = client.get(f"/en/products/{product.id}").get_data(as_text=True)
    assert "Robusta coffee beans, grade 1" in page
    assert "$2.10" in page and "$2.60" in page
    assert "Contact supplier" in page

    edit_url = f"/en/products/{product.id}/edit"
    form = client.get(edit_url).get_data(as_text=True)
    assert 'value="Robusta coffee beans, grade 1"' in form
    assert 'value="0901"' in form
    response = submit(client, edit_url, {**VALID, "title": "Arabica", "hs_code": "09"})
    assert response.status_code == 302
    edited = the_product(app)
    assert edited.translation("en").title == "Arabica"
    assert (edited.hs_chapter, edited.hs_heading) == ("09", None)

    delete_url = f"/en/products/{product.id}/delete"
    confirm = client.get(delete_url)
    assert confirm.status_code == 200
    assert "cannot be undone" in confirm.get_data(as_text=True)
    assert submit(client, delete_url, {}).status_code == 302
    assert product_count(app) == 0
    assert client.get(f"/en/products/{product.id}").status_code == 404


def test_delete_needs_a_post_with_csrf(app, client, login_as):
    owner = login_as("exporter")
    create(client, owner.company_id)
    product = the_product(app)
    assert client.post(f"/en/products/{product.id}/delete").status_code == 400
    assert product_count(app) == 1


@pytest.fixture
def owner_product(app, make_user):
    """A published listing created through the pages by its owner, in another browser."""
    owner = make_user("exporter", company="Owner Co")
    browser = app.test_client()
    log_in(browser, owner.email)
    assert create(browser, owner.company_id).status_code == 302
    return owner, the_product(app)


@pytest.mark.parametrize(
    "intruder",
    [None, "buyer", "exporter", "agency"],
    ids=["stranger", "buyer", "other-exporter", "agency"],
)
def test_others_get_404_and_nothing_changes(app, client, make_user, owner_product, intruder):
    owner, product = owner_product
    token_page = "/en/login"
    if intruder:
        other = make_user(intruder, company="Other Co" if intruder == "exporter" else None)
        log_in(client, other.email)
        token_page = "/en/products"
    token = csrf_token_from(client.get(token_page).get_data(as_text=True))
    urls = [
        f"/en/products/{product.id}/edit",
        f"/en/products/{product.id}/delete",
        f"/en/products/{product.id}/translations/new",
        f"/en/products/{product.id}/translations/en",
        f"/en/companies/{owner.company_id}/products/new",
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        response = client.post(url, data={**VALID, "title": "Hacked", "csrf_token": token})
        assert response.status_code == 404, url
    for url in (
        f"/en/products/{product.id}/translations/en/remove",
        f"/en/products/{product.id}/images/1/remove",
    ):
        assert client.post(url, data={"csrf_token": token}).status_code == 404
    assert product_count(app) == 1
    assert the_product(app).translation("en").title == VALID["title"]


def test_admin_can_edit_any_product(app, client, login_as, owner_product):
    _owner, product = owner_product
    login_as("admin")
    response = submit(client, f"/en/products/{product.id}/edit", {**VALID, "title": "By admin"})
    assert response.status_code == 302
    assert the_product(app).translation("en").title == "By admin"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"moq": "-5"}, "Enter zero or a positive number."),
        (
            {"price_min": "9", "price_max": "3"},
            "The minimum price cannot be higher than the maximum price.",
        ),
        ({"hs_code": "9999"}, "Unknown HS code."),
        ({"currency": "XYZ"}, "Unknown currency."),
        ({"title": "x" * 201}, "The title can have at most 200 characters."),
        ({"incoterm": "XXX"}, "Choose an Incoterm from the list."),
        ({"moq": "lots"}, "Enter a number, such as 1500 or 12.5."),
        ({"title": ""}, "Give the product a title."),
    ],
)
def test_validation_messages_keep_what_was_typed(app, client, login_as, changes, message):
    owner = login_as("exporter")
    response = create(client, owner.company_id, **changes)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page
    assert "Please correct the errors below." in page
    for name in ("description", "incoterm_place", "port_of_loading"):
        if name not in changes:
            assert VALID[name] in page
    for name, value in changes.items():
        if value and name != "incoterm":
            assert f'value="{value}"' in page
    assert product_count(app) == 0


def test_validation_messages_are_translated(app, client, login_as):
    owner = login_as("exporter")
    english = create(client, owner.company_id, currency="XYZ").get_data(as_text=True)
    thai = submit(
        client, f"/th/companies/{owner.company_id}/products/new", {**VALID, "currency": "XYZ"}
    ).get_data(as_text=True)
    assert "Unknown currency" in english
    assert 'lang="th"' in thai
    assert product_count(app) == 0


def test_uploaded_picture_shows_as_a_thumbnail(app, client, login_as):
    owner = login_as("exporter")
    response = create(client, owner.company_id, pictures=[png_file()], image_alt="Green beans")
    assert response.status_code == 302
    product = the_product(app)
    assert len(product.images) == 1
    key = product.images[0].media_key
    edit_page = client.get(f"/en/products/{product.id}/edit").get_data(as_text=True)
    assert f"/media/{key}/thumb.jpg" in edit_page
    thumb = client.get(f"/media/{key}/thumb.jpg")
    assert thumb.status_code == 200
    assert thumb.mimetype == "image/jpeg"
    public = client.get(f"/en/products/{product.id}").get_data(as_text=True)
    assert f"/media/{key}/" in public and 'alt="Green beans"' in public

    remove_url = f"/en/products/{product.id}/images/{product.images[0].id}/remove"
    token = csrf_token_from(edit_page)
    assert client.post(remove_url, data={"csrf_token": token}).status_code == 302
    assert the_product(app).images == []


def test_a_non_image_upload_is_refused_and_the_form_is_kept(app, client, login_as):
    owner = login_as("exporter")
    fake = (BytesIO(b"%PDF-1.4 not a picture"), "brochure.png")
    response = create(client, owner.company_id, pictures=[fake])
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "This file is not a picture we can read." in page
    assert 'value="Robusta coffee beans, grade 1"' in page
    assert VALID["description"] in page
    assert product_count(app) == 0


def test_more_than_eight_pictures_are_refused(app, client, login_as):
    owner = login_as("exporter")
    create(client, owner.company_id, pictures=[png_file(f"{i}.png", (i, 0, 0)) for i in range(5)])
    product = the_product(app)
    assert len(product.images) == 5
    edit_url = f"/en/products/{product.id}/edit"
    more = [png_file(f"m{i}.png", (0, i, 0)) for i in range(4)]
    response = submit(client, edit_url, {**VALID, "title": "Changed", "pictures": more})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "A product can have at most 8 pictures." in page
    assert 'value="Changed"' in page
    unchanged = the_product(app)
    assert len(unchanged.images) == 5
    assert unchanged.translation("en").title == VALID["title"]
    three = [png_file(f"t{i}.png", (0, 0, i)) for i in range(3)]
    assert submit(client, edit_url, {**VALID, "pictures": three}).status_code == 302
    assert len(the_product(app).images) == 8


def test_translations_add_edit_remove_and_original_stays(app, client, login_as):
    owner = login_as("exporter")
    create(client, owner.company_id, original_language="vi", title="Cà phê Robusta")
    product = the_product(app)
    new_url = f"/en/products/{product.id}/translations/new"
    response = submit(client, new_url, {"lang": "ja", "title": "ロブスタコーヒー"})
    assert response.status_code == 302
    assert the_product(app).translation("ja").title == "ロブスタコーヒー"
    assert "ロブスタコーヒー" in client.get(f"/ja/products/{product.id}").get_data(as_text=True)

    edit_url = f"/en/products/{product.id}/translations/ja"
    response = submit(client, edit_url, {"title": "ロブスタ珈琲", "description": "説明"})
    assert response.status_code == 302
    assert the_product(app).translation("ja").description == "説明"

    too_long = submit(client, edit_url, {"title": "長" * 201})
    assert "The title can have at most 200 characters." in too_long.get_data(as_text=True)

    edit_page = client.get(f"/en/products/{product.id}/edit").get_data(as_text=True)
    token = csrf_token_from(edit_page)
    assert f"/en/products/{product.id}/translations/vi/remove" not in edit_page
    original = client.post(
        f"/en/products/{product.id}/translations/vi/remove",
        data={"csrf_token": token},
        follow_redirects=True,
    )
    assert "The original language version cannot be removed." in original.get_data(as_text=True)
    client.post(f"/en/products/{product.id}/translations/ja/remove", data={"csrf_token": token})
    assert [t.lang for t in the_product(app).translations] == ["vi"]
