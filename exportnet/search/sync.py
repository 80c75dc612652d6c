"""Keeping an index copy in step with the database through the outbox.

Each index generation records, in a small file beside its segments, the last outbox
id it has applied. Draining reads the rows after that position (plus a short window
before it, because on PostgreSQL a lower id can commit after a higher one), rebuilds
those documents from the database and applies them in one Whoosh commit with a writer
timeout. Applying is idempotent, so re-reading the window costs nothing but time; a
failure leaves the position where it was, and the next drain retries.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import delete, func, select

from exportnet.database import unit_of_work
from exportnet.extensions import db
from exportnet.search.documents import iter_all_documents, load_documents
from exportnet.search.index import SearchIndex
from exportnet.search.outbox import SearchOutbox
from exportnet.timeutil import utcnow

POSITION_FILE = "OUTBOX_POSITION"
REORDER_WINDOW = 1000  # ids re-read before the position (late commits on PostgreSQL)
DRAIN_BATCH = 2000
WRITER_TIMEOUT = 10.0
KEEP_OUTBOX = timedelta(days=7)


def _position_path(index: SearchIndex) -> Path:
    return index.root / index.current_generation() / POSITION_FILE


def read_position(index: SearchIndex) -> int:
    try:
        return int(_position_path(index).read_text().strip() or 0)
    except (FileNotFoundError, ValueError):
        return 0


def _write_position(index: SearchIndex, generation: str, position: int) -> None:
    path = index.root / generation / POSITION_FILE
    tmp = path.with_name(f".{POSITION_FILE}.{os.getpid()}")
    tmp.write_text(str(position))
    os.replace(tmp, path)


def latest_outbox_id() -> int:
    return db.session.scalar(select(func.max(SearchOutbox.id))) or 0


def drain(index: SearchIndex, limit: int = DRAIN_BATCH, applied: set[int] | None = None) -> int:
    """Apply outbox rows past this index's position; returns how many rows were read.

    ``applied``: ids this caller applied already (its earlier batches); rows of the
    re-read window among them are not applied again (outbox rows never change).
    """
    generation = index.current_generation()
    position = read_position(index)
    rows = db.session.execute(
        select(SearchOutbox.id, SearchOutbox.doc_key)
        .where(SearchOutbox.id > max(position - REORDER_WINDOW, 0))
        .order_by(SearchOutbox.id)
        .limit(limit + REORDER_WINDOW)
    ).all()
    fresh = [row for row in rows if row.id > position]
    if not fresh:
        return 0
    seen = applied if applied is not None else set()
    upserts, deletes = load_documents({row.doc_key for row in rows if row.id not in seen})
    db.session.rollback()  # end the read transaction before the (slow) index write
    index.apply(upserts, deletes, timeout=WRITER_TIMEOUT)
    _write_position(index, generation, max(row.id for row in fresh))
    if applied is not None:
        applied.update(row.id for row in rows)
    return len(fresh)


def drain_all(index: SearchIndex) -> int:
    total = 0
    applied: set[int] = set()
    while count := drain(index, applied=applied):
        total += count
    return total


SWEEP_FILE = "DATE_SWEPT"
DatedKeys = Callable[[date, date], list[str]]
DATED_SOURCES: list[DatedKeys] = []


def sweep_dates(index: SearchIndex) -> int:
    """Re-check documents whose visibility changed with the date since the last sweep.

    Expired notices and scheduled posts change without any write; the first caller on a
    new day applies them, so correctness needs no cron.
    """
    generation = index.current_generation()
    path = index.root / generation / SWEEP_FILE
    today = utcnow().date()
    try:
        swept = date.fromisoformat(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        swept = today - timedelta(days=400)
    if swept >= today:
        return 0
    keys = [key for source in DATED_SOURCES for key in source(swept, today)]
    if keys:
        upserts, deletes = load_documents(keys)
        db.session.rollback()
        index.apply(upserts, deletes, timeout=WRITER_TIMEOUT)
    tmp = path.with_name(f".{SWEEP_FILE}.{os.getpid()}")
    tmp.write_text(today.isoformat())
    os.replace(tmp, path)
    return len(keys)


def rebuild(index: SearchIndex) -> int:
    """Build a fresh generation from the database and swap it in; returns the doc count."""
    start = latest_outbox_id()
    count = index.rebuild(iter_all_documents())
    generation = index.current_generation()
    _write_position(index, generation, start)
    (index.root / generation / SWEEP_FILE).write_text(utcnow().date().isoformat())
    db.session.rollback()
    drain_all(index)  # what changed while the rebuild ran
    return count


def prune_outbox() -> int:
    """Drop outbox rows that every index copy applied long ago."""
    cutoff = utcnow() - KEEP_OUTBOX
    with unit_of_work() as session:
        result = session.execute(delete(SearchOutbox).where(SearchOutbox.created_at < cutoff))
    return result.rowcount or 0


@dataclass
class IndexCheck:
    missing: list[str] = field(default_factory=list)  # public in the database, absent
    stale: list[str] = field(default_factory=list)  # indexed but no longer public
    outdated: list[str] = field(default_factory=list)  # indexed before the last change
    schema_current: bool = True  # False: written by an older release, rebuild it

    @property
    def ok(self) -> bool:
        return self.schema_current and not (self.missing or self.stale or self.outdated)


def check(index: SearchIndex) -> IndexCheck:
    """Every difference between the index and what the database says is public."""
    expected = {doc["doc_key"]: doc for doc in iter_all_documents()}
    with index.searcher() as searcher:
        indexed = {f["doc_key"]: f.get("updated_at") for f in searcher.all_stored_fields()}
    report = IndexCheck(schema_current=index.schema_is_current())
    report.missing = sorted(set(expected) - set(indexed))
    report.stale = sorted(set(indexed) - set(expected))
    for key in set(expected) & set(indexed):
        if indexed[key] != expected[key]["updated_at"]:
            report.outdated.append(key)
    report.outdated.sort()
    return report
