"""The emailed links: confirm an address, reset a forgotten password."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from exportnet.accounts import recovery
from exportnet.accounts.email_tokens import TokenError, TokenProblem
from exportnet.accounts.forms import ForgotPasswordForm, ResetPasswordForm, attach_error
from exportnet.accounts.services import AccountError
from exportnet.extensions import limiter
from exportnet.security.redirects import safe_next_path


def _link_problem(problem: TokenProblem, purpose: str) -> tuple[str, int]:
    return render_template(
        "accounts/link_problem.html", problem=problem.value, purpose=purpose
    ), 400


def verify_email(token: str) -> Response | tuple[str, int]:
    try:
        outcome = recovery.verify_email(token)
    except TokenError as error:
        return _link_problem(error.problem, "verify")
    if outcome is recovery.Verified.NOW:
        flash(_("Thank you: your email address is confirmed."), "success")
    else:
        flash(_("Your email address was already confirmed."), "info")
    return redirect(
        url_for("accounts.profile" if current_user.is_authenticated else "accounts.login")
    )


def _resend_key() -> str:
    return f"resend-verification:{getattr(current_user, 'id', 'anonymous')}"


@login_required
@limiter.limit(
    lambda: current_app.config["RATELIMIT_VERIFY_RESEND"], key_func=_resend_key, methods=["POST"]
)
def resend_verification() -> Response:
    if recovery.resend_verification(current_user._get_current_object()):
        flash(_("We sent a new link to %(email)s.", email=current_user.email), "success")
    else:
        flash(_("Your email address was already confirmed."), "info")
    return redirect(safe_next_path(request.form.get("next")) or url_for("accounts.profile"))


@limiter.limit(lambda: current_app.config["RATELIMIT_PASSWORD_RESET"], methods=["POST"])
def forgot_password() -> Response | str:
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        recovery.request_password_reset(form.email.data)
        flash(
            _(
                "If an account uses %(email)s, we have sent it a link to choose a new "
                "password. Please check your mail.",
                email=form.email.data,
            ),
            "info",
        )
        return redirect(url_for("accounts.login"))
    return render_template("accounts/forgot_password.html", form=form)


@limiter.limit(lambda: current_app.config["RATELIMIT_PASSWORD_RESET"], methods=["POST"])
def reset_password(token: str) -> Response | str | tuple[str, int]:
    try:
        user = recovery.user_for_reset_token(token)
    except TokenError as error:
        return _link_problem(error.problem, "reset")
    form = ResetPasswordForm()
    form.account_email = user.email
    error_text = None
    if form.validate_on_submit():
        try:
            recovery.reset_password(token, form.password.data)
        except TokenError as error:
            return _link_problem(error.problem, "reset")
        except AccountError as refusal:
            error_text = attach_error(form, refusal)
        else:
            flash(_("Your new password is set. Please log in with it."), "success")
            return redirect(url_for("accounts.login"))
    response = current_app.make_response(
        render_template("accounts/reset_password.html", form=form, error=error_text)
    )
    response.headers["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    return response
