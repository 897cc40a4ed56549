"""ESC/POS output: some jobs byte for byte, as python-escpos's own tests do with its Dummy printer, the
rest read back with the project's parser as the paper shows them (text, alignment, weight, size, cut)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from printing.escpos_lib import capabilities, printer
from printing.escpos_render import EscposOptions, EscposRenderer, profile_dots
from printing.receipt import BigCode, Bullets, Heading, Line, Logo, QrCode, Receipt, Rows, Rule, build_receipt
from tests.support.paper_out import paper, paper_of

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


RULE_42 = "-" * 42
PLAIN, BOLD = False, True
TALL = (1, 2)  # double height, as the site's name
NORMAL = (1, 1)


def test_the_80mm_ticket_as_the_citizen_reads_it(ticket, branding):
    """Every line of the sample ticket on a 42-column printer: its text, alignment, weight and size.

    The site's name bold and tall, the agency, the service in bold, the code as large as fits, the
    label/value rows in one column, the requirements under a bold title, the QR code, dashed rules
    across the whole paper, and a partial cut."""
    out = paper(build_receipt(ticket, branding, "id"), profile="TM-T88III")
    assert [(i.kind, i.text, i.align, i.bold, i.size) for i in out.items] == [
        ("text", "Mal Pelayanan Publik Kabupaten Serang", "centre", BOLD, TALL),
        ("text", RULE_42, "left", PLAIN, NORMAL),
        ("text", "Dinas Kependudukan dan Pencatatan Sipil", "centre", PLAIN, NORMAL),
        ("text", "Perekaman KTP-el", "centre", BOLD, NORMAL),
        ("text", "NOMOR ANTREAN", "centre", PLAIN, NORMAL),
        ("text", "A-001", "centre", BOLD, (8, 8)),
        ("text", RULE_42, "left", PLAIN, NORMAL),
        ("text", "Waktu     23-11-2026 08.15 WIB", "left", PLAIN, NORMAL),
        ("text", "Di depan  3 orang", "left", PLAIN, NORMAL),
        ("text", "Perkiraan sekitar 15 menit", "left", PLAIN, NORMAL),
        ("text", "Loket     Loket 1, Loket 2", "left", PLAIN, NORMAL),
        ("text", RULE_42, "left", PLAIN, NORMAL),
        ("text", "Persyaratan:", "left", BOLD, NORMAL),
        ("text", "- KTP-el asli", "left", PLAIN, NORMAL),
        ("text", "- Fotokopi Kartu Keluarga", "left", PLAIN, NORMAL),
        ("text", "- Surat pengantar RT/RW", "left", PLAIN, NORMAL),
        ("text", RULE_42, "left", PLAIN, NORMAL),
        ("qr", URL, "centre", PLAIN, NORMAL),
        ("text", "Pindai untuk cek status antrean", "centre", PLAIN, NORMAL),
        ("text", RULE_42, "left", PLAIN, NORMAL),
        ("text", "Harap menunggu sampai nomor Anda", "centre", PLAIN, NORMAL),
        ("text", "dipanggil.", "centre", PLAIN, NORMAL),
        ("text", "Tiket hanya berlaku pada tanggal tercetak.", "centre", PLAIN, NORMAL),  # exactly 42 wide
        ("text", "Serang Terlayani Satu Pintu", "centre", PLAIN, NORMAL),
    ]
    assert out.cut == "partial"


@pytest.mark.parametrize("profile, columns", [("TM-T20II", 48), ("TM-L90", 48), ("TM-T88V", 42),
                                              ("TM-P80-42col", 42)])
def test_a_printer_prints_as_many_columns_as_its_profile_says(profile, columns):
    """An 80 mm printer of 203 dpi prints 48 columns of font A, one of 180 dpi 42: rules span them all."""
    out = paper(receipt_of(Rule()), profile=profile)
    assert out.lines == ["-" * columns]


@pytest.mark.parametrize("paper_mm, columns", [(80, 48), (80, 42), (58, 32), (58, 42)])
def test_the_technicians_columns_setting_overrides_the_profile(paper_mm, columns):
    """A printer the profile describes wrongly is set by hand: the rule spans the columns set."""
    out = paper(receipt_of(Rule()), paper_mm=paper_mm, columns=columns)
    assert out.lines == ["-" * columns]


@pytest.mark.parametrize("code, size", [("A-001", 8), ("B2-014", 8), ("B2-0140", 6)])
def test_the_big_ticket_number_on_a_48_column_printer(code, size):
    """GIVEN a 48-column printer THEN the code is as large as fits on one line, and never above 8."""
    out = paper(receipt_of(BigCode(code)), profile="TM-T20II")
    assert (out.line(code).size, out.line(code).align, out.line(code).bold) == ((size, size), "centre", True)


@pytest.mark.parametrize("profile, qr, printed_as", [
    ("TM-T88III", "auto", "qr"),    # draws QR codes itself
    ("TM-T88III", "native", "qr"),
    ("TM-T88III", "image", "image"),  # forced: a printer whose firmware QR misbehaves
    ("POS-5890", "auto", "image"),  # no QR command: the code is sent as a picture
    ("POS-5890", "native", "qr"),   # forced: a clone that draws QR codes though its profile says not
    ("POS-5890", "image", "image"),
])
def test_the_qr_code_is_drawn_by_the_printer_or_sent_as_a_picture(profile, qr, printed_as):
    """The profile decides how the status QR is printed unless the technician forces one way."""
    out = paper(receipt_of(QrCode(URL, "Pindai")), profile=profile, qr=qr)
    assert [item.kind for item in out.items] == [printed_as, "text"]
    assert out.items[0].align == "centre" and out.line("Pindai").align == "centre"
    if printed_as == "qr":
        assert out.items[0].text == URL


def test_an_impact_printer_prints_the_status_address_as_text():
    """A printer that draws neither QR codes nor pictures prints the address, for the citizen to type."""
    out = paper(receipt_of(QrCode(URL, "Pindai")), profile="TM-U220")
    assert out.lines == ["http://192.168.10.5:8000/t/Xy7kQ2mN9pLwR4s", "T8vB3cD6f", "Pindai"]
    assert not out.of("qr") and not out.of("image")


@pytest.mark.parametrize("paper_mm, options, module", [
    (80, {}, 6),             # 80 mm: 6 dots per module
    (58, {}, 5),             # 58 mm: 5, so the code and its quiet zone fit the narrower paper
    (58, {"qr_module": 4}, 4),  # set by the technician for a printer that scans badly
    (80, {"qr_module": 8}, 8),
])
def test_the_qr_module_size_suits_the_paper(paper_mm, options, module):
    """Dots per QR module: 6 on 80 mm, 5 on 58 mm, or what the technician set."""
    out = paper(receipt_of(QrCode(URL, "Pindai")), profile="POS-5890", qr="native", paper_mm=paper_mm, **options)
    assert out.of("qr")[0].module == module


def test_a_picture_is_padded_to_the_printers_own_width():
    """GIVEN a printer whose profile gives its width (640 dots) THEN a picture is centred across all of it,
    for cheap models that ignore centring on pictures."""
    out = paper(receipt_of(QrCode(URL, "Pindai")), profile="CT-S651", qr="image")
    assert out.of("image")[0].dots_wide == 640


def test_a_picture_keeps_its_size_on_a_printer_of_unknown_width():
    """GIVEN a profile that does not give the printer's width THEN the picture is not padded to a guess
    (it would sit off-centre on a wider printer): it keeps its own width and is centred by the printer."""
    out = paper(receipt_of(QrCode(URL, "Pindai")), profile="default", qr="image")
    image = out.of("image")[0]
    assert image.dots_wide < 384 and image.align == "centre"


def logo_file(folder, size) -> Path:
    path = folder / "logo.png"
    Image.new("RGB", size, "black").save(path)
    return path


def test_the_logo_is_centred_on_a_printer_of_unknown_width(tmp_path):
    """Unpadded where the width is unknown, the logo is centred by the printer, at its own size."""
    out = paper(receipt_of(Logo(logo_file(tmp_path, (200, 80))), BigCode("A-001")), profile="default")
    logo = out.of("image")[0]
    assert (logo.dots_wide, logo.dots_high, logo.align) == (200, 80, "centre")


def test_the_logo_is_scaled_to_the_printers_own_width(tmp_path):
    """A logo wider than the paper is scaled to the printable width the profile gives (640 dots)."""
    out = paper(receipt_of(Logo(logo_file(tmp_path, (2000, 100)))), profile="CT-S651")
    assert (out.of("image")[0].dots_wide, out.of("image")[0].dots_high) == (640, 32)


@pytest.mark.parametrize(("size", "printed"), [((96, 160), (96, 160)), ((96, 161), (96, 160)),
                                               ((200, 800), (40, 160))])
def test_a_tall_logo_prints_at_most_two_centimetres_high(tmp_path, size, printed):
    """A portrait logo (a crest on its own) is scaled down to 160 dots (2 cm at 203 dpi), keeping its shape
    (a picture's width is sent in whole bytes): at its own height it would take a hand's length of paper
    on every ticket."""
    out = paper(receipt_of(Logo(logo_file(tmp_path, size)), BigCode("A-001")), profile="default")
    logo = out.of("image")[0]
    assert (logo.dots_wide, logo.dots_high) == printed


def test_a_replaced_logo_prints_on_the_next_ticket(tmp_path):
    """GIVEN a technician replaces the logo file WHEN the next ticket prints THEN it shows the new logo."""
    renderer = EscposRenderer(EscposOptions(profile="default"))
    path = logo_file(tmp_path, (200, 40))
    assert paper_of(renderer.render(receipt_of(Logo(path)))).of("image")[0].dots_high == 40
    Image.new("RGB", (200, 80), "black").save(path)
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 60))
    assert paper_of(renderer.render(receipt_of(Logo(path)))).of("image")[0].dots_high == 80


def test_a_printer_without_pictures_prints_no_logo(tmp_path):
    """An impact printer cannot print the logo: the ticket prints without it, not with garbage."""
    out = paper(receipt_of(Logo(logo_file(tmp_path, (200, 80))), BigCode("A-001")), profile="TM-U220")
    assert not out.of("image") and out.lines == ["A-001"]


def test_a_rows_block_without_rows_prints_nothing():
    """No rows, no lines: not an empty line, not an error."""
    out = paper(receipt_of(Rows(())), profile="TM-T88III")
    assert out.items == []


@pytest.mark.parametrize("setting, value", [("qr", "svg"), ("cut", "half")])
def test_a_wrong_printer_setting_is_refused_naming_the_value(setting, value):
    """The technician's mistyped setting stops the printer's start, with the value and the choices."""
    with pytest.raises(ValueError, match=rf"^{setting} must be one of \(.*\), not '{value}'$"):
        EscposRenderer(EscposOptions(**{setting: value}))


class HandMadeProfile(capabilities.BaseProfile):
    """A profile from a technician's own capabilities file, which may leave the paper out."""


@pytest.mark.parametrize("data, dots", [
    ({}, None), ({"media": {}}, None), ({"media": {"width": {}}}, None),
    ({"media": {"width": {"mm": 80, "pixels": "Unknown"}}}, None),
    ({"media": {"width": {"mm": 72, "pixels": 576}}}, 576),
])
def test_the_printers_width_in_dots_is_known_only_when_the_profile_gives_it(data, dots):
    """Pictures are padded to the printer's width only when its profile gives that width in dots."""
    profile = HandMadeProfile()
    profile.profile_data = data
    assert profile_dots(profile) == dots


@pytest.mark.parametrize("block, expected", [
    (Rule(), [("-" * 42, "left", PLAIN, NORMAL)]),
    (Rows((("Loket", "Loket 1"),)), [("Loket Loket 1", "left", PLAIN, NORMAL)]),
    (Bullets("Persyaratan:", ("KTP-el asli",)),
     [("Persyaratan:", "left", BOLD, NORMAL), ("- KTP-el asli", "left", PLAIN, NORMAL)]),
    (Line("NOMOR ANTREAN"), [("NOMOR ANTREAN", "centre", PLAIN, NORMAL)]),
    (BigCode("A-001"), [("A-001", "centre", BOLD, (8, 8))]),
    (QrCode(URL, "Pindai"), [("Pindai", "centre", PLAIN, NORMAL)]),
])
@pytest.mark.parametrize("before", [Heading("Mal Pelayanan Publik"), Line("Perekaman KTP-el", bold=True),
                                    Bullets("Persyaratan:", ())])
def test_each_block_prints_in_its_own_style_whatever_comes_before_it(before, block, expected):
    """No alignment, weight or size of one block carries over to the next, in any order of blocks."""
    out = paper(receipt_of(before, block), profile="TM-T88III")
    after = out.items[len(paper(receipt_of(before), profile="TM-T88III").items):]
    assert [(i.text, i.align, i.bold, i.size) for i in after if i.kind == "text"] == expected
