"""What a printer does with ESC/POS commands on one connection: keeps the text style, builds
lines, draws raster images and QR codes, and hands each finished job to the printer body."""

from __future__ import annotations

import math
from typing import Any, Protocol

from PIL import Image, ImageOps

from printing.escpos_parse import Command
from printing.paper_image import CELL_H, LINE_GAP, Bitmap, Feed, Item, Span, TextLine
from printing.qr import qr_image
from printing.safe_text import printable

LINE_DOTS = CELL_H + LINE_GAP
_CODEPAGES = {0: "cp437", 2: "cp850", 3: "cp860", 16: "cp1252", 17: "cp866", 19: "cp858"}


class PrinterBody(Protocol):
    """The shared parts of the printer: its paper, its status, where finished jobs go."""

    columns: int

    def take_paper(self, lines: int) -> bool: ...

    def status_byte(self, n: int) -> int: ...

    def job_done(self, session: Session) -> None: ...


class Session:
    """One connection's printer state: text style, the line being built, the items printed."""

    def __init__(self, printer: PrinterBody) -> None:
        self.printer = printer
        self.items: list[Item] = []
        self.spoiled = False
        self.reset_style()
        self.line = TextLine()
        self.used = 0
        self.qr: dict[str, Any] = {"size": 3, "ec": 0, "data": b""}

    def reset_style(self) -> None:
        self.mode_bold = self.bold = self.underline = False
        self.width = self.height = 1
        self.align = 0
        self.codepage = "cp437"

    def emit(self, item: Item) -> None:
        """Put one item on the paper, or spoil the job if there is no paper for it."""
        lines = max(1, math.ceil(item.dots_high / LINE_DOTS))
        if self.spoiled or not self.printer.take_paper(lines):
            self.spoiled = True
            return
        self.items.append(item)

    def flush_line(self, feed_if_empty: bool = True) -> None:
        if self.line.spans:
            self.emit(self.line)
        elif feed_if_empty:
            self.emit(Feed(LINE_DOTS))
        self.line = TextLine(align=self.align)
        self.used = 0

    def add_text(self, text: str) -> None:
        for char in text:
            if self.used + self.width > self.printer.columns:
                self.flush_line()
            if not self.line.spans:
                self.line.align = self.align
            style = (self.width, self.height, self.bold or self.mode_bold, self.underline)
            last = self.line.spans[-1] if self.line.spans else None
            if last and (last.width, last.height, last.bold, last.underline) == style:
                last.text += char
            else:
                self.line.spans.append(Span(char, *style))
            self.used += self.width

    def apply(self, cmd: Command) -> bytes | None:
        """Act on one command; returns the bytes to answer (status queries) or None."""
        name, arg = cmd.name, cmd.arg
        if name == "status":
            return bytes([self.printer.status_byte(arg)])
        if name == "text":
            self.add_text(cmd.data.decode(self.codepage, "replace"))
        elif name == "lf":
            self.flush_line()
        elif name == "ht":
            self.add_text(" " * (8 - self.used % 8))
        elif name == "init":
            self.reset_style()
        elif name == "print_mode":
            self.mode_bold = bool(arg & 0x08)
            self.underline = bool(arg & 0x80)
            self.width, self.height = (2 if arg & 0x20 else 1), (2 if arg & 0x10 else 1)
        elif name == "bold":
            self.bold = bool(arg & 1)
        elif name == "underline":
            self.underline = arg in (1, 2, 49, 50)
        elif name == "size":
            self.width, self.height = (arg >> 4) + 1, (arg & 0x0F) + 1
        elif name == "align":
            self.align = {0: 0, 1: 1, 2: 2, 48: 0, 49: 1, 50: 2}.get(arg, 0)
            if not self.line.spans:
                self.line.align = self.align
        elif name == "codepage":
            self.codepage = _CODEPAGES.get(arg, "cp437")
        elif name == "feed_lines":
            self.flush_line(feed_if_empty=False)
            if arg:
                self.emit(Feed(arg * LINE_DOTS))
        elif name == "feed_dots":
            self.flush_line(feed_if_empty=False)
            self.emit(Feed(arg))
        elif name == "raster":
            self.flush_line(feed_if_empty=False)
            self.emit(Bitmap(_raster_image(arg, cmd.data), self.align))
        elif name == "2d_code":
            self._qr(cmd.data)
        elif name == "cut":
            self.flush_line(feed_if_empty=False)
            self.printer.job_done(self)
        return None

    def _qr(self, data: bytes) -> None:
        if len(data) < 2 or data[0] != ord("1"):  # cn 49: QR code; other symbols are ignored
            return
        fn = data[1]
        if fn == 67 and len(data) > 2:
            self.qr["size"] = data[2]
        elif fn == 69 and len(data) > 2:
            self.qr["ec"] = data[2] - 48
        elif fn == 80:
            self.qr["data"] = data[3:]
        elif fn == 81 and self.qr["data"]:
            self.flush_line(feed_if_empty=False)
            text = bytes(self.qr["data"]).decode("utf-8", "replace")
            image = qr_image(text, max(1, int(self.qr["size"])), int(self.qr["ec"]) % 4)
            # The label goes into the text copy someone may cat in a terminal: no escapes in it.
            self.emit(Bitmap(image, self.align, f"QR {printable(text)}"))


def _raster_image(mode: int, data: bytes) -> Image.Image:
    width_bytes = data[0] + 256 * data[1]
    height = data[2] + 256 * data[3]
    bits = Image.frombytes("1", (width_bytes * 8, height), data[4:])
    image = ImageOps.invert(bits.convert("L"))  # in ESC/POS a 1 bit is ink
    scale_x, scale_y = (2 if mode & 1 else 1), (2 if mode & 2 else 1)
    if (scale_x, scale_y) != (1, 1):
        image = image.resize((image.width * scale_x, image.height * scale_y), Image.Resampling.NEAREST)
    return image
