"""Draws the app package's icons: color.png (192x192) and outline.png (32x32, white on
transparent), as Teams requires. Run it from this folder after changing the design."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ACCENT = (46, 94, 78, 255)  # the manifest's accentColor


def _tick(draw: ImageDraw.ImageDraw, scale: float, fill: tuple[int, ...], width: int) -> None:
    points = [(9 * scale, 17 * scale), (14 * scale, 22 * scale), (24 * scale, 10 * scale)]
    draw.line(points, fill=fill, width=width, joint="curve")


def color() -> Image.Image:
    """A rounded green square with a speech bubble and a tick."""
    image = Image.new("RGBA", (192, 192), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 191, 191), radius=36, fill=ACCENT)
    draw.rounded_rectangle((36, 40, 156, 130), radius=22, fill=(255, 255, 255, 255))
    draw.polygon([(62, 126), (62, 156), (92, 128)], fill=(255, 255, 255, 255))
    draw.line([(66, 86), (88, 106), (126, 64)], fill=ACCENT, width=14, joint="curve")
    return image


def outline() -> Image.Image:
    """The same bubble and tick, white outline on transparent, 32x32."""
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((3, 4, 28, 23), radius=5, outline=(255, 255, 255, 255), width=2)
    draw.polygon([(8, 22), (8, 29), (14, 23)], fill=(255, 255, 255, 255))
    _tick(draw, 1.0, (255, 255, 255, 255), 2)
    return image


if __name__ == "__main__":
    color().save(HERE / "color.png", optimize=True)
    outline().save(HERE / "outline.png", optimize=True)
