"""Shared data and helpers for the inquiry tests (this module holds no tests)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from PIL import Image
from sqlalchemy import func, select

from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.inquiries.models import Inquiry, InquiryEvent
from exportnet.mail.models import MailOutbox
from tests.conftest import submit

# A minimal valid PDF document (one empty page).
SMALL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n"
    b"%%EOF\n"
)


def png_bytes(size: tuple[int, int] = (60, 40)) -> bytes:
    out = BytesIO()
    Image.new("RGB", size, (30, 120, 60)).save(out, "PNG")
    return out.getvalue()


def make_product(
    app: Any, company_id: int, title: str = "Robusta coffee beans, grade 1", lang: str = "en"
) -> int:
    with app.app_context():
        company = db.session.get(Company, company_id)
        terms = ListingTerms(
            hs_code="0901",
            status="published",
            moq_unit="tonne",
            price_min=2000,
            currency="USD",
        )
        product = create_product(company, terms, lang, ListingText(title=title))
        return product.id


def supplier(app: Any, make_user: Any, **options: Any) -> tuple[Any, int]:
    """An exporter and one published product of their company."""
    options.setdefault("company", "Mekong Coffee")
    exporter = make_user("exporter", **options)
    return exporter, make_product(app, exporter.company_id)


def inquiry_form(**changes: Any) -> dict[str, Any]:
    data = {
        "subject": "Robusta for our roastery",
        "quantity": "20",
        "quantity_unit": "tonne",
        "target_price": "2100",
        "currency": "USD",
        "destination_economy": "JP",
        "message": "We roast in Osaka and need 20 tonnes of grade 1 robusta each quarter.",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def new_url(company_id: int, product_id: int | None = None, locale: str = "en") -> str:
    url = f"/{locale}/inquiries/new/{company_id}"
    return f"{url}?product={product_id}" if product_id else url


def send(
    client: Any,
    company_id: int,
    product_id: int | None = None,
    locale: str = "en",
    **changes: Any,
) -> Any:
    return submit(
        client,
        new_url(company_id, product_id, locale),
        inquiry_form(**changes),
        content_type="multipart/form-data",
    )


def inquiries(app: Any) -> list[Inquiry]:
    with app.app_context():
        rows = list(db.session.scalars(select(Inquiry).order_by(Inquiry.id)))
        for row in rows:
            db.session.expunge(row)
        return rows


def pending_mail(app: Any) -> int:
    with app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(MailOutbox).where(MailOutbox.sent_at.is_(None))
        )


def events(app: Any) -> list[tuple[str, str, int | None]]:
    with app.app_context():
        rows = db.session.execute(
            select(InquiryEvent.kind, InquiryEvent.side, InquiryEvent.user_id).order_by(
                InquiryEvent.id
            )
        ).all()
        return [tuple(row) for row in rows]
