"""Connection strings, the connection factory, and typed errors from every kind of line."""

from __future__ import annotations

import errno
import os
import socket
import stat

import pytest

from core.errors import ConfigError, PrinterError, PrinterOffline, PrinterTimeout
from core.printer_spec import (
    CupsSpec,
    FileSpec,
    InvalidPrinterSpec,
    NetworkSpec,
    PdfSpec,
    SerialSpec,
    UsbSpec,
    parse_spec,
)
from printing.causes import PrinterCause
from printing.connections import (
    CupsConnection,
    Document,
    DocumentKind,
    FileConnection,
    NetworkConnection,
    PdfFolderConnection,
    SerialConnection,
    UsbConnection,
    make_connection,
    translate,
)
from printing.escpos_lib import exceptions
from printing.escpos_lib import printer as escpos_printer
from printing.service import PrintOutcome, PrintService, PrintSettings
from printing.status import Online, PaperState
from tests.support.printer import closed_port_spec

PDF = Document(DocumentKind.PDF, b"%PDF-1.4 test", "A-001", 80, 150)


@pytest.mark.parametrize("text, spec", [
    ("network:192.168.1.50", NetworkSpec("192.168.1.50", 9100)),
    ("network:printer.local:9101", NetworkSpec("printer.local", 9101)),
    ("network:[fe80::1]:9100", NetworkSpec("fe80::1", 9100)),
    ("usb:04b8:0202", UsbSpec(0x04B8, 0x0202)),
    ("usb:0x0416:0x5011", UsbSpec(0x0416, 0x5011)),
    ("serial:/dev/ttyS0:9600", SerialSpec("/dev/ttyS0", 9600)),
    ("serial:/dev/ttyUSB0:115200", SerialSpec("/dev/ttyUSB0", 115200)),
    ("serial:/dev/ttyS1", SerialSpec("/dev/ttyS1", 9600)),
    ("file:/dev/usb/lp0", FileSpec("/dev/usb/lp0")),
    ("cups:TM-T82_Loket", CupsSpec("TM-T82_Loket")),
    ("pdf:/var/lib/anjungan/receipts", PdfSpec("/var/lib/anjungan/receipts")),
])
def test_spec_strings(text, spec):
    assert parse_spec(text) == spec
    assert parse_spec(str(spec)) == spec  # the canonical form reads back the same


@pytest.mark.parametrize("text", ["", "network", "network:", "network:host:0", "network:host:http",
                                  "usb:04b8", "usb:zzzz:0202", "usb:1:10000", "serial:/dev/ttyS0:12",
                                  "bluetooth:aa:bb", "lp0"])
def test_bad_spec_is_a_typed_config_error(text):
    with pytest.raises(InvalidPrinterSpec) as caught:
        parse_spec(text)
    assert isinstance(caught.value, ConfigError)
    assert caught.value.params == {"key": "printer", "spec": text}


@pytest.mark.parametrize("text, kind, accepts", [
    ("network:127.0.0.1", NetworkConnection, DocumentKind.ESCPOS),
    ("usb:04b8:0202", UsbConnection, DocumentKind.ESCPOS),
    ("serial:/dev/ttyS0:9600", SerialConnection, DocumentKind.ESCPOS),
    ("file:/dev/usb/lp0", FileConnection, DocumentKind.ESCPOS),
    ("cups:Kasir", CupsConnection, DocumentKind.PDF),
    ("pdf:/tmp/receipts", PdfFolderConnection, DocumentKind.PDF),
])
def test_factory_picks_the_connection(text, kind, accepts):
    connection = make_connection(text)
    assert type(connection) is kind and connection.accepts is accepts


@pytest.mark.parametrize("text", ["usb:04b8:0202", "serial:/dev/ttyANJUNGAN-none:9600"])
def test_usb_and_serial_fail_with_a_printer_error_here(text):
    """No USB printer or serial port on a test machine (nor, maybe, pyusb/pyserial): typed error."""
    with pytest.raises(PrinterError):
        make_connection(text).open(0.5)


def test_network_refused_is_offline():
    with pytest.raises(PrinterOffline, match="refused"):
        make_connection(closed_port_spec()).open(1)


def test_network_silence_is_a_timeout():
    with socket.socket() as server:  # accepts (kernel backlog) but never answers
        server.bind(("127.0.0.1", 0))
        server.listen()
        connection = make_connection(f"network:127.0.0.1:{server.getsockname()[1]}")
        connection.open(1)
        try:
            with pytest.raises(PrinterTimeout):
                connection.state(0.2)
        finally:
            connection.close()


def test_file_connection_writes_the_bytes(tmp_path):
    target = tmp_path / "lp0"
    connection = make_connection(f"file:{target}")
    connection.open(1)
    connection.send(Document(DocumentKind.ESCPOS, b"\x1b@A-001\n"), 1)
    connection.close()
    assert target.read_bytes() == b"\x1b@A-001\n"


def test_file_connection_to_a_missing_device_is_offline(tmp_path):
    with pytest.raises(PrinterOffline) as caught:
        make_connection(f"file:{tmp_path / 'no-such-dir' / 'lp0'}").open(1)
    assert caught.value.params["cause"] is PrinterCause.NOT_FOUND


@pytest.mark.parametrize("number, cause", [
    (errno.ECONNREFUSED, PrinterCause.REFUSED), (errno.EHOSTUNREACH, PrinterCause.UNREACHABLE),
    (errno.ENETUNREACH, PrinterCause.UNREACHABLE), (errno.ETIMEDOUT, PrinterCause.NO_ANSWER),
    (errno.EPIPE, PrinterCause.DROPPED), (errno.ECONNRESET, PrinterCause.DROPPED),
    (errno.ENOENT, PrinterCause.NOT_FOUND), (errno.EACCES, PrinterCause.NO_PERMISSION),
    (errno.EPERM, PrinterCause.NO_PERMISSION), (errno.EIO, PrinterCause.OTHER)])
def test_each_os_error_becomes_a_cause_a_technician_can_act_on(number, cause):
    """The OS errors a kiosk PC meets (a USB device's EACCES cannot be made happen as root here)."""
    error = translate(OSError(number, os.strerror(number)), "opening usb:0x0416:0x5011")
    assert error.params["cause"] is cause
    if number != errno.ETIMEDOUT:   # a timeout is said as "no answer in time"
        assert os.strerror(number) in str(error)   # the raw reason stays, for the log


def test_an_unknown_host_name_and_a_missing_usb_printer_have_their_causes():
    assert translate(socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "x").params["cause"] \
        is PrinterCause.UNKNOWN_HOST
    assert translate(exceptions.DeviceNotFoundError("USB device not found"), "x").params["cause"] \
        is PrinterCause.NOT_FOUND


def test_a_closed_port_is_refused_as_the_technician_reads_it():
    with pytest.raises(PrinterOffline) as caught:
        make_connection(closed_port_spec()).open(1)
    assert caught.value.params["cause"] is PrinterCause.REFUSED


def test_pdf_folder_saves_a_copy(tmp_path):
    connection = make_connection(f"pdf:{tmp_path / 'copies'}")
    connection.open(1)  # creates the folder
    connection.send(PDF, 1)
    connection.send(PDF, 1)
    saved = sorted((tmp_path / "copies").glob("*.pdf"))
    assert len(saved) == 2 and all(p.read_bytes() == PDF.data for p in saved)
    assert all("A-001" in p.name for p in saved)


def _fake_lp(tmp_path, script: str):
    lp = tmp_path / "lp"
    lp.write_text("#!/bin/sh\n" + script)
    lp.chmod(lp.stat().st_mode | stat.S_IEXEC)
    return lp


def test_cups_hands_the_pdf_to_lp(tmp_path):
    lp = _fake_lp(tmp_path, f'echo "$@" > {tmp_path}/args\ncat > {tmp_path}/job.pdf\n')
    CupsConnection(CupsSpec("Kasir"), lp_command=str(lp)).send(PDF, 5)
    assert (tmp_path / "job.pdf").read_bytes() == PDF.data
    assert (tmp_path / "args").read_text().split() == [
        "-d", "Kasir", "-t", "A-001", "-o", "media=Custom.80x150mm"]


def test_cups_refusal_is_a_printer_error_with_lps_reason(tmp_path):
    lp = _fake_lp(tmp_path, 'echo "lp: The printer or class does not exist." >&2\nexit 1\n')
    with pytest.raises(PrinterError, match="does not exist"):
        CupsConnection(CupsSpec("Nope"), lp_command=str(lp)).send(PDF, 5)


def test_cups_without_lp_installed_is_a_printer_error(tmp_path):
    with pytest.raises(PrinterError, match="not installed"):
        CupsConnection(CupsSpec("Kasir"), lp_command=str(tmp_path / "no-lp")).send(PDF, 5)


class _OneWayDevice(escpos_printer.Dummy):
    """A python-escpos device that takes bytes but has no way back, like many USB printers."""

    def open(self, raise_not_found: bool = True) -> None:
        pass

    def _read(self) -> bytes:
        raise TimeoutError("no IN endpoint answer")


class _OneWayUsb(UsbConnection):
    def _make_device(self, timeout: float):
        self.device = _OneWayDevice()
        return self.device


def test_usb_printer_without_status_prints_with_paper_unknown(branding, ticket):
    """GIVEN a USB printer that never answers DLE EOT WHEN a ticket prints THEN it is sent,
    and the paper state is unknown rather than a guess."""
    made: list[_OneWayUsb] = []

    def connect(spec):
        made.append(_OneWayUsb(spec))
        return made[-1]

    service = PrintService(PrintSettings(printer="usb:0416:5011", timeout=1), branding, connect=connect)
    result = service.print_ticket(ticket)
    assert (result.outcome, result.paper, result.online) == (
        PrintOutcome.PRINTED, PaperState.UNKNOWN, Online.UNKNOWN)
    assert b"A-001" in made[-1].device.output
