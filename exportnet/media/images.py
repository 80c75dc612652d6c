"""Untrusted upload bytes -> clean, fixed-size JPEG renditions, or a translated refusal.

The order is the defence: the byte cap, the format allow-list and the pixel and frame
budget are checked from the headers alone, before any pixel is decoded. Only then is
the first frame fully decoded (so truncated files fail), turned upright per EXIF,
converted to 8-bit sRGB and re-encoded from bare pixels, so no metadata (EXIF with GPS,
XMP, ICC, comments) and nothing appended to the file survives.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from functools import cache
from io import BytesIO

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageCms, ImageOps

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # width * height, and width * height * frames for animations
MAX_FRAMES = 1000
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
RENDITIONS = {"thumb": 200, "medium": 640, "large": 1600}  # pixels on the long side

# Every rendition is a progressive JPEG. Catalog pictures are photographs of products;
# JPEG is shown by every browser, mail client and office program an importer may paste
# a picture into, and progressive files draw early on slow connections. WebP would be
# about a quarter smaller but buys no compatibility, and one format keeps the stored
# names fixed (`.jpg`). Transparency is flattened onto white, the page background.
OUTPUT_MIMETYPE = "image/jpeg"
JPEG_QUALITY = 82
FLATTEN_BACKGROUND = (255, 255, 255)
SIXTEEN_BIT_MODES = frozenset({"I", "I;16", "I;16L", "I;16B", "I;16N"})
ALPHA_MODES = frozenset({"RGBA", "RGBa", "LA", "La", "PA"})

NOT_AN_IMAGE = "not_an_image"
FILE_TOO_LARGE = "file_too_large"
TOO_MANY_PIXELS = "too_many_pixels"
ANIMATION_TOO_LARGE = "animation_too_large"
DAMAGED = "damaged"

MESSAGES = {
    NOT_AN_IMAGE: _l(
        "This file is not a picture we can read. Please upload a JPEG, PNG, WebP or GIF image."
    ),
    FILE_TOO_LARGE: _l(
        "This picture file is larger than %(megabytes)d MB. Please upload a smaller file.",
        megabytes=MAX_IMAGE_BYTES // (1024 * 1024),
    ),
    TOO_MANY_PIXELS: _l(
        "This picture has more than %(megapixels)d million pixels. "
        "Please upload a smaller version of it.",
        megapixels=MAX_PIXELS // 1_000_000,
    ),
    ANIMATION_TOO_LARGE: _l(
        "This animation has too many or too large frames. "
        "Please upload a still picture or a shorter, smaller animation."
    ),
    DAMAGED: _l(
        "This picture is damaged or incomplete. "
        "Please save it again, or export it as JPEG, and upload the new file."
    ),
}


class ImageRejected(Exception):
    """An upload we will not store. `.message` is for the user, `.reason` for code and logs."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = MESSAGES[reason]


@dataclass(frozen=True)
class ProcessedImage:
    """JPEG bytes per rendition name; width/height are those of the large rendition."""

    renditions: dict[str, bytes]
    width: int
    height: int
    digest: str  # sha256 hex of the large rendition: the content-addressed storage key


def process_image(data: bytes) -> ProcessedImage:
    """Decode an upload within budget and re-encode it; raise ImageRejected if we cannot."""
    if not data:
        raise ImageRejected(NOT_AN_IMAGE)
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageRejected(FILE_TOO_LARGE)
    # Pillow only warns between MAX_IMAGE_PIXELS and twice that; make it a refusal.
    # (catch_warnings swaps a process-wide filter list; if threads interleave, the worst
    # that can leak is this same "error" filter, which is what we want anyway.)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        picture = _decode_first_frame(data)
    picture = _to_srgb(picture)
    renditions = _encode_renditions(picture)
    large = renditions["large"]
    width, height = rendition_size(*picture.size, "large")
    return ProcessedImage(
        renditions=renditions,
        width=width,
        height=height,
        digest=hashlib.sha256(large).hexdigest(),
    )


def rendition_size(width: int, height: int, rendition: str) -> tuple[int, int]:
    """Pixel size of `rendition` for a picture of `width` x `height` (never upscaled).

    Given a ProcessedImage's width and height this is the exact size of each stored file,
    e.g. for the width/height attributes of an <img>.
    """
    long_side = RENDITIONS[rendition]
    scale = long_side / max(width, height)
    if scale >= 1:
        return width, height
    return max(1, round(width * scale)), max(1, round(height * scale))


def _decode_first_frame(data: bytes) -> Image.Image:
    try:
        image = Image.open(BytesIO(data), formats=list(ACCEPTED_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(TOO_MANY_PIXELS) from exc
    except Exception as exc:  # UnidentifiedImageError, or whatever a header parser raises
        raise ImageRejected(NOT_AN_IMAGE) from exc
    _check_budget(image, data)
    if image.format in ("JPEG", "MPO"):
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when that still covers the large
        # rendition: less memory and time, and the whole stream is still read.
        image.draft(image.mode, (RENDITIONS["large"], RENDITIONS["large"]))
    try:
        image.load()  # a full decode: truncated files fail here (verify() would pass them)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(TOO_MANY_PIXELS) from exc
    except Exception as exc:
        raise ImageRejected(DAMAGED) from exc
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # a malformed EXIF block only costs the rotation, not the upload
        return image


def _check_budget(image: Image.Image, data: bytes) -> None:
    """Refuse from the declared size and frame count, before decoding any pixel."""
    width, height = image.size
    if width < 1 or height < 1:
        raise ImageRejected(NOT_AN_IMAGE)
    pixels = width * height
    if pixels > MAX_PIXELS:
        raise ImageRejected(TOO_MANY_PIXELS)
    # Counting stops as soon as either budget is exceeded.
    limit = min(MAX_FRAMES, MAX_PIXELS // pixels)
    if _frame_count(image, data, limit) > limit:
        raise ImageRejected(ANIMATION_TOO_LARGE)


def _frame_count(image: Image.Image, data: bytes, limit: int) -> int:
    if image.format == "GIF":
        # Pillow's GIF n_frames walks the whole file in Python (about a second for a
        # 10 MB file of tiny frames); our own walk stops after `limit` frames.
        return _gif_frame_count(data, limit)
    if image.format in ("JPEG", "MPO"):
        return 1  # an MPO's extra pictures are separate stills that we never decode
    # APNG declares its frame count in acTL, WebP in its container: no decoding needed.
    return max(1, int(getattr(image, "n_frames", 1)))


def _gif_frame_count(data: bytes, limit: int) -> int:
    """Count GIF image descriptors without decoding, stopping once past `limit`."""
    end = len(data)
    if end < 13:
        return 1
    pos = 13 + _colour_table_size(data[10])
    frames = 0
    while pos < end and frames <= limit:
        block = data[pos]
        if block == 0x2C:  # image descriptor, optional local colour table, LZW code size
            frames += 1
            if pos + 10 >= end:
                break
            pos += 10 + _colour_table_size(data[pos + 9]) + 1
        elif block == 0x21:  # extension: introducer and label
            pos += 2
        else:  # trailer, or junk Pillow will complain about while decoding
            break
        while pos < end:  # data sub-blocks up to the zero-length terminator
            length = data[pos]
            pos += 1 + length
            if not length:
                break
    return max(frames, 1)


def _colour_table_size(flags: int) -> int:
    return 3 << ((flags & 0x07) + 1) if flags & 0x80 else 0


def _to_srgb(image: Image.Image) -> Image.Image:
    """Any decoded mode -> 8-bit sRGB "RGB" with alpha flattened and no metadata."""
    icc_profile = image.info.get("icc_profile")
    if image.mode in SIXTEEN_BIT_MODES:
        # convert("L") would clip 0..65535 to 0..255 (mid-grey -> white); scale instead.
        image = image.convert("I").point(lambda value: value * (1 / 257)).convert("L")
        image.info.pop("transparency", None)
    alpha = None
    if image.mode in ALPHA_MODES or "transparency" in image.info:
        rgba = image.convert("RGBA")
        alpha = rgba.getchannel("A")
        image = rgba.convert("RGB")
    elif image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    rgb = _apply_profile(image, icc_profile)
    if alpha is not None and alpha.getextrema() != (255, 255):
        flat = Image.new("RGB", rgb.size, FLATTEN_BACKGROUND)
        flat.paste(rgb, mask=alpha)
        rgb = flat
    rgb.info = {}  # the JPEG encoder would otherwise copy e.g. info["comment"] back out
    return rgb


def _apply_profile(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """Convert through the embedded ICC profile to sRGB, so dropping the profile keeps the
    colours (Display P3 phone photos, Adobe RGB, CMYK print files)."""
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(BytesIO(icc_profile))
            converted = ImageCms.profileToProfile(image, source, _srgb_profile(), outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            # A damaged profile, or one for another colour space: use the pixels as-is.
            return image.convert("RGB")
        if converted is not None:
            return converted
    return image.convert("RGB")


@cache
def _srgb_profile() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _encode_renditions(image: Image.Image) -> dict[str, bytes]:
    large_size = rendition_size(*image.size, "large")
    renditions: dict[str, bytes] = {}
    source = image
    for name in sorted(RENDITIONS, key=RENDITIONS.__getitem__, reverse=True):
        size = rendition_size(*large_size, name)
        if source.size != size:
            source = source.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        renditions[name] = _encode_jpeg(source)
    return renditions


def _encode_jpeg(image: Image.Image) -> bytes:
    out = BytesIO()
    # No exif/icc_profile/comment/xmp arguments and an empty info: bare pixels only.
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()
