"""The account page: profile, password change, API tokens."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_login.config import COOKIE_NAME
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.accounts.forms import (
    ApiTokenForm,
    ChangePasswordForm,
    ProfileForm,
    attach_error,
)
from exportnet.accounts.services import (
    AccountError,
    active_api_tokens,
    change_password,
    create_api_token,
    revoke_api_token,
    update_profile,
)
from exportnet.accounts.views_auth import start_session


def _render_account(
    profile_form: ProfileForm | None = None,
    token_form: ApiTokenForm | None = None,
    new_token: str | None = None,
    error: str | None = None,
) -> str:
    user = current_user._get_current_object()
    return render_template(
        "accounts/profile.html",
        user=user,
        form=profile_form or ProfileForm(obj=user, formdata=None),
        token_form=token_form or ApiTokenForm(formdata=None),
        tokens=active_api_tokens(user),
        new_token=new_token,
        error=error,
    )


@login_required
def profile() -> Response | str:
    user = current_user._get_current_object()
    form = ProfileForm(obj=user)
    error = None
    if form.validate_on_submit():
        try:
            update_profile(user, form.display_name.data, form.preferred_locale.data)
        except AccountError as refusal:
            error = attach_error(form, refusal)
        else:
            flash(_("Your profile is saved."), "success")
            return redirect(url_for("accounts.profile"))
    return _render_account(profile_form=form, error=error)


@login_required
def change_password_view() -> Response | str:
    user = current_user._get_current_object()
    form = ChangePasswordForm()
    form.account_email = user.email
    error = None
    if form.validate_on_submit():
        try:
            change_password(user, form.current_password.data, form.password.data)
        except AccountError as refusal:
            error = attach_error(form, refusal)
        else:
            # Every session ended with the old token; this browser starts a new one.
            remember_cookie = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME)
            start_session(user, remember=remember_cookie in request.cookies)
            flash(
                _("Your password is changed. You were logged out on every other device."),
                "success",
            )
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/change_password.html", form=form, error=error)


@login_required
def create_token() -> Response | str:
    user = current_user._get_current_object()
    if not permissions.is_verified(user):
        flash(_("Please confirm your email address before you create API tokens."), "error")
        return redirect(url_for("accounts.profile"))
    form = ApiTokenForm()
    if not form.validate_on_submit():
        return _render_account(token_form=form)
    token = create_api_token(user, form.name.data)
    return _render_account(new_token=token)


@login_required
def revoke_token(token_id: int) -> Response:
    if not revoke_api_token(current_user._get_current_object(), token_id):
        abort(404)
    flash(_("The token is revoked: it no longer works."), "success")
    return redirect(url_for("accounts.profile"))
