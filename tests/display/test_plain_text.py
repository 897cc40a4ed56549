"""Names from the catalog show as written on the hall board: a site, agency, service or loket name or
a running text with ``<b>``, ``<img src=…>``, ``<a href=…>`` or ``&amp;`` in it is text, never HTML."""

from __future__ import annotations

import pytest

from tests.display.conftest import call_next, open_loket, take, wait_ready
from tests.kiosk.markup import LOKET, RUNNING, SERVICE, SITE, markup_server, rich_labels


@pytest.fixture
def server(tmp_path, clock):
    with markup_server(tmp_path, clock) as live:
        yield live


def test_every_label_of_the_board_is_plain_text_and_names_read_as_written(server, make_board, qtbot) -> None:
    board = make_board(server.url, server.tokens["display"])
    wait_ready(qtbot, board)
    open_loket(server, 1, "staff1")
    take(server, "ktp")
    code = call_next(server, 1, "staff1")["code"]
    qtbot.waitUntil(lambda: board.screen.latest_code() == code, timeout=5000)

    window = board.controller.window
    assert rich_labels(window) == []
    screen = board.screen
    assert screen.header.site_name.text() == SITE
    assert SERVICE in screen.latest.service.text()
    assert screen.latest_loket() == LOKET
    assert RUNNING in screen.marquee.text()
