"""Engine setup and the unit-of-work that services use to write.

SQLite is the embedded default: WAL, a busy timeout, foreign keys on, and every write
transaction opened with BEGIN IMMEDIATE so that two writers queue on the busy timeout
instead of one failing when it upgrades a read lock. PostgreSQL needs none of this.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from exportnet.extensions import db

WRITE_OPTION = "exportnet_write"
# Primary keys are INTEGER: PostgreSQL refuses a larger literal with an error, so larger
# ids from URLs or request bodies are "not found" before they reach the database.
MAX_ROW_ID = 2**31 - 1


def sqlite_engine_options(app: Flask) -> dict[str, Any]:
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("sqlite"):
        return {"pool_pre_ping": True}
    timeout = app.config["SQLITE_BUSY_TIMEOUT_MS"] / 1000
    return {"connect_args": {"timeout": timeout, "check_same_thread": False}}


def register_database(app: Flask) -> None:
    options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    for key, value in sqlite_engine_options(app).items():
        options.setdefault(key, value)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from pysqlite so that BEGIN is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    @event.listens_for(engine, "reset")
    def on_reset(dbapi_connection: Any, _record: Any, _state: Any) -> None:
        # A COMMIT that failed with "database is locked" leaves SQLite inside the
        # transaction; without this ROLLBACK the next borrower would commit it.
        if dbapi_connection.in_transaction:
            dbapi_connection.execute("ROLLBACK")


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """A write transaction: commits on success, rolls back on error.

    Any read transaction already open in this request is ended first, so the write
    starts with a fresh BEGIN IMMEDIATE rather than upgrading a stale snapshot.
    """
    session = db.session()
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={WRITE_OPTION: True})
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
