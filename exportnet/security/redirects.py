"""`next` parameters may only point at this site's own paths."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_next_path(target: str | None) -> str | None:
    """Return `target` if it is a same-site path, else None.

    Refuses scheme-relative (`//evil`), backslash tricks (`/\\evil`, which browsers read
    as `//evil`), anything with a scheme or host, and control characters.
    """
    if not target or len(target) > 2000:
        return None
    if any(ord(ch) < 32 or ch == "\x7f" for ch in target):
        return None
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
