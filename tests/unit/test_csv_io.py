"""Reading and writing the product CSV format (no database needed)."""

from __future__ import annotations

import codecs
import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from exportnet.catalog import csv_io
from exportnet.catalog.csv_io import CsvFileError, read_table

DATA = Path(__file__).resolve().parents[1] / "data" / "csv"


def table_of(text: str, max_rows: int = 100, encoding: str = "utf-8") -> csv_io.Table:
    return read_table(text.encode(encoding), max_rows)


def refusal(app, data: bytes) -> str:
    with app.test_request_context():
        with pytest.raises(CsvFileError) as caught:
            read_table(data, 100)
        return str(caught.value.message)


def test_utf8_with_and_without_bom_read_alike():
    text = "original_language,category,title_vi\nvi,0901,Cà phê\n"
    plain = table_of(text)
    with_bom = read_table(codecs.BOM_UTF8 + text.encode(), 100)
    assert plain.rows == with_bom.rows == [(2, {"original_language": "vi", "category": "0901",
                                                "title_vi": "Cà phê"})]  # fmt: skip


def test_utf16_with_bom_is_read_too():
    text = "original_language,category,title_th\r\nth,1006,ข้าวหอมมะลิ\r\n"
    table = read_table(text.encode("utf-16"), 100)
    assert table.rows[0][1]["title_th"] == "ข้าวหอมมะลิ"


def test_excel_quoting_commas_newlines_and_quotes():
    table = read_table((DATA / "quoting.csv").read_bytes(), 100)
    (first_number, first), (second_number, second) = table.rows
    assert first_number == 2 and second_number == 3  # a row with line breaks is one row
    assert first["incoterm_place"] == "Phnom Penh, Cambodia"
    assert first["title_en"] == 'Kampot pepper, "red" grade'
    assert first["description_en"] == 'Line one\r\nLine two, with a comma\nand "quotes"'
    assert second["title_en"] == "=1+1 is not a formula"


def test_header_names_are_forgiving_about_case_spaces_and_hyphens():
    table = table_of(" Original_Language ,CATEGORY,Title_zh-Hant\nzh-Hant,0902,烏龍茶\n")
    assert table.columns == ["original_language", "category", "title_zh_Hant"]


def test_blank_rows_are_skipped_and_row_numbers_kept():
    table = table_of("original_language,category\n\nen,09\n,\n en , 10 \n")
    assert [(n, cells["category"]) for n, cells in table.rows] == [(3, "09"), (5, "10")]


def test_rows_with_too_many_cells_are_reported_not_guessed():
    table = table_of("original_language,category\nen,09,extra\nen,10\n")
    assert table.ragged == [(2, 3)] and [n for n, _ in table.rows] == [3]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ((DATA / "semicolons.csv").read_bytes(), "separated by semicolons"),
        (b"original_language\tcategory\nen\t09\n", "separated by tabs"),
        (b"sep=;\noriginal_language;category\n", "separated by semicolons"),
        ("original_language,category\nen,09,Cà phê\n".encode("cp1258"), "not UTF-8"),
        (b"", "empty"),
        (b"original_language,category\n", "no products"),
        (b"original_language,category,colour\nen,09,red\n", "Unknown columns: colour"),
        (b"original_language,title_en\nen,x\n", "Missing columns: category"),
        (b"original_language,category,Category\nen,09,09\n", "named twice: category"),
    ],
)
def test_files_that_are_not_product_tables_are_refused_with_a_reason(app, data, expected):
    assert expected in refusal(app, data)


def test_excels_comma_hint_line_is_accepted():
    table = table_of("sep=,\noriginal_language,category\nen,09\n")
    assert table.rows[0][1]["category"] == "09"


def test_at_most_max_rows(app):
    text = "original_language,category\n" + "en,09\n" * 4
    assert len(table_of(text, max_rows=4).rows) == 4
    with app.test_request_context(), pytest.raises(CsvFileError) as caught:
        read_table(text.encode() + b"en,09\n", 4)
    assert "at most 4 products" in str(caught.value.message)


def test_writing_escapes_formulas_and_reading_restores_them():
    rows = [{"original_language": "en", "category": "0904", "title_en": "=HYPERLINK()",
             "description_en": "- bullet\n- list", "keywords_en": "@home", "moq": "5"}]  # fmt: skip
    text = "".join(csv_io.write_table(rows))
    assert text.startswith("\ufeffid,original_language,category,")
    cells = next(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert cells["title_en"] == "'=HYPERLINK()" and cells["keywords_en"] == "'@home"
    back = read_table(text.encode(), 10).rows[0][1]
    assert back["title_en"] == "=HYPERLINK()" and back["description_en"] == "- bullet\n- list"
    assert back["keywords_en"] == "@home" and back["moq"] == "5"


def test_numbers_are_written_plainly():
    assert csv_io.plain_number(Decimal("100.000")) == "100"
    assert csv_io.plain_number(Decimal("1.50")) == "1.5"
    assert csv_io.plain_number(Decimal("1E+3")) == "1000"
    assert csv_io.plain_number(None) == "" and csv_io.plain_number(30) == "30"


def test_the_documented_columns():
    assert csv_io.COLUMNS[:3] == ("id", "original_language", "category")
    assert len(csv_io.TEXT_COLUMNS) == 13 * 3
    assert {"title_zh_Hans", "description_km", "keywords_my"} <= set(csv_io.COLUMNS)
