import re

import pytest

from exportnet.i18n.locales import LOCALES


@pytest.mark.parametrize(
    ("header", "segment"),
    [
        ("zh-TW,zh;q=0.9", "zh-hant"),
        ("zh-HK", "zh-hant"),
        ("zh-Hant-SG", "zh-hant"),
        ("zh", "zh-hans"),
        ("zh-CN", "zh-hans"),
        ("zh-SG", "zh-hans"),
        ("tl", "fil"),
        ("fil", "fil"),
        ("in", "id"),
        ("ms-MY", "ms"),
        ("th-TH,th;q=0.9,en;q=0.8", "th"),
        ("de-DE, fr;q=0.5", "en"),
        ("!!garbage!!;q=x", "en"),
        ("", "en"),
    ],
)
def test_root_redirects_by_accept_language(client, header, segment):
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/{segment}/"


def test_cookie_beats_accept_language(client):
    client.set_cookie("lang", "lo")
    response = client.get("/", headers={"Accept-Language": "ja"})
    assert response.headers["Location"] == "/lo/"


def test_every_locale_serves_the_home_page_with_its_lang(client):
    for loc in LOCALES:
        response = client.get(f"/{loc.segment}/")
        assert response.status_code == 200
        assert f'<html lang="{loc.tag}"' in response.get_data(as_text=True)


def test_unknown_locale_segment_is_404(client):
    assert client.get("/fr/").status_code == 404
    assert client.get("/zh_Hant/").status_code == 404
    assert client.get("/xx/login").status_code == 404


def test_locale_less_page_path_redirects_to_negotiated_locale(client):
    response = client.get("/login?next=/en/account", headers={"Accept-Language": "ko"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/ko/login?next=/en/account"


def test_locale_less_unknown_path_is_a_translated_404(client):
    response = client.get("/no-such-page", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_pages_link_every_language_version(client):
    html = client.get("/th/").get_data(as_text=True)
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html)
    langs = [lang for lang, _href in alternates]
    assert langs == [loc.tag for loc in LOCALES] + ["x-default"]
    assert ("zh-Hant", "http://localhost/zh-hant/") in alternates
    assert ("x-default", "http://localhost/en/") in alternates


def test_language_switcher_keeps_the_page_and_sets_the_cookie(client):
    html = client.get("/en/login").get_data(as_text=True)
    assert "/language/ja?next=/ja/login" in html
    response = client.get("/language/ja?next=/ja/login")
    assert response.status_code == 302
    assert response.headers["Location"] == "/ja/login"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=ja;") and "SameSite=Lax" in cookie
    assert client.get("/", headers={"Accept-Language": "en"}).headers["Location"] == "/ja/"


@pytest.mark.parametrize("target", ["//evil.example/", "/en/", "https://evil.example/ja/"])
def test_language_switcher_only_goes_to_the_chosen_locale_on_this_site(client, target):
    response = client.get("/language/ja", query_string={"next": target})
    assert response.headers["Location"] == "/ja/"


def test_unknown_language_in_switcher_does_not_set_cookie(client):
    response = client.get("/language/fr?next=/fr/")
    assert response.status_code == 302
    assert "Set-Cookie" not in response.headers


def test_ids_beyond_the_integer_range_are_not_found(client):
    assert client.get("/en/products/99999999999").status_code == 404
    assert client.get("/en/companies/2147483648").status_code == 404
    assert client.get("/en/products/2147483647").status_code == 404
