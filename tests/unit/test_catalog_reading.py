"""The one language-fallback rule: reader's locale, then the original, then any version."""

from dataclasses import dataclass

from exportnet.catalog.reading import pick_translation


@dataclass
class Version:
    lang: str
    text: str = ""


def test_reader_locale_wins_when_present():
    versions = [Version("th"), Version("en"), Version("ja")]
    reading = pick_translation(versions, "ja", "th")
    assert reading.lang == "ja"
    assert not reading.is_fallback
    assert not reading.is_original
    assert reading.others == ("en", "th")


def test_falls_back_to_the_original_language_not_english():
    versions = [Version("en"), Version("th")]
    reading = pick_translation(versions, "ja", "th")
    assert reading.lang == "th"
    assert reading.is_fallback
    assert reading.is_original
    assert reading.requested == "ja"
    assert reading.others == ("en",)


def test_original_reader_sees_no_fallback():
    reading = pick_translation([Version("vi")], "vi", "vi")
    assert reading.lang == "vi"
    assert not reading.is_fallback
    assert reading.is_original
    assert reading.others == ()


def test_missing_original_falls_back_to_first_in_locale_order():
    versions = [Version("th"), Version("ko")]
    reading = pick_translation(versions, "ja", "en")
    assert reading.lang == "ko"  # ko comes before th in the UI locale order
    assert reading.is_fallback
    assert not reading.is_original


def test_no_versions_at_all():
    reading = pick_translation([], "en", "en")
    assert reading.translation is None
    assert reading.lang is None
    assert not reading.is_fallback
    assert reading.available == ()


def test_available_is_in_ui_locale_order():
    versions = [Version(code) for code in ("my", "en", "zh_Hant", "ko")]
    reading = pick_translation(versions, "en", "en")
    assert reading.available == ("en", "ko", "zh_Hant", "my")
