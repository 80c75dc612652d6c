"""`/api/v1/notices`: live notices; posting, changing and deleting one's own."""

from __future__ import annotations

from datetime import timedelta

from exportnet.accounts.models import Role
from exportnet.extensions import db
from exportnet.notices.models import Notice
from exportnet.timeutil import utcnow
from tests.functional.test_api_support import (
    bearer,
    count,
    error_of,
    exporter_with_token,
    notice_body,
    token_for,
)


def test_an_exporter_posts_a_selling_offer(app, client, make_user):
    user, headers = exporter_with_token(app, make_user, economy="VN")
    response = client.post("/api/v1/notices", json=notice_body(), headers=headers)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["kind"] == "sell" and body["economy"] == "VN" and body["live"] is True
    assert body["company"]["id"] == user.company_id
    assert body["valid_from"] == utcnow().date().isoformat()
    assert body["url"] == f"http://localhost/en/notices/{body['id']}"
    assert response.headers["Location"].endswith(f"/api/v1/notices/{body['id']}")
    listed = client.get("/api/v1/notices?kind=sell").get_json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    assert client.get("/api/v1/notices?kind=buy").get_json()["total"] == 0


def test_a_buyer_posts_a_buying_request_but_not_an_offer(app, client, make_user):
    headers = bearer(token_for(app, make_user(Role.BUYER)))
    offer = client.post("/api/v1/notices", json=notice_body(economy="JP"), headers=headers)
    assert offer.status_code == 403
    request = notice_body(
        kind="buy", economy="JP", title="Wanted: 20 tonnes of robusta", quantity=20,
        quantity_unit="tonne", target_price=2100, currency="usd", destination_economy="JP",
        translations={"ja": {"title": "ロブスタ20トン募集"}},
    )  # fmt: skip
    response = client.post("/api/v1/notices", json=request, headers=headers)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["kind"], body["quantity"], body["currency"]) == ("buy", 20, "USD")
    assert body["company"] is None and set(body["translations"]) == {"en", "ja"}
    japanese = client.get(f"/api/v1/notices/{body['id']}?lang=ja").get_json()
    assert japanese["title"] == "ロブスタ20トン募集" and japanese["language"] == "ja"


def test_notice_validation(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    response = client.post(
        "/api/v1/notices",
        json={"kind": "swap", "language": "xx", "title": 3, "valid_until": "31/12/2030"},
        headers=headers,
    )
    assert response.status_code == 422
    assert set(error_of(response)["fields"]) == {"kind", "language", "title", "valid_until"}
    too_long = (utcnow().date() + timedelta(days=800)).isoformat()
    response = client.post("/api/v1/notices", json=notice_body(valid_until=too_long),
                           headers=headers)  # fmt: skip
    assert response.status_code == 422
    assert error_of(response)["fields"] == {
        "valid_until": "A notice can be valid for at most one year."
    }
    response = client.post("/api/v1/notices", json=notice_body(kind="event"), headers=headers)
    assert response.status_code == 422 and "event_type" in error_of(response)["fields"]
    with app.app_context():
        assert count(Notice) == 0


def test_owner_patches_and_deletes_others_get_404(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    notice_id = client.post("/api/v1/notices", json=notice_body(), headers=headers).json["id"]
    _other, other_headers = exporter_with_token(app, make_user)
    url = f"/api/v1/notices/{notice_id}"
    assert client.patch(url, json={"title": "Mine"}, headers=other_headers).status_code == 404
    assert client.delete(url, headers=other_headers).status_code == 404
    response = client.patch(url, json={"title": "Grade 1 robusta, new crop", "status": "closed",
                                       "translations": {"vi": {"title": "Cà phê"}}},
                            headers=headers)  # fmt: skip
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["title"] == "Grade 1 robusta, new crop" and body["status"] == "closed"
    assert body["live"] is False and body["kind"] == "sell"
    assert client.get("/api/v1/notices").get_json()["total"] == 0  # closed: not listed
    assert client.get(url).status_code == 200  # ... but its page stays
    response = client.patch(url, json={"kind": "buy"}, headers=headers)
    assert response.status_code == 422 and "kind" in error_of(response)["fields"]
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url).status_code == 404


def test_drafts_are_hidden_from_others(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    draft = client.post("/api/v1/notices", json=notice_body(status="draft"), headers=headers)
    url = f"/api/v1/notices/{draft.get_json()['id']}"
    assert client.get(url).status_code == 404
    assert client.get(url, headers=headers).status_code == 200


def test_notice_filters(app, client, make_user):
    _user, headers = exporter_with_token(app, make_user)
    coffee = client.post("/api/v1/notices", json=notice_body(), headers=headers).json["id"]
    rice = client.post("/api/v1/notices", json=notice_body(category="1006", kind="partner"),
                       headers=headers).json["id"]  # fmt: skip

    def ids(**params):
        return {i["id"] for i in client.get("/api/v1/notices", query_string=params).json["items"]}

    assert ids() == {coffee, rice}
    assert ids(category="09") == {coffee}
    assert ids(category="1006") == {rice}
    assert ids(category="II") == {coffee, rice}
    assert ids(kind="partner") == {rice}
    assert ids(economy="TH") == set()
    with app.app_context():
        assert db.session.get(Notice, rice).kind == "partnership"
