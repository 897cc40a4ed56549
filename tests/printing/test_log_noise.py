"""A kiosk checks its printer every ten seconds all day: those checks must not fill its log. In a 60 s
demo run, python-escpos's "Network printer enabled" / "Closing Network connection" lines (INFO, on the
root logger) were 14 of the kiosk log's 16 lines."""

from __future__ import annotations

import logging

from printing.service import PrintService, PrintSettings


def test_status_checks_of_a_healthy_printer_log_nothing_at_info(printer, branding, caplog):
    service = PrintService(PrintSettings(printer=printer.spec, timeout=1.0), branding)
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            assert service.check().ok
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO] == []


def test_at_debug_the_polling_is_still_there_for_whoever_looks(printer, branding, caplog):
    service = PrintService(PrintSettings(printer=printer.spec, timeout=1.0), branding)
    with caplog.at_level(logging.DEBUG):
        assert service.check().ok
    assert any("Network printer enabled" in r.getMessage() and r.levelno == logging.DEBUG for r in caplog.records)
