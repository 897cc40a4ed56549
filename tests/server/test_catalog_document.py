"""PUT /api/v1/catalog: the whole catalog document as JSON, the API twin of the console's catalog forms (the
same engine function): stored as the next version, or refused with nothing stored — a field's fault with its
path, its reason in English and its reason's code; an edit of an older version; a prefix taken from today's
tickets; a service with tickets today removed."""

from __future__ import annotations

import copy

from tests.support.server import LiveServer


def _document(server: LiveServer) -> tuple[int, dict]:
    answer = server.call("GET", "/catalog/document", "admin")
    assert answer.status_code == 200, answer.text
    return answer.json()["version"], answer.json()["document"]


def _quota(server: LiveServer, sid: str) -> int | None:
    agencies = server.call("GET", "/catalog", "kiosk").json()["agencies"]
    return next(s for a in agencies for s in a["services"] if s["id"] == sid)["quota"]


def test_an_admin_puts_an_edited_document_and_every_kiosk_sees_it(server: LiveServer) -> None:
    version, doc = _document(server)
    doc["agencies"][0]["services"][1]["quota"] = 77
    r = server.call("PUT", "/catalog", "admin", json={"document": doc, "based_on": version})
    assert r.status_code == 201, r.text
    assert r.json()["id"] == version + 1 and r.json()["source"] == "api" and r.json()["made_by"] == "admin"
    assert _quota(server, "kk") == 77
    assert _document(server) == (version + 1, doc)


def test_a_fault_is_answered_with_its_path_reason_and_code_and_nothing_is_stored(server: LiveServer) -> None:
    version, doc = _document(server)
    doc["agencies"][0]["services"][1]["quota"] = -3
    r = server.call("PUT", "/catalog", "admin", json={"document": doc, "based_on": version})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "catalog_invalid"
    assert error["params"]["path"] == "agencies[0].services[1].quota"
    assert error["params"]["reason"] == "expected a whole number from 0 to 1000000, got -3"
    assert error["params"]["reason_code"] == "out_of_range"
    assert error["params"]["reason_params"] == {"got": "-3", "least": 0, "most": 1_000_000}
    assert _document(server)[0] == version and _quota(server, "kk") == 2000


def test_two_admins_editing_one_version_the_second_is_told_and_nothing_of_theirs_stored(server: LiveServer) -> None:
    version, doc = _document(server)
    first, second = copy.deepcopy(doc), copy.deepcopy(doc)
    first["agencies"][0]["services"][1]["quota"] = 10
    second["agencies"][0]["services"][1]["quota"] = 20
    assert server.call("PUT", "/catalog", "admin", json={"document": first, "based_on": version}).status_code == 201
    r = server.call("PUT", "/catalog", "admin", json={"document": second, "based_on": version})
    assert r.status_code == 409 and r.json()["error"]["code"] == "write_conflict"
    assert _quota(server, "kk") == 10


def test_a_service_with_tickets_today_keeps_its_prefix_and_its_place(server: LiveServer) -> None:
    assert server.issue("kk").status_code == 201
    version, doc = _document(server)
    renamed = copy.deepcopy(doc)
    renamed["agencies"][0]["services"][1]["prefix"] = "K"
    r = server.call("PUT", "/catalog", "admin", json={"document": renamed, "based_on": version})
    assert r.status_code == 409 and r.json()["error"]["code"] == "prefix_in_use_today"
    doc["agencies"][0]["services"].pop(1)
    for loket in doc["lokets"]:
        loket["services"] = [s for s in loket["services"] if s != "kk"]
    r = server.call("PUT", "/catalog", "admin", json={"document": doc, "based_on": version})
    assert r.status_code == 409 and r.json()["error"]["code"] == "service_in_use_today"
    assert _document(server)[0] == version


def test_only_an_admin_may_put_a_catalog(server: LiveServer) -> None:
    version, doc = _document(server)
    for role in ("super", "staff1", "kiosk"):
        r = server.call("PUT", "/catalog", role, json={"document": doc, "based_on": version})
        assert r.status_code == 403, (role, r.text)
