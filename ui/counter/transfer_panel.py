"""Send the ticket in hand to another service, in two steps the keyboard alone can take.

First the service: every active service but the ticket's own, grouped under its agency, with how
many wait; typing filters by service, agency or prefix (case and accents ignored), the arrows move,
Enter goes on, Esc goes back. Then where: any loket of that service (the default), or one loket
open for it now, which alone will call the ticket; and a note the officer there reads when they
call it. Enter sends, Esc returns to the services."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.models import Counter, CounterState
from ui.counter.style import DeskMetrics
from ui.widgets.plain_label import PlainLabel

# The server keeps at most this many characters of a note (server/api/schemas.py).
NOTE_MAX = 200
SERVICE_STEP, LOKET_STEP = "service", "loket"
# The first row of the loket list: no loket named, the first loket of the service that calls takes it.
ANY_LOKET = 0
_KIND = Qt.ItemDataRole.UserRole + 1   # "agency" for a heading row, "service" for a choice
_ID = Qt.ItemDataRole.UserRole
_MOVES = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


@dataclass(frozen=True)
class TransferTarget:
    service_id: str
    name: str
    agency: str          # the agency's short name, its heading in the list
    waiting: int
    prefix: str = ""
    agency_name: str = ""
    name_en: str = ""
    agency_name_en: str = ""

    def matches(self, search: str) -> bool:
        """Whether the officer's typing names this service: its name or its agency's names, in
        either language, or its prefix, with case and accents ignored."""
        wanted = folded(search)
        return not wanted or any(wanted in folded(text) for text in (
            self.name, self.name_en, self.agency, self.agency_name, self.agency_name_en, self.prefix))


@dataclass(frozen=True)
class Sending:
    """The officer's choice: the service, the loket named (None: any loket), the note."""

    service_id: str
    loket_id: int | None
    note: str


def folded(text: str) -> str:
    """``text`` without case or accents, for a search as the officer types it ("pénduduk" finds "Penduduk")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def plain_note(text: str) -> str:
    """The note as the server takes it: one line, no control characters, at most 200 characters."""
    one_line = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    return " ".join(one_line.split())[:NOTE_MAX]


class TransferPanel(QFrame):
    target_chosen = Signal(object)  # Sending
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TransferPanel")
        self.setProperty("role", "panel")
        self._targets: list[TransferTarget] = []
        self._lokets: list[Counter] = []
        self._own_loket: int | None = None
        self._code = ""
        self._chosen_service: TransferTarget | None = None
        self.title = PlainLabel(self)
        self.title.setProperty("textRole", "panelTitle")
        self.title.setWordWrap(True)
        self.hint = PlainLabel(self)
        self.hint.setProperty("textRole", "hint")
        self.hint.setWordWrap(True)
        self.steps = QStackedWidget(self)

        # step 1: the service
        self.service_step = QWidget(self.steps)
        self.search = QLineEdit(self.service_step)
        self.search.setObjectName("TransferSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_confirm_clicked)
        self.search.installEventFilter(self)
        self.list = QListWidget(self.service_step)
        self.list.setObjectName("TransferList")
        self.list.setWordWrap(True)  # long service names wrap instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows are measured again when the width changes (e.g. the scroll bar appears), so a long
        # name wraps rather than being cut off with "…".
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._on_list_item_activated)
        # The selection settles after the current row changes: follow both.
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        self.list.installEventFilter(self)
        self.empty = PlainLabel(self.service_step)
        self.empty.setObjectName("TransferEmpty")
        self.empty.setProperty("textRole", "hint")
        self.empty.setWordWrap(True)
        service_box = QVBoxLayout(self.service_step)
        service_box.setContentsMargins(0, 0, 0, 0)
        service_box.addWidget(self.search)
        service_box.addWidget(self.empty)
        service_box.addWidget(self.list, 1)
        self.service_box = service_box

        # step 2: which loket, and the note
        self.loket_step = QWidget(self.steps)
        self.lokets = QListWidget(self.loket_step)
        self.lokets.setObjectName("TransferLokets")
        self.lokets.setWordWrap(True)
        self.lokets.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lokets.itemActivated.connect(self._on_confirm_clicked)
        self.lokets.currentRowChanged.connect(self._on_list_current_row_changed)
        self.lokets.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        self.lokets.installEventFilter(self)
        self.note_label = PlainLabel(self.loket_step)
        self.note_label.setProperty("textRole", "hint")
        self.note = QLineEdit(self.loket_step)
        self.note.setObjectName("TransferNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.returnPressed.connect(self._on_confirm_clicked)
        self.note.installEventFilter(self)
        loket_box = QVBoxLayout(self.loket_step)
        loket_box.setContentsMargins(0, 0, 0, 0)
        loket_box.addWidget(self.lokets, 1)
        loket_box.addWidget(self.note_label)
        loket_box.addWidget(self.note)
        self.loket_box = loket_box
        self.steps.addWidget(self.service_step)
        self.steps.addWidget(self.loket_step)

        self.confirm = QPushButton(self)
        self.confirm.setObjectName("TransferConfirm")
        self.confirm.setProperty("role", "primary")
        self.confirm.clicked.connect(self._on_confirm_clicked)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("TransferCancel")
        self.cancel.setProperty("role", "secondary")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                                context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self._on_cancel_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.title)
        self.box.addWidget(self.steps, 1)
        self.box.addLayout(buttons)
        self.retranslate_ui()

    # -- the desk's side ---------------------------------------------------------------------------

    def open_for(self, code: str, targets: list[TransferTarget]) -> None:
        """Start at the services, the search empty and nothing chosen."""
        self._code = code
        self._targets = list(targets)
        self._chosen_service = None
        self.note.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.steps.setCurrentWidget(self.service_step)
        self._fill_services(keep=None)
        self.search.setFocus()
        self.retranslate_ui()

    def update_targets(self, targets: list[TransferTarget]) -> None:
        """Fresh waiting counts while the panel is open: the search and the choice stay."""
        self._targets = list(targets)
        if self.step() == SERVICE_STEP:
            self._fill_services(keep=self.chosen_service())

    def set_lokets(self, lokets: Sequence[Counter], own_loket: int | None) -> None:
        """The lokets as last read; while the loket step is shown, its list follows (the choice stays)."""
        self._lokets = list(lokets)
        self._own_loket = own_loket
        if self.step() == LOKET_STEP and self._chosen_service is not None:
            self._fill_lokets(keep=self.chosen_loket())

    def targets(self) -> list[TransferTarget]:
        return list(self._targets)

    def step(self) -> str:
        return SERVICE_STEP if self.steps.currentWidget() is self.service_step else LOKET_STEP

    def select(self, service_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_KIND) == "service" and item.data(_ID) == service_id and not item.isHidden():
                self.list.setCurrentRow(row)
                return
        raise KeyError(service_id)

    def select_loket(self, loket_id: int | None) -> None:
        wanted = ANY_LOKET if loket_id is None else loket_id
        for row in range(self.lokets.count()):
            if self.lokets.item(row).data(_ID) == wanted:
                self.lokets.setCurrentRow(row)
                return
        raise KeyError(loket_id)

    def visible_rows(self) -> list[str]:
        """The rows the officer sees now, headings and services, as shown."""
        return [self.list.item(r).text() for r in range(self.list.count()) if not self.list.item(r).isHidden()]

    def loket_rows(self) -> list[str]:
        return [self.lokets.item(r).text() for r in range(self.lokets.count())]

    def chosen_service(self) -> str | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected() or item.isHidden() or item.data(_KIND) != "service":
            return None
        return str(item.data(_ID))

    def chosen_loket(self) -> int | None:
        """The loket chosen; None for any loket (or for none chosen: see ``loket_chosen``)."""
        item = self.lokets.currentItem()
        value = item.data(_ID) if self.loket_chosen() and item is not None else ANY_LOKET
        return None if value == ANY_LOKET else int(value)

    def loket_chosen(self) -> bool:
        item = self.lokets.currentItem()
        return item is not None and item.isSelected() and item.data(_ID) is not None

    # -- drawing -----------------------------------------------------------------------------------

    def _fill_services(self, keep: str | None) -> None:
        """Agency headings (not selectable) with their services beneath, in the catalog's order."""
        self.list.blockSignals(True)
        self.list.clear()
        heading: str | None = None
        for target in self._targets:
            if target.agency != heading:
                heading = target.agency
                head = QListWidgetItem(target.agency_name or target.agency, self.list)
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setData(_KIND, "agency")
                head.setData(_ID, target.agency)
                font = head.font()
                font.setBold(True)
                head.setFont(font)
            item = QListWidgetItem(self.list)
            item.setData(_KIND, "service")
            item.setData(_ID, target.service_id)
        self.list.blockSignals(False)
        self._label_services()
        self._filter(keep)

    def _label_services(self) -> None:
        by_id = {t.service_id: t for t in self._targets}
        for row in range(self.list.count()):
            item = self.list.item(row)
            target = by_id.get(item.data(_ID)) if item.data(_KIND) == "service" else None
            if target is not None:
                prefix = f"{target.prefix} · " if target.prefix else ""
                item.setText("    " + prefix + self.tr("{service} · {n} menunggu").format(
                    service=target.name, n=target.waiting))

    def _filter(self, keep: str | None) -> None:
        """Show what the search names: a service that matches, under its agency's heading; an
        agency's name that matches shows all its services. The choice stays if still shown, else
        the first match is chosen while the officer types."""
        search = self.search.text()
        shown_agencies: set[str] = set()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_KIND) != "service":
                continue
            target = next(t for t in self._targets if t.service_id == item.data(_ID))
            hidden = not target.matches(search)
            item.setHidden(hidden)
            if not hidden:
                shown_agencies.add(target.agency)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_KIND) == "agency":
                item.setHidden(item.data(_ID) not in shown_agencies)
        if keep is not None and any(t.service_id == keep and t.matches(search) for t in self._targets):
            self.select(keep)
        elif folded(search):
            first = next((r for r in range(self.list.count()) if self.list.item(r).data(_KIND) == "service"
                          and not self.list.item(r).isHidden()), -1)
            self.list.setCurrentRow(first)
        else:
            self.list.setCurrentRow(-1)
        self.empty.setVisible(not shown_agencies)
        self._sync()

    def _fill_lokets(self, keep: int | None) -> None:
        """Any loket first; then each loket open (or on a pause) for the service, by number."""
        service = self._chosen_service
        self.lokets.clear()
        anyone = QListWidgetItem(self.tr("Loket mana saja — dipanggil loket {service} yang pertama memanggil").format(
            service=service.name if service else ""), self.lokets)
        anyone.setData(_ID, ANY_LOKET)
        open_here = [c for c in sorted(self._lokets, key=lambda c: c.id)
                     if service is not None and c.state is not CounterState.CLOSED
                     and service.service_id in c.active_service_ids]
        for loket in open_here:
            state = self.tr("buka") if loket.state is CounterState.OPEN else self.tr("istirahat")
            text = self.tr("{loket} · {state} · hanya loket ini yang memanggil").format(loket=loket.name, state=state)
            if loket.id == self._own_loket:
                text = self.tr("{loket} (loket Anda) · {state} · hanya loket ini yang memanggil").format(
                    loket=loket.name, state=state)
            item = QListWidgetItem(text, self.lokets)
            item.setData(_ID, loket.id)
        if not open_here:
            none = QListWidgetItem(self.tr("Belum ada loket lain yang buka untuk layanan ini."), self.lokets)
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            none.setData(_ID, None)
        try:
            self.select_loket(keep)
        except KeyError:
            # The loket chosen has closed meanwhile: nothing is chosen in its place (not even "any
            # loket"), so Enter cannot send the citizen somewhere the officer did not pick.
            self.lokets.setCurrentRow(-1)

    def _sync(self) -> None:
        if self.step() == SERVICE_STEP:
            self.confirm.setEnabled(self.chosen_service() is not None)
        else:
            self.confirm.setEnabled(self.loket_chosen())

    def retranslate_ui(self) -> None:
        service = self._chosen_service
        if self.step() == LOKET_STEP and service is not None:
            self.title.setText(self.tr("Alihkan {code} ke {service}: ke loket mana?").format(
                code=self._code, service=service.name))
            self.hint.setText(self.tr("Panah memilih loket, Enter mengalihkan. Esc kembali ke layanan."))
            self.confirm.setText(self.tr("Alihkan"))
            self.cancel.setText(self.tr("Kembali (Esc)"))
            self._fill_lokets(keep=self.chosen_loket())
        else:
            self.title.setText(self.tr("Alihkan {code} ke layanan lain").format(code=self._code) if self._code
                               else self.tr("Alihkan ke layanan lain"))
            self.hint.setText(self.tr("Ketik untuk mencari, panah memilih, Enter lanjut. Esc untuk batal."))
            self.confirm.setText(self.tr("Lanjut"))
            self.cancel.setText(self.tr("Batal (Esc)"))
            self._label_services()
        self.search.setPlaceholderText(self.tr("Cari layanan, instansi, atau kode (mis. B)…"))
        self.note_label.setText(self.tr("Catatan untuk petugas penerima (tidak wajib, maks. 200 huruf):"))
        self.note.setPlaceholderText(self.tr("mis. berkas sudah dicek, tinggal tanda tangan"))
        self.empty.setText(self.tr("Tidak ada layanan yang cocok dengan \u201c{search}\u201d. Hapus atau ubah "
                                   "pencarian.").format(search=self.search.text().strip()) if self._targets
                           else self.tr("Tidak ada layanan lain yang aktif untuk dialihkan."))
        self._sync()

    # -- events ------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The arrows move through the list while the search (or the note) keeps the typing."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in _MOVES:
            if watched is self.search:
                self._move(event.key())
                return True
            if watched is self.note:
                self.lokets.setFocus()
                self.lokets.keyPressEvent(event)
                return True
        typed_into = {self.list: self.search, self.lokets: self.note}.get(watched)  # type: ignore[call-overload]
        if (typed_into is not None and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.text() and event.text().isprintable()
                and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            # A letter typed while a list has the keyboard goes to the search (or the note), not to
            # the list's own type-ahead.
            typed_into.setFocus()
            typed_into.insert(event.text())
            return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        rows = [r for r in range(self.list.count()) if self.list.item(r).data(_KIND) == "service"
                and not self.list.item(r).isHidden()]
        if not rows:
            return
        current = self.list.currentRow() if self.chosen_service() is not None else -1
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}[
            Qt.Key(key)]
        if current not in rows:
            target = rows[0] if step > 0 else rows[-1]
        else:
            target = rows[max(0, min(len(rows) - 1, rows.index(current) + step))]
        self.list.setCurrentRow(target)
        self.list.scrollToItem(self.list.item(target))

    def _on_search_text_changed(self, _text: str) -> None:
        self._filter(keep=self.chosen_service())
        self.retranslate_ui()

    def _on_list_current_row_changed(self, _row: int) -> None:
        self._sync()

    def _on_list_item_selection_changed(self) -> None:
        self._sync()

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        if item.data(_KIND) == "service":
            self.list.setCurrentItem(item)
            self._on_confirm_clicked()

    def _on_confirm_clicked(self) -> None:
        if self.step() == SERVICE_STEP:
            chosen = self.chosen_service()
            self._chosen_service = next((t for t in self._targets if t.service_id == chosen), None)
            if self._chosen_service is None:
                return
            self.steps.setCurrentWidget(self.loket_step)
            self.note.clear()
            self._fill_lokets(keep=None)
            self.retranslate_ui()
            self.lokets.setFocus()
            return
        service = self._chosen_service
        if service is not None and self.loket_chosen():
            self.target_chosen.emit(Sending(service.service_id, self.chosen_loket(), plain_note(self.note.text())))

    def _on_cancel_clicked(self) -> None:
        if self.step() == LOKET_STEP:
            self.steps.setCurrentWidget(self.service_step)
            self.retranslate_ui()
            self.search.setFocus()
            return
        self.cancelled.emit()

    def apply_metrics(self, m: DeskMetrics) -> None:
        self.box.setContentsMargins(m.px(16), m.px(12), m.px(16), m.px(12))
        self.box.setSpacing(m.px(8))
        self.service_box.setSpacing(m.px(6))
        self.loket_box.setSpacing(m.px(6))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
