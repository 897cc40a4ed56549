"""The survey's question screen, one step at a time, the same on the kiosk and on the loket's tablet:
the question large in the citizen's language (the other language beneath), its answers as large
labelled buttons (a face for each score of the nine unsur), the progress ("3/9"), back and cancel.
The profile follows on the same screen; the age is typed on a digits keypad or skipped. Nothing is
sent from here: ``completed`` hands the whole draft to the app, which sends it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from core.survey import AGE_RANGE
from core.wire import SurveyQuestion
from ui.i18n import Text, Translations
from ui.kiosk.screen import Screen
from ui.survey.face import FaceMark
from ui.survey.steps import UNSUR_COUNT, Step, SurveyDraft, age_allowed, render, survey_steps
from ui.theme import Metrics, set_props
from ui.widgets.fit_text import FitText
from ui.widgets.keypad import Keypad
from ui.widgets.touch_button import TouchButton

_CENTRE = Qt.AlignmentFlag.AlignCenter
C = "SurveyScreen"
AGE_INVALID = Text(QT_TRANSLATE_NOOP("SurveyScreen", "Umur diisi {low} sampai {high} tahun, atau dikosongkan."),
                   {"low": AGE_RANGE[0], "high": AGE_RANGE[1]}, context=C)

SENDING = Text(QT_TRANSLATE_NOOP("SurveyScreen", "Sedang mengirim jawaban Anda."), context=C)


class SurveyScreen(Screen):
    """Public API: ``begin(code, site_questions=())``, ``reset()``, ``step()``, ``index()``,
    ``choice_buttons()``, ``draft``; signals ``completed(SurveyDraft)``, ``back_requested`` (back from the
    first step), ``cancel_requested``."""

    name = "survey"
    completed = Signal(object)
    back_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, translations: Translations, parent: QWidget | None = None) -> None:
        super().__init__(translations, parent)
        self._steps: tuple[Step, ...] = survey_steps()
        self._index = 0
        self._code = ""
        self._age = ""
        self.draft = SurveyDraft()
        self._metrics: Metrics | None = None
        self._buttons: dict[str, TouchButton] = {}

        self.title = FitText("", self, role="surveyTitle")
        self.progress = FitText("", self, role="surveyProgress",
                                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress.setObjectName("SurveyProgress")
        top = QHBoxLayout()
        top.addWidget(self.title, 3)
        top.addWidget(self.progress, 2)
        self.question = FitText("", self, role="surveyQuestion", align=_CENTRE, min_ratio=0.5)
        self.question.setObjectName("SurveyQuestion")
        self.question_other = FitText("", self, role="messageOther", align=_CENTRE, min_ratio=0.5)

        self.choices = QWidget(self)
        self.grid = QGridLayout(self.choices)
        self.grid.setContentsMargins(0, 0, 0, 0)

        # The age: its box and any error beside the keypad in landscape, above it in portrait.
        self.age_panel = QWidget(self)
        self.age_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.age_panel)
        self.age_box.setContentsMargins(0, 0, 0, 0)
        age_entry = QVBoxLayout()
        self.age_frame = QFrame(self.age_panel)
        self.age_frame.setObjectName("CodeDisplay")
        self.age_display = FitText("", self.age_frame, role="codeEntry", wrap=False, align=_CENTRE)
        self.age_display.setObjectName("AgeEntry")
        QHBoxLayout(self.age_frame).addWidget(self.age_display)
        self.age_error = FitText("", self.age_panel, role="inlineError", align=_CENTRE)
        self.keypad = Keypad(self.age_panel)
        self.keypad.set_letters(())
        age_entry.addStretch(1)
        age_entry.addWidget(self.age_frame, 0)
        age_entry.addWidget(self.age_error, 0)
        age_entry.addStretch(1)
        self.age_box.addLayout(age_entry, 1)
        self.age_box.addWidget(self.keypad, 1)
        self.keypad.key_pressed.connect(self._on_keypad_key_pressed)
        self.keypad.backspace_pressed.connect(self._on_keypad_backspace_pressed)
        self.keypad.clear_pressed.connect(self._on_keypad_clear_pressed)

        self.back_button = TouchButton(role="nav", centred=True, parent=self)
        self.cancel_button = TouchButton(role="nav", centred=True, parent=self)
        self.send_button = TouchButton(role="primary", centred=True, parent=self)
        self.back_button.setObjectName("SurveyBackButton")
        self.cancel_button.setObjectName("SurveyCancelButton")
        self.send_button.setObjectName("SurveySendButton")
        self.back_button.clicked.connect(self._on_back_clicked)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.nav = QHBoxLayout()
        self.nav.addWidget(self.back_button, 2)
        self.nav.addWidget(self.cancel_button, 2)
        self.nav.addStretch(1)
        self.nav.addWidget(self.send_button, 3)

        self.box.addLayout(top, 0)
        self.box.addWidget(self.question, 2)
        self.box.addWidget(self.question_other, 1)
        self.box.addWidget(self.choices, 5)
        self.box.addWidget(self.age_panel, 5)
        self.box.addLayout(self.nav, 0)
        self._show_step()

    # ----------------------------------------------------------------- state

    def begin(self, code: str, site_questions: tuple[SurveyQuestion, ...] = ()) -> None:
        """A fresh survey for ticket ``code``: nothing answered, the first unsur."""
        self._steps = survey_steps(site_questions)
        self._code = code
        self.reset()

    def reset(self) -> None:
        """Forget every answer (an idle timeout, a cancel, the next citizen) and go to the first step."""
        self.draft = SurveyDraft()
        self._index = 0
        self._age = ""
        self._show_step()

    def step(self) -> Step:
        return self._steps[self._index]

    def index(self) -> int:
        return self._index

    def step_count(self) -> int:
        return len(self._steps)

    def code(self) -> str:
        return self._code

    def choice_buttons(self) -> dict[str, TouchButton]:
        """The answers' buttons of the step shown, by the value each stores."""
        return dict(self._buttons)

    def age_text(self) -> str:
        return self._age

    # ----------------------------------------------------------------- taps

    def _on_choice_clicked(self, value: str) -> None:
        self.draft.answer(self.step(), value)
        self._go(self._index + 1)

    def _on_back_clicked(self) -> None:
        if self._index == 0:
            self.back_requested.emit()
        else:
            self._go(self._index - 1)

    def _go(self, index: int) -> None:
        self._index = max(0, min(index, len(self._steps) - 1))
        self._show_step()

    def _on_keypad_key_pressed(self, digit: str) -> None:
        if len(self._age) < 3:
            self._age += digit
        self._show_age()

    def _on_keypad_backspace_pressed(self) -> None:
        self._age = self._age[:-1]
        self._show_age()

    def _on_keypad_clear_pressed(self) -> None:
        self._age = ""
        self._show_age()

    def _on_send_clicked(self) -> None:
        if not age_allowed(self._age):
            self._show_age(error=True)
            return
        self.draft.age = int(self._age) if self._age else None
        self.completed.emit(self.draft)

    # ----------------------------------------------------------------- showing

    def _show_step(self) -> None:
        step = self.step()
        tr, lang = self.translations, self.lang
        self.title.setText(render(step.title, tr, lang))
        self.question.setText(render(step.question, tr, lang))
        self.question_other.setText(render(step.question, tr, tr.other(lang)))
        if step.kind == "unsur":
            self.progress.setText(f"{self._index + 1}/{UNSUR_COUNT}")
        else:
            first_after = UNSUR_COUNT
            self.progress.setText(self.tr("Tentang Anda {n}/{total}").format(
                n=self._index - first_after + 1, total=len(self._steps) - first_after)
                if step.kind in ("profile", "age") else "")
        age = step.kind == "age"
        self.choices.setVisible(not age)
        self.age_panel.setVisible(age)
        self.send_button.setVisible(age)
        if age:
            self._show_age()
        else:
            self._fill_choices(step)
        self.back_button.set_texts(self.tr("← Kembali"))
        self.cancel_button.set_texts(self.tr("Batal"))

    def _fill_choices(self, step: Step) -> None:
        for button in self._buttons.values():
            button.hide()
            button.deleteLater()
        self._buttons = {}
        tr, lang = self.translations, self.lang
        chosen = self.draft.answered(step)
        for choice in step.choices:
            button = TouchButton(role="tile", centred=True, parent=self.choices)
            button.setObjectName(f"choice-{choice.value}")
            if choice.face:
                face = FaceMark(choice.face, button)
                button.layout().insertWidget(0, face, 1)
            main = render(choice.label, tr, lang)
            other = render(choice.label, tr, tr.other(lang))
            button.set_texts(main, other if other != main else "")
            set_props(button, state="chosen" if choice.value == chosen else "")
            button.clicked.connect(lambda _=False, v=choice.value: self._on_choice_clicked(v))
            self._buttons[choice.value] = button
        self._arrange()

    def _arrange(self) -> None:
        m = self._metrics
        count = len(self._buttons)
        if m is None or not count:
            return
        if count <= 4:
            columns = count if m.landscape else min(2, count)
        else:
            columns = 4 if m.landscape else 2
        rows = -(-count // columns)
        for index, button in enumerate(self._buttons.values()):
            self.grid.addWidget(button, index // columns, index % columns)
            button.show()  # at once: a layout would show it only after the next event loop pass
            face = button.findChild(FaceMark)
            if face is not None:
                face.setFixedHeight(m.px(150 if rows == 1 else 120 if rows == 2 else 80))
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 1 if row < rows else 0)

    def _show_age(self, *, error: bool = False) -> None:
        self.age_display.setText(self._age or self.tr("Ketik umur, atau lewati"))
        set_props(self.age_display, state="filled" if self._age else "empty")
        self.age_error.setText(AGE_INVALID.render(self.translations, self.lang) if error else "")
        self.send_button.set_texts(self.tr("Kirim") if self._age else self.tr("Lewati & Kirim"))

    def retranslate_ui(self) -> None:
        self._show_step()

    def apply_metrics(self, m: Metrics) -> None:
        super().apply_metrics(m)
        self._metrics = m
        self.grid.setSpacing(m.px(24))
        self.nav.setSpacing(m.spacing)
        self.progress.setMinimumWidth(m.px(160))
        for button in (self.back_button, self.cancel_button, self.send_button):
            button.setFixedHeight(m.px(104))
        self.age_box.setDirection(QBoxLayout.Direction.LeftToRight if m.landscape
                                  else QBoxLayout.Direction.TopToBottom)
        self.age_box.setSpacing(m.px(36))
        self.age_frame.setFixedHeight(m.px(110))
        self.age_error.setFixedHeight(m.px(50))
        self.keypad.apply_metrics(m)
        self._arrange()
