"""The hall board's look: a dark board with bright numbers, readable across a hall, built from the
shared colour tokens of ``ui.theme`` plus the few a TV needs. Text sizes follow each text's box
(see ``ScaledText``), so the style sheet sets colours, weights, borders and spacing only."""

from __future__ import annotations

from dataclasses import dataclass

from ui.theme import COLOURS, FONT_FAMILY, Colours, Metrics


@dataclass(frozen=True)
class BoardColours:
    board: str = "#061d3d"          # behind everything: darker than the brand blue, so panels stand out
    panel: str = "#0b3c7d"          # COLOURS.primary
    panel_edge: str = "#2a5d9f"
    row: str = "#0a3368"
    row_alt: str = "#0d3f7c"
    number: str = "#ffd54f"         # the called number: amber on blue, the highest contrast a TV keeps
    flash: str = "#ffd54f"
    on_flash: str = "#061d3d"
    text: str = "#ffffff"
    soft: str = "#c9daf0"           # labels: still over 7:1 on the panel
    closed_tile: str = "#0a284f"
    closed_text: str = "#8ea5c4"
    paused_tile: str = "#4a3a08"
    paused_text: str = "#ffe08a"
    marquee: str = "#00796b"        # COLOURS.accent


BOARD = BoardColours()


def board_stylesheet(m: Metrics, b: BoardColours = BOARD, c: Colours = COLOURS) -> str:
    px = m.px
    return f"""
* {{ font-family: "{FONT_FAMILY}"; }}
#BoardWindow, #BoardScreen, #BoardBody {{ background: {b.board}; }}
ScaledText {{ color: {b.text}; }}

/* header: the brand band, as on the kiosk */
#BoardHeader {{ background: {c.primary}; border-bottom: {px(6)}px solid {c.accent}; }}
#BoardHeader ScaledText[textRole="siteName"] {{ font-weight: bold; }}
#BoardHeader ScaledText[textRole="siteTagline"] {{ color: #d6e4f5; }}
#BoardHeader ScaledText[textRole="clockTime"] {{ font-weight: bold; }}
#BoardHeader ScaledText[textRole="clockDate"] {{ color: #d6e4f5; }}

/* offline banner (ui.widgets.banner) */
#OfflineBanner {{ background: {c.warn_bg}; border-bottom: {px(5)}px solid {c.warn_border}; }}
#OfflineBanner *[textRole="bannerMain"] {{ color: {c.warn_text}; font-size: {px(34)}px; font-weight: bold; }}
#OfflineBanner *[textRole="bannerOther"] {{ color: {c.warn_text}; font-size: {px(24)}px; }}

/* the latest call */
#LatestCall {{
    background: {b.panel}; border: {px(4)}px solid {b.panel_edge}; border-radius: {px(26)}px;
}}
#LatestCall ScaledText[textRole="callLabel"] {{ color: {b.soft}; font-weight: bold; }}
#LatestCall ScaledText[textRole="callCode"] {{ color: {b.number}; font-weight: bold; }}
#LatestCall ScaledText[textRole="callTo"] {{ color: {b.soft}; }}
#LatestCall ScaledText[textRole="callLoket"] {{ color: {b.text}; font-weight: bold; }}
#LatestCall ScaledText[textRole="callService"] {{ color: {b.soft}; }}
#LatestCall ScaledText[textRole="recallTag"] {{
    color: {b.on_flash}; background: {b.flash}; border-radius: {px(10)}px; font-weight: bold;
}}
#LatestCall[state="empty"] ScaledText[textRole="callCode"] {{ color: {b.soft}; }}
#LatestCall[state="flash"] {{ background: {b.flash}; border-color: {b.text}; }}
#LatestCall[state="flash"] ScaledText {{ color: {b.on_flash}; }}
#LatestCall[state="flash"] ScaledText[textRole="recallTag"] {{ background: {b.on_flash}; color: {b.flash}; }}
#LatestCall[speaking="true"] {{ border-color: {b.number}; }}

/* the previous calls */
#RecentCalls {{ background: {b.panel}; border: {px(2)}px solid {b.panel_edge}; border-radius: {px(22)}px; }}
#RecentCalls ScaledText[textRole="listTitle"] {{ color: {b.soft}; font-weight: bold; }}
#RecentCalls ScaledText[textRole="listHead"] {{ color: {b.soft}; }}
QFrame[role="recentRow"] {{ background: {b.row}; border-radius: {px(12)}px; }}
QFrame[role="recentRow"][alt="true"] {{ background: {b.row_alt}; }}
QFrame[role="recentRow"][speaking="true"] {{ background: {b.flash}; }}
QFrame[role="recentRow"][speaking="true"] ScaledText {{ color: {b.on_flash}; }}
QFrame[role="recentRow"] ScaledText[textRole="rowCode"] {{ color: {b.number}; font-weight: bold; }}
QFrame[role="recentRow"] ScaledText[textRole="rowLoket"] {{ font-weight: bold; }}

/* the loket grid */
QFrame[role="loketTile"] {{
    background: {b.panel}; border: {px(3)}px solid {b.panel_edge}; border-radius: {px(16)}px;
}}
QFrame[role="loketTile"] ScaledText[textRole="tileName"] {{ color: {b.soft}; font-weight: bold; }}
QFrame[role="loketTile"] ScaledText[textRole="tileCode"] {{ color: {b.text}; font-weight: bold; }}
QFrame[role="loketTile"] ScaledText[textRole="tileState"] {{ color: {b.soft}; }}
QFrame[role="loketTile"][state="paused"] {{ background: {b.paused_tile}; border-color: {b.paused_text}; }}
QFrame[role="loketTile"][state="paused"] ScaledText {{ color: {b.paused_text}; }}
QFrame[role="loketTile"][state="closed"] {{ background: {b.closed_tile}; border-style: dashed; }}
QFrame[role="loketTile"][state="closed"] ScaledText {{ color: {b.closed_text}; }}
QFrame[role="loketTile"][highlight="true"] {{ background: {b.flash}; border-color: {b.text}; }}
QFrame[role="loketTile"][highlight="true"] ScaledText {{ color: {b.on_flash}; }}

/* running text */
#Marquee {{ background: {b.marquee}; color: {b.text}; border-top: {px(4)}px solid {c.accent_dark}; }}
"""
