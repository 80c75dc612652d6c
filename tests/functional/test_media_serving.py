"""Stored renditions over HTTP, and the content-addressed storage behind them."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from exportnet.media.images import RENDITIONS, process_image
from exportnet.media.storage import MediaStorage, media_storage

IMMUTABLE = "public, max-age=31536000, immutable"


def picture(colour=(200, 40, 40), size=(900, 600)):
    out = BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return process_image(out.getvalue())


@pytest.fixture
def stored(app):
    processed = picture()
    with app.app_context():
        key = media_storage().save(processed)
    return key, processed


def test_each_rendition_is_served_as_a_cacheable_jpeg(client, stored):
    key, processed = stored
    for rendition, data in processed.renditions.items():
        response = client.get(f"/media/{key}/{rendition}.jpg")
        assert response.status_code == 200
        assert response.mimetype == "image/jpeg"
        assert response.data == data
        assert response.headers["Cache-Control"] == IMMUTABLE
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Set-Cookie" not in response.headers


def test_conditional_requests_get_304(client, stored):
    key, _ = stored
    first = client.get(f"/media/{key}/thumb.jpg")
    assert key in first.headers["ETag"]  # content-derived: the same on every node
    again = client.get(f"/media/{key}/thumb.jpg", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""


@pytest.mark.parametrize(
    "path",
    [
        "/media/{key}/original.jpg",  # originals are never kept, let alone served
        "/media/{key}/thumb.png",
        "/media/{key}/THUMB.jpg",
        "/media/{upper}/thumb.jpg",
        "/media/{short}/thumb.jpg",
        "/media/{unknown}/thumb.jpg",  # well-formed, never stored
        "/media/../thumb.jpg",
        "/media/..%2f..%2fconfig.py/thumb.jpg",
        "/media/%2e%2e/thumb.jpg",
        "/media/{key}/..%2fthumb.jpg",
        "/en/media/{key}/thumb.jpg",
    ],
)
def test_anything_else_is_404(client, stored, path):
    key, _ = stored
    url = path.format(key=key, upper=key.upper(), short=key[:40], unknown="0" * 64)
    assert client.get(url).status_code == 404


def test_save_writes_content_addressed_files_on_demand(app):
    root = Path(app.config["MEDIA_DIR"])
    assert not root.exists()  # created by the first save, not by the factory
    processed = picture()
    with app.app_context():
        storage = media_storage()
        key = storage.save(processed)
    assert key == processed.digest
    for rendition in RENDITIONS:
        path = root / key[:2] / f"{key}-{rendition}.jpg"
        assert storage.path_for(key, rendition) == path
        assert path.read_bytes() == processed.renditions[rendition]
    assert not [p for p in root.rglob("*") if p.name.startswith(".tmp-")]


def test_saving_the_same_picture_again_keeps_the_existing_files(tmp_path):
    storage = MediaStorage(tmp_path / "media")
    processed = picture()
    key = storage.save(processed)
    thumb = storage.path_for(key, "thumb")
    thumb.write_bytes(b"sentinel")  # a rewrite would replace this
    assert storage.save(picture()) == key
    assert thumb.read_bytes() == b"sentinel"


def test_save_completes_a_partly_stored_picture(tmp_path):
    storage = MediaStorage(tmp_path)
    processed = picture()
    key = storage.save(processed)
    storage.path_for(key, "medium").unlink()
    storage.save(processed)
    assert storage.path_for(key, "medium").read_bytes() == processed.renditions["medium"]


def test_delete_removes_every_rendition(tmp_path):
    storage = MediaStorage(tmp_path)
    key = storage.save(picture())
    kept = storage.save(picture(colour=(10, 10, 10)))
    storage.delete(key)
    storage.delete(key)  # twice is fine
    assert not any(storage.path_for(key, r).exists() for r in RENDITIONS)
    assert all(storage.path_for(kept, r).exists() for r in RENDITIONS)


@pytest.mark.parametrize(
    ("key", "rendition"),
    [
        ("../" + "a" * 61, "thumb"),
        ("A" * 64, "thumb"),
        ("a" * 63, "thumb"),
        ("a" * 64 + "\n", "thumb"),
        ("a" * 64, "original"),
        ("a" * 64, "../thumb"),
    ],
)
def test_path_for_refuses_malformed_keys_and_renditions(tmp_path, key, rendition):
    with pytest.raises(ValueError):
        MediaStorage(tmp_path).path_for(key, rendition)
