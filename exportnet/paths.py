"""Where templates, static files and catalogs live, however the package is installed.

A wheel carries them inside the package (see pyproject's force-include); a checkout or
an editable install keeps them at the top of the repository.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name
