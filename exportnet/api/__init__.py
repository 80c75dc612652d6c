"""The JSON API under /api/v1: search, products, companies, notices and board posts.

Reading public data needs no token; writing needs `Authorization: Bearer <token>`.
Every error is `{"error": {"code": ..., "message": ...}}`; the OpenAPI document at
/api/v1/openapi.json describes it all.
"""
