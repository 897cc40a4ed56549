"""The priority groups' names on screen, for every app: from the one table in
``printing.priority_labels``, translated by Qt Linguist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.models import Priority
from printing.priority_labels import NAMES, PRIORITY_LABELS, REGULAR, SHORT_NAMES
from ui.i18n import Text


def priority_name(priority: Priority | None) -> Text:
    """The group's name as the kiosk offers it ("Biasa" for none)."""
    return Text(PRIORITY_LABELS[priority].name if priority else REGULAR, context=NAMES)


def priority_hint(priority: Priority) -> Text:
    """Who belongs to the group, beneath its name on the kiosk."""
    return Text(PRIORITY_LABELS[priority].hint, context=NAMES)


def short_priority_name(priority: Priority) -> str:
    """The group's short name in the language installed now, for the counter's lists."""
    label = PRIORITY_LABELS.get(priority)
    return QCoreApplication.translate(SHORT_NAMES, label.short) if label else priority.value


__all__ = ["priority_hint", "priority_name", "short_priority_name"]
