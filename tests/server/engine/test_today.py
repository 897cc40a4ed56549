"""Today's switches at engine level: a service closed for the rest of the day and reopened, today's
quota one ticket each side, a quota below the tickets issued refused with nothing changed, an
agency's tickets stopped (its services only), the running text, each audited, and all of them
gone when the next service day starts."""

from __future__ import annotations

from typing import Any

import pytest

from core.wire import AuditKind
from core.wire import TicketStatus as S
from server.auth import Principal, Role
from server.errors import ApiError
from tests.support.clock import wib
from tests.support.engine import EngineHall


@pytest.fixture
def boss(hall: EngineHall) -> Principal:
    return hall.signed_in("boss", Role.SUPERVISOR)


def refused(action: Any) -> ApiError:
    with pytest.raises(ApiError) as caught:
        action()
    return caught.value


def told(error: ApiError) -> tuple[int, str, dict[str, Any]]:
    return error.status, error.code, error.params


# --- a service closed for the rest of today -----------------------------------------------------

def test_a_service_closed_for_today_refuses_tickets_with_its_note_and_the_next_day(hall, boss):
    hall.issue("ktp")
    hall.engine.close_service_today(boss, "ktp", "Petugas sedang diklat")
    error = hall.refusal("ktp")
    assert (error.status, error.code, error.message) == (
        409, "service_closed_today", "The office closed this service for the rest of today.")
    assert error.params == {"note": "Petugas sedang diklat", "next_open_date": "2026-11-24",
                            "next_opens_at": "08.00 WIB", "opens_at": "08.00 WIB", "closes_at": "14.30 WIB"}
    assert hall.issue("kk")["code"] == "B-001"  # only that service


def test_a_service_closed_for_today_is_shown_closed_with_its_note(hall, boss):
    hall.engine.close_service_today(boss, "ktp", "")
    ktp = hall.engine.catalog_view().service("ktp")
    assert ktp is not None
    assert (ktp.open, ktp.closed_reason, ktp.closed_params["note"]) == (False, "service_closed_today", "")
    kk = hall.engine.catalog_view().service("kk")
    assert kk is not None and kk.open


def test_a_reopened_service_takes_tickets_again_numbered_on(hall, boss):
    hall.issue("ktp")
    hall.engine.close_service_today(boss, "ktp")
    hall.refusal("ktp")
    answer = hall.engine.reopen_service_today(boss, "ktp")
    assert answer.closed_services == ()
    assert hall.issue("ktp")["code"] == "A-002"


def test_tickets_already_waiting_stay_and_are_served_after_a_close(hall, boss):
    waiting = hall.issue("ktp")
    hall.engine.close_service_today(boss, "ktp")
    hall.engine.open_counter(hall.staff, 1, None)
    assert hall.call_next(1).code == waiting["code"]


def test_the_office_s_close_holds_on_a_site_open_all_hours(make_hall):
    hall = make_hall(wib(2026, 11, 22, 22, 0), open_all_hours=True)  # a Sunday night
    boss = hall.signed_in("boss", Role.ADMIN)
    hall.issue("ktp")
    hall.engine.close_service_today(boss, "ktp")
    assert hall.refusal("ktp").code == "service_closed_today"


def test_a_close_for_an_unknown_service_is_refused_and_changes_nothing(hall, boss):
    error = refused(lambda: hall.engine.close_service_today(boss, "tidak-ada"))
    assert told(error) == (404, "service_not_found", {"service_id": "tidak-ada"})
    assert hall.engine.switches_today().closed_services == ()
    assert hall.audit() == []


# --- today's quota ------------------------------------------------------------------------------

def test_today_s_quota_takes_tickets_up_to_it_and_not_one_more(hall, boss):
    hall.issue("ktp")
    hall.engine.set_quota_today(boss, "ktp", 2)
    hall.issue("ktp")
    error = hall.refusal("ktp")
    assert (error.code, error.params["quota"]) == ("quota_exhausted", 2)
    ktp = hall.engine.catalog_view().service("ktp")
    assert ktp is not None and (ktp.quota, ktp.quota_left) == (2, 0)


def test_a_raised_quota_takes_tickets_past_the_catalog_s(hall, boss):
    for _ in range(5):
        hall.issue("ktp")
    assert hall.refusal("ktp").code == "quota_exhausted"  # the catalog's 5
    hall.engine.set_quota_today(boss, "ktp", 6)
    assert hall.issue("ktp")["code"] == "A-006"
    assert hall.refusal("ktp").code == "quota_exhausted"


def test_a_quota_equal_to_the_tickets_issued_is_taken_and_one_below_is_refused(hall, boss):
    hall.issue("ktp")
    hall.issue("ktp")
    hall.engine.set_quota_today(boss, "ktp", 3)
    entries = len(hall.audit())
    events = len(hall.events())
    error = refused(lambda: hall.engine.set_quota_today(boss, "ktp", 1))
    assert told(error) == (409, "quota_below_issued", {"service_id": "ktp", "issued": 2, "quota": 1})
    # Nothing changed: the quota, the audit log, the events.
    assert [(q.service_id, q.quota, q.issued) for q in hall.engine.switches_today().quotas] == [("ktp", 3, 2)]
    assert (len(hall.audit()), len(hall.events())) == (entries, events)
    hall.engine.set_quota_today(boss, "ktp", 2)
    assert hall.refusal("ktp").code == "quota_exhausted"


def test_back_to_the_catalog_s_quota(hall, boss):
    hall.engine.set_quota_today(boss, "ktp", 1)
    hall.issue("ktp")
    assert hall.refusal("ktp").code == "quota_exhausted"
    answer = hall.engine.reset_quota_today(boss, "ktp")
    assert answer.quotas == ()
    assert hall.issue("ktp")["code"] == "A-002"
    assert hall.audit()[-1][1:] == ("today.quota_reset", "service:ktp",
                                  {"service_date": "2026-11-23", "quota": 5, "previous": 1, "issued": 1})


def test_back_to_a_catalog_quota_below_the_tickets_issued_is_refused(hall, boss):
    hall.engine.set_quota_today(boss, "ktp", 7)
    for _ in range(6):
        hall.issue("ktp")
    error = refused(lambda: hall.engine.reset_quota_today(boss, "ktp"))
    assert told(error) == (409, "quota_below_issued", {"service_id": "ktp", "issued": 6, "quota": 5})
    assert [q.quota for q in hall.engine.switches_today().quotas] == [7]


def test_setting_a_quota_is_audited_with_what_it_was(hall, boss):
    hall.issue("ktp")
    hall.engine.set_quota_today(boss, "ktp", 9)
    hall.engine.set_quota_today(boss, "ktp", 8)
    assert hall.audit()[-2:] == [
        ("boss", "today.quota_set", "service:ktp",
         {"service_date": "2026-11-23", "quota": 9, "previous": 5, "catalog_quota": 5, "issued": 1}),
        ("boss", "today.quota_set", "service:ktp",
         {"service_date": "2026-11-23", "quota": 8, "previous": 9, "catalog_quota": 5, "issued": 1}),
    ]


# --- an agency's tickets stopped ----------------------------------------------------------------

def test_an_agency_stopped_refuses_every_service_of_its_own_and_only_those(hall, boss):
    hall.engine.stop_agency_today(boss, "dukcapil", "Server SIAK gangguan")
    for service in ("ktp", "kk"):
        error = hall.refusal(service)
        assert (error.status, error.code, error.message, error.params["note"]) == (
            409, "agency_stopped_today", "The office stopped this agency's tickets for the rest of today.",
            "Server SIAK gangguan")
    assert hall.issue("paspor")["code"] == "B2-001"
    hall.engine.resume_agency_today(boss, "dukcapil")
    assert hall.issue("kk")["code"] == "B-001"


def test_an_agency_stop_is_told_before_the_service_s_own_close(hall, boss):
    hall.engine.close_service_today(boss, "kk")
    hall.engine.stop_agency_today(boss, "dukcapil")
    assert hall.refusal("kk").code == "agency_stopped_today"
    hall.engine.resume_agency_today(boss, "dukcapil")
    assert hall.refusal("kk").code == "service_closed_today"


def test_an_unknown_agency_is_refused(hall, boss):
    error = refused(lambda: hall.engine.stop_agency_today(boss, "tidak-ada"))
    assert told(error) == (404, "agency_not_found", {"agency_id": "tidak-ada"})


# --- the running text ---------------------------------------------------------------------------

def test_the_running_text_of_today_reaches_the_catalog_view_and_is_cleared(hall, boss):
    hall.engine.set_running_text_today(boss, "Layanan paspor tutup pukul 12.00")
    assert hall.engine.catalog_view().site.running_text_today == "Layanan paspor tutup pukul 12.00"
    text = hall.engine.switches_today().running_text
    assert text is not None and (text.text, text.by) == ("Layanan paspor tutup pukul 12.00", "boss")
    hall.engine.clear_running_text_today(boss)
    assert hall.engine.catalog_view().site.running_text_today == ""
    assert hall.engine.switches_today().running_text is None


# --- each switch audited, told, and gone the next day -------------------------------------------

def test_each_switch_is_audited_and_told_and_clearing_one_not_set_records_nothing(hall, boss):
    e = hall.engine
    e.close_service_today(boss, "ktp", "rapat")
    e.reopen_service_today(boss, "ktp")
    e.stop_agency_today(boss, "imigrasi")
    e.resume_agency_today(boss, "imigrasi")
    e.set_running_text_today(boss, "Selamat datang")
    e.clear_running_text_today(boss)
    kinds = [(kind, subject) for _, kind, subject, _ in hall.audit()]
    assert kinds == [("today.service_closed", "service:ktp"), ("today.service_reopened", "service:ktp"),
                     ("today.agency_stopped", "agency:imigrasi"), ("today.agency_resumed", "agency:imigrasi"),
                     ("today.running_text_set", "running_text"), ("today.running_text_cleared", "running_text")]
    told_ = [data for type_, data in hall.events() if type_ == "today.changed"]
    assert [(d["switch"], d["subject"]) for d in told_] == [
        ("service_closed", "ktp"), ("service_closed", "ktp"), ("agency_stopped", "imigrasi"),
        ("agency_stopped", "imigrasi"), ("running_text", ""), ("running_text", "")]
    assert {d["service_date"] for d in told_} == {"2026-11-23"}
    before = (len(hall.audit()), len(hall.events()))
    e.reopen_service_today(boss, "ktp")
    e.resume_agency_today(boss, "imigrasi")
    e.clear_running_text_today(boss)
    e.reset_quota_today(boss, "ktp")
    assert (len(hall.audit()), len(hall.events())) == before


def test_a_note_with_a_whole_nik_keeps_its_last_four_digits(hall, boss):
    answer = hall.engine.close_service_today(boss, "ktp", "warga 3604011208900001 dilayani dulu")
    assert answer.closed_services[0].note == "warga ************0001 dilayani dulu"
    assert hall.audit()[-1][3]["note"] == "warga ************0001 dilayani dulu"


def test_the_switches_end_when_the_next_service_day_starts(hall, boss):
    e = hall.engine
    for _ in range(5):
        hall.issue("ktp")
    e.close_service_today(boss, "ktp")
    e.set_quota_today(boss, "kk", 0)
    e.stop_agency_today(boss, "imigrasi")
    e.set_running_text_today(boss, "Hari ini saja")
    hall.new_day_at(wib(2026, 11, 24, 9, 0))
    today = e.switches_today()
    assert (str(today.service_date), today.closed_services, today.quotas, today.stopped_agencies,
            today.running_text) == ("2026-11-24", (), (), (), None)
    assert hall.issue("ktp")["code"] == "A-001"
    assert hall.issue("kk")["code"] == "B-001"
    assert hall.issue("paspor")["code"] == "B2-001"
    assert e.catalog_view().site.running_text_today == ""


# --- the audit log of lokets and tickets by another's hand ---------------------------------------

def test_a_take_over_and_a_manager_s_close_are_audited_and_an_officer_s_own_are_not(hall, boss):
    hall.engine.open_counter(hall.staff, 1, None)
    hall.engine.close_counter(hall.staff, 1)
    hall.engine.open_counter(hall.staff, 1, None)
    assert hall.audit() == []
    hall.engine.open_counter(boss, 1, None, "sakit")
    hall.engine.open_counter(hall.staff2, 2, None)
    hall.engine.close_counter(boss, 2, "pulang cepat")
    assert hall.audit() == [
        ("boss", "counter.taken_over", "counter:1",
         {"loket": "Loket 1", "previous_staff": "staff1", "reason": "sakit"}),
        ("boss", "counter.closed_by_manager", "counter:2",
         {"loket": "Loket 2", "previous_staff": "staff2", "reason": "pulang cepat"}),
    ]


def test_a_refused_take_over_writes_no_entry(hall, boss):
    hall.engine.open_counter(hall.staff, 1, None)
    refused(lambda: hall.engine.open_counter(boss, 1, None, " "))
    refused(lambda: hall.engine.open_counter(boss, 1, ["paspor"], "sakit"))
    assert hall.audit() == []


def test_requeue_transfer_and_cancel_are_audited_and_other_actions_are_not(hall, boss):
    first, second = hall.issue("kk"), hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.call_next(1)
    hall.engine.ticket_action(hall.staff, first["id"], S.SERVING)
    assert hall.audit() == []
    hall.engine.ticket_action(hall.staff, first["id"], S.WAITING)
    hall.engine.ticket_action(boss, second["id"], S.CANCELLED)
    assert hall.call_next(1).code == first["code"]
    hall.engine.ticket_action(hall.staff, first["id"], S.SERVING)
    hall.engine.ticket_action(hall.staff, first["id"], S.TRANSFERRED, "ktp")
    day = "2026-11-23"
    assert hall.audit() == [
        ("staff1", "ticket.requeued", f"ticket:{first['code']}",
         {"ticket_id": first["id"], "service_date": day, "from": "serving", "service_id": "kk"}),
        ("boss", "ticket.cancelled", f"ticket:{second['code']}",
         {"ticket_id": second["id"], "service_date": day, "from": "waiting", "service_id": "kk"}),
        ("staff1", "ticket.transferred", f"ticket:{first['code']}",
         {"ticket_id": first["id"], "service_date": day, "from": "serving", "service_id": "kk",
          "to_service_id": "ktp"}),
    ]


def test_a_late_citizen_put_back_is_audited(make_hall):
    hall = make_hall()
    boss = hall.signed_in("boss", Role.SUPERVISOR)
    ticket = hall.issue("kk")
    hall.engine.open_counter(hall.staff, 1, None)
    hall.call_next(1)
    hall.clock.advance(minutes=10)
    hall.engine.ticket_action(hall.staff, ticket["id"], S.NO_SHOW)
    assert hall.audit() == []
    hall.engine.ticket_action(boss, ticket["id"], S.WAITING)
    assert hall.audit() == [("boss", "ticket.requeued", f"ticket:{ticket['code']}",
                            {"ticket_id": ticket["id"], "service_date": "2026-11-23", "from": "no_show",
                             "service_id": "kk"})]


def test_a_refused_cancel_writes_no_entry(hall):
    ticket = hall.issue("kk")
    refused(lambda: hall.engine.ticket_action(hall.staff, ticket["id"], S.CANCELLED))
    assert hall.audit() == []


# --- reading the audit log ----------------------------------------------------------------------

def test_the_audit_log_is_read_newest_first_a_page_at_a_time_and_filtered(hall, boss):
    admin = hall.signed_in("siti", Role.ADMIN)
    e = hall.engine
    set_up = len(e.audit_page().entries)  # the accounts the hall made, as the office's command line would
    e.close_service_today(boss, "ktp")
    e.set_running_text_today(admin, "Halo")
    e.stop_agency_today(boss, "imigrasi")
    first = e.audit_page(limit=2)
    assert [x.kind for x in first.entries] == ["today.agency_stopped", "today.running_text_set"]
    assert first.next_cursor == first.entries[-1].id
    rest = e.audit_page(limit=2, before=first.next_cursor)
    assert rest.entries[0].kind == "today.service_closed"
    last = e.audit_page(limit=3 + set_up)
    assert len(last.entries) == 3 + set_up and last.next_cursor is None
    assert [x.actor for x in e.audit_page(actor="siti").entries] == ["siti"]
    assert [x.subject for x in e.audit_page(kind=AuditKind.SERVICE_CLOSED_TODAY).entries] == ["service:ktp"]
    assert len(e.audit_page(day=wib(2026, 11, 23).date()).entries) == 3 + set_up
    assert e.audit_page(day=wib(2026, 11, 22).date()).entries == ()
    assert e.audit_page(day=wib(2026, 11, 24).date()).entries == ()


def test_the_day_of_the_audit_log_is_the_site_s_date(make_hall):
    """GIVEN an entry written at 00.30 WIB on Tuesday (17.30 UTC on Monday)
    THEN it is Tuesday's, not Monday's."""
    hall = make_hall(wib(2026, 11, 24, 0, 30), open_all_hours=True)
    boss = hall.signed_in("boss", Role.SUPERVISOR)
    hall.engine.set_running_text_today(boss, "Malam")
    assert len(hall.engine.audit_page(day=wib(2026, 11, 24).date(), actor="boss").entries) == 1
    assert hall.engine.audit_page(day=wib(2026, 11, 23).date(), actor="boss").entries == ()
