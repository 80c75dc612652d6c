"""Content-addressed files for processed pictures: `<root>/<key[:2]>/<key>-<rendition>.jpg`.

The key is the sha256 hex digest of the large rendition, so identical pictures share
files, a stored file never changes (and may be cached forever), and concurrent writers
of the same picture write the same bytes. Writes go to a temporary file in the target
directory and are renamed into place, so readers never see half a file, also on a
shared mount (MEDIA_DIR) used by several app nodes.

The interface is deliberately small (save, path_for, delete) so that another backend
with the same methods can replace this one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from flask import current_app

from exportnet.media.atomic_write import write_atomically
from exportnet.media.images import RENDITIONS, ProcessedImage

KEY_RE = re.compile(r"[0-9a-f]{64}")
FILE_MODE = 0o644  # public pictures; readable by a front web server serving MEDIA_DIR


class MediaStorage:
    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def save(self, processed: ProcessedImage) -> str:
        """Store every rendition (skipping files already there) and return the key."""
        key = processed.digest
        for rendition, data in processed.renditions.items():
            target = self.path_for(key, rendition)
            if not target.exists():
                write_atomically(target, data, FILE_MODE)
        return key

    def path_for(self, key: str, rendition: str) -> Path:
        """Where a rendition lives. ValueError for a malformed key or unknown rendition,
        so no caller can build a path outside the root from request input."""
        if not isinstance(key, str) or not KEY_RE.fullmatch(key):
            raise ValueError(f"not a media key: {key!r}")
        if rendition not in RENDITIONS:
            raise ValueError(f"not a rendition: {rendition!r}")
        return self.root / key[:2] / f"{key}-{rendition}.jpg"

    def delete(self, key: str) -> None:
        """Remove every rendition of `key`. The key is shared by every upload of the same
        picture: call this only when nothing refers to it any more."""
        for rendition in RENDITIONS:
            self.path_for(key, rendition).unlink(missing_ok=True)


def media_storage() -> MediaStorage:
    """The storage of the current app (MEDIA_DIR, by default `<instance>/media`)."""
    return MediaStorage(current_app.config["MEDIA_DIR"])
