"""Editing a company profile: its members and admins; a 404 for anyone else."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet.catalog.fields import show_error
from exportnet.catalog.forms import ConfirmForm
from exportnet.companies import queries, services
from exportnet.companies.forms import (
    CertificationForm,
    CompanyForm,
    CompanyTranslationForm,
    profile_data,
)
from exportnet.companies.models import Company
from exportnet.companies.rules import CompanyError
from exportnet.content_versions.views import VersionPages
from exportnet.media.images import ImageRejected, process_image

bp = Blueprint("companies_edit", __name__)
VERSION_PAGES = VersionPages(
    CompanyTranslationForm, "companies/translation_form.html", CompanyError, "description"
)


def _editable(company_id: int) -> Company:
    company = queries.editable_company(current_user, company_id)
    if company is None:
        abort(404)
    return company


def _edit_page(company: Company, form: CompanyForm, certification_form: CertificationForm) -> str:
    return render_template(
        "companies/edit.html",
        company=company,
        form=form,
        certification_form=certification_form,
    )


@bp.route("/companies/<int:company_id>/edit", methods=["GET", "POST"])
def edit(company_id: int) -> Response | str:
    company = _editable(company_id)
    form = CompanyForm(data=profile_data(company))
    if form.validate_on_submit():
        logo = None
        try:
            if form.logo.data:
                logo = process_image(form.logo.data.read())
            services.update_company(
                company, form.profile(), description=form.description.data or "", logo=logo
            )
        except ImageRejected as exc:
            form.logo.errors.append(str(exc.message))
        except CompanyError as exc:
            show_error(form, exc, "name")
        else:
            flash(_("The company profile was saved."), "success")
            return redirect(url_for("companies_edit.edit", company_id=company.id))
    return _edit_page(company, form, CertificationForm(formdata=None, prefix="cert"))


@bp.route("/companies/<int:company_id>/descriptions/new", methods=["GET", "POST"])
@bp.route("/companies/<int:company_id>/descriptions/<content_lang>", methods=["GET", "POST"])
def translation(company_id: int, content_lang: str | None = None) -> Response | str:
    company = _editable(company_id)
    return VERSION_PAGES.edit(
        company,
        content_lang,
        save=lambda lang, form: services.set_company_translation(
            company, lang, form.description.data or ""
        ),
        back=url_for("companies_edit.edit", company_id=company.id),
    )


@bp.post("/companies/<int:company_id>/descriptions/<content_lang>/remove")
def remove_translation(company_id: int, content_lang: str) -> Response:
    company = _editable(company_id)
    return VERSION_PAGES.remove(
        lambda: services.remove_company_translation(company, content_lang),
        back=url_for("companies_edit.edit", company_id=company.id),
    )


@bp.post("/companies/<int:company_id>/certifications")
def add_certification(company_id: int) -> Response | str:
    company = _editable(company_id)
    certification_form = CertificationForm(prefix="cert")
    if certification_form.validate_on_submit():
        services.add_certification(
            company,
            certification_form.name.data or "",
            certification_form.issuer.data or "",
            certification_form.valid_until.data,
        )
        flash(_("The certification was added."), "success")
        return redirect(url_for("companies_edit.edit", company_id=company.id) + "#certifications")
    form = CompanyForm(formdata=None, data=profile_data(company))
    return _edit_page(company, form, certification_form)


@bp.post("/companies/<int:company_id>/certifications/<int:certification_id>/remove")
def remove_certification(company_id: int, certification_id: int) -> Response:
    company = _editable(company_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.remove_certification(company, certification_id)
    except CompanyError:
        abort(404)
    flash(_("The certification was removed."), "success")
    return redirect(url_for("companies_edit.edit", company_id=company.id) + "#certifications")
