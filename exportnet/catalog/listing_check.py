"""Every problem of a listing at once, by field, with the catalog's own rules.

Services stop at the first broken rule, which suits a form. Bulk callers (the JSON API,
CSV import) check with these first, report everything, and then hand the valid listing
to the services or to `csv_import`, whose checks then pass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l

from exportnet.catalog import rules
from exportnet.catalog.rules import ListingError
from exportnet.catalog.services import (
    DESCRIPTION_MAX,
    KEYWORDS_MAX,
    TEXT_LIMITS,
    ListingTerms,
    ListingText,
)

TOO_LONG = _l("This text is too long.")
NEEDS_CURRENCY = _l("Give the currency of the price.")


class _Collector:
    def __init__(self) -> None:
        self.problems: dict[str, object] = {}

    def check(self, rule: Callable[..., Any], *args: Any) -> Any:
        try:
            return rule(*args)
        except ListingError as exc:
            self.problems.setdefault(exc.field or "", exc.message)
            return None


def terms_problems(terms: ListingTerms, default_economy: str | None) -> dict[str, object]:
    """{field of ListingTerms (hs_code, price_min, ...): message} for every broken rule."""
    c = _Collector()
    c.check(rules.hs_path, terms.hs_code)
    low = c.check(rules.amount, terms.price_min, "price_min")
    high = c.check(rules.amount, terms.price_max, "price_max")
    if "price_min" not in c.problems and "price_max" not in c.problems:
        c.check(rules.price_range, low, high)
    currency = c.check(rules.currency, terms.currency)
    if (low is not None or high is not None) and not currency and "currency" not in c.problems:
        c.problems["currency"] = NEEDS_CURRENCY
    c.check(rules.economy, terms.origin_economy or default_economy)
    c.check(rules.amount, terms.moq, "moq")
    c.check(rules.unit, terms.moq_unit, "moq_unit")
    c.check(rules.incoterm, terms.incoterm)
    c.check(rules.days, terms.lead_time_days)
    c.check(rules.amount, terms.supply_capacity, "supply_capacity")
    c.check(rules.unit, terms.supply_unit, "supply_unit")
    c.check(rules.period, terms.supply_period)
    c.check(rules.status, terms.status)
    for name, limit in TEXT_LIMITS.items():
        if len((getattr(terms, name) or "").strip()) > limit:
            c.problems[name] = TOO_LONG
    return c.problems


def text_problems(text: ListingText) -> dict[str, object]:
    """{title | description | keywords: message} for one language version."""
    c = _Collector()
    c.check(rules.title, text.title)
    if len((text.description or "").strip()) > DESCRIPTION_MAX:
        c.problems["description"] = TOO_LONG
    if len((text.keywords or "").strip()) > KEYWORDS_MAX:
        c.problems["keywords"] = TOO_LONG
    return c.problems
