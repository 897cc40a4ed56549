"""The outbox's rules for a booking's messages without HTTP: a reminder is due only from its time, the rows
of a future booking day keep their number until that day closes, the texts carry the code and no NIK in
both languages, and a Cloud API site maps each booking message to a template Meta approved."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from server.db import Database, outbox
from server.notify.booking_watch import forget_ahead_of_the_slot
from server.notify.config import NotifyConfigInvalid, load_channels
from server.notify.outbox import CLAIM_FOR, WITHDRAWN, Outbox, enqueue
from server.notify.texts import TEMPLATES, fields, long_date, render
from tests.support.clock import SettableClock, wib

MADE_ON = date(2026, 11, 23)            # a Monday
BOOKED_FOR = date(2026, 11, 25)         # the Wednesday after
BOOKING_TEMPLATES = ("booking_made", "booking_reminder_day", "booking_reminder_hour", "booking_cancelled",
                     "booking_cancelled_by_staff")
VALUES = {"code": "123-456-785", "service": "KTP Elektronik", "agency": "Disdukcapil",
          "day": "Rabu, 25 November 2026", "slot": "09.00–09.30 WIB", "check_in": "08.00–09.15 WIB",
          "link": "https://antrean.example.go.id/booking/abc", "book_again": "https://antrean.example.go.id/booking"}


@pytest.fixture
def box(tmp_path: Path) -> Iterator[Outbox]:
    db = Database(f"sqlite:///{tmp_path / 'o.sqlite3'}")
    db.create_schema()
    yield Outbox(db)
    db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_box(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Outbox]:
    if request.param == "postgres":
        from tests.conftest import _fresh_pg_url  # noqa: PLC0415 - only when PostgreSQL is given
        db = Database(_fresh_pg_url())
    else:
        db = Database(f"sqlite:///{tmp_path / 'race.sqlite3'}")
    db.create_schema()
    yield Outbox(db)
    db.dispose()


def _remind(box: Outbox, at: datetime, send_at: datetime | None, day: date = BOOKED_FOR) -> int:
    with box.db.write() as conn:
        return enqueue(conn, at=at, day=day, channel="whatsapp", template="booking_reminder_hour", language="id",
                       params=VALUES, recipient="6281234567890", send_at=send_at, booking_id=7)


def _recipients(box: Outbox) -> dict[int, str | None]:
    """The messages still to be sent or sent, by id: a withdrawn one is kept, without its number."""
    with box.db.read() as conn:
        return dict(conn.execute(outbox.select().with_only_columns(outbox.c.id, outbox.c.recipient)
                                 .where(outbox.c.status != WITHDRAWN)).all())


def test_a_reminder_is_due_from_its_time_not_from_when_it_was_written(box: Outbox):
    clock = SettableClock(wib(2026, 11, 23, 9, 0))
    send_at = wib(2026, 11, 25, 8, 0).astimezone(UTC)
    row = _remind(box, clock.now(), send_at)
    assert box.claim_due(send_at - timedelta(seconds=1)) == []
    (due,) = box.claim_due(send_at)
    assert due.id == row and due.message.template == "booking_reminder_hour"
    box.sent(row, send_at, "ref")
    assert box.claim_due(send_at + timedelta(days=1)) == []


def test_a_future_days_rows_keep_their_number_until_that_day_closes(box: Outbox):
    """GIVEN a booking's "made" message of Monday and its reminders of Wednesday, sent or given up
    WHEN Monday and then Wednesday close THEN each number goes only once its own day has closed."""
    at = wib(2026, 11, 23, 9, 0).astimezone(UTC)
    made = _remind(box, at, None, day=MADE_ON)
    told = _remind(box, at, wib(2026, 11, 24, 16, 0))
    failed = _remind(box, at, wib(2026, 11, 25, 8, 0))
    waiting = _remind(box, at, wib(2026, 11, 25, 8, 0))
    box.sent(made, at, None)
    box.sent(told, at, None)
    box.dead(failed, "HTTP 503")
    assert box.forget_recipients(MADE_ON + timedelta(days=1)) == 1
    assert _recipients(box) == {made: None, told: "6281234567890", failed: "6281234567890",
                                waiting: "6281234567890"}
    assert box.forget_recipients(BOOKED_FOR) == 0
    assert box.forget_recipients(BOOKED_FOR + timedelta(days=1)) == 2
    assert _recipients(box) == {made: None, told: None, failed: None, waiting: "6281234567890"}
    with box.db.write() as conn:
        assert not box.revive(conn, failed, at)  # a dead reminder whose number went is not sent again


@pytest.mark.parametrize("template", BOOKING_TEMPLATES)
@pytest.mark.parametrize("language", ["id", "en"])
def test_a_bookings_message_has_its_code_and_slot_in_both_languages(template: str, language: str):
    text = render(template, language, VALUES)
    assert "123-456-785" in text and "09.00–09.30 WIB" in text and "{" not in text
    assert set(fields(template)) == {name for name in VALUES if "{" + name + "}" in TEMPLATES[template][language]}


def test_a_line_whose_only_value_is_missing_is_left_out_whole():
    with_link = render("booking_made", "id", VALUES)
    without = render("booking_made", "id", {**VALUES, "link": ""})
    assert with_link.splitlines()[-1] == "QR dan pembatalan: https://antrean.example.go.id/booking/abc"
    assert without.splitlines() == with_link.splitlines()[:-1]
    assert render("ticket_called", "id", {"code": "A-001"}) == "Nomor A-001 dipanggil. Silakan menuju ."


def test_a_staff_cancel_on_a_server_without_a_public_address_still_gives_the_information_desk():
    """The book-again line needs the site's address; without it the message keeps its apology and the desk."""
    assert render("booking_cancelled_by_staff", "en", {**VALUES, "book_again": ""}).splitlines() == [
        "We are sorry: booking 123-456-785 for KTP Elektronik, Rabu, 25 November 2026 at 09.00–09.30 WIB, was "
        "cancelled by the MPP's staff, not by you.", "Questions? Please ask at the MPP's information desk."]
    assert fields("booking_cancelled_by_staff") == ("code", "service", "day", "slot", "book_again")


def test_a_day_is_written_out_in_the_holders_language():
    assert long_date(BOOKED_FOR, "id") == "Rabu, 25 November 2026"
    assert long_date(date(2026, 12, 7), "en") == "Monday 7 December 2026"


def test_the_cloud_apis_values_follow_the_indonesian_texts_order():
    assert fields("booking_made") == ("code", "service", "agency", "day", "slot", "check_in", "link")
    assert fields("turn_near") == ("code", "ahead", "minutes") and fields("ticket_called") == ("code", "loket")


def test_a_cloud_template_name_for_a_message_the_server_never_sends_is_refused(tmp_path: Path):
    path = tmp_path / "notify.toml"
    path.write_text('[whatsapp]\nkind = "cloud"\ntoken = "tok-123456"\nphone_number_id = "1234567"\n'
                    '[whatsapp.templates]\nbooking_made = "anjungan_booking"\nboking_cancelled = "x"\n', "utf-8")
    with pytest.raises(NotifyConfigInvalid) as refused:
        load_channels(path)
    message = str(refused.value)
    assert "tidak mengenal boking_cancelled" in message and "does not know boking_cancelled" in message
    assert "booking_cancelled" in message and "tok-123456" not in message
    path.write_text(path.read_text("utf-8").replace("boking_cancelled", "booking_cancelled"), "utf-8")
    assert list(load_channels(path)) == ["whatsapp"]




def test_a_reminder_a_sender_holds_is_not_removed_under_it(box: Outbox):
    """GIVEN a sender claimed a due reminder WHEN its booking is cancelled THEN that reminder is left to the
    sender (it is being sent this moment) and the one not yet due is removed; once a dead sender's claim ran
    out, a cancel removes it too."""
    due = wib(2026, 11, 24, 8, 0).astimezone(UTC)
    held = _remind(box, due, due)
    _remind(box, due, due + timedelta(hours=1))
    assert [c.id for c in box.claim_due(due)] == [held]
    with box.db.write() as conn:
        assert forget_ahead_of_the_slot(conn, due, 7) == 1
    assert list(_recipients(box)) == [held]
    with box.db.write() as conn:
        assert forget_ahead_of_the_slot(conn, due + CLAIM_FOR + timedelta(seconds=1), 7) == 1
    assert _recipients(box) == {}


def test_a_removed_reminders_id_is_never_a_new_messages_key(box: Outbox):
    """The key a receiver drops repeats by is the row's id: the newest row removed (a cancel's reminders),
    the next message still gets an id never used, so its webhook-id is new."""
    at = wib(2026, 11, 23, 9, 0).astimezone(UTC)
    _remind(box, at, None)
    removed = _remind(box, at, wib(2026, 11, 25, 8, 0))
    with box.db.write() as conn:
        assert forget_ahead_of_the_slot(conn, at, 7) == 2
    assert _remind(box, at, None) > removed


def _race(box: Outbox, due: datetime, booking: int) -> tuple[list[int], list[int]]:
    """The sender's claim and the cancel's removal of one booking's reminders, started at one moment."""
    start = threading.Barrier(2)
    claimed: list[int] = []
    removed: list[int] = []

    def send() -> None:
        start.wait()
        claimed.extend(c.id for c in box.claim_due(due))

    def cancel() -> None:
        start.wait()
        with box.db.write() as conn:
            removed.append(forget_ahead_of_the_slot(conn, due, booking))

    threads = [threading.Thread(target=send), threading.Thread(target=cancel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return claimed, removed


def test_a_reminder_due_as_its_booking_is_cancelled_is_either_sent_or_removed_never_both(any_box: Outbox):
    """The sender's claim and the cancel's removal race on one due reminder, twenty times: each time exactly
    one wins; a claimed reminder is never withdrawn under its sender, a withdrawn one never claimed."""
    due = wib(2026, 11, 24, 8, 0).astimezone(UTC)
    for booking in range(20):
        with any_box.db.write() as conn:
            row = enqueue(conn, at=due, day=BOOKED_FOR, channel="whatsapp", template="booking_reminder_hour",
                          language="id", params=VALUES, recipient="6281234567890", booking_id=booking)
        claimed, removed = _race(any_box, due, booking)
        with any_box.db.read() as conn:
            left = conn.execute(outbox.select().where(outbox.c.id == row)).one()
        withdrawn = left.status == WITHDRAWN
        assert (claimed, removed, withdrawn) in (([row], [0], False), ([], [1], True)), booking
        assert (left.recipient is None) == withdrawn
        if not withdrawn:
            any_box.sent(row, due, None)
