"""Locales, locale-prefixed URLs, negotiation and Babel formatting."""
