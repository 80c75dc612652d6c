"""The Whoosh schema of the catalog index (one document per searchable entity).

A document is a dict with these keys (only ``doc_key``, ``kind`` and ``entity_id`` are
required; :func:`exportnet.search.index.prepare_document` fills the derived fields):

- ``doc_key``   "product:42" — unique, the key for updates and deletes
- ``kind``      product | company | notice | post
- ``entity_id`` the database id
- ``title``     every language version of the title, concatenated; not a field of its
                own: prepare_document puts it in front of ``text``, where its words
                weigh ``TITLE_BOOST`` times (one field keeps indexing fast)
- ``text``      every language version of the body (searchable)
- ``concepts``  keys of its categories, economies and glossary goods ("hs:0901 eco:VN
                gl:coffee"), whose names in 13 languages a query reaches through
                :mod:`exportnet.search.concepts`
- ``economy``   ISO 3166-1 alpha-2 code ("VN")
- ``hs_section`` / ``hs_chapter`` / ``hs_heading``  HS codes as strings ("II", "09", "0901")
- ``verified``  bool
- ``languages`` language codes with a translation ("vi,en,th")
- ``created_at`` / ``updated_at``  datetimes (naive UTC)

Facet fields (kind, economy, hs_section, hs_chapter, verified) have columns
(``sortable=True``) so grouping reads a column instead of un-inverting terms.
Numeric and date fields are indexed without Whoosh's tiered terms (``shift_step=0``):
they are looked up exactly or sorted by column, and each tier costs a posting per
document at indexing time (measured: 32 of ~280 postings per listing).
"""

from __future__ import annotations

from typing import Any

from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, FieldType, Schema
from whoosh.formats import Existence

from exportnet.search.analysis import TITLE_END, multilingual_analyzer

FACET_FIELDS = ("kind", "economy", "hs_section", "hs_chapter", "verified")
FILTER_FIELDS = (*FACET_FIELDS, "hs_heading", "languages")
KINDS = ("product", "company", "notice", "post")

# Latin-script words for spelling suggestions: no stems, no CJK/Thai n-grams.
SPELL_PATTERN = r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]{3,}"


def _datetime() -> DATETIME:
    field = DATETIME(stored=True, sortable=True)
    field.shift_step = 0  # DATETIME hard-codes 8 tiers; exact terms + column suffice
    return field


def build_schema() -> Schema:
    """Return the catalog schema (field list documented in the module docstring)."""
    analyzer = multilingual_analyzer(stem_english=True)
    return Schema(
        doc_key=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        entity_id=NUMERIC(int, bits=64, stored=True, shift_step=0),
        text=TEXT(analyzer=analyzer, phrase=True),
        concepts=KEYWORD(scorable=True),
        # Vocabulary for did-you-mean (unstemmed Latin words); unscored, no lengths.
        spell=FieldType(Existence(), RegexTokenizer(SPELL_PATTERN) | LowercaseFilter()),
        economy=ID(stored=True, sortable=True),
        hs_section=ID(stored=True, sortable=True),
        hs_chapter=ID(stored=True, sortable=True),
        hs_heading=ID(stored=True, sortable=True),
        # "1"/"0": an ID column facets and filters like the others (Whoosh's BOOLEAN
        # field has no column); index.prepare_document converts the bool.
        verified=ID(stored=True, sortable=True),
        languages=KEYWORD(stored=True, commas=True, lowercase=True),
        created_at=_datetime(),
        updated_at=_datetime(),
    )


def prepare_document(doc: dict[str, Any]) -> dict[str, Any]:
    """Normalize a catalog document dict into Whoosh field values.

    ``title`` is put in front of ``text`` behind a ``TITLE_END`` mark (the analyzer
    weighs title words ``TITLE_BOOST`` times), ``verified`` becomes "1"/"0", language
    lists are joined, and the ``spell`` field gets the searchable text.
    """
    out = {k: v for k, v in doc.items() if v is not None}
    for required in ("doc_key", "kind", "entity_id"):
        if required not in out:
            raise ValueError(f"search document without {required!r}: {doc!r}")
    title, text = out.pop("title", ""), out.get("text", "")
    if title:
        out["text"] = f"{title}{TITLE_END}{text}"
    out["spell"] = out.get("text", "")
    if "verified" in out:
        out["verified"] = "1" if out["verified"] in (True, 1, "1", "true") else "0"
    if isinstance(out.get("languages"), list | tuple | set):
        out["languages"] = ",".join(sorted(out["languages"]))
    if isinstance(out.get("concepts"), list | tuple | set):
        out["concepts"] = " ".join(out["concepts"])
    for key in ("economy", "hs_section", "hs_chapter", "hs_heading", "kind"):
        if key in out:
            out[key] = str(out[key])
    return out
