"""Inquiry attachments: one PDF or picture per message, checked by content, kept private.

A PDF is accepted when its bytes are one (the `%PDF-` header, an `%%EOF` near the end,
no HTML where a browser would sniff), whatever its name or declared type. Anything else
must pass the media pipeline: it is decoded within budget and re-encoded, and only the
clean JPEG (no metadata, nothing appended) is kept. Stored names are random; files live
under INQUIRY_ATTACHMENT_DIR (default `<instance>/inquiry-attachments`), never under the
public media folder, and are served only to the two parties (see views.download).
"""

from __future__ import annotations

import os
import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l

from exportnet.inquiries.rules import InquiryError
from exportnet.media.images import NOT_AN_IMAGE, ImageRejected, process_image

PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
SNIFF_WINDOW = 1024
EOF_WINDOW = 2048
HTML_MARKERS = (
    b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<svg", b"<?xml",
)  # fmt: skip
STORED_NAME = re.compile(r"[0-9a-f]{32}\.(pdf|jpg)")
NAME_MAX = 120
FILE_MODE = 0o640
PDF_TYPE = "application/pdf"
JPEG_TYPE = "image/jpeg"
FIELD = "attachment"


@dataclass(frozen=True)
class Attachment:
    """A checked upload, ready to store: the bytes we keep, their type and a display name."""

    data: bytes
    mimetype: str
    filename: str

    @property
    def extension(self) -> str:
        return "pdf" if self.mimetype == PDF_TYPE else "jpg"


def max_bytes() -> int:
    return int(current_app.config["INQUIRY_ATTACHMENT_MAX_BYTES"])


def display_name(name: str | None, extension: str) -> str:
    """No path, no control characters, the extension of what we store, not too long."""
    base = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip(" .")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem[: NAME_MAX - len(extension) - 1].strip(" .") or "attachment"
    return f"{stem}.{extension}"


def check_attachment(data: bytes, filename: str | None) -> Attachment:
    """The upload as we will keep it, or InquiryError with a message for the user."""
    limit = max_bytes()
    if not data:
        raise InquiryError(_l("The file is empty."), FIELD)
    if len(data) > limit:
        raise InquiryError(
            _l("An attachment can be at most %(size)d MB.", size=max(1, limit // (1024 * 1024))),
            FIELD,
        )
    if data.startswith(b"%PDF-"):
        return Attachment(_checked_pdf(data), PDF_TYPE, display_name(filename, "pdf"))
    try:
        picture = process_image(data)
    except ImageRejected as exc:
        if exc.reason == NOT_AN_IMAGE:
            raise InquiryError(
                _l("Attach a PDF document or a picture (JPEG, PNG, WebP or GIF)."), FIELD
            ) from exc
        raise InquiryError(exc.message, FIELD) from exc
    return Attachment(picture.renditions["large"], JPEG_TYPE, display_name(filename, "jpg"))


def from_upload(upload: Any) -> Attachment | None:
    """A form's file field value checked (None when no file was chosen)."""
    if upload is None or not getattr(upload, "filename", ""):
        return None
    return check_attachment(upload.read(max_bytes() + 1), upload.filename)


def _checked_pdf(data: bytes) -> bytes:
    head = data[:SNIFF_WINDOW].lower()
    if not PDF_HEADER.match(data) or any(marker in head for marker in HTML_MARKERS):
        raise InquiryError(_l("This file is not a PDF document."), FIELD)
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise InquiryError(_l("This PDF document is incomplete or damaged."), FIELD)
    return data


class AttachmentStore:
    """Files under INQUIRY_ATTACHMENT_DIR, written atomically under random names."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def save(self, attachment: Attachment) -> str:
        key = f"{secrets.token_hex(16)}.{attachment.extension}"
        target = self.path_for(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as temp:
                temp.write(attachment.data)
                temp.flush()
                os.fsync(temp.fileno())
            os.chmod(temp_name, FILE_MODE)
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        return key

    def path_for(self, key: str) -> Path:
        """ValueError for anything but a stored name, so no path can leave the root."""
        if not isinstance(key, str) or not STORED_NAME.fullmatch(key):
            raise ValueError(f"not an attachment key: {key!r}")
        return self.root / key[:2] / key

    def delete(self, key: str) -> None:
        self.path_for(key).unlink(missing_ok=True)


def attachment_store() -> AttachmentStore:
    return AttachmentStore(current_app.config["INQUIRY_ATTACHMENT_DIR"])
