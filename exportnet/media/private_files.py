"""Private uploads (board PDFs, inquiry attachments, verification documents): kept under
random names in a folder of their own, outside the public media folder, and served only
as downloads to those a view lets through.

Nothing about a stored file's name comes from the uploader: the key is random, and a
path is built only from a key of that form, so no request can reach outside the root.
Downloads are sent as attachments, never cached by shared caches, with `nosniff` and a
sandboxing Content-Security-Policy, so a browser neither guesses their type nor runs
anything in them.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from flask import Response, abort, send_file

from exportnet.media.atomic_write import write_atomically

FILE_MODE = 0o640  # private: never served by a front web server


def uploaded_name(name: str | None) -> str:
    """The uploader's file name without folders or control characters, NFC-normalized
    (not stripped: each kind of upload trims and shortens it in its own way)."""
    base = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    return "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")


class PrivateFileStore:
    """Files at `<root>/<key[:2]>/<key>`, the key 32 random hex digits and an extension."""

    def __init__(self, root: str | os.PathLike[str], extensions: Iterable[str]) -> None:
        self.root = Path(root)
        choices = "|".join(re.escape(extension) for extension in extensions)
        self.key_pattern = re.compile(rf"[0-9a-f]{{32}}\.(?:{choices})")

    def store(self, data: bytes, extension: str) -> str:
        """Write the bytes under a new random key (atomically) and return the key."""
        key = f"{secrets.token_hex(16)}.{extension}"
        write_atomically(self.path_for(key), data, FILE_MODE)
        return key

    def path_for(self, key: str) -> Path:
        """ValueError for anything but a stored key, so no path can leave the root."""
        if not isinstance(key, str) or not self.key_pattern.fullmatch(key):
            raise ValueError(f"not a stored file key: {key!r}")
        return self.root / key[:2] / key

    def delete(self, key: str) -> None:
        self.path_for(key).unlink(missing_ok=True)


def send_download(
    store: PrivateFileStore,
    key: str,
    mimetype: str | None,
    download_name: str | None,
    cache_control: str = "private, no-store",
) -> Response:
    """The stored file as a download (404 when the key is malformed or the file is gone).

    An unknown `mimetype` is sent as application/octet-stream, a missing `download_name`
    as the stored key. The calling view has checked who may see the file.
    """
    try:
        path = store.path_for(key)
    except ValueError:
        abort(404)
    if not path.is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=mimetype or "application/octet-stream",
        as_attachment=True,
        download_name=download_name or path.name,
        max_age=0,
    )
    response.headers["Cache-Control"] = cache_control
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
