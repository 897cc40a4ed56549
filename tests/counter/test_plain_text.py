"""Names from the catalog and the staff list show as written at the counter: a site, loket, service or
staff name with ``<b>``, ``<img>``, ``<a href>`` or ``&amp;`` in it is text, never HTML."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.counter.steps import WAIT_MS, at_desk, issue, log_in, press, wait_for_waiting
from tests.kiosk.markup import (
    LOKET,
    SERVICE,
    SERVICE_KK,
    SITE,
    STAFF,
    labels_showing,
    markup_server,
    rich_labels,
    tooltip_reads,
)
from ui.counter.actions import CALL_NEXT
from ui.counter.controller import CounterController
from ui.counter.elided_label import ElidedLabel


@pytest.fixture
def server(tmp_path, clock):
    with markup_server(tmp_path, clock) as live:
        yield live


def test_every_label_of_every_counter_screen_is_plain_text(qtbot: QtBot, server, counter: CounterController) -> None:
    window = counter.window
    assert rich_labels(window) == []                      # the login screen
    at_desk(qtbot, counter)                               # through the loket screen to the desk
    issue(server, "ktp")
    issue(server, "kk")
    wait_for_waiting(qtbot, counter, "B-001")
    assert rich_labels(window) == []
    press(qtbot, counter, CALL_NEXT)
    qtbot.waitUntil(lambda: counter.desk.ticket_card.ticket() is not None, timeout=WAIT_MS)
    assert rich_labels(window) == []

    for name in (SITE, STAFF, LOKET, SERVICE):
        shown = labels_showing(window, name)
        assert shown, f"no label shows {name!r}"
        assert rich_labels(*shown) == []
    for label in window.findChildren(ElidedLabel):
        if label.text():
            assert tooltip_reads(label.toolTip()) == label.text()
    assert labels_showing(counter.desk.queue_panel, SERVICE_KK)   # a row made when the list came


def test_a_name_with_an_ampersand_keeps_it_on_the_loket_screens_buttons(
        qtbot: QtBot, server, counter: CounterController) -> None:
    """A button reads ``&`` as the mark of its Alt shortcut: "Kartu & Keluarga" would show without
    its ``&`` and take Alt+Space. The service boxes and "continue at <loket>" keep the name whole.
    GIVEN loket 1 left open by this officer, the loket screen offers to continue there."""
    ok = server.call("POST", "/counters/1/open", "staff1", json={"service_ids": ["ktp", "kk"]})
    assert ok.status_code == 200, ok.text
    log_in(qtbot, counter)
    screen = counter.loket_screen
    qtbot.waitUntil(lambda: screen.chosen() == 1 and len(screen.checks) == 2, timeout=WAIT_MS)
    shown = {sid: box.text() for sid, box in screen.checks.items()}
    assert shows_as(shown["kk"]) == SERVICE_KK and shows_as(shown["ktp"]) == SERVICE
    assert all(QKeySequence.mnemonic(text).isEmpty() for text in shown.values())
    assert shows_as(screen.open_button.text()) == f"Lanjutkan di {LOKET}"
    assert QKeySequence.mnemonic(screen.open_button.text()).isEmpty()


def shows_as(button_text: str) -> str:
    """What a button shows of its text: ``&&`` is one ``&``, a lone ``&`` marks a shortcut and is not shown."""
    return button_text.replace("&&", "\0").replace("&", "").replace("\0", "&")
