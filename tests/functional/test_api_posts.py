"""`/api/v1/posts`: the industry-information board, read only."""

from __future__ import annotations

from datetime import timedelta

from exportnet.timeutil import utcnow
from tests.functional.test_api_support import error_of, make_post


def test_posts_list_and_read(app, client, make_user):
    post_id = make_post(app, make_user, "Export rules for coffee")
    other = make_post(app, make_user, "Rice fair", topic="trade_event", economies=["TH"],
                      industries=["10"])  # fmt: skip
    make_post(app, make_user, "Draft", status="draft")
    make_post(app, make_user, "Later", publish_on=utcnow().date() + timedelta(days=3))

    def ids(**params):
        response = client.get("/api/v1/posts", query_string=params)
        assert response.status_code == 200
        return {item["id"] for item in response.get_json()["items"]}

    assert ids() == {post_id, other}
    assert ids(topic="trade_event") == {other}
    assert ids(economy="VN") == {post_id}
    assert ids(category="10") == {other}
    assert ids(category="1006") == {other}
    response = client.get("/api/v1/posts?category=II")
    assert response.status_code == 422 and "category" in error_of(response)["fields"]

    body = client.get(f"/api/v1/posts/{post_id}?lang=vi").get_json()
    assert body["title"] == "Export rules for coffee" and body["language"] == "en"
    assert body["body"] == "Read **this**." and body["topic"] == "regulation"
    assert body["url"] == f"http://localhost/vi/board/{post_id}"
    assert body["economies"] == ["VN"] and body["industries"] == ["09"]


def test_drafts_and_scheduled_posts_are_not_found(app, client, make_user):
    draft = make_post(app, make_user, "Draft", status="draft")
    later = make_post(app, make_user, "Later", publish_on=utcnow().date() + timedelta(days=3))
    assert client.get(f"/api/v1/posts/{draft}").status_code == 404
    assert client.get(f"/api/v1/posts/{later}").status_code == 404
    assert client.post("/api/v1/posts", json={}).status_code == 405
