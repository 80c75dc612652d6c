"""The optional evidence document of a verification request.

It is checked exactly like an inquiry attachment (a real PDF, or a picture decoded and
re-encoded by the media pipeline, within INQUIRY_ATTACHMENT_MAX_BYTES) and stored the
same way, under random names in a private folder: VERIFICATION_DOCUMENT_DIR, by default
`<instance>/verification-documents`. Only the company's members, the officers who may
decide the request and admins download it.
"""

from __future__ import annotations

import os

from flask import current_app

from exportnet.agency.errors import VerificationError
from exportnet.inquiries.attachments import Attachment, AttachmentStore, check_attachment
from exportnet.inquiries.rules import InquiryError

FIELD = "document"


def check_document(data: bytes, filename: str | None) -> Attachment:
    """The upload as it will be kept, or VerificationError with a message for the user."""
    try:
        return check_attachment(data, filename)
    except InquiryError as exc:
        raise VerificationError(exc.message, FIELD) from exc


def document_store() -> AttachmentStore:
    root = current_app.config.get("VERIFICATION_DOCUMENT_DIR") or os.path.join(
        current_app.instance_path, "verification-documents"
    )
    return AttachmentStore(root)
