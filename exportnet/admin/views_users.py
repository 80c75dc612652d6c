"""Admin views for users, roles and the audit log (routed in admin.views, admins only)."""

from __future__ import annotations

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.accounts.models import Role, User
from exportnet.admin import users as user_services
from exportnet.admin.errors import AdminError
from exportnet.admin.forms import ROLE_DESCRIPTIONS, AccountStatusForm, RoleForm
from exportnet.agency.audit import AuditFilters, audit_page, target_types
from exportnet.agency.models import AgencyMember
from exportnet.agency.terms import AuditAction
from exportnet.catalog.fields import show_error
from exportnet.catalog.views import page_number
from exportnet.extensions import db


def users() -> str:
    email = (request.args.get("email") or "").strip()[:254]
    role = request.args.get("role") or None
    if role not in {r.value for r in Role}:
        role = None
    return render_template(
        "admin/users.html",
        page=user_services.search_users(email, role, page_number()),
        email=email,
        role=role,
        roles=[r.value for r in Role],
    )


def _user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _render_user(
    user: User, role_form: RoleForm | None = None, status_form: AccountStatusForm | None = None
) -> str:
    return render_template(
        "admin/user.html",
        user=user,
        membership=db.session.get(AgencyMember, user.id),
        role_form=role_form or RoleForm(formdata=None, data={"role": user.role}),
        status_form=status_form or AccountStatusForm(formdata=None),
        history=audit_page(AuditFilters(target_type="user", target_id=user.id), per_page=20).items,
    )


def user_detail(user_id: int) -> str:
    return _render_user(_user(user_id))


def change_role(user_id: int) -> Response | str:
    user = _user(user_id)
    form = RoleForm()
    if form.validate_on_submit():
        try:
            user_services.change_role(
                current_user, user.id, form.role.data or "", form.reason.data or ""
            )
        except AdminError as exc:
            show_error(form, exc, "role")
        else:
            flash(_("The role was changed."), "success")
            return redirect(url_for("admin.user_detail", user_id=user.id))
    return _render_user(user, role_form=form)


def account_status(user_id: int) -> Response | str:
    user = _user(user_id)
    form = AccountStatusForm()
    if form.validate_on_submit():
        if not (form.disable.data or form.enable.data):
            abort(400)
        try:
            user_services.set_user_disabled(
                current_user, user.id, bool(form.disable.data), form.reason.data or ""
            )
        except AdminError as exc:
            show_error(form, exc, "reason")
        else:
            flash(
                _("The account was disabled.")
                if form.disable.data
                else _("The account was enabled."),
                "success",
            )
            return redirect(url_for("admin.user_detail", user_id=user.id))
    return _render_user(user, status_form=form)


def roles() -> str:
    return render_template(
        "admin/roles.html",
        roles=[r.value for r in Role],
        counts=user_services.role_counts(),
        descriptions=ROLE_DESCRIPTIONS,
    )


def _date_arg(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name) or "")
    except ValueError:
        return None


def audit_log() -> str:
    if not permissions.view_audit_log(current_user):
        abort(404)
    action = request.args.get("action") or None
    target_type = (request.args.get("target_type") or "").strip()[:32] or None
    filters = AuditFilters(
        action=action if action in {a.value for a in AuditAction} else None,
        target_type=target_type,
        target_id=request.args.get("target_id", type=int),
        actor_email=(request.args.get("actor") or "").strip()[:254] or None,
        since=_date_arg("since"),
        until=_date_arg("until"),
    )
    return render_template(
        "admin/audit.html",
        page=audit_page(filters, page_number()),
        filters=filters,
        actions=[a.value for a in AuditAction],
        target_types=target_types(),
    )
