"""Matching and ranking of catalog queries over bitmaps, with Whoosh's BM25F scores.

``query.build_query`` makes trees of Term, And, Or, AndMaybe, Phrase and Prefix.
Whoosh runs them one document at a time through a tree of matchers, in Python, and
the facet bitmap needed a second pass (``docs_for_query``). Here every node is a
bitmap (``DocSets``): a term's postings are read block by block (and kept, see
``SegmentCache``), And/Or are ``&``/``|`` of Python ints, a phrase checks positions
only in the documents holding all of its words, with positions as bit masks. Then
only the matched documents are scored, a posting list at a time with ``map`` over
C functions, and the per-term scores are added along the matched docnums.

Measured at 97,096 generated listings (``benchmarks/search_bench.py`` query set: 23
queries, five facets, 5 rounds; same machine, same time, interleaved; 2 CPUs
shared with other work): Whoosh's matchers p50 65-69 ms, p95 423-468 ms, max
900 ms (コーヒー, "dried mango", cà phê: phrases and broad terms); this engine p50
8-10 ms, p95 33-35 ms with postings read before, p50 21 ms, p95 93-98 ms with none.
The top 50 and the totals were identical for 29 queries of all scripts.

The scores are Whoosh's own: BM25F of each Term leaf (idf and average field length
of the whole index, the document's field length) times the boosts, added up the way
Whoosh's matchers add them: And and Phrase count all their words, Or the children
that match the document, AndMaybe its optional part where it matches. A Prefix that
expands to one term scores that term; one that expands to more scores its boost per
document (Whoosh preloads such an Or unscored in segments of up to 5,000 documents,
the size ``rebuild`` writes; in larger segments, or for exactly two terms, Whoosh
would add BM25 scores instead, so ranks differed by segment size). Ties go to the
lower docnum, as in Whoosh's top-N collector. Other nodes raise ``Unsupported`` and
the caller uses Whoosh.
"""

from __future__ import annotations

import heapq
from itertools import compress, repeat
from operator import add, mul, neg, truediv
from typing import Any

from whoosh.query import And, AndMaybe, Or, Phrase, Prefix, Query, Term
from whoosh.scoring import BM25F

from exportnet.search.docsets import DocSets, bitmap
from exportnet.search.postings import Postings

_MASKS: dict[bytes, int] = {}  # encoded positions -> bit mask of the positions
_MASKS_KEPT = 200_000


class Unsupported(Exception):
    """A query node this engine does not evaluate."""


class Engine:
    """Evaluates queries against one searcher's ``DocSets`` (use under its lock)."""

    def __init__(self, docsets: DocSets) -> None:
        self.docsets = docsets
        self.searcher = docsets.searcher
        self._bits: dict[Query, int] = {}
        self._gates: dict[int, bytes] = {}
        self._norm_cache = docsets.norms
        weighting = self.searcher.weighting
        if type(weighting) is not BM25F:
            raise Unsupported(f"weighting {weighting!r}")
        self._weighting = weighting

    # -- matching ----------------------------------------------------------------

    def bits(self, q: Query) -> int:
        """Bitmap of the documents matching ``q`` (deleted ones may be included)."""
        found = self._bits.get(q)
        if found is None:
            found = self._bits[q] = self._match(q)
        return found

    def _match(self, q: Query) -> int:
        kind = type(q)
        if kind is Term:
            if q.fieldname not in self.searcher.schema:  # an index built before the field
                return 0
            return self.docsets.term(q.fieldname, q.text)
        if kind is And:
            result = -1
            for sub in q.subqueries:
                result &= self.bits(sub)
                if not result:
                    return 0
            return 0 if result == -1 else result
        if kind is Or and not q.minmatch and not q.scale:
            result = 0
            for sub in q.subqueries:
                result |= self.bits(sub)
            return result
        if kind is AndMaybe:
            return self.bits(q.a)
        if kind is Phrase and q.slop == 1:
            return self._phrase(q.fieldname, tuple(q.words))
        if kind is Prefix:
            result = 0
            for text in self._expand(q):
                result |= self.docsets.term(q.fieldname, text)
            return result
        raise Unsupported(repr(q))

    def _expand(self, q: Prefix) -> list[str]:
        if not q.text:
            raise Unsupported("empty prefix")
        reader = self.searcher.reader()
        field = self.searcher.schema[q.fieldname]
        return [field.from_bytes(b) for b in reader.expand_prefix(q.fieldname, q.text)]

    def _phrase(self, fieldname: str, words: tuple[str, ...]) -> int:
        if len(words) == 1:
            return self.docsets.term(fieldname, words[0])
        docsets = self.docsets
        cached = docsets.cached_bits(("phrase", fieldname, words))
        if cached is not None:
            return cached
        field = self.searcher.schema[fieldname]
        reader = self.searcher.reader()
        result = 0
        if all((fieldname, field.to_bytes(word)) in reader for word in words):
            # positions first: reading them also caches the postings term() needs
            lists = [
                [docsets.postings(segment, sid, fieldname, word, True) for word in words]
                for segment, _offset, sid in docsets.segments
            ]
            candidates = -1
            for word in words:
                candidates &= docsets.term(fieldname, word)
            decode = field.format.decode_positions
            for (segment, offset, _sid), postings in zip(docsets.segments, lists, strict=True):
                local = (candidates >> offset) & ((1 << segment.doc_count_all()) - 1)
                if local:
                    result |= _phrase_in_segment(postings, local, decode) << offset
        docsets.cache_bits(("phrase", fieldname, words), result)
        return result

    # -- ranking -----------------------------------------------------------------

    def top(self, q: Query, matched: int, limit: int) -> list[tuple[float, int]]:
        """(score, docnum) of the ``limit`` best of ``matched``, best first.

        Each scored term gives a {docnum: score} dict over its gate; the dicts are
        added up along the matched docnums with ``map`` (C loops, not Python ones).
        """
        parts: list[dict[int, float]] = []
        self._score(q, matched, 1.0, parts)
        docnums = docnums_of(matched)
        totals: Any = repeat(0.0, len(docnums))
        for part in parts:
            totals = map(add, totals, map(part.get, docnums, repeat(0.0)))
        best = heapq.nlargest(limit, zip(totals, map(neg, docnums), strict=True))
        return [(score, -negated) for score, negated in best]

    def _score(self, q: Query, gate: int, boost: float, parts: list[dict[int, float]]) -> None:
        """Collect the scores ``q`` gives the documents of ``gate`` (which all match it)."""
        kind = type(q)
        if kind is Term:
            parts.append(self._term_scores(q.fieldname, q.text, gate, boost * q.boost))
        elif kind is And:
            for sub in q.subqueries:
                self._score(sub, gate, boost * q.boost, parts)
        elif kind is Or:
            for sub in q.subqueries:
                sub_gate = gate if type(sub) is Term else gate & self.bits(sub)
                if sub_gate:
                    self._score(sub, sub_gate, boost * q.boost, parts)
        elif kind is AndMaybe:
            self._score(q.a, gate, boost, parts)
            optional = gate & self.bits(q.b)
            if optional:
                self._score(q.b, optional, boost, parts)
        elif kind is Phrase:
            for word in q.words:
                parts.append(self._term_scores(q.fieldname, word, gate, boost * q.boost))
        elif kind is Prefix:
            texts = self._expand(q)
            if len(texts) == 1:  # Whoosh uses the lone Term (BM25, no prefix boost)
                parts.append(self._term_scores(q.fieldname, texts[0], gate, boost))
            else:  # and otherwise an unscored Or: the boost, once per document
                parts.append(dict.fromkeys(docnums_of(gate & self.bits(q)), boost * q.boost))
        else:
            raise Unsupported(repr(q))

    def _term_scores(self, fieldname: str, text: str, gate: int, boost: float) -> dict:
        """{docnum: BM25F score} of ``fieldname:text`` for the documents of ``gate``.

        Whoosh's ``bm25(idf, tf, fl, avgfl, B, K1)`` is ``idf * ((tf * (K1 + 1)) /
        (tf + norm))`` with ``norm = K1 * ((1 - B) + B * fl / avgfl)`` per document;
        the same operations in the same order give the same floats.
        """
        searcher, docsets = self.searcher, self.docsets
        if fieldname not in searcher.schema:
            return {}
        if not searcher.schema[fieldname].scorable:
            raise Unsupported(f"unscored field {fieldname}")
        idf = searcher.idf(fieldname, text)
        k1_plus_1 = self._weighting.K1 + 1
        selected = self._expanded(gate)
        scores: dict[int, float] = {}
        for reader, offset, sid in docsets.segments:
            postings = docsets.postings(reader, sid, fieldname, text)
            if not postings.ids:
                continue
            ids, tfs = postings.ids, postings.weights
            norms = self._norms(reader, sid, fieldname)
            numerators = map(mul, tfs, repeat(k1_plus_1))
            denominators = map(add, tfs, map(norms.__getitem__, ids))
            values: Any = map(mul, repeat(idf), map(truediv, numerators, denominators))
            if boost != 1.0:
                values = map(mul, values, repeat(boost))
            global_ids = list(map(add, ids, repeat(offset))) if offset else ids
            pairs = zip(global_ids, values, strict=True)
            scores.update(compress(pairs, map(selected.__getitem__, global_ids)))
        return scores

    def _expanded(self, gate: int) -> bytes:
        """One byte (1/0) per docnum of the index: whether it is in ``gate``."""
        found = self._gates.get(gate)
        if found is None:
            size = (self.searcher.doc_count_all() + 7) // 8
            found = b"".join(map(_BYTE_BITS.__getitem__, gate.to_bytes(size, "little")))
            self._gates[gate] = found
        return found

    def _norms(self, reader: Any, sid: str, fieldname: str) -> list[float]:
        """``K1 * ((1 - B) + B * fl / avgfl)`` of every document of one segment."""
        key = (sid, fieldname)
        norms = self._norm_cache.get(key)
        if norms is None:
            K1 = self._weighting.K1
            B = self._weighting._field_B.get(fieldname, self._weighting.B)
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            lengths = self.docsets.lengths(reader, sid, fieldname)
            ratios = map(truediv, map(mul, repeat(B), lengths), repeat(avgfl))
            norms = list(map(mul, repeat(K1), map(add, repeat(1 - B), ratios)))
            self._norm_cache[key] = norms
        return norms


def docnums_of(bits: int) -> list[int]:
    """The set bits of a bitmap, ascending."""
    out: list[int] = []
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for i in compress(range(len(data)), data):
        base = i << 3
        out.extend(base + b for b in _BIT_POSITIONS[data[i]])
    return out


_BYTE_BITS = [bytes((byte >> bit) & 1 for bit in range(8)) for byte in range(256)]
_BIT_POSITIONS = [tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256)]


def _phrase_in_segment(lists: list[Postings], local: int, decode: Any) -> int:
    """Bitmap (segment docnums) of the documents of ``local`` where the words whose
    postings are ``lists`` occur at consecutive positions."""
    flags = local.to_bytes((local.bit_length() + 7) // 8, "little")
    size = len(flags)
    per_word = [
        {
            docnum: value
            for docnum, value in zip(postings.ids, postings.values or (), strict=True)
            if docnum >> 3 < size and flags[docnum >> 3] >> (docnum & 7) & 1
        }
        for postings in lists
    ]
    found: list[int] = []
    first, rest = per_word[0], list(enumerate(per_word[1:], start=1))
    for docnum, value in first.items():
        mask = _mask(value, decode)
        for shift, postings in rest:
            other = postings.get(docnum)
            if other is None:
                mask = 0
                break
            mask &= _mask(other, decode) >> shift
            if not mask:
                break
        if mask:
            found.append(docnum)
    return bitmap(found)


def _mask(value: bytes, decode: Any) -> int:
    mask = _MASKS.get(value)
    if mask is None:
        mask = 0
        for pos in decode(value):
            mask |= 1 << pos
        if len(_MASKS) >= _MASKS_KEPT:
            _MASKS.clear()
        _MASKS[value] = mask
    return mask
