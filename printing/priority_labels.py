"""The one table of the priority groups' names: the kiosk's choice (a name and a line beneath), the
counter's lists (a short name) and the printed receipt. The apps translate the Indonesian with Qt
Linguist (``python -m ui.i18n update`` reads this file too); the receipt prints without Qt, so its words
in each receipt language are here, beside the names they print."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core.models import Priority

NAMES = "PriorityNames"          # Linguist context of ``name``, ``hint`` and ``REGULAR``
SHORT_NAMES = "PriorityShortNames"  # Linguist context of ``short``


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``source`` for lupdate as Qt's own does; printing/ does not import Qt."""
    return source


@dataclass(frozen=True)
class PriorityLabel:
    name: str                  # on the kiosk's choice and its ticket screen
    hint: str                  # beneath the name on the kiosk's choice
    short: str                 # in the counter's lists and on its ticket card
    printed: Mapping[str, str]  # on the receipt, by receipt language


PRIORITY_LABELS: Mapping[Priority, PriorityLabel] = {
    Priority.LANSIA: PriorityLabel(
        QT_TRANSLATE_NOOP("PriorityNames", "Lansia"),
        QT_TRANSLATE_NOOP("PriorityNames", "Usia 60 tahun ke atas"),
        QT_TRANSLATE_NOOP("PriorityShortNames", "Lansia"),
        {"id": "LANSIA", "en": "SENIOR"}),
    Priority.DISABILITAS: PriorityLabel(
        QT_TRANSLATE_NOOP("PriorityNames", "Penyandang disabilitas"),
        QT_TRANSLATE_NOOP("PriorityNames", "Termasuk pengguna kursi roda dan tongkat"),
        QT_TRANSLATE_NOOP("PriorityShortNames", "Disabilitas"),
        {"id": "DISABILITAS", "en": "DISABILITY"}),
    Priority.IBU_HAMIL: PriorityLabel(
        QT_TRANSLATE_NOOP("PriorityNames", "Ibu hamil"),
        QT_TRANSLATE_NOOP("PriorityNames", "Atau ibu yang membawa bayi"),
        QT_TRANSLATE_NOOP("PriorityShortNames", "Ibu hamil"),
        {"id": "IBU HAMIL", "en": "PREGNANT"}),
    Priority.ANAK: PriorityLabel(
        QT_TRANSLATE_NOOP("PriorityNames", "Anak-anak"),
        QT_TRANSLATE_NOOP("PriorityNames", "Anak di bawah 12 tahun yang dilayani"),
        QT_TRANSLATE_NOOP("PriorityShortNames", "Anak"),
        {"id": "ANAK", "en": "CHILD"}),
}
REGULAR = QT_TRANSLATE_NOOP("PriorityNames", "Biasa")  # a ticket of no priority group


def printed_name(priority: Priority, lang: str) -> str:
    """The group as the receipt prints it in ``lang`` (Indonesian when ``lang`` has no word)."""
    printed = PRIORITY_LABELS[priority].printed
    return printed.get(lang, printed["id"])


__all__ = ["NAMES", "PRIORITY_LABELS", "PriorityLabel", "REGULAR", "SHORT_NAMES", "printed_name"]
