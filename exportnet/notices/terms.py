"""The closed vocabularies of a trade notice: kinds, statuses, event types, limits."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l

TITLE_MAX = 200
BODY_MAX = 10_000
VENUE_MAX = 200
OFFER_MESSAGE_MAX = 5_000


class Kind(enum.StrEnum):
    SELLING_OFFER = "selling_offer"
    BUYING_REQUEST = "buying_request"
    PARTNERSHIP = "partnership"
    TRADE_EVENT = "trade_event"


class Status(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CLOSED = "closed"


class EventType(enum.StrEnum):
    FAIR = "fair"
    EXHIBITION = "exhibition"
    BUSINESS_MATCHING = "business_matching"


KIND_LABELS = {
    Kind.SELLING_OFFER.value: _l("Selling offer"),
    Kind.BUYING_REQUEST.value: _l("Buying request"),
    Kind.PARTNERSHIP.value: _l("Partnership / distributor wanted"),
    Kind.TRADE_EVENT.value: _l("Trade event"),
}

STATUS_LABELS = {
    Status.DRAFT.value: _l("Draft"),
    Status.PUBLISHED.value: _l("Published"),
    Status.CLOSED.value: _l("Closed"),
}

EVENT_TYPE_LABELS = {
    EventType.FAIR.value: _l("Trade fair"),
    EventType.EXHIBITION.value: _l("Exhibition"),
    EventType.BUSINESS_MATCHING.value: _l("Business-matching session"),
}


def kind_label(code: str | None) -> str:
    return str(KIND_LABELS.get(code or "", code or ""))


def notice_status_label(code: str | None) -> str:
    return str(STATUS_LABELS.get(code or "", code or ""))


def event_type_label(code: str | None) -> str:
    return str(EVENT_TYPE_LABELS.get(code or "", code or ""))
