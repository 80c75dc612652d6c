"""The concept vocabulary: which keys a document carries, which a query word reaches."""

from __future__ import annotations

from whoosh.query import Or, Term

from exportnet.search.concepts import document_concepts, expand, hs_keys, is_known_word


def test_a_listing_carries_its_category_path_economy_and_goods() -> None:
    keys = document_concepts("Cà phê Robusta rang xay", ["0901"], ["VN", None])
    assert keys[:3] == ["hs:0901", "hs:09", "hs:II"]
    assert {"eco:VN", "gl:coffee", "gl:coffee_beans"} <= set(keys)
    assert len(keys) == len(set(keys))


def test_unknown_or_missing_codes_carry_nothing() -> None:
    assert hs_keys(None) == [] and hs_keys("9999") == []
    assert hs_keys("II") == ["hs:II"]
    assert document_concepts("", [None], [None]) == []


def test_a_word_in_any_language_reaches_the_same_good() -> None:
    for word in ("coffee", "กาแฟ", "ກາເຟ", "kopi", "커피"):
        expanded = expand(Term("text", word))
        assert isinstance(expanded, Or), word
        assert Term("concepts", "gl:coffee", boost=0.5) in expanded.subqueries, word


def test_a_word_naming_no_concept_is_left_alone() -> None:
    assert expand(Term("text", "zzqx")) == Term("text", "zzqx")
    assert is_known_word("durian") and not is_known_word("zzqx")
