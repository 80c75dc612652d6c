"""Importing and exporting products as CSV on the exporter's pages."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from exportnet.accounts.models import Role
from exportnet.catalog import csv_import
from exportnet.catalog.models import Product, ProductTranslation
from exportnet.catalog.services import _apply_text as apply_text
from exportnet.extensions import db
from exportnet.search.outbox import SearchOutbox
from exportnet.search.query import search
from exportnet.search.wiring import search_index
from tests.conftest import submit
from tests.functional.test_api_support import count

DATA = Path(__file__).resolve().parents[1] / "data" / "csv"
IMPORT = "/en/my/products/import"


def upload(client, data: bytes | str, name: str = "products.csv"):
    raw = data.encode() if isinstance(data, str) else data
    return submit(client, IMPORT, {"file": (io.BytesIO(raw), name)},
                  content_type="multipart/form-data")  # fmt: skip


def problems(response) -> list[tuple[str, str, str]]:
    html = response.get_data(as_text=True)
    section = html.split('id="import-problems"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<tr><td>(\d+)</td><td><code>([^<]*)</code></td><td>([^<]*)</td></tr>",
                      section)  # fmt: skip
    return [(row, column, message.replace("&#39;", "'")) for row, column, message in rows]


def products(app) -> list[Product]:
    with app.app_context():
        found = list(db.session.scalars(select(Product).order_by(Product.id)))
        for product in found:
            _ = product.translations
        db.session.expunge_all()
        return found


def test_only_exporters_with_a_company_see_the_csv_pages(client, login_as):
    for path in (IMPORT, "/en/my/products/template.csv", "/en/my/products/export.csv"):
        assert client.get(path).status_code == 404
    login_as(Role.BUYER)
    assert client.get(IMPORT).status_code == 404


def test_the_page_documents_the_columns_and_links_the_files(client, login_as):
    login_as(Role.EXPORTER)
    html = client.get(IMPORT).get_data(as_text=True)
    for column in ("original_language", "category", "price_min", "incoterm", "lead_time_days",
                   "title_zh_Hant", "keywords_my", "/en/my/products/template.csv",
                   "/en/my/products/export.csv"):  # fmt: skip
        assert column in html
    assert "<script" not in html and "style=" not in html
    assert "/en/my/products/import" in client.get("/en/my/products").get_data(as_text=True)


def test_the_template_is_the_header_row(client, login_as):
    login_as(Role.EXPORTER)
    response = client.get("/en/my/products/template.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff") and text.count("\r\n") == 1
    header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header[:4] == ["id", "original_language", "category", "origin_economy"]
    assert len(header) == 18 + 13 * 3


def test_all_thirteen_languages_in_one_file(app, client, login_as):
    user = login_as(Role.EXPORTER, economy="VN")
    response = upload(client, (DATA / "all_languages.csv").read_bytes())
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Imported: 14 new products, 0 updated." in page
    found = products(app)
    assert len(found) == 14 and {p.company_id for p in found} == {user.company_id}
    assert sorted(p.original_language for p in found[:13]) == sorted(
        ["en", "ko", "ja", "zh_Hans", "zh_Hant", "th", "vi", "id", "ms", "fil", "km", "lo", "my"]
    )
    every = found[13]
    assert len(every.translations) == 13 and every.original_language == "vi"
    khmer = next(p for p in found if p.original_language == "km")
    assert khmer.translations[0].title == "កាហ្វេរ៉ូប៊ូស្តាលីង"
    assert str(khmer.price_max) == "2.25" and khmer.incoterm == "FOB" and khmer.is_published
    with app.app_context():  # searchable as soon as the upload returned
        assert search(search_index(), "ກາເຟ", filters={"kind": "product"}).total == 14


def test_quoting_with_commas_newlines_and_quotes(app, client, login_as):
    login_as(Role.EXPORTER)
    assert upload(client, (DATA / "quoting.csv").read_bytes()).status_code == 302
    first, second = products(app)
    assert first.incoterm_place == "Phnom Penh, Cambodia"
    assert first.translations[0].title == 'Kampot pepper, "red" grade'
    assert first.translations[0].description == 'Line one\r\nLine two, with a comma\nand "quotes"'
    assert first.translations[0].keywords == "pepper, kampot"
    assert second.translations[0].title == "=1+1 is not a formula"


def test_a_wrong_delimiter_is_explained_and_nothing_imported(app, client, login_as):
    login_as(Role.EXPORTER)
    response = upload(client, (DATA / "semicolons.csv").read_bytes())
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Nothing was imported" in html
    assert "The columns are separated by semicolons, not commas." in html
    assert "CSV UTF-8 (comma delimited)" in html
    with app.app_context():
        assert count(Product) == 0


def test_missing_columns_are_named(client, login_as):
    login_as(Role.EXPORTER)
    html = upload(client, "title_en,price_min\nPepper,2\n").get_data(as_text=True)
    assert "Missing columns: original_language, category." in html


def test_every_problem_is_listed_by_row_and_column(app, client, login_as):
    login_as(Role.EXPORTER)
    rows = [
        "original_language,category,moq,price_min,price_max,currency,lead_time_days,title_en,"
        "title_th",
        "en,0901,1 500,2,1,USD,30,Coffee,",  # moq with a space is fine; price range is not
        "en,0901,1.500,1,2,usd,thirty,Coffee,",
        'en,0901,"1,5",abc,,,,Coffee,',
        "th,9999,,,,,,," + "x" * 201,
        "xx,0901,,-1,,,,Tea,",
        "en,0901,,,,,,,",
    ]
    response = upload(client, "\n".join(rows) + "\n")
    assert response.status_code == 200
    assert problems(response) == [
        ("2", "price_min", "The minimum price cannot be higher than the maximum price."),
        ("3", "lead_time_days", "Enter a whole number, such as 30."),
        ("4", "moq", "Enter a number, such as 1500 or 12.5."),
        ("4", "price_min", "Enter a number, such as 1500 or 12.5."),
        ("5", "category", "Unknown HS code. Give a 2-digit chapter or a 4-digit heading, "
                          "such as 09 or 0901."),
        ("5", "title_th", "The title can have at most 200 characters."),
        ("6", "original_language", "Choose one of: en, ko, ja, zh_Hans, zh_Hant, th, vi, id, ms, "
                                   "fil, km, lo, my."),
        ("6", "price_min", "Enter zero or a positive number."),
        ("7", "title_en", "Give the product a title."),
    ]  # fmt: skip
    assert "The file has 9 problems." in response.get_data(as_text=True)
    with app.app_context():
        assert count(Product) == 0 and count(ProductTranslation) == 0


def test_one_bad_row_imports_nothing(app, client, login_as):
    login_as(Role.EXPORTER)
    good = "".join(f"en,0901,Coffee {i}\n" for i in range(50))
    response = upload(client, "original_language,category,title_en\n" + good + "en,0901,\n")
    assert problems(response) == [("52", "title_en", "Give the product a title.")]
    with app.app_context():
        assert count(Product) == 0
        assert search(search_index(), "coffee").total == 0


def test_export_round_trips_through_import(app, client, login_as):
    login_as(Role.EXPORTER)
    assert upload(client, (DATA / "all_languages.csv").read_bytes()).status_code == 302
    assert upload(client, (DATA / "quoting.csv").read_bytes()).status_code == 302
    before = client.get("/en/my/products/export.csv").get_data()
    assert before.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, for Excel

    response = upload(client, before)  # the export, unchanged: every row updates itself
    assert response.status_code == 302
    assert "0 new products, 16 updated" in client.get("/en/my/products").get_data(as_text=True)
    after = client.get("/en/my/products/export.csv").get_data()
    assert after == before

    without_ids = "\n".join(line.split(",", 1)[1] for line in
                            before.decode("utf-8-sig").splitlines())  # fmt: skip
    # (the id column holds no commas, so cutting it off keeps the rest of each line)
    assert upload(client, without_ids.encode()).status_code == 302
    found = products(app)
    assert len(found) == 32
    original, copy = found[0], found[16]
    assert (copy.hs_heading, copy.moq, copy.price_max, copy.status) == (
        original.hs_heading, original.moq, original.price_max, original.status)  # fmt: skip
    assert [(t.lang, t.title, t.description) for t in copy.translations] == [
        (t.lang, t.title, t.description) for t in original.translations
    ]


def test_updates_change_terms_and_remove_emptied_languages(app, client, login_as):
    login_as(Role.EXPORTER)
    upload(client, "original_language,category,price_min,currency,title_en,title_ja\n"
                   "en,0901,1,USD,Coffee,コーヒー\n")  # fmt: skip
    (product,) = products(app)
    response = upload(client, "id,original_language,category,price_min,currency,title_en,"
                              f"title_ja\n{product.id},en,0902,3.5,USD,Tea,\n")  # fmt: skip
    assert response.status_code == 302
    (product,) = products(app)
    assert product.hs_heading == "0902" and str(product.price_min) == "3.50"
    assert [(t.lang, t.title) for t in product.translations] == [("en", "Tea")]


def test_ids_of_other_companies_products_are_refused(app, client, login_as, make_user):
    other = login_as(Role.EXPORTER)
    upload(client, "original_language,category,title_en\nen,0901,Theirs\n")
    (theirs,) = products(app)
    client.post("/en/logout", data={})
    client.delete_cookie("session")
    login_as(Role.EXPORTER)
    response = upload(client, f"id,original_language,category,title_en\n{theirs.id},en,09,Mine\n")
    assert problems(response)[0][:2] == ("2", "id")
    (unchanged,) = products(app)
    assert unchanged.translations[0].title == "Theirs" and unchanged.company_id == other.company_id


def test_the_upload_needs_its_csrf_token(app, client, login_as):
    login_as(Role.EXPORTER)
    data = {"file": (io.BytesIO(b"original_language,category,title_en\nen,09,x\n"), "p.csv")}
    response = client.post(IMPORT, data=data, content_type="multipart/form-data")
    assert response.status_code in (200, 400)
    with app.app_context():
        assert count(Product) == 0


def test_no_file_chosen(client, login_as):
    login_as(Role.EXPORTER)
    response = submit(client, IMPORT, {})
    assert response.status_code == 200
    assert "Choose a CSV file to upload." in response.get_data(as_text=True)


@pytest.mark.parametrize("app_config", [{"PROPAGATE_EXCEPTIONS": False}])
def test_a_failure_while_writing_leaves_nothing_behind(app, client, login_as, monkeypatch):
    """Rows are written in one transaction: a crash at row 30 of 40 rolls back all of them."""
    login_as(Role.EXPORTER)
    written = []

    def failing_apply_text(translation, text):
        written.append(text)
        if len(written) == 30:
            raise RuntimeError("disk full")
        apply_text(translation, text)

    monkeypatch.setattr(csv_import, "apply_text", failing_apply_text)
    rows = "".join(f"en,0901,Coffee {i}\n" for i in range(40))
    with app.app_context():
        outbox_before = count(SearchOutbox)
    response = upload(client, "original_language,category,title_en\n" + rows)
    assert response.status_code == 500
    with app.app_context():
        assert count(Product) == 0 and count(ProductTranslation) == 0
        assert count(SearchOutbox) == outbox_before
        assert search(search_index(), "coffee").total == 0
