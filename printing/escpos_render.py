"""ESC/POS rendering: receipt blocks onto a python-escpos printer, or into bytes via its Dummy.

The printer profile decides what the bytes may use: native QR (``GS ( k``) or a raster image QR,
partial or full cut, and the paper's columns and dots.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from printing import text as layout
from printing.escpos_lib import Escpos, EscposImage, capabilities, constants, printer
from printing.paper import Paper, paper_for
from printing.qr import qr_image
from printing.receipt import BigCode, Bullets, Heading, Line, Logo, QrCode, Receipt, Rows, Rule

QR_MODES = ("auto", "native", "image")
CUT_MODES = ("partial", "full", "none")
LOGO_MAX_HEIGHT = 160


@dataclass(frozen=True)
class EscposOptions:
    profile: str = "default"
    paper_mm: int = 80
    columns: int | None = None
    qr: str = "auto"
    cut: str = "partial"
    qr_module: int | None = None


def load_profile(name: str) -> capabilities.BaseProfile:
    try:
        return capabilities.get_profile(name)
    except KeyError:
        raise ValueError(f"unknown printer profile {name!r}") from None


def profile_dots(profile: capabilities.BaseProfile) -> int | None:
    pixels = profile.profile_data.get("media", {}).get("width", {}).get("pixels")
    return pixels if isinstance(pixels, int) else None


@functools.lru_cache(maxsize=8)
def _prepared_logo(path: str, mtime: float, max_width: int) -> Image.Image:
    image: Image.Image = Image.open(path)
    image.load()
    scale = min(1.0, max_width / image.width, LOGO_MAX_HEIGHT / image.height)
    if scale < 1.0:
        image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    return image


class EscposRenderer:
    """Writes receipts for one printer profile and paper; cheap to call once built."""

    def __init__(self, options: EscposOptions = EscposOptions()) -> None:
        if options.qr not in QR_MODES:
            raise ValueError(f"qr must be one of {QR_MODES}, not {options.qr!r}")
        if options.cut not in CUT_MODES:
            raise ValueError(f"cut must be one of {CUT_MODES}, not {options.cut!r}")
        self.options = options
        self.profile = load_profile(options.profile)
        self.paper: Paper = paper_for(options.paper_mm, self.profile.get_columns(0),
                                      profile_dots(self.profile), options.columns)
        native_ok = bool(self.profile.supports("qrCode"))
        self.native_qr = native_ok if options.qr == "auto" else options.qr == "native"
        self.qr_module = options.qr_module or (6 if self.paper.width_mm == 80 else 5)
        self.raster = bool(self.profile.supports("bitImageRaster"))
        # Printers whose width is known get images padded to it, as python-escpos's center=True
        # does, for cheap models that ignore ESC a on raster images; others rely on ESC a.
        self.pad_images = profile_dots(self.profile) is not None

    def render(self, receipt: Receipt) -> bytes:
        """The whole job as bytes, exactly what a connection should send."""
        dummy = printer.Dummy(profile=self.options.profile)
        self.write(receipt, dummy)
        return dummy.output

    def write(self, receipt: Receipt, device: Escpos) -> None:
        _Writer(self, device).receipt(receipt)


class _Writer:
    """One job's pass over the blocks; sends a style command only when the style changes."""

    def __init__(self, renderer: EscposRenderer, device: Escpos) -> None:
        self.r = renderer
        self.p = device
        self.cols = renderer.paper.columns
        self.style = ("left", False, 1, 1)

    def receipt(self, receipt: Receipt) -> None:
        self.p.hw("INIT")
        for block in receipt.blocks:
            getattr(self, f"_{type(block).__name__.lower()}")(block)
        self.set("left", False)
        self.finish()

    def set(self, align: str, bold: bool, width: int = 1, height: int = 1) -> None:
        old_align, old_bold, old_w, old_h = self.style
        kwargs: dict[str, object] = {}
        if align != old_align:
            kwargs["align"] = align
        if bold != old_bold:
            kwargs["bold"] = bold
        if (width, height) != (old_w, old_h):
            kwargs.update(custom_size=True, width=width, height=height)
        if kwargs:
            self.p.set(**kwargs)
        self.style = (align, bold, width, height)

    def lines(self, lines: list[str]) -> None:
        if lines:
            self.p.text("\n".join(lines) + "\n")

    def image(self, image: Image.Image) -> None:
        """``GS v 0`` raster; python-escpos's image() would print a warning for unknown widths."""
        raster = EscposImage(image)
        if self.r.pad_images and raster.width < self.r.paper.dots:
            raster.center(self.r.paper.dots)
        header = (constants.GS + b"v0\x00" + Escpos._int_low_high(raster.width_bytes, 2)
                  + Escpos._int_low_high(raster.height, 2))
        self.p._raw(header + raster.to_raster_format())

    def _logo(self, block: Logo) -> None:
        if not self.r.raster:
            return
        path = Path(block.path)
        self.set("center", False)
        self.image(_prepared_logo(str(path), path.stat().st_mtime, self.r.paper.dots))

    def _heading(self, block: Heading) -> None:
        self.set("center", True, 1, 2)
        self.lines(layout.wrap(block.text, self.cols))

    def _line(self, block: Line) -> None:
        self.set("center", block.bold)
        self.lines(layout.wrap(block.text, self.cols))

    def _bigcode(self, block: BigCode) -> None:
        size = layout.big_multiplier(block.code, self.cols)
        self.set("center", True, size, size)
        self.lines([block.code])

    def _rule(self, block: Rule) -> None:
        self.set("left", False)
        self.lines(["-" * self.cols])

    def _rows(self, block: Rows) -> None:
        self.set("left", False)
        width = layout.label_width([label for label, _ in block.rows], self.cols)
        out: list[str] = []
        for label, value in block.rows:
            out += layout.row(label, value, self.cols, width)
        self.lines(out)

    def _bullets(self, block: Bullets) -> None:
        self.set("left", True)
        self.lines([block.title])
        self.set("left", False)
        self.lines(layout.bullets(list(block.items), self.cols))

    def _qrcode(self, block: QrCode) -> None:
        self.set("center", False)
        if self.r.native_qr:
            self.p.qr(block.data, ec=constants.QR_ECLEVEL_M, size=self.r.qr_module, native=True)
        elif self.r.raster:
            self.image(qr_image(block.data, self.r.qr_module, constants.QR_ECLEVEL_M))
        else:
            # An impact printer draws no QR: the citizen can still type the address.
            self.lines(layout.wrap(block.data, self.cols))
        self.lines(layout.wrap(block.caption, self.cols))

    def finish(self) -> None:
        mode = self.r.options.cut
        if mode == "none":
            self.p.print_and_feed(6)
        else:
            # python-escpos falls back to the other cut, or to a plain feed without a cutter.
            self.p.cut(mode="PART" if mode == "partial" else "FULL")
