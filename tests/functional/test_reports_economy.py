"""The economy report counts known data right, draws accessible SVG beside its tables,
and every table downloads as CSV with exactly the rows the page shows."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta

import pytest

from exportnet.reports import queries
from exportnet.timeutil import utcnow
from tests.functional.test_agency_support import (
    add_inquiry,
    add_notice,
    add_post,
    add_product,
    set_company,
    set_product,
)
from tests.functional.test_reports_support import tables_of


@pytest.fixture
def known(app, make_user):
    """Two visible Thai companies (one verified), a hidden one, a Vietnamese one."""
    a = make_user("exporter", company="Thai A", economy="TH")
    b = make_user("exporter", company="Thai B", economy="TH")
    c = make_user("exporter", company="Thai Hidden", economy="TH")
    d = make_user("exporter", company="Viet D", economy="VN")
    set_company(app, a.company_id, verified_at=utcnow())
    set_company(app, c.company_id, hidden=True)
    months = queries.last_months()
    rice1 = add_product(app, a.company_id, "Rice 1", "1006")
    add_product(app, a.company_id, "Rice 2", "1006")
    fish = add_product(app, a.company_id, "Fish", "0302")
    add_product(app, a.company_id, "Draft", "1006", status="draft")
    add_product(app, b.company_id, "Cotton", "5208", translations={"th": "ผ้าฝ้าย"})
    add_product(app, c.company_id, "Hidden rice", "1006")
    add_product(app, d.company_id, "Cà phê", "0901", lang="vi", translations={"en": "Coffee"})
    three_ago = months[-4]
    set_product(app, rice1, published_at=datetime(three_ago[0], three_ago[1], 15, 9))
    set_product(
        app, fish, published_at=datetime(months[0][0], months[0][1], 1) - timedelta(days=20)
    )

    today = utcnow().date()
    add_notice(app, a, "TH", "selling_offer", company_id=a.company_id)
    add_notice(app, a, "TH", "selling_offer", company_id=a.company_id)
    buyer = make_user("buyer")
    add_notice(app, buyer, "TH", "buying_request")
    add_notice(app, buyer, "TH", "buying_request", valid_until=today - timedelta(days=1))
    add_notice(app, buyer, "TH", "partnership", status="draft")
    agency = make_user("agency")
    add_notice(app, agency, "VN", "trade_event")
    add_post(app, agency, ["TH", "VN"])
    add_post(app, agency, ["TH"])
    add_post(app, agency, ["TH"], status="draft")
    add_post(app, agency, ["TH"], publish_on=today + timedelta(days=3))
    add_inquiry(app, buyer, a.company_id, reply_after=timedelta(hours=2))
    add_inquiry(app, buyer, a.company_id, reply_after=timedelta(hours=5))
    add_inquiry(app, buyer, b.company_id)
    return {"months": months, "three_ago": three_ago}


def test_figures_from_the_queries(app, known):
    with app.app_context():
        assert queries.companies() == {"TH": (2, 1), "VN": (1, 0)}
        assert queries.products_by_section() == {
            "TH": {"I": 1, "II": 2, "XI": 1},
            "VN": {"II": 1},
        }
        assert queries.listing_languages() == {"TH": {"en": 4, "th": 1}, "VN": {"vi": 1, "en": 1}}
        assert queries.active_notices() == {
            "TH": {"selling_offer": 2, "buying_request": 1},
            "VN": {"trade_event": 1},
        }
        assert queries.board_posts() == {"TH": 2, "VN": 1}
        assert queries.inquiries() == {"TH": (3, 2)}
        growth = queries.new_products_by_month()
        this_month = known["months"][-1]
        assert growth["TH"] == {this_month: 2, known["three_ago"]: 1}
        assert growth["VN"] == {this_month: 1}
        assert queries.companies("VN") == {"VN": (1, 0)}


def rows_without_header(table):
    return table[1:]


def test_economy_page_shows_the_figures(client, known):
    response = client.get("/en/reports/economies/TH")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    summary, sections, notices, languages, growth = tables_of(html)
    assert rows_without_header(summary) == [
        ["Exporter companies", "2"],
        ["Verified companies", "1"],
        ["Verified share", "50.0%"],
        ["Published products", "4"],
        ["Active trade notices", "3"],
        ["Board posts", "2"],
        ["Inquiries received", "3"],
        ["Inquiries answered", "2"],
        ["Reply rate", "66.7%"],
    ]
    assert [row[1] for row in rows_without_header(sections)] == ["1", "2", "1"]
    assert sections[1][0].startswith("I ") and sections[3][0].startswith("XI ")
    assert rows_without_header(notices) == [
        ["Selling offer", "2"],
        ["Buying request", "1"],
        ["Partnership / distributor wanted", "0"],
        ["Trade event", "0"],
    ]
    assert rows_without_header(languages) == [["English", "4"], ["Thai", "1"]]
    assert len(rows_without_header(growth)) == 12
    assert growth[-1] == ["-".join(f"{n:02d}" for n in known["months"][-1]), "2"]


def test_an_economy_without_figures_says_so(client, known):
    html = client.get("/en/reports/economies/BN").get_data(as_text=True)
    summary = tables_of(html)[0]
    assert ["Reply rate", "–"] in summary
    assert "No figures yet." in html


def normalized(cell: str) -> str:
    return cell.replace(",", "").replace("%", "").replace("–", "").strip()


def csv_links(html: str) -> list[str]:
    return re.findall(r'href="(/en/reports/economies/[^"]+\.csv)"', html)


@pytest.mark.parametrize("page", ["/en/reports/economies/TH", "/en/reports/economies"])
def test_every_table_downloads_as_the_same_csv(client, known, page):
    html = client.get(page).get_data(as_text=True)
    tables = tables_of(html)
    links = csv_links(html)
    assert len(links) == len(tables) == 5
    for table, link in zip(tables, links, strict=True):
        response = client.get(link)
        assert response.status_code == 200
        assert response.mimetype == "text/csv"
        assert "attachment" in response.headers["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
        header = [h.removesuffix(" (%)") for h in rows[0]]
        assert header == table[0]
        assert [[normalized(c) for c in row] for row in rows[1:]] == [
            [normalized(c) for c in row] for row in table[1:]
        ]


def test_comparison_puts_all_thirteen_side_by_side(client, known):
    html = client.get("/en/reports/economies").get_data(as_text=True)
    overview, sections, notices, languages, growth = tables_of(html)
    assert len(overview) == 1 + 13
    thailand = next(row for row in overview if row[0] == "Thailand")
    assert thailand == ["Thailand", "2", "1", "50.0%", "4", "3", "2", "3", "66.7%"]
    vietnam = next(row for row in overview if row[0] == "Vietnam")
    assert vietnam == ["Vietnam", "1", "0", "0.0%", "1", "1", "1", "0", "–"]
    assert len(sections[0]) == 1 + 13 + 1  # section, 13 economies, total
    section_two = next(row for row in sections if row[0].startswith("II "))
    assert section_two[-1] == "3"
    assert len(notices) == 1 + 13
    assert languages[1][0] == "English" and languages[1][-1] == "5"
    assert growth[-1][-1] == "3"


def test_charts_are_accessible_svg_without_inline_style(client, known):
    for page in ("/en/reports/economies/TH", "/en/reports/economies", "/th/reports/economies/VN"):
        response = client.get(page)
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert "style=" not in html
        svgs = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
        assert len(svgs) >= 4
        for svg in svgs:
            opening = svg[: svg.index(">")]
            assert 'role="img"' in opening
            labelled = re.search(r'aria-labelledby="([^"]+)"', opening).group(1).split()
            for ident in labelled:
                assert f'id="{ident}"' in svg
            assert re.search(r"<title id=\"[^\"]+\">[^<]+</title>", svg)
        sections = re.findall(r'<section class="report-table".*?</section>', html, re.S)
        for section in sections:
            if "<svg" in section:
                assert "<table>" in section


def test_unknown_economies_and_tables_are_404(client, known):
    assert client.get("/en/reports/economies/US").status_code == 404
    assert client.get("/en/reports/economies/ZZ").status_code == 404
    assert client.get("/en/reports/economies/TH/nothing.csv").status_code == 404
    assert client.get("/en/reports/economies/US/summary.csv").status_code == 404
    assert client.get("/en/reports/economies/all/summary.csv").status_code == 404
    assert client.get("/en/reports/economies/all/economies.csv").status_code == 200


def test_figures_are_remembered_for_a_minute(app, client, make_user):
    exporter = make_user("exporter", economy="LA")
    add_product(app, exporter.company_id, "Lao coffee", "0901")
    first = tables_of(client.get("/en/reports/economies/LA").get_data(as_text=True))[0]
    assert ["Published products", "1"] in first
    add_product(app, exporter.company_id, "Lao silk", "5007")
    again = tables_of(client.get("/en/reports/economies/LA").get_data(as_text=True))[0]
    assert again == first
    app.config["REPORT_CACHE_SECONDS"] = 0
    fresh = tables_of(client.get("/en/reports/economies/LA").get_data(as_text=True))[0]
    assert ["Published products", "2"] in fresh
