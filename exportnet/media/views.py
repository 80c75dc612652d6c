"""Serving stored renditions at `/media/<key>/<rendition>.jpg` (no locale prefix).

Names are content-addressed, so a URL's bytes never change: browsers and proxies may
keep them for a year without asking again.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, send_file

from exportnet.media.images import OUTPUT_MIMETYPE
from exportnet.media.storage import media_storage

bp = Blueprint("media", __name__)

ONE_YEAR = 31_536_000


@bp.get("/media/<key>/<rendition>.jpg", endpoint="rendition")
def serve_rendition(key: str, rendition: str) -> Response:
    """url_for("media.rendition", key=image_key, rendition="thumb")"""
    try:
        path = media_storage().path_for(key, rendition)
    except ValueError:
        abort(404)
    if not path.is_file():
        abort(404)
    # A content-derived ETag is the same on every node, whatever the file's mtime there.
    response = send_file(
        path, mimetype=OUTPUT_MIMETYPE, max_age=ONE_YEAR, etag=f"{key}-{rendition}"
    )
    response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
