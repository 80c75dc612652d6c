"""Seller analytics: product page views per day, and what exporters see of them.

models   ProductViewDay, one compact counter row per product per day
counter  counting a product page view (an upsert), skipping bots and the seller's own views
queries  views and inquiries per product per month, reply time (median hours)
views    /<lang>/my/analytics
"""
