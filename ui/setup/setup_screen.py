"""The setup shell: the list of pages on the left (those of this device's kind), the page on the
right, and the ways out — back to the device, restart the app, leave it for the desktop. Its words
name the device: a board's setup says "papan", never "anjungan" or "kiosk"."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QStackedWidget, QVBoxLayout, QWidget

from ui.setup.device_page import DevicePage
from ui.setup.page import SetupContext, SetupPage
from ui.setup.pin_page import PinPage
from ui.setup.reasons import render
from ui.setup.server_page import ServerPage
from ui.theme import Metrics
from ui.widgets.fit_text import FitText
from ui.widgets.plain_label import PlainLabel
from ui.widgets.touch_button import TouchButton

log = logging.getLogger(__name__)

# Pages made elsewhere, found by name: the setup still works when one is missing or broken.
OPTIONAL_PAGES = (("ui.setup.printer_page", "PrinterPage"), ("ui.setup.display_page", "DisplayPage"),
                  ("ui.setup.diagnostics_page", "DiagnosticsPage"))
KIND_NAMES = {"kiosk": QT_TRANSLATE_NOOP("SetupScreen", "Anjungan"),
              "display": QT_TRANSLATE_NOOP("SetupScreen", "Papan antrean"),
              "survey": QT_TRANSLATE_NOOP("SetupScreen", "Tablet survei")}


def page_classes(kind: str) -> list[type[SetupPage]]:
    """Server, device, then the optional pages that exist, then the PIN; only those for ``kind``."""
    classes: list[type[SetupPage]] = [ServerPage, DevicePage]
    for module_name, class_name in OPTIONAL_PAGES:
        try:
            classes.append(getattr(importlib.import_module(module_name), class_name))
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                log.exception("setup page %s cannot be loaded", module_name)
        except Exception:
            log.exception("setup page %s.%s cannot be loaded", module_name, class_name)
    classes.append(PinPage)
    return [cls for cls in classes if kind in getattr(cls, "kinds", ())]


class SetupScreen(QWidget):
    back_requested = Signal()
    restart_requested = Signal()
    leave_requested = Signal()

    def __init__(self, context: SetupContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SetupScreen")
        self.context = context
        self.pages: list[SetupPage] = []
        self.side = QFrame(self)
        self.side.setObjectName("SetupSide")
        self.heading = FitText("", self.side, role="setupHeading")
        self.device_label = PlainLabel(self.side)
        self.device_label.setProperty("textRole", "fieldHelp")
        self.device_label.setWordWrap(True)
        self.page_list = QListWidget(self.side)
        self.page_list.setObjectName("SetupPageList")
        self.restart_hint = PlainLabel(self.side)
        self.restart_hint.setProperty("textRole", "fieldHelp")
        self.restart_hint.setWordWrap(True)
        self.back_button = TouchButton(role="side", centred=True, parent=self.side)
        self.back_button.setObjectName("SetupBackButton")
        self.restart_button = TouchButton(role="side", centred=True, parent=self.side)
        self.restart_button.setObjectName("RestartButton")
        self.leave_button = TouchButton(role="side", centred=True, parent=self.side)
        self.leave_button.setObjectName("LeaveKioskButton")
        self.leave_button.setProperty("variant", "danger")
        # Leaving kiosk mode stops serving citizens until someone starts the app again: asked once more.
        self.leave_confirm = QFrame(self.side)
        self.leave_confirm.setObjectName("LeaveKioskConfirm")
        self.leave_question = PlainLabel(self.leave_confirm)
        self.leave_question.setObjectName("LeaveKioskQuestion")
        self.leave_question.setProperty("textRole", "fieldLabel")
        self.leave_question.setWordWrap(True)
        self.leave_yes_button = TouchButton(role="side", centred=True, parent=self.leave_confirm)
        self.leave_yes_button.setObjectName("LeaveKioskYesButton")
        self.leave_yes_button.setProperty("variant", "danger")
        self.leave_no_button = TouchButton(role="side", centred=True, parent=self.leave_confirm)
        self.leave_no_button.setObjectName("LeaveKioskNoButton")
        confirm_box = QVBoxLayout(self.leave_confirm)
        confirm_box.setContentsMargins(0, 0, 0, 0)
        for widget in (self.leave_question, self.leave_yes_button, self.leave_no_button):
            confirm_box.addWidget(widget)
        self.leave_confirm.hide()
        side_box = QVBoxLayout(self.side)
        self.side_box = side_box
        side_box.addWidget(self.heading)
        side_box.addWidget(self.device_label)
        side_box.addWidget(self.page_list, 1)
        side_box.addWidget(self.restart_hint)
        for button in (self.back_button, self.restart_button, self.leave_button):
            side_box.addWidget(button)
        side_box.addWidget(self.leave_confirm)

        self.page_title = FitText("", self, role="pageTitle", wrap=False)
        self.page_title.setObjectName("SetupPageTitle")
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("SetupPages")
        main = QVBoxLayout()
        main.addWidget(self.page_title)
        main.addWidget(self.stack, 1)
        self.main_box = main
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.side)
        outer.addLayout(main, 1)

        for cls in page_classes(context.kind):
            try:
                page = cls(context, self.stack)
            except Exception:
                log.exception("setup page %s failed to build", cls.__name__)
                continue
            self.pages.append(page)
            self.stack.addWidget(page)
            self.page_list.addItem("")
        context.restart_needed = self._on_restart_needed
        self.page_list.currentRowChanged.connect(self._on_page_list_row_changed)
        self.back_button.clicked.connect(self.back_requested)
        self.restart_button.clicked.connect(self.restart_requested)
        self.leave_button.clicked.connect(self._on_leave_button_clicked)
        self.leave_yes_button.clicked.connect(self._on_leave_yes_button_clicked)
        self.leave_no_button.clicked.connect(self._on_leave_no_button_clicked)
        self.retranslate_ui()

    # ---------------------------------------------------------------- pages

    def open(self, index: int = 0) -> None:
        """Show the setup from its first page (refreshing it even if it was already current)."""
        self._ask_leave(False)
        self.retranslate_ui()
        if self.page_list.currentRow() == index:
            self._on_page_list_row_changed(index)
        else:
            self.page_list.setCurrentRow(index)

    def close_pages(self) -> None:
        page = self.current_page()
        if page is not None:
            page.leave()

    def page(self, cls_name: str) -> SetupPage:
        for page in self.pages:
            if type(page).__name__ == cls_name:
                return page
        raise KeyError(cls_name)

    def show_page(self, cls_name: str) -> SetupPage:
        page = self.page(cls_name)
        self.page_list.setCurrentRow(self.pages.index(page))
        return page

    def current_page(self) -> SetupPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SetupPage) else None

    def _on_page_list_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        previous = self.current_page()
        if previous is not None and previous is not self.pages[row]:
            previous.leave()
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        self.page_title.setText(render(page.title, self.context.translations))
        try:
            page.refresh()
        except Exception:
            log.exception("setup page %s failed to refresh", type(page).__name__)

    # ---------------------------------------------------------------- leaving kiosk mode

    def is_asking_to_leave(self) -> bool:
        return self.leave_confirm.isVisible()

    def _ask_leave(self, asking: bool) -> None:
        for button in (self.back_button, self.restart_button, self.leave_button):
            button.setVisible(not asking)
        self.leave_confirm.setVisible(asking)

    def _on_leave_button_clicked(self) -> None:
        self._ask_leave(True)

    def _on_leave_no_button_clicked(self) -> None:
        self._ask_leave(False)

    def _on_leave_yes_button_clicked(self) -> None:
        self._ask_leave(False)
        self.leave_requested.emit()

    # ---------------------------------------------------------------- a saved setting that waits for a restart

    def restart_is_offered(self) -> bool:
        return bool(self.context.restart_pending)

    def _on_restart_needed(self) -> None:
        log.info("saved settings wait for a restart: %s", ", ".join(sorted(self.context.restart_pending)))
        self.retranslate_ui()

    # ---------------------------------------------------------------- look

    def retranslate_ui(self) -> None:
        tr = self.context.translations
        self.heading.setText(self.tr("Pengaturan teknisi"))
        cfg = self.context.config
        kind = tr.translate_in(tr.language or "id", "SetupScreen", KIND_NAMES[self.context.kind])
        self.device_label.setText(" · ".join(p for p in (kind, cfg.device_name, cfg.location) if p))
        for row, page in enumerate(self.pages):
            self.page_list.item(row).setText(render(page.title, tr))
        page = self.current_page()
        if page is not None:
            self.page_title.setText(render(page.title, tr))
        board = self.context.kind == "display"
        pending = bool(self.context.restart_pending)
        if pending:
            self.restart_hint.setText(self.tr("Disimpan, tetapi alamat server, pendaftaran dan bahasa baru dipakai "
                                              "setelah papan dimulai ulang.") if board else
                                      self.tr("Disimpan, tetapi printer baru dipakai setelah anjungan dimulai ulang."))
        elif board:
            self.restart_hint.setText(self.tr("Loket, suara, volume dan teks berjalan langsung berlaku. Alamat "
                                              "server, pendaftaran dan bahasa dipakai setelah papan dimulai ulang."))
        else:
            self.restart_hint.setText(self.tr("Alamat server, printer dan bahasa dipakai penuh setelah aplikasi "
                                              "dimulai ulang."))
        self.restart_hint.setProperty("textRole", "restartNeeded" if pending else "fieldHelp")
        self.restart_hint.style().polish(self.restart_hint)
        self.back_button.set_texts(self.tr("← Kembali"))
        self.restart_button.set_texts(self.tr("Mulai ulang sekarang") if pending else
                                      self.tr("Mulai ulang papan") if board else self.tr("Mulai ulang aplikasi"))
        self.restart_button.setProperty("variant", "ok" if pending else "")
        self.restart_button.style().polish(self.restart_button)
        if board:
            self.leave_button.set_texts(self.tr("Tutup aplikasi papan"))
            self.leave_question.setText(self.tr("Tutup aplikasi papan? Papan berhenti menampilkan panggilan sampai "
                                                "aplikasi dijalankan lagi dari desktop."))
        else:
            self.leave_button.set_texts(self.tr("Keluar dari mode kiosk"))
            self.leave_question.setText(self.tr("Keluar dari mode kiosk? Perangkat ini berhenti melayani sampai "
                                                "aplikasi dijalankan lagi dari desktop."))
        self.leave_yes_button.set_texts(self.tr("Ya, tutup") if board else self.tr("Ya, keluar"))
        self.leave_no_button.set_texts(self.tr("Batal"))

    def apply_metrics(self, m: Metrics) -> None:
        self.side.setFixedWidth(m.px(460))
        self.side_box.setContentsMargins(m.px(24), m.px(28), m.px(24), m.px(28))
        self.side_box.setSpacing(m.px(14))
        self.main_box.setContentsMargins(m.margin, m.px(28), m.margin, m.px(28))
        self.main_box.setSpacing(m.spacing)
        for button in (self.back_button, self.restart_button, self.leave_button, self.leave_yes_button,
                       self.leave_no_button):
            button.setFixedHeight(m.px(84))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
