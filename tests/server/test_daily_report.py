"""The daily report a supervisor reads at the end of the day: per service, the tickets issued there
and what became of them (adding up to ``issued``), the tickets it received by transfer and what
became of those (adding up to ``transferred_in``), the mean wait and service time, and the tickets
each loket served, by its name in the catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete

from core.wire import DailyReport, ServiceReport, TicketStatus
from server.auth import Principal, Role
from server.db import events
from tests.support.engine import EngineHall, engine_hall
from tests.support.server import PASSWORD, TEST_CATALOG, LiveServer

S = TicketStatus
# The test catalog, with lokets named as an MPP names them, so a name cannot pass for a number.
LOKET_NAMES = {1: "Loket Dukcapil A", 2: "Loket Dukcapil B", 3: "Loket Imigrasi"}


def named_catalog(folder: Path) -> Path:
    text = TEST_CATALOG.read_text(encoding="utf-8")
    for number, name in LOKET_NAMES.items():
        text = text.replace(f'name = "Loket {number}"', f'name = "{name}"')
    path = folder / "catalog.toml"
    path.write_text(text, encoding="utf-8")
    return path


def officer(hall: EngineHall, username: str) -> Principal:
    accounts = hall.services.accounts
    accounts.add_user(username, PASSWORD, Role.STAFF)
    principal = accounts.principal_for(accounts.login(username, PASSWORD).token)
    assert principal is not None
    return principal


def service(report: DailyReport, service_id: str) -> ServiceReport:
    return next(s for s in report.services if s.service_id == service_id)


def states(entry: Any) -> dict[str, int]:
    return {status: n for status, n in entry.by_status.items() if n}


def call_and_start(hall: EngineHall, counter_id: int, who: Principal) -> int:
    ticket = hall.call_next(counter_id, who)
    hall.engine.ticket_action(who, ticket.id, S.SERVING)
    return ticket.id


def a_day_with_transfers(hall: EngineHall) -> None:
    """Monday 09.00: A-001, A-002, A-003 for KTP, B-001 for KK, B2-001 for Paspor. Loket 1 (KTP)
    serves A-001 and sends it to KK; loket 2 (KK) serves B-001, then A-001 and sends it on to
    Paspor; loket 3 (Paspor) serves B2-001, then A-001 to the end. A-002 does not come; A-003
    still waits at the end of the day's report."""
    staff1, staff2, staff3 = hall.staff, hall.staff2, officer(hall, "staff3")
    a1, a2, _a3 = (hall.issue("ktp")["id"] for _ in range(3))
    hall.issue("kk")
    hall.issue("paspor")
    hall.engine.open_counter(staff1, 1, ["ktp"])
    hall.engine.open_counter(staff2, 2, ["kk"])
    hall.engine.open_counter(staff3, 3, ["paspor"])

    hall.clock.advance(minutes=10)                                   # 09.10
    assert call_and_start(hall, 1, staff1) == a1
    hall.clock.advance(minutes=5)                                    # 09.15: A-001 waits in KK from now
    hall.engine.ticket_action(staff1, a1, S.TRANSFERRED, "kk")
    hall.clock.advance(minutes=5)                                    # 09.20: B-001 waited 20 min
    b1 = call_and_start(hall, 2, staff2)
    hall.clock.advance(minutes=10)                                   # 09.30: served in 10 min
    hall.engine.ticket_action(staff2, b1, S.DONE)
    hall.clock.advance(minutes=5)                                    # 09.35: A-001 waited 20 min in KK
    assert call_and_start(hall, 2, staff2) == a1
    hall.clock.advance(minutes=5)                                    # 09.40: A-001 waits in Paspor from now
    hall.engine.ticket_action(staff2, a1, S.TRANSFERRED, "paspor")
    hall.clock.advance(minutes=10)                                   # 09.50: B2-001 waited 50 min
    p1 = call_and_start(hall, 3, staff3)
    hall.clock.advance(minutes=10)                                   # 10.00: served in 10 min
    hall.engine.ticket_action(staff3, p1, S.DONE)
    hall.clock.advance(minutes=10)                                   # 10.10: A-001 waited 30 min in Paspor
    assert call_and_start(hall, 3, staff3) == a1
    hall.clock.advance(minutes=6)                                    # 10.16: served in 6 min
    hall.engine.ticket_action(staff3, a1, S.DONE)
    hall.clock.advance(minutes=4)                                    # 10.20: A-002 waited 80 min
    assert hall.call_next(1, staff1).id == a2
    hall.engine.ticket_action(staff1, a2, S.NO_SHOW)


def test_a_ticket_transferred_twice_counts_where_it_was_issued_where_it_passed_and_where_it_ended(
        tmp_path: Path) -> None:
    """GIVEN the day above: A-001 went KTP → KK → Paspor
    THEN KTP issued 3, of which 1 transferred, 1 no-show, 1 waiting; KK issued 1 (done) and received
    A-001 and sent it on; Paspor issued 1 (done) and received A-001 and served it. Each service's
    states add up to its issued, its received states to its transferred_in, and the services'
    issued to the day's total."""
    with engine_hall(tmp_path, catalog=named_catalog(tmp_path)) as hall:
        a_day_with_transfers(hall)
        report = hall.engine.daily_report(None)

    assert report.total_issued == 5
    assert [s.service_id for s in report.services] == ["kk", "ktp", "paspor"]
    ktp, kk, paspor = service(report, "ktp"), service(report, "kk"), service(report, "paspor")
    assert (ktp.issued, states(ktp)) == (3, {"transferred": 1, "no_show": 1, "waiting": 1})
    assert (ktp.transferred_in, states(ktp.received)) == (0, {})
    assert (kk.issued, states(kk)) == (1, {"done": 1})
    assert (kk.transferred_in, states(kk.received)) == (1, {"transferred": 1})
    assert (paspor.issued, states(paspor)) == (1, {"done": 1})
    assert (paspor.transferred_in, states(paspor.received)) == (1, {"done": 1})
    for entry in report.services:
        assert sum(entry.by_status.values()) == entry.issued, entry
        assert sum(entry.received.by_status.values()) == entry.transferred_in, entry
    assert sum(s.issued for s in report.services) == report.total_issued


def test_a_transferred_ticket_waits_in_each_queue_from_when_it_joined_it(tmp_path: Path) -> None:
    """A-001 waited 10 min in KTP from its issue, 20 in KK and 30 in Paspor from each transfer (not
    since 09.00), and was served in 6 min at Paspor, the one service it finished in."""
    with engine_hall(tmp_path, catalog=named_catalog(tmp_path)) as hall:
        a_day_with_transfers(hall)
        report = hall.engine.daily_report(None)

    ktp, kk, paspor = service(report, "ktp"), service(report, "kk"), service(report, "paspor")
    assert (paspor.mean_wait_minutes, paspor.mean_service_minutes) == (40.0, 8.0)   # (50 + 30) / 2, (10 + 6) / 2
    assert (kk.mean_wait_minutes, kk.mean_service_minutes) == (20.0, 10.0)          # (20 + 20) / 2, B-001 only
    assert (ktp.mean_wait_minutes, ktp.mean_service_minutes) == (45.0, None)        # (10 + 80) / 2, none done


def test_each_loket_is_reported_by_its_catalog_name_with_the_tickets_it_served(tmp_path: Path) -> None:
    with engine_hall(tmp_path, catalog=named_catalog(tmp_path)) as hall:
        a_day_with_transfers(hall)
        report = hall.engine.daily_report(None)

    assert [(lk.id, lk.name, lk.served) for lk in report.lokets] == [
        (1, "Loket Dukcapil A", 0), (2, "Loket Dukcapil B", 1), (3, "Loket Imigrasi", 2)]


def test_without_its_events_a_transferred_ticket_still_adds_up_where_it_was_issued_and_where_it_is(
        tmp_path: Path) -> None:
    """GIVEN the day above, its events gone (a database restored from the tickets alone)
    THEN A-001 still counts as transferred in KTP and as received in Paspor, where it is; the service
    between is not known, and every count still adds up."""
    with engine_hall(tmp_path, catalog=named_catalog(tmp_path)) as hall:
        a_day_with_transfers(hall)
        with hall.services.db.write() as conn:
            conn.execute(delete(events))
        report = hall.engine.daily_report(None)

    ktp, kk, paspor = service(report, "ktp"), service(report, "kk"), service(report, "paspor")
    assert (ktp.transferred, kk.transferred_in, paspor.transferred_in, paspor.received.done) == (1, 0, 1, 1)
    assert ktp.mean_wait_minutes == 80.0  # A-002 only: A-001's wait in KTP was in the events
    for entry in report.services:
        assert sum(entry.by_status.values()) == entry.issued
        assert sum(entry.received.by_status.values()) == entry.transferred_in


def test_a_day_without_transfers_reports_nothing_received(tmp_path: Path) -> None:
    with engine_hall(tmp_path) as hall:
        hall.issue("kk")
        hall.issue("kk")
        hall.engine.open_counter(hall.staff, 1, ["kk"])
        hall.serve_next(1)
        report = hall.engine.daily_report(None)

    (kk,) = report.services
    assert (kk.issued, states(kk), kk.transferred_in, states(kk.received)) == (2, {"done": 1, "waiting": 1}, 0, {})
    assert [(lk.id, lk.name, lk.served) for lk in report.lokets] == [(1, "Loket 1", 1), (2, "Loket 2", 0),
                                                                     (3, "Loket 3", 0)]


# ----------------------------------------------------------------------------- over HTTP


def step(server: LiveServer, role: str, path: str, **body: Any) -> dict[str, Any]:
    r = server.call("POST", path, role, json=body or None)
    assert r.status_code == 200, r.text
    return r.json()


def test_a_ticket_sent_back_where_it_came_from_counts_there_as_issued_and_as_received(any_server: LiveServer) -> None:
    """GIVEN A-001 for KTP, sent to KK at loket 1, sent back to KTP at loket 2, served at loket 1
    THEN KTP: issued 1, transferred 1, received 1 done; KK: received 1, transferred on. On SQLite and
    on PostgreSQL, as the path is read from the transfer events (the row only knows KTP, twice)."""
    server = any_server
    ticket = server.issue("ktp").json()["id"]
    step(server, "staff1", "/counters/1/open", service_ids=["ktp"])
    step(server, "staff2", "/counters/2/open", service_ids=["kk"])
    for role, counter_id, then in (("staff1", 1, "kk"), ("staff2", 2, "ktp")):
        step(server, role, f"/counters/{counter_id}/call-next")
        step(server, role, f"/tickets/{ticket}/start")
        step(server, role, f"/tickets/{ticket}/transfer", service_id=then)
    step(server, "staff1", "/counters/1/call-next")
    step(server, "staff1", f"/tickets/{ticket}/start")
    step(server, "staff1", f"/tickets/{ticket}/finish")

    report = DailyReport.model_validate(server.call("GET", "/reports/daily", "super").json())
    ktp, kk = service(report, "ktp"), service(report, "kk")
    assert (ktp.issued, states(ktp), ktp.transferred_in, states(ktp.received)) == (1, {"transferred": 1}, 1,
                                                                                   {"done": 1})
    assert (kk.issued, states(kk), kk.transferred_in, states(kk.received)) == (0, {}, 1, {"transferred": 1})


def test_the_supervisor_gets_the_transfer_in_the_json_of_the_daily_report(server: LiveServer) -> None:
    """GIVEN A-001 for KTP, called at loket 1 after 4 min and transferred to KK, then called at loket 2
    7 min after the transfer and served in 3
    WHEN the supervisor asks GET /reports/daily
    THEN the JSON counts A-001 as transferred in KTP and as received and done in KK, with its wait in
    each, and names the lokets."""
    issued = server.issue("ktp").json()
    step(server, "staff1", "/counters/1/open", service_ids=["ktp"])
    step(server, "staff2", "/counters/2/open", service_ids=["kk"])

    server.clock.advance(minutes=4)
    step(server, "staff1", "/counters/1/call-next")
    step(server, "staff1", f"/tickets/{issued['id']}/start")
    server.clock.advance(minutes=5)
    step(server, "staff1", f"/tickets/{issued['id']}/transfer", service_id="kk")
    server.clock.advance(minutes=7)
    step(server, "staff2", "/counters/2/call-next")
    step(server, "staff2", f"/tickets/{issued['id']}/start")
    server.clock.advance(minutes=3)
    step(server, "staff2", f"/tickets/{issued['id']}/finish")

    r = server.call("GET", "/reports/daily", "super")
    assert r.status_code == 200, r.text
    body = r.json()
    none = {s.value: 0 for s in S}
    assert body["date"] == "2026-11-23" and body["site"] == "MPP Uji Coba" and body["total_issued"] == 1
    assert body["services"] == [
        {"service_id": "kk", "service_name": "Kartu Keluarga", "issued": 0, **none, "transferred_in": 1,
         "received": {**none, "done": 1}, "mean_wait_minutes": 7.0, "mean_service_minutes": 3.0},
        {"service_id": "ktp", "service_name": "KTP Elektronik", "issued": 1, **none, "transferred": 1,
         "transferred_in": 0, "received": none, "mean_wait_minutes": 4.0, "mean_service_minutes": None},
    ]
    assert body["lokets"] == [{"id": 1, "name": "Loket 1", "served": 0}, {"id": 2, "name": "Loket 2", "served": 1},
                              {"id": 3, "name": "Loket 3", "served": 0}]
    assert body["by_priority"] == {"regular": 1}
    assert DailyReport.model_validate(body).services[0].received.done == 1
