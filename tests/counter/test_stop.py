"""A stopped counter app does nothing more: its checks, reconnects and screen timers are all cancelled,
so none fires into the task runner it shut down."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.counter.steps import MakeCounter, at_desk
from ui.timers import running_timers


def test_a_stopped_counter_has_no_timer_left_running(qtbot: QtBot, make_counter: MakeCounter) -> None:
    counter = make_counter()
    at_desk(qtbot, counter)
    # A window being resized has its restyle pending on a timer of its own.
    counter.window.resize(counter.window.width() + 40, counter.window.height() + 40)
    qtbot.waitUntil(lambda: len(running_timers(counter.window)) > 0)
    counter.stop()
    assert [f"{type(t.parent()).__name__}: {t.interval()} ms" for t in running_timers(counter, counter.window)] == []
