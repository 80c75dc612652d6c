"""Rendered search pages for anonymous readers, kept per process until anything changes.

Most search traffic is anonymous and repeats (the same category browse, the same few
goods). Rendering a page (hits re-read from the database, facet links, the layout)
costs several milliseconds; a kept page costs one indexed ``max(id)`` query. A page is
keyed by its locale and full URL, the newest search-outbox id (every change to a
searchable row writes one, so a change anywhere invalidates every page), the index
version (a rebuild, a drain, or a sweep of expired notices) and the date. Pages of signed-in
members are never kept: their header is their own. ``SEARCH_PAGES_CACHED`` sets how
many pages a process keeps (0: none).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from flask import current_app, request, session
from flask_login import current_user

from exportnet.i18n.routing import current_locale
from exportnet.search.wiring import search_index
from exportnet.timeutil import utcnow

EXTENSION = "exportnet_search_pages"


class PageCache:
    """A bounded, thread-safe LRU of rendered pages."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_render(self, key: Hashable, render: Callable[[], str]) -> str:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
                return page
        page = render()
        with self._lock:
            self._pages[key] = page
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
        return page


def _cache() -> PageCache | None:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    cache = app.extensions.get(EXTENSION)
    if cache is None:
        size = int(app.config.get("SEARCH_PAGES_CACHED", 0) or 0)
        cache = app.extensions[EXTENSION] = PageCache(size)
    return cache if cache.size > 0 else None


def cached_page(outbox_id: int, render: Callable[[], str]) -> str:
    """The page ``render`` returns, from the cache when this reader may share it.

    ``outbox_id`` is what ``wiring.catch_up()`` returned: the index holds the changes
    up to it.
    """
    cache = _cache()
    if cache is None or current_user.is_authenticated or session:
        return render()
    key = (
        current_locale().code,
        request.full_path,
        outbox_id,
        search_index().version(),
        utcnow().date(),
    )
    return cache.get_or_render(key, render)
