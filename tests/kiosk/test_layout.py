"""The kiosk at the sizes it must fit — 1024×768, 1920×1080 and portrait 1080×1920 — with the demo
catalog's long names: every button big enough to hit, nothing off the screen or on top of another,
no text cut off; and the same at 1024×768 with every text made much longer (fake-long mode)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect

from tests.support.kiosk import Kiosk, layout_problems, start_kiosk
from tests.support.proxy import TcpProxy


@pytest.fixture
def proxy(demo_server):
    with TcpProxy.to(demo_server.url) as p:
        yield p


def every_screen(kiosk: Kiosk, vp, proxy: TcpProxy) -> Iterator[str]:
    """Walk the real app through each screen (and each page of the long lists) by tapping."""
    c = kiosk.controller
    yield "home"
    kiosk.tap(c.home.take_button)
    kiosk.wait_screen("agencies")
    yield "agencies"
    while c.agencies.pager.next_button.isVisible() and c.agencies.pager.next_button.isEnabled():
        kiosk.tap(c.agencies.pager.next_button)
        yield f"agencies page {c.agencies.pager.page() + 1}"
    kiosk.tap_tile(c.agencies.pager, "disdukcapil")
    kiosk.wait_screen("services")
    yield "services"
    while c.services.pager.next_button.isVisible() and c.services.pager.next_button.isEnabled():
        kiosk.tap(c.services.pager.next_button)
        yield f"services page {c.services.pager.page() + 1}"
    service = c.services.pager.tiles()[0].key
    kiosk.tap_tile(c.services.pager, service)
    kiosk.wait_screen("priority")
    yield "priority"
    kiosk.tap_tile(c.priority.pager, "disabilitas")
    kiosk.wait_screen("ticket")
    kiosk.wait_printed()
    yield "ticket printed"
    code = c.ticket.ticket().code
    vp.set_paper("out")
    kiosk.tap(c.ticket.done_button)
    kiosk.take_ticket("disdukcapil", service)
    kiosk.wait_printed("failed")
    yield "ticket not printed"
    vp.set_paper("ok")
    kiosk.tap(c.ticket.done_button)
    kiosk.wait_screen("home")
    kiosk.tap(c.home.status_button)
    kiosk.wait_screen("status_entry")
    kiosk.type_code(code.replace("-", ""))
    yield "status keypad"
    kiosk.tap(c.status_entry.ok_button)
    kiosk.wait_screen("status")
    yield "status"
    kiosk.tap(c.status.another_button)
    kiosk.wait_screen("status_entry")
    kiosk.type_code("Q9")
    kiosk.tap(c.status_entry.ok_button)
    kiosk.wait_screen("message")
    yield "message: not found"
    kiosk.tap(c.message.buttons["home"])
    kiosk.wait_screen("home")
    kiosk.tap(c.home.booking_button)
    kiosk.wait_screen("booking")
    yield "booking keypad"
    for digit in "123456789":  # a code whose check digit is wrong (6 is right): the error line shows
        kiosk.tap(c.booking.keypad.digit_keys[digit])
    yield "booking keypad: mistyped"
    kiosk.tap(c.booking.nav.home)
    kiosk.wait_screen("home")
    proxy.cut()
    kiosk.qtbot.waitUntil(lambda: c.banner.isVisible(), timeout=5000)
    yield "home with the offline banner"
    kiosk.tap(c.home.take_button)  # the catalog is cached: the agencies, then a failed tap
    kiosk.wait_screen("agencies")
    kiosk.tap_tile(c.agencies.pager, "disnaker")
    kiosk.wait_screen("services")
    kiosk.tap(c.services.pager.visible_buttons()[c.services.pager.tiles()[0].key])
    kiosk.wait_screen("priority")
    kiosk.tap(c.priority.none_button)
    kiosk.wait_screen("message", timeout=10000)
    yield "message: server unreachable"


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{screen}: {line}" for screen, lines in problems.items() for line in lines)


REQUIRED = {"home", "agencies", "services", "priority", "ticket printed", "ticket not printed", "status keypad",
            "status", "message: not found", "home with the offline banner", "message: server unreachable",
            "booking keypad", "booking keypad: mistyped"}


def check_every_screen(kiosk: Kiosk, vp, proxy) -> dict[str, list[str]]:
    seen, problems = [], {}
    for name in every_screen(kiosk, vp, proxy):
        seen.append(name)
        found = layout_problems(kiosk.window)
        if found:
            problems[name] = found
    assert set(seen) >= REQUIRED, REQUIRED - set(seen)
    return problems


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_fits(qtbot, demo_server, vp, proxy, size):
    kiosk = start_kiosk(qtbot, demo_server, printer_spec=vp.spec, url=proxy.url, size=size)
    try:
        assert kiosk.window.size().toTuple() == size
        problems = check_every_screen(kiosk, vp, proxy)
        assert not problems, report(problems)
    finally:
        kiosk.stop()


@pytest.mark.parametrize(("size", "lang", "take"), [
    ((1024, 768), "id", "Ambil Antrean"),
    ((1024, 768), "en", "Take a Ticket"),
    # Known: at 768×1024 with every text 1.6 times as long, the ticket card is over-full and the
    # service name's box overlaps the code's. Strict, so it fails once that is mended.
    pytest.param((768, 1024), "id", "Ambil Antrean", marks=pytest.mark.xfail(
        strict=True, reason="ticket card over-full at 768x1024 with 1.6x texts: code and service overlap")),
    ((1080, 1920), "id", "Ambil Antrean"),
], ids=["1024x768-id", "1024x768-en", "768x1024-id", "1080x1920-id"])
def test_much_longer_texts_still_fit(qtbot, demo_server, vp, proxy, size, lang, take):
    """GIVEN fake-long mode (every translated text about 1.6 times as long), THEN on every screen, at
    the smallest size and in portrait, no button's or label's text is cut off: it wraps, or is set a
    little smaller, within limits."""
    kiosk = start_kiosk(qtbot, demo_server, printer_spec=vp.spec, url=proxy.url, size=size, fake_long=True,
                        language=lang)
    try:
        home = kiosk.controller.home.take_button.title.text()
        assert home.startswith(f"{take} {take.split()[0]}") and home.endswith("!"), home  # fake-long is on
        problems = check_every_screen(kiosk, vp, proxy)
        assert not problems, report(problems)
    finally:
        kiosk.stop()


def test_the_longest_english_service_name_leaves_the_code_clear_when_not_printed(qtbot, demo_server, vp, proxy):
    """GIVEN the smallest screen in English and the paper out WHEN a citizen takes a ticket for the
    service with the longest English name (two lines) THEN the code, which they must show at the
    counter, is not drawn under the service name."""
    kiosk = start_kiosk(qtbot, demo_server, printer_spec=vp.spec, url=proxy.url, size=(1024, 768), language="en")
    try:
        vp.set_paper("out")
        kiosk.take_ticket("disdukcapil", "ktp-el-cetak")
        kiosk.wait_printed("failed")
        assert kiosk.controller.ticket.code.text().startswith("A2-")
        assert layout_problems(kiosk.window) == []
    finally:
        kiosk.stop()


@pytest.mark.parametrize(("size", "fake_long", "lang"), [
    ((1024, 768), False, "id"), ((1024, 768), False, "en"), ((1024, 768), True, "id"), ((1080, 1920), True, "en"),
    ((1920, 1080), False, "en"),
], ids=["1024x768-id", "1024x768-en", "1024x768-long", "1080x1920-long", "1920x1080-en"])
def test_the_status_keypad_keeps_every_key_whole_under_an_error_line(qtbot, demo_server, size, fake_long, lang):
    """GIVEN the Cek Status keypad with the demo site's letters WHEN a citizen taps Cek with no code
    THEN the error line shows in both languages, whole, and every key of the keypad stays whole and
    as large as a finger needs."""
    kiosk = start_kiosk(qtbot, demo_server, printer_spec=None, size=size, fake_long=fake_long, language=lang)
    try:
        c = kiosk.controller
        kiosk.tap(c.home.status_button)
        kiosk.wait_screen("status_entry")
        entry = c.status_entry
        keys_before = {key: button.size().toTuple() for key, button in entry.keypad.digit_keys.items()}
        kiosk.tap(entry.ok_button)
        qtbot.waitUntil(lambda: entry.error.isVisible())
        qtbot.waitUntil(lambda: not entry.error.main.overflows() and not entry.error.other.overflows())
        assert entry.error.main.text() and entry.error.other.text()
        assert layout_problems(kiosk.window) == []
        keys = [*entry.keypad.digit_keys.values(), *entry.keypad.letter_keys.values()]
        assert keys and all(key.isVisible() for key in keys)
        keypad_rect = entry.keypad.rect()
        for key in keys:
            assert keypad_rect.contains(QRect(key.mapTo(entry.keypad, QPoint(0, 0)), key.size())), key.text()
        assert {key: button.size().toTuple() for key, button in entry.keypad.digit_keys.items()} == keys_before
    finally:
        kiosk.stop()
