"""The catalog's versions over real HTTP (admin): who made each and what it changed, a restore, the TOML
export and import, and the refusal to take a prefix or a service away from today's tickets — the same
refusal on the command line's import."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import threading
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from server.catalog import load_catalog_file
from server.catalog_toml import dumps
from tests.support.clock import SettableClock
from tests.support.server import TEST_CATALOG, LiveServer, live_server

ROOT = TEST_CATALOG.resolve().parent.parent.parent


@pytest.fixture
def server(any_server: LiveServer) -> LiveServer:
    """Each test on SQLite and again on PostgreSQL."""
    return any_server


def _doc() -> dict:
    return copy.deepcopy(dict(load_catalog_file(TEST_CATALOG).document))


def _service(doc: dict, sid: str) -> dict:
    return next(s for a in doc["agencies"] for s in a["services"] if s["id"] == sid)


def _upload(server: LiveServer, doc: dict, role: str = "admin"):
    return server.http.post(f"{server.api}/catalog/import", data=dumps(doc).encode(),
                            headers={**server.headers(role), "Content-Type": "application/toml"}, timeout=15)


def _quota(server: LiveServer, sid: str) -> int | None:
    agencies = server.call("GET", "/catalog", "kiosk").json()["agencies"]
    return next(s for a in agencies for s in a["services"] if s["id"] == sid)["quota"]


def _versions(server: LiveServer) -> list[dict]:
    return server.call("GET", "/catalog/versions", "admin").json()


def _audit(server: LiveServer, kind: str) -> list[dict]:
    entries = server.call("GET", "/audit", "admin").json()["entries"]
    return [e for e in entries if e["kind"] == kind]


def test_an_imported_file_is_a_new_version_with_who_made_it_and_what_it_changed(server: LiveServer) -> None:
    first = server.call("GET", "/catalog/versions", "admin").json()
    assert [(v["id"], v["made_by"]) for v in first] == [(1, "cli")]
    doc = _doc()
    _service(doc, "ktp")["quota"] = 60
    r = _upload(server, doc)
    assert r.status_code == 201, r.text
    assert r.json()["made_by"] == "admin" and r.json()["id"] == 2
    assert _quota(server, "ktp") == 60
    detail = server.call("GET", "/catalog/versions/2", "admin").json()
    assert detail["previous"] == 1
    assert detail["changes"] == [{"kind": "service", "key": "ktp", "action": "changed",
                                  "fields": [{"field": "quota", "before": "5", "after": "60"}]}]
    saved = _audit(server, "catalog.saved")
    assert [(e["actor"], e["detail"]["version"]) for e in saved] == [("admin", 2)]


def test_a_bad_file_is_refused_with_the_field_and_its_reason_and_nothing_is_stored(server: LiveServer) -> None:
    doc = _doc()
    _service(doc, "kk")["quota"] = -3
    r = _upload(server, doc)
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "catalog_invalid"
    assert error["params"] == {"path": "agencies[0].services[1].quota",
                               "reason": "expected a whole number from 0 to 1000000, got -3",
                               "reason_code": "out_of_range",
                               "reason_params": {"got": "-3", "least": 0, "most": 1000000}}
    not_toml = server.http.post(f"{server.api}/catalog/import", data=b"[site\n", headers=server.headers("admin"))
    assert not_toml.status_code == 422 and "not valid TOML" in not_toml.json()["error"]["params"]["reason"]
    assert len(server.call("GET", "/catalog/versions", "admin").json()) == 1
    assert _quota(server, "kk") == 2000
    assert _audit(server, "catalog.saved") == []


def test_restoring_an_earlier_version_stores_it_again_as_the_newest(server: LiveServer) -> None:
    doc = _doc()
    _service(doc, "kk")["quota"] = 10
    assert _upload(server, doc).status_code == 201
    assert _quota(server, "kk") == 10
    r = server.call("POST", "/catalog/versions/1/restore", "admin")
    assert r.status_code == 201, r.text
    assert r.json()["id"] == 3 and r.json()["source"] == "restored from version 1"
    assert _quota(server, "kk") == 2000
    change = server.call("GET", "/catalog/versions/3", "admin").json()["changes"]
    assert change[0]["fields"] == [{"field": "quota", "before": "10", "after": "2000"}]
    assert [e["detail"]["version"] for e in _audit(server, "catalog.restored")] == [3]
    missing = server.call("POST", "/catalog/versions/99/restore", "admin")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "catalog_version_not_found"


def test_the_export_is_the_current_catalog_and_reads_back_the_same(server: LiveServer) -> None:
    r = server.call("GET", "/catalog/export", "admin")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/toml")
    assert 'filename="catalog-v1.toml"' in r.headers["content-disposition"]
    assert tomllib.loads(r.text) == tomllib.loads(dumps(load_catalog_file(TEST_CATALOG).document))
    again = server.http.post(f"{server.api}/catalog/import", data=r.content, headers=server.headers("admin"))
    assert again.status_code == 201
    assert server.call("GET", "/catalog/versions/2", "admin").json()["changes"] == []


def test_a_prefix_change_or_removal_of_a_service_with_tickets_today_is_refused(server: LiveServer) -> None:
    assert server.issue("kk").status_code == 201
    doc = _doc()
    _service(doc, "kk")["prefix"] = "K"
    r = _upload(server, doc)
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "prefix_in_use_today"
    assert r.json()["error"]["params"] == {"service_id": "kk", "prefix": "B", "new_prefix": "K"}
    doc = _doc()
    doc["agencies"][0]["services"] = [s for s in doc["agencies"][0]["services"] if s["id"] != "kk"]
    for loket in doc["lokets"]:
        loket["services"] = [s for s in loket["services"] if s != "kk"] or ["ktp"]
    r = _upload(server, doc)
    assert r.status_code == 409 and r.json()["error"]["code"] == "service_in_use_today"
    assert len(server.call("GET", "/catalog/versions", "admin").json()) == 1
    # A service without tickets today may take a new prefix.
    doc = _doc()
    _service(doc, "ktp")["prefix"] = "K"
    assert _upload(server, doc).status_code == 201


def test_the_command_lines_import_refuses_the_same_prefix_change(tmp_path: Path) -> None:
    """The command line reads the real clock: the server here runs on it too, open all hours, so today's
    ticket is the command line's today."""
    with live_server(tmp_path, clock=SettableClock(datetime.now(UTC)), open_all_hours=True) as server:
        assert server.issue("kk").status_code == 201
        doc = _doc()
        _service(doc, "kk")["prefix"] = "K"
        path = tmp_path / "prefix.toml"
        path.write_text(dumps(doc), encoding="utf-8")
        env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
        done = subprocess.run([sys.executable, "main.py", "server", "import-catalog", str(path), "--database",
                               server.services.settings.database_url], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 2, done.stdout
        assert "prefix_in_use_today" in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert len(server.call("GET", "/catalog/versions", "admin").json()) == 1


def test_english_requirements_reach_the_catalog_and_the_ticket_and_are_checked(server: LiveServer) -> None:
    doc = _doc()
    _service(doc, "kk")["requirements_en"] = ["Form F-1.02"]
    assert _upload(server, doc).status_code == 201
    agencies = server.call("GET", "/catalog", "kiosk").json()["agencies"]
    services = {s["id"]: s for a in agencies for s in a["services"]}
    assert services["kk"]["requirements_en"] == ["Form F-1.02"]
    assert services["ktp"]["requirements_en"] == []  # none: the kiosk shows the Indonesian ones
    ticket = server.issue("kk").json()
    assert (ticket["requirements"], ticket["requirements_en"]) == (["Formulir F-1.02"], ["Form F-1.02"])
    _service(doc, "kk")["requirements_en"] = ["Form F-1.02", " "]
    r = _upload(server, doc)
    assert r.status_code == 422
    assert r.json()["error"]["params"] == {"path": "agencies[0].services[1].requirements_en[1]",
                                           "reason": "expected non-blank text, got ' '",
                                           "reason_code": "expected_nonblank_text", "reason_params": {"got": "' '"}}


def test_the_english_footer_reaches_the_catalog_and_is_checked(server: LiveServer) -> None:
    assert server.call("GET", "/catalog", "kiosk").json()["site"]["footer_en"] == []  # none: the Indonesian one
    doc = _doc()
    doc["site"]["footer_en"] = ["Thank you", "Complaints: lapor.go.id"]
    assert _upload(server, doc).status_code == 201
    site = server.call("GET", "/catalog", "kiosk").json()["site"]
    assert (site["footer"], site["footer_en"]) == (["Terima kasih"], ["Thank you", "Complaints: lapor.go.id"])
    doc["site"]["footer_en"] = ["Thank you", ""]
    r = _upload(server, doc)
    assert r.status_code == 422
    assert r.json()["error"]["params"] == {"path": "site.footer_en[1]", "reason": "expected non-blank text, got ''",
                                           "reason_code": "expected_nonblank_text", "reason_params": {"got": "''"}}
    assert server.call("GET", "/catalog", "kiosk").json()["site"]["footer_en"] == ["Thank you",
                                                                                 "Complaints: lapor.go.id"]


RACERS = 4
ROUNDS = 5


def _race(server: LiveServer, bodies: list[bytes], based_on: int) -> list[requests.Response]:
    """Every body imported at the same moment, each from ``based_on``."""
    start = threading.Barrier(len(bodies))
    answers: dict[int, requests.Response] = {}

    def save(racer: int, body: bytes) -> None:
        start.wait()
        answers[racer] = requests.post(f"{server.api}/catalog/import", params={"based_on": based_on}, data=body,
                                       headers=server.headers("admin"), timeout=30)

    threads = [threading.Thread(target=save, args=(i, b)) for i, b in enumerate(bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [answers[i] for i in range(len(bodies))]


def test_admins_saving_from_the_same_version_at_once_store_one_and_the_others_are_told(server: LiveServer) -> None:
    """GIVEN four admins' saves each made from the newest version, sent at the same moment, five rounds
    THEN exactly one is stored each round; the others are 409 write_conflict (catalog_changed), none lost."""
    for round_no in range(ROUNDS):
        newest = _versions(server)[0]["id"]
        bodies = []
        for racer in range(RACERS):
            doc = _doc()
            _service(doc, "kk")["quota"] = 100 * (round_no + 1) + racer
            bodies.append(dumps(doc).encode())
        answers = _race(server, bodies, newest)
        won = [i for i, r in enumerate(answers) if r.status_code == 201]
        assert len(won) == 1, [r.text for r in answers]
        for r in answers:
            if r.status_code != 201:
                assert r.status_code == 409 and r.json()["error"]["code"] == "write_conflict", r.text
                assert r.json()["error"]["params"]["reason"] == "catalog_changed"
        assert _versions(server)[0]["id"] == newest + 1
        assert _quota(server, "kk") == 100 * (round_no + 1) + won[0]
