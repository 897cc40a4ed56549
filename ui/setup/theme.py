"""The technician screens' look: the kiosk's style sheet (keypad, touch buttons, texts) plus forms —
fields, lists, the page list and the reason shown beside a refused value."""

from __future__ import annotations

from pathlib import Path

from ui.theme import COLOURS, Colours, Metrics, stylesheet

CHEVRON = (Path(__file__).resolve().parent / "chevron-down.svg").as_posix()


def setup_stylesheet(m: Metrics, c: Colours = COLOURS) -> str:
    px = m.px
    return stylesheet(m, c) + f"""
#TechnicianWindow, #TechnicianStack, #TechnicianStack > QWidget, #SetupPages > QWidget {{ background: {c.background}; }}
#SetupSide {{ background: {c.primary}; }}
#SetupSide QLabel {{ color: {c.white}; }}
#SetupPageList {{
    background: transparent; border: none; color: {c.white}; font-size: {px(27)}px; outline: 0;
}}
#SetupPageList::item {{ min-height: {m.touch_min}px; padding: 0 {px(18)}px; border-radius: {px(12)}px; }}
#SetupPageList::item:selected {{ background: {c.white}; color: {c.primary}; font-weight: bold; }}
*[textRole="setupHeading"] {{ color: {c.white}; font-size: {px(30)}px; font-weight: bold; }}
*[textRole="pageTitle"] {{ color: {c.primary}; font-size: {px(42)}px; font-weight: bold; }}
*[textRole="fieldLabel"] {{ color: {c.text}; font-size: {px(26)}px; font-weight: bold; }}
*[textRole="fieldHelp"] {{ color: {c.muted}; font-size: {px(22)}px; }}
*[textRole="fieldError"] {{ color: {c.error}; font-size: {px(22)}px; font-weight: bold; }}
*[textRole="fieldOk"] {{ color: {c.ok}; font-size: {px(22)}px; font-weight: bold; }}
*[textRole="pinMessage"] {{ color: {c.text}; font-size: {px(30)}px; }}
*[textRole="pinMessage"][state="error"] {{ color: {c.error}; font-weight: bold; }}
QLineEdit, QComboBox {{
    background: {c.card}; color: {c.text}; border: {px(3)}px solid {c.border}; border-radius: {px(12)}px;
    font-size: {px(26)}px; min-height: {m.touch_min}px; padding: 0 {px(14)}px;
}}
QLineEdit:focus, QComboBox:focus {{ border-color: {c.primary}; }}
QLineEdit[state="error"] {{ border-color: {c.error}; background: {c.error_bg}; }}
QComboBox QAbstractItemView {{ font-size: {px(26)}px; background: {c.card}; color: {c.text}; }}
QListWidget#AgencyList {{
    background: {c.card}; color: {c.text}; border: {px(3)}px solid {c.border}; border-radius: {px(12)}px;
    font-size: {px(24)}px;
}}
QListWidget#AgencyList::item {{ padding: {px(8)}px {px(6)}px; border-bottom: 1px solid {c.primary_soft}; }}
QListWidget#AgencyList::indicator {{ width: {px(32)}px; height: {px(32)}px; }}
TouchButton[role="form"] {{ min-height: {m.touch_min}px; border-color: {c.primary}; }}
TouchButton[role="form"] FitText {{ color: {c.primary}; }}
TouchButton[role="form"] FitText[textRole="buttonTitle"] {{ font-size: {px(26)}px; }}
TouchButton[role="form"][variant="ok"] {{ background: {c.accent}; border: none; }}
TouchButton[role="form"][variant="ok"] FitText {{ color: {c.white}; }}
TouchButton[role="side"] {{ min-height: {m.touch_min}px; background: {c.primary_dark}; border-color: #8fb0d8; }}
TouchButton[role="side"] FitText {{ color: {c.white}; }}
TouchButton[role="side"] FitText[textRole="buttonTitle"] {{ font-size: {px(24)}px; }}
TouchButton[role="side"][variant="danger"] {{ background: {c.error}; border: none; }}
TouchButton[role="side"][variant="ok"] {{ background: {c.accent}; border: none; }}
#SetupSide QLabel[textRole="restartNeeded"] {{
    background: {c.warn_bg}; color: {c.warn_text}; border-left: {px(6)}px solid {c.warn_border};
    font-size: {px(22)}px; font-weight: bold; padding: {px(10)}px;
}}
TouchButton[role="side"]:pressed {{ background: {c.primary_soft}; }}
QPushButton[role="key"]:disabled {{ background: {c.closed_bg}; color: #98a3ae; border-color: {c.closed_bg}; }}
QComboBox::drop-down {{ width: {px(56)}px; border: none; border-left: {px(2)}px solid {c.border}; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: {px(26)}px; height: {px(26)}px; }}
TouchButton[role] FitText:disabled {{ color: #98a3ae; }}
QSlider::groove:horizontal {{ height: {px(14)}px; background: {c.border}; border-radius: {px(7)}px; }}
QSlider::sub-page:horizontal {{ background: {c.accent}; border-radius: {px(7)}px; }}
QSlider::handle:horizontal {{
    background: {c.white}; border: {px(4)}px solid {c.accent}; width: {px(52)}px;
    margin: -{px(22)}px 0; border-radius: {px(30)}px;
}}
QSlider::handle:horizontal:disabled {{ border-color: {c.closed_text}; }}
QSlider::sub-page:horizontal:disabled {{ background: {c.closed_text}; }}
QPlainTextEdit {{ background: {c.card}; color: {c.text}; border: {px(2)}px solid {c.border}; font-size: {px(20)}px; }}
"""
