"""PDF attachments: checked by content, stored under the instance folder with random names.

A file is accepted when its bytes are a PDF, whatever its name or declared type (see
media.pdf), and names no JavaScript or launch action in its uncompressed parts (best
effort). Stored names are random, so nothing about a stored file comes from the uploader;
files are served as downloads with `application/pdf` and `nosniff` (see media.private_files
and views.download).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from exportnet.board.terms import FILENAME_MAX
from exportnet.media.pdf import pdf_problem
from exportnet.media.private_files import PrivateFileStore, uploaded_name


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
    base = uploaded_name(name).strip()
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
    problem = pdf_problem(data, refuse_active_content=True)
    if problem is not None:
        raise AttachmentRejected(problem)
    return CheckedPdf(clean_filename(filename), data)


class AttachmentStore(PrivateFileStore):
    """PDF files under BOARD_ATTACHMENT_DIR (default `<instance>/board-attachments`)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        super().__init__(root, extensions=("pdf",))

    def save(self, data: bytes) -> str:
        return self.store(data, "pdf")


def attachment_store() -> AttachmentStore:
    return AttachmentStore(current_app.config["BOARD_ATTACHMENT_DIR"])
