"""A separate process that writes listings and drains the search outbox.

Run as `python -m tests.functional.search_worker MODE COUNT TAG`, configured through
EXPORTNET_* environment variables like a real worker or node.

MODE `write`: create COUNT published listings, draining after each one.
MODE `die-in-commit`: create COUNT listings, then drain with Whoosh's final TOC write
  replaced by "touch a marker file and hang", so the parent can SIGKILL it mid-commit.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from whoosh.index import TOC

from exportnet import create_app
from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.services import CompanyProfile, create_company
from exportnet.search.sync import drain_all
from exportnet.search.wiring import search_index


def write_listings(count: int, tag: str, drain_each: bool) -> None:
    company = create_company(CompanyProfile(name=f"Worker {tag}", economy="VN"))
    for number in range(count):
        create_product(
            company,
            ListingTerms(hs_code="0901", status="published"),
            "en",
            ListingText(f"Coffee lot {tag} {number}", "Robusta beans"),
        )
        if drain_each:
            drain_all(search_index())


def hang_in_toc_write(marker: Path) -> None:
    def hanging_write(self, storage, indexname):  # noqa: ARG001
        marker.write_text(str(os.getpid()))
        time.sleep(120)

    TOC.write = hanging_write  # type: ignore[method-assign]


def main() -> None:
    mode, count, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    app = create_app()
    with app.app_context():
        if mode == "write":
            write_listings(count, tag, drain_each=True)
        elif mode == "die-in-commit":
            write_listings(count, tag, drain_each=False)
            hang_in_toc_write(Path(os.environ["WORKER_MARKER"]))
            drain_all(search_index())
        else:
            raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
