"""Signing in to the console in a real browser: the right landing page per role, a wrong password, the
first sign-in after an admin set the password, signing out, and the language switch."""

from __future__ import annotations

import requests

from tests.console.conftest import Browser


def test_a_supervisor_signs_in_and_lands_on_the_hall(browser: Browser) -> None:
    browser.open("/console/hall")
    assert browser.path().startswith("/console/login?next=/console/hall")
    browser.sign_in("super")
    assert browser.path() == "/console/hall"
    assert browser.text("#who-name") == "super" and browser.text("#who-role") == "Supervisor"
    assert [a.text for a in browser.finds("nav a")] == ["Aula", "Hari ini", "Booking", "Perangkat", "Log audit",
                                                       "Notifikasi", "Laporan", "SKM", "Kata sandi"]
    assert browser.text("#loket-1 td") == "Loket 1"
    cookie = browser.driver.get_cookie("anjungan_console")
    assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert not cookie["secure"]  # plain HTTP on loopback: Secure only behind TLS


def test_a_wrong_password_is_refused_and_nobody_is_signed_in(browser: Browser) -> None:
    browser.sign_in("super", "salah-sekali")
    assert browser.path() == "/console/login"
    assert browser.text("#problem") == "Nama pengguna atau kata sandi salah."
    assert browser.find("#username").get_attribute("value") == "super"
    assert browser.session_cookie() is None
    browser.open("/console/hall")
    assert browser.path().startswith("/console/login")


def test_an_officer_sees_only_their_own_day_and_is_refused_the_hall(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("staff1")
    assert browser.path() == "/console/me"
    assert [a.text for a in browser.finds("nav a")] == ["Hari ini saya", "Kata sandi"]
    assert browser.text("#my-done") == "0" and browser.find("#my-none")
    # One citizen served in 7 minutes at loket 1; another officer's work is not theirs.
    for officer, loket in (("staff1", 1), ("staff2", 2)):
        server.issue("kk")
        assert server.call("POST", f"/counters/{loket}/open", officer).status_code == 200
        ticket = server.call("POST", f"/counters/{loket}/call-next", officer).json()["current_ticket"]
        assert server.call("POST", f"/tickets/{ticket['id']}/start", officer).status_code == 200
        server.clock.advance(minutes=7)
        assert server.call("POST", f"/tickets/{ticket['id']}/finish", officer).status_code == 200
    browser.open("/console/me")
    assert (browser.text("#my-done"), browser.text("#my-no-show"), browser.text("#my-mean")) == ("1", "0", "7.0 menit")
    assert browser.text("#my-services tbody tr") == "Kartu Keluarga 1 7.0 menit"
    browser.open("/console/hall")
    assert browser.text("#error-title") == "Tidak diizinkan"
    assert browser.text("#error-text") == "Peran Anda (Petugas) tidak boleh membuka halaman ini."
    assert not browser.finds("#lokets")
    assert [a.text for a in browser.finds("nav a")] == ["Hari ini saya", "Kata sandi"]


def test_the_first_sign_in_after_a_reset_must_choose_a_new_password_first(browser: Browser) -> None:
    """GIVEN an admin reset staff2's password
    WHEN staff2 signs in to the console
    THEN only the password page opens until they choose their own; then their day, and the API takes
    the new password with nothing more to change."""
    server = browser.server
    assert server.services.accounts.reset_password("staff2", "sementara-99")
    browser.sign_in("staff2", "sementara-99")
    assert browser.path() == "/console/password"
    assert browser.find("#password-required") and not browser.finds("nav a")
    browser.open("/console/me")
    assert browser.path() == "/console/password"
    browser.find("#current_password").send_keys("sementara-99")
    browser.find("#new_password").send_keys("milik-saya-1")
    browser.find("#confirm_password").send_keys("milik-saya-2")
    browser.submit("#password-button")
    assert browser.text("#problem") == "Kata sandi baru dan ulangannya tidak sama. Tidak ada yang diubah."
    browser.find("#current_password").send_keys("sementara-99")
    browser.find("#new_password").send_keys("milik-saya-1")
    browser.find("#confirm_password").send_keys("milik-saya-1")
    browser.submit("#password-button")
    assert browser.path() == "/console/me?notice=password_changed"
    assert browser.text("#notice") == "Kata sandi Anda sudah diganti."
    answer = requests.post(f"{server.api}/auth/login", json={"username": "staff2", "password": "milik-saya-1"},
                           timeout=10).json()
    assert answer["must_change_password"] is False


def test_signing_out_ends_the_session_and_its_cookie_is_refused_after(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    token = browser.session_cookie()
    assert token and requests.get(f"{server.url}/console/hall", cookies={"anjungan_console": token},
                                  allow_redirects=False, timeout=10).status_code == 200
    browser.submit("#sign-out")
    assert browser.path() == "/console/login?notice=signed_out"
    assert browser.text("#notice") == "Anda sudah keluar. Sesi ini tidak berlaku lagi."
    assert browser.session_cookie() is None
    again = requests.get(f"{server.url}/console/hall", cookies={"anjungan_console": token},
                         allow_redirects=False, timeout=10)
    assert again.status_code == 303 and again.headers["location"].startswith("/console/login")
    # The same token as a bearer token is revoked too: signing out is the API's logout.
    assert requests.get(f"{server.api}/hall", headers={"Authorization": f"Bearer {token}"},
                        timeout=10).status_code == 401


def test_the_language_switch_is_remembered_and_changes_every_text(browser: Browser) -> None:
    browser.sign_in("super")
    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Hall")
    assert browser.path() == "/console/hall"
    assert [a.text for a in browser.finds("nav a")] == ["Hall", "Today", "Bookings", "Devices", "Audit log",
                                                       "Notifications", "Reports", "SKM", "Password"]
    browser.open("/console/password")
    assert browser.text("h1") == "Change password"
    browser.find("#lang-id").click()
    browser.until(lambda: browser.text("h1") == "Ganti kata sandi")


def test_a_disabled_officer_is_signed_out_of_the_console_at_once(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("staff1")
    assert browser.path() == "/console/me"
    assert server.services.accounts.set_active("staff1", False)
    browser.open("/console/me")
    assert browser.path() == "/console/login?next=/console/me&notice=expired"
    assert browser.text("#notice") == "Sesi Anda berakhir atau dihentikan. Silakan masuk lagi."
    assert browser.session_cookie() is None  # said once: the next visit is a plain sign-in page
    browser.sign_in("staff1")
    assert browser.text("#problem") == "Nama pengguna atau kata sandi salah."
