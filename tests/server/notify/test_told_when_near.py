"""A ticket holder who gave their WhatsApp number on the status page is told, over real HTTP to a gateway
on a loopback port, once when fewer than three people are ahead and once when called, with the loket; the
number is taken only with consent, only for a waiting ticket, changed a few times at most, taken back on
request, and deleted when the day closes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from server.db import ticket_contacts
from server.notify.contacts import MOST_CHANGES
from server.notify.ticket_watch import TicketWatch
from tests.server.test_counter_flow import act, ok, on_ticket, refused, take
from tests.support.gateway import Gateway
from tests.support.net import wait_for
from tests.support.server import LiveServer


def give(hall: LiveServer, ticket: dict, phone: str = "0812 3456 7890", consent: bool = True,
         language: str = "id") -> Any:
    return hall.http.put(f"{hall.api}/tickets/status/{ticket['token']}/contact", timeout=10,
                         json={"phone": phone, "consent": consent, "language": language})


def messages_for(gateway: Gateway, target: str) -> list[str]:
    return [r.form["message"] for r in gateway.delivered if r.form.get("target") == target]


def sent_count(hall: LiveServer) -> int:
    hall.clock.advance(seconds=1)
    return len(hall.call("GET", "/notifications?status=sent", "super").json()["messages"])


def test_the_holder_is_told_once_when_near_and_once_when_called(notifying, gateway: Gateway):
    with notifying() as hall:
        first, second, third, mine, after = (take(hall) for _ in range(5))
        told = ok(give(hall, mine))
        assert told == {"code": mine["code"], "recipient": "6281••••••890", "language": "id"}
        ok(act(hall, "staff1", 1, "open", service_ids=["kk"]))
        ok(act(hall, "staff1", 1, "call-next"))          # first called: two ahead of mine now
        wait_for(lambda: sent_count(hall) == 1, what="the turn-near message")
        near = messages_for(gateway, "6281234567890")
        assert len(near) == 1 and mine["code"] in near[0] and "2 orang lagi" in near[0]
        for ticket in (first, second, third):
            ok(on_ticket(hall, "staff1", ticket, "start"))
            ok(on_ticket(hall, "staff1", ticket, "finish"))
            called = ok(act(hall, "staff1", 1, "call-next"))
        assert called["current_ticket"]["id"] == mine["id"]
        wait_for(lambda: sent_count(hall) == 2, what="the called message")
    got = messages_for(gateway, "6281234567890")
    assert got[1] == f"Nomor {mine['code']} dipanggil. Silakan menuju Loket 1."
    assert len(gateway.delivered) == 2 and after["code"] not in "".join(got)


def test_a_number_in_english_is_told_in_english_and_a_number_taken_back_is_told_nothing(notifying,
                                                                                        gateway: Gateway):
    with notifying() as hall:
        mine, gone = take(hall), take(hall)
        ok(give(hall, mine, "085712345678", language="en"))
        ok(give(hall, gone, "081398765432"))
        removed = hall.http.delete(f"{hall.api}/tickets/status/{gone['token']}/contact", timeout=10)
        assert ok(removed)["recipient"] is None
        ok(act(hall, "staff1", 1, "open", service_ids=["kk"]))
        ok(act(hall, "staff1", 1, "call-next"))
        wait_for(lambda: sent_count(hall) == 1, what="the English message")
    (message,) = [r.form for r in gateway.delivered]
    assert message["target"] == "6285712345678"
    assert message["message"] == f"Number {mine['code']} is being called. Please go to Loket 1."


def test_a_number_is_taken_only_with_consent_for_a_waiting_ticket_and_changed_a_few_times(notifying):
    with notifying() as hall:
        ticket = take(hall)
        refused(give(hall, ticket, consent=False), 422, "invalid_request")
        assert refused(give(hall, ticket, phone="021 555 1234"), 422, "invalid_request")["params"]["field"] == "phone"
        refused(hall.http.put(f"{hall.api}/tickets/status/{'x' * 43}/contact", timeout=10,
                              json={"phone": "081234567890", "consent": True}), 404, "ticket_not_found")
        for n in range(MOST_CHANGES):
            ok(give(hall, ticket, phone=f"08123456789{n}"))
        refused(give(hall, ticket, phone="081234567899"), 409, "notify_too_many_changes")
        with hall.services.db.read() as conn:
            assert conn.execute(select(ticket_contacts.c.phone)).scalars().all() == ["6281234567892"]
        ok(act(hall, "staff1", 1, "open", service_ids=["kk"]))
        ok(act(hall, "staff1", 1, "call-next"))
        refused(give(hall, ticket), 409, "notify_ticket_not_waiting")


def test_a_server_that_sends_nothing_takes_no_number(server: LiveServer):
    ticket = ok(server.issue("kk"), 201)
    refused(give(server, ticket), 409, "notify_channel_off")


def test_the_numbers_are_deleted_when_the_day_closes(notifying):
    with notifying() as hall:
        ticket = take(hall)
        ok(give(hall, ticket))
        hall.clock.advance(days=1)
        hall.services.notifications.run()  # a new date must hold a while before it is the new service day
        with hall.services.db.read() as conn:
            assert len(conn.execute(select(ticket_contacts)).all()) == 1
        hall.clock.advance(minutes=10)
        hall.services.notifications.run()
        with hall.services.db.read() as conn:
            assert conn.execute(select(ticket_contacts)).all() == []


def test_a_defect_in_telling_loses_the_message_never_the_call(notifying, caplog):
    with notifying() as hall:
        ticket = take(hall)
        ok(give(hall, ticket))
        (watcher,) = [w for w in hall.services.engine.unit_of_work.watchers
                      if isinstance(getattr(w, "__self__", None), TicketWatch)]

        def broken() -> None:
            raise RuntimeError("catalog unreadable")

        watcher.__self__.catalog = broken  # type: ignore[attr-defined]
        ok(act(hall, "staff1", 1, "open", service_ids=["kk"]))
        called = ok(act(hall, "staff1", 1, "call-next"))
        assert called["current_ticket"]["id"] == ticket["id"]
        assert hall.call("GET", "/notifications?status=pending", "super").json()["messages"] == []
    assert any("the change itself stands" in r.getMessage() for r in caplog.records)
