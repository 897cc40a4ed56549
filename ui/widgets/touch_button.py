"""A big touch button whose texts wrap and fit: a title, an optional detail line and an optional note
(e.g. "12 menunggu · ± 30 menit" or a closed service's reason). The whole surface is the target."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.widgets.fit_text import FitText

_ALIGN = Qt.AlignmentFlag


class TouchButton(QPushButton):
    def __init__(self, title: str = "", detail: str = "", note: str = "", parent: QWidget | None = None, *,
                 role: str = "tile", centred: bool = False) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a touch screen: no focus frames, Enter is the scanner's
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        align = (_ALIGN.AlignHCenter if centred else _ALIGN.AlignLeft) | _ALIGN.AlignVCenter
        self.title = FitText(title, self, role="buttonTitle", align=align)
        self.detail = FitText(detail, self, role="buttonDetail", align=align)
        self.note = FitText(note, self, role="buttonNote", align=align)
        # No stretch factors: each text gets the height it needs (height-for-width); when the button
        # is short, each gives up some and sets itself smaller.
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addWidget(self.note)
        self._sync_visibility()

    def set_texts(self, title: str, detail: str = "", note: str = "") -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.note.setText(note)
        self._sync_visibility()

    def text_parts(self) -> tuple[str, str, str]:
        return self.title.text(), self.detail.text(), self.note.text()

    def all_text(self) -> str:
        return " ".join(t for t in self.text_parts() if t)

    def _sync_visibility(self) -> None:
        self.detail.setVisible(bool(self.detail.text()))
        self.note.setVisible(bool(self.note.text()))

    def resizeEvent(self, event) -> None:
        # Padding grows with the button so texts never touch its rounded border.
        size = event.size()
        pad_v = max(4, min(size.height() // 10, 24))
        pad_h = max(8, min(size.width() // 14, 32))
        self.layout().setContentsMargins(pad_h, pad_v, pad_h, pad_v)
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        # The width does not follow the text (it wraps and fits), so long translations never
        # take room from the buttons beside this one.
        height = self.layout().sizeHint().height()
        return QSize(self.fontMetrics().averageCharWidth() * 14, height).expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 6, self.minimumHeight())
