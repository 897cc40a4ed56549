"""Text shown as written. Qt's labels (``AutoText``) and tooltips render anything that looks like
HTML, so a site, agency, service, loket or staff name with ``<b>``, ``<img src=…>`` or ``<a href=…>``
in it would be drawn as markup; and a button takes ``&`` as the mark of its shortcut key, so
"Pajak & Retribusi" would lose its ``&`` and gain an Alt shortcut. Every label of the apps is made
here, and data on a tooltip or a button goes through here."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    """A ``QLabel`` fixed to ``Qt.PlainText``: ``PlainLabel(parent)`` or ``PlainLabel(text, parent)``."""

    def __init__(self, *args: str | QWidget | None) -> None:
        super().__init__(*args)
        self.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written: Qt renders a tooltip that looks like HTML as HTML,
    so it is given as HTML that spells the text out."""
    return QtGui.Qt.convertFromPlainText(text) if text else ""


def button_text(text: str) -> str:
    """``text`` for a button or check box, its ``&`` kept as a character rather than a shortcut mark."""
    return text.replace("&", "&&")
