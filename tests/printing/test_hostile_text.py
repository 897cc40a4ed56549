"""Hostile catalog text: no control character in any printed text reaches the printer as a command.

Every text field of a receipt (site name, time-zone label, footer, agency, service, loket names,
requirements, ticket code, status link) is poisoned with one C0 or C1 control, or with whole ESC/POS
commands (drawer kick, feed, cut, real-time pulse, reset). The receipt must render to exactly the
bytes of the same receipt whose texts were typed without the control: the renderer's own commands
only, and the visible text intact. A tab or line break inside a text prints as a space.
"""

from __future__ import annotations

import dataclasses
import io
import socket
from collections.abc import Callable

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab import rl_config

from core.models import Ticket
from printing.escpos_parse import EscposParser
from printing.escpos_render import EscposOptions, EscposRenderer
from printing.pdf_render import render_pdf
from printing.receipt import Branding, Receipt, build_receipt
from printing.sample import sample_branding, sample_ticket
from printing.service import PrintOutcome, PrintService, PrintSettings
from tests.printing.conftest import ISSUED

C0 = list(range(0x20))
C1 = list(range(0x7F, 0xA0))
CONTROLS = C0 + C1
# Inside a text these separate words; the receipt prints a space for them.
SPACING = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85}
COMMANDS = {
    "drawer kick": "\x1bp\x00\x19\xfa",
    "feed 9 lines": "\x1bd\x09",
    "full cut": "\x1dV\x00",
    "feed and cut": "\x1dVA\x00",
    "real-time pulse": "\x10\x14\x01\x00\x01",
    "reset": "\x1b@",
    "status query": "\x10\x04\x01",
}
# What the renderer itself sends, by the names escpos_parse gives them.
RENDERER_COMMANDS = {"init", "size", "bold", "align", "codepage", "text", "lf", "2d_code", "raster",
                     "feed_lines", "cut"}

Join = Callable[[str, str], str]


def receipt_texts(join: Join) -> tuple[Ticket, Branding]:
    """The sample ticket and site with each text made of two parts put together by ``join``."""
    ticket = sample_ticket(issued_at=ISSUED, base_url="http://192.168.10.5:8000").model_copy(update=dict(
        code=join("A-", "001"), service_name=join("Perekaman", "KTP-el"),
        service_name_en=join("KTP-el", "recording"), agency_name=join("Dinas", "Dukcapil"),
        agency_name_en=join("Civil", "Registry"), lokets=(join("Loket", "1"), join("Loket", "2")),
        requirements=(join("KTP-el", "asli"), join("Fotokopi", "KK")),
        status_url=join("http://192.168.10.5:8000/t/Xy7kQ2", "mN9pLwR4sT8vB3cD6f")))
    branding = dataclasses.replace(sample_branding(), name=join("Mal Pelayanan Publik", "Serang"),
                                   tz_label=join("W", "IB"), footer=(join("Serang Terlayani", "Satu Pintu"),))
    return ticket, branding


def poisoned_and_clean(poison: str, lang: str) -> tuple[Receipt, Receipt]:
    """The receipt with ``poison`` inside every text, and the one typed as it should print."""
    printed = "".join(" " if ord(ch) in SPACING else "" if ord(ch) in CONTROLS else ch for ch in poison)
    poisoned = build_receipt(*receipt_texts(lambda left, right: left + poison + right), lang)
    clean = build_receipt(*receipt_texts(lambda left, right: left + printed + right), lang)
    return poisoned, clean


def text_of(data: bytes) -> str:
    return "".join(c.data.decode("latin-1") for c in EscposParser().feed(data) if c.name == "text")


RENDERERS = {
    "native QR, 80 mm": EscposRenderer(EscposOptions(profile="TM-T88III")),
    "image QR, 58 mm": EscposRenderer(EscposOptions(profile="POS-5890", paper_mm=58)),
}


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"0x{c:02X}")
def test_a_control_character_in_any_text_never_reaches_the_printer(control: int, lang: str):
    poisoned, clean = poisoned_and_clean(chr(control), lang)
    for name, renderer in RENDERERS.items():
        data = renderer.render(poisoned)
        assert data == renderer.render(clean), f"{name}: the control changed the bytes sent"
        assert {c.name for c in EscposParser().feed(data)} <= RENDERER_COMMANDS
        gap = " " if control in SPACING else ""
        visible = " ".join(text_of(data).split())
        for words in ((f"Dinas{gap}Dukcapil", f"Perekaman{gap}KTP-el") if lang == "id"
                      else (f"Civil{gap}Registry", f"KTP-el{gap}recording")):
            assert " ".join(words.split()) in visible


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_escpos_commands_typed_into_the_catalog_print_as_their_plain_letters(command: str):
    poisoned, clean = poisoned_and_clean(command, "id")
    renderer = RENDERERS["native QR, 80 mm"]
    data = renderer.render(poisoned)
    assert data == renderer.render(clean)
    parsed = [c.name for c in EscposParser().feed(data)]
    assert parsed.count("init") == 1 and parsed.count("cut") == 1 and "status" not in parsed
    assert parsed.count("feed_lines") == 1  # the renderer's own feed before its cut
    assert b"\x1bp" not in data and b"\x10\x14" not in data


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"0x{c:02X}")
def test_the_pdf_receipt_is_the_clean_one(control: int, monkeypatch):
    """Byte for byte, with reportlab's invariant mode taking the clock and random id out of the file."""
    monkeypatch.setattr(rl_config, "invariant", 1)
    poisoned, clean = poisoned_and_clean(chr(control), "id")
    pdf = render_pdf(poisoned, 80)
    assert pdf.data == render_pdf(clean, 80).data
    gap = " " if control in SPACING else ""
    words = " ".join(PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text().split())
    assert " ".join(f"Dinas{gap}Dukcapil".split()) in words


def test_a_poisoned_receipt_prints_over_tcp_as_the_clean_one(printer):
    """GIVEN every control byte and the cut, feed, drawer and reset commands inside every text
    WHEN the kiosk prints that ticket on the network printer
    THEN the printer makes one receipt of it, the same on paper as the ticket typed cleanly."""
    poison = "".join(map(chr, CONTROLS)) + "".join(COMMANDS.values())
    service = PrintService(PrintSettings(printer=printer.spec, timeout=3), sample_branding())
    poisoned, clean = poisoned_and_clean(poison, "id")
    assert service.print_receipt(clean).outcome is PrintOutcome.PRINTED
    assert service.print_receipt(poisoned).outcome is PrintOutcome.PRINTED
    # The printer answers the status query sent after each job only once it has acted on the job.
    assert len(printer.receipts) == 2 and printer.discarded == 0
    clean_paper, poisoned_paper = printer.receipts
    assert poisoned_paper.text == clean_paper.text
    with Image.open(poisoned_paper.png) as got, Image.open(clean_paper.png) as want:
        assert got.size == want.size and got.tobytes() == want.tobytes()
    assert f"[QR {clean.qr_data}]" in poisoned_paper.text  # the status link the printer was given
    assert "Dinas" in poisoned_paper.text and "Dukcapil" in poisoned_paper.text


def test_the_virtual_printer_saves_no_control_character_from_the_wire(printer):
    """GIVEN a job from any client whose QR holds a terminal escape and line breaks
    THEN the receipt's text copy has the QR's text on one line, with no control character."""
    hostile = b"http://x/t/\x1b[2J\x1b]0;owned\x07\r\nrm -rf /\xc2\x9b"
    store = b"\x1d(k" + (len(hostile) + 3).to_bytes(2, "little") + b"1P0" + hostile
    job = b"\x1b@" + store + b"\x1d(k\x03\x001Q0" + b"\x1dV\x00"
    with socket.create_connection((printer.host, printer.port), timeout=5) as sock:
        sock.sendall(job)
    [saved] = printer.wait_for_receipts(1)
    assert not [ch for ch in saved.text if ord(ch) in CONTROLS and ch != "\n"]
    assert "[QR http://x/t/[2J]0;owned  rm -rf /]" in saved.text
    assert saved.txt.read_text(encoding="utf-8") == saved.text


def test_a_lone_surrogate_from_the_server_does_not_fail_the_ticket(printer):
    """GIVEN a service name with a lone surrogate, which JSON allows ("\\ud800") and no encoder takes
    THEN the ticket still prints, on ESC/POS and as PDF, with a replacement mark in its place."""
    ticket, branding = receipt_texts(lambda left, right: f"{left} \ud800 {right} 一")
    service = PrintService(PrintSettings(printer=printer.spec, timeout=3), branding)
    assert service.print_ticket(ticket).outcome is PrintOutcome.PRINTED
    assert render_pdf(build_receipt(ticket, branding)).data.startswith(b"%PDF")
