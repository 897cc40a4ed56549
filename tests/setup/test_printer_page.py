"""The printer setup page against the virtual printer: the setting is saved, a test print lands,
paper out is shown in both languages, and a bad connection string is refused beside its field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.config import DeviceConfig, load_config, save_config
from tests.support.printer import closed_port_spec, running_printer, wait_for_receipt
from ui.i18n import Translations
from ui.setup.page import SetupContext
from ui.setup.printer_page import PrinterPage
from ui.tasks import TaskRunner


@pytest.fixture
def context(qapp, tmp_path: Path) -> Iterator[SetupContext]:
    path = tmp_path / "config.toml"
    cfg = DeviceConfig(printer=closed_port_spec(), device_name="kiosk-1")
    save_config(path, cfg)
    translations = Translations(compile_missing=False)
    translations.switch("id")
    runner = TaskRunner("setup-test", 2)
    yield SetupContext("kiosk", path, cfg, translations, runner)
    runner.shutdown()
    translations.uninstall()


@pytest.fixture
def page(qtbot, context: SetupContext) -> Iterator[PrinterPage]:
    PrinterPage.STATUS_INTERVAL_MS = 200
    page = PrinterPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.refresh()
    yield page
    page.leave()


def _type(qtbot, page: PrinterPage, spec: str) -> None:
    page.connection.clear()
    qtbot.keyClicks(page.connection, spec)


def test_the_virtual_printer_is_saved_and_a_test_print_lands(qtbot, page: PrinterPage,
                                                              context: SetupContext, tmp_path: Path):
    """GIVEN a kiosk whose printer is nowhere WHEN the technician enters the virtual printer, saves and
    presses Cetak Uji THEN the config names that printer, the status says ready and a receipt is printed."""
    # Words a technician can act on, in both languages; the OS's own ("[Errno 111] …") only in the log.
    qtbot.waitUntil(lambda: "printer menolak sambungan: periksa kabel LAN dan alamat IP" in page.status_text(),
                    timeout=5000)
    assert "the printer refused the connection: check the LAN cable and the IP address" in page.status_text()
    assert "Errno" not in page.status_text() and "Connection refused" not in page.status_text()
    with running_printer(tmp_path / "receipts") as printer:
        _type(qtbot, page, printer.spec)
        qtbot.mouseClick(page.paper.buttons[58], Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(page.saved, timeout=3000):
            qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        saved = load_config(context.config_path)
        assert (saved.printer, saved.paper_width) == (printer.spec, 58)
        assert context.config == saved
        qtbot.waitUntil(lambda: page.status_text().startswith("Siap"), timeout=5000)

        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        receipt = wait_for_receipt(printer, 1)
        assert "TEST PRINT" in receipt.text
        assert re.search(r"Waktu/Time +\d\d\.\d\d WIB", receipt.text), receipt.text   # the site's time
        assert receipt.txt.parent == tmp_path / "receipts" and receipt.png.exists()
        qtbot.waitUntil(lambda: page.test_result_text().startswith("Struk uji tercetak"), timeout=5000)
        assert "Test receipt printed" in page.test_result_text()


def test_out_of_paper_is_shown_in_both_languages(qtbot, page: PrinterPage, tmp_path: Path):
    with running_printer(tmp_path / "receipts", paper="out") as printer:
        _type(qtbot, page, printer.spec)
        qtbot.waitUntil(lambda: page.status_text().startswith("Tidak siap: kertas habis"), timeout=5000)
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "kertas habis: pasang gulungan kertas baru" in page.test_result_text(), timeout=5000)
        assert "out of paper: load a new paper roll" in page.test_result_text()
        assert printer.receipts == []


def test_a_bad_connection_string_is_refused_beside_its_field(qtbot, page: PrinterPage,
                                                               context: SetupContext):
    before = context.config_path.read_bytes()
    _type(qtbot, page, "network:printer:abc")
    qtbot.waitUntil(lambda: page.status_text().startswith("Perbaiki pengaturan"), timeout=5000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.fields["printer"].error
    assert error.isVisible()
    assert "Sambungan printer tidak dikenal" in error.text() and "Printer connection not recognised" in error.text()
    assert error.text().splitlines() == ["Sambungan printer tidak dikenal: port 'abc' is not a number",
                                         "Printer connection not recognised: port 'abc' is not a number"]
    assert context.config_path.read_bytes() == before
    # Nothing is test-printed either; the reason stays beside the field until it is edited.
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "perbaiki" in page.test_result_text()
    qtbot.keyClicks(page.connection, "0")
    assert not error.isVisible()


def test_an_unknown_profile_is_refused_and_the_status_stops_on_leave(qtbot, qapp, tmp_path: Path,
                                                                      context: SetupContext):
    """GIVEN a config naming a profile python-escpos does not know WHEN it is saved THEN the reason is
    beside the profile; and once the page is left its status check stops asking the printer."""
    context.config = DeviceConfig(printer=context.config.printer, printer_profile="NoSuchPrinter")
    page = PrinterPage(context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.profile.currentText() == "NoSuchPrinter"
    before = context.config_path.read_bytes()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.fields["printer_profile"].error_text().startswith("Profil printer tidak dikenal: NoSuchPrinter")
    assert context.config_path.read_bytes() == before
    assert page.timer.isActive()
    page.leave()
    assert not page.timer.isActive()
    qtbot.waitUntil(lambda: context.runner.pending() == 0, timeout=5000)
    qapp.processEvents()
    assert context.runner.pending() == 0
