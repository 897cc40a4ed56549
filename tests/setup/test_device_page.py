"""The device page: name, place, agencies from the server's catalog, language, idle timeout — saved
only when every value is good; a refused value shows its reason beside its field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.config import DeviceConfig, load_config
from core.technician_pin import hash_pin
from tests.setup.conftest import tap, unlock, wait_idle

PIN = hash_pin("2468")


@pytest.fixture
def server(reading_server):
    """These tests only read from the server (the catalog, with the kiosk's token): they share one per module."""
    return reading_server


def open_device_page(qtbot, server, make_mode, **kw):
    cfg = DeviceConfig(server_url=server.url, token=server.tokens["kiosk"], technician_pin_hash=PIN, **kw)
    mode = make_mode(cfg)
    unlock(qtbot, mode)
    page = mode.window.setup.show_page("DevicePage")
    wait_idle(qtbot, mode)
    return mode, page


def test_the_device_page_saves_a_checked_change(qtbot, server, make_mode, config_path):
    mode, page = open_device_page(qtbot, server, make_mode)
    items = page.agency_items()
    assert len(items) >= 2 and all(i.checkState() == Qt.CheckState.Checked for i in items.values())
    page.name_field.editor.setText("Anjungan Lobi 2")
    page.location_field.editor.setText("Lantai 2")
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    page.idle_edit.setText("120")
    keep = next(iter(items))
    for key, item in items.items():
        if key != keep:
            item.setCheckState(Qt.CheckState.Unchecked)
    tap(qtbot, page.save_button)

    saved = load_config(config_path)
    assert (saved.device_name, saved.location, saved.language, saved.idle_timeout_s, saved.agencies) == \
        ("Anjungan Lobi 2", "Lantai 2", "en", 120, (keep,))
    assert page.status.text() == "Disimpan."
    assert saved.token == server.tokens["kiosk"]       # nothing else changed


def test_an_invalid_idle_timeout_is_refused_beside_its_field(qtbot, server, make_mode, config_path):
    mode, page = open_device_page(qtbot, server, make_mode, device_name="Anjungan Lobi 1")
    before = config_path.read_bytes()
    page.name_field.editor.setText("Nama baru")
    for bad in ("5", "satu menit", "99999"):
        page.idle_edit.setText(bad)
        tap(qtbot, page.save_button)
        assert page.idle_field.error_text() == "Isi angka bulat dari 10 sampai 3600 detik."
        assert page.name_field.error_text() == ""
        assert config_path.read_bytes() == before
    page.name_field.editor.setText("x" * 81)
    tap(qtbot, page.save_button)
    assert "80 karakter" in page.name_field.error_text()
    assert config_path.read_bytes() == before


def test_unchecking_every_agency_is_refused(qtbot, server, make_mode, config_path):
    mode, page = open_device_page(qtbot, server, make_mode)
    before = config_path.read_bytes()
    for item in page.agency_items().values():
        item.setCheckState(Qt.CheckState.Unchecked)
    tap(qtbot, page.save_button)
    assert "paling sedikit satu" in page.agency_field.error_text()
    assert config_path.read_bytes() == before
