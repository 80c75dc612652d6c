"""The shapes of the demo product pictures: one painter per kind of good.

A painter draws a few simple shapes (beans, grains, a bottle, fabric stripes, ...) in
the middle of an 800x600 canvas, in the ink colour of the product's HS chapter.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from PIL import ImageDraw

Colour = tuple[int, int, int]
Painter = Callable[[ImageDraw.ImageDraw, random.Random, Colour], None]
CREAM = (250, 246, 235)
BROWN = (112, 72, 42)


def shade(colour: Colour, factor: float) -> Colour:
    r, g, b = (min(255, max(0, round(c * factor))) for c in colour)
    return r, g, b


def scatter(draw, rng, ink, shape: Callable[[float, float, float, Colour], None], n=18):
    for _ in range(n):
        x, y = rng.uniform(140, 660), rng.uniform(120, 480)
        shape(x, y, rng.uniform(0.8, 1.25), shade(ink, rng.uniform(0.8, 1.2)))


def bean(draw, rng, ink):
    ink = BROWN

    def one(x, y, s, c):
        draw.ellipse((x - 34 * s, y - 24 * s, x + 34 * s, y + 24 * s), fill=c)
        draw.arc(
            (x - 24 * s, y - 14 * s, x + 24 * s, y + 14 * s), 200, 340, fill=shade(c, 0.6), width=4
        )

    scatter(draw, rng, ink, one)


def grain(draw, rng, ink):
    def one(x, y, s, c):
        draw.ellipse((x - 9 * s, y - 22 * s, x + 9 * s, y + 22 * s), fill=CREAM, outline=c, width=2)

    scatter(draw, rng, ink, one, n=60)


def pepper(draw, rng, ink):
    def one(x, y, s, c):
        draw.ellipse((x - 14 * s, y - 14 * s, x + 14 * s, y + 14 * s), fill=shade(c, 0.5))

    scatter(draw, rng, ink, one, n=55)


def leaf(draw, rng, ink):
    for _ in range(7):
        x, y, a = rng.uniform(180, 620), rng.uniform(160, 440), rng.uniform(60, 110)
        draw.polygon([(x - a, y), (x, y - a / 2.4), (x + a, y), (x, y + a / 2.4)], fill=ink)
        draw.line((x - a, y, x + a, y), fill=shade(ink, 1.6), width=3)


def nut(draw, rng, ink):
    def one(x, y, s, c):
        draw.pieslice(
            (x - 40 * s, y - 40 * s, x + 40 * s, y + 40 * s), 200, 340, fill=shade(c, 1.4)
        )

    scatter(draw, rng, ink, one, n=14)


def fruit(draw, rng, ink):
    for _ in range(5):
        x, y, r = rng.uniform(220, 580), rng.uniform(220, 420), rng.uniform(60, 95)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=ink)
        draw.polygon([(x, y - r), (x + 30, y - r - 40), (x + 8, y - r - 6)], fill=(70, 140, 60))


def sticks(draw, rng, ink):
    for i in range(9):
        x = 220 + i * 42
        draw.rounded_rectangle((x, 150 + rng.uniform(-20, 20), x + 28, 450), 12, fill=ink)


def slices(draw, rng, ink):
    scatter(
        draw,
        rng,
        ink,
        lambda x, y, s, c: draw.ellipse(
            (x - 40 * s, y - 28 * s, x + 40 * s, y + 28 * s),
            fill=shade(c, 1.7),
            outline=c,
            width=5,
        ),
    )


def fish(draw, rng, ink):
    for y in (220, 380):
        draw.ellipse((220, y - 55, 520, y + 55), fill=ink)
        draw.polygon([(510, y), (600, y - 60), (600, y + 60)], fill=ink)
        draw.ellipse((270, y - 15, 290, y + 5), fill=(255, 255, 255))


def shrimp(draw, rng, ink):
    for x in (300, 500):
        draw.arc((x - 90, 180, x + 90, 420), 60, 300, fill=(226, 110, 80), width=46)


def bottle(draw, rng, ink):
    for x, h in ((300, 330), (480, 280)):
        draw.rounded_rectangle((x - 60, 540 - h, x + 60, 540), 20, fill=ink)
        draw.rectangle((x - 20, 540 - h - 70, x + 20, 540 - h), fill=ink)
        draw.rectangle((x - 45, 540 - h * 0.65, x + 45, 540 - h * 0.35), fill=CREAM)


def jar(draw, rng, ink):
    draw.rounded_rectangle((270, 210, 530, 500), 40, fill=ink)
    draw.rectangle((290, 160, 510, 215), fill=shade(ink, 0.6))
    draw.rectangle((300, 300, 500, 400), fill=CREAM)


def box(draw, rng, ink):
    draw.polygon([(250, 220), (400, 160), (550, 220), (400, 280)], fill=shade(ink, 1.4))
    draw.polygon([(250, 220), (400, 280), (400, 480), (250, 420)], fill=ink)
    draw.polygon([(400, 280), (550, 220), (550, 420), (400, 480)], fill=shade(ink, 0.75))


def cup(draw, rng, ink):
    draw.chord((250, 160, 550, 480), 0, 180, fill=ink)
    draw.arc((520, 280, 620, 380), 270, 90, fill=ink, width=18)
    draw.ellipse((230, 450, 570, 500), fill=shade(ink, 0.7))


def bowl(draw, rng, ink):
    draw.chord((200, 120, 600, 460), 0, 180, fill=ink)
    draw.rectangle((330, 450, 470, 480), fill=shade(ink, 0.7))


def basket(draw, rng, ink):
    draw.rounded_rectangle((220, 230, 580, 480), 30, fill=ink)
    for y in range(250, 470, 28):
        draw.line((230, y, 570, y), fill=shade(ink, 1.5), width=6)
    draw.arc((280, 110, 520, 350), 180, 360, fill=ink, width=16)


def fabric(draw, rng, ink):
    for i in range(12):
        colour = shade(ink, 0.7 + 0.08 * (i % 5))
        draw.rectangle((150 + i * 42, 140, 190 + i * 42, 460), fill=colour)
    draw.line((150, 300, 654, 300), fill=CREAM, width=10)


def shirt(draw, rng, ink):
    draw.polygon(
        [
            (300, 160),
            (500, 160),
            (600, 250),
            (540, 300),
            (520, 270),
            (520, 480),
            (280, 480),
            (280, 270),
            (260, 300),
            (200, 250),
        ],
        fill=ink,
    )
    draw.chord((350, 130, 450, 200), 0, 180, fill=shade(ink, 1.6))


def tool(draw, rng, ink):
    draw.rounded_rectangle((180, 280, 460, 330), 16, fill=(150, 150, 160))
    draw.rounded_rectangle((440, 265, 640, 345), 22, fill=ink)


def knife(draw, rng, ink):
    draw.polygon([(160, 300), (470, 270), (470, 330), (200, 330)], fill=(190, 195, 205))
    draw.rounded_rectangle((460, 275, 650, 325), 18, fill=ink)


def saw(draw, rng, ink):
    draw.polygon([(150, 250), (480, 230), (480, 330), (150, 330)], fill=(190, 195, 205))
    for x in range(150, 480, 18):
        draw.polygon([(x, 330), (x + 9, 348), (x + 18, 330)], fill=(190, 195, 205))
    draw.rounded_rectangle((470, 255, 660, 305), 18, fill=ink)


def chip(draw, rng, ink):
    draw.rectangle((280, 180, 520, 420), fill=(40, 40, 48))
    for i in range(6):
        offset = 200 + i * 40
        for leg in (
            (offset, 160, offset + 14, 180),
            (offset, 420, offset + 14, 440),
            (260, offset, 280, offset + 14),
            (520, offset, 540, offset + 14),
        ):
            draw.rectangle(leg, fill=(200, 200, 210))
    draw.ellipse((300, 200, 330, 230), fill=ink)


def device(draw, rng, ink):
    draw.rounded_rectangle((260, 170, 540, 430), 36, fill=(45, 45, 55))
    draw.ellipse((330, 230, 470, 370), fill=ink)


def flask(draw, rng, ink):
    draw.rounded_rectangle((330, 150, 470, 520), 40, fill=ink)
    draw.rounded_rectangle((340, 110, 460, 160), 14, fill=shade(ink, 0.6))
    draw.rectangle((330, 300, 470, 330), fill=shade(ink, 1.4))


def chair(draw, rng, ink):
    draw.rectangle((300, 150, 330, 480), fill=ink)
    draw.rectangle((300, 320, 500, 350), fill=ink)
    draw.rectangle((470, 350, 500, 480), fill=ink)


def table(draw, rng, ink):
    draw.rectangle((200, 260, 600, 300), fill=ink)
    draw.rectangle((230, 300, 260, 480), fill=ink)
    draw.rectangle((540, 300, 570, 480), fill=ink)


def pillow(draw, rng, ink):
    draw.rounded_rectangle((220, 220, 580, 420), 80, fill=ink)


def lamp(draw, rng, ink):
    draw.line((400, 60, 400, 200), fill=(60, 60, 60), width=6)
    draw.polygon([(300, 330), (400, 200), (500, 330)], fill=ink)
    draw.ellipse((370, 320, 430, 380), fill=(255, 230, 120))


def tube(draw, rng, ink):
    draw.polygon([(330, 160), (470, 160), (450, 460), (350, 460)], fill=ink)
    draw.rectangle((360, 460, 440, 510), fill=shade(ink, 0.6))


def glove(draw, rng, ink):
    draw.rounded_rectangle((320, 260, 480, 500), 40, fill=ink)
    for i, height in enumerate((120, 150, 140, 110)):
        draw.rounded_rectangle((322 + i * 40, 260 - height, 356 + i * 40, 300), 17, fill=ink)


PAINTERS: dict[str, Painter] = {
    painter.__name__: painter
    for painter in (
        bean, grain, pepper, leaf, nut, fruit, sticks, slices, fish, shrimp, bottle, jar,
        box, cup, bowl, basket, fabric, shirt, tool, knife, saw, chip, device, flask,
        chair, table, pillow, lamp, tube, glove,
    )
}  # fmt: skip
