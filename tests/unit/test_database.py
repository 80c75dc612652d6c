import os
import threading

import pytest
from sqlalchemy import text

from exportnet.companies.models import Company
from exportnet.database import unit_of_work
from exportnet.extensions import db

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("EXPORTNET_TEST_DATABASE_URL")), reason="SQLite engine settings"
)


def test_sqlite_runs_in_wal_with_busy_timeout_and_foreign_keys(app):
    with app.app_context(), db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_pool_reset_rolls_back_an_open_sqlite_transaction(app):
    with app.app_context():
        raw = db.engine.raw_connection()
        raw.driver_connection.execute("BEGIN")
        raw.driver_connection.execute(
            "INSERT INTO companies (name, economy, created_at, updated_at)"
            " VALUES ('Ghost', 'VN', '2026-01-01', '2026-01-01')"
        )
        assert raw.driver_connection.in_transaction
        raw.close()  # back to the pool: the reset must roll back
        with db.engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM companies")).scalar()
        assert count == 0


def test_unit_of_work_begins_immediate_so_a_second_writer_waits(app):
    """While one write transaction is open, another writer blocks instead of sharing it."""
    events: list[str] = []
    with app.app_context():
        started = threading.Event()
        release = threading.Event()

        def first_writer():
            with app.app_context(), unit_of_work() as session:
                session.add(Company(name="First", economy="TH"))
                session.flush()
                started.set()
                release.wait(5)
                events.append("first-commit")

        thread = threading.Thread(target=first_writer)
        thread.start()
        started.wait(5)
        timer = threading.Timer(0.3, release.set)
        timer.start()
        with unit_of_work() as session:  # BEGIN IMMEDIATE waits for the first writer
            events.append("second-begin")
            session.add(Company(name="Second", economy="TH"))
        thread.join()
        assert events == ["first-commit", "second-begin"]
        assert db.session.scalar(text("SELECT count(*) FROM companies")) == 2


def test_unit_of_work_rolls_back_on_error(app):
    with app.app_context():
        with pytest.raises(RuntimeError), unit_of_work() as session:
            session.add(Company(name="Lost", economy="VN"))
            session.flush()
            raise RuntimeError
        assert db.session.scalar(text("SELECT count(*) FROM companies")) == 0
