"""No page over 30 KB gzip-compressed, HTML plus its CSS and JS (images aside)."""

import gzip
import re

import pytest

from tests.functional.search_fixtures import create_listings

LIMIT = 30 * 1024


def page_weight(client, path: str) -> int:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.get_data()
    total = len(gzip.compress(html, 9))
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        total += len(gzip.compress(client.get(asset.decode()).get_data(), 9))
        assert b"<script" not in html or asset.endswith(b".js")
    return total


@pytest.mark.parametrize("locale", ["en", "th", "my", "zh-hant"])
def test_main_pages_stay_light(client, app, login_as, locale):
    ids = create_listings(app)
    paths = [
        f"/{locale}/",
        f"/{locale}/login",
        f"/{locale}/register",
        f"/{locale}/products",
        f"/{locale}/products/{next(iter(ids.values()))}",
        f"/{locale}/companies",
        f"/{locale}/categories",
        f"/{locale}/search?q=coffee",
        f"/{locale}/search",
    ]
    for path in paths:
        assert page_weight(client, path) < LIMIT, path
    login_as("exporter")
    assert page_weight(client, f"/{locale}/account") < LIMIT
