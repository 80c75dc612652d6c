"""The index stays a faithful projection of the database across processes and crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from exportnet.catalog.models import Product
from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.models import Company
from exportnet.companies.services import CompanyProfile, create_company, update_company
from exportnet.extensions import db
from exportnet.search.outbox import SearchOutbox
from exportnet.search.query import search
from exportnet.search.sync import check, drain_all, rebuild
from exportnet.search.wiring import catch_up, search_index

ROOT = Path(__file__).resolve().parents[2]


def worker_env(app) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        EXPORTNET_SECRET_KEY="worker",
        EXPORTNET_INSTANCE_PATH=app.instance_path,
        EXPORTNET_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"],
        EXPORTNET_SEARCH_INDEX_DIR=app.config["SEARCH_INDEX_DIR"],
        EXPORTNET_MEDIA_DIR=app.config["MEDIA_DIR"],
    )
    return env


def indexed_titles(app, text: str) -> int:
    """What a reader's search finds: it first catches up with the outbox, as the page does."""
    with app.app_context():
        catch_up()
        return search(search_index(), text, filters={"kind": "product"}, per_page=1).total


def test_outbox_rows_commit_and_roll_back_with_the_change(app):
    with app.app_context():
        company = create_company(CompanyProfile(name="Outbox Co", economy="TH"))
        keys = set(db.session.scalars(select(SearchOutbox.doc_key)))
        assert f"company:{company.id}" in keys
        before = db.session.scalar(select(func.count()).select_from(SearchOutbox))
        db.session.add(Company(name="Never committed", economy="TH"))
        db.session.flush()
        db.session.rollback()
        after = db.session.scalar(select(func.count()).select_from(SearchOutbox))
        assert after == before


def test_autoflushed_changes_are_still_logged(app):
    """A change flushed early by an autoflush (before any commit hook) is still logged."""
    with app.app_context():
        company = create_company(CompanyProfile(name="Autoflush", economy="VN"))
        drain_all(search_index())
        company = db.session.get(Company, company.id)
        company.name = "Autoflush Renamed"
        db.session.scalar(select(func.count()).select_from(Company))  # triggers autoflush
        db.session.commit()
        drain_all(search_index())
        assert search(search_index(), "renamed").total == 1


def test_company_rename_reaches_its_products(app):
    with app.app_context():
        company = create_company(CompanyProfile(name="Old Name Trading", economy="MY"))
        create_product(
            company,
            ListingTerms(hs_code="4015", status="published"),
            "ms",
            ListingText("Sarung tangan getah", ""),
        )
        update_company(company, CompanyProfile(name="Zephyr Gloves", economy="MY"))
        drain_all(search_index())
        assert search(search_index(), "zephyr", filters={"kind": "product"}).total == 1


def test_check_reports_differences_and_rebuild_repairs_them(app, runner):
    with app.app_context():
        company = create_company(CompanyProfile(name="Check Co", economy="LA"))
        product = create_product(
            company,
            ListingTerms(hs_code="0901", status="published"),
            "lo",
            ListingText("ກາເຟ ບໍລະເວນ", ""),
        )
        product_key = f"product:{product.id}"
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code != 0 and f"missing from the index: {product_key}" in result.output
    assert runner.invoke(args=["search", "sync"]).exit_code == 0
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    with app.app_context():
        search_index().apply([], [product_key])  # the index loses a document
        assert not check(search_index()).ok
        assert rebuild(search_index()) == 2
        assert check(search_index()).ok
    assert "The index matches" in runner.invoke(args=["search", "check"]).output


def test_concurrent_writer_processes_lose_nothing(app):
    with app.app_context():
        search_index()  # create the index before the workers race for it
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.functional.search_worker", "write", "15", f"w{n}"],
            cwd=ROOT,
            env=worker_env(app),
        )
        for n in range(4)
    ]
    for worker in workers:
        assert worker.wait(timeout=180) == 0
    assert indexed_titles(app, "coffee lot") == 60
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Product)) == 60
        report = check(search_index())
        assert report.ok, report


def test_writer_killed_in_the_middle_of_a_commit_loses_nothing(app, tmp_path):
    with app.app_context():
        search_index()
    marker = tmp_path / "in-commit"
    env = worker_env(app) | {"WORKER_MARKER": str(marker)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.functional.search_worker", "die-in-commit", "20", "k"],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert worker.poll() is None, "worker ended before reaching the commit"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    assert indexed_titles(app, "coffee lot") == 20  # the next reader drains it again
    with app.app_context():
        assert check(search_index()).ok


def test_a_lower_outbox_id_committed_late_is_still_applied(app, monkeypatch):
    """On PostgreSQL a transaction holding a lower id can commit after a higher one
    was drained; the re-read window finds it, also when drain_all reads in batches."""
    from exportnet.search import sync

    monkeypatch.setattr(sync, "DRAIN_BATCH", 2)
    with app.app_context():
        company = create_company(CompanyProfile(name="Late Co", economy="VN"))
        for n in range(5):
            create_product(
                company, ListingTerms(hs_code="0901", status="published"), "en",
                ListingText(f"Early lot {n}", "coffee"),
            )  # fmt: skip
        drain_all(search_index())
        late = create_product(
            company, ListingTerms(hs_code="0901", status="published"), "en",
            ListingText("Late committed lot", "coffee"),
        )  # fmt: skip
        row = db.session.scalars(
            select(SearchOutbox).where(SearchOutbox.doc_key == f"product:{late.id}")
        ).one()
        position = sync.read_position(search_index())
        db.session.delete(row)
        db.session.add(SearchOutbox(id=position + 50, doc_key=f"company:{company.id}"))
        db.session.commit()
        drain_all(search_index())  # the position moves past the gap
        db.session.add(SearchOutbox(id=position + 1, doc_key=f"product:{late.id}"))
        db.session.commit()  # the lower id commits late
    assert indexed_titles(app, "late committed") == 1
