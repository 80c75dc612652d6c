"""The image pipeline: what hostile and awkward uploads turn into.

Fixture files live in tests/data/bad_images/ (regenerate with
tests/data/make_bad_images.py); simple good pictures are drawn here.
"""

from __future__ import annotations

import hashlib
from io import BytesIO
from pathlib import Path

import pytest
from flask_babel import LazyString
from PIL import Image, ImageFile

from exportnet.media import images
from exportnet.media.images import (
    ANIMATION_TOO_LARGE,
    DAMAGED,
    FILE_TOO_LARGE,
    MAX_IMAGE_BYTES,
    NOT_AN_IMAGE,
    RENDITIONS,
    TOO_MANY_PIXELS,
    ImageRejected,
    ProcessedImage,
    process_image,
    rendition_size,
)

BAD = Path(__file__).resolve().parents[1] / "data" / "bad_images"
# Byte strings that make_bad_images.py planted in the fixtures.
SCRIPT_COMMENT = b"<script>alert(1)</script>"
XMP_MARKER = b"xmp-secret-location-marker"
PHP_PAYLOAD = b"<?php"
GPS_MAKE = b"SpyCam-GPS-Maker"
# JPEG markers that would carry metadata. Entropy-coded data never contains 0xFF
# followed by these bytes (0xFF is stuffed with 0x00), so a hit means a real segment.
COM, APP1_EXIF_XMP, APP2_ICC = b"\xff\xfe", b"\xff\xe1", b"\xff\xe2"


def bad(name: str) -> bytes:
    return (BAD / name).read_bytes()


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    out = BytesIO()
    image.save(out, fmt, **params)
    return out.getvalue()


def decoded(processed: ProcessedImage, rendition: str = "large") -> Image.Image:
    image = Image.open(BytesIO(processed.renditions[rendition]))
    image.load()
    return image


def rejection(data: bytes) -> ImageRejected:
    with pytest.raises(ImageRejected) as caught:
        process_image(data)
    return caught.value


def close_to(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 6) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


@pytest.fixture
def no_decoding(monkeypatch):
    """Fail the test if any pixel data is decoded."""

    def refuse_to_load(self):
        raise AssertionError("pixels were decoded before the budget check refused the file")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse_to_load)


# --- refused -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["html.jpg", "svg.jpg", "php.jpg"])
def test_non_images_named_jpg_are_refused_as_not_a_picture(name):
    error = rejection(bad(name))
    assert error.reason == NOT_AN_IMAGE
    assert "not a picture we can read" in str(error.message)
    assert "JPEG, PNG, WebP or GIF" in str(error.message)


@pytest.mark.parametrize("fmt", ["BMP", "TIFF", "PPM", "ICO"])
def test_real_images_in_other_formats_are_refused(fmt):
    data = encode(Image.new("RGB", (16, 16), (10, 20, 30)), fmt)
    assert Image.open(BytesIO(data)).format == fmt  # Pillow could read it...
    assert rejection(data).reason == NOT_AN_IMAGE  # ...but we only take the four formats


def test_empty_upload_is_refused():
    assert rejection(b"").reason == NOT_AN_IMAGE


def test_files_over_the_byte_cap_are_refused_before_opening(monkeypatch):
    def no_open(*args, **kwargs):
        raise AssertionError("opened a file over the byte cap")

    monkeypatch.setattr(Image, "open", no_open)
    data = b"\xff\xd8\xff" + bytes(MAX_IMAGE_BYTES)
    error = rejection(data)
    assert error.reason == FILE_TOO_LARGE
    assert "10 MB" in str(error.message)


@pytest.mark.parametrize(
    ("name", "cause"),
    [
        ("bomb_14000x14000.png", Image.DecompressionBombError),  # Pillow's hard limit
        ("bomb_10000x10000.png", Image.DecompressionBombWarning),  # the warning, as error
        ("bomb_7000x7000.png", type(None)),  # our own 40 Mpx budget
    ],
)
def test_pixel_bombs_are_refused_from_the_header(name, cause, no_decoding):
    error = rejection(bad(name))
    assert error.reason == TOO_MANY_PIXELS
    assert isinstance(error.__cause__, cause)
    assert "40 million pixels" in str(error.message)


@pytest.mark.parametrize(
    "name",
    [
        "gif_bomb_5000x5000_3000_frames.gif",  # huge screen, thousands of frames
        "gif_5000x5000_2_frames.gif",  # each frame fits, the animation does not
        "gif_1200_frames.gif",  # small frames, too many of them
    ],
)
def test_animation_bombs_are_refused_before_decoding(name, no_decoding):
    error = rejection(bad(name))
    assert error.reason == ANIMATION_TOO_LARGE
    assert "animation" in str(error.message)


def test_gif_frame_count_stops_at_the_limit():
    data = bad("gif_bomb_5000x5000_3000_frames.gif")
    assert images._gif_frame_count(data, 10) == 11
    assert images._gif_frame_count(data, 5000) == 3000


@pytest.mark.parametrize("name", ["truncated.jpg", "truncated.png"])
def test_truncated_files_are_refused_as_damaged(name):
    data = bad(name)
    if name.endswith(".jpg"):
        Image.open(BytesIO(data)).verify()  # verify() alone lets a truncated JPEG through
    error = rejection(data)
    assert error.reason == DAMAGED
    assert "damaged or incomplete" in str(error.message)


def test_messages_are_lazy_translations():
    for reason in (NOT_AN_IMAGE, FILE_TOO_LARGE, TOO_MANY_PIXELS, ANIMATION_TOO_LARGE, DAMAGED):
        error = ImageRejected(reason)
        assert isinstance(error.message, LazyString)
        assert str(error.message).endswith(".")


# --- metadata is gone ------------------------------------------------------------------


def test_gps_exif_xmp_and_script_comment_are_stripped_from_every_rendition():
    source = bad("gps_comment.jpg")
    # The fixture really carries them, so this test can fail.
    assert SCRIPT_COMMENT in source and XMP_MARKER in source and GPS_MAKE in source
    assert Image.open(BytesIO(source)).getexif().get_ifd(0x8825)
    processed = process_image(source)
    for name, data in processed.renditions.items():
        for planted in (SCRIPT_COMMENT, b"script", XMP_MARKER, GPS_MAKE, b"Exif", b"xap/1.0"):
            assert planted not in data, (name, planted)
        for marker in (COM, APP1_EXIF_XMP, APP2_ICC):
            assert marker not in data, (name, marker)
        image = Image.open(BytesIO(data))
        assert not image.getexif()
        assert "comment" not in image.info and "icc_profile" not in image.info


def test_bytes_appended_after_the_picture_are_dropped():
    source = bad("polyglot_php.jpg")
    assert PHP_PAYLOAD in source
    processed = process_image(source)
    assert all(PHP_PAYLOAD not in data for data in processed.renditions.values())


# --- colours come out right ----------------------------------------------------------


def test_sixteen_bit_grey_keeps_its_tones():
    source = bad("grey16.png")
    assert Image.open(BytesIO(source)).mode.startswith("I")
    image = decoded(process_image(source))
    assert image.mode == "RGB"
    assert close_to(image.getpixel((8, 16)), (128, 128, 128), 2)  # not clipped to white
    assert close_to(image.getpixel((56, 16)), (30, 30, 30), 2)


def test_cmyk_red_stays_red():
    source = bad("cmyk_red.jpg")
    assert Image.open(BytesIO(source)).mode == "CMYK"
    image = decoded(process_image(source))
    assert image.mode == "RGB"
    red, green, blue = image.getpixel((32, 24))
    assert red > 220 and green < 40 and blue < 40


def test_embedded_icc_profile_is_applied_then_dropped():
    source = bad("icc_swapped_primaries.jpg")
    stored = Image.open(BytesIO(source))
    assert stored.getpixel((32, 24))[0] > 240 and stored.info.get("icc_profile")
    processed = process_image(source)
    # The profile says the stored "red" channel is green: shown as sRGB, it is green.
    assert close_to(decoded(processed).getpixel((32, 24)), (0, 255, 0), 12)
    assert all(APP2_ICC not in data for data in processed.renditions.values())


def test_a_broken_icc_profile_does_not_block_the_upload():
    data = encode(Image.new("RGB", (40, 30), (200, 30, 60)), "JPEG", icc_profile=b"junk" * 40)
    assert close_to(decoded(process_image(data)).getpixel((20, 15)), (200, 30, 60))


def test_exif_orientation_is_applied():
    picture = Image.new("RGB", (200, 100), (255, 0, 0))
    picture.paste((0, 0, 255), (100, 0, 200, 100))  # left red, right blue
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    processed = process_image(encode(picture, "JPEG", exif=exif.tobytes(), quality=95))
    image = decoded(processed)
    assert (processed.width, processed.height) == image.size == (100, 200)
    assert close_to(image.getpixel((50, 40)), (255, 0, 0), 12)  # left edge went to the top
    assert close_to(image.getpixel((50, 160)), (0, 0, 255), 12)
    assert 0x0112 not in image.getexif()  # so browsers do not rotate it a second time


def test_alpha_is_flattened_onto_white():
    picture = Image.new("RGBA", (90, 30), (255, 0, 0, 0))  # left: invisible red
    picture.paste((0, 0, 0, 128), (30, 0, 60, 30))  # middle: half-transparent black
    picture.paste((0, 0, 255, 255), (60, 0, 90, 30))  # right: opaque blue
    image = decoded(process_image(encode(picture, "PNG")))
    assert image.mode == "RGB"
    assert close_to(image.getpixel((10, 15)), (255, 255, 255))
    assert close_to(image.getpixel((45, 15)), (127, 127, 127))
    assert close_to(image.getpixel((80, 15)), (0, 0, 255))


def test_palette_gif_with_transparency():
    picture = Image.new("P", (40, 20), 0)
    picture.putpalette([0, 0, 0, 0, 160, 0] + [0] * 762)
    picture.paste(1, (20, 0, 40, 20))
    image = decoded(process_image(encode(picture, "GIF", transparency=0)))
    assert close_to(image.getpixel((5, 10)), (255, 255, 255))
    assert close_to(image.getpixel((35, 10)), (0, 160, 0))


def test_animated_gif_keeps_its_first_frame():
    frames = [Image.new("RGB", (30, 30), colour) for colour in [(250, 0, 0), (0, 0, 250)]]
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100)
    assert Image.open(BytesIO(data)).n_frames == 2
    assert close_to(decoded(process_image(data)).getpixel((15, 15)), (250, 0, 0), 12)


@pytest.mark.parametrize(("fmt", "mode"), [("WEBP", "RGBA"), ("PNG", "L"), ("JPEG", "L")])
def test_other_accepted_formats_and_modes(fmt, mode):
    data = encode(Image.new(mode, (64, 64), 90 if mode == "L" else (90, 90, 90, 255)), fmt)
    image = decoded(process_image(data))
    assert image.format == "JPEG" and image.mode == "RGB"
    assert close_to(image.getpixel((32, 32)), (90, 90, 90))


# --- renditions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        ((3000, 1000), {"large": (1600, 533), "medium": (640, 213), "thumb": (200, 67)}),
        ((1000, 3000), {"large": (533, 1600), "medium": (213, 640), "thumb": (67, 200)}),
        ((800, 600), {"large": (800, 600), "medium": (640, 480), "thumb": (200, 150)}),
        ((150, 100), {"large": (150, 100), "medium": (150, 100), "thumb": (150, 100)}),
    ],
)
def test_renditions_fit_their_long_side_and_never_upscale(size, expected):
    processed = process_image(encode(Image.new("RGB", size, (20, 90, 160)), "PNG"))
    assert set(processed.renditions) == set(RENDITIONS) == set(expected)
    for name, dimensions in expected.items():
        image = decoded(processed, name)
        assert image.format == "JPEG" and image.mode == "RGB"
        assert image.size == dimensions
        assert rendition_size(processed.width, processed.height, name) == dimensions
    assert (processed.width, processed.height) == expected["large"]


def test_digest_is_the_sha256_of_the_large_rendition_and_stable():
    data = encode(Image.new("RGB", (300, 200), (1, 2, 3)), "PNG")
    first, second = process_image(data), process_image(data)
    assert first.digest == hashlib.sha256(first.renditions["large"]).hexdigest()
    assert first.digest == second.digest and len(first.digest) == 64
    other = process_image(encode(Image.new("RGB", (300, 200), (200, 2, 3)), "PNG"))
    assert other.digest != first.digest
