"""The app's index copy: opened lazily, fed from the outbox after writes and before reads."""

from __future__ import annotations

from flask import Flask, Response, current_app

from exportnet.extensions import db
from exportnet.search.documents import register_catalog_keys
from exportnet.search.index import SearchIndex, SearchIndexError
from exportnet.search.outbox import PENDING_FLAG, recorder
from exportnet.search.results_trade import register_trade_presenters
from exportnet.search.sources_trade import dated_keys, register_trade_sources
from exportnet.search.sync import (
    DATED_SOURCES,
    drain_all,
    latest_outbox_id,
    read_position,
    sweep_dates,
)

EXTENSION = "exportnet_search_index"


def search_index(app: Flask | None = None) -> SearchIndex:
    """This process's SearchIndex for the app (one per process: it caches the searcher)."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    index = app.extensions.get(EXTENSION)
    if index is None:
        index = app.extensions[EXTENSION] = SearchIndex.open_or_create(
            app.config["SEARCH_INDEX_DIR"]
        )
    return index


def catch_up() -> int:
    """Apply what other processes or nodes committed; failures wait for the next try.

    Returns the newest outbox id it saw (the page cache keys pages by it).
    """
    index = search_index()
    latest = 0
    try:
        latest = latest_outbox_id()
        sweep_dates(index)
        if latest > read_position(index):
            drain_all(index)
    except SearchIndexError:
        current_app.logger.warning("search index busy; outbox left for the next drain")
    finally:
        db.session.rollback()
    return latest


def _drain_after_write(response: Response) -> Response:
    # The write request returns only once its change is searchable.
    if db.session().info.pop(PENDING_FLAG, False):
        catch_up()
    return response


def register_search(app: Flask) -> None:
    register_catalog_keys()
    register_trade_sources()
    register_trade_presenters()
    if dated_keys not in DATED_SOURCES:
        DATED_SOURCES.append(dated_keys)
    recorder.listen()
    app.after_request(_drain_after_write)
