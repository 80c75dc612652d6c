"""Language versions of the texts an owner writes: products, company profiles, notices, posts.

Each owner has a `translations` collection, one version per language, and an
`original_language` whose version cannot be removed. Features keep their own text fields,
error class, URLs and permission checks, and use these pieces for the rest:

- `rules`: the language code check and which version may be removed;
- `services.LanguageVersions`: add or replace a version, remove one (each a transaction);
- `forms.LanguageVersionForm`: the language choice and the save button of a version form;
- `views.VersionPages`: the add/edit page and the remove action;
- the template `content_versions/translation_form.html`, which a feature's page extends.

This package imports no feature; features import it.
"""
