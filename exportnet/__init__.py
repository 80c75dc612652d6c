"""ExportNet: a multilingual B2B export-promotion catalog."""

from __future__ import annotations

from typing import Any

from flask import Flask

from exportnet import factory_steps as steps
from exportnet.paths import resource_dir


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. Performs no database queries, migrations or network calls."""
    app = Flask(
        __name__,
        template_folder=str(resource_dir("templates")),
        static_folder=str(resource_dir("static")),
        instance_path=steps.instance_path(config),
        instance_relative_config=True,
    )
    steps.load_config(app, config)
    steps.register_proxy_fix(app)
    steps.register_extensions(app)
    steps.register_i18n(app)
    steps.register_security(app)
    steps.register_blueprints(app)
    steps.register_errors(app)
    steps.register_template_globals(app)
    return app
