"""Session cookies: none are read or written for static files and image renditions.

Flask-Login touches the session on every response, and Flask then answers with
`Vary: Cookie`, which makes browsers and shared caches keep one copy of each image per
visitor. Files under /static/ and /media/ are the same for everyone, so their
responses skip the session entirely.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface

SESSIONLESS_PREFIXES = ("/static/", "/media/")


class ExportNetSessionInterface(SecureCookieSessionInterface):
    def save_session(self, app: Flask, session: Any, response: Any) -> None:
        if request.path.startswith(SESSIONLESS_PREFIXES):
            return
        super().save_session(app, session, response)


def register_sessions(app: Flask) -> None:
    app.session_interface = ExportNetSessionInterface()
