"""The look of every Anjungan screen: colour and size tokens, and the one style sheet built from them.

Sizes are given for a screen whose short side is 1080 px and scale with the window, so one design
works from 1024×768 to 1920×1080, landscape or portrait. Widgets are styled by ``objectName`` and by
the dynamic properties ``role``, ``textRole`` and ``state``; screens never carry style sheets.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

FONT_FAMILY = "DejaVu Sans"  # in fonts-dejavu-core, wide and clear; Qt falls back to any sans


@dataclass(frozen=True)
class Colours:
    primary: str = "#0b3c7d"        # deep government blue: header, titles
    primary_dark: str = "#072a58"
    primary_soft: str = "#dce8f7"
    accent: str = "#00796b"         # teal: the action to take
    accent_dark: str = "#005b50"
    background: str = "#eef3f9"
    card: str = "#ffffff"
    border: str = "#b9c9dc"
    text: str = "#0f1f33"
    muted: str = "#46566b"
    closed_bg: str = "#e4e8ed"
    closed_text: str = "#5c6773"
    warn_bg: str = "#fff3dc"
    warn_border: str = "#b45309"
    warn_text: str = "#7a3a00"
    error: str = "#b3261e"
    error_bg: str = "#fdecea"
    ok: str = "#1b7f3b"
    ok_bg: str = "#e5f4ea"
    white: str = "#ffffff"


COLOURS = Colours()
REFERENCE_SHORT_SIDE = 1080
TOUCH_MIN = 72  # px on the reference screen: the smallest thing a finger must hit


@dataclass(frozen=True)
class Metrics:
    """Sizes for one window size; ``px(v)`` turns a reference size into this window's pixels."""

    width: int
    height: int

    @property
    def unit(self) -> float:
        return max(0.5, min(self.width, self.height) / REFERENCE_SHORT_SIDE)

    @property
    def landscape(self) -> bool:
        return self.width >= self.height

    def px(self, value: float) -> int:
        return max(1, round(value * self.unit))

    @property
    def touch_min(self) -> int:
        return self.px(TOUCH_MIN)

    @property
    def margin(self) -> int:
        return self.px(36)

    @property
    def spacing(self) -> int:
        return self.px(20)

    @property
    def button_height(self) -> int:
        return self.px(104)

    @property
    def tile_min_height(self) -> int:
        return self.px(150)

    @property
    def tile_min_width(self) -> int:
        return self.px(400)

    @property
    def key_height(self) -> int:
        return self.px(92)


def metrics_for(widget: QWidget) -> Metrics:
    """The metrics of the window ``widget`` lives in."""
    window = widget.window()
    return Metrics(max(1, window.width()), max(1, window.height()))


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed, to the widget and its children."""
    for w in [widget, *widget.findChildren(QWidget)]:
        w.style().unpolish(w)
        w.style().polish(w)
    widget.update()


def set_props(widget: QWidget, **props: object) -> None:
    changed = False
    for name, value in props.items():
        if widget.property(name) != value:
            widget.setProperty(name, value)
            changed = True
    if changed:
        repolish(widget)


def stylesheet(m: Metrics, c: Colours = COLOURS) -> str:
    """The whole kiosk's style sheet for a window of this size."""
    px = m.px
    return f"""
* {{ font-family: "{FONT_FAMILY}"; }}
#KioskWindow, #KioskStack, QStackedWidget > QWidget {{ background: {c.background}; }}
QLabel {{ color: {c.text}; font-size: {px(30)}px; }}
FitText {{ color: {c.text}; font-size: {px(30)}px; }}

/* header */
#Header {{ background: {c.primary}; border-bottom: {px(6)}px solid {c.accent}; }}
#Header QLabel, #Header FitText {{ color: {c.white}; }}
*[textRole="siteName"] {{ font-size: {px(34)}px; font-weight: bold; }}
*[textRole="siteTagline"] {{ font-size: {px(23)}px; color: #d6e4f5; }}
*[textRole="clockTime"] {{ font-size: {px(46)}px; font-weight: bold; }}
*[textRole="clockDate"] {{ font-size: {px(23)}px; color: #d6e4f5; }}
QPushButton[role="lang"] {{
    background: transparent; color: {c.white}; border: {px(3)}px solid #8fb0d8;
    border-radius: {px(14)}px; padding: 0 {px(18)}px; font-size: {px(24)}px; font-weight: bold;
    min-height: {m.touch_min}px;
}}
QPushButton[role="lang"][current="true"] {{ background: {c.white}; color: {c.primary}; border-color: {c.white}; }}

/* offline banner */
#OfflineBanner {{ background: {c.warn_bg}; border-bottom: {px(5)}px solid {c.warn_border}; }}
#OfflineBanner *[textRole="bannerMain"] {{ color: {c.warn_text}; font-size: {px(28)}px; font-weight: bold; }}
#OfflineBanner *[textRole="bannerOther"] {{ color: {c.warn_text}; font-size: {px(21)}px; }}

/* screen text */
*[textRole="screenTitle"] {{ color: {c.primary}; font-size: {px(50)}px; font-weight: bold; }}
*[textRole="screenSubtitle"] {{ color: {c.muted}; font-size: {px(29)}px; }}
*[textRole="hint"] {{ color: {c.muted}; font-size: {px(26)}px; }}
*[textRole="welcome"] {{ color: {c.primary}; font-size: {px(60)}px; font-weight: bold; }}
*[textRole="pageInfo"] {{ color: {c.muted}; font-size: {px(26)}px; }}

/* touch buttons: the whole surface is the target, texts are FitText children */
TouchButton {{
    background: {c.card}; border: {px(3)}px solid {c.border}; border-radius: {px(22)}px;
    min-height: {m.button_height}px;
}}
TouchButton:pressed {{ background: {c.primary_soft}; border-color: {c.primary}; }}
TouchButton FitText {{ color: {c.text}; }}
*[textRole="buttonTitle"] {{ font-size: {px(34)}px; font-weight: bold; }}
*[textRole="buttonDetail"] {{ font-size: {px(25)}px; }}
*[textRole="buttonNote"] {{ font-size: {px(24)}px; font-weight: bold; }}
TouchButton FitText[textRole="buttonDetail"] {{ color: {c.muted}; }}
TouchButton FitText[textRole="buttonNote"] {{ color: {c.accent_dark}; }}

TouchButton[role="tile"] {{ min-height: {m.touch_min}px; }}  /* the pager sizes tiles */
TouchButton[role="tile"][state="closed"] {{
    background: {c.closed_bg}; border-style: dashed; border-color: #9aa6b2;
}}
TouchButton[role="tile"][state="closed"] FitText {{ color: {c.closed_text}; }}
TouchButton[role="tile"][state="closed"] FitText[textRole="buttonNote"] {{ color: {c.warn_text}; }}

TouchButton[role="hero"] {{
    background: {c.accent}; border: none; border-radius: {px(34)}px; min-height: {px(240)}px;
}}
TouchButton[role="hero"]:pressed {{ background: {c.accent_dark}; }}
TouchButton[role="hero"][variant="second"] {{ background: {c.primary}; }}
TouchButton[role="hero"][variant="second"]:pressed {{ background: {c.primary_dark}; }}
TouchButton[role="hero"] FitText {{ color: {c.white}; }}
TouchButton[role="hero"] FitText[textRole="buttonTitle"] {{ font-size: {px(64)}px; }}
TouchButton[role="hero"] FitText[textRole="buttonDetail"] {{ font-size: {px(29)}px; color: #e3f2ef; }}

TouchButton[role="primary"] {{ background: {c.accent}; border: none; }}
TouchButton[role="primary"]:pressed {{ background: {c.accent_dark}; }}
TouchButton[role="primary"] FitText {{ color: {c.white}; }}
TouchButton[role="secondary"] {{ background: {c.card}; border-color: {c.primary}; }}
TouchButton[role="secondary"] FitText {{ color: {c.primary}; }}
TouchButton[role="nav"] {{ background: {c.card}; border-color: {c.primary}; min-height: {px(96)}px; }}
TouchButton[role="nav"] FitText {{ color: {c.primary}; }}
TouchButton[role="nav"] FitText[textRole="buttonTitle"] {{ font-size: {px(30)}px; }}
TouchButton[role="pager"] {{ min-height: {px(84)}px; border-color: {c.primary}; }}
TouchButton[role="pager"] FitText {{ color: {c.primary}; }}
TouchButton[role="pager"] FitText[textRole="buttonTitle"] {{ font-size: {px(28)}px; }}
TouchButton:disabled {{ background: {c.closed_bg}; border-color: {c.closed_bg}; }}

/* keypad */
QPushButton[role="key"] {{
    background: {c.card}; color: {c.text}; border: {px(3)}px solid {c.border}; border-radius: {px(16)}px;
    font-size: {px(42)}px; font-weight: bold; min-height: {m.key_height}px;
}}
QPushButton[role="key"]:pressed {{ background: {c.primary_soft}; border-color: {c.primary}; }}
QPushButton[role="key"][variant="letter"] {{ color: {c.primary}; }}
TouchButton[role="keyAction"] {{ min-height: {m.key_height}px; border-radius: {px(16)}px; }}
TouchButton[role="keyAction"] FitText[textRole="buttonTitle"] {{ font-size: {px(28)}px; }}
TouchButton[role="keyAction"][variant="ok"] {{ background: {c.accent}; border: none; }}
TouchButton[role="keyAction"][variant="ok"] FitText {{ color: {c.white}; }}
#CodeDisplay {{
    background: {c.card}; border: {px(4)}px solid {c.primary}; border-radius: {px(18)}px;
}}
#CodeDisplay[active="false"] {{ border-color: {c.border}; }}
#CodeDisplay[mistyped="true"] {{ border-color: {c.error}; }}
*[textRole="codeEntry"] {{ color: {c.primary}; font-size: {px(64)}px; font-weight: bold; }}
*[textRole="codeEntry"][state="empty"] {{ color: #8a97a6; font-size: {px(34)}px; font-weight: normal; }}
*[textRole="inlineError"] {{ color: {c.error}; font-size: {px(26)}px; font-weight: bold; }}

/* cards: ticket, status, message */
QFrame[role="card"] {{ background: {c.card}; border: {px(2)}px solid {c.border}; border-radius: {px(28)}px; }}
*[textRole="cardLabel"] {{ color: {c.muted}; font-size: {px(28)}px; }}
*[textRole="ticketCode"] {{ color: {c.primary}; font-size: {px(200)}px; font-weight: bold; }}
*[textRole="ticketService"] {{ font-size: {px(36)}px; font-weight: bold; }}
*[textRole="ticketAgency"] {{ color: {c.muted}; font-size: {px(27)}px; }}
*[textRole="factLabel"] {{ color: {c.muted}; font-size: {px(25)}px; }}
*[textRole="factValue"] {{ color: {c.text}; font-size: {px(38)}px; font-weight: bold; }}
*[textRole="qrCaption"] {{ color: {c.muted}; font-size: {px(22)}px; }}
*[textRole="countdown"] {{ color: {c.muted}; font-size: {px(23)}px; }}

#PrintState {{ border-radius: {px(18)}px; }}
#PrintState[state="printing"] {{ background: {c.primary_soft}; }}
#PrintState[state="printed"] {{ background: {c.ok_bg}; }}
#PrintState[state="failed"] {{ background: {c.error_bg}; border: {px(3)}px solid {c.error}; }}
*[textRole="printMain"] {{ font-size: {px(31)}px; font-weight: bold; }}
#PrintState[state="printing"] *[textRole="printMain"] {{ color: {c.primary}; }}
#PrintState[state="printed"] *[textRole="printMain"] {{ color: {c.ok}; }}
#PrintState[state="failed"] *[textRole="printMain"] {{ color: {c.error}; }}
*[textRole="printHelp"] {{ color: {c.text}; font-size: {px(27)}px; }}
*[textRole="printOther"] {{ color: {c.muted}; font-size: {px(21)}px; }}

*[textRole="statusBig"] {{ font-size: {px(52)}px; font-weight: bold; }}
*[textRole="statusBig"][state="waiting"] {{ color: {c.primary}; }}
*[textRole="statusBig"][state="called"], *[textRole="statusBig"][state="serving"] {{ color: {c.ok}; }}
*[textRole="statusBig"][state="over"] {{ color: {c.muted}; }}
*[textRole="statusDetail"] {{ font-size: {px(34)}px; }}
*[textRole="statusCode"] {{ color: {c.primary}; font-size: {px(120)}px; font-weight: bold; }}

*[textRole="messageTitle"] {{ color: {c.text}; font-size: {px(52)}px; font-weight: bold; }}
*[textRole="messageTitle"][state="error"] {{ color: {c.error}; }}
*[textRole="messageTitle"][state="warning"] {{ color: {c.warn_text}; }}
*[textRole="messageTitle"][state="info"] {{ color: {c.primary}; }}
*[textRole="messageBody"] {{ font-size: {px(34)}px; }}
*[textRole="messageOther"] {{ color: {c.muted}; font-size: {px(26)}px; font-style: italic; }}
*[textRole="busyTitle"] {{ color: {c.primary}; font-size: {px(52)}px; font-weight: bold; }}
*[textRole="busyDetail"] {{ color: {c.muted}; font-size: {px(30)}px; }}

/* the SKM survey (ui/survey): the question large, its answers as big tiles, the one chosen before marked */
*[textRole="surveyTitle"] {{ color: {c.primary}; font-size: {px(40)}px; font-weight: bold; }}
*[textRole="surveyProgress"] {{ color: {c.muted}; font-size: {px(36)}px; font-weight: bold; }}
*[textRole="surveyQuestion"] {{ color: {c.text}; font-size: {px(48)}px; font-weight: bold; }}
TouchButton[role="tile"][state="chosen"] {{ border: {px(6)}px solid {c.accent}; background: {c.ok_bg}; }}
TouchButton[role="hero"][compact="true"] {{ min-height: {px(110)}px; }}
TouchButton[role="hero"][compact="true"] FitText[textRole="buttonTitle"] {{ font-size: {px(48)}px; }}
TouchButton[role="hero"][variant="survey"] {{ background: #6a1b9a; }}
TouchButton[role="hero"][variant="survey"]:pressed {{ background: #4a148c; }}

/* last, to win: a disabled button's texts are disabled with it */
TouchButton[role] FitText:disabled {{ color: #98a3ae; }}
"""
