import pytest

from exportnet import create_app
from exportnet.config import ConfigurationError


def test_refuses_to_start_without_a_secret(tmp_path, monkeypatch):
    monkeypatch.delenv("EXPORTNET_SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="EXPORTNET_SECRET_KEY"):
        create_app({"INSTANCE_PATH": str(tmp_path)})


def test_demo_mode_generates_and_keeps_a_secret(tmp_path, monkeypatch):
    monkeypatch.delenv("EXPORTNET_SECRET_KEY", raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path), "DEMO": True})
    second = create_app({"INSTANCE_PATH": str(tmp_path), "DEMO": True})
    assert len(first.config["SECRET_KEY"]) >= 32
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert (tmp_path / "demo-secret-key").stat().st_mode & 0o077 == 0
    assert first.config["MAIL_BACKEND"] == "log"


def test_environment_overrides_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPORTNET_SECRET_KEY", "from-env")
    monkeypatch.setenv("EXPORTNET_DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite")
    monkeypatch.setenv("EXPORTNET_SMTP_PORT", "2525")
    monkeypatch.setenv("EXPORTNET_RATELIMIT_STORAGE_URI", "memory://")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("other.sqlite")
    assert app.config["SMTP_PORT"] == 2525


def test_instance_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPORTNET_INSTANCE_PATH", str(tmp_path / "inst"))
    monkeypatch.setenv("EXPORTNET_SECRET_KEY", "k")
    app = create_app()
    assert app.instance_path == str(tmp_path / "inst")
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/inst/exportnet.sqlite"
    assert app.config["SEARCH_INDEX_DIR"] == str(tmp_path / "inst" / "search-index")
