"""Labels that show their text as written. Qt's default (``AutoText``) renders anything that looks
like HTML, so a site, agency, service, loket or staff name with ``<b>``, ``<img src=…>`` or
``<a href=…>`` in it would be drawn as markup; every label of the apps is made here instead."""

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
