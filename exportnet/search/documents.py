"""Search documents built from the database: one per public product and company.

Each kind is a `DocumentSource`: which rows a change touches (for the outbox), and how
to load the public documents for a batch of ids (what is not returned is deleted from
the index). Notices and board posts add their own sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from exportnet.catalog.models import Product, ProductImage, ProductTranslation
from exportnet.catalog.queries import public_products
from exportnet.companies.models import (
    Company,
    CompanyIndustry,
    CompanyTranslation,
)
from exportnet.companies.queries import public_companies
from exportnet.extensions import db
from exportnet.search.concepts import document_concepts
from exportnet.search.outbox import recorder
from exportnet.taxonomy import hs

BATCH = 500
# A company's name and visibility are part of its products' documents.
COMPANY_PRODUCTS = "company-products:"
Document = dict[str, Any]


@dataclass(frozen=True)
class DocumentSource:
    kind: str
    load: Callable[[list[int]], dict[int, Document]]
    all_ids: Callable[[], Iterable[int]]


def product_document(product: Product) -> Document:
    titles = [t.title for t in product.translations]
    bodies = [f"{t.description} {t.keywords}" for t in product.translations]
    own_text = " ".join([*titles, *bodies])
    category = product.hs_heading or product.hs_chapter
    return {
        "doc_key": f"product:{product.id}",
        "kind": "product",
        "entity_id": product.id,
        "title": " ".join(titles),
        "text": " ".join([*bodies, product.company.name]),
        "concepts": document_concepts(own_text, [category], [product.origin_economy]),
        "economy": product.origin_economy,
        "hs_section": product.hs_section,
        "hs_chapter": product.hs_chapter,
        "hs_heading": product.hs_heading,
        "verified": company_is_verified(product.company),
        "languages": [t.lang for t in product.translations],
        "created_at": product.published_at or product.created_at,
        "updated_at": product.updated_at,
    }


def company_document(company: Company) -> Document:
    descriptions = [t.description for t in company.translations]
    chapters = company.industry_codes
    return {
        "doc_key": f"company:{company.id}",
        "kind": "company",
        "entity_id": company.id,
        "title": company.name,
        "text": " ".join([*descriptions, company.city or ""]),
        "concepts": document_concepts(" ".join(descriptions), chapters, [company.economy]),
        "economy": company.economy,
        "hs_section": hs.section_for(chapters[0]) if chapters else None,
        "hs_chapter": chapters[0] if chapters else None,
        "verified": company_is_verified(company),
        "languages": [t.lang for t in company.translations] or [company.original_language],
        "created_at": company.created_at,
        "updated_at": company.updated_at,
    }


def company_is_verified(company: Company) -> bool:
    return bool(getattr(company, "verified_at", None))


def _load_products(ids: list[int]) -> dict[int, Document]:
    query = (
        public_products()
        .where(Product.id.in_(ids))
        .options(selectinload(Product.translations), selectinload(Product.company))
    )
    return {p.id: product_document(p) for p in db.session.scalars(query)}


def _load_companies(ids: list[int]) -> dict[int, Document]:
    query = (
        public_companies()
        .where(Company.id.in_(ids))
        .options(selectinload(Company.translations), selectinload(Company.industries))
    )
    return {c.id: company_document(c) for c in db.session.scalars(query)}


def _ids(query: Any) -> list[int]:
    return list(db.session.scalars(query))


SOURCES: dict[str, DocumentSource] = {
    "product": DocumentSource(
        "product", _load_products, lambda: _ids(select(Product.id).order_by(Product.id))
    ),
    "company": DocumentSource(
        "company", _load_companies, lambda: _ids(select(Company.id).order_by(Company.id))
    ),
}


def register_source(source: DocumentSource) -> None:
    SOURCES[source.kind] = source


# "company-products:7" stands for the documents of every product of company 7.
EXPANDERS: dict[str, Callable[[int], Iterable[str]]] = {}


def register_expander(prefix: str, expand: Callable[[int], Iterable[str]]) -> None:
    EXPANDERS[prefix] = expand


def expand_keys(doc_keys: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for key in doc_keys:
        prefix, _, raw_id = key.rpartition(":")
        expand = EXPANDERS.get(prefix + ":")
        if expand is None:
            keys.add(key)
        elif raw_id.isdigit():
            keys.update(expand(int(raw_id)))
    return keys


def _company_product_keys(company_id: int) -> list[str]:
    query = select(Product.id).where(Product.company_id == company_id)
    return [f"product:{i}" for i in db.session.scalars(query)]


def parse_key(doc_key: str) -> tuple[str, int] | None:
    kind, _, raw_id = doc_key.partition(":")
    if kind not in SOURCES or not raw_id.isdigit():
        return None
    return kind, int(raw_id)


def load_documents(doc_keys: Iterable[str]) -> tuple[list[Document], list[str]]:
    """Current documents for these keys, and the keys that are no longer public."""
    wanted: dict[str, set[int]] = {}
    for key in expand_keys(doc_keys):
        parsed = parse_key(key)
        if parsed:
            wanted.setdefault(parsed[0], set()).add(parsed[1])
    upserts: list[Document] = []
    deletes: list[str] = []
    for kind, ids in wanted.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), BATCH):
            chunk = ordered[start : start + BATCH]
            found = SOURCES[kind].load(chunk)
            upserts.extend(found.values())
            deletes.extend(f"{kind}:{i}" for i in chunk if i not in found)
    return upserts, deletes


def iter_all_documents() -> Iterator[Document]:
    for source in SOURCES.values():
        ids = list(source.all_ids())
        for start in range(0, len(ids), BATCH):
            yield from source.load(ids[start : start + BATCH]).values()
            db.session.expunge_all()


def register_catalog_keys() -> None:
    register_expander(COMPANY_PRODUCTS, _company_product_keys)
    recorder.register(Product, lambda p: [f"product:{p.id}"])
    recorder.register(ProductTranslation, lambda t: [f"product:{t.product_id}"])
    recorder.register(ProductImage, lambda _i: [])
    recorder.register(
        Company, lambda c: [f"company:{c.id}", f"{COMPANY_PRODUCTS}{c.id}"], "company"
    )
    recorder.register(CompanyTranslation, lambda t: [f"company:{t.company_id}"])
    recorder.register(CompanyIndustry, lambda i: [f"company:{i.company_id}"])
