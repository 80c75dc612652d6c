"""Home page, locale redirects, language switching, error pages, template context."""
