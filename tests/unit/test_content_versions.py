"""The shared language-version rules, on plain objects (the features' tests cover the rest)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pytest

from exportnet.content_versions import rules
from exportnet.content_versions.services import LanguageVersions


class Refused(ValueError):
    """A feature's error class: raised with (message, field)."""


@dataclass
class Text:
    lang: str
    body: str = ""


@dataclass
class Owner:
    original_language: str
    translations: list[Text] = field(default_factory=list)
    id: int = 1
    updated_at: datetime | None = None


VERSIONS = LanguageVersions(Owner, Text, Refused)


def test_language_accepts_content_languages_and_refuses_others_as_the_owners_error():
    assert rules.language("zh_Hant", Refused) == "zh_Hant"
    for code in (None, "", "xx", "EN", "zh-hant"):
        with pytest.raises(Refused) as refused:
            rules.language(code, Refused, "original_language")
        message, field_name = refused.value.args
        assert (str(message), field_name) == (
            "Choose a language from the list.",
            "original_language",
        )


def test_write_adds_a_missing_version_and_fills_an_existing_one():
    owner = Owner("vi", [Text("vi", "gốc")])
    added = VERSIONS.write(owner, "ja", lambda text: setattr(text, "body", "原文"))
    assert [(t.lang, t.body) for t in owner.translations] == [("vi", "gốc"), ("ja", "原文")]
    again = VERSIONS.write(owner, "ja", lambda text: setattr(text, "body", "改訂"))
    assert again is added and len(owner.translations) == 2 and added.body == "改訂"


def test_only_an_existing_version_other_than_the_original_is_removable():
    owner = Owner("vi", [Text("vi"), Text("ja")])
    assert rules.removable_version(owner, "ja", Refused) is owner.translations[1]
    for lang, message in (
        ("vi", "The original language version cannot be removed."),
        ("ko", "There is no version in this language."),
    ):
        with pytest.raises(Refused) as refused:
            rules.removable_version(owner, lang, Refused)
        assert [str(arg) for arg in refused.value.args] == [message, "lang"]
