"""The staff page in a real browser against the real server: an admin adds an officer (the one-time
password shown once), resets a password, sets a role, disables an officer whose real counter app is
then refused; the last admin cannot disable themselves; a forged form changes nothing; a display name
holding markup is shown as text; a supervisor is refused the page."""

from __future__ import annotations

import logging

import pytest
import requests
from pytestqt.qtbot import QtBot

from server.auth import Role
from tests.console.conftest import Browser
from tests.counter.steps import WAIT_MS, at_desk
from tests.support.server import PASSWORD, LiveServer
from ui.counter.controller import CounterController

XSS = '<script>window.__xss=1</script>"><img src=x onerror="window.__xss=1">'


def _login(server: LiveServer, username: str, password: str) -> requests.Response:
    return requests.post(f"{server.api}/auth/login", json={"username": username, "password": password}, timeout=10)


def _user(server: LiveServer, username: str) -> dict | None:
    return next((u for u in server.call("GET", "/staff", "admin").json() if u["username"] == username), None)


def test_an_admin_adds_an_officer_who_must_choose_a_password_at_the_first_sign_in(browser: Browser) -> None:
    """GIVEN an admin on the staff page
    WHEN they add "rina" as an officer
    THEN the one-time password is shown once, large, with the warning; rina signs in with it and must change
    it; the list shows rina, and the password is nowhere on the page after, nor in any address."""
    server = browser.server
    browser.sign_in("admin")
    browser.find("nav a[href='/console/staff']").click()
    browser.until(lambda: browser.path() == "/console/staff")
    assert browser.text("h1") == "Petugas"
    browser.find("#username").send_keys("rina")
    browser.find("#display_name").send_keys("Rina Marlina")
    browser.submit("#add-user")
    assert browser.text("h1") == "Akun rina dibuat"
    assert browser.path() == "/console/staff/_one-time"
    one_time = browser.text("#one-time-password")
    assert len(one_time) == 14 and one_time.count("-") == 2
    assert "tidak akan ditampilkan lagi" in browser.text("#hand-over")
    assert "wajib menggantinya" in browser.text("#hand-over")
    assert one_time not in browser.driver.current_url

    answer = _login(server, "rina", one_time)
    assert answer.status_code == 200 and answer.json()["must_change_password"] is True
    bearer = {"Authorization": f"Bearer {answer.json()['token']}"}
    refused = requests.get(f"{server.api}/me/day", headers=bearer, timeout=10)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "password_change_required"

    browser.find("#done").click()
    browser.until(lambda: browser.path() == "/console/staff")
    assert browser.text("#user-rina .display-name") == "Rina Marlina"
    assert browser.text("#user-rina .role-cell") == "Petugas"
    assert browser.text("#user-rina .must-change") == "ya"
    assert browser.text("#user-rina .last-login").endswith(" WIB")
    assert one_time not in browser.driver.page_source
    assert _user(server, "rina")["role"] == "staff"
    # Audited as the admin who did it, in the same entry the API would write, without the password.
    entries = server.call("GET", "/audit?kind=user.added", "admin").json()["entries"]
    added = next(e for e in entries if e["subject"] == "user:rina")
    assert (added["actor"], added["actor_role"], added["detail"]["generated"]) == ("admin", "admin", True)
    assert one_time not in str(added)


def test_a_refused_account_is_said_next_to_the_form_with_what_was_typed(browser: Browser) -> None:
    browser.sign_in("admin")
    browser.open("/console/staff")
    browser.find("#username").send_keys("staff1")
    browser.find("#display_name").send_keys("Orang Lain")
    browser.submit("#add-user")
    assert browser.text("#problem") == "Sudah ada akun dengan nama pengguna staff1."
    assert browser.find("#username").get_attribute("value") == "staff1"
    assert browser.find("#display_name").get_attribute("value") == "Orang Lain"
    browser.find("#username").clear()
    browser.find("#username").send_keys("ada spasi")
    browser.submit("#add-user")
    assert browser.text("#problem").startswith("Nama pengguna 1–64 huruf")
    assert browser.find("#username").get_attribute("value") == "ada spasi"
    assert _user(browser.server, "ada spasi") is None
    browser.find("#lang-en").click()
    browser.until(lambda: browser.text("h1") == "Staff")
    browser.find("#username").send_keys("staff2")
    browser.submit("#add-user")
    assert browser.text("#problem") == "An account with the username staff2 exists already."


def _resets_of(server: LiveServer, username: str) -> list[dict]:
    entries = server.call("GET", "/audit?kind=user.password_reset", "admin").json()["entries"]
    return [e for e in entries if e["subject"] == f"user:{username}"]


def test_a_reset_password_is_asked_twice_shown_once_and_ends_the_old_one(
        browser: Browser, caplog: pytest.LogCaptureFixture) -> None:
    """GIVEN staff2 signed in somewhere
    WHEN an admin taps "reset" on staff2's page
    THEN a page asks again, saying what a reset does, and nothing has changed yet; once confirmed, the form's
    answer is a redirect to the page that shows the one-time password once; a reload shows that it is gone
    and resets nothing again (one audit entry), and the password is in no address and no log line."""
    server = browser.server
    old_token = server.login("staff2")
    browser.sign_in("admin")
    browser.open("/console/staff/staff2")
    with caplog.at_level(logging.DEBUG):
        browser.submit("#reset-password")
        assert browser.text("#confirm-title") == "Atur ulang kata sandi staff2?"
        assert "semua sesi masuknya (aplikasi loket, konsol) berakhir saat itu juga" in browser.text("#confirm-warning")
        assert _login(server, "staff2", PASSWORD).status_code == 200 and _resets_of(server, "staff2") == []
        browser.submit("#confirm-reset")
        assert browser.path() == "/console/staff/_one-time"
        assert browser.text("h1") == "Kata sandi staff2 diatur ulang"
        one_time = browser.text("#one-time-password")
        assert one_time not in browser.driver.current_url
        browser.driver.refresh()
        browser.until(lambda: browser.finds("#error-title"))
        assert browser.text("#error-title") == "Kata sandi sudah ditampilkan"
        assert one_time not in browser.driver.page_source
    assert len(_resets_of(server, "staff2")) == 1
    # The server's log lines (the test's own browser driver logs what it read off the page).
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith(("selenium", "urllib3")))
    assert one_time not in logged
    assert _login(server, "staff2", PASSWORD).status_code == 401
    assert _login(server, "staff2", one_time).json()["must_change_password"] is True
    gone = requests.get(f"{server.api}/me/day", headers={"Authorization": f"Bearer {old_token}"}, timeout=10)
    assert gone.status_code == 401


def test_cancelling_the_second_question_resets_nothing(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/staff/staff2")
    browser.submit("#reset-password")
    browser.find("#confirm-cancel").click()
    browser.until(lambda: browser.path() == "/console/staff/staff2")
    browser.submit("#disable-user")
    assert browser.text("#confirm-title") == "Nonaktifkan staff2?"
    browser.find("#confirm-cancel").click()
    browser.until(lambda: browser.path() == "/console/staff/staff2")
    assert _resets_of(server, "staff2") == []
    assert _user(server, "staff2")["active"] is True
    assert _login(server, "staff2", PASSWORD).status_code == 200


def test_an_admin_sets_a_role_and_the_last_admin_cannot_step_down(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/staff/staff2")
    browser.find("#role option[value='supervisor']").click()
    browser.submit("#set-role")
    assert browser.path() == "/console/staff?done=role&user=staff2"
    assert browser.text("#notice") == "Peran staff2 disimpan."
    assert browser.text("#user-staff2 .role-cell") == "Supervisor"
    assert _user(server, "staff2")["role"] == "supervisor"

    browser.open("/console/staff/admin")
    assert "Anda akan keluar" in browser.text("#disable-form")
    browser.submit("#disable-user")
    assert "Anda akan keluar" in browser.text("#confirm-warning")
    browser.submit("#confirm-disable")
    assert browser.text("#problem") == ("admin adalah admin aktif terakhir: jadikan akun lain admin dulu. "
                                        "Tidak ada yang diubah.")
    assert browser.text("#user-active") == "aktif"
    browser.find("#role option[value='staff']").click()
    browser.submit("#set-role")
    assert browser.text("#problem").startswith("admin adalah admin aktif terakhir")
    assert browser.find("#role option[value='staff']").is_selected()  # what was chosen stays chosen
    assert _user(server, "admin")["role"] == "admin" and _user(server, "admin")["active"] is True


def test_disabling_an_officer_in_the_console_sends_their_real_counter_app_to_sign_in(
        browser: Browser, qtbot: QtBot, counter: CounterController) -> None:
    """GIVEN staff1 at loket 1 in the real counter app
    WHEN an admin disables staff1 on the staff page
    THEN the app's next request is refused and it shows its sign-in screen with the reason; the page says
    every sign-in ended; enabling lets staff1 sign in again."""
    server = browser.server
    at_desk(qtbot, counter)
    browser.sign_in("admin")
    browser.open("/console/staff/staff1")
    assert "Semua sesi masuk akun ini berakhir saat itu juga" in browser.text("#disable-form")
    browser.submit("#disable-user")
    assert counter.current_screen() != "login" and _user(server, "staff1")["active"] is True
    browser.submit("#confirm-disable")
    assert browser.text("#notice") == "staff1 dinonaktifkan; semua sesi masuknya sudah berakhir."
    assert browser.text("#user-staff1 .active") == "dinonaktifkan"

    qtbot.waitUntil(lambda: counter.current_screen() == "login", timeout=WAIT_MS)
    indonesian, english = counter.login_screen.error.texts()
    assert counter.login_screen.error.code() == "account_disabled"
    assert "dinonaktifkan oleh admin" in indonesian and "disabled your account" in english
    assert _login(server, "staff1", PASSWORD).status_code in (401, 403)

    browser.open("/console/staff/staff1")
    browser.submit("#enable-user")
    assert browser.text("#notice") == "staff1 diaktifkan lagi."
    assert _login(server, "staff1", PASSWORD).status_code == 200


def test_a_forged_form_is_refused_and_changes_nothing(browser: Browser) -> None:
    browser.sign_in("admin")
    for forge in ("document.querySelector('#disable-form input[name=csrf]').value = 'salah'",
                  "document.querySelector('#disable-form input[name=csrf]').remove()"):
        browser.open("/console/staff/staff1")
        browser.driver.execute_script(forge)
        browser.submit("#disable-user")
        assert browser.text("#error-title") == "Formulir ditolak"
        assert _user(browser.server, "staff1")["active"] is True
    browser.open("/console/staff/staff1")
    browser.submit("#disable-user")
    browser.driver.execute_script("document.querySelector('#confirm-form input[name=csrf]').value = 'salah'")
    browser.submit("#confirm-disable")
    assert browser.text("#error-title") == "Formulir ditolak"
    assert _user(browser.server, "staff1")["active"] is True


def test_a_display_name_holding_markup_is_shown_as_text(browser: Browser) -> None:
    server = browser.server
    browser.sign_in("admin")
    browser.open("/console/staff")
    browser.find("#username").send_keys("jahil")
    browser.find("#display_name").send_keys(XSS)
    browser.submit("#add-user")
    assert browser.text("#one-time-intro") == f"Kata sandi sekali pakai untuk {XSS} (nama pengguna jahil):"
    assert browser.driver.execute_script("return window.__xss") is None
    browser.open("/console/staff")
    assert browser.text("#user-jahil .display-name") == XSS
    browser.open("/console/staff/jahil")
    assert browser.text("h1").startswith(XSS)
    assert browser.driver.execute_script("return window.__xss") is None
    assert not browser.finds("img[src=x]")
    assert _user(server, "jahil")["display_name"] == XSS


def test_a_supervisor_is_refused_the_staff_page(browser: Browser) -> None:
    browser.server.services.accounts.add_user("super2", PASSWORD, Role.SUPERVISOR)
    browser.sign_in("super")
    assert "Petugas" not in [a.text for a in browser.finds("nav a")]
    browser.open("/console/staff")
    assert browser.text("#error-title") == "Tidak diizinkan"
    assert browser.text("#error-text") == "Peran Anda (Supervisor) tidak boleh membuka halaman ini."
    browser.open("/console/staff/super2")
    assert browser.text("#error-title") == "Tidak diizinkan"
