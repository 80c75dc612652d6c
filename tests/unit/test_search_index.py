"""The on-disk index: writes, cross-process visibility, rebuild swaps, writer locks."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.query import Term

from exportnet.search.index import IndexBusyError, SearchIndex
from exportnet.search.query import search


def doc(n: int, text: str = "", kind: str = "product") -> dict:
    return {
        "doc_key": f"{kind}:{n}",
        "kind": kind,
        "entity_id": n,
        "title": f"Listing {n}",
        "text": text or f"coffee beans lot {n}",
        "economy": "VN",
        "verified": True,
        "created_at": datetime(2024, 1, 1),
    }


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "index"


def keys_found(index: SearchIndex, text: str) -> set[str]:
    return {h.doc_key for h in search(index, text, per_page=100).hits}


def test_open_or_create_is_idempotent(root: Path) -> None:
    first = SearchIndex.open_or_create(root)
    second = SearchIndex.open_or_create(root)
    assert first.current_generation() == second.current_generation()
    assert first.doc_count() == 0
    assert first.all_keys() == set()


def test_apply_upserts_and_deletes(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    index.apply([doc(1), doc(2), doc(3, "ข้าวหอมมะลิ")], [])
    assert index.doc_count() == 3
    assert keys_found(index, "ข้าว") == {"product:3"}

    index.apply([doc(1, "green tea")], ["product:2"])  # update 1, delete 2
    assert index.all_keys() == {"product:1", "product:3"}
    assert keys_found(index, "coffee") == set()
    assert keys_found(index, "tea") == {"product:1"}

    index.apply([], ["product:404"])  # deleting a missing key is fine
    assert index.doc_count() == 2


def test_other_process_sees_changes_after_refresh(root: Path) -> None:
    writer_side = SearchIndex.open_or_create(root)
    reader_side = SearchIndex(root)  # another worker process with its own cache
    assert keys_found(reader_side, "coffee") == set()
    writer_side.apply([doc(1)], [])
    assert keys_found(reader_side, "coffee") == {"product:1"}
    writer_side.apply([], ["product:1"])
    assert keys_found(reader_side, "coffee") == set()


def test_searcher_is_cached_until_the_index_changes(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    index.apply([doc(1)], [])
    with index.searcher() as first:
        pass
    with index.searcher() as again:
        assert again is first
    index.apply([doc(2)], [])
    with index.searcher() as refreshed:
        assert refreshed is not first
        assert refreshed.doc_count() == 2


def test_rebuild_swaps_atomically_and_old_searchers_keep_working(root: Path) -> None:
    live = SearchIndex.open_or_create(root)
    live.apply([doc(1, "old coffee"), doc(2, "old tea")], [])
    old_generation = live.current_generation()
    builder = SearchIndex(root)  # e.g. `exportnet search rebuild` in another process

    with live.searcher() as old_searcher:
        count = builder.rebuild(doc(n, "new pepper") for n in range(10, 15))
        assert count == 5
        # The old searcher still reads its (now retired) generation.
        assert old_searcher.search(Term("text", "old")).estimated_length() == 2
        assert old_searcher.stored_fields(0)["doc_key"] == "product:1"

    assert live.current_generation() != old_generation
    assert live.doc_count() == 5
    assert keys_found(live, "pepper") == {f"product:{n}" for n in range(10, 15)}
    assert keys_found(live, "old") == set()

    live.apply([doc(99, "fresh cardamom")], [])  # writes land in the new generation
    assert keys_found(builder, "cardamom") == {"product:99"}


def test_rebuild_keeps_only_the_previous_generation(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    for round_ in range(3):
        index.rebuild([doc(round_)])
    assert len(index.generations()) == 2
    assert index.current_generation() == index.generations()[-1]
    assert index.all_keys() == {"product:2"}


def test_failed_rebuild_leaves_the_live_index_alone(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    index.apply([doc(1)], [])
    before = index.current_generation()

    def broken():
        yield doc(2)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        index.rebuild(broken())
    assert index.current_generation() == before
    assert index.generations() == [before]
    assert index.all_keys() == {"product:1"}


def test_held_writer_lock_surfaces_as_index_busy(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    other = whoosh_index.open_dir(str(root / index.current_generation()))
    held = other.writer()  # another process holds the writer lock
    try:
        with pytest.raises(IndexBusyError):
            index.apply([doc(1)], [], timeout=0.2)
        assert index.doc_count() == 0  # nothing was written, nothing silently lost
    finally:
        held.cancel()
    index.apply([doc(1)], [], timeout=0.2)  # the caller's retry succeeds
    assert index.all_keys() == {"product:1"}


def test_rebuild_waits_for_a_writer_then_reports_busy(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    other = whoosh_index.open_dir(str(root / index.current_generation()))
    held = other.writer()
    try:
        with pytest.raises(IndexBusyError):
            index.rebuild([doc(1)], lock_timeout=0.2)
    finally:
        held.cancel()
    assert len(index.generations()) == 1  # the unused build was removed


def test_concurrent_searches_and_writes(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    index.apply([doc(n) for n in range(50)], [])
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(30):
                assert search(index, "coffee", facets=["economy"]).total >= 50
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for thread in threads:
        thread.start()
    for n in range(50, 60):
        index.apply([doc(n)], [])
    for thread in threads:
        thread.join()
    assert errors == []
    assert index.doc_count() == 60


def test_document_without_key_is_rejected(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    with pytest.raises(ValueError):
        index.apply([{"kind": "product", "entity_id": 1}], [])


def test_facet_counts_follow_deletes_and_new_segments(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    index.apply([doc(n) | {"economy": "TH" if n % 2 else "VN"} for n in range(10)], [])
    assert search(index, None, facets=["economy"]).facets["economy"] == {"TH": 5, "VN": 5}

    index.apply([], ["product:1", "product:2"])  # deletions inside a cached segment
    assert search(index, None, facets=["economy"]).facets["economy"] == {"TH": 4, "VN": 4}

    index.apply([doc(20) | {"economy": "KH"}, doc(3) | {"economy": "KH"}], [])
    results = search(index, "coffee", {"economy": ["KH", "TH"]}, facets=["economy"])
    assert results.facets["economy"] == {"TH": 3, "KH": 2}
    assert results.total == 5
    assert {h.doc_key for h in results.hits} == {f"product:{n}" for n in (3, 5, 7, 9, 20)}


def test_small_segments_are_merged_ten_at_a_time(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    index.rebuild((doc(n) for n in range(30)), chunk_size=10)  # three 10-doc segments
    for n in range(100, 125):  # 25 outbox drains of one document each
        index.apply([doc(n)], [])
        with index.searcher() as searcher:
            segments = searcher.reader().leaf_readers()
            assert len(segments) <= 3 + 10 + 1
    assert index.doc_count() == 55
    assert index.all_keys() == {f"product:{n}" for n in (*range(30), *range(100, 125))}


def test_browse_lists_undated_documents_last(root: Path) -> None:
    index = SearchIndex.open_or_create(root)
    undated = doc(1) | {"created_at": None}
    index.apply([undated, doc(2), doc(3) | {"created_at": datetime(2025, 5, 1)}], [])
    assert [h.entity_id for h in search(index, "").hits] == [3, 2, 1]
    assert [h.entity_id for h in search(index, "coffee", sort="newest").hits] == [3, 2, 1]


def test_a_failed_commit_releases_the_writer_lock(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = SearchIndex.open_or_create(root)

    def failing_merge(writer, segments):
        raise OSError("disk full")

    monkeypatch.setattr("exportnet.search.index.merge_tiers", failing_merge)
    with pytest.raises(OSError, match="disk full") as failure:
        index.apply([doc(1)], [])
    monkeypatch.undo()
    # The traceback (kept, as a logger or error page would) holds the failed writer,
    # so garbage collection does not release its lock: apply must have done it.
    assert failure.traceback
    index.apply([doc(2)], [], timeout=0.2)  # not IndexBusyError
    assert index.all_keys() == {"product:2"}


def test_an_index_from_an_older_schema_keeps_working_until_rebuilt(root: Path) -> None:
    from exportnet.search.formats import catalog_schema

    index = SearchIndex.open_or_create(root)
    old_schema = catalog_schema()
    old_schema.remove("concepts")
    generation = index._new_generation_dir()
    whoosh_index.create_in(str(generation), old_schema)
    index._write_pointer(generation.name)
    assert not index.schema_is_current()

    coffee = {**doc(1, "Cà phê Robusta"), "concepts": ["gl:coffee", "eco:VN"]}
    index.apply([coffee], [])
    assert keys_found(index, "robusta") == {"product:1"}
    assert keys_found(index, "コーヒー") == set()  # needs the concepts of a rebuild

    index.rebuild([coffee])
    assert index.schema_is_current()
    assert keys_found(index, "コーヒー") == {"product:1"}
