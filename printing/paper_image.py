"""What a printed receipt looks like: the virtual printer's printed items as a PNG and as text.

Font A is 12×24 dots; characters are magnified by whole multiples as ``GS !`` asks, with the
Vera face from reportlab squeezed into each cell, so no system font is needed.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from printing import fonts

CELL_W, CELL_H = 12, 24
LINE_GAP = 6  # default line spacing (ESC 2) is 30 dots for a 24-dot font
MARGIN = 16
LEFT, CENTER, RIGHT = 0, 1, 2


@dataclass
class Span:
    text: str
    width: int = 1
    height: int = 1
    bold: bool = False
    underline: bool = False


@dataclass
class TextLine:
    spans: list[Span] = field(default_factory=list)
    align: int = LEFT

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def dots_wide(self) -> int:
        return sum(len(span.text) * span.width * CELL_W for span in self.spans)

    @property
    def dots_high(self) -> int:
        return max((span.height for span in self.spans), default=1) * CELL_H + LINE_GAP


@dataclass
class Bitmap:
    """A picture on the paper (0 = ink); ``label`` stands for it in the text copy."""

    image: Image.Image
    align: int = LEFT
    label: str = ""

    @property
    def dots_high(self) -> int:
        return self.image.height


@dataclass
class Feed:
    dots: int

    @property
    def dots_high(self) -> int:
        return self.dots


Item = TextLine | Bitmap | Feed


@functools.lru_cache(maxsize=16)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts.BOLD if bold else fonts.REGULAR), size)


@functools.lru_cache(maxsize=4096)
def _glyph(char: str, bold: bool, width: int, height: int) -> Image.Image:
    cell_w, cell_h = CELL_W * width, CELL_H * height
    font = _font(bold, round(19 * height))
    advance = max(1, math.ceil(font.getlength(char)) + 2)
    canvas_w = max(cell_w, advance)
    image = Image.new("L", (canvas_w, cell_h), 255)
    ImageDraw.Draw(image).text((canvas_w / 2, cell_h * 0.8), char, font=font, fill=0, anchor="ms")
    if canvas_w != cell_w:  # a wide glyph (M, W) is squeezed into its cell, like font A
        image = image.resize((cell_w, cell_h), Image.Resampling.LANCZOS)
    return image


def _x(align: int, content: int, dots: int) -> int:
    if align == CENTER:
        return max(0, (dots - content) // 2)
    if align == RIGHT:
        return max(0, dots - content)
    return 0


def render_png(items: list[Item], dots: int) -> Image.Image:
    """The paper: ``dots`` printable dots wide with a white margin, as tall as what was printed."""
    height = sum(item.dots_high for item in items)
    paper = Image.new("L", (dots + 2 * MARGIN, height + 2 * MARGIN), 255)
    draw = ImageDraw.Draw(paper)
    y = MARGIN
    for item in items:
        if isinstance(item, TextLine):
            x = MARGIN + _x(item.align, item.dots_wide, dots)
            base = y + item.dots_high - LINE_GAP
            for span in item.spans:
                for char in span.text:
                    glyph = _glyph(char, span.bold, span.width, span.height)
                    paper.paste(glyph, (x, base - glyph.height))
                    x += glyph.width
                if span.underline:
                    start = x - len(span.text) * span.width * CELL_W
                    draw.line([(start, base), (x, base)], fill=0, width=span.height)
        elif isinstance(item, Bitmap):
            paper.paste(item.image.convert("L"), (MARGIN + _x(item.align, item.image.width, dots), y))
        y += item.dots_high
    return paper


def render_text(items: list[Item], columns: int) -> str:
    """The receipt as plain text: lines aligned in ``columns``, pictures as ``[label]`` lines."""
    lines: list[str] = []
    for item in items:
        if isinstance(item, TextLine):
            text = item.text.rstrip()
            pad = _x(item.align, len(text), columns) if item.align != LEFT else 0
            lines.append(" " * pad + text)
        elif isinstance(item, Bitmap):
            label = f"[{item.label or f'image {item.image.width}x{item.image.height}'}]"
            lines.append(" " * _x(item.align, len(label), columns) + label)
        else:
            lines.extend([""] * (item.dots // (CELL_H + LINE_GAP)))
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) + "\n"
