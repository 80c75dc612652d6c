"""Writing a new inquiry to a company, about one of its products or in general.

Visitors who are not logged in fill in the form too; when they send it, what they wrote
is kept (see drafts.py) and they are taken to the login page, which brings them back
here to a form that is still filled in.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog.fields import show_error
from exportnet.catalog.models import Product
from exportnet.catalog.presenting import reading
from exportnet.companies.models import Company
from exportnet.extensions import db, limiter
from exportnet.inquiries import abuse, drafts
from exportnet.inquiries.attachments import from_upload
from exportnet.inquiries.forms import InquiryForm
from exportnet.inquiries.rules import InquiryError
from exportnet.inquiries.services import send_inquiry


def _product(company: Company) -> Product | None:
    """The `product` of the query string: one of this company's listings the user may see."""
    product_id = request.args.get("product", type=int)
    if product_id is None:
        return None
    product = db.session.get(Product, product_id)
    if product is None or product.company_id != company.id:
        abort(404)
    if not permissions.view_product(current_user, product):
        abort(404)
    return product


def _form_url(company: Company, product: Product | None) -> str:
    args: dict[str, Any] = {"company_id": company.id}
    if product is not None:
        args["product"] = product.id
    return url_for("inquiries.new", **args)


def _prefill(form: InquiryForm, product: Product | None) -> None:
    if product is None:
        return
    translation = reading(product).translation
    if translation is not None:
        form.subject.data = _("Inquiry about %(product)s", product=translation.title)
    form.quantity_unit.data = product.moq_unit or ""
    form.currency.data = product.currency or ""


def _keep_draft(form: InquiryForm, company: Company, product: Product | None) -> str:
    return drafts.save_draft(
        company.id,
        product.id if product is not None else None,
        form.draft_values(),
        request.cookies.get(drafts.COOKIE),
    )


def _with_draft_cookie(response: Response, token: str) -> Response:
    response.set_cookie(
        drafts.COOKIE,
        token,
        max_age=int(drafts.max_age().total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )
    return response


def _log_in_first(form: InquiryForm, company: Company, product: Product | None) -> Response:
    token = _keep_draft(form, company, product)
    flash(
        _(
            "Please log in, or create an account, to send your inquiry. "
            "What you wrote is kept in this browser for a day."
        ),
        "info",
    )
    if getattr(form.attachment.data, "filename", ""):
        flash(_("Attachments are not kept: please attach your file again."), "info")
    target = url_for("accounts.login", next=_form_url(company, product))
    return _with_draft_cookie(redirect(target), token)


def _page(form: InquiryForm, company: Company, product: Product | None, restored: bool) -> str:
    return render_template(
        "inquiries/new.html", form=form, company=company, product=product, restored=restored
    )


def _confirm_first(form: InquiryForm, company: Company, product: Product | None) -> Response:
    """Logged in, address not confirmed yet: keep the text and say what to do."""
    token = _keep_draft(form, company, product)
    form.form_errors.append(
        _(
            "Please confirm your email address before you send inquiries. "
            "What you wrote is kept: come back to this page once you have confirmed it."
        )
    )
    page = _page(form, company, product, restored=False)
    return _with_draft_cookie(Response(page, mimetype="text/html"), token)


def _restore_or_prefill(form: InquiryForm, product: Product | None, company: Company) -> bool:
    kept = drafts.load_draft(
        request.cookies.get(drafts.COOKIE),
        company.id,
        product.id if product is not None else None,
    )
    if kept:
        form.restore(kept)
        return True
    _prefill(form, product)
    return False


@limiter.limit(
    abuse.rate_limit,
    key_func=abuse.rate_limit_key,
    methods=["POST"],
    deduct_when=abuse.counts_against_limit,
)
def new_inquiry(company_id: int) -> Response | str:
    company = db.session.get(Company, company_id)
    if not permissions.view_company(current_user, company):
        abort(404)
    product = _product(company)
    signed_in = current_user.is_authenticated
    if signed_in and (
        not permissions.use_inquiries(current_user)
        or permissions.member_of(current_user, company.id)
    ):
        abort(404)
    form = InquiryForm()
    if not form.is_submitted():
        return _page(form, company, product, _restore_or_prefill(form, product, company))
    if not form.validate_on_submit():
        return _page(form, company, product, restored=False)
    if not signed_in:
        return _log_in_first(form, company, product)
    if not permissions.is_verified(current_user):
        return _confirm_first(form, company, product)
    try:
        attachment = from_upload(form.attachment.data)
        inquiry = send_inquiry(current_user, company, form.inquiry_terms(), product, attachment)
    except InquiryError as exc:
        show_error(form, exc, "message")
        return _page(form, company, product, restored=False)
    drafts.discard_draft(request.cookies.get(drafts.COOKIE))
    flash(_("Your inquiry was sent to %(company)s.", company=company.name), "success")
    response = redirect(url_for("inquiries.thread", inquiry_id=inquiry.id))
    response.delete_cookie(drafts.COOKIE)
    return response
