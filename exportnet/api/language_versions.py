"""The `translations` member of a write body: language versions to set or to remove.

`{"th": {...}, "vi": null}` sets the Thai version from the object and removes the
Vietnamese one. The original language is never given here (its text is in the body
itself) and cannot be removed; removing needs a version that exists. Problems go into
the body's errors under `translations.<key>`, like every other field's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from flask_babel import gettext as _

from exportnet.api.body import Body
from exportnet.api.errors import ApiError
from exportnet.api.params import language_code

T = TypeVar("T")


class Translated(Protocol):
    """An owner of titled language versions (a Product, a Notice)."""

    def translation(self, lang: str) -> Any: ...


def read_versions(
    body: Body,
    original: str | None,
    fields: frozenset[str],
    read: Callable[[Body, str], T],
    has_version: Callable[[str], bool] | None,
    original_message: object,
) -> dict[str, T | None]:
    """{language: what `read` made of its object, or None to remove that version}.

    `read(sub_body, language)` reads one version's object, whose allowed names are
    `fields`. `has_version(language)` says whether a version exists; it is None while
    the thing is being created, when null is no valid value. `original_message` is the
    refusal for a version in the original language.
    """
    found: dict[str, T | None] = {}
    for key, value in (body.mapping("translations") or {}).items():
        name = f"translations.{key}"
        code = language_code(key)
        if code is None:
            body.errors[name] = _("Choose a language from the list.")
        elif code == original and value is None and has_version is not None:
            raise ApiError(409, _("The original language version cannot be removed."))
        elif code == original:
            body.errors[name] = original_message
        elif value is None and has_version is not None:
            if not has_version(code):
                body.errors[name] = _("There is no version in this language.")
            found[code] = None
        elif not isinstance(value, dict):
            body.errors[name] = _("Give an object here.")
        else:
            found[code] = read(Body(value, fields, body.errors, prefix=name + "."), code)
    return found


def read_titled_versions(
    body: Body,
    owner: Translated | None,
    original: str | None,
    fields: Sequence[str],
    read_text: Callable[[Body, Any], T],
) -> dict[str, T | None]:
    """read_versions for texts with a title: a new version must give one, a version
    changed in part keeps the rest. `owner` is None while it is being created;
    `read_text(sub_body, version_or_None)` reads one version's object."""

    def read(sub: Body, code: str) -> T:
        base = owner.translation(code) if owner is not None else None
        if base is None and not sub.has("title"):
            sub.string("title", required=True)
        return read_text(sub, base)

    return read_versions(
        body,
        original,
        frozenset(fields),
        read,
        (lambda code: owner.translation(code) is not None) if owner is not None else None,
        _("Give the original-language text in title and description."),
    )


def given_texts(body: Body, base: object | None, names: Sequence[str]) -> list[str]:
    """Each named text as the body gives it (a title cannot be null), else as `base` (the
    version being changed, if any) has it."""

    def pick(name: str) -> str:
        if body.has(name):
            return body.string(name, required=name == "title") or ""
        return getattr(base, name, "") if base is not None else ""

    return [pick(name) for name in names]


def apply_versions(
    found: Mapping[str, T | None],
    set_version: Callable[[str, T], object],
    remove_version: Callable[[str], object],
) -> None:
    """Write what read_versions found: set each given version, remove each null one."""
    for code, text in found.items():
        if text is None:
            remove_version(code)
        else:
            set_version(code, text)
