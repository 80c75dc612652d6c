"""The admin pages: the dashboard and agencies here, users, roles and the audit log in
views_users. Every route is for admins only; anyone else gets a 404."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.admin import agencies, views_users
from exportnet.admin.errors import AdminError
from exportnet.admin.forms import AgencyForm, OfficerForm, audit_target_label, role_label
from exportnet.agency.models import Agency
from exportnet.agency.queries import all_agencies
from exportnet.agency.terms import audit_action_label
from exportnet.catalog.fields import show_error
from exportnet.catalog.forms import ConfirmForm
from exportnet.extensions import db

bp = Blueprint("admin", __name__)
bp.add_app_template_filter(role_label, "role_label")
bp.add_app_template_filter(audit_action_label, "audit_action")
bp.add_app_template_filter(audit_target_label, "audit_target")


@bp.before_request
def admins_only() -> None:
    if not permissions.is_admin(current_user):
        abort(404)


@bp.get("/admin")
def dashboard() -> str:
    return render_template("admin/dashboard.html")


@bp.route("/admin/agencies", methods=["GET", "POST"])
def agency_list() -> Response | str:
    form = AgencyForm()
    if form.validate_on_submit():
        try:
            agency = agencies.create_agency(
                current_user, form.name.data or "", form.economies.data or []
            )
        except AdminError as exc:
            show_error(form, exc, "name")
        else:
            flash(_("The agency was created."), "success")
            return redirect(url_for("admin.agency_detail", agency_id=agency.id))
    return render_template("admin/agencies.html", agencies=all_agencies(), form=form)


def _agency(agency_id: int) -> Agency:
    agency = db.session.get(Agency, agency_id)
    if agency is None:
        abort(404)
    return agency


def _render_agency(
    agency: Agency, form: AgencyForm | None = None, officer: OfficerForm | None = None
) -> str:
    if form is None:
        form = AgencyForm(
            formdata=None, data={"name": agency.name, "economies": agency.economy_codes}
        )
    return render_template(
        "admin/agency.html",
        agency=agency,
        form=form,
        officer_form=officer or OfficerForm(formdata=None),
    )


@bp.route("/admin/agencies/<int:agency_id>", methods=["GET", "POST"])
def agency_detail(agency_id: int) -> Response | str:
    agency = _agency(agency_id)
    form = AgencyForm()
    if not form.is_submitted():
        return _render_agency(agency)
    if form.validate():
        try:
            agencies.update_agency(
                current_user, agency.id, form.name.data or "", form.economies.data or []
            )
        except AdminError as exc:
            show_error(form, exc, "name")
        else:
            flash(_("The agency was saved."), "success")
            return redirect(url_for("admin.agency_detail", agency_id=agency.id))
    return _render_agency(agency, form=form)


@bp.post("/admin/agencies/<int:agency_id>/officers")
def add_officer(agency_id: int) -> Response | str:
    agency = _agency(agency_id)
    form = OfficerForm()
    if form.validate_on_submit():
        try:
            agencies.add_officer(current_user, agency.id, form.email.data or "")
        except AdminError as exc:
            show_error(form, exc, "email")
        else:
            flash(_("The officer was added."), "success")
            return redirect(url_for("admin.agency_detail", agency_id=agency.id))
    return _render_agency(agency, officer=form)


@bp.post("/admin/agencies/<int:agency_id>/officers/<int:user_id>/remove")
def remove_officer(agency_id: int, user_id: int) -> Response:
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        agencies.remove_officer(current_user, agency_id, user_id)
    except LookupError:
        abort(404)
    flash(_("The officer was removed."), "success")
    return redirect(url_for("admin.agency_detail", agency_id=agency_id))


GET = ["GET"]
POST = ["POST"]
USER_ROUTES = (
    ("/admin/users", "users", views_users.users, GET),
    ("/admin/users/<int:user_id>", "user_detail", views_users.user_detail, GET),
    ("/admin/users/<int:user_id>/role", "change_role", views_users.change_role, POST),
    ("/admin/users/<int:user_id>/status", "account_status", views_users.account_status, POST),
    ("/admin/roles", "roles", views_users.roles, GET),
    ("/admin/audit", "audit_log", views_users.audit_log, GET),
)
for rule, endpoint, view, methods in USER_ROUTES:
    bp.add_url_rule(rule, endpoint, view, methods=methods)
