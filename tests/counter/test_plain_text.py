"""Names from the catalog and the staff list show as written at the counter: a site, loket, service or
staff name with ``<b>``, ``<img>``, ``<a href>`` or ``&amp;`` in it is text, never HTML."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.counter.steps import WAIT_MS, at_desk, issue, press, wait_for_waiting
from tests.kiosk.markup import LOKET, SERVICE, SERVICE_KK, SITE, STAFF, labels_showing, markup_server, rich_labels, \
    tooltip_reads
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
