"""Catalog search: multilingual analysis, the Whoosh index, queries and highlights.

- ``analysis``: one ICU-based analysis chain for all 13 UI languages
- ``schema``: the Whoosh schema of catalog documents
- ``index``: the on-disk index (generations, writer lock, one cached searcher)
- ``query``: safe user-query parsing, search with filters/facets, did-you-mean, highlight
"""
