"""Today's switches and the audit log over real HTTP: each route by a supervisor and an admin, what a
kiosk's ticket request and catalog say at once, each refusal changing nothing, each change audited,
the audit log's filters and pages, and a clean next day."""

from __future__ import annotations

from typing import Any

import pytest

from server.service_day import HOLD
from tests.support.clock import wib
from tests.support.server import LiveServer

MANAGERS = ("super", "admin")


def ok(server: LiveServer, method: str, path: str, role: str = "super", **kw: Any) -> Any:
    r = server.call(method, path, role, **kw)
    assert r.status_code == 200, r.text
    return r.json()


def error(r: Any, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["code"] == code, body
    return body["params"]


def service(server: LiveServer, service_id: str) -> dict[str, Any]:
    catalog = ok(server, "GET", "/catalog", "kiosk")
    return next(s for a in catalog["agencies"] for s in a["services"] if s["id"] == service_id)


def state(server: LiveServer) -> tuple[Any, Any]:
    """Everything a refused request must leave as it was: the switches and the audit log."""
    return ok(server, "GET", "/today"), ok(server, "GET", "/audit", params={"limit": 200})


@pytest.mark.parametrize("role", MANAGERS)
def test_closing_a_service_for_today_refuses_the_kiosk_at_once_and_reopening_takes_tickets(server, role):
    assert server.issue("ktp").status_code == 201
    today = ok(server, "PUT", "/today/services/ktp/closed", role, json={"note": "Petugas sedang diklat"})
    assert [(c["service_id"], c["note"], c["by"]) for c in today["closed_services"]] == [
        ("ktp", "Petugas sedang diklat", {"super": "super", "admin": "admin"}[role])]
    params = error(server.issue("ktp"), 409, "service_closed_today")
    assert (params["note"], params["next_open_date"]) == ("Petugas sedang diklat", "2026-11-24")
    shown = service(server, "ktp")
    assert (shown["open"], shown["closed_reason"], shown["closed_params"]["note"]) == (
        False, "service_closed_today", "Petugas sedang diklat")
    assert server.issue("kk").status_code == 201
    assert ok(server, "DELETE", "/today/services/ktp/closed", role)["closed_services"] == []
    r = server.issue("ktp")
    assert r.status_code == 201 and r.json()["code"] == "A-002"


def test_a_close_without_a_body_has_no_note(server):
    assert ok(server, "PUT", "/today/services/kk/closed")["closed_services"][0]["note"] == ""
    assert error(server.issue("kk"), 409, "service_closed_today")["note"] == ""


def test_today_s_quota_is_in_the_catalog_at_once_and_back_to_the_catalog_s(server):
    for _ in range(2):
        assert server.issue("ktp").status_code == 201
    today = ok(server, "PUT", "/today/services/ktp/quota", "admin", json={"quota": 3})
    assert today["quotas"] == [{"service_id": "ktp", "quota": 3, "catalog_quota": 5, "issued": 2, "by": "admin",
                                "at": "2026-11-23T02:00:00+00:00"}]
    assert (service(server, "ktp")["quota"], service(server, "ktp")["quota_left"]) == (3, 1)
    assert server.issue("ktp").status_code == 201
    error(server.issue("ktp"), 409, "quota_exhausted")
    assert ok(server, "DELETE", "/today/services/ktp/quota", "admin")["quotas"] == []
    assert (service(server, "ktp")["quota"], service(server, "ktp")["quota_left"]) == (5, 2)
    assert server.issue("ktp").status_code == 201


def test_a_quota_below_the_tickets_issued_is_refused_and_changes_nothing(server):
    for _ in range(3):
        assert server.issue("ktp").status_code == 201
    ok(server, "PUT", "/today/services/ktp/quota", json={"quota": 4})
    before = state(server)
    params = error(server.call("PUT", "/today/services/ktp/quota", "super", json={"quota": 2}), 409,
                   "quota_below_issued")
    assert params == {"service_id": "ktp", "issued": 3, "quota": 2}
    assert state(server) == before
    assert service(server, "ktp")["quota"] == 4


@pytest.mark.parametrize(("method", "path", "body", "status", "code"), [
    ("PUT", "/today/services/tidak-ada/closed", {"note": "x"}, 404, "service_not_found"),
    ("DELETE", "/today/services/tidak-ada/closed", None, 404, "service_not_found"),
    ("PUT", "/today/services/tidak-ada/quota", {"quota": 3}, 404, "service_not_found"),
    ("DELETE", "/today/services/tidak-ada/quota", None, 404, "service_not_found"),
    ("PUT", "/today/agencies/tidak-ada/stopped", None, 404, "agency_not_found"),
    ("DELETE", "/today/agencies/tidak-ada/stopped", None, 404, "agency_not_found"),
    ("PUT", "/today/services/ktp/quota", {"quota": -1}, 422, "invalid_request"),
    ("PUT", "/today/services/ktp/quota", {"quota": "7"}, 422, "invalid_request"),
    ("PUT", "/today/services/ktp/quota", {}, 422, "missing_field"),
    ("PUT", "/today/services/ktp/closed", {"note": "x" * 121}, 422, "invalid_request"),
    ("PUT", "/today/services/ktp/closed", {"note": "a\x00b"}, 422, "invalid_request"),
    ("PUT", "/today/services/ktp/closed", {"reason": "x"}, 422, "invalid_request"),
    ("PUT", "/today/running-text", {"text": " \n\t "}, 422, "invalid_request"),
    ("PUT", "/today/running-text", {"text": "x" * 501}, 422, "invalid_request"),
    ("PUT", "/today/running-text", None, 422, "missing_field"),
])
def test_each_refusal_changes_nothing(server, method, path, body, status, code):
    ok(server, "PUT", "/today/running-text", json={"text": "Selamat datang"})
    before = state(server)
    error(server.call(method, path, "super", json=body), status, code)
    assert state(server) == before


def test_stopping_an_agency_refuses_its_services_only_until_resumed(server):
    ok(server, "PUT", "/today/agencies/dukcapil/stopped", json={"note": "Server SIAK gangguan"})
    for sid in ("ktp", "kk"):
        assert error(server.issue(sid), 409, "agency_stopped_today")["note"] == "Server SIAK gangguan"
        assert service(server, sid)["closed_reason"] == "agency_stopped_today"
    assert server.issue("paspor").status_code == 201
    ok(server, "DELETE", "/today/agencies/dukcapil/stopped", "admin")
    assert server.issue("kk").status_code == 201


def test_the_running_text_reaches_every_device_s_catalog_on_one_line_as_written(server):
    ok(server, "PUT", "/today/running-text", json={"text": "Loket <b>paspor</b>\n  tutup   pukul 12.00"})
    for role in ("kiosk", "display", "staff"):
        site = ok(server, "GET", "/catalog", role)["site"]
        assert site["running_text_today"] == "Loket <b>paspor</b> tutup pukul 12.00"
    ok(server, "DELETE", "/today/running-text")
    assert ok(server, "GET", "/catalog", "display")["site"]["running_text_today"] == ""


def test_every_change_is_in_the_audit_log_with_who_and_the_log_filters_and_pages(server):
    set_up = ok(server, "GET", "/audit", "admin", params={"limit": 200})["entries"]  # the test's accounts, devices
    ok(server, "PUT", "/today/services/ktp/closed", "super", json={"note": "rapat"})
    ok(server, "DELETE", "/today/services/ktp/closed", "admin")
    ok(server, "PUT", "/today/services/kk/quota", "super", json={"quota": 10})
    ok(server, "PUT", "/today/agencies/imigrasi/stopped", "admin")
    ok(server, "PUT", "/today/running-text", "super", json={"text": "Halo"})
    ok(server, "DELETE", "/today/running-text", "super")
    ok(server, "DELETE", "/today/running-text", "super")  # not set any more: nothing to record
    everything = ok(server, "GET", "/audit", "admin", params={"limit": 200})["entries"]
    entries = everything[:len(everything) - len(set_up)]
    assert everything[len(entries):] == set_up
    assert [(e["actor"], e["actor_role"], e["kind"], e["subject"]) for e in entries] == [
        ("super", "supervisor", "today.running_text_cleared", "running_text"),
        ("super", "supervisor", "today.running_text_set", "running_text"),
        ("admin", "admin", "today.agency_stopped", "agency:imigrasi"),
        ("super", "supervisor", "today.quota_set", "service:kk"),
        ("admin", "admin", "today.service_reopened", "service:ktp"),
        ("super", "supervisor", "today.service_closed", "service:ktp"),
    ]
    assert entries[3]["detail"] == {"service_date": "2026-11-23", "quota": 10, "previous": 2000,
                                    "catalog_quota": 2000, "issued": 0}
    assert [e["kind"] for e in ok(server, "GET", "/audit", params={"actor": "admin"})["entries"]] == [
        "today.agency_stopped", "today.service_reopened"]
    assert [e["actor"] for e in ok(server, "GET", "/audit", params={"kind": "today.quota_set"})["entries"]] == [
        "super"]
    assert len(ok(server, "GET", "/audit", params={"date": "2026-11-23", "limit": 200})["entries"]) == len(everything)
    assert ok(server, "GET", "/audit", params={"date": "2026-11-22"})["entries"] == []
    pages, cursor = [], None
    while True:
        page = ok(server, "GET", "/audit", params={"limit": 4, **({"before": cursor} if cursor else {})})
        pages.append([e["id"] for e in page["entries"]])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    ids = [e["id"] for e in everything]
    assert pages == [ids[i:i + 4] for i in range(0, len(ids), 4)]


@pytest.mark.parametrize("params", [{"kind": "today.nope"}, {"date": "2026-13-01"}, {"before": "0"},
                                    {"before": "x"}, {"limit": "201"}, {"limit": "0"}, {"actor": ""},
                                    {"actor": "a\x00b"}])
def test_a_bad_filter_of_the_audit_log_is_refused(server, params):
    error(server.call("GET", "/audit", "super", params=params), 422, "invalid_request")


def test_the_switches_end_when_the_next_service_day_starts(server):
    ok(server, "PUT", "/today/services/ktp/closed")
    ok(server, "PUT", "/today/services/kk/quota", json={"quota": 0})
    ok(server, "PUT", "/today/agencies/imigrasi/stopped")
    ok(server, "PUT", "/today/running-text", json={"text": "Hari ini saja"})
    tomorrow = wib(2026, 11, 24, 8, 30)
    server.clock.set(tomorrow - HOLD)
    ok(server, "GET", "/health", None)  # the server reads the clock: the new date starts to hold
    server.clock.set(tomorrow)
    server.tokens["super"] = server.login("super")  # a new working day, a new sign-in
    today = ok(server, "GET", "/today")
    assert today == {"service_date": "2026-11-24", "closed_services": [], "quotas": [], "stopped_agencies": [],
                     "running_text": None}
    for sid in ("ktp", "kk", "paspor"):
        assert server.issue(sid).status_code == 201, sid
    assert ok(server, "GET", "/catalog", "display")["site"]["running_text_today"] == ""


def test_every_switch_is_set_read_and_cleared_on_each_store(any_server):
    """The same round on SQLite and on PostgreSQL: upserts, deletes and the JSON of each switch."""
    s = any_server
    assert s.issue("ktp").status_code == 201
    ok(s, "PUT", "/today/services/ktp/closed", json={"note": "rapat"})
    ok(s, "PUT", "/today/services/ktp/closed", "admin", json={"note": "rapat dinas"})  # set again: replaced
    ok(s, "PUT", "/today/services/kk/quota", json={"quota": 1})
    ok(s, "PUT", "/today/agencies/imigrasi/stopped", json={"note": "libur instansi"})
    today = ok(s, "PUT", "/today/running-text", json={"text": "Halo"})
    closed = [(c["service_id"], c["note"], c["by"]) for c in today["closed_services"]]
    assert closed == [("ktp", "rapat dinas", "admin")]
    assert [(q["service_id"], q["quota"], q["issued"]) for q in today["quotas"]] == [("kk", 1, 0)]
    assert [(a["agency_id"], a["note"]) for a in today["stopped_agencies"]] == [("imigrasi", "libur instansi")]
    assert today["running_text"]["text"] == "Halo"
    error(s.issue("ktp"), 409, "service_closed_today")
    error(s.issue("paspor"), 409, "agency_stopped_today")
    assert s.issue("kk").status_code == 201
    error(s.issue("kk"), 409, "quota_exhausted")
    error(s.call("PUT", "/today/services/kk/quota", "super", json={"quota": 0}), 409, "quota_below_issued")
    for path in ("/today/services/ktp/closed", "/today/services/kk/quota", "/today/agencies/imigrasi/stopped",
                 "/today/running-text"):
        ok(s, "DELETE", path)
    assert ok(s, "GET", "/today") == {"service_date": "2026-11-23", "closed_services": [], "quotas": [],
                                      "stopped_agencies": [], "running_text": None}
    kinds = [e["kind"] for e in ok(s, "GET", "/audit", params={"limit": 200})["entries"] if e["actor"] != "cli"]
    assert kinds == ["today.running_text_cleared", "today.agency_resumed", "today.quota_reset",
                     "today.service_reopened", "today.running_text_set", "today.agency_stopped", "today.quota_set",
                     "today.service_closed", "today.service_closed"]
