"""Markdown for board posts: rendered with `markdown`, then sanitized with nh3 (ammonia).

The sanitizer, not the renderer, is the boundary: raw HTML in the Markdown source passes
the renderer and is then cut down to a small tag set. Scripts and styles go with their
content, links keep http/https/mailto targets only (a `javascript:` href is dropped) and
get rel="nofollow ugc", and no attribute can carry script or style.
"""

from __future__ import annotations

import re

import markdown as markdown_lib
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i", "a",
    "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc"
EXTENSIONS = ["tables", "fenced_code", "sane_lists"]
# The page's title is its h1: a post's h1 becomes h2, and h5/h6 become h4.
_HEADING = re.compile(r"<(/?)h([1-6])>")


def _demote(match: re.Match[str]) -> str:
    level = min(max(int(match.group(2)), 2), 4)
    return f"<{match.group(1)}h{level}>"


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text: str | None) -> Markup:
    """Safe HTML for a post body written in Markdown."""
    html = markdown_lib.markdown(text or "", extensions=EXTENSIONS, output_format="html")
    return Markup(sanitize(_HEADING.sub(_demote, html)))  # noqa: S704 (sanitized by nh3)
