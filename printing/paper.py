"""Paper geometry: 58 mm or 80 mm roll, its columns of font A and its printable width in dots."""

from __future__ import annotations

from dataclasses import dataclass

PAPER_WIDTHS = (58, 80)


@dataclass(frozen=True)
class Paper:
    width_mm: int
    columns: int
    dots: int

    @property
    def printable_mm(self) -> float:
        return 48.0 if self.width_mm == 58 else 72.0


def paper_for(width_mm: int, profile_columns: int | None = None, profile_dots: int | None = None,
              columns: int | None = None) -> Paper:
    """The paper for a roll width, taking columns and dots from the printer profile when they fit.

    58 mm rolls always print 32 columns on 384 dots. 80 mm printers print 42 (180 dpi, 512 dots)
    or 48 (203 dpi, 576 dots) columns; python-escpos's ``default`` profile says 42, the safe choice.
    """
    if width_mm not in PAPER_WIDTHS:
        raise ValueError(f"paper width must be 58 or 80 mm, not {width_mm}")
    if width_mm == 58:
        cols = columns or 32
        return Paper(58, cols, 384)
    cols = columns or (profile_columns if profile_columns in (42, 48) else 42)
    if profile_dots and profile_dots >= cols * 12:
        dots = profile_dots
    else:
        dots = 576 if cols > 42 else 512
    return Paper(80, cols, dots)
