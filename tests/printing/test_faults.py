"""Printer faults: each gives its typed result within the timeout, and the next receipt prints."""

from __future__ import annotations

import time

import pytest

from core.errors import ConfigError
from printing.causes import PrinterCause
from printing.service import PrintOutcome, PrintService, PrintSettings
from printing.status import Online, PaperState
from printing.virtual_printer import VirtualPrinter
from tests.support.printer import closed_port_spec, running_printer, wait_for_discarded, wait_for_receipt

TIMEOUT = 1.0
SLACK = 0.5  # thread hand-over and a loaded CI machine


def timed(service: PrintService, ticket):
    start = time.monotonic()
    result = service.print_ticket(ticket)
    return result, time.monotonic() - start


def assert_next_receipt_prints(service, ticket, printer, number):
    result = service.print_ticket(ticket)
    assert result.outcome is PrintOutcome.PRINTED, result
    assert "A-001" in wait_for_receipt(printer, number).text


def test_paper_out(service, ticket, printer):
    """GIVEN a printer out of paper WHEN a ticket is printed THEN paper_out, nothing sent."""
    printer.set_paper("out")
    result, elapsed = timed(service, ticket)
    assert (result.outcome, result.paper, result.error_code) == (
        PrintOutcome.PAPER_OUT, PaperState.OUT, "paper_out")
    assert result.why is PrinterCause.PAPER_OUT
    assert elapsed < TIMEOUT
    assert printer.receipts == [] and printer.discarded == 0


def test_paper_out_in_the_middle_of_a_job(service, ticket, printer):
    """GIVEN paper for 10 more lines WHEN a 30-line ticket prints THEN paper_out, job discarded."""
    printer.run_out_after(10)
    result, elapsed = timed(service, ticket)
    assert result.outcome is PrintOutcome.PAPER_OUT and result.paper is PaperState.OUT
    assert "while printing" in result.reason
    assert elapsed < TIMEOUT
    wait_for_discarded(printer, 1)
    assert printer.receipts == []


def test_printer_that_accepts_but_never_answers(service, ticket, printer):
    printer.set_hang(True)
    result, elapsed = timed(service, ticket)
    assert result.outcome is PrintOutcome.TIMED_OUT and result.error_code == "printer_timeout"
    assert result.why is PrinterCause.NO_ANSWER
    assert result.online is Online.UNKNOWN
    assert elapsed < TIMEOUT + SLACK
    printer.set_hang(False)
    assert_next_receipt_prints(service, ticket, printer, 1)


def test_connection_refused(branding, ticket, printer):
    refused = PrintService(PrintSettings(printer=closed_port_spec(), timeout=TIMEOUT), branding)
    result, elapsed = timed(refused, ticket)
    assert (result.outcome, result.online, result.error_code) == (
        PrintOutcome.OFFLINE, Online.OFFLINE, "printer_offline")
    assert "refused" in result.reason
    assert result.why is PrinterCause.REFUSED   # the words a technician reads; the OS's stay in reason
    assert elapsed < TIMEOUT
    result, _ = timed(refused, ticket)  # still answers, and as fast
    assert result.outcome is PrintOutcome.OFFLINE


def test_printer_back_after_paper_is_refilled(service, ticket, printer):
    printer.set_paper("out")
    assert service.print_ticket(ticket).outcome is PrintOutcome.PAPER_OUT
    assert service.last_state.paper is PaperState.OUT
    printer.set_paper("ok")
    result = service.print_ticket(ticket)
    assert (result.outcome, result.paper, result.online) == (
        PrintOutcome.PRINTED, PaperState.OK, Online.ONLINE)
    assert "A-001" in wait_for_receipt(printer, 1).text


def test_refill_after_paper_ran_out_mid_job(service, ticket, printer):
    printer.run_out_after(5)
    assert service.print_ticket(ticket).outcome is PrintOutcome.PAPER_OUT
    printer.set_paper("ok")
    assert_next_receipt_prints(service, ticket, printer, 1)


def test_near_end_still_prints_and_says_so(service, ticket, printer):
    printer.set_paper("near-end")
    result = service.print_ticket(ticket)
    assert result.outcome is PrintOutcome.PRINTED and result.paper is PaperState.NEAR_END


def test_offline_printer(service, ticket, printer):
    printer.set_online(False)
    result = service.print_ticket(ticket)
    assert result.outcome is PrintOutcome.OFFLINE and result.paper is PaperState.OK
    assert result.why is PrinterCause.COVER_OPEN
    printer.set_online(True)
    assert_next_receipt_prints(service, ticket, printer, 1)


def test_printer_restarted_between_receipts(tmp_path, branding, ticket):
    """A printer switched off and on again: each print opens a fresh connection."""
    with running_printer(tmp_path / "a") as first:
        port = first.port
        service = PrintService(PrintSettings(printer=first.spec, timeout=TIMEOUT), branding)
        assert service.print_ticket(ticket).ok
    assert service.print_ticket(ticket).outcome is PrintOutcome.OFFLINE
    with VirtualPrinter(tmp_path / "b", "127.0.0.1", port) as second:
        assert service.print_ticket(ticket).ok
        wait_for_receipt(second, 1)


def test_an_unexpected_library_error_is_a_failed_result(branding, ticket):
    def broken_connect(spec):
        raise RuntimeError("driver exploded")

    service = PrintService(PrintSettings(printer="network:127.0.0.1:9", timeout=TIMEOUT), branding,
                           connect=broken_connect)
    result = service.print_ticket(ticket)
    assert result.outcome is PrintOutcome.FAILED and "driver exploded" in result.reason


def test_check_reads_the_state_without_printing(service, printer):
    printer.set_paper("near-end")
    result = service.check()
    assert (result.outcome, result.paper, result.online) == (
        PrintOutcome.PRINTED, PaperState.NEAR_END, Online.ONLINE)
    printer.set_paper("out")
    assert service.check().outcome is PrintOutcome.PAPER_OUT
    assert printer.receipts == []


@pytest.mark.parametrize("field, value", [("printer", "bluetooth:x"), ("profile", "TM-NOPE"),
                                          ("paper_mm", 76), ("language", "jv"), ("timeout", 0)])
def test_bad_settings_are_a_config_error_at_construction(branding, field, value):
    with pytest.raises(ConfigError):
        PrintService(PrintSettings(**{field: value}), branding)
