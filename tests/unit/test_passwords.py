"""Password hashing and the rules for new passwords."""

from __future__ import annotations

import pytest

from exportnet.accounts import passwords
from exportnet.accounts.passwords import (
    COMMON_PASSWORDS_FILE,
    common_passwords,
    hash_password,
    is_common_password,
    password_problem,
    verify_password,
)
from exportnet.accounts.services import AccountError, authenticate
from tests.conftest import PASSWORD


def test_hash_is_scrypt_salted_and_verifies():
    first, second = hash_password("plum orchard kettle"), hash_password("plum orchard kettle")
    assert first.startswith("scrypt:") and first != second
    assert verify_password(first, "plum orchard kettle")
    assert not verify_password(first, "plum orchard kettlE")


def test_missing_hash_never_verifies():
    assert not verify_password(None, "not-a-real-password")  # not even the dummy's password
    assert not verify_password("", "anything")


def test_common_password_list_is_large_and_clean():
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 1000
    assert len(set(lines)) == len(lines), "duplicates"
    assert all(line == line.strip().lower() and line for line in lines)
    for expected in (
        "123456",
        "password",
        "qwerty",
        "iloveyou",
        "1234567890",
        "qwertyuiop",
        "password123",
        "iloveyou123",
        "1q2w3e4r5t",
    ):
        assert expected in common_passwords()
    assert sum(len(p) >= 10 for p in common_passwords()) >= 200
    assert PASSWORD not in common_passwords()


@pytest.mark.parametrize("candidate", ["Password123", " QWERTYUIOP ", "iLoveYou123"])
def test_common_check_ignores_case_and_spaces(candidate):
    assert is_common_password(candidate)


@pytest.mark.parametrize(
    ("password", "email", "problem"),
    [
        ("short", None, "Use at least 10 characters."),
        ("x" * 1025, None, "Use at most 1024 characters."),
        ("1234567890", None, "too common"),
        ("Mai.Tran@example.com", "mai.tran@example.com", "must not be your email address"),
        ("maitranthi", "MaiTranThi@example.com", "must not be your email address"),
        ("plum orchard kettle", "mai@example.com", None),
    ],
)
def test_password_problem(app, password, email, problem):
    with app.test_request_context("/en/"):
        found = password_problem(password, email)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


@pytest.mark.parametrize("app_config", [{"PASSWORD_MIN_LENGTH": 16}])
def test_minimum_length_comes_from_config(app):
    with app.test_request_context("/en/"):
        assert password_problem("plum orchard ke") == "Use at least 16 characters."
        assert password_problem("plum orchard kett") is None


def test_unknown_email_costs_a_hash_check_like_a_known_one(app, make_user, monkeypatch):
    user = make_user()
    checked: list[str] = []
    real_check = passwords.check_password_hash

    def recording_check(password_hash: str, password: str) -> bool:
        checked.append(password_hash)
        return real_check(password_hash, password)

    monkeypatch.setattr(passwords, "check_password_hash", recording_check)
    with app.test_request_context("/en/"):
        for email in ("nobody@example.com", user.email):
            with pytest.raises(AccountError) as refusal:
                authenticate(email, "not the password")
            assert str(refusal.value) == "The email address or password is not correct."
    assert len(checked) == 2 and checked[0].startswith("scrypt:")
