"""QR codes as pictures: the same qrcode library draws the image QR we send and the one the
virtual printer prints from ``GS ( k`` data, so both decode to the same text."""

from __future__ import annotations

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

# One mask pattern instead of scoring all eight: every mask is valid by the standard, the
# scoring only avoids patterns that slow some scanners, and it costs ~6 ms in pure Python on a
# kiosk that must print within its budget. Decoding is checked by tests with zbarimg.
MASK_PATTERN = 0

# ESC/POS error-correction numbers (QR_ECLEVEL_L..H = 0..3) to the qrcode library's constants.
EC_LEVELS = {0: ERROR_CORRECT_L, 1: ERROR_CORRECT_M, 2: ERROR_CORRECT_Q, 3: ERROR_CORRECT_H}


def qr_matrix(data: str | bytes, ec: int = 1, border: int = 2) -> list[list[bool]]:
    """Dark (True) and light modules, quiet zone of ``border`` modules included."""
    code = qrcode.QRCode(version=None, error_correction=EC_LEVELS[ec], box_size=1, border=border,
                         mask_pattern=MASK_PATTERN)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def qr_image(data: str | bytes, module: int, ec: int = 1, border: int = 2) -> Image.Image:
    """A greyscale picture (0 = ink, 255 = paper) with ``module`` dots per module."""
    matrix = qr_matrix(data, ec, border)
    size = len(matrix)
    image = Image.new("L", (size, size), 255)
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    return image.resize((size * module, size * module), Image.Resampling.NEAREST)
