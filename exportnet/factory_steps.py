"""The register_* steps that create_app runs, in order."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from exportnet import config as config_module
from exportnet import model_registry  # noqa: F401  (every table in the metadata)
from exportnet.accounts.session import register_login_manager
from exportnet.accounts.views import bp as accounts_bp
from exportnet.admin.views import bp as admin_bp
from exportnet.agency.views import bp as agency_bp
from exportnet.analytics.counter import register_view_counter
from exportnet.analytics.views import bp as analytics_bp
from exportnet.api.wiring import register_api
from exportnet.board.comment_views import bp as board_comments_bp
from exportnet.board.edit_views import bp as board_edit_bp
from exportnet.board.views import bp as board_bp
from exportnet.catalog.csv_views import bp as catalog_csv_bp
from exportnet.catalog.edit_views import bp as catalog_edit_bp
from exportnet.catalog.views import bp as catalog_bp
from exportnet.companies.edit_views import bp as companies_edit_bp
from exportnet.companies.views import bp as companies_bp
from exportnet.database import register_database
from exportnet.extensions import babel, csrf, db, limiter, migrate
from exportnet.i18n.formatting import register_formatting
from exportnet.i18n.routing import LOCALE_PREFIX, current_locale, register_locale_routing
from exportnet.inquiries.views import bp as inquiries_bp
from exportnet.mail.wiring import register_mail
from exportnet.media.views import bp as media_bp
from exportnet.moderation.views_queue import bp as moderation_bp
from exportnet.moderation.views_report import bp as reporting_bp
from exportnet.notices.edit_views import bp as notices_edit_bp
from exportnet.notices.views import bp as notices_bp
from exportnet.paths import PACKAGE_DIR, resource_dir
from exportnet.reports.views import bp as reports_bp
from exportnet.search.views import bp as search_bp
from exportnet.search.wiring import register_search
from exportnet.security.headers import register_security_headers
from exportnet.security.sessions import register_sessions
from exportnet.site.errors import register_error_pages
from exportnet.site.template_context import register_template_context
from exportnet.site.views import bp as site_bp
from exportnet.site.views import root_bp


def instance_path(overrides: dict[str, Any] | None) -> str | None:
    if overrides and overrides.get("INSTANCE_PATH"):
        return str(overrides["INSTANCE_PATH"])
    env = os.environ.get("EXPORTNET_INSTANCE_PATH")
    return os.path.abspath(env) if env else None


def load_config(app: Flask, overrides: dict[str, Any] | None) -> None:
    config_module.load_config(app, overrides)


def register_proxy_fix(app: Flask) -> None:
    if app.config["PROXY_FIX"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]


def register_extensions(app: Flask) -> None:
    register_database(app)
    migrate.init_app(app, db, directory=str(PACKAGE_DIR / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    register_login_manager(app)
    register_mail(app)  # outbox drain after requests, `exportnet mail ...`
    register_search(app)  # search outbox: writes are searchable when the request returns


def register_i18n(app: Flask) -> None:
    babel.init_app(
        app,
        locale_selector=lambda: current_locale().code,
        default_translation_directories=str(resource_dir("translations")),
    )
    register_locale_routing(app)
    register_formatting(app)


def register_security(app: Flask) -> None:
    register_security_headers(app)
    register_sessions(app)


def register_blueprints(app: Flask) -> None:
    app.register_blueprint(root_bp)
    app.register_blueprint(site_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(accounts_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(companies_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(companies_edit_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(catalog_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(catalog_edit_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(catalog_csv_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(media_bp)
    app.register_blueprint(search_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(notices_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(notices_edit_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(inquiries_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(board_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(board_edit_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(board_comments_bp, url_prefix=LOCALE_PREFIX)
    # Trade-agency tools: verification, moderation, reports, seller analytics, admin.
    app.register_blueprint(agency_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(moderation_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(reporting_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(reports_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(analytics_bp, url_prefix=LOCALE_PREFIX)
    app.register_blueprint(admin_bp, url_prefix=LOCALE_PREFIX)
    register_view_counter(app)  # product page views, counted after the page rendered
    register_api(app)  # /api/v1: JSON, token auth, no CSRF


def register_errors(app: Flask) -> None:
    register_error_pages(app)


def register_template_globals(app: Flask) -> None:
    register_template_context(app)
