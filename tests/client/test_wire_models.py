"""The apps' models tolerate what a server of another version may send: fields they do not know,
and optional fields left out."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from core.wire import Counter, Event, Site, Ticket, TicketStatus, payload_of

MINIMAL_TICKET = {"id": 7, "code": "A-007", "service_id": "kk", "service_name": "Kartu Keluarga",
                  "agency_name": "Dinas Kependudukan", "service_date": "2026-11-23",
                  "issued_at": "2026-11-23T09:00:00+07:00", "status": "waiting", "token": "t" * 24}


def test_a_field_from_a_newer_server_is_ignored_and_the_models_stay_frozen() -> None:
    ticket = Ticket.model_validate({**MINIMAL_TICKET, "booking_id": 12})
    assert not hasattr(ticket, "booking_id")
    with pytest.raises(ValidationError):
        ticket.code = "A-008"  # type: ignore[misc]


def test_left_out_optional_fields_read_as_the_apps_always_showed_them() -> None:
    ticket = Ticket.model_validate({**MINIMAL_TICKET, "counter": {}})
    assert (ticket.service_name_en, ticket.agency_short_name, ticket.agency_name_en) == (
        "Kartu Keluarga", "Dinas Kependudukan", "Dinas Kependudukan")
    assert (ticket.counter, ticket.priority, ticket.people_ahead, ticket.lokets) == (None, None, 0, ())
    assert ticket.status is TicketStatus.WAITING and ticket.service_date == date(2026, 11, 23)
    counter = Counter.model_validate({"id": 1, "name": "Loket 1", "service_ids": ["kk"], "state": "open"})
    assert counter.active_service_ids == ("kk",) and counter.current_ticket is None
    site = Site.model_validate({"name": "MPP", "timezone": "Asia/Jakarta", "footer": ["Terima kasih"]})
    assert (site.footer, site.footer_en) == (("Terima kasih",), ())  # an older server: the receipt falls back


def test_an_event_of_a_type_this_app_does_not_know_has_no_payload_and_does_not_fail() -> None:
    event = Event.model_validate({"seq": 3, "type": "booking.made", "at": "2026-11-23T02:00:00+00:00",
                                  "data": {"id": 1}})
    assert payload_of(event) is None
    garbled = Event.model_validate({"seq": 4, "type": "counter.state", "at": "2026-11-23T02:00:00+00:00",
                                    "data": {"counter": "Loket 1"}})
    assert payload_of(garbled) is None
