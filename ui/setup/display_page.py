"""The hall board's options: which lokets it shows, the voice call on or off, its volume and the
running text along the bottom; each checked before anything is saved, the lokets against the
server's (off the GUI thread). A voice test reads a sample call through the board's own voice."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSlider, QWidget

from core.config import RUNNING_TEXT_MAX, VOLUME_MAX, VOLUME_MIN, DeviceConfig, validate
from core.errors import ConfigError
from core.models import Counter
from ui.i18n import Text
from ui.setup.fields import NOT_SAVED, ChoiceButtons, bilingual, refusal, refusal_of, save_form, show_note
from ui.setup.form import FormField
from ui.setup.page import SetupContext
from ui.setup.page_base import FormPage, probe_client
from ui.setup.reasons import backend_reason
from ui.theme import metrics_for
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

log = logging.getLogger(__name__)
C = "DisplayPage"
LOKET_MAX = 999
VOLUME_STEP = 5
CHECKING_LOKETS = Text(QT_TRANSLATE_NOOP("DisplayPage", "Memeriksa nomor loket di server…"), context=C)
UNKNOWN_LOKETS = QT_TRANSLATE_NOOP("DisplayPage", "Loket {unknown} tidak ada di server. Loket yang ada: {known}.")
LOKETS_UNCHECKED = QT_TRANSLATE_NOOP("DisplayPage", "Nomor loket tidak dapat diperiksa di server, tidak disimpan. "
                                                    "{reason} Coba lagi, atau kosongkan untuk semua loket.")
VOICE_TESTING = Text(QT_TRANSLATE_NOOP("DisplayPage", "Membacakan contoh panggilan…"), context=C)
VOICE_RESULTS: dict[str, str] = {
    "spoken": QT_TRANSLATE_NOOP("DisplayPage", "Contoh panggilan telah diucapkan: \u201c{sentence}\u201d"),
    "voice_off": QT_TRANSLATE_NOOP("DisplayPage", "Suara papan mati: pilih Nyala lalu Simpan, kemudian uji lagi."),
    "no_device": QT_TRANSLATE_NOOP("DisplayPage", "Suara tidak keluar: tidak ada perangkat suara. Periksa speaker, "
                                                  "kabel audio dan keluaran suara PC."),
    "no_engine": QT_TRANSLATE_NOOP("DisplayPage", "Suara tidak tersedia: mesin suara (espeak-ng) tidak dapat "
                                                  "dipakai. {reason}"),
    "failed": QT_TRANSLATE_NOOP("DisplayPage", "Suara gagal diputar: {reason}"),
}


def loket_list(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers))


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
        self.voice_test_button = TouchButton(role="form", centred=True, parent=self.body)
        self.voice_test_button.setObjectName("VoiceTestButton")
        self.voice_test_note = self.note("fieldHelp")
        self.voice_test_note.setObjectName("VoiceTestNote")
        self.voice_test_note.setWordWrap(True)
        for field in self.fields.values():
            self.form.addWidget(field)
        self.form.addWidget(self.save_button)
        self.form.addWidget(self.save_note)
        self.form.addWidget(self.voice_test_button)
        self.form.addWidget(self.voice_test_note)
        self.form.addStretch(1)
        self._checking = False
        self._testing = False
        self.voice_test_button.setVisible(context.voice_test is not None)
        self.voice_test_note.setVisible(context.voice_test is not None)

        self.lokets.textEdited.connect(lambda _text: self._on_field_edited("lokets"))
        self.voice.chosen.connect(self._on_voice_chosen)
        self.volume.valueChanged.connect(self._on_volume_changed)
        self.volume_down.clicked.connect(lambda: self.volume.setValue(self.volume.value() - VOLUME_STEP))
        self.volume_up.clicked.connect(lambda: self.volume.setValue(self.volume.value() + VOLUME_STEP))
        self.running_text.textEdited.connect(self._on_running_text_edited)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.voice_test_button.clicked.connect(self._on_voice_test_clicked)
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
        """Form first; then lokets, if any, against those the server knows (off the GUI thread)."""
        if self._checking:
            return
        cfg = self._checked()
        if cfg is None or not cfg.lokets:
            self._save(cfg)
            return
        self._checking = True
        self.save_button.setEnabled(False)
        show_note(self.save_note, self.context.translations, CHECKING_LOKETS, True)
        settings = self.context.config

        def work() -> list[Counter]:
            client = probe_client(settings.server_url, settings.token or None)
            try:
                return client.counters()
            finally:
                client.close()

        self.context.runner.run_task(work, lambda counters: self._on_lokets_known(cfg, counters),
                                     self._on_lokets_unknown)

    def _on_lokets_known(self, cfg: DeviceConfig, counters: list[Counter]) -> None:
        self._checking_done()
        known = sorted(counter.id for counter in counters)
        unknown = [number for number in cfg.lokets if number not in known]
        if unknown:
            log.info("display options not saved: lokets %s are not on the server", loket_list(unknown))
            self._refuse_lokets(Text(UNKNOWN_LOKETS, {"unknown": loket_list(unknown), "known": loket_list(known)},
                                     context=C))
            return
        self._save(cfg)

    def _on_lokets_unknown(self, error: BaseException) -> None:
        self._checking_done()
        log.warning("display options not saved: the lokets could not be checked: %s", error)
        self._refuse_lokets(Text(LOKETS_UNCHECKED, {"reason": backend_reason(error)}, context=C))

    def _refuse_lokets(self, text: Text) -> None:
        self.fields["lokets"].show_error(bilingual(self.context.translations, text))
        show_note(self.save_note, self.context.translations, NOT_SAVED, False)

    def _checking_done(self) -> None:
        self._checking = False
        self.save_button.setEnabled(True)

    def _save(self, cfg: DeviceConfig | None) -> None:
        saved = save_form(self, cfg)
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

    # -- the voice test -----------------------------------------------------------------------------

    def _on_voice_test_clicked(self) -> None:
        if self._testing or self.context.voice_test is None:
            return
        self._testing = True
        self.voice_test_button.setEnabled(False)
        self._show_voice_note(VOICE_TESTING, ok=True)
        self.context.voice_test(self._on_voice_tested)

    def _on_voice_tested(self, outcome: str, detail: str) -> None:
        """``detail`` is the sentence heard when spoken, else the reason it was not."""
        self._testing = False
        self.voice_test_button.setEnabled(True)
        log.info("voice test: %s (%s)", outcome, detail)
        text = VOICE_RESULTS.get(outcome, VOICE_RESULTS["failed"])
        self._show_voice_note(Text(text, {"sentence": detail, "reason": detail}, context=C),
                              ok=outcome == "spoken")

    def _show_voice_note(self, text: Text, *, ok: bool) -> None:
        self.voice_test_note.setText(bilingual(self.context.translations, text))
        self.voice_test_note.setProperty("textRole", "fieldOk" if ok else "fieldError")
        self.voice_test_note.style().polish(self.voice_test_note)

    def voice_test_result(self) -> str:
        return self.voice_test_note.text()

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
        self.voice_test_button.set_texts(self.tr("Uji suara"))
        self._show_counts()
