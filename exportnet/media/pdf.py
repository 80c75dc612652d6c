"""PDF uploads recognised by their bytes, whatever their name or declared type.

A PDF starts with the `%PDF-x.y` header, ends with `%%EOF` and carries no HTML in the
part a browser would sniff. Where scripts matter, it may also be asked to name no
JavaScript or launch action in its uncompressed parts (best effort).
"""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l

PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
SNIFF_WINDOW = 1024
EOF_WINDOW = 2048
HTML_MARKERS = (
    b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg", b"<?xml",
)  # fmt: skip
# Long names only: a short one such as /JS turns up by chance in compressed streams.
ACTIVE_CONTENT = re.compile(rb"/(JavaScript|Launch)\b")


def pdf_problem(data: bytes, refuse_active_content: bool = False) -> object | None:
    """Why `data` is no acceptable PDF document (a message for the user), or None."""
    head = data[:SNIFF_WINDOW].lower()
    if not PDF_HEADER.match(data) or any(marker in head for marker in HTML_MARKERS):
        return _l("This file is not a PDF document.")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        return _l("This PDF document is incomplete or damaged.")
    if refuse_active_content and ACTIVE_CONTENT.search(data):
        return _l("PDF documents with scripts or actions are not accepted.")
    return None
