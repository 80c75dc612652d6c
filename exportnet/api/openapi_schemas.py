"""The `components` of the OpenAPI document: data shapes, shared parameters, errors."""

from __future__ import annotations

from typing import Any

from exportnet.api.errors import ERROR_CODES
from exportnet.api.params import MAX_ID
from exportnet.board.terms import TOPIC_LABELS
from exportnet.catalog.terms import INCOTERMS, PERIOD_LABELS, UNIT_LABELS, Status
from exportnet.i18n.locales import LOCALES
from exportnet.notices.terms import EVENT_TYPE_LABELS
from exportnet.notices.terms import Status as NoticeStatus
from exportnet.search.schema import KINDS
from exportnet.taxonomy import hs
from exportnet.taxonomy.economies import all_economies, member_economies

Schema = dict[str, Any]
LANGUAGE_CODES = [loc.code for loc in LOCALES]
LANGUAGE_INPUTS = sorted({*LANGUAGE_CODES, *(loc.tag for loc in LOCALES)})
NOTICE_KINDS = ["sell", "buy", "partner", "event"]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: Schema) -> Schema:
    kind = schema.get("type")
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None], "type": [kind, "null"]}
    if kind is not None:
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict[str, Schema], required: list[str] | None = None, closed: bool = False,
        description: str | None = None) -> Schema:  # fmt: skip
    schema: Schema = {"type": "object", "properties": properties}
    if required is not None:
        schema["required"] = required
    if closed:
        schema["additionalProperties"] = False
    if description:
        schema["description"] = description
    return schema


STRING: Schema = {"type": "string"}
INTEGER: Schema = {"type": "integer"}
BOOLEAN: Schema = {"type": "boolean"}
AMOUNT: Schema = {"type": "number", "minimum": 0}
URL: Schema = {"type": "string", "format": "uri"}
DATE: Schema = {"type": "string", "format": "date"}
DATETIME: Schema = {"type": "string", "format": "date-time"}
ECONOMY: Schema = {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2"}
ECONOMY_INPUT: Schema = {"$ref": "#/components/schemas/Economy"}
LANGUAGE: Schema = {"type": "string", "enum": LANGUAGE_CODES}
LANGUAGE_INPUT: Schema = {
    "type": "string",
    "enum": LANGUAGE_INPUTS,
    "description": "A locale code (zh_Hant) or its BCP 47 tag (zh-Hant).",
}
HS_INPUT: Schema = {"$ref": "#/components/schemas/HsCode"}
TEXTS = obj({"title": STRING, "description": STRING, "keywords": STRING})
CODES: Schema = {"type": "array", "items": STRING}


def _translations(fields: list[str], writable: bool = False) -> Schema:
    text = obj({name: STRING for name in fields}, closed=writable)
    value = nullable(text) if writable else text
    return {"type": "object", "additionalProperties": value,
            "description": "Language versions by locale code."}  # fmt: skip


COMPANY_REF = obj(
    {"id": INTEGER, "name": STRING, "economy": ECONOMY, "url": URL},
    ["id", "name", "economy", "url"],
)

PRODUCT_TERMS: dict[str, Schema] = {
    "category": HS_INPUT,
    "moq": nullable(AMOUNT),
    "moq_unit": nullable({"type": "string", "enum": list(UNIT_LABELS)}),
    "price_min": nullable(AMOUNT),
    "price_max": nullable(AMOUNT),
    "currency": nullable({"type": "string", "description": "ISO 4217, such as USD"}),
    "incoterm": nullable({"type": "string", "enum": list(INCOTERMS)}),
    "incoterm_place": nullable({"type": "string", "maxLength": 120}),
    "lead_time_days": nullable({"type": "integer", "minimum": 0, "maximum": 3650}),
    "supply_capacity": nullable(AMOUNT),
    "supply_unit": nullable({"type": "string", "enum": list(UNIT_LABELS)}),
    "supply_period": nullable({"type": "string", "enum": list(PERIOD_LABELS)}),
    "port_of_loading": nullable({"type": "string", "maxLength": 120}),
    "certifications": nullable({"type": "string", "maxLength": 2000}),
    "origin_economy": nullable(ECONOMY_INPUT),
    "status": {"type": "string", "enum": [s.value for s in Status]},
    "title": {"type": "string", "minLength": 1, "maxLength": 200},
    "description": {"type": "string", "maxLength": 10000},
    "keywords": {"type": "string", "maxLength": 500},
    "translations": _translations(["title", "description", "keywords"], writable=True),
}

PRODUCT_OUT = obj(
    {
        "id": INTEGER, "url": URL, "title": STRING, "description": STRING, "keywords": STRING,
        "language": LANGUAGE, "original_language": LANGUAGE,
        "status": {"type": "string", "enum": [s.value for s in Status]},
        "category": STRING, "hs_section": STRING, "hs_chapter": STRING,
        "hs_heading": nullable(STRING), "economy": ECONOMY, "company": COMPANY_REF,
        "moq": nullable(AMOUNT), "moq_unit": nullable(STRING), "price_min": nullable(AMOUNT),
        "price_max": nullable(AMOUNT), "currency": nullable(STRING),
        "incoterm": nullable(STRING), "incoterm_place": STRING,
        "lead_time_days": nullable(INTEGER), "supply_capacity": nullable(AMOUNT),
        "supply_unit": nullable(STRING), "supply_period": nullable(STRING),
        "port_of_loading": STRING, "certifications": STRING,
        "images": {"type": "array", "items": obj(
            {"thumbnail": URL, "large": URL, "alt": STRING}, ["thumbnail", "large", "alt"])},
        "published_at": nullable(DATETIME), "updated_at": DATETIME,
        "translations": _translations(["title", "description", "keywords"]),
    },
    ["id", "url", "title", "language", "original_language", "status", "category", "economy",
     "company", "translations"],
)  # fmt: skip

COMPANY_PROFILE: dict[str, Schema] = {
    "name": {"type": "string", "minLength": 1, "maxLength": 200},
    "economy": {"$ref": "#/components/schemas/MemberEconomy"},
    "city": nullable({"type": "string", "maxLength": 120}),
    "year_established": nullable(INTEGER),
    "employee_range": nullable({"type": "string", "enum": ["1-9", "10-49", "50-249", "250-999",
                                                           "1000+"]}),
    "website": nullable({"type": "string", "maxLength": 500}),
    "original_language": LANGUAGE_INPUT,
    "industries": {"type": "array", "items": {"$ref": "#/components/schemas/HsChapter"}},
    "export_markets": {"type": "array", "items": ECONOMY_INPUT},
    "description": {"type": "string", "maxLength": 10000},
    "translations": _translations(["description"], writable=True),
}  # fmt: skip

COMPANY_OUT = obj(
    {
        "id": INTEGER, "url": URL, "name": STRING, "economy": ECONOMY, "city": STRING,
        "year_established": nullable(INTEGER), "employee_range": nullable(STRING),
        "website": nullable(STRING), "verified": BOOLEAN, "description": STRING,
        "language": LANGUAGE, "original_language": LANGUAGE, "industries": CODES,
        "export_markets": CODES, "updated_at": DATETIME,
        "translations": _translations(["description"]),
    },
    ["id", "url", "name", "economy", "verified", "language", "translations"],
)  # fmt: skip

NOTICE_TERMS: dict[str, Schema] = {
    "title": {"type": "string", "minLength": 1, "maxLength": 200},
    "body": {"type": "string", "maxLength": 10000},
    "economy": ECONOMY_INPUT,
    "category": nullable(HS_INPUT),
    "status": {"type": "string", "enum": [s.value for s in NoticeStatus]},
    "valid_from": DATE,
    "valid_until": DATE,
    "quantity": nullable(AMOUNT),
    "quantity_unit": nullable({"type": "string", "enum": list(UNIT_LABELS)}),
    "target_price": nullable(AMOUNT),
    "currency": nullable(STRING),
    "destination_economy": nullable(ECONOMY_INPUT),
    "deadline": nullable(DATE),
    "event_type": nullable({"type": "string", "enum": list(EVENT_TYPE_LABELS)}),
    "event_start": nullable(DATE),
    "event_end": nullable(DATE),
    "venue": nullable({"type": "string", "maxLength": 200}),
    "event_url": nullable(STRING),
    "translations": _translations(["title", "body"], writable=True),
}

NOTICE_OUT = obj(
    {
        "id": INTEGER, "url": URL, "kind": {"type": "string", "enum": NOTICE_KINDS},
        "status": STRING, "live": BOOLEAN, "title": STRING, "body": STRING,
        "language": LANGUAGE, "original_language": LANGUAGE, "economy": ECONOMY,
        "category": nullable(STRING), "hs_section": nullable(STRING),
        "hs_chapter": nullable(STRING), "hs_heading": nullable(STRING),
        "company": nullable(COMPANY_REF), "valid_from": DATE, "valid_until": DATE,
        "quantity": nullable(AMOUNT), "quantity_unit": nullable(STRING),
        "target_price": nullable(AMOUNT), "currency": nullable(STRING),
        "destination_economy": nullable(STRING), "deadline": nullable(DATE),
        "event_type": nullable(STRING), "event_start": nullable(DATE),
        "event_end": nullable(DATE), "venue": STRING, "event_url": nullable(STRING),
        "published_at": nullable(DATETIME), "updated_at": DATETIME,
        "translations": _translations(["title", "body"]),
    },
    ["id", "url", "kind", "status", "title", "language", "economy", "valid_until", "translations"],
)  # fmt: skip

POST_OUT = obj(
    {
        "id": INTEGER, "url": URL, "topic": {"type": "string", "enum": list(TOPIC_LABELS)},
        "title": STRING, "body": {"type": "string", "description": "Markdown source"},
        "language": LANGUAGE, "original_language": LANGUAGE, "pinned": BOOLEAN,
        "publish_on": DATE, "economies": CODES, "industries": CODES,
        "attachments": {"type": "array", "items": obj(
            {"filename": STRING, "size_bytes": INTEGER, "url": URL},
            ["filename", "size_bytes", "url"])},
        "updated_at": DATETIME, "translations": _translations(["title", "body"]),
    },
    ["id", "url", "topic", "title", "body", "language", "publish_on", "translations"],
)  # fmt: skip

SEARCH_ITEM = obj(
    {
        "kind": {"type": "string", "enum": list(KINDS)}, "id": INTEGER, "title": STRING,
        "snippet": {"type": "string", "description": "Plain text, no HTML"},
        "language": STRING, "economy": STRING, "category": nullable(STRING),
        "company": nullable(STRING), "verified": BOOLEAN, "url": URL,
    },
    ["kind", "id", "title", "snippet", "language", "economy", "category", "url"],
)  # fmt: skip

COUNTS: Schema = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
SEARCH_RESULTS = obj(
    {
        "total": {"type": "integer", "minimum": 0}, "page": INTEGER, "per_page": INTEGER,
        "items": {"type": "array", "items": ref("SearchItem")},
        "facets": obj({"kind": COUNTS, "economy": COUNTS, "category": COUNTS,
                       "verified": COUNTS}, ["kind", "economy", "category", "verified"]),
    },
    ["total", "page", "items", "facets"],
)  # fmt: skip

ERROR = obj(
    {
        "error": obj(
            {
                "code": {"type": "string", "enum": list(ERROR_CODES.values())},
                "message": STRING,
                "fields": {"type": "object", "additionalProperties": STRING,
                           "description": "Per-field messages (422), dotted for nested"},
            },
            ["code", "message"],
        )
    },
    ["error"],
)  # fmt: skip


def page_of(item: str) -> Schema:
    return obj(
        {"total": {"type": "integer", "minimum": 0}, "page": INTEGER, "per_page": INTEGER,
         "items": {"type": "array", "items": ref(item)}},
        ["total", "page", "per_page", "items"],
    )  # fmt: skip


def code_schemas() -> dict[str, Schema]:
    """Closed lists of codes (needs the app: member economies are configuration)."""
    chapters = [c.code for c in hs.chapters()]
    headings = [h.code for h in hs.headings()]
    return {
        "Economy": {"type": "string", "enum": sorted(all_economies()),
                    "description": "ISO 3166-1 alpha-2 (lower case is accepted too)"},
        "MemberEconomy": {"type": "string", "enum": sorted(member_economies())},
        "HsChapter": {"type": "string", "enum": chapters},
        "HsCode": {"type": "string", "enum": [*chapters, *headings],
                   "description": "An HS chapter (2 digits) or heading (4 digits), such as 0901"},
        "HsCategory": {"type": "string", "enum": [s.code for s in hs.sections()] + chapters
                       + headings, "description": "An HS section, chapter or heading"},
    }  # fmt: skip


SCHEMAS: dict[str, Schema] = {
    "Error": ERROR,
    "SearchItem": SEARCH_ITEM,
    "SearchResults": SEARCH_RESULTS,
    "Product": PRODUCT_OUT,
    "ProductPage": page_of("Product"),
    "ProductCreate": obj({**PRODUCT_TERMS, "language": LANGUAGE_INPUT,
                          "company": {"type": "integer", "minimum": 1, "maximum": MAX_ID}},
                         ["language", "title", "category"], closed=True),
    "ProductPatch": obj(PRODUCT_TERMS, closed=True),
    "Company": COMPANY_OUT,
    "CompanyPage": page_of("Company"),
    "CompanyPatch": obj(COMPANY_PROFILE, closed=True),
    "Notice": NOTICE_OUT,
    "NoticePage": page_of("Notice"),
    "NoticeCreate": obj({**NOTICE_TERMS, "kind": {"type": "string", "enum": NOTICE_KINDS},
                         "language": LANGUAGE_INPUT},
                        ["kind", "language", "title", "valid_until"], closed=True),
    "NoticePatch": obj(NOTICE_TERMS, closed=True),
    "Post": POST_OUT,
    "PostPage": page_of("Post"),
}  # fmt: skip
