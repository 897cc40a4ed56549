"""What a receipt's ESC/POS bytes put on paper, read back with the project's own parser
(printing/escpos_parse.py): each line's text, alignment, weight and size, pictures, printer-drawn QR
codes and the cut. Tests state what the citizen holds, not how python-escpos encodes it."""

from __future__ import annotations

from dataclasses import dataclass, field

from printing.escpos_parse import EscposParser
from printing.escpos_render import EscposOptions, EscposRenderer
from printing.receipt import Receipt

ALIGNMENTS = {0: "left", 1: "centre", 2: "right", 48: "left", 49: "centre", 50: "right"}
CUTS = {0: "full", 48: "full", 65: "full", 1: "partial", 49: "partial", 66: "partial"}


@dataclass(frozen=True)
class Printed:
    """One printed line of text, or one picture (``image``) or printer-drawn QR code (``qr``)."""

    kind: str
    text: str = ""
    align: str = "left"
    bold: bool = False
    size: tuple[int, int] = (1, 1)  # character magnification: width, height
    dots_wide: int = 0
    dots_high: int = 0
    module: int = 0  # a printer-drawn QR code's dots per module


@dataclass
class PaperOut:
    items: list[Printed] = field(default_factory=list)
    cut: str | None = None

    @property
    def lines(self) -> list[str]:
        return [item.text for item in self.items if item.kind == "text"]

    def of(self, kind: str) -> list[Printed]:
        return [item for item in self.items if item.kind == kind]

    def line(self, text: str) -> Printed:
        return next(item for item in self.items if item.kind == "text" and item.text == text)


def paper_of(data: bytes) -> PaperOut:
    """What comes out of the printer for ``data``: its lines with their style, pictures, the cut."""
    out = PaperOut()
    align, bold, size, line, module, qr_data = "left", False, (1, 1), "", 3, ""
    for command in EscposParser().feed(data):
        name, arg = command.name, command.arg
        if name == "init":
            align, bold, size = "left", False, (1, 1)
        elif name == "align":
            align = ALIGNMENTS[arg]
        elif name == "bold":
            bold = bool(arg & 1)
        elif name == "size":
            size = ((arg >> 4) + 1, (arg & 0x0F) + 1)
        elif name == "text":
            line += command.data.decode("cp437")
        elif name == "lf":
            out.items.append(Printed("text", line, align, bold, size))
            line = ""
        elif name == "raster":
            width_bytes, height = command.data[0] + 256 * command.data[1], command.data[2] + 256 * command.data[3]
            out.items.append(Printed("image", align=align, dots_wide=width_bytes * 8, dots_high=height))
        elif name == "2d_code" and command.data[:2] == b"1C":
            module = command.data[2]
        elif name == "2d_code" and command.data[:2] == b"1P":
            qr_data = command.data[3:].decode()
        elif name == "2d_code" and command.data[:2] == b"1Q":
            out.items.append(Printed("qr", qr_data, align, module=module))
        elif name == "cut":
            out.cut = CUTS[arg]
    assert line == "", "text left unprinted at the end of the job"
    return out


def paper(receipt: Receipt, **options) -> PaperOut:
    return paper_of(EscposRenderer(EscposOptions(**options)).render(receipt))
