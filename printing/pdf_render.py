"""PDF rendering with reportlab: one receipt on one page as wide as the roll, fonts embedded.

Used for CUPS printers and for a saved copy; the page is as tall as its content.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from printing import fonts
from printing.qr import qr_matrix
from printing.receipt import BigCode, Bullets, Heading, Line, Logo, QrCode, Receipt, Rows, Rule

REGULAR, BOLD = "Vera", "VeraBd"
QUIET = 3 * mm  # white space around the QR, which scanners need


def _register_fonts() -> None:
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(fonts.REGULAR)))
        pdfmetrics.registerFont(TTFont(BOLD, str(fonts.BOLD)))


@dataclass(frozen=True)
class PdfReceipt:
    data: bytes
    width_mm: float
    height_mm: float


Draw = Callable[[Canvas, float], None]  # draws with its top at the given y (points from bottom)


class _Layout:
    """Stacks drawing steps top to bottom, measuring as it goes, so the page fits the content."""

    def __init__(self, paper_mm: int) -> None:
        self.page_width = paper_mm * mm
        self.margin = (4 if paper_mm == 80 else 3) * mm
        self.width = self.page_width - 2 * self.margin
        self.size = 9.0 if paper_mm == 80 else 7.5
        self.steps: list[tuple[float, float, Draw]] = []  # (top offset, height, draw)
        self.height = 0.0

    def add(self, height: float, draw: Draw) -> None:
        self.steps.append((self.height, height, draw))
        self.height += height

    def space(self, points: float) -> None:
        self.height += points

    def text(self, text: str, font: str, size: float, align: str = "center", indent: float = 0.0,
             x: float | None = None) -> None:
        left = self.margin + indent if x is None else x
        width = self.width - (left - self.margin)
        for line in simpleSplit(text, font, size, width) or [""]:
            self.add(size * 1.3, self._line_drawer(line, font, size, align, left, width))

    def _line_drawer(self, line: str, font: str, size: float, align: str, left: float,
                     width: float) -> Draw:
        def draw(canvas: Canvas, top: float) -> None:
            canvas.setFont(font, size)
            baseline = top - size
            if align == "center":
                canvas.drawCentredString(left + width / 2, baseline, line)
            else:
                canvas.drawString(left, baseline, line)
        return draw


def _block(layout: _Layout, block: object) -> None:
    size = layout.size
    if isinstance(block, Logo):
        image = ImageReader(str(block.path))
        iw, ih = image.getSize()
        scale = min(40 * mm / iw, 18 * mm / ih)
        w, h = iw * scale, ih * scale
        x = layout.margin + (layout.width - w) / 2
        layout.add(h + 2 * mm, lambda c, top: c.drawImage(image, x, top - h, w, h, mask="auto"))
    elif isinstance(block, Heading):
        layout.text(block.text, BOLD, size + 2)
    elif isinstance(block, Line):
        layout.text(block.text, BOLD if block.bold else REGULAR, size)
    elif isinstance(block, BigCode):
        big = min(56.0, layout.width * 0.9 / max(pdfmetrics.stringWidth(block.code, BOLD, 1), 1))
        layout.space(size * 0.3)
        layout.text(block.code, BOLD, big)
    elif isinstance(block, Rule):
        def rule(c: Canvas, top: float) -> None:
            c.setDash(2, 2)
            c.setLineWidth(0.5)
            c.line(layout.margin, top - size * 0.5, layout.margin + layout.width, top - size * 0.5)
            c.setDash()
        layout.add(size, rule)
    elif isinstance(block, Rows):
        label_w = max(pdfmetrics.stringWidth(label, REGULAR, size) for label, _ in block.rows)
        value_x = layout.margin + label_w + size
        for label, value in block.rows:
            start = layout.height
            layout.text(label, REGULAR, size, align="left")
            layout.height = start
            layout.text(value, REGULAR, size, align="left", x=value_x)
    elif isinstance(block, Bullets):
        layout.text(block.title, BOLD, size, align="left")
        for item in block.items:
            start = layout.height
            layout.text("-", REGULAR, size, align="left")
            layout.height = start
            layout.text(item, REGULAR, size, align="left", indent=size)
    elif isinstance(block, QrCode):
        matrix = qr_matrix(block.data, border=0)
        side = (32 if layout.page_width > 60 * mm else 26) * mm
        cell = side / len(matrix)
        x0 = layout.margin + (layout.width - side) / 2

        def qr(c: Canvas, top: float) -> None:
            for r, row in enumerate(matrix):
                y = top - QUIET - (r + 1) * cell
                col = 0
                while col < len(row):
                    if row[col]:
                        run = col
                        while run < len(row) and row[run]:
                            run += 1
                        c.rect(x0 + col * cell, y, (run - col) * cell, cell, stroke=0, fill=1)
                        col = run
                    else:
                        col += 1
        layout.add(side + 2 * QUIET, qr)
        layout.text(block.caption, REGULAR, size)


def render_pdf(receipt: Receipt, paper_mm: int = 80) -> PdfReceipt:
    """The receipt as a one-page PDF ``paper_mm`` wide (58 or 80)."""
    if paper_mm not in (58, 80):
        raise ValueError(f"paper width must be 58 or 80 mm, not {paper_mm}")
    _register_fonts()
    layout = _Layout(paper_mm)
    for block in receipt.blocks:
        _block(layout, block)
    page_height = layout.height + 2 * layout.margin
    out = io.BytesIO()
    # The initial font would otherwise be Helvetica, referenced but not embedded.
    canvas = Canvas(out, pagesize=(layout.page_width, page_height), pageCompression=1,
                    initialFontName=REGULAR, initialFontSize=layout.size)
    canvas.setTitle(f"{receipt.code} {receipt.issued_local:%d-%m-%Y %H:%M}")
    canvas.setAuthor("Anjungan")
    for offset, _height, draw in layout.steps:
        draw(canvas, page_height - layout.margin - offset)
    canvas.showPage()
    canvas.save()
    return PdfReceipt(out.getvalue(), paper_mm, page_height / mm)
