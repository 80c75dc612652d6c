import pytest

from exportnet.i18n.locales import LOCALES, locale_for_tag, negotiate, parse_accept_language


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh-TW", "zh_Hant"),
        ("zh-HK", "zh_Hant"),
        ("zh-MO", "zh_Hant"),
        ("zh-Hant", "zh_Hant"),
        ("zh-Hant-TW", "zh_Hant"),
        ("zh-Hant-CN", "zh_Hant"),
        ("zh_TW", "zh_Hant"),
        ("zh", "zh_Hans"),
        ("zh-CN", "zh_Hans"),
        ("zh-SG", "zh_Hans"),
        ("zh-Hans-HK", "zh_Hans"),
        ("tl", "fil"),
        ("fil-PH", "fil"),
        ("in", "id"),
        ("id-ID", "id"),
        ("ms-MY", "ms"),
        ("ja-JP", "ja"),
        ("KO", "ko"),
        ("my-MM", "my"),
        ("lo", "lo"),
        ("km-KH", "km"),
        ("th-TH-u-nu-thai", "th"),
        ("fr-FR", None),
        ("", None),
        ("@@@", None),
        ("zh-☃", None),
    ],
)
def test_language_tags_map_onto_ui_locales(tag, expected):
    locale = locale_for_tag(tag)
    assert (locale.code if locale else None) == expected


def test_accept_language_is_ordered_by_quality():
    assert parse_accept_language("fr;q=0.9, th;q=0.8, en;q=0.1, ja") == ["ja", "fr", "th", "en"]


@pytest.mark.parametrize(
    "header",
    ["garbage;;;", "q=1", ";q=abc", "*", "en;q=0", "x" * 5000, "\x00\x01", "de, fr;q=0.5"],
)
def test_garbage_or_unsupported_headers_negotiate_english(header):
    assert negotiate(None, header).code == "en"


def test_cookie_wins_over_header_and_header_over_default():
    assert negotiate("vi", "ja").code == "vi"
    assert negotiate("not-a-locale", "fr, ja;q=0.5").code == "ja"
    assert negotiate(None, None).code == "en"


def test_thirteen_locales_with_distinct_segments():
    assert len(LOCALES) == 13
    assert len({loc.segment for loc in LOCALES}) == 13
    assert [loc.segment for loc in LOCALES if "-" in loc.segment] == ["zh-hans", "zh-hant"]
