"""Synthetic listings for benchmarks, composed from the word lists in data/words.json.

`seed_generated_products(n)` adds n listings: a good (with its HS heading, unit, order
and price ranges) offered by a company working in its HS chapter, a qualifier and the
origin, written in the economy's language with an English version, a quarter also in
Japanese, Korean or Chinese. They carry no pictures.

Rows go in with bulk INSERTs, CHUNK listings per transaction. Bulk statements bypass the
ORM flush, so the search outbox does not see them: rebuild the index afterwards
(`rebuild_search_index()`, or `exportnet search rebuild`).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from babel import Locale
from babel.numbers import get_group_symbol
from sqlalchemy import insert, select

from exportnet.catalog import rules
from exportnet.catalog.models import Product, ProductTranslation
from exportnet.catalog.terms import Status
from exportnet.companies.models import Company, CompanyIndustry
from exportnet.database import unit_of_work
from exportnet.demo.catalog import DATA_DIR, ECONOMY_LANGUAGES
from exportnet.extensions import db
from exportnet.search.sync import rebuild
from exportnet.search.wiring import search_index
from exportnet.timeutil import utcnow

CHUNK = 5000
EXTRA_LANGUAGES = ("ja", "ko", "zh_Hans")
INCOTERMS = ("FOB", "FOB", "FOB", "FOB", "CIF", "CFR", "EXW", "FCA")
LEAD_DAYS = (7, 10, 14, 21, 30, 45, 60)
BABEL_LOCALES = {"zh_Hans": "zh_Hans_CN"}
Json = dict[str, Any]


@cache
def words() -> Json:
    return json.loads((DATA_DIR / "words.json").read_text(encoding="utf-8"))


@cache
def _territory(lang: str, economy: str) -> str:
    return Locale.parse(BABEL_LOCALES.get(lang, lang)).territories[economy]


@cache
def _group(lang: str) -> str:
    return get_group_symbol(BABEL_LOCALES.get(lang, lang))


def _number(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", _group(lang))


@cache
def _hs_path(code: str) -> tuple[str, str, str | None]:
    return rules.hs_path(code)


@dataclass
class Listing:
    row: Json
    texts: list[Json]


def seed_generated_products(n: int, seed: int = 1) -> int:
    """Add n synthetic listings in bulk; returns how many were added."""
    rng = random.Random(seed)
    exporters = _exporters_by_chapter()
    made = 0
    while made < n:
        listings = [_listing(rng, exporters) for _ in range(min(CHUNK, n - made))]
        with unit_of_work() as session:
            statement = insert(Product).returning(Product.id, sort_by_parameter_order=True)
            ids = session.scalars(statement, [listing.row for listing in listings]).all()
            texts = [
                {**text, "product_id": product_id}
                for product_id, listing in zip(ids, listings, strict=True)
                for text in listing.texts
            ]
            session.execute(insert(ProductTranslation), texts)
        made += len(listings)
    return made


def rebuild_search_index() -> int:
    """Rebuild this node's search index from the database; returns the document count."""
    return rebuild(search_index())


Exporter = tuple[int, str, str]  # id, name, economy


def _exporters_by_chapter() -> dict[str, list[Exporter]]:
    """Visible companies by HS chapter they work in ("" holds them all).

    With no company at all, one generated exporter per member economy is added first.
    """
    if not db.session.scalar(select(Company.id).limit(1)):
        chapters = sorted({good["hs"][:2] for good in words()["goods"]})
        with unit_of_work() as session:
            session.add_all(
                Company(
                    name=f"{_territory('en', economy)} Export Trading Co.",
                    economy=economy,
                    original_language="en",
                    industries=[CompanyIndustry(hs_chapter=chapter) for chapter in chapters],
                )
                for economy in ECONOMY_LANGUAGES
            )
    query = (
        select(Company.id, Company.name, Company.economy, CompanyIndustry.hs_chapter)
        .outerjoin(CompanyIndustry, CompanyIndustry.company_id == Company.id)
        .where(Company.hidden.is_(False), Company.economy.in_(ECONOMY_LANGUAGES))
    )
    found: dict[str, list[Exporter]] = {"": []}
    seen: set[int] = set()
    for company_id, name, economy, chapter in db.session.execute(query):
        if company_id not in seen:
            seen.add(company_id)
            found[""].append((company_id, name, economy))
        if chapter:
            found.setdefault(chapter, []).append((company_id, name, economy))
    return found


def _listing(rng: random.Random, exporters: dict[str, list[Exporter]]) -> Listing:
    good = rng.choice(words()["goods"])
    section, chapter, heading = _hs_path(good["hs"])
    company_id, company_name, economy = rng.choice(exporters.get(chapter) or exporters[""])
    moq = rng.randint(*good["moq"])
    low, high = good["price"]
    price_min = round(rng.uniform(low, high), 2)
    price_max = round(price_min * rng.uniform(1.0, 1.25), 2)
    supply = moq * rng.choice((5, 10, 20, 50, 100))
    when = utcnow() - timedelta(minutes=rng.randint(0, 60 * 24 * 365))
    status = Status.DRAFT.value if rng.random() < 0.03 else Status.PUBLISHED.value
    terms = {
        "moq": moq,
        "supply": supply,
        "unit": good["unit"],
        "lead": rng.choice(LEAD_DAYS),
        "incoterm": "FCA" if economy == "LA" else rng.choice(INCOTERMS),
        "port": rng.choice(words()["ports"][economy]),
        "company": company_name,
        "qualifier": rng.randrange(len(words()["qualifiers"]["en"])),
    }
    row = {
        "company_id": company_id,
        "original_language": "",
        "hs_section": section,
        "hs_chapter": chapter,
        "hs_heading": heading,
        "moq": Decimal(moq),
        "moq_unit": good["unit"],
        "price_min": Decimal(str(price_min)),
        "price_max": Decimal(str(price_max)),
        "currency": "USD",
        "incoterm": terms["incoterm"],
        "incoterm_place": terms["port"],
        "lead_time_days": terms["lead"],
        "supply_capacity": Decimal(supply),
        "supply_unit": good["unit"],
        "supply_period": "month",
        "port_of_loading": terms["port"],
        "origin_economy": economy,
        "certifications": "",
        "status": status,
        "created_at": when,
        "updated_at": when,
        "published_at": when if status == Status.PUBLISHED.value else None,
    }
    languages = _languages(rng, economy)
    row["original_language"] = languages[0]
    texts = [_text(lang, good, economy, terms) for lang in languages]
    return Listing(row, texts)


def _languages(rng: random.Random, economy: str) -> list[str]:
    original = rng.choice(ECONOMY_LANGUAGES[economy])
    languages = [original, "en" if original != "en" else rng.choice(EXTRA_LANGUAGES)]
    if rng.random() < 0.25:
        extra = rng.choice([lang for lang in EXTRA_LANGUAGES if lang not in languages])
        languages.append(extra)
    return languages


def _text(lang: str, good: Json, economy: str, terms: Json) -> Json:
    vocabulary = words()
    name = good["names"][lang]
    origin = _territory(lang, economy)
    qualifier = vocabulary["qualifiers"][lang][terms["qualifier"]]
    unit = vocabulary["units"][lang][terms["unit"]]
    title = vocabulary["title"][lang].format(good=name, qualifier=qualifier, origin=origin)
    details = {
        "good": name,
        "origin": origin,
        "company": terms["company"],
        "moq": _number(terms["moq"], lang),
        "unit": unit,
        "incoterm": terms["incoterm"],
        "port": terms["port"],
    }
    first = vocabulary["description"][lang].format(**details)
    second = vocabulary["terms_sentence"][lang].format(
        lead=terms["lead"], supply=_number(terms["supply"], lang), unit=unit
    )
    joiner = "" if lang in ("ja", "zh_Hans") else " "
    return {
        "lang": lang,
        "title": title[:200],
        "description": first + joiner + second,
        "keywords": ", ".join((name, origin, qualifier)),
    }
