"""The pages that add, edit and remove a language version, whatever the owner.

A feature's views check who may edit the owner (a 404 for anyone else), then hand over to
`VersionPages` with what is particular to them: the form, the template, the service call
and the page to go back to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from exportnet.content_versions.forms import LanguageVersionForm
from exportnet.content_versions.rules import Versioned, is_content_language, version

F = TypeVar("F", bound=LanguageVersionForm)


@dataclass(frozen=True)
class VersionPages(Generic[F]):
    """One feature's language-version pages.

    `template` extends content_versions/translation_form.html. `refusal` is the feature's
    error class; a refusal that names no field of the form is shown on `error_field`.
    """

    form: type[F]
    template: str
    refusal: type[Exception]
    error_field: str

    def edit(
        self,
        owner: Versioned[Any],
        content_lang: str | None,
        save: Callable[[str, F], object],
        back: str,
    ) -> Response | str:
        """GET/POST the page adding a version (no `content_lang`) or editing one.

        `save(lang, form)` writes the version; after it, the browser goes `back`.
        """
        existing = version(owner, content_lang) if content_lang else None
        if content_lang and (not is_content_language(content_lang) or existing is None):
            abort(404)
        form = self.form(obj=existing, taken={v.lang for v in owner.translations})
        if existing is not None:
            del form.lang
        if form.validate_on_submit():
            try:
                save(content_lang or form.lang.data, form)
            except self.refusal as exc:
                self._show_refusal(form, exc)
            else:
                flash(_("The language version was saved."), "success")
                return redirect(back)
        return render_template(
            self.template,
            form=form,
            owner=owner,
            content_lang=content_lang,
            original=version(owner, owner.original_language),
            cancel_url=back,
        )

    def remove(self, drop: Callable[[], object], back: str) -> Response:
        """POST: `drop()` removes a version (refused for the original one); then go `back`."""
        if not FlaskForm().validate_on_submit():  # the form is just a button and the token
            abort(400)
        try:
            drop()
        except self.refusal as exc:
            flash(str(getattr(exc, "message", exc)), "error")
        else:
            flash(_("The language version was removed."), "success")
        return redirect(back)

    def _show_refusal(self, form: F, refusal: Exception) -> None:
        """Put the refusal's message on the field it names, or on `error_field`."""
        named = getattr(form, getattr(refusal, "field", None) or "", None)
        field = named if hasattr(named, "errors") else getattr(form, self.error_field)
        field.errors = [*field.errors, str(getattr(refusal, "message", refusal))]
