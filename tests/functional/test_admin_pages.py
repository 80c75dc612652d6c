"""Admins manage agencies, officers, users and roles; everyone else gets a 404; every
change is in the audit log, which only admins read."""

from __future__ import annotations

import pytest

from exportnet.accounts.models import User
from exportnet.agency.models import Agency, AgencyMember
from tests.conftest import csrf_token_from, submit
from tests.functional.test_agency_support import all_rows, audit_entries, client_for, get

ADMIN_PAGES = (
    "/en/admin",
    "/en/admin/agencies",
    "/en/admin/users",
    "/en/admin/roles",
    "/en/admin/audit",
)


@pytest.mark.parametrize("role", [None, "buyer", "exporter", "agency"])
def test_only_admins_reach_admin_pages(app, make_user, role):
    browser = app.test_client() if role is None else client_for(app, make_user(role))
    target = make_user("buyer")
    for path in (*ADMIN_PAGES, f"/en/admin/users/{target.id}"):
        assert browser.get(path).status_code == 404, path
    if role is not None:
        token = csrf_token_from(browser.get("/en/account").get_data(as_text=True))
        response = browser.post(
            f"/en/admin/users/{target.id}/role",
            data={"csrf_token": token, "role": "admin", "reason": "x"},
        )
        assert response.status_code == 404
        response = browser.post(
            "/en/admin/agencies", data={"csrf_token": token, "name": "X", "economies": ["TH"]}
        )
        assert response.status_code == 404
    assert get(app, User, target.id).role == "buyer"
    assert all_rows(app, Agency) == []


def test_admin_pages_answer_for_admins(app, make_user):
    admin = client_for(app, make_user("admin"))
    for path in ADMIN_PAGES:
        assert admin.get(path).status_code == 200, path


def test_admin_creates_an_agency_and_manages_its_officers(app, make_user):
    admin_user = make_user("admin")
    admin = client_for(app, admin_user)
    response = submit(admin, "/en/admin/agencies", {"name": "Korea Trade Agency", "economies": []})
    assert "Choose at least one economy." in response.get_data(as_text=True)
    response = submit(
        admin, "/en/admin/agencies", {"name": "Korea Trade Agency", "economies": ["KR", "JP"]}
    )
    assert response.status_code == 302
    (agency,) = all_rows(app, Agency)
    with app.app_context():
        from exportnet.extensions import db

        assert db.session.get(Agency, agency.id).economy_codes == ["JP", "KR"]

    officer = make_user("agency")
    buyer = make_user("buyer")
    url = f"/en/admin/agencies/{agency.id}"
    refused = submit(admin, url, {"email": buyer.email}, action=f"{url}/officers")
    assert "Give this user the agency role first." in refused.get_data(as_text=True)
    added = submit(admin, url, {"email": officer.email}, action=f"{url}/officers")
    assert added.status_code == 302
    assert [
        (m.user_id, m.agency_id) for m in all_rows(app, AgencyMember, AgencyMember.user_id)
    ] == [(officer.id, agency.id)]
    assert officer.email in admin.get(url).get_data(as_text=True)

    response = submit(admin, url, {"name": "Korea Trade Agency", "economies": ["KR"]}, action=url)
    assert response.status_code == 302
    response = submit(admin, url, {}, action=f"{url}/officers/{officer.id}/remove")
    assert response.status_code == 302
    assert all_rows(app, AgencyMember, AgencyMember.user_id) == []
    assert [e.action for e in audit_entries(app)] == [
        "agency_created",
        "officer_added",
        "agency_updated",
        "officer_removed",
    ]
    assert all(e.actor_id == admin_user.id for e in audit_entries(app))
    assert "JP, KR -> Korea Trade Agency: KR" in audit_entries(app)[2].detail


def test_admin_finds_users_changes_roles_and_disables(app, make_user):
    admin_user = make_user("admin")
    admin = client_for(app, admin_user)
    someone = make_user("buyer", email="somchai@example.test")
    make_user("buyer", email="other@example.test")
    page = admin.get("/en/admin/users?email=somchai").get_data(as_text=True)
    assert "somchai@example.test" in page and "other@example.test" not in page
    page = admin.get("/en/admin/users?role=admin").get_data(as_text=True)
    assert admin_user.email in page and "somchai@example.test" not in page

    url = f"/en/admin/users/{someone.id}"
    response = submit(admin, url, {"role": "exporter", "reason": ""}, action=f"{url}/role")
    assert "An exporter needs a company" in response.get_data(as_text=True)
    response = submit(
        admin, url, {"role": "agency", "reason": "Officer of DITP"}, action=f"{url}/role"
    )
    assert response.status_code == 302
    assert get(app, User, someone.id).role == "agency"

    someone_browser = client_for(app, someone)
    response = submit(
        admin, url, {"reason": "Left the agency", "disable": "Disable"}, action=f"{url}/status"
    )
    assert response.status_code == 302
    assert get(app, User, someone.id).disabled_at is not None
    assert someone_browser.get("/en/account").status_code == 302  # session ended
    response = submit(admin, url, {"reason": "", "enable": "Enable"}, action=f"{url}/status")
    assert get(app, User, someone.id).disabled_at is None

    entries = audit_entries(app)
    assert [(e.action, e.target_id) for e in entries] == [
        ("user_role_changed", someone.id),
        ("user_disabled", someone.id),
        ("user_enabled", someone.id),
    ]
    assert entries[0].detail == "buyer -> agency" and entries[0].reason == "Officer of DITP"
    assert "Role changed" in admin.get(url).get_data(as_text=True)  # the user's history


def test_admins_cannot_demote_or_disable_themselves(app, make_user):
    admin_user = make_user("admin")
    admin = client_for(app, admin_user)
    page = admin.get(f"/en/admin/users/{admin_user.id}").get_data(as_text=True)
    assert "Change the role" not in page
    token = csrf_token_from(page)
    url = f"/en/admin/users/{admin_user.id}"
    admin.post(f"{url}/role", data={"csrf_token": token, "role": "buyer"})
    admin.post(f"{url}/status", data={"csrf_token": token, "disable": "Disable"})
    user = get(app, User, admin_user.id)
    assert user.role == "admin" and user.disabled_at is None
    assert audit_entries(app) == []


def test_audit_log_is_paged_and_filtered(app, make_user):
    admin_user = make_user("admin")
    admin = client_for(app, admin_user)
    users = [make_user("buyer", email=f"user{i}@example.test") for i in range(3)]
    for user in users:
        url = f"/en/admin/users/{user.id}"
        submit(admin, url, {"reason": "spam", "disable": "Disable"}, action=f"{url}/status")
    submit(admin, "/en/admin/agencies", {"name": "Lao Trade Office", "economies": ["LA"]})
    page = admin.get("/en/admin/audit").get_data(as_text=True)
    assert page.count('class="audit-entry"') == 4
    page = admin.get("/en/admin/audit?action=user_disabled").get_data(as_text=True)
    assert page.count('class="audit-entry"') == 3
    page = admin.get("/en/admin/audit?target_type=agency").get_data(as_text=True)
    assert page.count('class="audit-entry"') == 1 and "Lao Trade Office" in page
    page = admin.get(f"/en/admin/audit?actor={admin_user.email}").get_data(as_text=True)
    assert page.count('class="audit-entry"') == 4
    page = admin.get("/en/admin/audit?actor=nobody@example.test").get_data(as_text=True)
    assert 'class="audit-entry"' not in page
    with app.app_context():
        from exportnet.agency.audit import AuditFilters, audit_page

        first = audit_page(AuditFilters(), page=1, per_page=3)
        second = audit_page(AuditFilters(), page=2, per_page=3)
        assert first.total == 4 and len(first.items) == 3 and len(second.items) == 1
        assert first.items[0].action == "agency_created"  # newest first


def test_roles_page_counts_users(app, make_user):
    admin = client_for(app, make_user("admin"))
    make_user("buyer")
    make_user("buyer")
    page = admin.get("/en/admin/roles").get_data(as_text=True)
    assert '<a href="/en/admin/users?role=buyer">2</a>' in page
