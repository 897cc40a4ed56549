"""A transfer to a named loket with a note, over real HTTP: the loket and the note are checked as
they come in, a refusal changes nothing, and the note reaches staff only, never a kiosk, a board,
the ticket JSON a kiosk reads or the citizen's page."""

from __future__ import annotations

from typing import Any

import pytest

from server.events import events_after
from tests.server.test_events import read_events
from tests.support.server import LiveServer

NOTE = "Berkas KK sudah dicek — tinggal tanda tangan <b>Pak</b>"


def serving_ktp_at_loket_1(server: LiveServer) -> dict[str, Any]:
    """A-001 served at loket 1 by staff1; loket 2 open (staff2) for ktp and kk."""
    ticket = server.issue("ktp").json()
    for loket, who in ((1, "staff1"), (2, "staff2")):
        assert server.call("POST", f"/counters/{loket}/open", who).status_code == 200
    assert server.call("POST", "/counters/1/call-next", "staff1").status_code == 200
    assert server.call("POST", f"/tickets/{ticket['id']}/start", "staff1").status_code == 200
    return ticket


def transfer(server: LiveServer, ticket_id: int, **body: Any) -> Any:
    return server.call("POST", f"/tickets/{ticket_id}/transfer", "staff1", json={"service_id": "kk", **body})


def test_a_ticket_sent_to_loket_2_with_a_note_reaches_its_officer_only(server: LiveServer) -> None:
    ticket = serving_ktp_at_loket_1(server)
    answer = transfer(server, ticket["id"], counter_id=2, note=f"  {NOTE}  ")
    assert answer.status_code == 200, answer.text
    moved = answer.json()
    assert (moved["service_id"], moved["target_counter"], moved["transfer_note"], moved["lokets"]) == (
        "kk", {"id": 2, "name": "Loket 2"}, NOTE, ["Loket 2"])

    # Loket 1 passes it by; loket 2 calls it, and its officer reads the note.
    assert server.call("POST", "/counters/1/call-next", "staff1").json()["error"]["code"] == "queue_empty"
    called = server.call("POST", "/counters/2/call-next", "staff2").json()["current_ticket"]
    assert (called["code"], called["transfer_note"]) == ("A-001", NOTE)
    assert server.call("GET", f"/tickets/{ticket['id']}", "staff2").json()["transfer_note"] == NOTE

    # Nobody in the hall reads it: not the kiosk, the board, the citizen's page or JSON.
    assert server.call("GET", f"/tickets/{ticket['id']}", "kiosk").json()["transfer_note"] is None
    assert server.call("GET", "/tickets/lookup?code=A-001", "kiosk").json()["transfer_note"] is None
    boards = server.call("GET", "/counters", "display").json()
    assert boards[1]["current_ticket"]["transfer_note"] is None
    public = server.call("GET", f"/tickets/status/{ticket['token']}").json()
    assert "transfer_note" not in public and "Berkas" not in str(public)
    page = server.http.get(f"{server.url}/t/{ticket['token']}", timeout=10).text
    assert "Berkas" not in page and "tanda tangan" not in page

    with server.services.db.read() as conn:
        written = len(events_after(conn, 0))
    for role in ("kiosk", "display"):
        seen = [e["data"] for e in read_events(server, role, written, last_event_id=0)]
        sent = [e for e in seen if e["type"] == "ticket.status" and e["data"].get("status_change") == "transferred"]
        assert sent and sent[0]["data"]["note"] is None
        assert sent[0]["data"]["target_counter"] == {"id": 2, "name": "Loket 2"}
        assert "Berkas" not in str(seen)
    staff_seen = [e["data"] for e in read_events(server, "super", written, last_event_id=0)]
    audit = next(e["data"] for e in staff_seen if e["data"].get("status_change") == "transferred")
    assert {k: audit[k] for k in ("by", "transferred_from", "counter", "target_counter", "note")} == {
        "by": "staff1", "transferred_from": "ktp", "counter": {"id": 1, "name": "Loket 1"},
        "target_counter": {"id": 2, "name": "Loket 2"}, "note": NOTE}


def test_the_citizen_s_page_names_the_one_loket(server: LiveServer) -> None:
    ticket = serving_ktp_at_loket_1(server)
    assert transfer(server, ticket["id"], counter_id=2).status_code == 200
    page = server.http.get(f"{server.url}/t/{ticket['token']}", timeout=10).text
    assert "Dilayani di / served at <b>Loket 2</b>" in page
    assert server.call("POST", "/counters/2/close", "staff2").status_code == 200
    page = server.http.get(f"{server.url}/t/{ticket['token']}", timeout=10).text
    assert "Dilayani di / served at <b>Loket 1, Loket 2</b>" in page


@pytest.mark.parametrize(("body", "status", "code"), [
    ({"counter_id": 99}, 422, "transfer_loket_not_found"),
    ({"counter_id": 3}, 409, "transfer_loket_not_open"),         # closed (and serving paspor only)
    ({"counter_id": 0}, 422, "invalid_request"),
    ({"counter_id": "2"}, 422, "invalid_request"),
    ({"counter_id": 2 ** 40}, 422, "invalid_request"),
    ({"note": "baris satu\nbaris dua"}, 422, "invalid_request"),
    ({"note": "tab\there"}, 422, "invalid_request"),
    ({"note": "x" * 201}, 422, "invalid_request"),
    ({"note": "nul\x00"}, 422, "invalid_request"),
    ({"note": 5}, 422, "invalid_request"),
])
def test_a_refused_transfer_says_why_and_changes_nothing(server: LiveServer, body, status, code) -> None:
    ticket = serving_ktp_at_loket_1(server)
    before = server.call("GET", f"/tickets/{ticket['id']}", "staff1").json()
    answer = transfer(server, ticket["id"], **body)
    assert (answer.status_code, answer.json()["error"]["code"]) == (status, code)
    assert server.call("GET", f"/tickets/{ticket['id']}", "staff1").json() == before


def test_a_note_is_trimmed_and_may_be_200_characters(server: LiveServer) -> None:
    ticket = serving_ktp_at_loket_1(server)
    answer = transfer(server, ticket["id"], note="  " + "é" * 200 + "  ")
    assert answer.status_code == 200, answer.text
    assert answer.json()["transfer_note"] == "é" * 200


def test_an_empty_note_is_no_note(server: LiveServer) -> None:
    ticket = serving_ktp_at_loket_1(server)
    answer = transfer(server, ticket["id"], note="   ")
    assert (answer.status_code, answer.json()["transfer_note"], answer.json()["target_counter"]) == (200, None, None)
