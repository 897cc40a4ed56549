"""The SKM over real HTTP, for supervisors and admins: the figures as JSON, the report read back as a
user opens it (the PDF with pypdf, the XLSX with openpyxl, the CSV as text), the follow-up actions
with their audit entries, and each refusal changing nothing.

The hall (Monday 23 November 2026): staff1 at loket 1 serves two KTP tickets over HTTP; both answer
the survey, one with the comment "=1+1", which a spreadsheet would take for a formula."""

from __future__ import annotations

import csv
import io
import threading
from decimal import Decimal
from fractions import Fraction
from typing import Any

import openpyxl
import pytest
import requests
from pypdf import PdfReader

from core import ikm
from core.survey import Unsur
from core.wire import SkmAction, SkmActions, SkmFigures
from tests.server.test_counter_flow import serve
from tests.support.server import LiveServer

NOVEMBER = {"from": "2026-11-01", "to": "2026-11-30"}
FIRST = [4, 3, 3, 4, 3, 4, 4, 2, 3]
SECOND = [3, 3, 2, 4, 3, 3, 4, 2, 4]
MANAGERS = ("super", "admin")


@pytest.fixture
def surveyed(server: LiveServer) -> LiveServer:
    return survey_two(server)


def survey_two(server: LiveServer) -> LiveServer:
    """Both tickets answer through the survey's own route, as the citizen's phone does (QR token → form → answers)."""
    assert server.call("POST", "/counters/1/open", "staff1", json={"service_ids": ["ktp"]}).status_code == 200
    tokens = [server.issue("ktp").json()["token"] for _ in range(2)]
    for _ in tokens:
        serve(server, "staff1", 1)
    for token, scores, comment in zip(tokens, (FIRST, SECOND), ("=1+1", "Ruang tunggu sejuk"), strict=True):
        ref = ok(server.call("GET", f"/survey/ticket/{token}")).json()["ref"]
        body = {"ref": ref, "answers": dict(zip((u.value for u in Unsur), scores, strict=True)),
                "gender": "perempuan", "education": "sma", "occupation": "swasta", "age": 30, "comment": comment}
        ok(server.call("POST", "/survey", json=body), 201)
    return server


def ok(r: Any, status: int = 200) -> Any:
    assert r.status_code == status, r.text
    return r


def refused(r: Any, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code


def exact_ikm() -> Decimal:
    return ikm.two_decimals(ikm.ikm([Fraction(a + b, 2) for a, b in zip(FIRST, SECOND, strict=True)]))


@pytest.mark.parametrize("role", MANAGERS)
def test_the_figures_of_a_period(surveyed: LiveServer, role: str) -> None:
    got = SkmFigures.from_json(ok(surveyed.call("GET", "/skm", role, params=NOVEMBER)).json())
    assert (got.overall.respondents, got.overall.population, got.overall.sample_needed) == (2, 2, 2)
    assert Decimal(str(got.overall.ikm)) == exact_ikm()
    assert [(o.id, o.respondents) for o in got.officers] == [("staff1", 2)]
    assert {c.text for c in got.comments} == {"=1+1", "Ruang tunggu sejuk"}


def test_the_figures_and_files_are_the_same_on_sqlite_and_postgresql(any_server: LiveServer) -> None:
    """PostgreSQL's sum and count come back as other types; the figures and the XLSX must not care."""
    survey_two(any_server)
    got = SkmFigures.from_json(ok(any_server.call("GET", "/skm", "super", params=NOVEMBER)).json())
    assert Decimal(str(got.overall.ikm)) == exact_ikm()
    assert [u.score_sum for u in got.overall.unsur] == [a + b for a, b in zip(FIRST, SECOND, strict=True)]
    r = ok(any_server.call("GET", "/skm/report", "super", params={**NOVEMBER, "format": "xlsx"}))
    assert len(list(openpyxl.load_workbook(io.BytesIO(r.content))["Jawaban"].values)) == 3


def test_the_default_period_is_this_semester(surveyed: LiveServer) -> None:
    got = SkmFigures.from_json(ok(surveyed.call("GET", "/skm", "super")).json())
    assert (str(got.period_from), str(got.period_to), got.overall.respondents) == ("2026-07-01", "2026-12-31", 2)
    only_to = SkmFigures.from_json(ok(surveyed.call("GET", "/skm", "super", params={"to": "2026-11-22"})).json())
    assert (str(only_to.period_from), only_to.overall.respondents) == ("2026-07-01", 0)


@pytest.mark.parametrize("role", ["staff1", "kiosk", "display", None])
def test_only_supervisors_and_admins_see_the_skm(surveyed: LiveServer, role: str | None) -> None:
    for path in ("/skm", "/skm/report", "/skm/actions"):
        assert surveyed.call("GET", path, role, params=NOVEMBER).status_code == (401 if role is None else 403)
    r = surveyed.call("POST", "/skm/actions", role, json={})
    assert r.status_code == (401 if role is None else 403)


def test_a_wrong_period_or_agency_is_refused(surveyed: LiveServer) -> None:
    refused(surveyed.call("GET", "/skm", "super", params={"from": "2026-12-01", "to": "2026-11-01"}), 422,
            "report_period_reversed")
    refused(surveyed.call("GET", "/skm", "super", params={"from": "2020-01-01", "to": "2026-11-01"}), 422,
            "report_period_too_long")
    refused(surveyed.call("GET", "/skm", "super", params={**NOVEMBER, "agency": "nope"}), 404, "agency_not_found")
    refused(surveyed.call("GET", "/skm/report", "super", params={**NOVEMBER, "format": "doc"}), 422,
            "invalid_request")


def test_the_pdf_reads_back_with_its_chapters_its_unsur_table_and_the_ikm(surveyed: LiveServer) -> None:
    r = ok(surveyed.call("GET", "/skm/report", "super", params={**NOVEMBER, "format": "pdf"}))
    assert r.headers["content-type"] == "application/pdf"
    assert 'filename="skm-2026-11-01-2026-11-30.pdf"' in r.headers["content-disposition"]
    # Right-aligned numbers come out with a space before them.
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages).replace("\n ", "\n")
    for chapter in ("Bab I Pendahuluan", "Bab II Metodologi", "Bab III Hasil", "Bab IV Analisis",
                    "Bab V Tindak Lanjut", "Bab VI Penutup"):
        assert chapter in text
    shown = f"{exact_ikm():.2f}".replace(".", ",")
    assert f"Indeks Kepuasan Masyarakat (IKM): {shown}, mutu pelayanan" in text
    assert f"IKM\n–\n2\n–\n{shown}\n" in text   # the table's last row
    # The per-unsur table's first row: Persyaratan, sum 7 over 2 answers, NRR 3,5000, × 25 = 87,50, B.
    assert "Persyaratan\n7\n2\n3,5000\n87,50\nB" in text
    assert "2 dari 2 responden (cukup)" in text


def test_the_xlsx_reads_back_and_a_formula_comment_is_plain_text(surveyed: LiveServer) -> None:
    r = ok(surveyed.call("GET", "/skm/report", "admin", params={**NOVEMBER, "format": "xlsx"}))
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    assert book.sheetnames == ["Jawaban", "Per unsur", "Per unit", "Profil", "Tindak lanjut"]
    raw = list(book["Jawaban"].values)
    assert len(raw) == 3 and raw[0][-2:] == ("comment", "extra")
    assert {row[-2] for row in raw[1:]} == {"'=1+1", "Ruang tunggu sejuk"}
    assert book["Jawaban"].cell(2, 1).data_type == "n"
    unsur = list(book["Per unsur"].values)
    assert unsur[1][:4] == ("persyaratan", "Persyaratan", 7, 2) and unsur[-1][5] == float(exact_ikm())


def test_the_csv_has_each_table_and_neutralises_the_formula(surveyed: LiveServer) -> None:
    r = ok(surveyed.call("GET", "/skm/report", "super", params={**NOVEMBER, "format": "csv"}))
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    sections = {row[0] for row in rows[1:] if row[0] != "section"}
    assert sections == {"Jawaban", "Per unsur", "Per unit", "Profil"}
    assert any("'=1+1" in row for row in rows)
    assert not any(cell.startswith("=") for row in rows for cell in row)


def add(server: LiveServer, role: str = "super", **body: Any) -> Any:
    action = {"period_from": "2026-07-01", "period_to": "2026-12-31", "unsur": "waktu",
              "what": "Tambah petugas pada jam sibuk", "who": "Koordinator Dukcapil", "due": "2027-02-28", **body}
    return surveyed_call(server, "POST", "/skm/actions", role, json=action)


def surveyed_call(server: LiveServer, method: str, path: str, role: str, **kw: Any) -> Any:
    return server.call(method, path, role, **kw)


def audit_kinds(server: LiveServer) -> list[str]:
    entries = server.call("GET", "/audit", "admin", params={"limit": 200}).json()["entries"]
    return [e["kind"] for e in entries if e["kind"].startswith("skm_action")]


@pytest.mark.parametrize("role", MANAGERS)
def test_follow_up_actions_added_and_updated_are_audited(surveyed: LiveServer, role: str) -> None:
    added = SkmAction.from_json(ok(add(surveyed, role, agency_id="dukcapil"), 201).json())
    assert (added.status, added.made_by, added.agency_id) == ("planned", role, "dukcapil")
    changed = ok(surveyed.call("PATCH", f"/skm/actions/{added.id}", role,
                               json={"status": "in_progress", "evidence": "SK penambahan petugas"})).json()
    assert (changed["status"], changed["evidence"]) == ("in_progress", "SK penambahan petugas")
    listed = SkmActions.from_json(ok(surveyed.call("GET", "/skm/actions", role)).json())
    assert [a.id for a in listed.actions] == [added.id]
    assert audit_kinds(surveyed) == ["skm_action.updated", "skm_action.added"]
    report = SkmFigures.from_json(ok(surveyed.call("GET", "/skm", role,
                                                   params={"from": "2027-01-01", "to": "2027-06-30"})).json())
    assert [(a.id, a.status) for a in report.previous_actions] == [(added.id, "in_progress")]


def test_a_refused_action_changes_nothing(surveyed: LiveServer) -> None:
    refused(add(surveyed, unsur="nope"), 422, "invalid_request")
    refused(add(surveyed, what="   "), 422, "invalid_request")
    refused(add(surveyed, agency_id="nope"), 404, "agency_not_found")
    refused(add(surveyed, period_from="2027-01-01"), 422, "report_period_reversed")
    refused(surveyed.call("PATCH", "/skm/actions/7", "super", json={"status": "done"}), 404, "skm_action_not_found")
    refused(surveyed.call("PATCH", "/skm/actions/7", "super", json={"status": "finished"}), 422, "invalid_request")
    assert ok(surveyed.call("GET", "/skm/actions", "super")).json()["actions"] == []
    assert audit_kinds(surveyed) == []


RACERS = 8


def test_supervisors_marking_one_action_done_at_once_record_one_change(any_server: LiveServer) -> None:
    """GIVEN one planned action WHEN eight requests mark it done at the same moment THEN it is done, and the
    audit log has exactly one change to it: the row is locked while it is compared, so the others find it
    done already and record nothing (or are told to retry, changing nothing). SQLite and PostgreSQL."""
    added = ok(add(any_server), 201).json()
    start = threading.Barrier(RACERS)
    answers: list[int] = []

    def mark() -> None:
        with requests.Session() as http:
            start.wait()
            r = http.patch(f"{any_server.api}/skm/actions/{added['id']}", json={"status": "done"}, timeout=30,
                           headers=any_server.headers("super"))
            answers.append(r.status_code)

    threads = [threading.Thread(target=mark) for _ in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(answers) <= {200, 409} and 200 in answers, answers
    assert ok(any_server.call("GET", "/skm/actions", "super")).json()["actions"][0]["status"] == "done"
    assert audit_kinds(any_server) == ["skm_action.updated", "skm_action.added"]
