"""Staff sign in with their own account: refusals are explained in Indonesian with English beneath,
and a signed-in officer chooses a loket and the services it serves today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.counter.steps import WAIT_MS, MakeCounter, at_desk, click, log_in, logged_in_at_lokets, loket_on_server
from tests.support.proxy import TcpProxy
from tests.support.server import PASSWORD, LiveServer
from ui.counter.controller import CounterController


def test_a_wrong_password_is_explained_in_both_languages_and_the_right_one_lets_staff_in(
        qtbot: QtBot, counter: CounterController) -> None:
    log_in(qtbot, counter, "staff1", "salah-sekali")

    notice = counter.login_screen.error
    assert counter.current_screen() == "login"
    assert notice.isVisible() and notice.code() == "bad_credentials"
    indonesian, english = notice.texts()
    assert "Nama pengguna atau kata sandi salah" in indonesian
    assert "Wrong username or password" in english
    assert counter.login_screen.password.text() == ""  # ready for the next try
    assert counter.session is None

    log_in(qtbot, counter, "staff1", PASSWORD)
    qtbot.waitUntil(lambda: counter.current_screen() == "loket", timeout=WAIT_MS)
    assert not notice.isVisible()
    assert counter.session is not None and counter.session.username == "staff1"
    assert counter.bar.user.text() == "Petugas: staff1"


def test_a_locked_account_says_until_when(qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN five wrong passwords for staff2 WHEN the right one is typed THEN the lock is explained."""
    for _ in range(5):
        r = server.call("POST", "/auth/login", json={"username": "staff2", "password": "bukan-ini"})
        assert r.status_code == 401
    log_in(qtbot, counter, "staff2", PASSWORD)

    notice = counter.login_screen.error
    assert notice.code() == "login_locked"
    indonesian, english = notice.texts()
    assert "Akun dikunci sementara" in indonesian and "09.05 WIB" in indonesian  # 5 minutes after 09.00
    assert "locked" in english and "09.05 WIB" in english
    assert counter.current_screen() == "login"


def test_staff_choose_their_loket_and_todays_services(qtbot: QtBot, server: LiveServer,
                                                     counter: CounterController) -> None:
    """GIVEN staff2 has loket 2 open WHEN staff1 chooses loket 1 and unticks KTP THEN loket 1 opens
    for Kartu Keluarga only, and loket 2 cannot be chosen."""
    assert server.call("POST", "/counters/2/open", "staff2").status_code == 200
    logged_in_at_lokets(qtbot, counter)
    screen = counter.loket_screen

    assert set(screen.buttons) == {1, 2, 3}
    taken = screen.buttons[2]
    assert not taken.isEnabled() and "Dibuka oleh staff2" in taken.all_text()
    assert "Tutup" in screen.buttons[1].all_text()

    qtbot.mouseClick(screen.buttons[1], Qt.MouseButton.LeftButton)
    assert set(screen.checks) == {"ktp", "kk"}
    assert all(box.isChecked() for box in screen.checks.values())  # all of them unless unticked
    screen.checks["ktp"].click()
    assert screen.chosen_services() == ["kk"]
    click(qtbot, counter, screen.open_button)

    qtbot.waitUntil(lambda: counter.current_screen() == "desk", timeout=WAIT_MS)
    loket = loket_on_server(server, 1)
    assert (loket["state"], loket["staff"], loket["active_service_ids"]) == ("open", "staff1", ["kk"])
    desk = counter.desk
    assert desk.loket_name.text() == "Loket 1"
    assert desk.loket_state.text() == "Buka"
    assert desk.loket_services.text() == "Melayani: Kartu Keluarga"


def test_a_loket_taken_meanwhile_is_refused_with_a_way_on(qtbot: QtBot, server: LiveServer,
                                                          counter: CounterController) -> None:
    logged_in_at_lokets(qtbot, counter)
    screen = counter.loket_screen
    qtbot.mouseClick(screen.buttons[1], Qt.MouseButton.LeftButton)
    assert server.call("POST", "/counters/1/open", "staff2").status_code == 200  # quicker than staff1

    click(qtbot, counter, screen.open_button)

    assert counter.current_screen() == "loket"
    assert screen.notice.code() == "counter_taken"
    assert "dibuka oleh staff2" in screen.notice.texts()[0]
    qtbot.waitUntil(lambda: not screen.buttons[1].isEnabled(), timeout=WAIT_MS)  # the list was read again


def test_logging_out_closes_the_loket_and_ends_the_sign_in_on_the_server(
        qtbot: QtBot, server: LiveServer, counter: CounterController) -> None:
    """GIVEN staff1 at loket 1 on a shared counter PC
    WHEN they press Keluar
    THEN the loket closes, the login screen returns, and their token is no longer accepted:
    whoever sits down next cannot act in staff1's name."""
    at_desk(qtbot, counter)
    token = counter.client.token
    assert loket_on_server(server, 1)["state"] == "open"

    click(qtbot, counter, counter.bar.logout)

    qtbot.waitUntil(lambda: counter.current_screen() == "login", timeout=WAIT_MS)
    assert counter.session is None and counter.client.token is None
    assert loket_on_server(server, 1)["state"] == "closed"
    r = server.http.get(f"{server.api}/counters", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_token"


def test_logging_out_with_the_server_gone_still_ends_the_login_here(
        qtbot: QtBot, server: LiveServer, make_counter: MakeCounter, proxy: TcpProxy) -> None:
    """With no loket open there is nothing to close: a server out of reach cannot keep staff
    signed in at the PC (their token then expires by itself)."""
    counter = make_counter(proxy.url)
    logged_in_at_lokets(qtbot, counter)
    proxy.cut()

    click(qtbot, counter, counter.bar.logout)

    qtbot.waitUntil(lambda: counter.current_screen() == "login", timeout=WAIT_MS)
    assert counter.session is None
