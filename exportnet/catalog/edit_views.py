"""Creating, editing and deleting listings: members of the owning company and admins.

Anyone else gets a 404 for every page here, whatever the method, and nothing changes.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from exportnet import permissions
from exportnet.catalog import queries, services
from exportnet.catalog.fields import show_error
from exportnet.catalog.forms import ConfirmForm, ProductForm, TranslationForm
from exportnet.catalog.models import Product
from exportnet.catalog.presenting import reading
from exportnet.catalog.rules import ListingError
from exportnet.companies.models import Company
from exportnet.content_versions.views import VersionPages
from exportnet.extensions import db
from exportnet.i18n.routing import current_locale
from exportnet.media.images import ImageRejected, ProcessedImage, process_image

bp = Blueprint("catalog_edit", __name__)
VERSION_PAGES = VersionPages(
    TranslationForm, "catalog/translation_form.html", ListingError, "title"
)


def _editable(product_id: int) -> Product:
    product = queries.editable_product(current_user, product_id)
    if product is None:
        abort(404)
    return product


def _processed_uploads(form: ProductForm) -> list[ProcessedImage] | None:
    """The uploaded pictures processed, or None after putting a refusal on the form."""
    processed = []
    for upload in form.pictures.data or []:
        if not upload:
            continue
        try:
            processed.append(process_image(upload.read()))
        except ImageRejected as exc:
            form.pictures.errors.append(str(exc.message))
            return None
    return processed


@bp.route("/companies/<int:company_id>/products/new", methods=["GET", "POST"])
def new_product(company_id: int) -> Response | str:
    company = db.session.get(Company, company_id)
    if company is None or not permissions.edit_company(current_user, company):
        abort(404)
    form = ProductForm()
    if not form.is_submitted():
        form.original_language.data = current_locale().code
        form.origin_economy.data = company.economy
    if form.validate_on_submit() and (images := _processed_uploads(form)) is not None:
        try:
            product = services.create_product(
                company,
                form.listing_terms(),
                form.original_language.data,
                form.listing_text(),
                images=images,
                image_alt=form.image_alt.data or "",
            )
        except ListingError as exc:
            show_error(form, exc, "title")
        else:
            flash(_("The product was saved."), "success")
            return redirect(url_for("catalog.product", product_id=product.id))
    return render_template("catalog/product_form.html", form=form, company=company, product=None)


@bp.route("/products/<int:product_id>/edit", methods=["GET", "POST"])
def edit_product(product_id: int) -> Response | str:
    product = _editable(product_id)
    original = product.translation(product.original_language)
    form = ProductForm(obj=product, existing_images=len(product.images))
    del form.original_language
    if not form.is_submitted():
        form.hs_code.data = product.hs_heading or product.hs_chapter
        if original is not None:
            form.title.data = original.title
            form.description.data = original.description
            form.keywords.data = original.keywords
    if form.validate_on_submit() and (images := _processed_uploads(form)) is not None:
        try:
            services.update_product(
                product,
                form.listing_terms(),
                form.listing_text(),
                images=images,
                image_alt=form.image_alt.data or "",
            )
        except ListingError as exc:
            show_error(form, exc, "title")
        else:
            flash(_("The product was saved."), "success")
            return redirect(url_for("catalog_edit.edit_product", product_id=product.id))
    return render_template(
        "catalog/product_form.html",
        form=form,
        company=product.company,
        product=product,
    )


@bp.route("/products/<int:product_id>/delete", methods=["GET", "POST"])
def delete_product(product_id: int) -> Response | str:
    product = _editable(product_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        company_id = product.company_id
        services.delete_product(product)
        flash(_("The product was deleted."), "success")
        return redirect(url_for("companies.detail", company_id=company_id))
    return render_template(
        "catalog/delete.html", product=product, reading=reading(product), form=form
    )


@bp.route("/products/<int:product_id>/translations/new", methods=["GET", "POST"])
@bp.route("/products/<int:product_id>/translations/<content_lang>", methods=["GET", "POST"])
def translation(product_id: int, content_lang: str | None = None) -> Response | str:
    product = _editable(product_id)
    return VERSION_PAGES.edit(
        product,
        content_lang,
        save=lambda lang, form: services.set_translation(product, lang, form.listing_text()),
        back=url_for("catalog_edit.edit_product", product_id=product.id),
    )


@bp.post("/products/<int:product_id>/translations/<content_lang>/remove")
def remove_translation(product_id: int, content_lang: str) -> Response:
    product = _editable(product_id)
    return VERSION_PAGES.remove(
        lambda: services.remove_translation(product, content_lang),
        back=url_for("catalog_edit.edit_product", product_id=product.id),
    )


@bp.post("/products/<int:product_id>/images/<int:image_id>/remove")
def remove_image(product_id: int, image_id: int) -> Response:
    product = _editable(product_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.remove_image(product, image_id)
    except ListingError:
        abort(404)
    flash(_("The picture was removed."), "success")
    return redirect(url_for("catalog_edit.edit_product", product_id=product.id))
