"""The counter app's look: sizes for a desk PC window (1280×800 reference, usable from 1024×700)
and the one style sheet built from the colour tokens of ``ui.theme``. Screens carry no style sheets;
they set ``objectName`` and the dynamic properties ``role``, ``textRole``, ``state`` and ``tone``.

Kept here rather than in ``ui/theme.py`` because that file's sizes are for touch screens; the lead
may move it there once the kiosk work settles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ui.theme import COLOURS, FONT_FAMILY, Colours, set_props

REFERENCE = (1280, 800)
# No text is drawn smaller than this, however small the window: staff read it at arm's length.
MIN_TEXT_PX = 12
_FONT_SIZE = re.compile(r"font-size:\s*(\d+)px")


@dataclass(frozen=True)
class DeskMetrics:
    """Sizes for one window size; ``px(v)`` turns a size on the 1280×800 reference into pixels."""

    width: int
    height: int

    @property
    def unit(self) -> float:
        scale = min(self.width / REFERENCE[0], self.height / REFERENCE[1])
        return max(0.8, min(1.6, scale))

    def px(self, value: float) -> int:
        return max(1, round(value * self.unit))

    @property
    def margin(self) -> int:
        return self.px(16)

    @property
    def spacing(self) -> int:
        return self.px(12)

    @property
    def bar_height(self) -> int:
        return self.px(56)

    @property
    def banner_height(self) -> int:
        return self.px(60)


def set_enabled(widget: QWidget, enabled: bool) -> None:
    """Enable or disable a button and keep the ``off`` property its texts are styled by."""
    widget.setEnabled(enabled)
    set_props(widget, off="false" if enabled else "true")


def desk_stylesheet(m: DeskMetrics, c: Colours = COLOURS) -> str:
    """The sheet for the window's size; every ``font-size`` in it, a rule's added later too, is at
    least ``MIN_TEXT_PX`` (scaled down to 1024×768, the 13 and 14 px texts came out at 10 and 11)."""
    return _FONT_SIZE.sub(lambda size: f"font-size: {max(MIN_TEXT_PX, int(size[1]))}px", _sheet(m, c))


def _sheet(m: DeskMetrics, c: Colours) -> str:
    px = m.px
    return f"""
* {{ font-family: "{FONT_FAMILY}"; }}
#CounterWindow, #CounterStack, #CounterStack > QWidget {{ background: {c.background}; }}
QLabel, FitText {{ color: {c.text}; font-size: {px(15)}px; }}
QToolTip {{ font-size: {px(14)}px; }}

/* the band across the top */
#CounterBar {{ background: {c.primary}; border-bottom: {px(4)}px solid {c.accent}; }}
#CounterBar QLabel, #CounterBar FitText {{ color: {c.white}; }}
*[textRole="barTitle"] {{ font-size: {px(20)}px; font-weight: bold; }}
*[textRole="barDetail"] {{ font-size: {px(14)}px; color: #d6e4f5; }}
#CounterBar *[textRole="barDetail"] {{ color: #d6e4f5; }}
QPushButton[role="bar"] {{
    background: transparent; color: {c.white}; border: {px(2)}px solid #8fb0d8; border-radius: {px(8)}px;
    padding: {px(4)}px {px(14)}px; font-size: {px(14)}px; font-weight: bold; min-height: {px(30)}px;
}}
QPushButton[role="bar"]:hover {{ background: {c.primary_dark}; }}
QPushButton[role="bar"]:disabled {{ color: #8fb0d8; }}

/* offline banner (NoticeBanner) */
#OfflineBanner {{ background: {c.warn_bg}; border-bottom: {px(3)}px solid {c.warn_border}; }}
#OfflineBanner *[textRole="bannerMain"] {{ color: {c.warn_text}; font-size: {px(17)}px; font-weight: bold; }}
#OfflineBanner *[textRole="bannerOther"] {{ color: {c.warn_text}; font-size: {px(13)}px; }}

/* screen text */
*[textRole="screenTitle"] {{ color: {c.primary}; font-size: {px(26)}px; font-weight: bold; }}
*[textRole="screenSubtitle"] {{ color: {c.muted}; font-size: {px(15)}px; }}
*[textRole="panelTitle"] {{ color: {c.primary}; font-size: {px(17)}px; font-weight: bold; }}
*[textRole="fieldLabel"] {{ color: {c.muted}; font-size: {px(14)}px; font-weight: bold; }}
*[textRole="hint"] {{ color: {c.muted}; font-size: {px(14)}px; }}
*[textRole="fieldError"] {{ color: {c.error}; font-size: {px(14)}px; font-weight: bold; }}
*[textRole="loketTitle"] {{ color: {c.primary}; font-size: {px(28)}px; font-weight: bold; }}

/* panels */
QFrame[role="panel"] {{
    background: {c.card}; border: 1px solid {c.border}; border-radius: {px(12)}px;
}}
QFrame[role="panel"] QLabel {{ background: transparent; }}

/* inputs and plain buttons */
QLineEdit {{
    background: {c.white}; color: {c.text}; border: {px(2)}px solid {c.border}; border-radius: {px(8)}px;
    padding: {px(6)}px {px(10)}px; font-size: {px(18)}px; min-height: {px(28)}px;
}}
QLineEdit:focus {{ border-color: {c.primary}; }}
QLineEdit:disabled {{ background: {c.closed_bg}; color: {c.closed_text}; }}
QPushButton[role="primary"], QPushButton[role="secondary"] {{
    border-radius: {px(8)}px; padding: {px(6)}px {px(20)}px; font-size: {px(17)}px; font-weight: bold;
    min-height: {px(34)}px;
}}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.white}; border: none; }}
QPushButton[role="primary"]:hover {{ background: {c.accent_dark}; }}
QPushButton[role="primary"]:focus {{ border: {px(3)}px solid {c.primary}; }}
QPushButton[role="secondary"] {{ background: {c.card}; color: {c.primary}; border: {px(2)}px solid {c.primary}; }}
QPushButton[role="secondary"]:hover {{ background: {c.primary_soft}; }}
QPushButton[role="primary"]:disabled, QPushButton[role="secondary"]:disabled {{
    background: {c.closed_bg}; color: #98a3ae; border: none;
}}
QCheckBox {{ color: {c.text}; font-size: {px(16)}px; spacing: {px(10)}px; padding: {px(4)}px 0; }}
QCheckBox::indicator {{ width: {px(20)}px; height: {px(20)}px; }}
QCheckBox:disabled {{ color: {c.closed_text}; }}
QListWidget {{
    background: {c.white}; border: {px(2)}px solid {c.border}; border-radius: {px(8)}px;
    font-size: {px(16)}px; color: {c.text}; outline: none;
}}
QListWidget::item {{ padding: {px(6)}px {px(10)}px; border-bottom: 1px solid {c.primary_soft}; }}
QListWidget::item:selected {{ background: {c.primary}; color: {c.white}; }}
QScrollArea {{ background: transparent; border: none; }}

/* big buttons (TouchButton): a title and the shortcut beneath */
TouchButton {{
    background: {c.card}; border: {px(2)}px solid {c.border}; border-radius: {px(10)}px;
    min-height: {px(56)}px;
}}
TouchButton:hover {{ border-color: {c.primary}; }}
TouchButton:pressed {{ background: {c.primary_soft}; border-color: {c.primary}; }}
TouchButton:focus {{ border-color: {c.primary}; }}
TouchButton FitText {{ color: {c.text}; }}
TouchButton FitText[textRole="buttonTitle"] {{ font-size: {px(18)}px; font-weight: bold; }}
TouchButton FitText[textRole="buttonDetail"] {{ font-size: {px(13)}px; color: {c.muted}; }}
TouchButton FitText[textRole="buttonNote"] {{ font-size: {px(13)}px; font-weight: bold; color: {c.accent_dark}; }}
TouchButton[role="hero"] {{ background: {c.accent}; border: none; border-radius: {px(12)}px; min-height: {px(72)}px; }}
TouchButton[role="hero"]:hover {{ background: {c.accent_dark}; }}
TouchButton[role="hero"]:focus {{ border: {px(3)}px solid {c.primary_dark}; }}
TouchButton[role="hero"] FitText {{ color: {c.white}; }}
TouchButton[role="hero"] FitText[textRole="buttonTitle"] {{ font-size: {px(26)}px; }}
TouchButton[role="hero"] FitText[textRole="buttonDetail"] {{ font-size: {px(14)}px; color: #d9f0ec; }}
TouchButton[variant="warn"] FitText[textRole="buttonTitle"] {{ color: {c.error}; }}
TouchButton[variant="pause"][state="paused"] {{ background: {c.warn_bg}; border-color: {c.warn_border}; }}
TouchButton[variant="pause"][state="paused"] FitText[textRole="buttonTitle"] {{ color: {c.warn_text}; }}
TouchButton[role="loket"] {{ min-height: {px(76)}px; }}
#LoketGrid {{ background: transparent; }}
TouchButton[role="loket"]:checked {{ background: {c.primary_soft}; border: {px(3)}px solid {c.primary}; }}
TouchButton[role="loket"][state="taken"] {{ background: {c.closed_bg}; border-style: dashed; }}
TouchButton[role="loket"][state="mine"] FitText[textRole="buttonNote"] {{ color: {c.ok}; }}
TouchButton[role="loket"][state="taken"] FitText[textRole="buttonNote"] {{ color: {c.warn_text}; }}
TouchButton[role="reason"] {{ min-height: {px(52)}px; }}
TouchButton:disabled {{ background: {c.closed_bg}; border-color: {c.closed_bg}; }}
/* Qt ignores pseudo-states of ancestors ("TouchButton:disabled FitText" would match every button),
   so a disabled button's texts follow the property off="true" that set_enabled() keeps. */
TouchButton[off="true"] FitText[textRole="buttonTitle"], TouchButton[off="true"] FitText[textRole="buttonDetail"],
TouchButton[off="true"] FitText[textRole="buttonNote"] {{ color: #98a3ae; }}
TouchButton[off="true"][state="paused"] FitText[textRole="buttonTitle"] {{ color: #98a3ae; }}

/* the ticket in hand */
*[textRole="ticketCode"] {{ color: {c.primary}; font-size: {px(92)}px; font-weight: bold; }}
*[textRole="ticketCode"][state="empty"] {{ color: {c.muted}; font-size: {px(24)}px; font-weight: normal; }}
*[textRole="ticketService"] {{ color: {c.text}; font-size: {px(20)}px; font-weight: bold; }}
*[textRole="ticketDetail"] {{ color: {c.muted}; font-size: {px(15)}px; }}
QLabel[role="chip"] {{
    border-radius: {px(6)}px; padding: {px(3)}px {px(10)}px; font-size: {px(14)}px; font-weight: bold;
    background: {c.closed_bg}; color: {c.closed_text};
}}
QLabel[role="chip"][state="open"], QLabel[role="chip"][state="serving"] {{ background: {c.ok_bg}; color: {c.ok}; }}
QLabel[role="chip"][state="called"] {{ background: {c.primary_soft}; color: {c.primary}; }}
QLabel[role="chip"][state="paused"] {{ background: {c.warn_bg}; color: {c.warn_text}; }}
QLabel[role="chip"][state="priority"] {{ background: {c.warn_bg}; color: {c.warn_text}; }}
QFrame[role="panel"] QLabel[role="note"] {{
    background: {c.warn_bg}; color: {c.warn_text}; border-left: {px(4)}px solid {c.warn_border};
    border-radius: {px(4)}px; padding: {px(4)}px {px(10)}px; font-size: {px(16)}px; font-weight: bold;
}}
QListWidget#TransferList::item:disabled {{ color: {c.primary}; font-weight: bold; background: {c.primary_soft}; }}

/* a result or an error with a way on */
#Notice {{ border-radius: {px(8)}px; border: {px(2)}px solid {c.border}; background: {c.card}; }}
#Notice[tone="error"] {{ background: {c.error_bg}; border-color: {c.error}; }}
#Notice[tone="warning"] {{ background: {c.warn_bg}; border-color: {c.warn_border}; }}
#Notice[tone="ok"] {{ background: {c.ok_bg}; border-color: {c.ok}; }}
#Notice[tone="info"] {{ background: {c.primary_soft}; border-color: {c.primary}; }}
*[textRole="noticeMain"] {{ font-size: {px(16)}px; font-weight: bold; color: {c.text}; }}
#Notice[tone="error"] *[textRole="noticeMain"] {{ color: {c.error}; }}
#Notice[tone="warning"] *[textRole="noticeMain"] {{ color: {c.warn_text}; }}
#Notice[tone="ok"] *[textRole="noticeMain"] {{ color: {c.ok}; }}
*[textRole="noticeOther"] {{ font-size: {px(13)}px; color: {c.muted}; font-style: italic; }}

/* the waiting list */
*[textRole="queueService"] {{ font-size: {px(15)}px; color: {c.text}; }}
*[textRole="queueService"][state="inactive"] {{ color: {c.closed_text}; }}
*[textRole="queueCount"] {{ font-size: {px(20)}px; font-weight: bold; color: {c.primary}; }}
*[textRole="queueCount"][state="inactive"] {{ color: {c.closed_text}; }}
*[textRole="nextCode"] {{ font-size: {px(18)}px; font-weight: bold; color: {c.text}; }}
*[textRole="nextCode"][state="priority"] {{ color: {c.warn_text}; }}
*[textRole="nextDetail"] {{ font-size: {px(14)}px; color: {c.muted}; }}
*[textRole="nextDetail"][state="priority"] {{ color: {c.warn_text}; font-weight: bold; }}
*[textRole="statValue"] {{ font-size: {px(26)}px; font-weight: bold; color: {c.primary}; }}
*[textRole="statLabel"] {{ font-size: {px(13)}px; color: {c.muted}; }}
QFrame[role="stat"] {{ background: {c.background}; border-radius: {px(8)}px; }}
"""
