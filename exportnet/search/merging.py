"""The merge policy of incremental index commits (outbox drains)."""

from __future__ import annotations

from typing import Any

from whoosh.reading import SegmentReader

MERGE_FACTOR = 10
MERGE_MAX_DOCS = 1000


def merge_tiers(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: merge small segments ten of a size tier (1-9, 10-99, ...) at
    a time; segments of ``MERGE_MAX_DOCS`` or more are left to ``rebuild``.

    Whoosh's MERGE_SMALL never merges once an index has ~20 segments (a chunked
    rebuild), so every outbox drain would add a segment for good.
    """
    tiers: dict[int, list[Any]] = {}
    for seg in segments:
        if seg.doc_count_all() < MERGE_MAX_DOCS:
            tiers.setdefault(len(str(seg.doc_count_all())), []).append(seg)
    merged = [seg for group in tiers.values() if len(group) >= MERGE_FACTOR for seg in group]
    for seg in merged:
        reader = SegmentReader(writer.storage, writer.schema, seg)
        writer.add_reader(reader)
        reader.close()
    merged_ids = {id(seg) for seg in merged}
    return [seg for seg in segments if id(seg) not in merged_ids]
