"""Printer state from DLE EOT answers: real bits, and "unknown" where nothing could be read."""

from __future__ import annotations

import pytest

from printing.connections import make_connection
from printing.escpos_lib import printer as escpos_printer
from printing.status import Online, PaperState, PrinterState, decode_online, decode_paper


@pytest.mark.parametrize("answer, expected", [
    (b"\x12", Online.ONLINE), (b"\x16", Online.ONLINE), (b"\x1a", Online.OFFLINE),
    (b"", Online.UNKNOWN), (None, Online.UNKNOWN), (b"\xff", Online.UNKNOWN)])
def test_online_byte(answer, expected):
    assert decode_online(answer) is expected


@pytest.mark.parametrize("answer, expected", [
    (b"\x12", PaperState.OK), (b"\x1e", PaperState.NEAR_END), (b"\x72", PaperState.OUT),
    (b"\x7e", PaperState.OUT), (b"", PaperState.UNKNOWN), (b"A", PaperState.UNKNOWN)])
def test_paper_byte(answer, expected):
    assert decode_paper(answer) is expected


@pytest.mark.parametrize("paper, online, escpos_paper, ours", [
    ("ok", True, 2, PrinterState(Online.ONLINE, PaperState.OK)),
    ("near-end", True, 1, PrinterState(Online.ONLINE, PaperState.NEAR_END)),
    ("out", False, 0, PrinterState(Online.OFFLINE, PaperState.OUT)),
])
def test_virtual_printer_answers_as_python_escpos_expects(printer, paper, online, escpos_paper, ours):
    """GIVEN the virtual printer in a paper state WHEN python-escpos and we both ask
    THEN is_online()/paper_status() and our reading agree (out of paper also means offline)."""
    printer.set_paper(paper)
    device = escpos_printer.Network(printer.host, printer.port, timeout=2)
    device.open()
    try:
        assert device.is_online() is online
        assert device.paper_status() == escpos_paper
    finally:
        device.close()
    connection = make_connection(printer.spec)
    connection.open(2)
    try:
        assert connection.state(2) == ours
    finally:
        connection.close()


def test_write_only_connections_say_unknown_not_ok(tmp_path):
    connection = make_connection(f"file:{tmp_path / 'lp0'}")
    connection.open(1)
    try:
        assert connection.state(1) == PrinterState(Online.UNKNOWN, PaperState.UNKNOWN)
    finally:
        connection.close()
    assert make_connection("cups:Kasir").state(1) == PrinterState()


def test_pdf_folder_is_online_when_writable_and_paper_unknown(tmp_path):
    assert make_connection(f"pdf:{tmp_path}").state(1) == PrinterState(Online.ONLINE, PaperState.UNKNOWN)
    assert make_connection(f"pdf:{tmp_path / 'missing'}").state(1).online is Online.OFFLINE
