"""The on-disk catalog index: versioned generations, one cached searcher per process.

Layout of the index root::

    <root>/CURRENT          name of the live generation directory (replaced atomically)
    <root>/gen-<ns>-<pid>/  a complete Whoosh index
    <root>/REBUILD.lock     held while a rebuild runs

``apply`` writes incremental changes into the live generation under Whoosh's
``WRITELOCK``; ``rebuild`` builds a fresh generation beside it and swaps ``CURRENT``
while holding the old generation's ``WRITELOCK``, so no write can land in a generation
that is no longer live (a writer that finds ``CURRENT`` moved retries on the new one).
Writes committed to the old generation *during* a rebuild are not in the new one:
callers replay their outbox from the point the rebuild started. The previous
generation is kept (readers in other processes may still have it open); older ones are
deleted by the next rebuild.

Whoosh searchers are not safe to share between threads (postings are read with
seek()+read() on a shared file object), so the single cached searcher is lent out under
a lock: ``with index.searcher() as s: ...``. Search is CPU-bound under the GIL anyway.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.util.filelock import FileLock

from exportnet.search.building import build_generation, default_procs
from exportnet.search.codec import CatalogCodec
from exportnet.search.docsets import BitmapDocSet, DocSets, SegmentCache, bitmap
from exportnet.search.formats import catalog_schema
from exportnet.search.merging import merge_tiers
from exportnet.search.schema import prepare_document

__all__ = [
    "BitmapDocSet",
    "DocSets",
    "IndexBusyError",
    "SearchIndex",
    "SearchIndexError",
    "bitmap",
    "prepare_document",
    "rebuild",
]

POINTER = "CURRENT"
GEN_PREFIX = "gen-"


class SearchIndexError(Exception):
    """Base class for search index failures."""


class IndexBusyError(SearchIndexError):
    """Another writer holds the index lock; nothing was written, retry later."""


class SearchIndex:
    """A catalog index directory. Create one per process and share it."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self._lock = threading.RLock()
        self._pointer_stat: tuple[int, int, int] | None = None
        self._generation: str | None = None
        self._ix: FileIndex | None = None
        self._searcher: Searcher | None = None
        self._docsets: DocSets | None = None
        self._segment_cache = SegmentCache()

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open_or_create(cls, path: str | os.PathLike[str]) -> SearchIndex:
        """Open the index at ``path``, creating an empty one if there is none."""
        index = cls(path)
        index.root.mkdir(parents=True, exist_ok=True)
        if not (index.root / POINTER).exists():
            with _held(FileLock(str(index.root / "REBUILD.lock")), timeout=10.0):
                if not (index.root / POINTER).exists():
                    gen = index._new_generation_dir()
                    whoosh_index.create_in(str(gen), catalog_schema())
                    index._write_pointer(gen.name)
        return index

    def _new_generation_dir(self) -> Path:
        gen = self.root / f"{GEN_PREFIX}{time.time_ns()}-{os.getpid()}"
        gen.mkdir()
        return gen

    def _write_pointer(self, name: str) -> None:
        tmp = self.root / f".{POINTER}.{os.getpid()}.{threading.get_ident()}"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(name)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / POINTER)
        dir_fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def current_generation(self) -> str:
        """Name of the live generation directory (read from ``CURRENT``)."""
        try:
            return (self.root / POINTER).read_text(encoding="utf-8").strip()
        except FileNotFoundError as exc:
            raise SearchIndexError(f"no search index at {self.root}") from exc

    def _open(self, generation: str) -> FileIndex:
        return whoosh_index.open_dir(str(self.root / generation))

    def _current_index(self) -> FileIndex:
        """The live FileIndex, reopened only when CURRENT was replaced."""
        st = os.stat(self.root / POINTER)
        key = (st.st_ino, st.st_mtime_ns, st.st_size)
        if self._ix is None or key != self._pointer_stat:
            generation = self.current_generation()
            if generation != self._generation or self._ix is None:
                self._ix = self._open(generation)
                self._generation = generation
            self._pointer_stat = key
        return self._ix

    # -- writing -----------------------------------------------------------------

    def apply(
        self, upserts: list[dict[str, Any]], deletes: list[str], timeout: float = 10.0
    ) -> None:
        """Upsert documents and delete ``doc_key``s in one commit.

        Raises :class:`IndexBusyError` when the writer lock is not obtained within
        ``timeout`` seconds (nothing is written; the caller keeps its outbox rows).
        """
        if not upserts and not deletes:
            return
        docs = {d["doc_key"]: d for d in map(prepare_document, upserts)}  # last one wins
        for _attempt in range(3):
            with self._lock:
                ix = self._current_index()
                generation = self._generation
            try:
                writer = ix.writer(timeout=timeout, codec=CatalogCodec())
            except LockError as exc:
                raise IndexBusyError(f"search index {self.root} is locked by a writer") from exc
            if self.current_generation() != generation:  # swapped by a rebuild meanwhile
                writer.cancel()
                continue
            known = set(ix.schema.names())
            try:
                # One searcher for all deletions: update_document() opens a reader per
                # call (measured 46 ms per document on a 20k index).
                with writer.searcher() as searcher:
                    for key in {*deletes, *docs}:
                        writer.delete_by_term("doc_key", key, searcher=searcher)
                for doc in docs.values():
                    # An index built by an older release lacks newer fields until rebuilt.
                    writer.add_document(**{k: v for k, v in doc.items() if k in known})
            except BaseException:
                writer.cancel()
                raise
            try:
                writer.commit(mergetype=merge_tiers)
            except BaseException:
                _abandon(writer)
                raise
            return
        raise IndexBusyError(f"search index {self.root} kept being rebuilt; retry later")

    # -- reading -----------------------------------------------------------------

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """Lend the process-wide searcher, refreshed if the index changed.

        The searcher must not escape the ``with`` block (it may be replaced after).
        """
        with self._lock:
            yield self._fresh_searcher()

    def _fresh_searcher(self) -> Searcher:
        ix = self._current_index()
        s = self._searcher
        if s is not None and s._ix is ix and s.up_to_date():
            return s
        if s is not None and s._ix is ix:
            # Closes the old readers (safe: nobody else holds it under our lock). Whoosh
            # 2.7 reopens every segment here (its reuse map is keyed wrongly): ~140 ms
            # at 100k listings, paid once per change, not per request.
            self._searcher = s.refresh()
        else:
            self._searcher = ix.searcher()  # new generation; the old one is left to GC
        return self._searcher

    def docsets(self, searcher: Searcher) -> DocSets:
        """Facet/filter bitmaps for ``searcher`` (call inside ``with searcher()``)."""
        with self._lock:
            if self._docsets is None or self._docsets.searcher is not searcher:
                self._docsets = DocSets(searcher, self._segment_cache)
            return self._docsets

    def drop_caches(self, postings: bool = False) -> None:
        """Forget cached search results, and with ``postings`` the postings and term
        bitmaps read so far too (benchmarks time uncached searches with this)."""
        with self._lock:
            if self._docsets is not None:
                self._docsets.results.clear()
                if postings:
                    self._docsets.forget_terms()
            if postings:
                self._segment_cache.forget_postings()

    def version(self) -> tuple[str, int]:
        """(generation, Whoosh commit number): changes with every write to the index."""
        with self._lock:
            commit = self._fresh_searcher().reader().generation()
            return self._generation or "", commit if commit is not None else -1

    def schema_is_current(self) -> bool:
        """False for an index written with another schema (rebuild it)."""
        with self._lock:
            ix = self._current_index()
        return set(ix.schema.names()) == set(catalog_schema().names())

    def doc_count(self) -> int:
        """Number of live documents."""
        with self.searcher() as s:
            return s.doc_count()

    def all_keys(self) -> set[str]:
        """Every ``doc_key`` in the index (for consistency checks against the DB)."""
        with self.searcher() as s:
            return {f["doc_key"] for f in s.all_stored_fields()}

    # -- rebuilding --------------------------------------------------------------

    def rebuild(
        self,
        documents: Iterable[dict[str, Any]],
        chunk_size: int = 5000,
        limitmb: int = 1024,
        lock_timeout: float = 30.0,
        procs: int | None = None,
    ) -> int:
        """Build a fresh generation from ``documents`` and swap it in; returns the count.

        Documents are written ``chunk_size`` at a time as unmerged segments, by
        ``procs`` worker processes (default: 2); see ``building``.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        with _held(FileLock(str(self.root / "REBUILD.lock")), timeout=0.0):
            gen = self._new_generation_dir()
            try:
                count = build_generation(
                    gen, documents, chunk_size, limitmb, procs or default_procs()
                )
                self._swap_to(gen.name, lock_timeout)
            except BaseException:
                shutil.rmtree(gen, ignore_errors=True)
                raise
        return count

    def _swap_to(self, name: str, lock_timeout: float) -> None:
        old = None
        if (self.root / POINTER).exists():
            old = self.current_generation()
        if old is None:
            self._write_pointer(name)
        else:
            writelock = self._open(old).lock("WRITELOCK")
            with _held(writelock, timeout=lock_timeout):
                self._write_pointer(name)
        keep = {name, old}
        for child in self.root.iterdir():
            if child.name.startswith(GEN_PREFIX) and child.name not in keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)

    def generations(self) -> list[str]:
        """Generation directories on disk, oldest first."""
        names = [p.name for p in self.root.iterdir() if p.name.startswith(GEN_PREFIX)]
        return sorted(names, key=lambda n: int(n[len(GEN_PREFIX) :].split("-")[0]))


def _abandon(writer: Any) -> None:
    """Give up a writer whose commit failed, releasing its lock whatever happens."""
    try:
        if not writer.is_closed:
            writer.cancel()
    except Exception:  # noqa: S110 - the commit's own error is the one to report
        pass
    finally:
        lock = writer.writelock
        if lock is not None and lock.fd is not None:  # Whoosh never resets .locked
            lock.release()


def rebuild(path: str | os.PathLike[str], documents: Iterable[dict[str, Any]]) -> int:
    """Rebuild the index at ``path`` from ``documents`` (see :meth:`SearchIndex.rebuild`)."""
    return SearchIndex(path).rebuild(documents)


@contextmanager
def _held(lock: Any, timeout: float) -> Iterator[None]:
    """Hold a Whoosh cross-process lock, or raise IndexBusyError after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not lock.acquire():
        if time.monotonic() >= deadline:
            raise IndexBusyError(f"{lock.filename} is held by another process")
        time.sleep(0.05)
    try:
        yield
    finally:
        lock.release()
