"""Parts the printer, display and diagnostics pages share beyond ``ui.setup.form``: the reason a
printer or display setting was refused, texts in both languages, and a row of touch buttons for a
choice among a few values (paper width, voice on/off)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from core.config import PAPER_WIDTHS, RUNNING_TEXT_MAX, VOLUME_MAX, VOLUME_MIN
from core.errors import ConfigError
from ui.i18n import Text, Translations
from ui.setup.reasons import config_reason
from ui.theme import set_props
from ui.widgets.touch_button import TouchButton

C = "SetupFields"

# Why a setting was refused, by config key; ``{detail}`` is the validator's own, technical reason.
REFUSALS: dict[str, str] = {
    "printer": QT_TRANSLATE_NOOP("SetupFields", "Sambungan printer tidak dikenal: {detail}"),
    "printer_profile": QT_TRANSLATE_NOOP("SetupFields", "Profil printer tidak dikenal: {detail}"),
    "paper_width": QT_TRANSLATE_NOOP("SetupFields", "Lebar kertas harus {narrow} mm atau {wide} mm"),
    "volume": QT_TRANSLATE_NOOP("SetupFields", "Volume harus dari {low} sampai {high}"),
    "running_text": QT_TRANSLATE_NOOP("SetupFields",
                                      "Teks berjalan paling banyak {limit} karakter (sekarang {detail})"),
    "lokets": QT_TRANSLATE_NOOP("SetupFields", "\"{detail}\" bukan nomor loket. Tulis angka dipisah koma, "
                                               "mis. 1,2,3"),
    "loket_range": QT_TRANSLATE_NOOP("SetupFields", "Nomor loket harus dari 1 sampai {limit}, bukan {detail}"),
}
# The limits those refusals say, from where they are enforced (the display page passes its loket limit).
LIMITS: dict[str, dict[str, object]] = {
    "paper_width": {"narrow": min(PAPER_WIDTHS), "wide": max(PAPER_WIDTHS)},
    "volume": {"low": VOLUME_MIN, "high": VOLUME_MAX},
    "running_text": {"limit": RUNNING_TEXT_MAX},
}
NOT_SAVED = Text(QT_TRANSLATE_NOOP("SetupFields", "Belum disimpan: perbaiki kolom yang ditandai merah."), context=C)
SAVED = Text(QT_TRANSLATE_NOOP("SetupFields", "Disimpan."), context=C)
WRITE_FAILED = QT_TRANSLATE_NOOP("SetupFields", "Berkas pengaturan tidak dapat ditulis: {detail}")


def refusal(key: str, detail: str = "", **limits: object) -> Text:
    """Why ``key`` was refused, with the technical ``detail`` kept for the technician and the limit
    it broke (``LIMITS``, or ``limits`` given here)."""
    return Text(REFUSALS[key], {"detail": detail, **LIMITS.get(key, {}), **limits}, context=C)


def refusal_of(error: ConfigError) -> tuple[str, Text]:
    """The key a ConfigError names and the reason to show beside that field."""
    key = str(error.params.get("key", ""))
    if key not in REFUSALS:
        return key, config_reason(error)
    detail = str(error.params.get("reason") or error).removeprefix(f"{key}: ")
    if key == "printer":  # the parser names the setting again: "printer 'x': why"
        detail = re.sub(r"^printer (['\"]).*?\1: ", "", detail)
    return key, refusal(key, detail)


def write_failed(error: OSError) -> Text:
    return Text(WRITE_FAILED, {"detail": error.strerror or str(error)}, context=C)


def show_note(label: QWidget, translations: Translations, text: Text, ok: bool) -> None:
    """The line under a form's Save button: saved (green) or why not (red), in both languages."""
    label.setText(bilingual(translations, text))
    set_props(label, textRole="fieldOk" if ok else "fieldError")


def save_form(page: Any, cfg: Any) -> Any:
    """Save ``cfg`` (None: the form's own checks failed) through ``page.context``; a refusal is shown
    next to its field in ``page.fields`` or in ``page.save_note``. The saved config, or None."""
    translations = page.context.translations
    if cfg is None:
        show_note(page.save_note, translations, NOT_SAVED, False)
        return None
    try:
        saved = page.context.save(cfg)
    except ConfigError as exc:
        key, reason = refusal_of(exc)
        if key in page.fields:
            page.fields[key].show_error(bilingual(translations, reason))
        show_note(page.save_note, translations, NOT_SAVED if key in page.fields else reason, False)
        return None
    except OSError as exc:
        show_note(page.save_note, translations, write_failed(exc), False)
        return None
    show_note(page.save_note, translations, SAVED, True)
    page.saved.emit(saved)
    return saved


def bilingual(translations: Translations, text: Text, separator: str = "\n") -> str:
    """``text`` in the language shown, then in the other one (once, if both read the same)."""
    lang = translations.language or "id"
    main = text.render(translations, lang)
    other = text.render(translations, translations.other(lang))
    return main if other == main else f"{main}{separator}{other}"


class ChoiceButtons(QWidget):
    """A few values side by side as big buttons; the chosen one is filled."""

    chosen = Signal(object)   # the value, when a finger picks it

    def __init__(self, values: Sequence[Any], parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.buttons: dict[Any, TouchButton] = {}
        self._value: Any = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        for value in values:
            button = TouchButton(role="form", centred=True, parent=self)
            button.setObjectName(f"{name}-{value}" if name else str(value))
            button.clicked.connect(lambda _=False, v=value: self._on_button_clicked(v))
            self.buttons[value] = button
            row.addWidget(button, 1)
        row.addStretch(1)

    def value(self) -> Any:
        return self._value

    def select(self, value: Any) -> None:
        self._value = value
        for key, button in self.buttons.items():
            set_props(button, variant="ok" if key == value else "")

    def set_labels(self, labels: dict[Any, str]) -> None:
        for key, text in labels.items():
            self.buttons[key].set_texts(text)

    def _on_button_clicked(self, value: Any) -> None:
        self.select(value)
        self.chosen.emit(value)
