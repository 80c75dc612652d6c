"""Register, log in, log out."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from exportnet.accounts.forms import LoginForm, RegisterForm, attach_error
from exportnet.accounts.services import (
    AccountError,
    authenticate,
    end_all_sessions,
    register_user,
)
from exportnet.extensions import limiter
from exportnet.security.redirects import safe_next_path


def start_session(user: object, remember: bool = False) -> None:
    """A fresh session for a fresh login: nothing from before survives (no fixation)."""
    session.clear()
    login_user(user, remember=remember)


def _next_or_home() -> str:
    return safe_next_path(request.args.get("next")) or url_for("site.home")


@limiter.limit(lambda: current_app.config["RATELIMIT_REGISTER"], methods=["POST"])
def register() -> Response | str:
    if current_user.is_authenticated:
        return redirect(url_for("accounts.profile"))
    form = RegisterForm()
    error = None
    if form.validate_on_submit():
        try:
            user = register_user(form.registration())
        except AccountError as refusal:
            error = attach_error(form, refusal)
        else:
            start_session(user)
            flash(
                _(
                    "Welcome to ExportNet! We sent a link to %(email)s: "
                    "open it to confirm your email address.",
                    email=user.email,
                ),
                "success",
            )
            return redirect(url_for("accounts.profile"))
    return render_template("accounts/register.html", form=form, error=error)


@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], methods=["POST"])
def login() -> Response | str:
    if current_user.is_authenticated and request.method == "GET":
        return redirect(_next_or_home())
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        try:
            user = authenticate(form.email.data, form.password.data)
        except AccountError as refusal:
            error = str(refusal)
        else:
            start_session(user, remember=bool(form.remember.data))
            flash(_("You are logged in."), "success")
            return redirect(_next_or_home())
    return render_template("accounts/login.html", form=form, error=error)


def logout() -> Response:
    """Ends this user's sessions everywhere: this browser, other devices, remember-me."""
    if current_user.is_authenticated:
        end_all_sessions(current_user)
    session.clear()
    logout_user()  # after clear(): it leaves the note that deletes the remember-me cookie
    flash(_("You are logged out."), "info")
    return redirect(url_for("site.home"))
