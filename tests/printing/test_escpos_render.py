"""ESC/POS bytes, compared exactly as python-escpos's own tests do with its Dummy printer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PIL import Image

from printing.escpos_lib import printer
from printing.escpos_render import EscposOptions, EscposRenderer
from printing.receipt import BigCode, Logo, QrCode, Receipt, build_receipt

INIT = b"\x1b@"
CODEPAGE = b"\x1bt\x00"  # python-escpos selects PC437 before the first text
FEED_6 = b"\x1bd\x06"
PARTIAL_CUT = b"\x1dV\x01"
FULL_CUT = b"\x1dV\x00"
URL = "http://192.168.10.5:8000/t/Xy7kQ2mN9pLwR4sT8vB3cD6f"


def receipt_of(*blocks) -> Receipt:
    return Receipt("A-001", "id", datetime(2026, 11, 23, 8, 15, tzinfo=UTC), tuple(blocks))


def render(*blocks, **options) -> bytes:
    return EscposRenderer(EscposOptions(**options)).render(receipt_of(*blocks))


def test_big_code_in_the_largest_size_that_fits_80mm():
    assert render(BigCode("A-001")) == (
        INIT
        + b"\x1d!\x77"  # GS ! : 8 x 8
        + b"\x1bE\x01"  # bold
        + b"\x1ba\x01"  # centred
        + CODEPAGE + b"A-001\n"
        + b"\x1d!\x00\x1bE\x00\x1ba\x00"  # back to normal, left
        + FEED_6 + PARTIAL_CUT)


def test_big_code_on_58mm_is_six_times():
    assert b"\x1d!\x55" + b"\x1bE\x01\x1ba\x01" + CODEPAGE + b"A-001\n" in render(
        BigCode("A-001"), paper_mm=58)


def test_native_qr_is_gs_paren_k():
    data = URL.encode()
    store = b"\x1d(k" + (len(data) + 3).to_bytes(2, "little") + b"1P0" + data
    assert render(QrCode(URL, "Pindai"), profile="TM-T88III") == (
        INIT + b"\x1ba\x01"
        + b"\x1d(k\x04\x001A2\x00"  # model 2
        + b"\x1d(k\x03\x001C\x06"  # 6 dots per module
        + b"\x1d(k\x03\x001E1"  # error correction M
        + store
        + b"\x1d(k\x03\x001Q0"  # print the symbol
        + CODEPAGE + b"Pindai\n"
        + b"\x1ba\x00" + FEED_6 + PARTIAL_CUT)


def test_qr_is_an_image_where_the_profile_has_no_native_qr():
    data = render(QrCode(URL, "Pindai"), profile="POS-5890", paper_mm=58)
    assert b"\x1d(k" not in data
    start = data.index(b"\x1dv0\x00")
    width_bytes, height = int.from_bytes(data[start + 4:start + 6], "little"), int.from_bytes(
        data[start + 6:start + 8], "little")
    assert width_bytes == 384 // 8  # padded to the paper so cheap printers centre it too
    assert 150 < height < 300
    after_image = data[start + 8 + width_bytes * height:]
    assert after_image.startswith(b"\x1bt") and after_image[3:].startswith(b"Pindai\n")


def test_image_qr_can_be_forced_on_a_native_printer():
    data = render(QrCode(URL, "Pindai"), profile="TM-T88III", qr="image")
    assert b"\x1d(k" not in data and b"\x1dv0\x00" in data


@pytest.mark.parametrize("profile, cut, tail", [
    ("TM-T88III", "partial", FEED_6 + PARTIAL_CUT),
    ("TM-T88III", "full", FEED_6 + FULL_CUT),
    ("default", "none", FEED_6),
    ("POS-5890", "partial", FEED_6),  # no cutter: feed so the ticket can be torn off
])
def test_feed_and_cut(profile, cut, tail):
    data = render(BigCode("A-001"), profile=profile, cut=cut)
    assert data.endswith(b"\x1ba\x00" + tail)
    assert data.count(b"\x1dV") == (0 if tail == FEED_6 else 1)


def test_logo_is_a_raster_image_within_the_paper(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (1200, 300), "black").save(logo)
    data = render(Logo(logo), BigCode("A-001"), profile="TM-T88III")
    start = data.index(b"\x1dv0\x00")
    width_bytes = int.from_bytes(data[start + 4:start + 6], "little")
    height = int.from_bytes(data[start + 6:start + 8], "little")
    assert width_bytes * 8 <= 512 and height <= 160


def test_writes_onto_any_python_escpos_printer(ticket, branding):
    """The same blocks go to a live python-escpos printer object as to bytes."""
    renderer = EscposRenderer(EscposOptions(profile="TM-T88III"))
    receipt = build_receipt(ticket, branding)
    dummy = printer.Dummy(profile="TM-T88III")
    renderer.write(receipt, dummy)
    assert dummy.output == renderer.render(receipt)


def test_full_ticket_fits_the_byte_budget(ticket, branding):
    data = EscposRenderer(EscposOptions()).render(build_receipt(ticket, branding))
    assert len(data) <= 1200


def test_unknown_profile_is_refused():
    with pytest.raises(ValueError, match="unknown printer profile"):
        EscposRenderer(EscposOptions(profile="TM-NOPE"))
