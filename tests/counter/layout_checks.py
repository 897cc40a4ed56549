"""What staff can read on a counter screen, measured on the real widgets: every text shown whole
(no line cut off by its box or by a parent, nothing elided) and drawn at 12 px or more."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLabel, QWidget

from ui.counter.controller import CounterController
from ui.counter.elided_label import ElidedLabel
from ui.widgets.fit_text import FitText

MIN_TEXT_PX = 12
SIZES = ((1024, 700), (1024, 768), (1280, 800), (1920, 1080))  # 1024×700: the smallest the window goes


def at_size(c: CounterController, size: tuple[int, int]) -> None:
    """The window at ``size``, styled and laid out for it, as after the officer dragged its edge."""
    c.window.resize(*size)
    c.window.restyle()
    settle_layout(c)
    assert (c.window.width(), c.window.height()) == size, "the window grew past the size asked for"


def settle_layout(c: CounterController) -> None:
    """Let every layout request and style change posted so far run (no waiting for time to pass)."""
    for _ in range(4):
        QApplication.processEvents()
        c.window.layout().activate()


def name_of(widget: QWidget) -> str:
    names = []
    while widget is not None and len(names) < 4:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(names))


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def scrolls(widget: QWidget) -> bool:
    """Inside a scroll area: the part out of view is a scroll away, not cut."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def text_widgets(root: QWidget) -> Iterator[QWidget]:
    """Every visible label, fitted text and button under ``root`` (``root`` too) that has a text."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not shown(widget):
            continue
        if isinstance(widget, QLabel | QAbstractButton | FitText) and widget.text():
            yield widget


def cut_texts(root: QWidget) -> list[str]:
    """The visible texts under ``root`` that are not shown whole, each with what cuts it."""
    problems = []
    for widget in text_widgets(root):
        where = f"{name_of(widget)} {widget.text()[:50]!r}"
        visible = widget.visibleRegion().boundingRect()
        if not scrolls(widget) and (visible.height() < widget.height() or visible.width() < widget.width()):
            problems.append(f"{where}: {visible.width()}×{visible.height()} of {widget.width()}×{widget.height()} "
                            "visible (cut by its parent)")
            continue
        if isinstance(widget, FitText):
            needed = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else 0
            if needed > widget.height():
                problems.append(f"{where}: needs {needed} px high, has {widget.height()}")
            elif widget.overflows():
                problems.append(f"{where}: does not fit")
        elif isinstance(widget, QLabel) and widget.wordWrap():
            rect = widget.contentsRect()
            needed = QFontMetrics(widget.font()).boundingRect(
                QRect(0, 0, rect.width(), 100000), int(Qt.TextFlag.TextWordWrap.value), widget.text()).height()
            if needed > rect.height():
                problems.append(f"{where}: needs {needed} px high, has {rect.height()}")
        elif isinstance(widget, ElidedLabel) and widget.elided():
            problems.append(f"{where}: elided")
    return problems


def drawn_pixel_size(widget: QWidget) -> int:
    if isinstance(widget, FitText):
        return widget.fitted_pixel_size()
    return QFontInfo(widget.font()).pixelSize()


def small_texts(root: QWidget) -> list[str]:
    """The visible texts under ``root`` drawn under 12 px, with their size."""
    return [f"{name_of(w)} {w.text()[:40]!r}: {drawn_pixel_size(w)} px"
            for w in text_widgets(root) if drawn_pixel_size(w) < MIN_TEXT_PX]
