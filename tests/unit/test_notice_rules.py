"""Notice rules and permissions, without the database."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from exportnet import permissions
from exportnet.notices import rules
from exportnet.notices.feeds import rfc3339, xml_text
from exportnet.notices.rules import NoticeError

TODAY = date(2025, 3, 10)


def user(role: str, verified: bool = True, company_id: int | None = None, uid: int = 1):
    return SimpleNamespace(
        is_authenticated=True,
        role=role,
        id=uid,
        company_id=company_id,
        email_verified_at=TODAY if verified else None,
    )


def test_one_year_after_handles_leap_days():
    assert rules.one_year_after(date(2024, 2, 29)) == date(2025, 2, 28)
    assert rules.one_year_after(date(2025, 3, 10)) == date(2026, 3, 10)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (TODAY, date(2026, 3, 11), "at most one year"),
        (TODAY, date(2025, 3, 9), "cannot be before the first"),
        (date(2025, 1, 1), date(2025, 3, 9), "cannot be in the past"),
        (None, TODAY, "first day of validity"),
        (TODAY, None, "last day of validity"),
    ],
)
def test_validity_refusals(app, start, end, message):
    with app.test_request_context(), pytest.raises(NoticeError, match=message) as caught:
        rules.validity(start, end, TODAY)
    assert caught.value.field in {"valid_from", "valid_until"}


def test_validity_accepts_a_single_day_and_exactly_one_year(app):
    with app.test_request_context():
        assert rules.validity(TODAY, TODAY, TODAY) == (TODAY, TODAY)
        assert rules.validity(TODAY, date(2026, 3, 10), TODAY)[1] == date(2026, 3, 10)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,hi", "ftp://x.test/", "//x.test", "http://"]
)
def test_event_links_must_be_http(app, url):
    with app.test_request_context(), pytest.raises(NoticeError):
        rules.web_address(url)


def test_category_is_optional_and_checked(app):
    with app.test_request_context():
        assert rules.category("") == (None, None, None)
        assert rules.category("0901") == ("II", "09", "0901")
        with pytest.raises(NoticeError, match="Unknown HS code"):
            rules.category("9999")


def test_kinds_by_role():
    assert permissions.notice_kinds(user("buyer")) == ("buying_request",)
    assert permissions.notice_kinds(user("agency")) == ("trade_event",)
    assert set(permissions.notice_kinds(user("exporter", company_id=3))) == {
        "selling_offer",
        "buying_request",
        "partnership",
        "trade_event",
    }
    assert permissions.notice_kinds(user("exporter")) == ()  # no company yet
    assert permissions.notice_kinds(user("buyer", verified=False)) == ()
    assert not permissions.post_notice(user("buyer"), "selling_offer")
    assert permissions.post_notice(user("agency"), "trade_event")


def test_edit_notice_owner_company_and_admin():
    notice = SimpleNamespace(author_id=1, company_id=7)
    assert permissions.edit_notice(user("exporter", company_id=7, uid=1), notice)
    assert permissions.edit_notice(user("exporter", company_id=7, uid=2), notice)
    assert not permissions.edit_notice(user("exporter", company_id=8, uid=3), notice)
    assert permissions.edit_notice(user("admin", uid=9), notice)
    assert not permissions.edit_notice(user("agency", uid=4), notice)
    assert not permissions.edit_notice(SimpleNamespace(is_authenticated=False), notice)


def test_feed_helpers():
    assert rfc3339(date(2025, 3, 10)) == "2025-03-10T00:00:00Z"
    assert xml_text("a\x00b\x1fc\td\ne") == "abc\td\ne"
