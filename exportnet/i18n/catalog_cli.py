"""`exportnet translations ...`: keep the 13 message catalogs in step with the code."""

from __future__ import annotations

import click
from babel.messages.frontend import CommandLineInterface

from exportnet.i18n.locales import LOCALE_CODES
from exportnet.paths import PACKAGE_DIR

ROOT = PACKAGE_DIR.parent
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
KEYWORDS = ["-k", "_l", "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2"]


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


@click.group("translations")
def translations_cli() -> None:
    """Extract, update and compile the message catalogs (run from a checkout)."""


@translations_cli.command("update")
def update_command() -> None:
    """Extract messages from code and templates, add new ones to every catalog."""
    _pybabel(
        "extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS, "--no-location",
        "--sort-output", "-o", str(POT), str(ROOT),
    )  # fmt: skip
    for code in LOCALE_CODES:
        if code == "en":
            continue
        po = TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"
        action = "update" if po.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if action == "update" else []
        _pybabel(action, "-i", str(POT), "-d", str(TRANSLATIONS), "-l", code, *extra)
    click.echo(f"Catalogs updated from {POT}")


@translations_cli.command("compile")
def compile_command() -> None:
    """Compile every catalog to .mo."""
    _pybabel("compile", "-d", str(TRANSLATIONS))
    click.echo("Catalogs compiled")
