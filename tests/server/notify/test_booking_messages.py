"""A booking's holder is told over real HTTP, through a gateway on a loopback port, by the real server: once
when the booking is made (its code, never the NIK), the day before at 16.00 and an hour before the slot,
each once and not a minute early; a cancelled booking is told so (in words of their own when the MPP's staff
cancelled it) and reminded of nothing more, a checked-in
one is reminded of nothing more; the site's webhook hears of every change, signed, with no code, NIK or
phone; the numbers go once the booking's day has closed."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import or_, select
from standardwebhooks import Webhook, WebhookVerificationError

from core.booking_code import shown
from server.auth import Role
from server.db import bookings, outbox
from server.notify.outbox import WITHDRAWN
from server.service_day import HOLD
from tests.console.test_access import visitor
from tests.server.notify.conftest import WEBHOOK_SECRET, killed_while_sending, notify_file, restarted
from tests.support.clock import WIB, wib
from tests.support.gateway import Gateway
from tests.support.net import wait_for
from tests.support.server import PASSWORD, TEST_CATALOG, LiveServer

NIK = "3604011208900001"  # a man born 12 August 1990 in Kabupaten Serang
OTHER_NIK = "3604014101900001"
PHONE = "0812-3456-7890"
TARGET = "6281234567890"
TUESDAY = "2026-11-24"    # the test clock starts on Monday 23 November 2026, 09.00 WIB


def book(hall: LiveServer, slot: str = "09:00", *, day: str = TUESDAY, phone: str | None = PHONE,
         language: str = "id", nik: str = NIK) -> dict[str, Any]:
    r = hall.http.post(f"{hall.api}/bookings", timeout=10, json={
        "service_id": "paspor", "date": day, "slot": slot, "nik": nik, "phone": phone,
        "consent": phone is not None, "language": language})
    assert r.status_code == 201, r.text
    return dict(r.json())


def to_citizen(gateway: Gateway) -> list[str]:
    return [r.form["message"] for r in gateway.delivered if r.path == "/send"]


def events(gateway: Gateway) -> list[dict[str, Any]]:
    return [r.json["data"] for r in gateway.delivered if r.path == "/hook"]  # type: ignore[index]


def told(gateway: Gateway, count: int) -> list[str]:
    """The citizen's messages once ``count`` have arrived."""
    wait_for(lambda: len(to_citizen(gateway)) >= count, what=f"{count} messages to the citizen")
    return to_citizen(gateway)


def rows(hall: LiveServer, booking: dict[str, Any]) -> dict[str, tuple[str, int, str | None]]:
    """The outbox rows of the booking's messages to its holder, but those withdrawn: template → status, tries,
    number."""
    with hall.services.db.read() as conn:
        found = conn.execute(select(outbox.c.template, outbox.c.status, outbox.c.attempts, outbox.c.recipient)
                             .join(bookings, bookings.c.id == outbox.c.booking_id)
                             .where(bookings.c.token == booking["token"], outbox.c.channel == "whatsapp",
                                    outbox.c.status != WITHDRAWN)).all()
    return {r.template: (r.status, r.attempts, r.recipient) for r in found}


def settled(hall: LiveServer, booking: dict[str, Any], template: str, status: str) -> bool:
    """Whether the message has ``status``; the test's clock moves a second a look, so retries fall due."""
    hall.clock.advance(seconds=1)
    return rows(hall, booking).get(template, ("", 0, None))[0] == status


def busy(hall: LiveServer) -> int:
    """How many messages are due now or held by a sender (claimed, not yet marked sent or tried again)."""
    with hall.services.db.read() as conn:
        return len(conn.execute(select(outbox.c.id).where(outbox.c.status == "pending", or_(
            outbox.c.claimed_until.is_not(None), outbox.c.next_attempt_at <= hall.clock.now()))).all())


def at(hall: LiveServer, moment: datetime) -> None:
    """Set the clock to ``moment``, through a change of date the way a real one goes (the new date holds
    a while first, server/service_day.py), and let the sender look once at what is due. Only once what is
    due now is sent: a clock jumping hours ahead mid-send would run the send's claim out and send it twice,
    which no real clock does."""
    wait_for(lambda: busy(hall) == 0, what="the messages due now to be sent")
    engine = hall.services.engine
    if moment.date() != hall.clock.now().astimezone(moment.tzinfo).date():
        hall.clock.set(moment - HOLD)
        engine.day_reading(engine.catalog())
    hall.clock.set(moment)
    hall.services.notifications.run()


def check_in(hall: LiveServer, booking: dict[str, Any]) -> dict[str, Any]:
    r = hall.call("POST", "/bookings/check-in", "kiosk", json={"token": booking["token"]},
                  headers={"Idempotency-Key": uuid.uuid4().hex})
    assert r.status_code == 201, r.text
    return dict(r.json())


def early_catalog(tmp_path: Path) -> Path:
    """The test catalog with check-in from 90 minutes before the slot: the hour-before reminder then
    falls inside the window, after a holder may have checked in already."""
    path = tmp_path / "catalog.toml"
    path.write_text(TEST_CATALOG.read_text("utf-8").replace("early_minutes = 60", "early_minutes = 90"), "utf-8")
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest) -> str | None:
    """The store the server runs on: SQLite in its folder (None), or an empty PostgreSQL schema."""
    if request.param == "sqlite":
        return None
    from tests.conftest import _fresh_pg_url  # noqa: PLC0415 - only when PostgreSQL is given
    return _fresh_pg_url()


def test_a_booking_is_told_once_with_its_code_and_reminded_at_its_times(notifying, gateway: Gateway,
                                                                         database: str | None):
    with notifying(database_url=database) as hall:
        booking = book(hall)
        (made,) = told(gateway, 1)
        assert made.splitlines() == [
            f"Booking Anda tercatat. Kode booking: {shown(booking['code'])}",
            "Paspor (Kantor Imigrasi Serang)", "Selasa, 24 November 2026, pukul 09.00–09.30 WIB",
            "Waktu check-in di anjungan: 08.00–09.15 WIB. Pindai QR booking, atau ketik kode ini dan 4 angka "
            "terakhir NIK Anda.", f"QR dan pembatalan: {booking['link']}"]
        assert booking["link"].endswith(f"/booking/{booking['token']}")
        at(hall, wib(2026, 11, 23, 15, 59))
        assert rows(hall, booking)["booking_reminder_day"] == ("pending", 0, TARGET)
        at(hall, wib(2026, 11, 23, 16, 0))
        day_before = told(gateway, 2)[1]
        assert day_before.startswith(f"Pengingat: besok Selasa, 24 November 2026, pukul 09.00–09.30 WIB, booking "
                                     f"{shown(booking['code'])} untuk Paspor.")
        at(hall, wib(2026, 11, 24, 7, 59))
        assert rows(hall, booking)["booking_reminder_hour"] == ("pending", 0, TARGET)
        at(hall, wib(2026, 11, 24, 8, 0))
        hour_before = told(gateway, 3)[2]
        assert hour_before.startswith(f"Pengingat: booking {shown(booking['code'])} untuk Paspor hari ini")
        at(hall, wib(2026, 11, 24, 11, 0))
        wait_for(lambda: all(status == "sent" for status, _, _ in rows(hall, booking).values()),
                 what="every message marked sent")
        assert rows(hall, booking) == {"booking_made": ("sent", 1, None),  # Monday's, closed since
                                       "booking_reminder_day": ("sent", 1, TARGET),
                                       "booking_reminder_hour": ("sent", 1, TARGET)}
    assert len(to_citizen(gateway)) == 3
    everything = b"".join(r.body for r in gateway.received)
    assert NIK.encode() not in everything and NIK[-4:].encode() not in everything


def test_a_booking_made_after_its_reminders_times_gets_only_the_ones_still_ahead(notifying, gateway: Gateway):
    """GIVEN Monday 16.30, past the day-before reminder's time WHEN Tuesday 09.00 is booked THEN it is reminded
    only an hour before; and at Tuesday 09.45 a booking of 10.30, less than an hour away, is reminded never."""
    with notifying() as hall:
        at(hall, wib(2026, 11, 23, 16, 30))
        tuesday = book(hall)
        assert set(rows(hall, tuesday)) == {"booking_made", "booking_reminder_hour"}
        at(hall, wib(2026, 11, 24, 9, 45))
        today = book(hall, "10:30", nik=OTHER_NIK)
        assert set(rows(hall, today)) == {"booking_made"}


def test_a_cancelled_booking_is_told_so_and_reminded_of_nothing(notifying, gateway: Gateway, database: str | None):
    with notifying(database_url=database) as hall:
        booking = book(hall, language="en")
        told(gateway, 1)
        r = hall.http.post(f"{hall.api}/bookings/{booking['token']}/cancel", timeout=10)
        assert r.status_code == 200 and r.json()["status"] == "cancelled", r.text
        cancelled = told(gateway, 2)[1]
        assert cancelled == (f"Booking {shown(booking['code'])} for Paspor, Tuesday 24 November 2026 at "
                             "09.00–09.30 WIB, has been cancelled.")
        assert set(rows(hall, booking)) == {"booking_made", "booking_cancelled"}
        for moment in (wib(2026, 11, 23, 16, 0), wib(2026, 11, 24, 8, 0), wib(2026, 11, 24, 9, 0)):
            at(hall, moment)
        wait_for(lambda: [e["status"] for e in events(gateway)] == ["booked", "cancelled"],
                 what="both changes on the webhook")
    assert len(to_citizen(gateway)) == 2


def test_a_booking_cancelled_by_the_mpps_staff_tells_its_holder_so(notifying, gateway: Gateway,
                                                                    database: str | None):
    """GIVEN two bookings with a number WHEN a supervisor cancels one on /console/bookings and the other's holder
    cancels it by its link THEN the first is told once that the MPP's staff cancelled it, with an apology and
    the way on, the second in the holder's own words; no message names the officer, and neither webhook event
    says who cancelled."""
    with notifying(database_url=database) as hall:
        hall.services.accounts.add_user("siti.rahma", PASSWORD, Role.SUPERVISOR)
        by_staff = book(hall)
        by_holder = book(hall, "10:00", nik=OTHER_NIK, language="en")
        told(gateway, 2)
        office = visitor(hall, "siti.rahma")
        r = office.post(f"/console/bookings/{by_staff['code']}/cancel", {"date": TUESDAY, "confirm": "yes"})
        assert r.status_code == 303, r.text
        r = hall.http.post(f"{hall.api}/bookings/{by_holder['token']}/cancel", timeout=10)
        assert r.status_code == 200 and r.json()["status"] == "cancelled", r.text
        cancels = told(gateway, 4)[2:]
        assert sorted(cancels) == sorted([
            f"Mohon maaf, booking {shown(by_staff['code'])} untuk Paspor, Selasa, 24 November 2026 pukul "
            "09.00–09.30 WIB, dibatalkan oleh petugas MPP, bukan oleh Anda.\n"
            f"Silakan booking lagi: {hall.url}/booking\nAda pertanyaan? Silakan ke meja informasi MPP.",
            f"Booking {shown(by_holder['code'])} for Paspor, Tuesday 24 November 2026 at 10.00–10.30 WIB, has "
            "been cancelled."])
        assert set(rows(hall, by_staff)) == {"booking_made", "booking_cancelled_by_staff"}
        assert set(rows(hall, by_holder)) == {"booking_made", "booking_cancelled"}
        wait_for(lambda: [e["status"] for e in events(gateway)].count("cancelled") == 2,
                 what="both cancels on the webhook")
        for moment in (wib(2026, 11, 23, 16, 0), wib(2026, 11, 24, 8, 0)):
            at(hall, moment)
    assert len(to_citizen(gateway)) == 4
    for change in events(gateway):
        assert set(change) == {"id", "service_id", "service_date", "slot_start", "status", "language"}
    everything = b"".join(r.body for r in gateway.received)
    for secret in (b"siti.rahma", b"cancelled_by", NIK.encode(), OTHER_NIK.encode()):
        assert secret not in everything


def test_a_checked_in_booking_is_reminded_of_nothing_more(notifying, gateway: Gateway, tmp_path: Path,
                                                          database: str | None):
    with notifying(catalog=early_catalog(tmp_path), database_url=database) as hall:
        booking = book(hall, "10:00")
        at(hall, wib(2026, 11, 23, 16, 0))
        told(gateway, 2)
        at(hall, wib(2026, 11, 24, 8, 45))  # inside the window (from 08.30), before the 09.00 reminder
        ticket = check_in(hall, booking)
        assert ticket["booked_for"] == "10:00"
        assert "booking_reminder_hour" not in rows(hall, booking)
        at(hall, wib(2026, 11, 24, 9, 0))
        wait_for(lambda: [e["status"] for e in events(gateway)] == ["booked", "checked_in"],
                 what="both changes on the webhook")
    assert len(to_citizen(gateway)) == 2


def test_a_gateway_that_fails_twice_delivers_the_booking_message_once(notifying, gateway: Gateway):
    gateway.fail_next = 2
    with notifying(webhook=False) as hall:
        booking = book(hall)
        wait_for(lambda: settled(hall, booking, "booking_made", "sent"), what="the message to be sent")
        assert rows(hall, booking)["booking_made"] == ("sent", 3, TARGET)
    assert len(gateway.received) == 3 and len(to_citizen(gateway)) == 1


def test_a_gateway_down_for_good_ends_in_the_dead_letters_shown_in_the_console(notifying, gateway: Gateway):
    gateway.down = True
    with notifying(webhook=False) as hall:
        booking = book(hall)
        wait_for(lambda: settled(hall, booking, "booking_made", "dead"), what="the message to be given up")
        page = visitor(hall, "super").get("/console/notifications?status=dead")
        assert page.status_code == 200
        assert "Booking dibuat" in page.text and "6281••••••890" in page.text and "HTTP 503" in page.text
        assert TARGET not in page.text and booking["code"] not in page.text and NIK not in page.text
    assert not gateway.delivered


def test_the_webhook_hears_of_every_change_signed_and_without_code_nik_or_phone(notifying, gateway: Gateway):
    with notifying() as hall:
        booking = book(hall)
        wait_for(lambda: events(gateway), what="the booking's event on the webhook")
    (hook,) = [r for r in gateway.delivered if r.path == "/hook"]
    headers = {k: hook.headers[k] for k in ("webhook-id", "webhook-timestamp", "webhook-signature")}
    event = Webhook(WEBHOOK_SECRET).verify(hook.body, headers)
    assert event["type"] == "anjungan.booking_changed"
    assert {k: v for k, v in event["data"].items() if k != "id"} == {
        "service_id": "paspor", "service_date": TUESDAY, "slot_start": "09:00", "status": "booked", "language": "id"}
    for secret in (booking["code"], booking["token"], NIK, NIK[-4:], TARGET):
        assert secret.encode() not in hook.body
    with pytest.raises(WebhookVerificationError):
        Webhook(WEBHOOK_SECRET).verify(hook.body.replace(b"booked", b"cancelled"), headers)


def test_a_cloud_api_site_gets_each_booking_message_by_its_approved_template(notifying, gateway: Gateway):
    with notifying(whatsapp="cloud", webhook=False, templates={"booking_made": "anjungan_booking"}) as hall:
        booking = book(hall)
        wait_for(lambda: gateway.delivered, what="the template message")
    template = gateway.delivered[0].json["template"]  # type: ignore[index]
    assert template["name"] == "anjungan_booking" and template["language"] == {"code": "id"}
    values = [p["text"] for p in template["components"][0]["parameters"]]
    assert values == [shown(booking["code"]), "Paspor", "Kantor Imigrasi Serang", "Selasa, 24 November 2026",
                      "09.00–09.30 WIB", "08.00–09.15 WIB", booking["link"]]


def test_a_site_whose_messaging_service_is_the_webhook_gets_whom_to_tell_and_what(notifying, gateway: Gateway):
    with notifying(whatsapp=None) as hall:
        booking = book(hall)
        wait_for(lambda: len(gateway.delivered) == 2, what="the event and the message on the webhook")
    change, made = (r.json for r in gateway.delivered)
    assert change["type"] == "anjungan.booking_changed" and "to" not in change["data"]  # type: ignore[index]
    assert made["type"] == "anjungan.booking_made"  # type: ignore[index]
    assert made["data"]["to"] == TARGET and made["data"]["code"] == shown(booking["code"])  # type: ignore[index]
    assert made["data"]["text"].startswith(f"Booking Anda tercatat. Kode booking: {shown(booking['code'])}\n")  # type: ignore[index]

def test_a_booking_without_a_number_tells_only_the_webhook(notifying, gateway: Gateway):
    with notifying() as hall:
        booking = book(hall, phone=None)
        wait_for(lambda: events(gateway), what="the booking's event on the webhook")
        assert rows(hall, booking) == {}
    assert to_citizen(gateway) == []


def test_the_numbers_go_only_once_the_day_each_message_belongs_to_has_closed(notifying, gateway: Gateway):
    """GIVEN a booking of Wednesday made on Monday WHEN each day closes THEN Monday's "made" message loses
    its number at Monday's close, the reminders (Wednesday's, one sent, one given up) only at Wednesday's,
    when the booking's own number goes too."""
    with notifying(webhook=False) as hall:
        booking = book(hall, day="2026-11-25")
        told(gateway, 1)
        close_day(hall, wib(2026, 11, 24, 0, 10))
        assert rows(hall, booking) == {"booking_made": ("sent", 1, None),
                                       "booking_reminder_day": ("pending", 0, TARGET),
                                       "booking_reminder_hour": ("pending", 0, TARGET)}
        at(hall, wib(2026, 11, 24, 16, 0))
        told(gateway, 2)
        close_day(hall, wib(2026, 11, 25, 0, 10))
        assert rows(hall, booking)["booking_reminder_day"] == ("sent", 1, TARGET)
        gateway.down = True
        at(hall, wib(2026, 11, 25, 8, 0))
        wait_for(lambda: settled(hall, booking, "booking_reminder_hour", "dead"),
                 what="the hour-before reminder to be given up")
        assert rows(hall, booking)["booking_reminder_hour"][2] == TARGET
        close_day(hall, wib(2026, 11, 26, 0, 10))
        assert {number for _, _, number in rows(hall, booking).values()} == {None}
        with hall.services.db.read() as conn:
            assert conn.execute(select(bookings.c.phone, bookings.c.status)).one() == (None, "no_show")


def test_a_booking_missed_is_a_no_show_on_the_webhook_and_reminded_of_nothing_more(notifying, gateway: Gateway):
    with notifying() as hall:
        booking = book(hall, "10:30")
        at(hall, wib(2026, 11, 23, 16, 0))
        told(gateway, 2)
        hall.services.engine.bookings.close_day(date(2026, 11, 24))  # the day's end, early: nobody came
        assert set(rows(hall, booking)) == {"booking_made", "booking_reminder_day"}
        at(hall, wib(2026, 11, 24, 9, 30))
        wait_for(lambda: [e["status"] for e in events(gateway)] == ["booked", "no_show"],
                 what="the no-show on the webhook")
    assert len(to_citizen(gateway)) == 2

def close_day(hall: LiveServer, moment: datetime) -> None:
    """Move to ``moment`` of the next day and run the day-end job and the sender's daily round as the
    server's own timers would."""
    at(hall, moment)
    hall.clock.advance(minutes=10)
    hall.services.engine.keep_day()
    hall.services.notifications.run()


def first_free_slot(api: str) -> tuple[str, str]:
    """A day and slot of the bookable service still free, from tomorrow on by the machine's own clock."""
    today = datetime.now(UTC).astimezone(WIB).date()
    for ahead in range(1, 15):
        day = (today + timedelta(days=ahead)).isoformat()
        found = requests.get(f"{api}/bookings/days", params={"service_id": "paspor", "date": day}, timeout=10)
        free = [s["start"] for s in found.json()["slots"] if s["left"] > 0] if found.ok else []
        if free:
            return day, free[0]
    raise AssertionError("no free slot in the next two weeks")


def test_a_server_killed_between_commit_and_send_tells_the_booking_after_restart(tmp_path: Path, gateway: Gateway):
    """The first server process commits the booking and its message and is killed while the gateway holds
    the request unanswered; the restarted server, once the dead one's claim has run out, sends it once."""
    def book(api: str, database: str, env: dict[str, str]) -> dict[str, Any]:
        day, slot = first_free_slot(api)
        r = requests.post(f"{api}/bookings", timeout=10, json={"service_id": "paspor", "date": day, "slot": slot,
                                                              "nik": NIK, "phone": PHONE, "consent": True,
                                                              "language": "id"})
        assert r.status_code == 201, r.text
        return dict(r.json())

    config = notify_file(tmp_path, gateway, webhook=False)
    database, booking = killed_while_sending(tmp_path, gateway, config, book)
    with restarted(tmp_path, database, config) as hall:
        wait_for(lambda: rows(hall, booking)["booking_made"][0] == "sent", what="the restarted server to send it")
        assert rows(hall, booking)["booking_made"] == ("sent", 2, TARGET)
    (made,) = [m for m in to_citizen(gateway) if m.startswith("Booking Anda tercatat")]
    assert shown(booking["code"]) in made


def test_a_webhook_down_when_a_booking_is_cancelled_still_hears_of_both_changes(notifying, gateway: Gateway):
    gateway.down = True
    with notifying() as hall:
        booking = book(hall)
        wait_for(lambda: len(gateway.received) >= 2, what="the first tries to fail")
        r = hall.http.post(f"{hall.api}/bookings/{booking['token']}/cancel", timeout=10)
        assert r.status_code == 200, r.text
        gateway.down = False
        wait_for(lambda: hall.clock.advance(seconds=1) or len(events(gateway)) >= 2 or busy(hall) == 0,
                 what="the webhook's events to be sent")
    assert sorted(e["status"] for e in events(gateway)) == ["booked", "cancelled"]  # a retry may come later
    assert len({r.headers["webhook-id"] for r in gateway.delivered if r.path == "/hook"}) == 2
