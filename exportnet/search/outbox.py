"""The search outbox: searchable changes are logged in the same transaction as the change.

A flush that touches a searchable row inserts one `search_outbox` row per affected
document key, through the flush's own connection, so the log commits or rolls back
with the change itself. Rows are collected in `after_flush` (a `before_commit`
snapshot would miss rows that an autoflush already wrote). Each index copy tails the
log by id and records how far it got; nothing is deleted when applied, so several
nodes can each feed their own index from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Integer, String, event, insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from exportnet.extensions import db
from exportnet.timeutil import utcnow

KeyFunction = Callable[[Any], Iterable[str]]
PENDING_FLAG = "search_outbox_pending"


class SearchOutbox(db.Model):
    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    doc_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class OutboxRecorder:
    """Maps searchable model classes to the document keys a change of them affects."""

    def __init__(self) -> None:
        self._key_functions: dict[type, dict[str, KeyFunction]] = {}

    def register(self, model: type, keys: KeyFunction, name: str = "") -> None:
        """Add a key function for `model`; several features may register one each."""
        self._key_functions.setdefault(model, {})[name or keys.__qualname__] = keys

    def keys_for(self, obj: Any) -> set[str]:
        keys: set[str] = set()
        for cls in type(obj).__mro__:
            for function in self._key_functions.get(cls, {}).values():
                keys.update(function(obj))
        return keys

    def after_flush(self, session: Session, _context: Any) -> None:
        keys: set[str] = set()
        for obj in session.new:
            keys.update(self.keys_for(obj))
        for obj in session.deleted:
            keys.update(self.keys_for(obj))
        for obj in session.dirty:
            if session.is_modified(obj, include_collections=False):
                keys.update(self.keys_for(obj))
        if not keys:
            return
        now = utcnow()
        session.connection().execute(
            insert(SearchOutbox), [{"doc_key": key, "created_at": now} for key in sorted(keys)]
        )
        session.info[PENDING_FLAG] = True

    def listen(self) -> None:
        if not event.contains(Session, "after_flush", self.after_flush):
            event.listen(Session, "after_flush", self.after_flush)


recorder = OutboxRecorder()
