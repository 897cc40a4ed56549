"""The real kiosk app for tests: a KioskController with a real BackendClient (to the live server, or
through a fault proxy) and a real PrintService (to the virtual printer), driven by taps on its real
buttons with pytest-qt. No mocks.

    kiosk = start_kiosk(qtbot, server, printer_spec=vp.spec)
    ticket = kiosk.take_ticket("dukcapil", "ktp")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton, QWidget

from core.client import BackendClient
from core.config import DeviceConfig
from core.models import Ticket
from core.retry import RetryPolicy
from printing.receipt import Branding
from printing.service import PrintService, PrintSettings
from tests.support.server import LiveServer
from ui.i18n import Translations
from ui.kiosk.controller import KioskController, KioskTimings
from ui.theme import Metrics
from ui.widgets.fit_text import FitText
from ui.widgets.tile_pager import TilePager
from ui.widgets.touch_button import TouchButton

FAST_RETRY = RetryPolicy(max_attempts=3, base_delay=0.05, max_delay=0.2)
# The printer is checked at start and after each print; the periodic check is left slow so a test
# that empties the paper just before a tap gets the ticket it expects (tests/kiosk/test_out_of_service.py
# passes shorter heartbeat and printer intervals).
TEST_TIMINGS = KioskTimings(health_interval_ms=200, catalog_interval_ms=1000, heartbeat_interval_ms=60000,
                            printer_poll_ms=60000, ticket_home_s=120, ticket_home_failed_s=120,
                            report_retry_ms=(200, 400, 800, 1600))


@dataclass
class Kiosk:
    controller: KioskController
    qtbot: Any
    server: LiveServer
    translations: Translations
    stopped: bool = field(default=False)

    @property
    def window(self) -> QWidget:
        return self.controller.window

    def screen(self) -> str:
        return self.controller.current_screen()

    # -- acting like a citizen -------------------------------------------------------------------

    def tap(self, button: QAbstractButton) -> None:
        assert button.isVisible(), f"{button.objectName() or button} is not on the screen"
        assert button.isEnabled(), f"{button.objectName() or button} cannot be tapped"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2,
                                                                           button.height() // 2))

    def wait_screen(self, name: str, timeout: int = 8000) -> None:
        self.qtbot.waitUntil(lambda: self.screen() == name, timeout=timeout)
        QCoreApplication.processEvents()  # what Qt posted on the way (layout, language) is done

    def tile(self, pager: TilePager, key: str) -> TouchButton:
        """The tile ``key``, paging with the real "previous" and "next" buttons until it shows."""
        def can(button: QAbstractButton) -> bool:
            return button.isVisible() and button.isEnabled()

        while key not in pager.visible_buttons() and can(pager.prev_button):
            self.tap(pager.prev_button)
        while key not in pager.visible_buttons():
            if not can(pager.next_button):
                raise AssertionError(f"no tile {key!r}; tiles: {[t.key for t in pager.tiles()]}")
            self.tap(pager.next_button)
        return pager.visible_buttons()[key]

    def tap_tile(self, pager: TilePager, key: str) -> None:
        self.tap(self.tile(pager, key))

    def open_services(self, agency: str) -> None:
        c = self.controller
        self.wait_screen("home")
        self.tap(c.home.take_button)
        self.wait_screen("agencies")
        self.tap_tile(c.agencies.pager, agency)
        self.wait_screen("services")

    def take_ticket(self, agency: str = "dukcapil", service: str = "ktp", priority: str = "") -> Ticket:
        """Home → agency → service → priority → the ticket screen; returns the ticket issued."""
        c = self.controller
        self.open_services(agency)
        self.tap_tile(c.services.pager, service)
        self.wait_screen("priority")
        with self.qtbot.waitSignal(c.ticket_issued, timeout=8000) as issued:
            if priority:
                self.tap_tile(c.priority.pager, priority)
            else:
                self.tap(c.priority.none_button)
        self.wait_screen("ticket")
        return issued.args[0]

    def wait_printed(self, state: str = "printed") -> None:
        self.qtbot.waitUntil(lambda: self.controller.ticket.print_state() == state, timeout=8000)

    def scan(self, text: str) -> None:
        """What a USB barcode scanner does: the text as fast keystrokes, then Enter."""
        self.qtbot.keyClicks(self.window, text)
        self.qtbot.keyClick(self.window, Qt.Key.Key_Return)

    def type_code(self, text: str) -> None:
        keypad = self.controller.status_entry.keypad
        for char in text:
            self.tap(keypad.letter_keys.get(char) or keypad.digit_keys[char])

    # -- what the server knows -------------------------------------------------------------------

    def total_issued(self) -> int:
        """Tickets issued today, from the supervisor's daily report (signed in afresh: the test may
        have moved the server's clock past the fixture's sign-in)."""
        token = self.server.login("super")
        response = self.server.call("GET", "/reports/daily", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
        return response.json()["total_issued"]

    def server_ticket(self, ticket_id: int) -> dict:
        response = self.server.call("GET", f"/tickets/{ticket_id}", "kiosk")
        assert response.status_code == 200, response.text
        return response.json()

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.controller.stop()
            self.translations.uninstall()


def start_kiosk(qtbot: Any, server: LiveServer, *, printer_spec: str | None, url: str | None = None,
                size: tuple[int, int] = (1280, 800), fake_long: bool = False, windowed: bool = True,
                timings: KioskTimings = TEST_TIMINGS, **config: Any) -> Kiosk:
    """A started kiosk whose catalog has loaded; call ``stop()`` when done (the fixture does)."""
    token = server.tokens["kiosk"]
    base = url or server.url
    cfg = DeviceConfig(server_url=base, token=token, **config)
    client = BackendClient(base, token, retry=FAST_RETRY)
    monitor = BackendClient(base, token, connect_timeout=1.0, read_timeout=3.0,
                            retry=RetryPolicy(max_attempts=1))
    printer = None
    if printer_spec is not None:
        site = BackendClient(server.url, token).catalog().site
        printer = PrintService(PrintSettings(printer=printer_spec, timeout=2.0), Branding.from_site(site))
    translations = Translations(fake_long=fake_long)
    controller = KioskController(cfg, client, printer, translations, monitor=monitor, windowed=windowed,
                                 timings=timings)
    kiosk = Kiosk(controller, qtbot, server, translations)
    controller.start(size=size)
    qtbot.waitUntil(lambda: controller.catalog is not None, timeout=8000)
    return kiosk


# -- layout checks, shared by the layout and fake-long tests -------------------------------------

def _rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _text_overflows(button: QPushButton) -> bool:
    text = button.text()
    if not text:
        return False
    room = button.contentsRect().width() - 8
    return button.fontMetrics().horizontalAdvance(text) > room


def layout_problems(window: QWidget) -> list[str]:
    """What a citizen would notice on the screen now shown: a button too small to hit, something
    off the screen, buttons on top of each other, a text cut off."""
    metrics = Metrics(window.width(), window.height())
    bounds = window.rect()
    problems: list[str] = []
    buttons: list[tuple[QAbstractButton, QRect]] = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        name = widget.objectName() or type(widget).__name__
        rect = _rect_in(widget, window)
        if not bounds.contains(rect):
            problems.append(f"{name} is off the screen: {rect} not in {bounds}")
        if isinstance(widget, QAbstractButton):
            buttons.append((widget, rect))
            if min(widget.height(), widget.width()) < metrics.touch_min:
                problems.append(f"{name} is {widget.width()}x{widget.height()} px, smaller than "
                                f"{metrics.touch_min} px a side")
            if isinstance(widget, QPushButton) and _text_overflows(widget):
                problems.append(f"{name}: text {widget.text()!r} is wider than the button")
        if isinstance(widget, FitText) and widget.overflows():
            problems.append(f"{name} ({widget.property('textRole')}): {widget.text()!r} does not fit "
                            f"in {widget.width()}x{widget.height()}")
    for i, (a, ra) in enumerate(buttons):
        for b, rb in buttons[i + 1:]:
            if ra.intersects(rb) and not (a.isAncestorOf(b) or b.isAncestorOf(a)):
                problems.append(f"{a.objectName()} overlaps {b.objectName()}: {ra} / {rb}")
    problems += _texts_on_top_of_each_other(window)
    return problems


def _texts_on_top_of_each_other(window: QWidget) -> list[str]:
    """Two texts laid out in one box whose boxes overlap: a layout given less room than its items
    need stacks them on top of each other, and one text is drawn over the other."""
    problems = []
    texts = [w for w in window.findChildren(FitText) if w.isVisible() and w.text() and w.height() > 0]
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if a.parentWidget() is b.parentWidget() and a.geometry().intersects(b.geometry()):
                problems.append(f"{a.property('textRole')} {a.text()!r} and {b.property('textRole')} "
                                f"{b.text()!r} overlap: {a.geometry()} / {b.geometry()}")
    return problems
