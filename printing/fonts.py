"""Font files every machine has: the Bitstream Vera faces that ship inside the reportlab package."""

from __future__ import annotations

from pathlib import Path

import reportlab

FONT_DIR = Path(reportlab.__file__).parent / "fonts"
REGULAR = FONT_DIR / "Vera.ttf"
BOLD = FONT_DIR / "VeraBd.ttf"
