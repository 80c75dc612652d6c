"""Verification pages: the exporter's request, the officers' queue and decisions."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.agency import queries, services
from exportnet.agency.documents import check_document, document_store
from exportnet.agency.errors import VerificationError
from exportnet.agency.forms import DecisionForm, RevokeForm, VerificationForm, document_hint
from exportnet.agency.models import VerificationRequest
from exportnet.agency.terms import VerificationStatus, verification_status_label
from exportnet.catalog.fields import show_error
from exportnet.catalog.views import page_number
from exportnet.companies.models import Company
from exportnet.extensions import db
from exportnet.media.private_files import send_download

bp = Blueprint("agency", __name__)
bp.add_app_template_filter(verification_status_label, "verification_status")


def _own_company() -> Company:
    company_id = getattr(current_user, "company_id", None)
    company = db.session.get(Company, company_id) if company_id else None
    if company is None or not permissions.member_of(current_user, company.id):
        abort(404)
    return company


@bp.route("/my/verification", methods=["GET", "POST"])
def my_verification() -> Response | str:
    company = _own_company()
    form = VerificationForm()
    may_submit = (
        permissions.request_verification(current_user, company)
        and company.verified_at is None
        and queries.pending_request(company.id) is None
    )
    if may_submit and form.validate_on_submit():
        try:
            upload = form.document.data
            data = upload.read() if upload else b""
            document = check_document(data, upload.filename) if data else None
            services.submit_verification(
                current_user, company, form.registration_number.data or "", document
            )
        except VerificationError as exc:
            show_error(form, exc, "registration_number")
        else:
            flash(_("Thank you. An agency officer will look at your request."), "success")
            return redirect(url_for("agency.my_verification"))
    return render_template(
        "agency/my_verification.html",
        company=company,
        form=form,
        may_submit=may_submit,
        document_hint=document_hint(),
        requests=queries.company_requests(company),
    )


@bp.get("/agency/verifications")
def requests() -> str:
    if not permissions.agency_officer(current_user):
        abort(404)
    status = request.args.get("status") or None
    if status not in {s.value for s in VerificationStatus}:
        status = None
    return render_template(
        "agency/requests.html",
        agency=queries.agency_of(current_user),
        page=queries.officer_requests(current_user, status, page_number()),
        status=status,
        statuses=[s.value for s in VerificationStatus],
    )


def _visible(request_id: int) -> VerificationRequest:
    verification = db.session.get(VerificationRequest, request_id)
    if not permissions.view_verification(current_user, verification):
        abort(404)
    return verification


def _render_request(
    verification: VerificationRequest,
    decision: DecisionForm | None = None,
    revoke: RevokeForm | None = None,
) -> str:
    return render_template(
        "agency/request.html",
        verification=verification,
        company=verification.company,
        may_decide=permissions.verify_company(current_user, verification.company),
        decision_form=decision or DecisionForm(formdata=None),
        revoke_form=revoke or RevokeForm(formdata=None),
    )


@bp.get("/agency/verifications/<int:request_id>")
def request_detail(request_id: int) -> str:
    return _render_request(_visible(request_id))


@bp.post("/agency/verifications/<int:request_id>/decide")
def decide(request_id: int) -> Response | str:
    verification = _visible(request_id)
    if not permissions.verify_company(current_user, verification.company):
        abort(404)
    form = DecisionForm()
    if not form.validate_on_submit():
        return _render_request(verification, decision=form)
    try:
        if form.approve.data:
            services.approve_verification(current_user, request_id, form.reason.data or "")
            flash(_("The company is now verified."), "success")
        elif form.reject.data:
            services.reject_verification(current_user, request_id, form.reason.data or "")
            flash(_("The request was rejected."), "success")
        else:
            abort(400)
    except LookupError:
        abort(404)
    except VerificationError as exc:
        show_error(form, exc, "reason")
        return _render_request(verification, decision=form)
    return redirect(url_for("agency.request_detail", request_id=request_id))


@bp.post("/agency/verifications/<int:request_id>/revoke")
def revoke(request_id: int) -> Response | str:
    verification = _visible(request_id)
    if not permissions.verify_company(current_user, verification.company):
        abort(404)
    form = RevokeForm()
    if not form.validate_on_submit():
        return _render_request(verification, revoke=form)
    try:
        services.revoke_verification(current_user, request_id, form.reason.data or "")
    except LookupError:
        abort(404)
    except VerificationError as exc:
        show_error(form, exc, "reason")
        return _render_request(verification, revoke=form)
    flash(_("The verification was revoked."), "success")
    return redirect(url_for("agency.request_detail", request_id=request_id))


@bp.get("/agency/verifications/<int:request_id>/document")
def document(request_id: int) -> Response:
    """The evidence document, as a download, to those who may see the request."""
    verification = _visible(request_id)
    if not verification.document_key:
        abort(404)
    return send_download(
        document_store(),
        verification.document_key,
        verification.document_type,
        verification.document_name,
    )
