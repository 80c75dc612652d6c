"""Economy report benchmark: each report query at N generated listings.

    python benchmarks/report_bench.py [--listings 100000] [--repeat 7] [--workdir DIR]
                                      [--database-url postgresql+psycopg://...]

Seeds N generated listings (exportnet.demo.generated.seed_generated_products) into a
scratch SQLite instance (or the given database; reused when it already holds them), plus
companies, notices, board posts and inquiries in proportion, then times every report
query for all economies and for one, and the report pages (figures computed afresh, and
served from the per-process memory), in-process. Each time is the median of --repeat
runs, reported with its ratio to the catalog's own economy facet (published listings
per origin economy, catalog.queries.economy_counts) measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ECONOMIES = ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "CN", "JP", "KR")


def median_ms(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def seed_others(listings: int) -> dict[str, int]:
    """Companies, notices, board posts and inquiries in proportion to the listings."""
    from sqlalchemy import func, insert, select

    from exportnet.accounts.models import Role
    from exportnet.accounts.services import create_user
    from exportnet.board.models import Post, PostEconomy
    from exportnet.catalog.models import Product
    from exportnet.companies.models import Company
    from exportnet.database import unit_of_work
    from exportnet.extensions import db
    from exportnet.inquiries.models import Inquiry
    from exportnet.notices.models import Notice
    from exportnet.timeutil import utcnow

    if db.session.scalar(select(func.count()).select_from(Notice)):
        return {}
    rng = random.Random(7)
    now = utcnow()
    counts = {"companies": listings // 20, "notices": listings // 20, "posts": listings // 100}
    counts["inquiries"] = listings // 5
    user = create_user("bench@example.test", "benchmark password 1", Role.AGENCY, verified=True)
    with unit_of_work() as session:
        session.execute(
            insert(Company),
            [
                {
                    "name": f"Bench Company {i}",
                    "economy": rng.choice(ECONOMIES),
                    "verified_at": now if rng.random() < 0.3 else None,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(counts["companies"])
            ],
        )
        today = now.date()
        session.execute(
            insert(Notice),
            [
                {
                    "kind": rng.choice(
                        ("selling_offer", "buying_request", "partnership", "trade_event")
                    ),
                    "status": "published",
                    "author_id": user.id,
                    "original_language": "en",
                    "economy": rng.choice(ECONOMIES),
                    "valid_from": today - timedelta(days=30),
                    "valid_until": today + timedelta(days=rng.randint(-30, 60)),
                    "created_at": now,
                    "updated_at": now,
                }
                for _ in range(counts["notices"])
            ],
        )
        post_ids = session.scalars(
            insert(Post).returning(Post.id),
            [
                {
                    "topic": "market_report",
                    "status": "published",
                    "author_id": user.id,
                    "original_language": "en",
                    "pinned": False,
                    "publish_on": today,
                    "created_at": now,
                    "updated_at": now,
                }
                for _ in range(counts["posts"])
            ],
        ).all()
        session.execute(
            insert(PostEconomy),
            [{"post_id": pid, "economy": rng.choice(ECONOMIES)} for pid in post_ids],
        )
        company_ids = session.scalars(select(Company.id)).all()
        product_ids = session.scalars(select(Product.id).limit(5000)).all()
        session.execute(
            insert(Inquiry),
            [
                {
                    "buyer_id": user.id,
                    "company_id": rng.choice(company_ids),
                    "product_id": rng.choice(product_ids),
                    "subject": "Bench",
                    "quantity": Decimal(1),
                    "quantity_unit": "kg",
                    "destination_economy": "JP",
                    "status": "new",
                    "message_hash": "0" * 64,
                    "created_at": now,
                    "last_message_at": now,
                    "last_seller_message_id": 1 if rng.random() < 0.6 else None,
                }
                for _ in range(counts["inquiries"])
            ],
        )
    return counts


def run(listings: int, repeat: int, workdir: Path, database_url: str | None) -> dict[str, object]:
    os.environ.update(
        EXPORTNET_INSTANCE_PATH=str(workdir),
        EXPORTNET_SECRET_KEY="benchmark",
        EXPORTNET_RATELIMIT_STORAGE_URI="memory://",
    )
    if database_url:
        os.environ["EXPORTNET_DATABASE_URL"] = database_url
    from sqlalchemy import func, select

    from exportnet import create_app
    from exportnet.catalog.models import Product
    from exportnet.catalog.queries import economy_counts
    from exportnet.demo.generated import seed_generated_products
    from exportnet.extensions import db
    from exportnet.reports import queries

    app = create_app()
    report: dict[str, object] = {"listings": listings}
    with app.app_context():
        db.create_all()
        have = db.session.scalar(select(func.count()).select_from(Product)) or 0
        if have < listings:
            started = time.perf_counter()
            seed_generated_products(listings - have)
            report["seed_listings_seconds"] = round(time.perf_counter() - started, 1)
        report["seeded_others"] = seed_others(listings)
        report["database"] = db.engine.dialect.name
        baseline = median_ms(economy_counts, repeat)
        timings: dict[str, dict[str, float]] = {}
        for name in (
            "companies",
            "products_by_section",
            "listing_languages",
            "new_products_by_month",
            "active_notices",
            "board_posts",
            "inquiries",
        ):
            query = getattr(queries, name)
            for scope in (None, "TH"):
                ms = median_ms(lambda q=query, s=scope: q(s), repeat)
                timings[f"{name}({scope or 'all'})"] = {
                    "ms": ms,
                    "x_facet": round(ms / baseline, 2),
                }
        report["economy_facet_ms"] = baseline
        report["queries"] = timings
    client = app.test_client()
    pages: dict[str, dict[str, float]] = {}
    for seconds, label in ((0, "fresh"), (60, "remembered")):
        app.config["REPORT_CACHE_SECONDS"] = seconds
        for path in ("/en/reports/economies", "/en/reports/economies/TH", "/en/products"):
            assert client.get(path).status_code == 200
            ms = median_ms(lambda p=path: client.get(p), repeat)
            pages[f"{path} ({label})"] = {"ms": ms, "x_facet": round(ms / baseline, 2)}
    report["pages"] = pages
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="report-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(json.dumps(run(args.listings, args.repeat, workdir, args.database_url), indent=2))


if __name__ == "__main__":
    main()
