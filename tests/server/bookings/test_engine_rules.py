"""The booking engine's rules without HTTP (server/engine/bookings.py on the engine's hall in memory), so that
`make mutation` runs them against each change to it: a day's slots and places (the slot's, the day's cap
keeping the walk-ins' share, today's quota), each refusal of a booking with its reason and the next free slot,
the per-NIK limits a day and an ISO week, the row and event a booking writes, cancelling, each step and refusal
of a check-in, the places kept from walk-ins, and the day's end. The routes over HTTP: test_making.py and
test_check_in.py. The hall's clock starts on Monday 23 November 2026, 09.00 WIB."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from core.nik import nik_hash
from core.wire import Booking, BookingDay, BookingQuota, BookingSlot, BookingStatus
from server.auth import Principal, Role
from server.catalog import load_catalog_file
from server.db import bookings, tickets
from server.engine.bookings import Bookings
from server.errors import ApiError
from tests.server.bookings.conftest import changed_catalog, new_nik, paspor_of
from tests.support.clock import wib
from tests.support.engine import EngineHall, stored_by_another_process

TODAY, TUESDAY, WEDNESDAY = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)
SLOTS = ("08:00", "08:30", "09:00", "09:30", "10:00", "10:30")
SATURDAY, NEXT_MONDAY, LAST_BOOKABLE = date(2026, 11, 28), date(2026, 11, 30), date(2026, 12, 7)


def _make(hall: EngineHall, day: date, slot: str, nik: str | None = None, service_id: str = "paspor",
          **extra: Any) -> Booking:
    return hall.engine.bookings.make(service_id=service_id, day=day, slot=slot, nik=nik or new_nik(), **extra)


def _check_in(hall: EngineHall, booking: Booking | None = None, by: Principal | None = None, key: str | None = None,
              **typed: Any) -> tuple[dict[str, Any], bool]:
    """The kiosk's check-in of ``booking`` by its token (scanned), or of the code and NIK ``typed``."""
    scanned = {"token": booking.token} if booking is not None else {}
    return hall.engine.bookings.check_in(by or hall.kiosk, idempotency_key=key or uuid.uuid4().hex,
                                         **scanned, **typed)


def _refusal(call: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[int, str, str, dict[str, Any]]:
    """The refusal ``call`` raises: its HTTP status, code, message and params; fails the test if it answers."""
    try:
        answer = call(*args, **kwargs)
    except ApiError as refused:
        return refused.status, refused.code, refused.message, refused.params
    raise AssertionError(f"not refused: {answer!r}")


def _supervisor(hall: EngineHall) -> Principal:
    return hall.signed_in("kepala", Role.SUPERVISOR)


def _rows(hall: EngineHall, table=bookings) -> list[Any]:
    with hall.services.db.read() as conn:
        return list(conn.execute(select(table).order_by(table.c.id)).all())


def _told(hall: EngineHall) -> list[dict[str, Any]]:
    """What each booking.changed event said, oldest first."""
    return [data for kind, data in hall.events() if kind == "booking.changed"]


def _left(hall: EngineHall, day: date) -> dict[str, int]:
    return {s.start: s.left for s in hall.engine.bookings.day("paspor", day).slots}


@pytest.fixture
def bilingual_hall(make_hall, tmp_path) -> EngineHall:
    """Paspor with English names and requirements of its own, check-in from 30 minutes early (not the default
    60) and two bookings a day per NIK; and KK taking bookings too, with no daily quota."""
    def change(doc: dict[str, Any]) -> None:
        paspor = paspor_of(doc)
        paspor.update(name_en="Passport", requirements=["KTP asli"], requirements_en=["Original ID card"])
        next(a for a in doc["agencies"] if a["id"] == "imigrasi")["name_en"] = "Immigration Office"
        kk = next(s for a in doc["agencies"] for s in a["services"] if s["id"] == "kk")
        kk["booking"] = dict(paspor["booking"])
        del kk["quota"]
        paspor["booking"].update(early_minutes=30, per_nik_day=2, per_nik_week=3)
    return make_hall(catalog=changed_catalog(tmp_path, change))


@pytest.fixture
def weekend_hall(make_hall, tmp_path) -> EngineHall:
    """Paspor open every day of the week, its booking rules unchanged."""
    def change(doc: dict[str, Any]) -> None:
        paspor_of(doc)["hours"] = dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "08.00-12.00")
    return make_hall(catalog=changed_catalog(tmp_path, change))


# ----------------------------------------------------------------- a day's slots and places


def test_a_slot_is_named_with_a_colon_or_a_dot_and_one_or_two_hour_digits(hall):
    """GIVEN Tuesday's slots WHEN a slot is typed "9:30", "09.30" or " 9.30 " THEN each books the 09.30 slot;
    AND text that names no slot is refused as it was typed, never a crash."""
    assert {_make(hall, TUESDAY, typed).slot_start for typed in ("9:30", "09.30", " 9.30 ")} == {"09:30"}
    for typed in ("x:30", "9:xx", "9:3", "0930", "9:300", "11:00"):
        assert _refusal(_make, hall, TUESDAY, typed) == (
            422, "booking_slot_unknown", "That is not a slot of that day.", {"slot": typed})


def test_a_day_offers_each_slot_with_its_places_left(hall):
    """GIVEN one booking at 09.00 on Tuesday WHEN Tuesday is read THEN its six slots show four places each but
    09.00's three; AND today (09.00) only the slots not begun yet are offered."""
    made = _make(hall, TUESDAY, "09:00")
    ends = ("08:30", "09:00", "09:30", "10:00", "10:30", "11:00")
    assert hall.engine.bookings.day("paspor", TUESDAY) == BookingDay(
        service_id="paspor", date=TUESDAY, open=True,
        slots=tuple(BookingSlot(start=s, end=e, capacity=4, left=3 if s == made.slot_start else 4)
                    for s, e in zip(SLOTS, ends, strict=True)))
    assert list(_left(hall, TODAY)) == ["09:30", "10:00", "10:30"]


def test_a_closed_day_or_one_out_of_range_offers_no_slot_and_says_why(hall):
    """GIVEN bookings 14 days ahead WHEN a Saturday, Christmas, a past day, the day after the last or the last
    is read THEN each closed one says its reason and the last bookable day is open."""
    def closed(day: date) -> str | None:
        answer = hall.engine.bookings.day("paspor", day)
        assert answer.open == (answer.closed_reason is None) and (answer.slots == ()) == (not answer.open)
        return answer.closed_reason
    assert closed(SATURDAY) == "closed_day"
    assert closed(date(2026, 12, 25)) == "holiday"
    assert closed(date(2026, 11, 20)) == closed(LAST_BOOKABLE + timedelta(days=1)) == "booking_day_out_of_range"
    assert closed(LAST_BOOKABLE) is None and closed(TODAY) is None


def test_only_a_service_that_takes_bookings_has_days(hall):
    """GIVEN KK takes no bookings WHEN its day or an unknown service's is read THEN each is refused."""
    assert _refusal(hall.engine.bookings.day, "kk", TUESDAY) == (
        409, "booking_not_offered", "This service takes no bookings.", {"service_id": "kk"})
    assert _refusal(hall.engine.bookings.day, "tidak-ada", TUESDAY) == (
        404, "service_not_found", "No such service.", {"service_id": "tidak-ada"})


def test_the_day_cap_keeps_half_the_quota_for_walk_ins(hall):
    """GIVEN paspor's quota of 40, half kept for walk-ins WHEN 18 of its 20 bookable places are taken THEN the
    slots still free offer two places, not four; AND with all 20 taken a free slot is refused as full."""
    for slot in SLOTS[:4]:
        for _ in range(4):
            _make(hall, TUESDAY, slot)
    _make(hall, TUESDAY, "10:00")
    _make(hall, TUESDAY, "10:00")
    assert _left(hall, TUESDAY) == {"08:00": 0, "08:30": 0, "09:00": 0, "09:30": 0, "10:00": 2, "10:30": 2}
    _make(hall, TUESDAY, "10:30")
    _make(hall, TUESDAY, "10:30")
    assert _left(hall, TUESDAY) == dict.fromkeys(SLOTS, 0)
    assert _refusal(_make, hall, TUESDAY, "10:00") == (409, "booking_slot_full", "That slot is full.", {
        "date": "2026-11-24", "slot": "10:00", "next_free_date": "2026-11-25", "next_free_slot": "08:00"})


def test_today_a_slot_offers_no_more_than_the_quota_left_after_tickets_and_kept_places(hall):
    """GIVEN today's quota set to 10 (5 bookable), one booking at 10.00 and six walk-ins WHEN today is read THEN
    each slot offers 3 places (10 − 6 issued − 1 kept), fewer than the day's cap leaves (4); AND the quotas say
    9 bookable places left and 3 walk-ins."""
    hall.engine.set_quota_today(_supervisor(hall), "paspor", 10)
    _make(hall, TODAY, "10:00")
    for _ in range(6):
        hall.issue("paspor")
    assert _left(hall, TODAY) == {"09:30": 3, "10:00": 3, "10:30": 3}
    quotas = {q.service_id: q for q in hall.engine.bookings.quota_today()}
    assert quotas["paspor"] == BookingQuota(service_id="paspor", date=TODAY, bookable=True, booking_left=9,
                                            walk_in_left=3)
    assert quotas["kk"] == BookingQuota(service_id="kk", date=TODAY, bookable=False, booking_left=None,
                                        walk_in_left=2000)
    assert quotas["akta"].bookable is False and list(quotas) == ["ktp", "kk", "akta", "paspor"]


def test_today_the_days_cap_binds_too_when_it_leaves_fewer_places_than_the_quota(hall):
    """GIVEN today's quota set to 6 (3 bookable) and three bookings at 10.00 WHEN today is read THEN no slot
    offers a place, though the quota leaves 3 walk-ins."""
    hall.engine.set_quota_today(_supervisor(hall), "paspor", 6)
    for _ in range(3):
        _make(hall, TODAY, "10:00")
    assert _left(hall, TODAY) == {"09:30": 0, "10:00": 0, "10:30": 0}


def test_a_quota_lowered_below_what_was_taken_leaves_no_place_rather_than_fewer_than_none(hall):
    """GIVEN three bookings today and three walk-ins WHEN the office lowers today's quota to 3 THEN every slot
    offers 0 places and 0 walk-ins are left, never a negative count."""
    for _ in range(3):
        _make(hall, TODAY, "10:30")
        hall.issue("paspor")
    hall.engine.set_quota_today(_supervisor(hall), "paspor", 3)
    assert _left(hall, TODAY) == {"09:30": 0, "10:00": 0, "10:30": 0}
    paspor = next(q for q in hall.engine.bookings.quota_today() if q.service_id == "paspor")
    assert (paspor.booking_left, paspor.walk_in_left) == (0, 0)


# ----------------------------------------------------------------- making a booking


def test_a_booking_writes_its_row_and_event_and_answers_its_holder(bilingual_hall):
    """GIVEN a WhatsApp number with consent WHEN a booking is made THEN its row holds the slot in site time, the
    NIK's keyed hash and last four, the number in 62… form and the moment of consent; AND its event names no
    holder; AND the answer carries the service's names and requirements in both languages, its check-in window
    and its link."""
    hall, nik = bilingual_hall, new_nik()
    now = hall.clock.now()
    made = _make(hall, TUESDAY, "09:00", nik, phone="0812-3456-7890", consent=True, language="en",
                 made_by="k" * 100)
    row = _rows(hall)[0]
    assert (row.code, row.token, row.service_id, row.service_date) == (made.code, made.token, "paspor", "2026-11-24")
    assert len(row.token) == 32   # 24 random bytes: the link is the holder's only key
    assert (row.slot_start, row.slot_end) == (wib(2026, 11, 24, 9, 0), wib(2026, 11, 24, 9, 30))
    assert (row.nik_hash, row.nik_last4) == (nik_hash(nik, hall.engine.nik_key), nik[-4:])
    assert (row.phone, row.language, row.consent_at, row.made_at) == ("6281234567890", "en", now, now)
    assert (row.status, row.checked_in_at, row.cancelled_at, row.ticket_id, row.made_by) == (
        "booked", None, None, None, "k" * 80)
    assert _told(hall) == [{"id": row.id, "service_id": "paspor", "service_date": "2026-11-24",
                            "slot_start": "09:00", "status": "booked"}]
    assert made == Booking(
        code=row.code, token=row.token, service_id="paspor", service_name="Paspor", service_name_en="Passport",
        agency_name="Kantor Imigrasi Serang", agency_name_en="Immigration Office", service_date=TUESDAY,
        slot_start="09:00", slot_end="09:30", check_in_from="08:30", check_in_until="09:15",
        status=BookingStatus.BOOKED, nik_last4=nik[-4:], has_phone=True, requirements=("KTP asli",),
        requirements_en=("Original ID card",), ticket_code=None, made_at=now, link=f"http://127.0.0.1:8080/booking/{row.token}")
    assert hall.engine.bookings.get(made.token) == made


def test_a_booking_without_a_number_keeps_no_consent_and_an_unknown_language_is_indonesian(hall):
    """GIVEN no WhatsApp number WHEN a booking is made in a language the messages are not written in THEN it is
    kept in Indonesian with no number and no consent; AND the maker is kept as it was given."""
    made = _make(hall, TUESDAY, "09:00", language="fr", made_by="console:kepala")
    row = _rows(hall)[0]
    assert (row.phone, row.consent_at, row.language, row.made_by) == (None, None, "id", "console:kepala")
    assert not made.has_phone
    _make(hall, TUESDAY, "09:00")
    assert _rows(hall)[1].made_by == "web"   # the booking page's and the JSON route's


def test_a_refused_booking_says_why_and_stores_nothing(hall):
    """GIVEN paspor's rules WHEN a booking has a bad NIK, a number without consent, a number that is no
    Indonesian mobile, a day out of range, or a service that takes none THEN each is refused with its reason;
    AND no row nor event is written."""
    assert _refusal(_make, hall, TUESDAY, "09:00", "1234") == (
        422, "invalid_nik", "That is not a valid NIK.", {"reason": "not_16_digits"})
    assert _refusal(_make, hall, TUESDAY, "09:00", phone="081234567890") == (
        422, "booking_consent_required", "A WhatsApp number is kept only with the holder's consent.", {})
    assert _refusal(_make, hall, TUESDAY, "09:00", phone="12", consent=True) == (
        422, "invalid_request", "Not an Indonesian mobile number.", {"field": "phone"})
    for day in (date(2026, 11, 20), LAST_BOOKABLE + timedelta(days=1)):
        assert _refusal(_make, hall, day, "09:00") == (
            422, "booking_day_out_of_range", "Bookings are taken from today up to 14 days ahead.",
            {"date": day.isoformat(), "first": "2026-11-23", "last": "2026-12-07"})
    assert _refusal(_make, hall, TUESDAY, "09:00", service_id="kk")[:2] == (409, "booking_not_offered")
    assert _refusal(_make, hall, TUESDAY, "09:00", service_id="tidak-ada")[:2] == (404, "service_not_found")
    assert _rows(hall) == [] and _told(hall) == []
    assert _make(hall, TODAY, "09:30").service_date == TODAY
    assert _make(hall, LAST_BOOKABLE, "09:00").service_date == LAST_BOOKABLE


def test_a_closed_day_and_a_holiday_are_refused_with_the_next_free_slot(hall):
    """GIVEN a Saturday and Christmas WHEN each is booked THEN each is refused with its reason, the holiday's
    name, and the first free slot of the next open day."""
    assert _refusal(_make, hall, SATURDAY, "09:00") == (
        409, "booking_day_closed", "The service takes no bookings that day.", {
            "date": "2026-11-28", "reason": "closed_day", "holiday": None, "next_free_date": "2026-11-30",
            "next_free_slot": "08:00"})
    hall.new_day_at(wib(2026, 12, 21, 7, 0))
    assert _refusal(_make, hall, date(2026, 12, 25), "09:00")[3] == {
        "date": "2026-12-25", "reason": "holiday", "holiday": "Hari Raya Natal", "next_free_date": "2026-12-28",
        "next_free_slot": "08:00"}


def test_a_service_closed_for_today_takes_no_booking_for_today(hall):
    """GIVEN the office closed paspor for the rest of today WHEN today is booked or read THEN it is closed
    with the office's reason, and tomorrow is still open."""
    hall.engine.close_service_today(_supervisor(hall), "paspor")
    assert _refusal(_make, hall, TODAY, "10:00")[:2] == (409, "booking_day_closed")
    assert hall.engine.bookings.day("paspor", TODAY).closed_reason == "service_closed_today"
    assert hall.engine.bookings.day("paspor", TUESDAY).open


def test_the_next_free_slot_is_later_that_day_then_on_the_open_days_up_to_the_last(hall):
    """GIVEN full slots WHEN one of them is booked THEN the next free is the first later slot with a place
    that day, else the first of the next open day, else none past the last bookable day."""
    def fill(day: date, slot: str) -> None:
        for _ in range(4):
            _make(hall, day, slot)
    def next_free(day: date, slot: str) -> tuple[str | None, str | None]:
        params = _refusal(_make, hall, day, slot)[3]
        return params["next_free_date"], params["next_free_slot"]
    fill(TUESDAY, "09:00")
    fill(TUESDAY, "09:30")
    for _ in range(3):
        _make(hall, TUESDAY, "10:00")
    assert next_free(TUESDAY, "09:00") == ("2026-11-24", "10:00")   # its last place
    fill(TUESDAY, "10:30")
    assert next_free(TUESDAY, "10:30") == ("2026-11-25", "08:00")
    fill(LAST_BOOKABLE, "09:00")
    assert next_free(LAST_BOOKABLE, "09:00") == ("2026-12-07", "09:30")
    fill(LAST_BOOKABLE, "10:30")
    assert next_free(LAST_BOOKABLE, "10:30") == (None, None)


def test_one_nik_books_a_service_once_a_day_and_twice_an_iso_week(hall):
    """GIVEN one NIK WHEN it books Monday and Tuesday THEN a second booking on Tuesday is refused for the day,
    Friday for the week; AND the next ISO week is free again, and a cancelled booking frees its count."""
    nik = new_nik()
    _make(hall, TODAY, "10:00", nik)
    tuesday = _make(hall, TUESDAY, "09:00", nik)
    assert _refusal(_make, hall, TUESDAY, "10:00", nik) == (
        409, "booking_nik_limit", "This NIK has booked this service that day already.", {"period": "day", "most": 1})
    assert _refusal(_make, hall, date(2026, 11, 27), "09:00", nik) == (
        409, "booking_nik_limit", "This NIK has booked this service that week already.",
        {"period": "week", "most": 2})
    assert _make(hall, NEXT_MONDAY, "09:00", nik).service_date == NEXT_MONDAY
    hall.engine.bookings.cancel(tuesday.token)
    assert _make(hall, date(2026, 11, 27), "09:00", nik).service_date == date(2026, 11, 27)


def test_a_nik_week_runs_from_monday_to_sunday(weekend_hall):
    """GIVEN paspor open at the weekend WHEN one NIK books Sunday 29 November and Saturday 28 THEN a third
    booking that ISO week is refused; AND Monday 30 begins a new week."""
    hall, nik = weekend_hall, new_nik()
    _make(hall, date(2026, 11, 29), "09:00", nik)
    _make(hall, SATURDAY, "09:00", nik)
    assert _refusal(_make, hall, date(2026, 11, 27), "09:00", nik)[3] == {"period": "week", "most": 2}
    assert _make(hall, NEXT_MONDAY, "09:00", nik).service_date == NEXT_MONDAY


def test_a_nik_limit_counts_the_bookings_of_one_service(bilingual_hall):
    """GIVEN a NIK's paspor booking on Tuesday WHEN the same NIK books KK that day THEN it is made."""
    nik = new_nik()
    _make(bilingual_hall, TUESDAY, "09:00", nik)
    assert _make(bilingual_hall, TUESDAY, "09:00", nik, service_id="kk").service_id == "kk"


def test_a_nik_may_book_a_service_as_often_a_day_as_its_rules_say(bilingual_hall):
    """GIVEN paspor takes two bookings a day per NIK WHEN one NIK books Tuesday three times THEN the third is
    refused for the day."""
    nik = new_nik()
    _make(bilingual_hall, TUESDAY, "09:00", nik)
    _make(bilingual_hall, TUESDAY, "10:00", nik)
    assert _refusal(_make, bilingual_hall, TUESDAY, "10:30", nik)[3] == {"period": "day", "most": 2}


def test_a_services_places_are_taken_and_kept_by_its_own_bookings_only(bilingual_hall):
    """GIVEN KK's bookings at 09.00 on Tuesday and 10.00 today WHEN paspor's Tuesday is read and its walk-ins
    come under a quota of 2 THEN paspor's 09.00 offers all four places and both walk-ins are issued."""
    hall = bilingual_hall
    _make(hall, TUESDAY, "09:00", service_id="kk")
    _make(hall, TODAY, "10:00", service_id="kk")
    assert _left(hall, TUESDAY)["09:00"] == 4
    hall.engine.set_quota_today(_supervisor(hall), "paspor", 2)
    assert [hall.issue("paspor")["code"] for _ in range(2)] == ["B2-001", "B2-002"]


def test_the_day_list_is_by_slot_then_service(bilingual_hall):
    """GIVEN bookings at 10.00 and 09.00 of paspor and at 09.00 of KK WHEN the day is listed THEN they come by
    slot, then by service; AND a service's list and another day's hold only theirs."""
    hall = bilingual_hall
    late, paspor_nine, kk_nine = (_make(hall, TUESDAY, "10:00"), _make(hall, TUESDAY, "09:00"),
                                  _make(hall, TUESDAY, "09:00", service_id="kk"))
    _make(hall, WEDNESDAY, "09:00")
    listing = hall.engine.bookings.listing
    assert [b.code for b in listing(TUESDAY)] == [kk_nine.code, paspor_nine.code, late.code]
    assert [b.code for b in listing(TUESDAY, "paspor")] == [paspor_nine.code, late.code]
    assert listing(TUESDAY, "kk") == (kk_nine,)
    came = _make(hall, TODAY, "09:30")
    _check_in(hall, came)
    assert [b.ticket_code for b in listing(TODAY)] == ["B2-001"]


def test_a_bookings_link_is_the_public_address_less_its_trailing_slash_or_none(hall):
    """GIVEN the server's public address written with a trailing slash, or none WHEN a booking is read THEN its
    link and the booking page's address have one slash before /booking, the address otherwise as written, the
    page's in English only when asked; AND without an address both are empty."""
    token = _make(hall, TUESDAY, "09:00").token
    engine = hall.engine
    def at(public_url: str) -> Bookings:
        return Bookings(engine.db, engine.clock, engine.catalogs, engine.site_time, engine.answers,
                        engine.unit_of_work, nik_key=engine.nik_key, public_url=public_url)
    site = at("https://antrean.example.go.id/")
    assert site.get(token).link == f"https://antrean.example.go.id/booking/{token}"
    assert at("https://mpp.example/SERANGX").get(token).link == f"https://mpp.example/SERANGX/booking/{token}"
    assert (site.start_page(), site.start_page("en"), site.start_page("fr")) == (
        "https://antrean.example.go.id/booking", "https://antrean.example.go.id/booking?lang=en",
        "https://antrean.example.go.id/booking")
    assert engine.bookings.start_page() == "http://127.0.0.1:8080/booking"
    assert (at("").get(token).link, at("").start_page("en")) == ("", "")


# ----------------------------------------------------------------- cancelling


def test_a_holder_cancels_until_the_slot_begins(hall):
    """GIVEN two bookings of today's 10.00 WHEN one is cancelled at 09.59 THEN it is cancelled at that moment,
    its event says so and nothing is audited; AND cancelling it again answers it as it is with no new event;
    AND at 10.00 the other is refused as its slot has begun, and stays booked."""
    made, other = _make(hall, TODAY, "10:00"), _make(hall, TODAY, "10:00")
    hall.clock.set(wib(2026, 11, 23, 9, 59))
    cancelled = hall.engine.bookings.cancel(made.token)
    assert cancelled == made.model_copy(update={"status": BookingStatus.CANCELLED})
    assert (_rows(hall)[0].cancelled_at, _rows(hall)[0].cancelled_by) == (wib(2026, 11, 23, 9, 59), None)
    assert _told(hall)[-1] == {"id": _rows(hall)[0].id, "service_id": "paspor", "service_date": "2026-11-23",
                               "slot_start": "10:00", "status": "cancelled"}
    told = len(_told(hall))
    assert hall.engine.bookings.cancel(made.token) == cancelled and len(_told(hall)) == told
    assert _left(hall, TODAY)["10:00"] == 3   # the cancelled place is free again
    assert hall.audit() == []
    hall.clock.set(wib(2026, 11, 23, 10, 0))
    assert _refusal(hall.engine.bookings.cancel, other.token) == (
        409, "booking_not_cancellable", "This booking's slot has begun.", {"status": "slot_passed"})
    assert hall.engine.bookings.get(other.token).status == "booked"
    assert _refusal(hall.engine.bookings.cancel, "no-such-token") == (
        404, "booking_not_found", "No such booking.", {})


def test_a_checked_in_booking_or_a_no_show_is_not_cancellable(hall):
    """GIVEN one booking checked in and one a no-show WHEN either is cancelled THEN it is refused with its
    status."""
    came, missed = _make(hall, TODAY, "10:00"), _make(hall, TODAY, "09:30")
    _check_in(hall, came)
    hall.engine.bookings.close_day(TODAY)
    for booking, status in ((came, "checked_in"), (missed, "no_show")):
        assert _refusal(hall.engine.bookings.cancel, booking.token) == (
            409, "booking_not_cancellable", "This booking can no longer be cancelled.", {"status": status})


def test_a_supervisors_cancel_is_audited_with_the_slot_and_the_niks_last_four(hall):
    """GIVEN a booking WHEN a supervisor cancels it THEN it says the staff cancelled it, to its holder and at the
    kiosk; AND the audit log names the supervisor, the booking's code, its service, day and slot, and no more
    of the NIK than its last four."""
    made = _make(hall, TODAY, "09:30")
    cancelled = hall.engine.bookings.cancel(made.token, _supervisor(hall))
    assert cancelled.cancelled_by_staff and _rows(hall)[0].cancelled_by == "user:kepala"
    assert _refusal(_check_in, hall, made) == (
        409, "booking_cancelled", "This booking was cancelled.", {"by_staff": True})
    assert hall.audit() == [("kepala", "booking.cancelled_by_staff", f"booking:{made.code}", {
        "service_id": "paspor", "service_date": "2026-11-23", "slot": "09:30", "nik_last4": made.nik_last4})]


# ----------------------------------------------------------------- checking in


def test_a_check_in_issues_a_ticket_queued_at_the_slot_start(hall):
    """GIVEN today's 10.00 booking WHEN it is scanned at 09.00, its window's first minute THEN a ticket of
    paspor is issued at 09.00, queued at 10.00, carrying the booking and the holder's NIK hash; AND the booking
    is checked in with that ticket, and both changes are events."""
    made = _make(hall, TODAY, "10:00")
    ticket, created = _check_in(hall, made, key="tap-1")
    assert created and (ticket["code"], ticket["service_id"], ticket["booked_for"]) == ("B2-001", "paspor", "10:00")
    booking, issued = _rows(hall)[0], _rows(hall, tickets)[0]
    assert (issued.id, issued.booking_id, issued.nik_hash, issued.nik_last4) == (
        ticket["id"], booking.id, booking.nik_hash, made.nik_last4)
    assert (issued.queued_at, issued.issued_at, issued.service_date) == (
        wib(2026, 11, 23, 10, 0), wib(2026, 11, 23, 9, 0), "2026-11-23")
    assert (issued.status, issued.priority, issued.origin_service_id, issued.issuer, issued.idempotency_key) == (
        "waiting", None, "paspor", hall.kiosk.issuer, "tap-1")
    assert (issued.prefix, issued.seq, issued.recalls, issued.transfers, len(issued.token)) == ("B2", 1, 0, 0, 24)
    assert (booking.status, booking.checked_in_at, booking.ticket_id) == (
        "checked_in", wib(2026, 11, 23, 9, 0), issued.id)
    assert hall.engine.bookings.get(made.token).ticket_code == "B2-001"
    told = hall.events()[-2]
    assert told[0] == "ticket.issued"
    assert (told[1]["id"], told[1]["code"], told[1]["recalls"]) == (issued.id, "B2-001", 0)
    assert _left(hall, TODAY)["10:00"] == 3   # a checked-in booking still holds its place
    assert _told(hall)[-1] == {"id": booking.id, "service_id": "paspor", "service_date": "2026-11-23",
                                    "slot_start": "10:00", "status": "checked_in"}


def test_a_check_in_keeps_to_its_services_own_window(bilingual_hall):
    """GIVEN paspor's check-in opening 30 minutes before the slot WHEN today's 10.00 booking is scanned at 09.00
    THEN it is told to come back at 09.30."""
    made = _make(bilingual_hall, TODAY, "10:00")
    assert _refusal(_check_in, bilingual_hall, made)[1:] == (
        "booking_too_early", "Check-in for this booking has not opened yet.",
        {"slot": "10:00", "come_back_at": "09:30"})


def test_a_replayed_key_answers_its_ticket_and_a_reused_or_second_check_in_is_refused(hall):
    """GIVEN a booking checked in with a key WHEN the same kiosk sends the key again, even typed THEN the same
    ticket is answered, not created; AND the key for another booking is refused; AND another kiosk's check-in
    of the same booking is told its ticket's code; AND only one ticket exists."""
    made, another = _make(hall, TODAY, "10:00"), _make(hall, TODAY, "10:00")
    first, _ = _check_in(hall, made, key="tap-1")
    again, created = _check_in(hall, key="tap-1", code=made.code, nik_last4=made.nik_last4)
    assert again == first and not created
    assert _refusal(_check_in, hall, another, key="tap-1") == (
        422, "idempotency_key_reused", "This Idempotency-Key was used for a different request.", {})
    assert _refusal(_check_in, hall, made, by=hall.enrolled_kiosk("kiosk-2"), key="tap-1") == (
        409, "booking_already_checked_in", "This booking has checked in already.", {"code": "B2-001"})
    assert len(_rows(hall, tickets)) == 1
    assert _check_in(hall, another)[0]["code"] == "B2-002"


def test_a_typed_code_needs_its_check_digit_and_the_niks_last_four(hall):
    """GIVEN a booking WHEN its code is typed with a wrong digit, none, or with another NIK's last four THEN it
    is refused, a wrong NIK as a code that does not exist; AND typed as shown with spaces around the NIK's
    digits it checks in."""
    made = _make(hall, TODAY, "10:00")
    wrong = made.code[:-1] + str((int(made.code[-1]) + 1) % 10)
    for code in (wrong, None):
        assert _refusal(_check_in, hall, code=code, nik_last4=made.nik_last4) == (
            422, "booking_code_invalid", "A booking code is nine digits with a check digit.", {})
    not_found = (404, "booking_not_found", "No booking has that code and NIK.", {})
    assert _refusal(_check_in, hall, code=made.code, nik_last4="9999") == not_found
    assert _refusal(_check_in, hall, code=made.code) == not_found
    assert _refusal(_check_in, hall, code="000000000", nik_last4=made.nik_last4) == not_found
    shown = f"{made.code[:3]}-{made.code[3:6]}-{made.code[6:]}"
    assert _check_in(hall, code=shown, nik_last4=f" {made.nik_last4} ")[0]["booked_for"] == "10:00"


def test_a_cancelled_booking_a_no_show_and_another_days_are_refused_and_change_nothing(hall):
    """GIVEN a cancelled booking, one made a no-show by the day's end and Tuesday's WHEN each is checked in
    today THEN each is refused with its reason; AND no ticket is issued."""
    cancelled, missed, tuesday = _make(hall, TODAY, "10:00"), _make(hall, TODAY, "10:30"), _make(hall, TUESDAY,
                                                                                                  "09:00")
    hall.engine.bookings.cancel(cancelled.token)
    hall.engine.bookings.close_day(TODAY)
    assert _refusal(_check_in, hall, cancelled) == (
        409, "booking_cancelled", "This booking was cancelled.", {"by_staff": False})
    assert _refusal(_check_in, hall, missed) == (
        409, "booking_not_today", "This booking is for another day.", {"date": "2026-11-23"})
    assert _refusal(_check_in, hall, tuesday) == (
        409, "booking_not_today", "This booking is for another day.", {"date": "2026-11-24"})
    assert _refusal(_check_in, hall, token="no-such-token")[:2] == (404, "booking_not_found")
    assert _rows(hall, tickets) == []


def test_too_early_says_when_to_come_back_and_too_late_whether_a_walk_in_is_possible(hall):
    """GIVEN bookings of 10.30 and 09.30 WHEN 10.30's is scanned at 09.00 THEN it is told to come back at 09.30;
    AND 09.30's scanned at 09.46 is told its window closed and a walk-in ticket is possible; AND both stay
    booked with no ticket."""
    early, late = _make(hall, TODAY, "10:30"), _make(hall, TODAY, "09:30")
    assert _refusal(_check_in, hall, early) == (409, "booking_too_early", "Check-in for this booking has not "
                                                "opened yet.", {"slot": "10:30", "come_back_at": "09:30"})
    hall.clock.set(wib(2026, 11, 23, 9, 46))
    assert _refusal(_check_in, hall, late) == (
        409, "booking_too_late", "The check-in window of this booking has closed.",
        {"slot": "09:30", "late_minutes": 15, "walk_in": True, "service_id": "paspor"})
    assert [r.status for r in _rows(hall)] == ["booked", "booked"] and _rows(hall, tickets) == []


def test_a_late_arrival_is_told_no_walk_in_is_left_when_tickets_and_kept_places_fill_the_quota(hall):
    """GIVEN today's quota of 4, bookings at 10.00 and 10.30, and three walk-ins by 10.16 WHEN 10.00's holder
    scans at 10.16 THEN no walk-in is offered: 3 issued and 10.30's kept place fill the 4."""
    hall.engine.set_quota_today(_supervisor(hall), "paspor", 4)
    late, _kept = _make(hall, TODAY, "10:00"), _make(hall, TODAY, "10:30")
    hall.issue("paspor")
    hall.issue("paspor")
    hall.clock.set(wib(2026, 11, 23, 10, 16))
    hall.issue("paspor")
    assert _refusal(_check_in, hall, late)[3]["walk_in"] is False


def test_a_check_in_goes_past_a_full_quota_but_not_a_service_the_office_closed(hall):
    """GIVEN today's quota lowered to the three places booked WHEN a booking is checked in THEN it is issued (the
    place was its holder's); AND once the office closes paspor or stops its agency for today, a check-in is
    refused with that reason."""
    supervisor = _supervisor(hall)
    hall.engine.set_quota_today(supervisor, "paspor", 6)
    first, second, third = (_make(hall, TODAY, "10:00") for _ in range(3))
    hall.engine.set_quota_today(supervisor, "paspor", 3)
    assert hall.refusal("paspor").code == "quota_exhausted"
    assert _check_in(hall, first)[1]
    hall.engine.close_service_today(supervisor, "paspor", "Sistem pusat gangguan")
    assert _refusal(_check_in, hall, second) == (
        409, "service_closed_today", "This service takes no tickets now.",
        {"note": "Sistem pusat gangguan", "next_open_date": "2026-11-24", "next_opens_at": "08.00 WIB"})
    hall.engine.reopen_service_today(supervisor, "paspor")
    hall.engine.stop_agency_today(supervisor, "imigrasi")
    assert _refusal(_check_in, hall, third)[:2] == (409, "agency_stopped_today")
    assert len(_rows(hall, tickets)) == 1


def test_a_check_in_of_a_service_switched_off_since_the_booking_is_refused(hall, tmp_path):
    """GIVEN today's booking of paspor WHEN a catalog that switches paspor off is imported THEN its check-in is
    refused as the service is inactive."""
    made = _make(hall, TODAY, "10:00")
    catalog = changed_catalog(tmp_path, lambda doc: paspor_of(doc).update(active=False))
    hall.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    assert _refusal(_check_in, hall, made)[:2] == (409, "service_inactive")


def test_a_booking_of_a_service_that_no_longer_takes_bookings_checks_in_with_the_default_window(hall, tmp_path):
    """GIVEN today's 10.00 booking of paspor WHEN a catalog without paspor's booking rules is imported THEN the
    booking still checks in at 09.00, inside the default window of 60 minutes early."""
    made = _make(hall, TODAY, "10:00")
    catalog = changed_catalog(tmp_path, lambda doc: paspor_of(doc).pop("booking"))
    hall.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    assert _check_in(hall, made)[0]["booked_for"] == "10:00"


def test_a_check_in_before_the_service_opens_is_issued(hall):
    """GIVEN Tuesday's 08.00 booking WHEN it is scanned at 07.30 on Tuesday, inside its window though paspor
    opens at 08.00 THEN its ticket is issued."""
    made = _make(hall, TUESDAY, "08:00")
    hall.new_day_at(wib(2026, 11, 24, 7, 30))
    assert _check_in(hall, made)[0]["code"] == "B2-001"


def test_a_booking_whose_service_left_the_catalog_reads_with_its_id_and_is_not_checked_in(hall, tmp_path):
    """GIVEN a booking of paspor WHEN a catalog without paspor is imported THEN the booking reads with the
    service's id for a name and the default window; AND its check-in is refused as no such service."""
    made = _make(hall, TODAY, "10:00")
    def without_paspor(doc: dict[str, Any]) -> None:
        imigrasi = next(a for a in doc["agencies"] if a["id"] == "imigrasi")
        doc["agencies"].remove(imigrasi)
        doc["lokets"] = [loket for loket in doc["lokets"] if "paspor" not in loket["services"]]
    catalog = changed_catalog(tmp_path, without_paspor)
    hall.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    read = hall.engine.bookings.get(made.token)
    assert (read.service_name, read.service_name_en, read.agency_name, read.agency_name_en) == (
        "paspor", "paspor", "", "")
    assert (read.requirements, read.requirements_en, read.check_in_from, read.check_in_until) == (
        (), (), "09:00", "10:15")
    assert _refusal(_check_in, hall, made) == (404, "service_not_found", "No such service.",
                                               {"service_id": "paspor"})


def test_a_check_in_while_the_clock_has_just_changed_date_is_refused_until_the_day_settles(hall):
    """GIVEN Tuesday's 08.00 booking WHEN the clock shows Tuesday 07.30 only a moment after Monday THEN the
    check-in inside its window is refused as the clock is unsettled; AND once Tuesday has held it is issued."""
    made = _make(hall, TUESDAY, "08:00")
    hall.clock.set(wib(2026, 11, 24, 7, 30))
    status, code, _, params = _refusal(_check_in, hall, made)
    assert (status, code, params) == (503, "clock_unsettled", {"service_date": "2026-11-23"})
    hall.new_day_at(wib(2026, 11, 24, 7, 35))
    assert _check_in(hall, made)[0]["service_date"] == "2026-11-24"


def test_a_check_in_right_after_a_prefix_change_carries_the_new_prefix(hall):
    """GIVEN a booking and a server whose catalog was read a moment before another process gave paspor the
    prefix P WHEN the booking is checked in THEN its ticket is P-001, written again under the new version."""
    made = _make(hall, TODAY, "10:00")
    stored_by_another_process(hall, "prefix")
    assert _check_in(hall, made)[0]["code"] == "P-001"


def test_a_check_in_that_keeps_meeting_a_newer_catalog_is_refused_after_three_tries(hall, monkeypatch):
    """GIVEN a server whose cached catalog never catches up with the stored one WHEN a booking is checked in
    THEN it is refused with a way on and no ticket; AND once the cache catches up it is issued."""
    made = _make(hall, TODAY, "10:00")
    stale = hall.engine.catalogs.versioned()
    stored_by_another_process(hall, "prefix")
    rechecks = []
    monkeypatch.setattr(hall.engine.catalogs, "versioned", lambda: stale)
    monkeypatch.setattr(hall.engine.catalogs, "recheck", lambda: rechecks.append(1))
    assert _refusal(_check_in, hall, made) == (409, "conflict", "The check-in could not be made; please try again.",
                                               {})
    assert len(rechecks) == 3 and _rows(hall, tickets) == [] and hall.engine.bookings.get(made.token).status == "booked"
    monkeypatch.undo()
    hall.engine.catalogs.recheck()
    assert _check_in(hall, made)[0]["code"] == "P-001"


def test_a_service_with_no_quota_offers_each_slots_own_places(bilingual_hall):
    """GIVEN KK takes bookings and has no daily quota WHEN today is read THEN each slot not begun offers its
    four places, and today's quotas say no walk-in count."""
    slots = bilingual_hall.engine.bookings.day("kk", TODAY).slots
    assert slots[0].start == "09:30" and {s.left for s in slots} == {4}
    kk = next(q for q in bilingual_hall.engine.bookings.quota_today() if q.service_id == "kk")
    assert (kk.bookable, kk.booking_left, kk.walk_in_left) == (True, 4 * len(slots), None)


def test_an_inactive_service_is_not_bookable_today_whatever_its_booking_rules(make_hall, tmp_path):
    """GIVEN paspor with booking rules but switched off in the catalog WHEN today's quotas are read THEN it is
    not bookable and offers no place."""
    hall = make_hall(catalog=changed_catalog(tmp_path, lambda doc: paspor_of(doc).update(active=False)))
    paspor = next(q for q in hall.engine.bookings.quota_today() if q.service_id == "paspor")
    assert (paspor.bookable, paspor.booking_left) == (False, None)


# ----------------------------------------------------------------- walk-ins and the day's end


def test_only_todays_bookings_still_booked_keep_a_place(hall):
    """GIVEN today's quota of 4 and two 10.00 bookings, one checked in and one cancelled, and Tuesday's
    bookings WHEN walk-ins come THEN three are issued: the checked-in ticket took the fourth number, and the
    cancelled place and Tuesday's keep none today."""
    hall.engine.set_quota_today(_supervisor(hall), "paspor", 4)
    came, gone = _make(hall, TODAY, "10:00"), _make(hall, TODAY, "10:00")
    _make(hall, TUESDAY, "10:00")
    _check_in(hall, came)
    hall.engine.bookings.cancel(gone.token)
    assert [hall.issue("paspor")["code"] for _ in range(3)] == ["B2-002", "B2-003", "B2-004"]
    assert hall.refusal("paspor").code == "quota_exhausted"


def test_the_day_end_makes_that_days_and_earlier_bookings_no_shows_and_forgets_their_numbers(hall):
    """GIVEN bookings of today (booked, checked in, cancelled), of Tuesday and of Wednesday, each with a number
    WHEN today is closed THEN only today's booked one is a no-show, with its event; AND every number of today is
    deleted and the later days' kept; AND closing Wednesday ends Tuesday's and Wednesday's together."""
    def booking(day: date, slot: str) -> Booking:
        return _make(hall, day, slot, phone="081234567890", consent=True)
    missed, came, gone = booking(TODAY, "10:30"), booking(TODAY, "10:00"), booking(TODAY, "09:30")
    tuesday, wednesday = booking(TUESDAY, "09:00"), booking(WEDNESDAY, "09:00")
    _check_in(hall, came)
    hall.engine.bookings.cancel(gone.token)
    assert hall.engine.bookings.close_day(TODAY) == 1
    read = {b.code: hall.engine.bookings.get(b.token) for b in (missed, came, gone, tuesday, wednesday)}
    assert [(read[b.code].status, read[b.code].has_phone) for b in (missed, came, gone, tuesday, wednesday)] == [
        ("no_show", False), ("checked_in", False), ("cancelled", False), ("booked", True), ("booked", True)]
    assert _told(hall)[-1] == {"id": _rows(hall)[0].id, "service_id": "paspor", "service_date": "2026-11-23",
                               "slot_start": "10:30", "status": "no_show"}
    assert hall.engine.bookings.close_day(WEDNESDAY) == 2
    assert [hall.engine.bookings.get(b.token).status for b in (tuesday, wednesday)] == ["no_show", "no_show"]
    assert hall.engine.bookings.close_day(WEDNESDAY) == 0
