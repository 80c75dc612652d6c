"""The Harmonized System (HS 2022): sections, chapters and headings, named in every UI language.

Codes are strings: sections are Roman numerals ("I".."XXI"), chapters two digits ("09") and
headings four ("0901"). Chapter 77 is reserved for future use by the WCO and is not a chapter
here. Section and chapter names exist in all 13 UI locales; heading names are English only and
every lookup of another language falls back to English. The data files under `data/` are read
on first use and kept for the life of the process.

Sources: headings from the public-domain (ODC-PDDL) `datasets/harmonized-system` dataset
(UN Comtrade, HS 2022, 1,228 headings); section and chapter names written for ExportNet.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from babel import Locale

HS_VERSION = "HS 2022"
LOCALES: tuple[str, ...] = (
    "en", "ko", "ja", "zh_Hans", "zh_Hant", "th", "vi", "id", "ms", "fil", "km", "lo", "my",
)  # fmt: skip
DEFAULT_LOCALE = "en"
RESERVED_CHAPTERS: tuple[str, ...] = ("77",)
INDENT = "\u2003"  # kept by browsers at the start of an <option>, unlike ASCII spaces

_SEPARATORS = re.compile(r"[\s.\-/]+")
_ALIASES = {"zh": "zh_Hans", "tl": "fil", "in": "id"}
_TRADITIONAL = ("hant", "tw", "hk", "mo")


@dataclass(frozen=True, slots=True)
class Section:
    code: str  # Roman numeral
    number: int
    first_chapter: str
    last_chapter: str
    names: Mapping[str, str] = field(compare=False, repr=False)

    def name(self, locale: str | Locale | None = DEFAULT_LOCALE) -> str:
        return _pick(self.names, locale)


@dataclass(frozen=True, slots=True)
class Chapter:
    code: str
    section: str
    names: Mapping[str, str] = field(compare=False, repr=False)

    def name(self, locale: str | Locale | None = DEFAULT_LOCALE) -> str:
        return _pick(self.names, locale)


@dataclass(frozen=True, slots=True)
class Heading:
    code: str
    chapter: str
    name_en: str = field(compare=False, repr=False)

    @property
    def names(self) -> Mapping[str, str]:
        return {DEFAULT_LOCALE: self.name_en}

    def name(self, locale: str | Locale | None = DEFAULT_LOCALE) -> str:
        return self.name_en  # headings are named in English only


@dataclass(frozen=True)
class _Data:
    sections: dict[str, Section]
    chapters: dict[str, Chapter]
    headings: dict[str, Heading]
    section_of: dict[str, str]


def _frozen(names: dict[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(names))


def _read(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


@cache
def _data() -> _Data:
    raw_sections: dict[str, Any] = json.loads(_read("hs_sections.json"))
    raw_chapters: dict[str, Any] = json.loads(_read("hs_chapters.json"))
    by_section = {
        code: Section(code, number, v["first_chapter"], v["last_chapter"], _frozen(v["names"]))
        for number, (code, v) in enumerate(raw_sections.items(), start=1)
    }
    by_chapter = {
        code: Chapter(code, v["section"], _frozen(v["names"]))
        for code, v in sorted(raw_chapters.items())
    }
    rows = csv.reader(
        (line for line in _read("hs_headings.tsv").splitlines() if line and line[0] != "#"),
        delimiter="\t",
        quoting=csv.QUOTE_NONE,
    )
    by_heading = {code: Heading(code, parent, text) for code, parent, text in rows}
    for c in by_chapter.values():
        s = by_section[c.section]
        if not (s.first_chapter <= c.code <= s.last_chapter) or set(LOCALES) - set(c.names):
            raise RuntimeError(f"HS data: chapter {c.code} is inconsistent")
    for h in by_heading.values():
        if h.chapter not in by_chapter or h.code[:2] != h.chapter:
            raise RuntimeError(f"HS data: heading {h.code} is inconsistent")
    section_of = {c.code: c.section for c in by_chapter.values()}
    return _Data(by_section, by_chapter, by_heading, section_of)


def resolve_locale(locale: str | Locale | None) -> str:
    """One of LOCALES for a Babel locale or tag ("zh-Hant-TW" -> "zh_Hant"); English otherwise."""
    if locale is None:
        return DEFAULT_LOCALE
    tag = str(locale).replace("-", "_")
    lowered = {code.lower(): code for code in LOCALES}
    if tag.lower() in lowered:
        return lowered[tag.lower()]
    parts = tag.lower().split("_")
    if parts[0] == "zh":
        return "zh_Hant" if any(p in _TRADITIONAL for p in parts[1:]) else "zh_Hans"
    language = _ALIASES.get(parts[0], parts[0])
    return lowered.get(language.lower(), DEFAULT_LOCALE)


def _pick(names: Mapping[str, str], locale: str | Locale | None) -> str:
    return names.get(resolve_locale(locale)) or names[DEFAULT_LOCALE]


def normalize_code(text: str | int | None) -> str | None:
    """The chapter or heading code in user input, or None.

    Accepts "0901", "09.01", " 0901 ", "09" and "9"; a leading zero dropped by a spreadsheet
    ("901") is restored, and longer tariff codes ("0901.11", "09011100") are cut to their
    heading. The result is only well-formed: check it with `is_valid_code`.
    """
    if text is None or isinstance(text, bool):
        return None
    digits = _SEPARATORS.sub("", str(text))
    if not digits.isascii() or not digits.isdigit() or len(digits) > 10:
        return None
    if len(digits) % 2:
        digits = "0" + digits
    return digits[:4]


def sections() -> list[Section]:
    return list(_data().sections.values())


def chapters(section: str | None = None) -> list[Chapter]:
    """All chapters, or those of one section (none for an unknown section)."""
    found = _data().chapters.values()
    if section is None:
        return list(found)
    code = section.strip().upper()
    return [c for c in found if c.section == code]


def headings(chapter: str | None = None) -> list[Heading]:
    """All headings, or those of one chapter (none for an unknown chapter)."""
    found = _data().headings.values()
    if chapter is None:
        return list(found)
    code = normalize_code(chapter)
    return [h for h in found if h.chapter == code]


def section(code: str | None) -> Section | None:
    return _data().sections.get((code or "").strip().upper())


def chapter(code: str | int | None) -> Chapter | None:
    normal = normalize_code(code)
    return _data().chapters.get(normal) if normal and len(normal) == 2 else None


def heading(code: str | int | None) -> Heading | None:
    normal = normalize_code(code)
    return _data().headings.get(normal) if normal and len(normal) == 4 else None


def is_valid_code(code: str | None) -> bool:
    """Whether `code` is, exactly as given, a chapter ("09") or heading ("0901") code."""
    if not isinstance(code, str):
        return False
    data = _data()
    return code in data.chapters or code in data.headings


def chapter_for(code: str | int) -> str:
    """The chapter of a chapter or heading code; KeyError for an unknown code."""
    normal = normalize_code(code) or ""
    data = _data()
    if normal in data.chapters or normal in data.headings:
        return normal[:2]
    raise KeyError(f"unknown HS code: {code!r}")


def section_for(code: str | int) -> str:
    """The section (Roman numeral) of a chapter or heading code; KeyError for an unknown code."""
    return _data().section_of[chapter_for(code)]


def path_for(code: str | int) -> tuple[str, str, str | None]:
    """(section, chapter, heading or None) of a chapter or heading code."""
    chapter_code = chapter_for(code)
    normal = normalize_code(code) or ""
    return _data().section_of[chapter_code], chapter_code, normal if len(normal) == 4 else None


def _node(code: str | int | None) -> Section | Chapter | Heading | None:
    if isinstance(code, str) and section(code) is not None:
        return section(code)
    return chapter(code) or heading(code)


def name(code: str | int | None, locale: str | Locale | None = DEFAULT_LOCALE) -> str:
    """The name of a section, chapter or heading in `locale` (English where there is none).

    An unknown code is returned as given, so that a page never fails on an old code.
    """
    node = _node(code)
    return node.name(locale) if node is not None else ("" if code is None else str(code))


def label(code: str, locale: str | Locale | None = DEFAULT_LOCALE) -> str:
    """Code and name, as in a list: "II Vegetable products", "09 Coffee, tea, maté and spices"."""
    return f"{code} {name(code, locale)}"


def category_choices(
    locale: str | Locale | None = DEFAULT_LOCALE, *, with_headings: bool = True
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(section label, [(code, label), ...]) groups for a <select> with one <optgroup> a section.

    Each group lists the section's chapters, each followed by its headings, indented.
    """
    data = _data()
    by_chapter: dict[str, list[Heading]] = {}
    for h in data.headings.values():
        by_chapter.setdefault(h.chapter, []).append(h)
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for s in data.sections.values():
        options: list[tuple[str, str]] = []
        for c in chapters(s.code):
            options.append((c.code, f"{c.code} {c.name(locale)}"))
            if with_headings:
                options.extend(
                    (h.code, f"{INDENT}{h.code} {h.name(locale)}")
                    for h in by_chapter.get(c.code, [])
                )
        groups.append((f"{s.code}. {s.name(locale)}", options))
    return groups


def all_names(code: str | int | None) -> list[str]:
    """Every name of a code and of the chapter and section above it, in all locales, once each.

    The search index adds these to a document so that a query in one language finds goods
    listed in another. An unknown code has none.
    """
    node = _node(code)
    if node is None:
        return []
    nodes: list[Section | Chapter | Heading] = [node]
    if isinstance(node, Heading):
        nodes.append(_data().chapters[node.chapter])
    if isinstance(node, Heading | Chapter):
        nodes.append(_data().sections[_data().section_of[nodes[-1].code]])
    names: dict[str, None] = {}
    for n in nodes:
        for locale in LOCALES:
            text = n.names.get(locale)
            if text:
                names.setdefault(text, None)
    return list(names)
