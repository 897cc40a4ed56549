"""A ticket as the API answers it (core.wire.Ticket), as an event tells it (core.wire.TicketEvent),
and a loket reference (core.wire.CounterRef).

Built as plain dicts, not models: a ticket's answer is made on the issue route, the busiest, where
validating a model per ticket would cost its speed (bench/server.py). The routes declare the models
for OpenAPI, and tests/server/test_wire_contract.py checks these dicts carry exactly their fields."""

from __future__ import annotations

from typing import Any

from server.catalog import SiteCatalog

# A dict with exactly core.wire.Ticket's fields, already JSON (see above): the queue engine's one
# answer that is not a model.
TicketJson = dict[str, Any]


def ticket_json(row: Any, cat: SiteCatalog, *, people_ahead: int, eta_minutes: int,
                counter: dict[str, Any] | None, public_url: str, wait_unknown: str | None = None) -> TicketJson:
    service = cat.services.get(row.service_id)
    agency = cat.agency_of(row.service_id) if service else None
    target = loket_ref(cat, row.target_counter_id)
    return {
        "id": row.id,
        "code": row.code,
        "service_id": row.service_id,
        "service_name": service.name if service else row.service_id,
        "service_name_en": service.name_en if service else row.service_id,
        "agency_name": agency.name if agency else "",
        "agency_name_en": agency.name_en if agency else "",
        "agency_short_name": agency.short_name if agency else "",
        "service_date": row.service_date,
        "issued_at": row.issued_at.astimezone(cat.site.zone).isoformat(),
        "status": row.status,
        "priority": row.priority,
        "people_ahead": people_ahead,
        "eta_minutes": eta_minutes,
        "token": row.token,
        "counter": counter,
        "status_url": f"{public_url.rstrip('/')}/t/{row.token}",
        # A ticket sent to one loket is served there only.
        "lokets": [target["name"]] if target else [loket.name for loket in cat.lokets_for(row.service_id)],
        "requirements": list(service.requirements) if service else [],
        "requirements_en": list(service.requirements_en) if service else [],
        "print_status": row.print_status,
        "recalls": row.recalls,
        "transferred": bool(row.transfers),
        "called_at": row.called_at.isoformat() if row.called_at else None,
        "started_at": row.started_at.isoformat() if row.started_at else None,
        "wait_unknown": wait_unknown,
        "target_counter": target,
        "transfer_note": None,  # staff data: the engine adds it to a staff member's answer only
        # A check-in's ticket is queued at its booking's slot start (server/engine/bookings.py); once transferred
        # it waits in the other queue by the transfer's time, as any transfer.
        "booked_for": (row.queued_at.astimezone(cat.site.zone).strftime("%H:%M")
                       if row.booking_id and not row.transfers else None),
    }


def event_ticket(row: Any, cat: SiteCatalog, counter: dict[str, Any] | None = None) -> dict[str, Any]:
    """What an event says of a ticket: enough for a board to show and speak it, nothing personal."""
    service = cat.services.get(row.service_id)
    agency = cat.agency_of(row.service_id) if service else None
    return {
        "id": row.id, "code": row.code, "status": row.status, "priority": row.priority,
        "service_id": row.service_id, "service_name": service.name if service else row.service_id,
        "agency_name": agency.name if agency else "",
        "agency_name_en": agency.name_en if agency else "",
        "agency_short_name": agency.short_name if agency else "",
        "service_date": row.service_date, "counter": counter, "recalls": row.recalls,
    }


def counter_ref(row: Any) -> dict[str, Any]:
    return {"id": row.id, "name": row.name}


def loket_ref(cat: SiteCatalog, counter_id: int | None) -> dict[str, Any] | None:
    """A loket by its number, named as the catalog names it (no query on the busiest route)."""
    if counter_id is None:
        return None
    loket = next((loket for loket in cat.lokets if loket.id == counter_id), None)
    return {"id": counter_id, "name": loket.name if loket else f"Loket {counter_id}"}
