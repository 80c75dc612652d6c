import pytest
from flask import abort


@pytest.fixture
def app_config():
    return {"PROPAGATE_EXCEPTIONS": False, "MAX_CONTENT_LENGTH": 1024}


@pytest.fixture
def app_with_failing_routes(app):
    def boom():
        raise RuntimeError("bug")

    def forbidden():
        abort(403)

    def upload():
        from flask import request

        return str(len(request.form))

    app.add_url_rule("/en/test-boom", "test_boom", boom)
    app.add_url_rule("/en/test-forbidden", "test_forbidden", forbidden)
    app.add_url_rule("/en/test-upload", "test_upload", upload, methods=["POST"])
    return app


def assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(
    ("path", "status"), [("/en/", 200), ("/en/nope", 404), ("/fr/", 404), ("/", 302)]
)
def test_every_response_carries_security_headers(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_security_headers(response)


def test_500_page_is_translated_styled_and_has_headers(app_with_failing_routes):
    client = app_with_failing_routes.test_client()
    response = client.get("/en/test-boom")
    assert response.status_code == 500
    assert "Something went wrong" in response.get_data(as_text=True)
    assert '<link rel="stylesheet"' in response.get_data(as_text=True)
    assert_security_headers(response)


def test_403_and_405_pages(app_with_failing_routes):
    client = app_with_failing_routes.test_client()
    assert "Not allowed" in client.get("/en/test-forbidden").get_data(as_text=True)
    response = client.delete("/en/")
    assert response.status_code == 405
    assert "Method not allowed" in response.get_data(as_text=True)


def test_oversized_request_gets_a_413_page(app_with_failing_routes):
    client = app_with_failing_routes.test_client()
    response = client.post("/en/test-upload", data={"x": "a" * 5000})
    assert response.status_code == 413
    assert "File too large" in response.get_data(as_text=True)
    assert_security_headers(response)


def test_no_inline_script_or_style_on_pages(client):
    html = client.get("/en/").get_data(as_text=True)
    assert "<script>" not in html and " style=" not in html and "<style" not in html


def test_cookies_get_secure_flag_over_https(client):
    response = client.get("/language/th?next=/th/", base_url="https://localhost")
    assert "Secure" in response.headers["Set-Cookie"]
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    plain = client.get("/language/th?next=/th/")
    assert "Secure" not in plain.headers["Set-Cookie"]


def test_static_files_do_not_vary_by_cookie(client, login_as):
    login_as("buyer")
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "Cookie" not in response.headers.get("Vary", "")
    assert "Set-Cookie" not in response.headers
    assert "Cookie" in client.get("/en/account").headers.get("Vary", "")
