"""The accounts blueprint: every route in one table, the views in three modules.

views_auth      register, log in, log out
views_recovery  the emailed links (confirm the address, reset the password)
views_profile   the account page, password change, API tokens
"""

from __future__ import annotations

from flask import Blueprint

from exportnet.accounts import views_auth, views_profile, views_recovery

bp = Blueprint("accounts", __name__)

GET_POST = ["GET", "POST"]
POST = ["POST"]

ROUTES = (
    ("/register", "register", views_auth.register, GET_POST),
    ("/login", "login", views_auth.login, GET_POST),
    ("/logout", "logout", views_auth.logout, POST),
    ("/account/verify/<token>", "verify_email", views_recovery.verify_email, ["GET"]),
    ("/account/verify", "resend_verification", views_recovery.resend_verification, POST),
    ("/password/forgot", "forgot_password", views_recovery.forgot_password, GET_POST),
    ("/password/reset/<token>", "reset_password", views_recovery.reset_password, GET_POST),
    ("/account", "profile", views_profile.profile, GET_POST),
    ("/account/password", "change_password", views_profile.change_password_view, GET_POST),
    ("/account/tokens", "create_token", views_profile.create_token, POST),
    ("/account/tokens/<int:token_id>/revoke", "revoke_token", views_profile.revoke_token, POST),
)

for rule, endpoint, view, methods in ROUTES:
    bp.add_url_rule(rule, endpoint, view, methods=methods)
