"""Exporter companies: profiles, directory, membership."""
