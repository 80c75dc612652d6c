"""Product listings: models, rules, reading with language fallback, browsing, editing."""
