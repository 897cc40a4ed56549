"""Round trip: a ticket rendered, sent over TCP to the virtual printer, read back from its files."""

from __future__ import annotations

import secrets
import threading

import pytest

from printing.qr import qr_image
from printing.service import PrintOutcome, PrintService, PrintSettings
from tests.support.printer import decode_qr, running_printer, wait_for_receipt


@pytest.mark.parametrize("qr", ["native", "image"])
def test_receipt_text_and_qr_come_back(printer, branding, ticket, qr):
    service = PrintService(PrintSettings(printer=printer.spec, qr=qr, timeout=2), branding)
    assert service.print_ticket(ticket).outcome is PrintOutcome.PRINTED
    receipt = wait_for_receipt(printer, 1)
    text = receipt.txt.read_text(encoding="utf-8")
    words = " ".join(text.split())
    for expected in ("A-001", "Perekaman KTP-el", "Dinas Kependudukan dan Pencatatan Sipil",
                     "23-11-2026 08.15 WIB", "Mal Pelayanan Publik Kabupaten Serang"):
        assert expected in words
    assert receipt.png.exists() and receipt.txt.name.endswith("-1.txt")
    assert decode_qr(receipt.png) == [ticket.status_url]


def test_58mm_receipt_on_a_58mm_printer(tmp_path, branding, ticket):
    with running_printer(tmp_path, dots=384) as printer:
        service = PrintService(PrintSettings(printer=printer.spec, paper_mm=58, profile="POS-5890",
                                             language="en", timeout=2), branding)
        assert service.print_ticket(ticket).ok
        receipt = wait_for_receipt(printer, 1)
    lines = receipt.text.splitlines()
    assert all(len(line) <= 32 for line in lines)
    stripped = [line.strip() for line in lines]
    assert "Dinas Kependudukan dan" in stripped and "Pencatatan Sipil" in stripped
    assert decode_qr(receipt.png) == [ticket.status_url]


def test_one_receipt_at_a_time(printer, branding, ticket):
    """GIVEN two kiosk threads printing at once THEN both print whole, one after the other."""
    service = PrintService(PrintSettings(printer=printer.spec, timeout=3), branding)
    results = []
    threads = [threading.Thread(target=lambda: results.append(service.print_ticket(ticket)))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert [r.outcome for r in results] == [PrintOutcome.PRINTED] * 3
    receipts = printer.wait_for_receipts(3)
    assert len({r.text for r in receipts}) == 1  # identical, not interleaved
    assert receipts[0].text.count("A-001") == 1


def test_print_to_a_file_device_gives_unknown_paper(tmp_path, branding, ticket):
    service = PrintService(PrintSettings(printer=f"file:{tmp_path / 'lp0'}"), branding)
    result = service.print_ticket(ticket)
    assert result.outcome is PrintOutcome.PRINTED and result.paper.value == "unknown"
    data = (tmp_path / "lp0").read_bytes()
    assert data.startswith(b"\x1b@") and b"A-001" in data and data.endswith(b"\x1dV\x01")


def test_print_to_a_pdf_folder(tmp_path, branding, ticket):
    service = PrintService(PrintSettings(printer=f"pdf:{tmp_path / 'copies'}"), branding)
    assert service.print_ticket(ticket).ok
    [saved] = (tmp_path / "copies").glob("*.pdf")
    assert saved.read_bytes().startswith(b"%PDF")


def test_image_qrs_with_the_fixed_mask_decode_for_many_status_links(tmp_path):
    """GIVEN the one mask pattern the printer path uses, THEN QRs of many different status links
    (random tokens, so many module patterns) still decode as printed at 8 dots per module."""

    for i in range(12):
        url = f"http://192.168.10.5:8080/t/{secrets.token_urlsafe(18)}"
        png = tmp_path / f"qr{i}.png"
        qr_image(url, module=8).save(png)
        assert decode_qr(png) == [url]
