"""Regenerate tests/data/bad_images/: hostile or awkward uploads, each a few KB at most.

    python tests/data/make_bad_images.py

Everything is deterministic, so rerunning it rewrites the same bytes (for a given
Pillow/libjpeg). tests/unit/test_images.py says what each file must produce.
"""

from __future__ import annotations

import random
import struct
import zlib
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageCms

OUT = Path(__file__).resolve().parent / "bad_images"

SCRIPT_COMMENT = b"<script>alert(1)</script>"
XMP_MARKER = b"xmp-secret-location-marker"
PHP_PAYLOAD = b"<?php system($_GET['cmd']); ?>"
GPS_MAKE = "SpyCam-GPS-Maker"


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG signature and IHDR declaring width x height, with one tiny IDAT:
    a decoder that tried to inflate it would have to fail, so refusing it as too big
    proves the refusal came from the header."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def gif_frames(width: int, height: int, frames: int) -> bytes:
    """A GIF declaring a width x height screen with `frames` 1x1 frames (16 bytes each)."""
    header = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\0\0\0\xff\xff\xff"
    frame = b"," + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    return header + frame * frames + b";"


def jpeg(image: Image.Image, **params: object) -> bytes:
    out = BytesIO()
    image.save(out, "JPEG", **params)
    return out.getvalue()


def noise(width: int, height: int) -> Image.Image:
    rng = random.Random(0)
    return Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = GPS_MAKE  # Make
    exif[0x0110] = "Model-X"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (13.0, 45.0, 12.5)  # Bangkok
    gps[3] = "E"
    gps[4] = (100.0, 30.0, 7.25)
    return exif.tobytes()


def swapped_primaries_profile() -> bytes:
    """sRGB with the red and green primaries swapped: a pixel stored as pure red in an
    image tagged with this profile *means* sRGB green."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = bytes(12)  # creation date: keep regenerated files byte-identical
    data[84:100] = bytes(16)  # profile ID (an MD5) no longer matches: clear it
    count = struct.unpack(">I", data[128:132])[0]
    entries = {}
    for i in range(count):
        start = 132 + 12 * i
        entries[bytes(data[start : start + 4])] = start
    red, green = entries[b"rXYZ"], entries[b"gXYZ"]
    data[red + 4 : red + 12], data[green + 4 : green + 12] = (
        data[green + 4 : green + 12],
        data[red + 4 : red + 12],
    )
    return bytes(data)


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {
        "html.jpg": b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n",
        "svg.jpg": (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" '
            b'height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n'
        ),
        "php.jpg": PHP_PAYLOAD + b"\n",
        # Past Pillow's own hard limit (2 x 89.5 Mpx): DecompressionBombError on open.
        "bomb_14000x14000.png": png_header_only(14000, 14000),
        # Between Pillow's warning (89.5 Mpx) and error limits: the warning must refuse.
        "bomb_10000x10000.png": png_header_only(10000, 10000),
        # Under Pillow's limits, over our 40 Mpx budget: only our own check refuses it.
        "bomb_7000x7000.png": png_header_only(7000, 7000),
        # 5000 x 5000 screen, 3000 frames: 75 Gpx of animation in 48 KB.
        "gif_bomb_5000x5000_3000_frames.gif": gif_frames(5000, 5000, 3000),
        # 25 Mpx is fine for a still; two such frames are over budget.
        "gif_5000x5000_2_frames.gif": gif_frames(5000, 5000, 2),
        # Tiny frames, but more of them than we count.
        "gif_1200_frames.gif": gif_frames(10, 10, 1200),
    }
    whole = jpeg(noise(160, 120), quality=90)
    files["truncated.jpg"] = whole[: len(whole) // 2]
    whole_png = BytesIO()
    noise(120, 90).save(whole_png, "PNG")
    files["truncated.png"] = whole_png.getvalue()[: len(whole_png.getvalue()) // 2]

    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + XMP_MARKER + b"</x:xmpmeta>"
    files["gps_comment.jpg"] = jpeg(
        Image.new("RGB", (64, 48), (40, 120, 200)),
        exif=gps_exif(),
        comment=SCRIPT_COMMENT,
        xmp=xmp,
    )
    files["polyglot_php.jpg"] = jpeg(Image.new("RGB", (32, 32), (200, 200, 200))) + PHP_PAYLOAD

    grey16 = Image.new("I;16", (64, 32), 128 * 257)  # left half mid-grey...
    grey16.paste(Image.new("I;16", (32, 32), 30 * 257), (32, 0))  # ...right half dark
    out = BytesIO()
    grey16.save(out, "PNG")
    files["grey16.png"] = out.getvalue()

    files["cmyk_red.jpg"] = jpeg(Image.new("CMYK", (64, 48), (0, 255, 255, 0)), quality=95)
    files["icc_swapped_primaries.jpg"] = jpeg(
        Image.new("RGB", (64, 48), (255, 0, 0)), quality=95, icc_profile=swapped_primaries_profile()
    )
    return files


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, data in sorted(build().items()):
        (OUT / name).write_bytes(data)
        print(f"{name:40} {len(data):7} bytes")


if __name__ == "__main__":
    main()
