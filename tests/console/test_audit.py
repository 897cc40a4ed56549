"""The audit log's page in a real browser: what supervisors, officers and admins did through the real API
shows with who, what and when; each filter narrows it and stays in the address; the pages go back in
time and end; an officer is refused; what anyone typed is shown as text, a NIK as its last four digits."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from core.wire import AuditKind
from server.auth import Role
from server.console.i18n import MESSAGES
from tests.console.conftest import Browser
from tests.support.server import PASSWORD, LiveServer

XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'
NIK = "3604011208900001"


def ok(response) -> dict:
    assert response.status_code in (200, 201), response.text
    return response.json()


def a_morning_of_changes(server: LiveServer) -> None:
    """Through the real API: staff1 puts a called ticket back in the queue and transfers another with a
    note; a supervisor takes over staff1's loket with a reason, lowers today's quota and closes a
    service for today with a note; an admin adds a user."""
    ok(server.call("POST", "/counters/1/open", "staff1"))
    first = server.issue("kk").json()
    assert ok(server.call("POST", "/counters/1/call-next", "staff1"))["current_ticket"]["id"] == first["id"]
    ok(server.call("POST", f"/tickets/{first['id']}/requeue", "staff1"))
    assert ok(server.call("POST", "/counters/1/call-next", "staff1"))["current_ticket"]["id"] == first["id"]
    ok(server.call("POST", f"/tickets/{first['id']}/start", "staff1"))
    ok(server.call("POST", f"/tickets/{first['id']}/transfer", "staff1",
                   json={"service_id": "ktp", "note": f"NIK {NIK} {XSS}"}))
    server.clock.advance(minutes=1)
    ok(server.call("POST", "/counters/1/open", "super", json={"reason": f"rapat {XSS}"}))
    server.clock.advance(minutes=1)
    ok(server.call("PUT", "/today/services/kk/quota", "super", json={"quota": 10}))
    server.clock.advance(minutes=1)
    ok(server.call("PUT", "/today/services/akta/closed", "super", json={"note": f"petugas sakit {XSS}"}))
    server.clock.advance(minutes=1)
    ok(server.call("POST", "/staff", "admin", json={"username": "rina", "role": "staff", "display_name": "Rina"}))


def rows(browser: Browser) -> list[dict[str, str]]:
    return [{part: row.find_element("css selector", f".{part}").text
             for part in ("when", "actor", "actor-role", "what", "subject", "detail")}
            for row in browser.finds("#audit tr.entry")]


def query_of(browser: Browser) -> dict[str, list[str]]:
    return parse_qs(urlsplit(browser.path()).query)


def test_each_change_shows_with_who_what_and_when_newest_first(browser: Browser) -> None:
    server = browser.server
    a_morning_of_changes(server)
    browser.sign_in("admin")
    browser.open("/console/audit")
    shown = rows(browser)[:6]
    # From Monday 23 Nov 2026 09.00 WIB by the test clock, a minute between the managers' changes.
    assert [row["when"] for row in shown] == [f"2026-11-23 09:0{m}:00 WIB" for m in (4, 3, 2, 1, 0, 0)]
    assert [(r["actor"], r["actor-role"], r["what"]) for r in shown[:6]] == [
        ("admin", "Admin", "Pengguna ditambahkan"),
        ("super", "Supervisor", "Layanan ditutup untuk hari ini"),
        ("super", "Supervisor", "Kuota hari ini diubah"),
        ("super", "Supervisor", "Loket diambil alih"),
        ("staff1", "Petugas", "Tiket dialihkan"),
        ("staff1", "Petugas", "Tiket dikembalikan ke antrean"),
    ]
    added, closed, quota, taken, transferred, requeued = shown[:6]
    assert added["subject"] == "Pengguna rina" and "peran: Petugas" in added["detail"]
    assert "nama: Rina" in added["detail"]
    assert closed["subject"] == "Layanan Akta Kelahiran (C)"
    assert f"petugas sakit {XSS}" in closed["detail"]
    assert quota["subject"] == "Layanan Kartu Keluarga (B)"
    assert "kuota 2000 → 10" in quota["detail"]
    assert taken["subject"] == "Loket 1"
    assert f"alasan: rapat {XSS}" in taken["detail"] and "dari petugas: staff1" in taken["detail"]
    assert transferred["subject"].startswith("Tiket B-")
    assert "layanan: Kartu Keluarga (B); ke layanan: KTP Elektronik (A)" in transferred["detail"]
    assert f"catatan: NIK ************0001 {XSS}" in transferred["detail"]
    assert requeued["subject"] == transferred["subject"]
    assert "sebelumnya: dipanggil" in requeued["detail"]
    # Typed text is shown as text: no script ran, no element came of it, no whole NIK anywhere.
    assert browser.driver.execute_script("return window.__xss === undefined")
    assert not browser.finds("#audit img") and not browser.finds("#audit script")
    assert NIK not in browser.driver.page_source

    browser.open("/console/lang/en?next=/console/audit")
    added, closed, quota = rows(browser)[:3]
    assert (added["what"], added["actor-role"], added["subject"]) == ("User added", "Admin", "User rina")
    assert "quota 2000 → 10" in quota["detail"] and quota["what"] == "Today's quota set"


def test_each_filter_narrows_the_log_and_stays_in_the_address(browser: Browser) -> None:
    server = browser.server
    a_morning_of_changes(server)
    server.clock.advance(days=1)
    server.tokens["super"] = server.login("super")  # the morning's sign-in ended after 12 hours
    ok(server.call("PUT", "/today/running-text", "super", json={"text": "Selamat pagi"}))
    browser.sign_in("super")
    browser.open("/console/audit")
    everyone = rows(browser)
    assert {"admin", "super", "staff1"} <= {r["actor"] for r in everyone}

    # A person chosen from those who appear.
    assert "staff1" in [o.text for o in browser.finds("#actor option")]
    browser.find("#actor option[value='staff1']").click()
    browser.submit("#audit-apply")
    assert query_of(browser)["actor"] == ["staff1"]
    narrowed = rows(browser)
    assert narrowed and {r["actor"] for r in narrowed} == {"staff1"}
    assert [r["what"] for r in narrowed] == ["Tiket dialihkan", "Tiket dikembalikan ke antrean"]
    # The same filter, shared by its address, shows the same.
    shared = browser.path()
    browser.open("/console/audit")
    browser.open(shared)
    assert rows(browser) == narrowed

    # A typed username wins over the chosen one; one nobody is gives the empty message.
    browser.open("/console/audit?actor=staff1&actor_text=admin")
    assert {r["actor"] for r in rows(browser)} == {"admin"}
    browser.open("/console/audit")
    browser.find("#actor_text").send_keys("nobody")
    browser.submit("#audit-apply")
    assert rows(browser) == []
    assert browser.text("#audit-empty") == "Tidak ada entri yang cocok dengan saringan ini."
    assert not browser.finds("#audit-older")

    # A kind.
    browser.open("/console/audit")
    browser.find(f"#kind option[value='{AuditKind.QUOTA_SET_TODAY.value}']").click()
    browser.submit("#audit-apply")
    assert query_of(browser)["kind"] == [AuditKind.QUOTA_SET_TODAY.value]
    assert [r["what"] for r in rows(browser)] == ["Kuota hari ini diubah"]
    assert browser.find("#kind option:checked").get_attribute("value") == AuditKind.QUOTA_SET_TODAY.value

    # A site-local day: the running text was set on Tuesday, the rest on Monday.
    for day, expected in (("2026-11-24", {"Teks berjalan dipasang"}), ("2026-11-22", set())):
        browser.open("/console/audit")
        browser.driver.execute_script("document.getElementById('date').value = arguments[0]", day)
        browser.submit("#audit-apply")
        assert query_of(browser)["date"] == [day]
        assert {r["what"] for r in rows(browser)} == expected
        assert {r["when"][:10] for r in rows(browser)} <= {day}
    browser.open("/console/audit?date=2026-11-23")
    monday = rows(browser)
    assert len(monday) >= 6 and {r["when"][:10] for r in monday} == {"2026-11-23"}
    assert "Teks berjalan dipasang" not in {r["what"] for r in monday}


def said(n: int) -> str:
    return f"teks: Pengumuman {n}; hari layanan: 2026-11-23"


def test_the_pages_go_back_in_time_and_end(browser: Browser) -> None:
    server = browser.server
    for n in range(1, 62):
        ok(server.call("PUT", "/today/running-text", "super", json={"text": f"Pengumuman {n}"}))
    browser.sign_in("super")
    browser.open(f"/console/audit?kind={AuditKind.RUNNING_TEXT_SET.value}")
    first = rows(browser)
    assert len(first) == 50
    assert [r["detail"] for r in first] == [said(n) for n in range(61, 11, -1)]
    assert not browser.finds("#audit-end") and not browser.finds("#audit-newest")
    browser.submit("#audit-older")
    assert query_of(browser)["kind"] == [AuditKind.RUNNING_TEXT_SET.value]
    second = rows(browser)
    assert [r["detail"] for r in second] == [said(n) for n in range(11, 0, -1)]
    assert browser.text("#audit-end") == "Tidak ada entri yang lebih lama."
    assert not browser.finds("#audit-older")
    browser.submit("#audit-newest")
    assert rows(browser) == first


def test_a_person_with_a_display_name_is_shown_by_it_too(browser: Browser) -> None:
    server = browser.server
    server.services.accounts.add_user("yanti", PASSWORD, Role.SUPERVISOR, display_name="Yanti Susanti")
    server.tokens["yanti"] = server.login("yanti")
    ok(server.call("PUT", "/today/running-text", "yanti", json={"text": "Selamat datang"}))
    browser.sign_in("super")
    browser.open("/console/audit")
    newest = browser.find("#audit tr.entry")
    assert newest.find_element("css selector", ".who-did").text.split("\n") == ["yanti", "Yanti Susanti", "Supervisor"]
    assert browser.find("#actor option[value='yanti']").text == "yanti · Yanti Susanti"


def test_an_officer_is_refused_and_no_sign_in_goes_to_the_sign_in(browser: Browser) -> None:
    browser.open("/console/audit")
    assert browser.path().startswith("/console/login?next=/console/audit")
    browser.sign_in("staff1")
    browser.open("/console/audit")
    assert browser.find("h1").text == "Tidak diizinkan"
    assert "Petugas" in browser.text("main")
    assert not browser.finds("#audit") and not browser.finds("#audit-filter")
    assert "Log audit" not in [a.text for a in browser.finds("header nav a")]


def test_a_filter_that_cannot_be_read_says_so(browser: Browser) -> None:
    browser.sign_in("super")
    for query, words in (("kind=user.flown", "Jenis itu tidak dikenal"), ("date=2026-13-40", "Tanggal itu"),
                         ("before=-1", "Alamat halaman ini rusak")):
        browser.open(f"/console/audit?{query}")
        assert words in browser.text("#problem")
        assert not browser.finds("#audit")


@pytest.mark.parametrize("kind", list(AuditKind))
def test_every_kind_has_words_in_both_languages(kind: AuditKind) -> None:
    indonesian, english = MESSAGES[f"audit.kind.{kind.value}"]
    assert indonesian.strip() and english.strip() and indonesian != kind.value

