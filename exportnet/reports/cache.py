"""A short per-process memory of the report's figures.

The figures are SQL aggregates over the whole catalog: cheap enough to compute on
demand, too costly to compute on every page view of a public page (see
benchmarks/report_bench.py). Each process keeps the figures of each scope (all
economies, or one) for REPORT_CACHE_SECONDS (default 60; 0 turns the memory off), so
the page and its CSV downloads show the same numbers, at most that old.
"""

from __future__ import annotations

import time

from flask import current_app

from exportnet.reports.queries import Figures, figures

EXTENSION = "exportnet_report_figures"
DEFAULT_SECONDS = 60


def report_figures(economy: str | None = None) -> Figures:
    seconds = float(current_app.config.get("REPORT_CACHE_SECONDS", DEFAULT_SECONDS) or 0)
    if seconds <= 0:
        return figures(economy)
    entries: dict[str, tuple[float, Figures]] = current_app.extensions.setdefault(EXTENSION, {})
    key = economy or ""
    now = time.monotonic()
    found = entries.get(key)
    if found is not None and now - found[0] < seconds:
        return found[1]
    data = figures(economy)
    entries[key] = (now, data)
    return data
