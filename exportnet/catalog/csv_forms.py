"""The CSV upload form. It checks that a file came; `csv_import` reads it."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired


class CsvUploadForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        [FileRequired(_l("Choose a CSV file to upload."))],
        description=_l("UTF-8, comma-separated, one product per row."),
        render_kw={"accept": ".csv,text/csv"},
    )
