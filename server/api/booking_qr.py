"""A booking's QR as inline SVG, drawn on the server with the qrcode package's SVG path factory: one small
element in the page (no picture fetched, no script), sized by the page's CSS, that a phone shows to the
kiosk's scanner. What it encodes is the contract's: the booking's link, or ``anjungan-booking:{token}``."""

from __future__ import annotations

import re

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.svg import SvgPathImage

SCHEME = "anjungan-booking:"
# The factory writes a size in millimetres; the page sizes the picture itself.
_SIZE = re.compile(r'\swidth="[^"]*"\sheight="[^"]*"')


def qr_text(link: str, token: str) -> str:
    """The booking's link (its page on the server's public URL), or the kiosk's own scheme when there is none."""
    return link or f"{SCHEME}{token}"


def qr_svg(text: str, label: str) -> str:
    """An ``<svg>`` element with a four-module quiet zone; ``label`` names it for screen readers (it must be
    text already safe in an attribute: the caller escapes it)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, image_factory=SvgPathImage)
    code.add_data(text)
    code.make(fit=True)
    svg = code.make_image().to_string(encoding="unicode")
    return _SIZE.sub(f' class="qr" role="img" aria-label="{label}"', svg, count=1)
