"""Timers an app owns and can cancel: every delay is a ``QTimer`` child of its owner (never an ownerless
``QTimer.singleShot``), so stopping a controller stops them all in one call and none fires into the
task runners it shut down."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def later(owner: QObject, ms: int, fn: Callable[[], None]) -> QTimer:
    """Call ``fn`` once after ``ms``, unless ``owner``'s timers are stopped first (or ``owner`` is gone).
    The timer deletes itself once it has fired."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(fn)
    timer.timeout.connect(timer.deleteLater)
    timer.start(max(0, ms))
    return timer


def running_timers(*owners: QObject) -> list[QTimer]:
    """The timers under ``owners`` (children at any depth) that are still counting."""
    return [timer for owner in owners for timer in owner.findChildren(QTimer) if timer.isActive()]


def stop_timers(*owners: QObject) -> None:
    """Stop every timer under ``owners``."""
    for owner in owners:
        for timer in owner.findChildren(QTimer):
            timer.stop()
