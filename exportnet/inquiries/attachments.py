"""Inquiry attachments: one PDF or picture per message, checked by content, kept private.

A PDF is accepted when its bytes are one (see media.pdf: the `%PDF-` header, an `%%EOF`
near the end, no HTML where a browser would sniff), whatever its name or declared type.
Anything else must pass the media pipeline: it is decoded within budget and re-encoded,
and only the clean JPEG (no metadata, nothing appended) is kept. Stored names are random;
files live under INQUIRY_ATTACHMENT_DIR (default `<instance>/inquiry-attachments`), never
under the public media folder, and are served only to the two parties (see
views_thread.attachment and media.private_files).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from flask import current_app
from flask_babel import lazy_gettext as _l

from exportnet.inquiries.rules import InquiryError
from exportnet.media.images import NOT_AN_IMAGE, ImageRejected, process_image
from exportnet.media.pdf import pdf_problem
from exportnet.media.private_files import PrivateFileStore, uploaded_name

NAME_MAX = 120
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
    base = uploaded_name(name).strip(" .")
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
        problem = pdf_problem(data)
        if problem is not None:
            raise InquiryError(problem, FIELD)
        return Attachment(data, PDF_TYPE, display_name(filename, "pdf"))
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


class AttachmentStore(PrivateFileStore):
    """PDF and JPEG files under a private folder, written atomically under random names."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        super().__init__(root, extensions=("pdf", "jpg"))

    def save(self, attachment: Attachment) -> str:
        return self.store(attachment.data, attachment.extension)


def attachment_store() -> AttachmentStore:
    return AttachmentStore(current_app.config["INQUIRY_ATTACHMENT_DIR"])
