"""Whole posting lists of one segment, read block by block.

Whoosh's matchers step through postings one Python call at a time (``is_active``,
``id``, ``next`` per document); a block of W3 postings is one pickled tuple of ids,
weights and values, so reading it whole is an order of magnitude cheaper. This relies
on the W3 posting-block layout of Whoosh 2.7 (``W3LeafMatcher``); any other matcher
is read through the public matcher interface.
"""

from __future__ import annotations

from array import array
from itertools import accumulate, repeat
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher

from exportnet.search.codec import LengthTableReader


class Postings:
    """The postings of one term in one segment (``values`` only when asked for)."""

    __slots__ = ("ids", "weights", "values")

    def __init__(self, ids: array, weights: array, values: list[bytes] | None) -> None:
        self.ids = ids
        self.weights = weights
        self.values = values

    def __len__(self) -> int:
        return len(self.ids)


EMPTY = Postings(array("I"), array("f"), [])


def read_postings(reader: Any, fieldname: str, btext: bytes, values: bool = False) -> Postings:
    """Every posting of ``fieldname:btext`` in the segment ``reader`` (deleted docs too)."""
    if (fieldname, btext) not in reader:
        return EMPTY
    m = reader.postings(fieldname, btext)
    ids, weights = array("I"), array("f")
    vals: list[bytes] | None = [] if values else None
    if isinstance(m, W3LeafMatcher) and not m._byteids:
        while m.is_active():
            m._read_data()  # (delta-coded ids, weights, values) of the block
            deltas, block_weights, _values = m._data
            ids.extend(accumulate(deltas))  # Whoosh's delta_decode, in C
            count = m._blocklength
            if block_weights is None:  # W3PostingsWriter._mini_weights: all 1.0
                weights.extend(repeat(1.0, count))
            elif isinstance(block_weights, float):  # ... all the same
                weights.extend(repeat(block_weights, count))
            else:
                weights.extend(block_weights)
            if vals is not None:
                m._read_values()
                vals.extend(m._values)
            if m._lastblock:
                break
            m._next_block()
    else:
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            if vals is not None:
                vals.append(m.value())
            m.next()
    return Postings(ids, weights, vals)


def length_table(reader: Any, fieldname: str) -> list[Any]:
    """Field length of every document of the segment ``reader``, by docnum (as BM25F
    reads it: ``doc_field_length(docnum, fieldname, 1)``; 0 for no length)."""
    perdoc = getattr(reader, "_perdoc", None)
    count = reader.doc_count_all()
    if isinstance(perdoc, LengthTableReader):
        table = perdoc.lengths(fieldname)
        if table is None:
            return [1] * (count + 1)
    else:
        table = [reader.doc_field_length(n, fieldname, 1) for n in range(count + 1)]
    # None (a length byte of 0) only for documents without postings in the field
    return [0 if length is None else length for length in table]
