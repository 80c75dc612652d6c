"""All 12 non-English catalogs are complete, unfuzzy, not copied, and compiled."""

from __future__ import annotations

import gettext
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from exportnet.i18n.locales import LOCALE_CODES

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "_l": None,
    "lazy_gettext": None,
    "ngettext": (1, 2),
    "lazy_ngettext": (1, 2),
}
# Strings that are the same in every language: brand names, codes, symbols.
SAME_EVERYWHERE = {
    "ExportNet",
    "ASEAN+3",
    "HS",
    "ISO",
    "URL",
    "PDF",
    "CSV",
    "API",
    "%(code)s",
    "%(count)s",
    "%(n)s",
    "&middot;",
    "·",
    "—",
    "OK",
    "MOQ",
    "FOB",
    "Incoterm",
}
# Loanwords a locale really uses unchanged.
SAME_ALLOWED = {
    "id": {
        "Email",
        "Website",
        "Status",
        "Filter",
        "Logo",
        "Draft",
        "Online",
        "Total",
        "Detail",
        "Produk",
        "Normal",
    },
    "ms": {"Email", "Website", "Status", "Filter", "Logo", "Online", "Total", "Normal"},
    "fil": {
        "Email",
        "Website",
        "Status",
        "Filter",
        "Logo",
        "Online",
        "Total",
        "Normal",
        "Password",
        "Draft",
        "Admin",
    },
    "vi": {"Email", "Website", "Logo", "Online", "Admin"},
}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


@cache
def extracted_ids() -> frozenset[str]:
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        ids.add(message if isinstance(message, str) else message[0])
    return frozenset(ids)


def test_code_has_messages_to_translate():
    assert len(extracted_ids()) > 50


@pytest.mark.parametrize("locale", [code for code in LOCALE_CODES if code != "en"])
def test_catalog_is_complete_and_compiled(locale):
    po_path = TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"
    mo_path = po_path.with_suffix(".mo")
    assert po_path.exists(), f"missing {po_path}"
    with open(po_path, "rb") as handle:
        catalog = read_po(handle, locale=locale)
    translated = {}
    problems = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {key!r}")
        if not all(strings):
            problems.append(f"untranslated: {key!r}")
        elif (
            strings[0] == key
            and key not in SAME_EVERYWHERE
            and key not in SAME_ALLOWED.get(locale, set())
            and re.search(r"[A-Za-z]{3}", PLACEHOLDER.sub("", key))
        ):
            problems.append(f"copied from English: {key!r}")
        if strings[0] and sorted(PLACEHOLDER.findall(key)) != sorted(
            PLACEHOLDER.findall(strings[0])
        ):
            problems.append(f"placeholders differ: {key!r} -> {strings[0]!r}")
        translated[key] = strings[0]
    missing = sorted(extracted_ids() - set(translated))
    assert not missing, f"{locale}: {len(missing)} messages not in the catalog, e.g. {missing[:5]}"
    assert not problems, f"{locale}: {problems[:10]}"
    assert mo_path.exists(), f"compile {po_path}"
    with open(mo_path, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [key for key, value in translated.items() if compiled.gettext(key) != value]
    assert not stale, f"{locale}: .mo is out of date (pybabel compile -d translations): {stale[:5]}"
