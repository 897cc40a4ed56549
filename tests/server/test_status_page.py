"""The citizen's phone page (/t/{token}) and its JSON, on the real server: the estimate said once,
no estimate while no loket is open, and a transferred ticket's new service and lokets."""

from __future__ import annotations

from typing import Any

import requests

from tests.support.server import LiveServer


def ok(r: requests.Response, status: int = 200) -> Any:
    assert r.status_code == status, (r.status_code, r.text)
    return r.json()


def page(server: LiveServer, token: str) -> str:
    r = requests.get(f"{server.url}/t/{token}", timeout=10)
    assert r.status_code == 200, r.text
    return r.text


def test_no_loket_open_is_said_instead_of_an_estimate_then_the_estimate_once(server: LiveServer) -> None:
    ticket = ok(server.issue("ktp"), 201)
    status = ok(server.call("GET", f"/tickets/status/{ticket['token']}"))
    assert status["wait_unknown"] == "no_loket_open" and status["lokets"] == ["Loket 1", "Loket 2"]
    text = page(server, ticket["token"])
    assert "Loket belum buka / no loket open yet" in text
    assert "served at <b>Loket 1, Loket 2</b>" in text

    ok(server.call("POST", "/counters/1/open", "staff1"))
    ok(server.issue("ktp"), 201)
    later = ok(server.issue("ktp"), 201)
    assert ok(server.call("GET", f"/tickets/status/{later['token']}"))["wait_unknown"] is None
    text = page(server, later["token"])
    assert "perkiraan 20 menit / about 20 min" in text
    assert "±" not in text and "belum buka" not in text


def test_a_transferred_tickets_page_names_the_new_service_and_its_lokets(server: LiveServer) -> None:
    """GIVEN A-001 served at Loket 1 WHEN its officer transfers it to Paspor (served at Loket 3 only)
    THEN the citizen's page says it was transferred to Paspor and to go to Loket 3, not Loket 1."""
    ticket = ok(server.issue("ktp"), 201)
    ok(server.call("POST", "/counters/1/open", "staff1", json={"service_ids": ["ktp"]}))
    ok(server.call("POST", "/counters/1/call-next", "staff1"))
    ok(server.call("POST", f"/tickets/{ticket['id']}/start", "staff1"))
    ok(server.call("POST", f"/tickets/{ticket['id']}/transfer", "staff1", json={"service_id": "paspor"}))

    status = ok(server.call("GET", f"/tickets/status/{ticket['token']}"))
    assert (status["transferred"], status["lokets"], status["status"]) == (True, ["Loket 3"], "waiting")
    text = page(server, ticket["token"])
    assert f"Dialihkan ke / transferred to <b>{status['service_name']}</b>" in text
    assert "served at <b>Loket 3</b>" in text and "Loket 1" not in text
