"""The hall board's options: which lokets it shows, the voice call on or off, its volume and the
running text along the bottom; each checked before anything is saved."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSlider, QWidget

from core.config import RUNNING_TEXT_MAX, VOLUME_MAX, VOLUME_MIN, DeviceConfig, validate
from core.errors import ConfigError
from ui.i18n import Text
from ui.setup.fields import ChoiceButtons, bilingual, refusal, refusal_of, save_form
from ui.setup.form import FormField
from ui.setup.page import SetupContext
from ui.setup.page_base import FormPage
from ui.theme import metrics_for
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

log = logging.getLogger(__name__)
C = "DisplayPage"
LOKET_MAX = 999
VOLUME_STEP = 5


class LoketListError(ValueError):
    """``kind`` is ``lokets`` (not a number) or ``loket_range``; ``part`` is what was typed."""

    def __init__(self, kind: str, part: str) -> None:
        super().__init__(f"{kind}: {part!r}")
        self.kind = kind
        self.part = part


def parse_lokets(text: str) -> tuple[int, ...]:
    """``"1, 2,3"`` → ``(1, 2, 3)``; empty → ``()``, every loket. Anything else: LoketListError."""
    parts = [part.strip() for part in text.split(",") if part.strip()]   # "1,,2," is a slip, not a fault
    numbers: list[int] = []
    for part in parts:
        if not part.isdigit():
            raise LoketListError("lokets", part)
        if not 1 <= int(part) <= LOKET_MAX:
            raise LoketListError("loket_range", part)
        numbers.append(int(part))
    return tuple(dict.fromkeys(numbers))


class DisplayPage(FormPage):
    title = Text(QT_TRANSLATE_NOOP("DisplayPage", "Tampilan papan"), context=C)
    kinds = ("display",)

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.lokets = QLineEdit()
        self.lokets.setPlaceholderText("1,2,3")
        self.lokets.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.voice = ChoiceButtons((True, False), name="Voice")
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setObjectName("VolumeSlider")
        self.volume.setRange(VOLUME_MIN, VOLUME_MAX)
        self.volume.setSingleStep(VOLUME_STEP)
        self.volume.setPageStep(10)
        self.volume_down = TouchButton("−", role="form", centred=True)
        self.volume_down.setObjectName("VolumeDown")
        self.volume_up = TouchButton("+", role="form", centred=True)
        self.volume_up.setObjectName("VolumeUp")
        self.volume_value = PlainLabel()
        self.volume_value.setObjectName("VolumeValue")
        self.volume_value.setProperty("textRole", "fieldLabel")
        volume_box = QWidget()
        volume_row = QHBoxLayout(volume_box)
        volume_row.setContentsMargins(0, 0, 0, 0)
        volume_row.setSpacing(18)
        volume_row.addWidget(self.volume_down)
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_up)
        volume_row.addWidget(self.volume_value)
        self.running_text = QLineEdit()
        self.fields: dict[str, FormField] = {
            "lokets": FormField(self.lokets, self.body, name="Lokets"),
            "voice": FormField(self.voice, self.body, name="Voice"),
            "volume": FormField(volume_box, self.body, name="Volume"),
            "running_text": FormField(self.running_text, self.body, name="RunningText"),
        }
        self.save_button = TouchButton(role="form", centred=True, parent=self.body)
        self.save_button.setObjectName("SaveDisplayButton")
        self.save_button.setProperty("variant", "ok")
        self.save_note = self.note("fieldOk")
        self.save_note.setObjectName("DisplaySaveNote")
        for field in self.fields.values():
            self.form.addWidget(field)
        self.form.addWidget(self.save_button)
        self.form.addWidget(self.save_note)
        self.form.addStretch(1)

        self.lokets.textEdited.connect(lambda _text: self._on_field_edited("lokets"))
        self.voice.chosen.connect(self._on_voice_chosen)
        self.volume.valueChanged.connect(self._on_volume_changed)
        self.volume_down.clicked.connect(lambda: self.volume.setValue(self.volume.value() - VOLUME_STEP))
        self.volume_up.clicked.connect(lambda: self.volume.setValue(self.volume.value() + VOLUME_STEP))
        self.running_text.textEdited.connect(self._on_running_text_edited)
        self.save_button.clicked.connect(self._on_save_clicked)
        self._load(context.config)
        self.retranslate_ui()

    def resizeEvent(self, event) -> None:
        m = metrics_for(self)
        for widget in (self.volume_down, self.volume_up):
            widget.setFixedWidth(m.touch_min * 3 // 2)
        self.volume.setMinimumHeight(m.touch_min)
        self.volume_value.setMinimumWidth(m.px(90))
        super().resizeEvent(event)

    # -- page life --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._load(self.context.config)

    def _load(self, cfg: DeviceConfig) -> None:
        self.lokets.setText(",".join(map(str, cfg.lokets)))
        self.voice.select(cfg.voice)
        self.volume.setValue(cfg.volume)
        self._enable_volume(cfg.voice)
        self.running_text.setText(cfg.running_text)
        self.save_note.clear()
        for field in self.fields.values():
            field.clear_error()
        self._show_counts()

    # -- reading and saving -----------------------------------------------------------------------

    def _checked(self) -> DeviceConfig | None:
        """The form as a config, or None with each refusal shown beside its field."""
        problems: dict[str, Text] = {}
        lokets = self.context.config.lokets
        try:
            lokets = parse_lokets(self.lokets.text())
        except LoketListError as exc:
            problems["lokets"] = refusal(exc.kind, exc.part, limit=LOKET_MAX)
        text = " ".join(self.running_text.text().split())
        if len(text) > RUNNING_TEXT_MAX:
            problems["running_text"] = refusal("running_text", str(len(text)))
        cfg = dataclasses.replace(self.context.config, lokets=lokets, voice=bool(self.voice.value()),
                                  volume=self.volume.value(), running_text=text)
        if not problems:
            try:
                validate(cfg)
            except ConfigError as exc:
                key, reason = refusal_of(exc)
                problems[key] = reason
        for key, field in self.fields.items():
            if key in problems:
                field.show_error(bilingual(self.context.translations, problems[key]))
            else:
                field.clear_error()
        return None if problems else cfg

    def _on_save_clicked(self) -> None:
        saved = save_form(self, self._checked())
        if saved is None:
            return
        log.info("display options saved: lokets %s, voice %s, volume %d",
                 ",".join(map(str, saved.lokets)) or "all", saved.voice, saved.volume)
        self.running_text.setText(saved.running_text)

    def _on_field_edited(self, key: str) -> None:
        self.fields[key].clear_error()
        self.save_note.clear()

    def _on_voice_chosen(self, on: bool) -> None:
        self._enable_volume(on)
        self._on_field_edited("voice")

    def _enable_volume(self, on: bool) -> None:
        """Without the voice the volume means nothing; it is kept for when the voice comes back."""
        for widget in (self.volume, self.volume_down, self.volume_up):
            widget.setEnabled(on)

    def _on_volume_changed(self, _value: int) -> None:
        self._show_counts()
        self._on_field_edited("volume")

    def _on_running_text_edited(self, _text: str) -> None:
        self._show_counts()
        self._on_field_edited("running_text")

    # -- texts ----------------------------------------------------------------------------------------

    def _show_counts(self) -> None:
        self.volume_value.setText(str(self.volume.value()))
        self.fields["running_text"].set_texts(
            self.tr("Teks berjalan"),
            self.tr("Tampil bergerak di bawah papan. {count} dari {limit} karakter.").format(
                count=len(self.running_text.text()), limit=RUNNING_TEXT_MAX))

    def retranslate_ui(self) -> None:
        self.fields["lokets"].set_texts(self.tr("Loket yang ditampilkan"),
                                        self.tr("Nomor loket dipisah koma, mis. 1,2,3. Kosong: semua loket."))
        self.fields["voice"].set_texts(self.tr("Panggilan suara"))
        self.voice.set_labels({True: self.tr("Nyala"), False: self.tr("Mati")})
        self.fields["volume"].set_texts(self.tr("Volume suara ({low}–{high})").format(low=VOLUME_MIN, high=VOLUME_MAX))
        self.save_button.set_texts(self.tr("Simpan"))
        self._show_counts()
