"""The frame every report PDF shares: A4 pages with the site, title and period in the header and
"page x of y" in the footer, an embedded TTF font with Indonesian text, paragraph styles, a table
whose header repeats on each page, and charts drawn once for both the PDF and the console (SVG)."""

from __future__ import annotations

import io
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import reportlab
from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

# Debian's fonts-dejavu-core (in the Makefile's set-up) covers Indonesian and more; reportlab's own
# Vera is the fallback on a machine without it, so a report never fails for want of a font.
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT, FONT_BOLD = "ReportSans", "ReportSans-Bold"
MARGIN = 18 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
WIDE_TEXT_WIDTH = PAGE_HEIGHT - 2 * MARGIN  # on a landscape page, for tables of many columns
HEADER_FILL = colors.HexColor("#1f4e79")
BAR_FILL = colors.HexColor("#2e75b6")
STRIPE_FILL = colors.HexColor("#eef3f8")
SVG_FONTS = "DejaVu Sans, Verdana, sans-serif"  # the page's fonts: the registered names mean nothing there

Cell = str | int | float | None


def font_files() -> tuple[Path, Path]:
    """The regular and bold TTF files the reports embed."""
    regular, bold = DEJAVU_DIR / "DejaVuSans.ttf", DEJAVU_DIR / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        return regular, bold
    vera = Path(reportlab.__file__).parent / "fonts"
    return vera / "Vera.ttf", vera / "VeraBd.ttf"


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    regular, bold = font_files()
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_header: ParagraphStyle
    cell_header_right: ParagraphStyle


def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=6)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=10.5)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=22, spaceAfter=10),
        heading=ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=13, leading=17,
                               spaceBefore=10, spaceAfter=6, keepWithNext=True),
        subheading=ParagraphStyle("subheading", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14,
                                  spaceBefore=6, spaceAfter=4, keepWithNext=True),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.HexColor("#444444")),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_header=ParagraphStyle("cell_header", parent=cell, fontName=FONT_BOLD, fontSize=7.5, leading=9.5,
                                   textColor=colors.white),
        cell_header_right=ParagraphStyle("cell_header_right", parent=cell, fontName=FONT_BOLD, fontSize=7.5,
                                         leading=9.5, textColor=colors.white, alignment=TA_RIGHT),
    )


def text(value: str) -> str:
    """Plain text made safe for a Paragraph, which reads a small markup of its own."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def number(value: float | int | None, decimals: int = 1) -> str:
    """A number as Indonesian writes it (1.234,5); an absent one as a dash. Rounded half up, once."""
    if value is None:
        return "–"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{exact:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float] | None = None,
          numeric: Collection[int] | None = None, decimals: int = 1) -> Table:
    """A table whose header row repeats on every page; numbers (and the columns named in ``numeric``)
    are right aligned. Cells wrap, so a long service name never runs off the page."""
    st = styles()
    if numeric is None:
        numeric = {i for i in range(len(header))
                   if rows and all(isinstance(r[i], int | float) or r[i] is None for r in rows)
                   and any(r[i] is not None for r in rows)}

    def cell(value: Cell, column: int) -> Paragraph:
        shown = value if isinstance(value, str) else number(value, decimals)
        return Paragraph(text(shown), st.cell_right if column in numeric else st.cell)

    data: list[list[Any]] = [[Paragraph(text(h), st.cell_header_right if i in numeric else st.cell_header)
                              for i, h in enumerate(header)]]
    data += [[cell(value, i) for i, value in enumerate(row)] for row in rows]
    result = Table(data, colWidths=list(widths) if widths else None, repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT),  # the table's own default would be Helvetica, never embedded
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE_FILL]),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#9bb0c6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return result


# ----------------------------------------------------------------- charts (PDF and SVG alike)


def bar_chart(labels: Sequence[str], values: Sequence[float], title: str = "", width: float = TEXT_WIDTH,
              value_max: float | None = None) -> Drawing:
    """Horizontal bars, one per label (a service, an unsur): long labels read better across."""
    register_fonts()
    bar_height = 14
    label_width = min(170.0, width * 0.4)
    height = max(60, bar_height * len(labels) + 40)
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 20
    chart.width, chart.height = width - label_width - 30, height - 36
    # reportlab draws the first category at the bottom; reversed, the list reads top down.
    chart.data = [list(reversed([float(v) for v in values])) or [0.0]]
    chart.categoryAxis.categoryNames = list(reversed([_short(label, 32) for label in labels])) or [""]
    # A scale's own end (4 for an NRR, 100 for an index) is kept; counts get a round figure above the top.
    _style_chart(chart, value_max if value_max is not None else _nice_top(max(values, default=0.0)))
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    _title(drawing, title, width, height)
    return drawing


def hourly_chart(counts: Mapping[int, int | float], title: str = "", width: float = TEXT_WIDTH,
                 height: float = 170) -> Drawing:
    """Columns for the hours of the day that have any count (and those between): the busy hours."""
    register_fonts()
    hours = sorted(h for h, n in counts.items() if n) or [8]
    span = list(range(hours[0], hours[-1] + 1))
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 30
    chart.width, chart.height = width - 50, height - 56
    chart.data = [[float(counts.get(h, 0)) for h in span]]
    chart.categoryAxis.categoryNames = [f"{h:02d}" for h in span]
    _style_chart(chart, _nice_top(max((float(counts.get(h, 0)) for h in span), default=0.0)))
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    drawing.add(chart)
    _title(drawing, title, width, height)
    return drawing


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # The renderer starts each drawing in this font; left alone it would be Times, not embedded.
    drawing.initialFontName, drawing.initialFontSize = FONT, 8
    return drawing


def _style_chart(chart: Any, axis_end: float) -> None:
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = axis_end
    chart.valueAxis.labelTextFormat = _bar_label
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BAR_FILL
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = _bar_label
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5


def _bar_label(value: float) -> str:
    return number(int(value)) if float(value).is_integer() else number(value)


def _nice_top(top: float) -> float:
    """A value axis end a tenth above the tallest bar, at a round figure (a multiple of half its
    leading power of ten, or of 1 below ten)."""
    if top <= 0:
        return 1.0
    step = 10 ** (len(str(int(top))) - 1)
    step = step // 2 if step >= 10 else step
    return float((int(top * 1.1) // step + 1) * step)


def _title(drawing: Drawing, title: str, width: float, height: float) -> None:
    if title:
        drawing.add(String(0, height - 10, title, fontName=FONT_BOLD, fontSize=9))


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


_SVG_START = re.compile(r"^.*?(?=<svg\b)", re.S)
_STYLE = re.compile(r'style="([^"]*)"')


def _attributes(style: str) -> str:
    """An inline style as SVG presentation attributes: the console's Content-Security-Policy allows
    no inline styles, but attributes are not styles."""
    pairs = (part.split(":", 1) for part in style.split(";") if ":" in part)
    return " ".join(f'{name.strip()}="{value.strip()}"' for name, value in pairs)


def svg(drawing: Drawing, label: str = "") -> str:
    """The same chart as SVG text to put inside a page: no XML prologue; sized by the page's CSS."""
    body = _SVG_START.sub("", renderSVG.drawToString(drawing), count=1)
    body = re.sub(r"<title>.*?</title>", f"<title>{text(label)}</title>" if label else "", body, count=1, flags=re.S)
    body = re.sub(r"<desc>.*?</desc>", "", body, count=1, flags=re.S)
    body = _STYLE.sub(lambda m: _attributes(m.group(1)), body)
    body = body.replace(f'font-family="{FONT_BOLD}"', f'font-family="{SVG_FONTS}" font-weight="bold"')
    body = body.replace(f'font-family="{FONT}"', f'font-family="{SVG_FONTS}"')
    return body.replace("<svg ", '<svg class="chart" role="img" ', 1)


# ----------------------------------------------------------------- the document


@dataclass(frozen=True)
class Frame:
    """What every page says: the site, the report's title and its period."""

    site: str
    title: str
    period: str
    made: str = ""  # "Dibuat 2026-12-02 14:05 WIB", in the footer
    wide: bool = False  # landscape pages (WIDE_TEXT_WIDTH), for tables of many columns


def render(frame: Frame, story: Sequence[Flowable]) -> bytes:
    """The report's PDF: the story laid out on A4 pages inside the frame."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=landscape(A4) if frame.wide else A4, leftMargin=MARGIN,
                            rightMargin=MARGIN, topMargin=MARGIN + 8 * mm,
                            bottomMargin=MARGIN, title=f"{frame.title} — {frame.period}", author=frame.site,
                            subject=frame.title, creator="Anjungan")
    doc.build(list(story), canvasmaker=_numbered(frame))
    return out.getvalue()


def _numbered(frame: Frame) -> type[Canvas]:
    """A canvas that holds each page until the end, so each footer can say "of y"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Each page starts in this font; left alone it would be Helvetica, which is never embedded.
            super().__init__(*args, **{**kwargs, "initialFontName": FONT})
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number_, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                _decorate(self, frame, number_, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def _decorate(canvas: Canvas, frame: Frame, page: int, pages: int) -> None:
    canvas.saveState()
    width, height = landscape(A4) if frame.wide else A4
    top = height - MARGIN + 2 * mm
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawString(MARGIN, top, frame.site)
    canvas.setFont(FONT, 9)
    canvas.drawRightString(width - MARGIN, top, f"{frame.title} · {frame.period}")
    canvas.setStrokeColor(HEADER_FILL)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)
    canvas.setFont(FONT, 8)
    canvas.drawString(MARGIN, MARGIN - 8 * mm, frame.made)
    canvas.drawRightString(width - MARGIN, MARGIN - 8 * mm,
                           f"Halaman {page} dari {pages} · Page {page} of {pages}")
    canvas.restoreState()
