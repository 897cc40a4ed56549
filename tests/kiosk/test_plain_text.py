"""Names from the catalog show as written on the kiosk and on its technician pages: a site, agency or
service name with ``<b>``, ``<img src=…>``, ``<a href=…>`` or ``&amp;`` in it is text, never HTML.
The kiosk's own texts are painted as plain text (``FitText``); its labels must be plain too."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.config import save_config
from core.technician_pin import hash_pin
from tests.kiosk.markup import AGENCY, DEVICE, SERVICE, SITE, labels_showing, markup_server, rich_labels, tooltip_reads
from tests.setup.conftest import unlock
from ui.kiosk.app import _technician_mode
from ui.widgets.fit_text import FitText


@pytest.fixture
def server(tmp_path, clock):
    with markup_server(tmp_path, clock) as live:
        yield live


def painted_texts(kiosk) -> list[str]:
    return [w.text() for w in kiosk.window.findChildren(FitText) if w.isVisible()]


def test_every_label_of_every_kiosk_screen_is_plain_text(kiosk):
    c = kiosk.controller
    kiosk.wait_screen("home")
    assert rich_labels(kiosk.window) == []
    assert SITE in painted_texts(kiosk)
    kiosk.tap(c.home.take_button)
    kiosk.wait_screen("agencies")
    assert rich_labels(kiosk.window) == []
    kiosk.tap_tile(c.agencies.pager, "dukcapil")
    kiosk.wait_screen("services")
    assert rich_labels(kiosk.window) == []
    assert SERVICE in painted_texts(kiosk)
    kiosk.tap_tile(c.services.pager, "ktp")
    kiosk.wait_screen("priority")
    kiosk.tap(c.priority.none_button)
    kiosk.wait_screen("ticket")
    kiosk.wait_printed()
    assert rich_labels(kiosk.window) == []
    assert c.ticket.ticket().service_name == SERVICE
    code = c.ticket.ticket().code
    kiosk.tap(c.ticket.done_button)
    kiosk.wait_screen("home")
    kiosk.tap(c.home.status_button)
    kiosk.wait_screen("status_entry")
    kiosk.type_code(code.replace("-", ""))
    kiosk.tap(c.status_entry.ok_button)
    kiosk.wait_screen("status")
    assert rich_labels(kiosk.window) == []


def test_the_technician_pages_show_names_as_written(qtbot, make_kiosk, tmp_path):
    """GIVEN a kiosk named with markup, on a catalog with markup in its names
    WHEN a technician opens every setup page
    THEN no label renders HTML: the device name and every agency name read exactly as written."""
    kiosk = make_kiosk(device_name=DEVICE)
    path = tmp_path / "device" / "config.toml"
    save_config(path, dataclasses.replace(kiosk.controller.config, technician_pin_hash=hash_pin("2468")))
    mode = _technician_mode(kiosk.controller, path, kiosk.translations, windowed=True)
    try:
        unlock(qtbot, mode, "2468")
        setup = mode.window.setup
        for page in setup.pages:
            setup.show_page(type(page).__name__)
            qtbot.waitUntil(lambda: mode.runner.pending() == 0, timeout=10_000)
            assert rich_labels(mode.window) == [], type(page).__name__
        assert labels_showing(mode.window, DEVICE), "the device name is shown"
        agencies = setup.show_page("DevicePage").agency_list
        qtbot.waitUntil(lambda: agencies.count() > 0, timeout=10_000)
        items = [agencies.item(i) for i in range(agencies.count())]
        assert AGENCY in [item.text() for item in items]   # an item view draws its items as plain text
        assert all(tooltip_reads(item.toolTip()) == item.data(Qt.ItemDataRole.UserRole) for item in items)
    finally:
        mode.uninstall()


def test_no_screen_builds_a_label_that_would_render_html():
    """Labels come from ``PlainLabel``: a bare ``QLabel(`` renders markup in the names it is given.
    Screens built only on some paths (a rare error, a later page) are caught here, not by a walk."""
    ui = Path(__file__).resolve().parents[2] / "ui"
    bare = [f"{path.relative_to(ui)}:{number}" for path in sorted(ui.rglob("*.py")) if path.name != "plain_label.py"
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if re.search(r"\bQ(Label|TextBrowser|TextEdit)\(", line)]
    assert bare == []
