"""A service tile and the ticket taken from it at the same moment show the same estimated wait:
both come from one function over one kept mean service time (server/engine/live.py)."""

from __future__ import annotations

from datetime import timedelta

from server.db import tickets
from tests.support.server import LiveServer


def kk_tile(server: LiveServer) -> dict:
    agencies = server.call("GET", "/catalog", "kiosk").json()["agencies"]
    return next(s for a in agencies for s in a["services"] if s["id"] == "kk")


def serve(server: LiveServer, minutes: float) -> None:
    """Loket 1 calls the next citizen and serves them for ``minutes``."""
    called = server.call("POST", "/counters/1/call-next", "staff1").json()["current_ticket"]
    server.call("POST", f"/tickets/{called['id']}/start", "staff1").raise_for_status()
    server.clock.advance(minutes=minutes)
    server.call("POST", f"/tickets/{called['id']}/finish", "staff1").raise_for_status()


def test_a_tile_and_its_new_ticket_show_the_same_wait_after_services_here(server: LiveServer) -> None:
    """GIVEN Kartu Keluarga (6 minutes a citizen by the catalog) with one loket open, and tickets
    issued while no one was served yet
    WHEN the loket serves three citizens in 2 minutes each, and a citizen looks at the tile and
    takes a ticket from it
    THEN the tile and the ticket both estimate 2 people × 2 minutes = 4 minutes."""
    server.call("POST", "/counters/1/open", "staff1").raise_for_status()
    issued = [server.issue("kk").json() for _ in range(5)]
    assert issued[-1]["eta_minutes"] == 4 * 6
    for _ in range(3):
        serve(server, minutes=2)

    tile = kk_tile(server)
    ticket = server.issue("kk").json()

    assert (tile["waiting"], ticket["people_ahead"]) == (2, 2)
    assert tile["eta_minutes"] == ticket["eta_minutes"] == 4


def test_a_tile_and_its_new_ticket_agree_when_another_process_served(server: LiveServer) -> None:
    """GIVEN Kartu Keluarga with one loket open and tickets waiting
    WHEN another server process on the same database finishes three tickets quickly, and a citizen
    here looks at the tile and takes a ticket from it
    THEN the tile and the ticket show the same wait (this process's kept figure, until it is
    read again), never two different ones."""
    server.call("POST", "/counters/1/open", "staff1").raise_for_status()
    issued = [server.issue("kk").json() for _ in range(5)]
    now = server.clock.now()
    with server.services.db.write() as conn:
        for t in issued[:3]:
            conn.execute(tickets.update().where(tickets.c.id == t["id"]).values(
                status="done", counter_id=1, called_at=now, started_at=now - timedelta(minutes=1),
                finished_at=now))

    tile = kk_tile(server)
    ticket = server.issue("kk").json()

    assert (tile["waiting"], ticket["people_ahead"]) == (2, 2)
    assert tile["eta_minutes"] == ticket["eta_minutes"]
