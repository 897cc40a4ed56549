"""Who cancelled a booking, over real HTTP on SQLite and PostgreSQL: a supervisor's cancel on /console/bookings
is known as the MPP's staff's afterwards. The holder's page says so in both languages with the way to book
again, and the holder's own answer carries only that flag, never the officer. The console's list names the
officer, or says the holder cancelled it."""

from __future__ import annotations

import html
import re

from server.auth import Role
from tests.console.test_access import visitor
from tests.server.bookings.conftest import booked, check_in
from tests.support.server import PASSWORD, LiveServer

DAY = "2026-11-24"  # the Tuesday after the test clock's Monday
OFFICER = "siti.rahma"


def _element(page: str, element_id: str) -> str:
    """The text of the page's element with ``element_id``, its markup and entities undone."""
    found = re.search(rf'<(\w+)[^>]* id="{element_id}"[^>]*>(.*?)</\1>', page, re.DOTALL)
    assert found, f"no #{element_id} in the page"
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(2))).strip()


def _cancel_both(server: LiveServer) -> tuple[dict, dict]:
    server.services.accounts.add_user(OFFICER, PASSWORD, Role.SUPERVISOR)
    by_staff, by_holder = booked(server, DAY, "09:00"), booked(server, DAY, "09:30")
    r = visitor(server, OFFICER).post(f"/console/bookings/{by_staff['code']}/cancel",
                                      {"date": DAY, "confirm": "yes"})
    assert r.status_code == 303, r.text
    assert server.call("POST", f"/bookings/{by_holder['token']}/cancel").json()["status"] == "cancelled"
    return by_staff, by_holder


def test_the_holders_page_says_the_mpps_staff_cancelled_it_and_how_to_book_again(server: LiveServer):
    by_staff, by_holder = _cancel_both(server)
    page = server.http.get(f"{server.url}/booking/{by_staff['token']}", timeout=10)
    assert page.status_code == 200
    assert _element(page.text, "status") == "Dibatalkan oleh petugas MPP"
    assert _element(page.text, "staff-note").startswith("Mohon maaf: booking ini dibatalkan oleh petugas MPP, "
                                                        "bukan oleh Anda")
    assert _element(page.text, "again") == "Booking lagi"
    english = server.http.get(f"{server.url}/booking/{by_staff['token']}?lang=en", timeout=10).text
    assert _element(english, "status") == "Cancelled by the MPP's staff"
    assert "Please book again, or ask at the MPP's information desk." in _element(english, "staff-note")
    assert OFFICER not in page.text and OFFICER not in english
    own = server.http.get(f"{server.url}/booking/{by_holder['token']}", timeout=10).text
    assert _element(own, "status") == "Booking ini sudah dibatalkan. Tempatnya dilepas untuk orang lain."
    assert 'id="staff-note"' not in own


def test_the_holders_answer_has_the_flag_and_never_the_officer(server: LiveServer):
    by_staff, by_holder = _cancel_both(server)
    staff_answer = server.call("GET", f"/bookings/{by_staff['token']}")
    assert staff_answer.json()["cancelled_by_staff"] is True and OFFICER not in staff_answer.text
    assert server.call("GET", f"/bookings/{by_holder['token']}").json()["cancelled_by_staff"] is False
    listed = server.call("GET", "/bookings", "super", params={"date": DAY}).json()
    assert {b["code"]: b["cancelled_by_staff"] for b in listed} == {by_staff["code"]: True, by_holder["code"]: False}


def test_the_consoles_list_says_who_cancelled_each(server: LiveServer):
    by_staff, by_holder = _cancel_both(server)
    page = visitor(server, "super").get(f"/console/bookings?date={DAY}").text
    staff_row = _element(page, f"booking-{by_staff['code']}")
    holder_row = _element(page, f"booking-{by_holder['code']}")
    assert "Dibatalkan oleh petugas siti.rahma" in " ".join(staff_row.split())
    assert "Dibatalkan oleh pemegangnya" in " ".join(holder_row.split())


def test_a_check_in_of_a_cancelled_booking_says_whether_the_mpps_staff_cancelled_it(server: LiveServer):
    by_staff, by_holder = _cancel_both(server)
    for booking, by_mpp in ((by_staff, True), (by_holder, False)):
        r = check_in(server, token=booking["token"])
        assert r.status_code == 409 and r.json()["error"]["code"] == "booking_cancelled"
        assert r.json()["error"]["params"] == {"by_staff": by_mpp}
