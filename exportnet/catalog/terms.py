"""The closed vocabularies of a listing: statuses, Incoterms, units, periods."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

MAX_IMAGES = 8
TITLE_MAX = 200


class Status(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


STATUS_LABELS = {
    Status.DRAFT.value: _l("Draft"),
    Status.PUBLISHED.value: _l("Published"),
    Status.ARCHIVED.value: _l("Archived"),
}

# Incoterms 2020
INCOTERMS = ("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP")

UNIT_LABELS = {
    "piece": _l("pieces"),
    "kg": _l("kilograms"),
    "tonne": _l("tonnes"),
    "litre": _l("litres"),
    "carton": _l("cartons"),
    "box": _l("boxes"),
    "bag": _l("bags"),
    "set": _l("sets"),
    "pair": _l("pairs"),
    "dozen": _l("dozens"),
    "metre": _l("metres"),
    "m2": _l("square metres"),
    "container20": _l("20-foot containers"),
    "container40": _l("40-foot containers"),
}

PERIOD_LABELS = {
    "week": _l("per week"),
    "month": _l("per month"),
    "year": _l("per year"),
}


def unit_label(code: str | None) -> str:
    return str(UNIT_LABELS.get(code or "", code or ""))


def period_label(code: str | None) -> str:
    return str(PERIOD_LABELS.get(code or "", code or ""))


def status_label(code: str | None) -> str:
    return str(STATUS_LABELS.get(code or "", code or ""))
