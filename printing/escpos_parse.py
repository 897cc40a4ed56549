"""An incremental ESC/POS reader: bytes in, commands out, as a printer's input buffer sees them.

Commands split across TCP reads are kept until complete. Unknown commands are skipped with
their usual length so one odd byte does not turn the rest of the job into text.
"""

from __future__ import annotations

from dataclasses import dataclass

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C


@dataclass(frozen=True)
class Command:
    """``name`` is e.g. "text", "lf", "size"; ``arg`` the one-byte parameter; ``data`` the rest."""

    name: str
    arg: int = 0
    data: bytes = b""


# ESC x n: one parameter byte. Names the printer model acts on; the rest are skipped.
_ESC_ONE = {
    ord("!"): "print_mode", ord("E"): "bold", ord("G"): "bold", ord("-"): "underline",
    ord("M"): "font", ord("a"): "align", ord("d"): "feed_lines", ord("J"): "feed_dots",
    ord("t"): "codepage", ord("3"): "line_spacing", ord("{"): "skip", ord("V"): "skip",
    ord("r"): "skip", ord(" "): "skip", ord("U"): "skip", ord("R"): "skip", ord("%"): "skip",
    ord("="): "skip", ord("K"): "skip", ord("?"): "skip", ord("T"): "skip", ord("e"): "skip",
}
_ESC_FIXED = {ord("@"): 2, ord("2"): 2, ord("<"): 2, ord("i"): 2, ord("m"): 2, ord("L"): 2,
              ord("S"): 2, ord("c"): 4, ord("f"): 4, ord("B"): 4, ord("$"): 4, ord("\\"): 4,
              ord("p"): 5, ord("W"): 10}
_GS_ONE = {ord("!"): "size", ord("B"): "invert"}
_GS_SKIP_3 = set(b"bHfhw|arIETJ/")
_GS_SKIP_4 = set(b"LW$\\P^")


class EscposParser:
    def __init__(self) -> None:
        self._buffer = bytearray()

    @property
    def pending(self) -> int:
        """Bytes held back because the command they start is not complete yet."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[Command]:
        self._buffer += data
        buf = self._buffer
        commands: list[Command] = []
        pos = 0
        while pos < len(buf):
            command, size = self._next(buf, pos)
            if size == 0:
                break
            if command is not None:
                commands.append(command)
            pos += size
        del buf[:pos]
        return commands

    def _next(self, buf: bytearray, pos: int) -> tuple[Command | None, int]:
        byte = buf[pos]
        if byte >= 0x20 and byte != 0x7F:
            end = pos
            while end < len(buf) and buf[end] >= 0x20 and buf[end] != 0x7F:
                end += 1
            return Command("text", data=bytes(buf[pos:end])), end - pos
        if byte == 0x0A:
            return Command("lf"), 1
        if byte == 0x09:
            return Command("ht"), 1
        if byte == 0x0C:
            return Command("ff"), 1
        if byte in (ESC, GS, DLE, FS):
            if pos + 1 >= len(buf):
                return None, 0
            return {ESC: self._esc, GS: self._gs, DLE: self._dle, FS: self._fs}[byte](buf, pos)
        return None, 1  # CR, NUL and other controls do nothing here

    @staticmethod
    def _need(buf: bytearray, pos: int, size: int) -> bool:
        return pos + size <= len(buf)

    def _esc(self, buf: bytearray, pos: int) -> tuple[Command | None, int]:
        code = buf[pos + 1]
        if code == ord("@"):
            return Command("init"), 2
        if code in _ESC_ONE:
            if not self._need(buf, pos, 3):
                return None, 0
            return Command(_ESC_ONE[code], buf[pos + 2]), 3
        if code == ord("*"):  # column bit image: m nL nH, then nL+256*nH columns of 1 or 3 bytes
            if not self._need(buf, pos, 5):
                return None, 0
            columns = buf[pos + 3] + 256 * buf[pos + 4]
            size = 5 + columns * (3 if buf[pos + 2] in (32, 33) else 1)
            return (Command("column_image", buf[pos + 2]), size) if self._need(buf, pos, size) else (None, 0)
        if code == ord("D"):  # tab stops, NUL-terminated
            end = buf.find(0, pos + 2)
            return (None, 0) if end < 0 else (None, end + 1 - pos)
        size = _ESC_FIXED.get(code, 2)
        return (None, size) if self._need(buf, pos, size) else (None, 0)

    def _gs(self, buf: bytearray, pos: int) -> tuple[Command | None, int]:
        code = buf[pos + 1]
        if code in _GS_ONE or code in _GS_SKIP_3:
            if not self._need(buf, pos, 3):
                return None, 0
            return (Command(_GS_ONE[code], buf[pos + 2]) if code in _GS_ONE else None), 3
        if code in _GS_SKIP_4:
            return (None, 4) if self._need(buf, pos, 4) else (None, 0)
        if code == ord("V"):
            if not self._need(buf, pos, 3):
                return None, 0
            size = 4 if buf[pos + 2] in (65, 66, 97, 98, 103, 104) else 3
            return (Command("cut", buf[pos + 2]), size) if self._need(buf, pos, size) else (None, 0)
        if code == ord("v"):  # GS v 0 m xL xH yL yH d1...dk
            if not self._need(buf, pos, 8):
                return None, 0
            width_bytes = buf[pos + 4] + 256 * buf[pos + 5]
            height = buf[pos + 6] + 256 * buf[pos + 7]
            size = 8 + width_bytes * height
            if not self._need(buf, pos, size):
                return None, 0
            return Command("raster", buf[pos + 3], bytes(buf[pos + 4:pos + size])), size
        if code == ord("("):  # GS ( fn pL pH data: QR codes (k), graphics (L), others
            if not self._need(buf, pos, 5):
                return None, 0
            size = 5 + buf[pos + 3] + 256 * buf[pos + 4]
            if not self._need(buf, pos, size):
                return None, 0
            name = {ord("k"): "2d_code", ord("L"): "graphics"}.get(buf[pos + 2], "skip")
            return Command(name, data=bytes(buf[pos + 5:pos + size])), size
        if code == ord("8"):  # GS 8 L p1..p4: large graphics
            if not self._need(buf, pos, 7):
                return None, 0
            size = 7 + int.from_bytes(buf[pos + 3:pos + 7], "little")
            return (None, size) if self._need(buf, pos, size) else (None, 0)
        if code == ord("k"):  # barcodes: function A is NUL-terminated, B has a length byte
            if not self._need(buf, pos, 4):
                return None, 0
            if buf[pos + 2] < 65:
                end = buf.find(0, pos + 3)
                return (None, 0) if end < 0 else (Command("barcode"), end + 1 - pos)
            size = 4 + buf[pos + 3]
            return (Command("barcode"), size) if self._need(buf, pos, size) else (None, 0)
        return (None, 2)

    def _dle(self, buf: bytearray, pos: int) -> tuple[Command | None, int]:
        code = buf[pos + 1]
        if code == 0x04:  # DLE EOT n: real-time status
            return (Command("status", buf[pos + 2]), 3) if self._need(buf, pos, 3) else (None, 0)
        if code == 0x05:
            return (None, 3) if self._need(buf, pos, 3) else (None, 0)
        if code == 0x14:
            return (None, 5) if self._need(buf, pos, 5) else (None, 0)
        return None, 1

    def _fs(self, buf: bytearray, pos: int) -> tuple[Command | None, int]:
        code = buf[pos + 1]
        if code == ord("p"):
            return (None, 4) if self._need(buf, pos, 4) else (None, 0)
        if code == ord("("):
            if not self._need(buf, pos, 5):
                return None, 0
            size = 5 + buf[pos + 3] + 256 * buf[pos + 4]
            return (None, size) if self._need(buf, pos, size) else (None, 0)
        if code in (ord("C"), ord("!"), ord("-"), ord("S"), ord("W")):
            return (None, 3) if self._need(buf, pos, 3) else (None, 0)
        return None, 2
