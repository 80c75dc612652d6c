"""The OpenAPI document, and schemathesis driving every operation against it in-process.

No generated input may cause a server error, and every response must match the
document (status, content type, headers, body). `positive_data_acceptance` is left out
for writes only: listing and notice rules (price ranges, currencies, validity of at most
a year, ...) refuse some schema-valid bodies with 422 by design. Reads keep it: the
document's closed lists (economies, HS codes, languages) are exactly what they accept.
"""

from __future__ import annotations

import random

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from exportnet.accounts.models import Role
from exportnet.catalog.services import ListingTerms, ListingText, create_product
from exportnet.companies.models import Company
from exportnet.extensions import db
from tests.functional.test_api_support import exporter_with_token, make_post

OPERATIONS = [
    ("GET", "/search"),
    ("GET", "/products"),
    ("POST", "/products"),
    ("GET", "/products/{id}"),
    ("PATCH", "/products/{id}"),
    ("DELETE", "/products/{id}"),
    ("GET", "/companies"),
    ("GET", "/companies/{id}"),
    ("PATCH", "/companies/{id}"),
    ("GET", "/notices"),
    ("POST", "/notices"),
    ("GET", "/notices/{id}"),
    ("PATCH", "/notices/{id}"),
    ("DELETE", "/notices/{id}"),
    ("GET", "/posts"),
    ("GET", "/posts/{id}"),
    ("GET", "/openapi.json"),
]
EXAMPLES = 40  # per operation, positive and negative (invalid) inputs mixed
# Invalid input is checked for crashes and for answering in the documented shapes only:
# the API reads some off-schema input leniently (lower-case codes, unknown parameters).
NEGATIVE_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def app_config():
    return {"RATELIMIT_ENABLED": False}


def test_the_document_is_openapi_3_1_and_describes_every_route(client, app):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    described = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
    assert described == set(OPERATIONS)
    routes = {
        (method, rule.rule.removeprefix("/api/v1").replace("<int:", "{").replace(">", "}"))
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    normalized = {(m, p.replace("{product_id}", "{id}").replace("{company_id}", "{id}")
                   .replace("{notice_id}", "{id}").replace("{post_id}", "{id}"))
                  for m, p in routes}  # fmt: skip
    assert normalized == set(OPERATIONS)
    assert set(doc["components"]["responses"]) >= {"E401", "E404", "E415", "E422", "E429"}


def _seed(app, make_user) -> dict[str, str]:
    """Something behind the ids the fuzzer tries first, and a token for the writes."""
    user, headers = exporter_with_token(app, make_user)
    with app.app_context():
        company = db.session.get(Company, user.company_id)
        create_product(company, ListingTerms(hs_code="0901", status="published"), "vi",
                       ListingText("Cà phê", "Robusta"))  # fmt: skip
    make_post(app, make_user)
    make_user(Role.BUYER)
    return headers


def _fuzz(operation, headers: dict[str, str], method: str) -> None:
    excluded = [positive_data_acceptance] if method != "GET" else []
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        # Hypothesis seeds `random` alike for every example; Whoosh names its segments
        # with it, and equal names would collide in the index directory.
        random.seed()
        response = case.call(headers=headers)
        if case.meta is not None and case.meta.generation.mode == GenerationMode.NEGATIVE:
            case.validate_response(response, headers=headers, checks=NEGATIVE_CHECKS)
        else:
            case.validate_response(response, headers=headers, excluded_checks=excluded)

    check()


def test_schemathesis_finds_no_server_error_and_no_schema_violation(app, make_user):
    """Every operation in turn, on one database that the writes keep changing."""
    headers = _seed(app, make_user)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures = []
    for method, path in OPERATIONS:
        try:
            _fuzz(schema[path][method], headers, method)
        except Exception as exc:  # report every failing operation, not just the first
            failures.append(f"{method} {path}: {exc}")
    assert not failures, "\n\n".join(failures)
