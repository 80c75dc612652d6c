"""Cross-language vocabulary, indexed once: names of categories, economies and goods.

A listing written only in Thai must be found by コーヒー or "coffee". Documents used
to carry every name of their HS category, economy and glossary goods in 13 languages
(about 2.5 kB and 870 tokens each, so a rebuild ran at ~40 documents a second and
common words had huge posting lists). Now a document carries only the keys of its
concepts in the ``concepts`` field ("hs:0901 hs:09 hs:II eco:VN gl:coffee"), and the
names live once in a small in-memory index with one document per concept (about
1,900), analyzed like the catalog's ``text`` field.

``expand`` turns one required query word into "the word, or a concept whose names
match the word", so a word still finds a document when it occurs in the document's
own text or in the names of one of its concepts, which is what the inlined names did.
Concept matches weigh ``CONCEPT_BOOST``: a listing that says the word itself ranks
first.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import cache, lru_cache

from babel import Locale
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Or, Query, Term

from exportnet.i18n.locales import LOCALE_CODES
from exportnet.search import glossary
from exportnet.search.analysis import multilingual_analyzer
from exportnet.taxonomy import hs

FIELD = "concepts"
CONCEPT_BOOST = 0.5
MAX_EXPANSION = 400  # concepts one word may stand for ("products" names many HS nodes)

_lock = threading.Lock()


def hs_keys(code: str | None) -> list[str]:
    """Keys of an HS code and of the chapter and section above it."""
    if not code:
        return []
    try:
        section, chapter, heading = hs.path_for(code)
    except KeyError:
        return [f"hs:{code}"] if hs.section(code) is not None else []
    return [f"hs:{c}" for c in (heading, chapter, section) if c]


def economy_keys(code: str | None) -> list[str]:
    return [f"eco:{code}"] if code else []


def document_concepts(
    text: str, categories: Iterable[str | None] = (), economies: Iterable[str | None] = ()
) -> list[str]:
    """Concept keys of a document: its categories, economies and the goods it names."""
    keys: list[str] = []
    for code in categories:
        keys += hs_keys(code)
        if code and len(code) == 4:
            keys += [f"gl:{key}" for key in glossary.keys_for_heading(code)]
    for code in economies:
        keys += economy_keys(code)
    keys += [f"gl:{key}" for key in glossary.keys_for_text(text)]
    return list(dict.fromkeys(keys))


def _economy_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for locale in LOCALE_CODES:
        for code, name in Locale.parse(locale).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(code, set()).add(name)
    return names


def concept_names() -> Iterable[tuple[str, str]]:
    """(key, all its names) for every concept a document can carry."""
    for section in hs.sections():
        yield f"hs:{section.code}", " ".join(dict.fromkeys(section.names.values()))
        for chapter in hs.chapters(section.code):
            yield f"hs:{chapter.code}", " ".join(dict.fromkeys(chapter.names.values()))
    for heading in hs.headings():
        yield f"hs:{heading.code}", " ".join(dict.fromkeys(heading.names.values()))
    for code, names in sorted(_economy_names().items()):
        yield f"eco:{code}", " ".join(sorted(names))
    for entry in glossary.entries():
        yield f"gl:{entry.key}", " ".join(entry.all_terms())


@cache
def _vocabulary():  # -> whoosh Searcher over the concept names
    schema = Schema(key=ID(stored=True), text=TEXT(analyzer=multilingual_analyzer(), phrase=True))
    ix = RamStorage().create_index(schema)
    writer = ix.writer()
    for key, names in concept_names():
        writer.add_document(key=key, text=names)
    writer.commit()
    return ix.searcher()


def load_vocabulary() -> None:
    """Build the concept index now (about 1.5 s) rather than on the first search."""
    with _lock:
        _vocabulary()


@lru_cache(maxsize=4096)
def matching_keys(query: Query) -> tuple[str, ...]:
    """Keys of the concepts whose names match ``query`` (a query on field ``text``)."""
    with _lock:
        searcher = _vocabulary()
        docnums = sorted(query.docs(searcher))[:MAX_EXPANSION]
        return tuple(searcher.stored_fields(n)["key"] for n in docnums)


def expand(query: Query) -> Query:
    """``query`` or any concept whose names match it."""
    keys = matching_keys(query)
    if not keys:
        return query
    return Or([query, *(Term(FIELD, key, boost=CONCEPT_BOOST) for key in keys)])


def is_known_word(word: str) -> bool:
    """Whether ``word`` (an analyzed term) occurs in some concept's names."""
    with _lock:
        return _vocabulary().doc_frequency("text", word) > 0
