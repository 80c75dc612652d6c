"""Simple product pictures and company logos for the demo, drawn with Pillow.

Each picture is a background coloured by HS chapter with a few shapes for the kind of
good (beans, grains, leaves, a bottle, fabric stripes, ...). Drawings are deterministic
and cached by (chapter, motif, variant), so every product of a kind shares one
content-addressed image and seeding processes only a hundred or so pictures.
"""

from __future__ import annotations

import colorsys
import random
import unicodedata
from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from exportnet.demo.painters import PAINTERS, Colour, box, shade
from exportnet.media.images import ProcessedImage, process_image

SIZE = (800, 600)
LOGO_SIZE = 400
VARIANTS = 2

# Which drawing suits a heading; chapters not listed fall back to CHAPTER_MOTIFS.
HEADING_MOTIFS = {
    "0306": "shrimp",
    "0409": "jar",
    "0410": "jar",
    "0713": "pepper",
    "0714": "slices",
    "0801": "nut",
    "0803": "fruit",
    "0902": "leaf",
    "0901": "bean",
    "0904": "pepper",
    "0905": "sticks",
    "0906": "sticks",
    "1006": "grain",
    "1005": "grain",
    "1201": "bean",
    "1207": "grain",
    "1211": "leaf",
    "1212": "leaf",
    "1302": "bottle",
    "1511": "bottle",
    "1513": "bottle",
    "1517": "box",
    "1801": "bean",
    "1803": "box",
    "2008": "nut",
    "2009": "bottle",
    "2101": "cup",
    "2103": "bottle",
    "2104": "box",
    "2106": "jar",
    "2202": "bottle",
    "3301": "bottle",
    "3304": "tube",
    "3305": "bottle",
    "3401": "box",
    "3924": "box",
    "4001": "box",
    "4419": "bowl",
    "4601": "basket",
    "4602": "basket",
    "4802": "fabric",
    "5002": "fabric",
    "6601": "lamp",
    "6911": "cup",
    "6913": "bowl",
    "7323": "bowl",
    "7615": "bowl",
    "8211": "knife",
    "8215": "knife",
    "8202": "saw",
    "8203": "tool",
    "8204": "tool",
    "8205": "tool",
    "9017": "tool",
    "8541": "chip",
    "8542": "chip",
    "9401": "chair",
    "9403": "table",
    "9404": "pillow",
    "9405": "lamp",
    "9603": "tool",
    "9617": "flask",
}
CHAPTER_MOTIFS = {
    "03": "fish",
    "04": "jar",
    "07": "fruit",
    "08": "fruit",
    "09": "pepper",
    "10": "grain",
    "11": "box",
    "12": "leaf",
    "15": "bottle",
    "16": "box",
    "17": "box",
    "18": "bean",
    "19": "box",
    "20": "jar",
    "21": "jar",
    "22": "bottle",
    "25": "grain",
    "33": "bottle",
    "35": "jar",
    "38": "box",
    "39": "box",
    "40": "glove",
    "42": "box",
    "44": "table",
    "46": "basket",
    "48": "fabric",
    "50": "fabric",
    "52": "fabric",
    "53": "fabric",
    "56": "fabric",
    "61": "shirt",
    "62": "shirt",
    "63": "fabric",
    "68": "box",
    "69": "cup",
    "73": "box",
    "76": "box",
    "82": "tool",
    "84": "box",
    "85": "device",
    "90": "tool",
    "94": "table",
    "95": "lamp",
    "96": "flask",
}


def motif_for(hs_code: str | None) -> str:
    code = hs_code or "00"
    return HEADING_MOTIFS.get(code[:4]) or CHAPTER_MOTIFS.get(code[:2], "box")


def chapter_colours(chapter: str) -> tuple[Colour, Colour]:
    """A light background and a darker ink, keyed to the HS chapter."""
    hue = (int(chapter) * 47 % 360) / 360 if chapter.isdigit() else 0.1
    background = colorsys.hls_to_rgb(hue, 0.86, 0.45)
    ink = colorsys.hls_to_rgb(hue, 0.36, 0.55)
    return _rgb(background), _rgb(ink)


def _rgb(values: tuple[float, float, float]) -> Colour:
    r, g, b = (round(v * 255) for v in values)
    return r, g, b


def draw_product(chapter: str, motif: str, variant: int = 0) -> Image.Image:
    background, ink = chapter_colours(chapter)
    if variant % 2:
        background, ink = shade(background, 0.94), shade(ink, 1.15)
    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    rng = random.Random(f"{chapter}:{motif}:{variant}")
    PAINTERS.get(motif, box)(draw, rng, ink)
    return image


def _png(image: Image.Image) -> bytes:
    out = BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


@cache
def product_picture(hs_code: str, variant: int = 0) -> ProcessedImage:
    """The processed picture for a product of this HS code (cached per process)."""
    chapter = (hs_code or "00")[:2]
    return _processed(chapter, motif_for(hs_code), variant % VARIANTS)


@cache
def _processed(chapter: str, motif: str, variant: int) -> ProcessedImage:
    return process_image(_png(draw_product(chapter, motif, variant)))


# Words that make poor initials: legal forms and connectives (compared ASCII-folded).
LEGAL_WORDS = frozenset((
    "co", "co.", "ltd", "ltd.", "inc.", "corp.", "pte.", "sdn.", "bhd.", "bhd", "sdn", "pt",
    "cv", "cong", "ty", "tnhh", "phan", "hop", "tac", "xa", "the", "and", "of", "enterprise",
    "enterprises",
))  # fmt: skip


def initials(name: str, website: str | None = None) -> str:
    """Two Latin initials for a logo: from the name if Latin, else from the web address."""
    folded = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(ch for ch in folded if ch.isascii())
    words = [w for w in ascii_name.replace("(", " ").split() if w.isalpha()]
    words = [w for w in words if w.lower() not in LEGAL_WORDS and len(w) > 1]
    if len(words) < 2 and website:
        host = website.split("//")[-1].split(".")[0]
        words = [part for part in host.split("-") if part] or [host]
    letters = "".join(w[0] for w in words[:2]).upper()
    if len(letters) < 2 and words:
        letters = words[0][:2].upper()
    return letters or "EX"


@cache
def company_logo(letters: str) -> ProcessedImage:
    """A circle with initials, coloured by the initials (cached per process)."""
    hue = (sum(ord(ch) * (i + 3) for i, ch in enumerate(letters)) % 360) / 360
    colour = _rgb(colorsys.hls_to_rgb(hue, 0.42, 0.55))
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, LOGO_SIZE - 20, LOGO_SIZE - 20), fill=colour)
    font = ImageFont.load_default(size=150)
    draw.text((LOGO_SIZE / 2, LOGO_SIZE / 2), letters, font=font, fill=(255, 255, 255), anchor="mm")
    return process_image(_png(image))
