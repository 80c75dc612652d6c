"""PDF attachments: checked by content, stored under the instance folder with random names.

A file is accepted when its bytes are a PDF, whatever its name or declared type: it starts
with the `%PDF-x.y` header, ends with `%%EOF`, carries no HTML in the part a browser would
sniff, and names no JavaScript or launch action in its uncompressed parts (best effort).
Stored names are random, so nothing about a stored file comes from the uploader; files are
served as downloads with `application/pdf` and `nosniff` (see views.download).
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import lazy_gettext as _l

from exportnet.board.terms import FILENAME_MAX

PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
SNIFF_WINDOW = 1024
EOF_WINDOW = 2048
HTML_MARKERS = (
    b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg", b"<?xml",
)  # fmt: skip
# Long names only: a short one such as /JS turns up by chance in compressed streams.
ACTIVE_CONTENT = re.compile(rb"/(JavaScript|Launch)\b")
STORED_NAME = re.compile(r"[0-9a-f]{32}\.pdf")
FILE_MODE = 0o640


class AttachmentRejected(ValueError):
    """The upload is not an acceptable PDF; `message` is user-facing."""

    def __init__(self, message: object) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class CheckedPdf:
    filename: str
    data: bytes


def max_bytes() -> int:
    return int(current_app.config["BOARD_ATTACHMENT_MAX_BYTES"])


def clean_filename(name: str | None) -> str:
    """A display name: no path, no control characters, ends in .pdf, not too long."""
    base = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    stem = base[:-4] if base.lower().endswith(".pdf") else base
    stem = stem.strip(" .")[: FILENAME_MAX - 4].strip(" .") or "document"
    return f"{stem}.pdf"


def check_pdf(data: bytes, filename: str | None) -> CheckedPdf:
    """The upload if it is a PDF within the size limit; AttachmentRejected otherwise."""
    limit = max_bytes()
    if not data:
        raise AttachmentRejected(_l("The file is empty."))
    if len(data) > limit:
        raise AttachmentRejected(
            _l("A PDF can be at most %(size)d MB.", size=max(1, limit // (1024 * 1024)))
        )
    head = data[:SNIFF_WINDOW]
    if not PDF_HEADER.match(data) or any(m in head.lower() for m in HTML_MARKERS):
        raise AttachmentRejected(_l("This file is not a PDF document."))
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise AttachmentRejected(_l("This PDF document is incomplete or damaged."))
    if ACTIVE_CONTENT.search(data):
        raise AttachmentRejected(_l("PDF documents with scripts or actions are not accepted."))
    return CheckedPdf(clean_filename(filename), data)


class AttachmentStore:
    """Files under BOARD_ATTACHMENT_DIR (default `<instance>/board-attachments`)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def save(self, data: bytes) -> str:
        name = f"{secrets.token_hex(16)}.pdf"
        target = self.path_for(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as temp:
                temp.write(data)
                temp.flush()
                os.fsync(temp.fileno())
            os.chmod(temp_name, FILE_MODE)
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        return name

    def path_for(self, name: str) -> Path:
        """ValueError for anything but a stored name, so no path can leave the root."""
        if not isinstance(name, str) or not STORED_NAME.fullmatch(name):
            raise ValueError(f"not an attachment name: {name!r}")
        return self.root / name[:2] / name

    def delete(self, name: str) -> None:
        self.path_for(name).unlink(missing_ok=True)


def attachment_store() -> AttachmentStore:
    return AttachmentStore(current_app.config["BOARD_ATTACHMENT_DIR"])
