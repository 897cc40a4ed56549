"""The one task helper: work runs on the pool's thread, results and errors come back on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from ui.tasks import TaskRunner


def test_results_and_errors_come_back_on_the_gui_thread(qtbot, qapp):
    runner = TaskRunner("test", 1)
    gui = QThread.currentThread()
    seen: list[tuple[str, object, bool]] = []
    workers: list[int] = []

    def work() -> int:
        workers.append(threading.get_ident())
        return 42

    def fail() -> int:
        raise ValueError("no")

    runner.run_task(work, lambda v: seen.append(("ok", v, QThread.currentThread() is gui)))
    runner.run_task(fail, lambda v: seen.append(("ok", v, False)),
                    lambda e: seen.append(("err", type(e).__name__, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: len(seen) == 2 and runner.pending() == 0, timeout=3000)
    assert seen == [("ok", 42, True), ("err", "ValueError", True)]
    assert workers and workers[0] != threading.get_ident()
    assert runner.shutdown()


def test_after_shutdown_no_callback_runs(qtbot, qapp):
    runner = TaskRunner("test", 1)
    release = threading.Event()
    called: list[object] = []
    runner.run_task(lambda: release.wait(2), called.append)
    release.set()
    assert runner.shutdown()
    qapp.processEvents()
    assert called == []
