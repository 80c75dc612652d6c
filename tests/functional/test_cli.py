import hashlib

from sqlalchemy import select

from exportnet.accounts.models import ApiToken, User
from exportnet.extensions import db


def test_create_user_reads_password_from_stdin_and_is_verified(app, runner):
    result = runner.invoke(
        args=["create-user", "Officer@Agency.test", "--role", "agency", "--password-stdin"],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "officer@agency.test"))
        assert user.role == "agency"
        assert user.email_verified_at is not None
        assert user.password_hash.startswith("scrypt:")


def test_create_exporter_creates_or_joins_the_company(app, runner):
    for email in ("a@vn.test", "b@vn.test"):
        result = runner.invoke(
            args=[
                "create-user",
                email,
                "--role",
                "exporter",
                "--company",
                "Saigon Pepper",
                "--economy",
                "vn",
                "--password-stdin",
            ],
            input="pepper and cashew 2026\n",
        )
        assert result.exit_code == 0, result.output
    with app.app_context():
        users = db.session.scalars(select(User).order_by(User.email)).all()
        assert users[0].company_id == users[1].company_id is not None
        assert users[0].company.economy == "VN"


def test_create_user_refuses_unknown_economy_and_duplicates(runner):
    bad = runner.invoke(
        args=[
            "create-user",
            "x@y.test",
            "--role",
            "exporter",
            "--company",
            "X",
            "--economy",
            "ZZ",
            "--password-stdin",
        ],
        input="whatever password\n",
    )
    assert bad.exit_code != 0 and "Unknown economy" in bad.output
    args = ["create-user", "dup@y.test", "--role", "buyer", "--password-stdin"]
    assert runner.invoke(args=args, input="first password 1\n").exit_code == 0
    again = runner.invoke(args=args, input="first password 1\n")
    assert again.exit_code != 0 and "already exists" in again.output


def test_create_token_prints_token_last_and_stores_only_its_hash(app, runner):
    runner.invoke(
        args=[
            "create-user",
            "api@y.test",
            "--role",
            "exporter",
            "--company",
            "API Co",
            "--economy",
            "TH",
            "--password-stdin",
        ],
        input="token owner password\n",
    )
    result = runner.invoke(args=["create-token", "api@y.test"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert token.startswith("exn_") and len(token) > 30
    with app.app_context():
        stored = db.session.scalars(select(ApiToken)).one()
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in stored.token_hash


def test_create_token_for_unknown_user_fails(runner):
    result = runner.invoke(args=["create-token", "nobody@y.test"])
    assert result.exit_code != 0 and "No user" in result.output
