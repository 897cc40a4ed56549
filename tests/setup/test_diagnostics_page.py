"""Diagnostics against the real server and the virtual printer: reachable with a round-trip time and
the clocks' difference; after the server stops, plainly unreachable in both languages, no traceback."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core import __version__
from core.config import DeviceConfig, save_config
from tests.support.clock import SettableClock
from tests.support.printer import running_printer
from tests.support.server import live_server
from ui.i18n import Translations
from ui.setup.diagnostics_page import DiagnosticsPage, check_server, format_offset, tail
from ui.setup.page import SetupContext
from ui.tasks import TaskRunner


@pytest.fixture
def translations(qapp) -> Iterator[Translations]:
    translations = Translations(compile_missing=False)
    translations.switch("id")
    yield translations
    translations.uninstall()


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    runner = TaskRunner("setup-test", 2)
    yield runner
    runner.shutdown()


def _page(qtbot, context: SetupContext) -> DiagnosticsPage:
    page = DiagnosticsPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 1000)
    page.show()
    return page


def _run(qtbot, page: DiagnosticsPage, *, click: bool = False) -> None:
    if click:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    else:
        page.refresh()
    assert page.running()
    qtbot.waitUntil(lambda: not page.running(), timeout=15000)


def test_a_running_then_stopped_server(qtbot, tmp_path: Path, translations: Translations, runner: TaskRunner):
    """GIVEN a kiosk pointed at a running server, with a printer, a log and two recorded errors
    WHEN diagnostics run THEN the server is reachable with its round-trip time and clock difference,
    the printer is ready, and version, disk, errors and the log's end are shown; WHEN the server is
    then stopped and the technician checks again THEN it shows as unreachable, in both languages."""
    log_path = tmp_path / "kiosk.log"
    log_path.write_text("".join(f"2026-11-23 09:00:{i:02d} INFO kiosk: line {i}\n" for i in range(50)))
    errors = ["printer: paper_out", "server_unreachable"]
    clock = SettableClock()
    with running_printer(tmp_path / "receipts") as printer, live_server(tmp_path, clock=clock) as server:
        cfg = DeviceConfig(server_url=server.url, token=server.tokens["kiosk"], printer=printer.spec)
        save_config(tmp_path / "config.toml", cfg)
        context = SetupContext("kiosk", tmp_path / "config.toml", cfg, translations, runner,
                               log_path=log_path, last_errors=lambda: list(errors))
        page = _page(qtbot, context)
        _run(qtbot, page)
        assert page.value_text("server").startswith(f"Terhubung ke {server.url}")
        assert page.value_text("rtt").endswith(" ms")
        assert int(page.value_text("rtt").removesuffix(" ms")) >= 0
        # The test server's clock is set apart from this machine's: the difference is named.
        offset = (clock.now() - datetime.now(UTC)).total_seconds()
        direction = "lebih cepat" if offset > 0 else "lebih lambat"
        assert direction in page.value_text("clock")
        assert re.search(r"\d+:\d\d:\d\d", page.value_text("clock")) or abs(offset) < 3600
        assert page.value_text("printer").startswith("Siap")
        assert page.value_text("version") == f"Anjungan {__version__}"
        assert "GB bebas dari" in page.value_text("disk")
        assert page.errors_text().splitlines() == ["server_unreachable", "printer: paper_out"]
        assert page.log_text().splitlines()[-1].endswith("line 49")
        assert len(page.log_text().splitlines()) == 30
        assert page.checked_note.text().startswith("Diperiksa pukul")
        # The site's time with its label, whatever zone this PC runs on.
        assert re.fullmatch(r"Diperiksa pukul \d\d\.\d\d\.\d\d WIB", page.checked_note.text())

    _run(qtbot, page, click=True)
    server_text = page.value_text("server")
    assert server_text.startswith("Server tidak dapat dihubungi")
    assert "Server unreachable" in server_text
    assert "Traceback" not in server_text
    assert "Tidak dapat diukur" in page.value_text("rtt")
    assert "printer menolak sambungan: periksa kabel LAN dan alamat IP" in page.value_text("printer")


def test_a_display_has_no_printer_row(qtbot, tmp_path: Path, translations: Translations, runner: TaskRunner):
    cfg = DeviceConfig(server_url="http://127.0.0.1:9")
    context = SetupContext("display", tmp_path / "config.toml", cfg, translations, runner)
    page = _page(qtbot, context)
    _run(qtbot, page)
    assert "printer" not in page.values
    assert page.value_text("server").startswith("Server tidak dapat dihubungi")
    assert page.log_text().startswith("Belum ada berkas log")


def test_check_server_measures_the_clock_difference(server):
    server.clock.set(datetime.now(UTC) + timedelta(minutes=5))
    check = check_server(server.url, "")
    assert check.reachable and check.rtt_ms is not None
    assert 295 < check.clock_offset_s < 305


def test_tail_reads_only_the_end(tmp_path: Path):
    path = tmp_path / "big.log"
    path.write_text("".join(f"line {i}\n" for i in range(100_000)))
    assert tail(path, 3) == ("line 99997", "line 99998", "line 99999")
    assert format_offset(0.25) == "0,2 s" and format_offset(42) == "42 s" and format_offset(-31532) == "8:45:32"
