"""A prefix change and the tickets issued around it: once a catalog version that gives a service a new
prefix (or removes it) is stored, no ticket is issued under the old one, even by a server whose cached
catalog is a moment behind (the ``import-catalog`` command stores a version the server only rereads
every couple of seconds)."""

from __future__ import annotations

import pytest

from server.errors import ApiError
from tests.support.engine import EngineHall, stored_by_another_process


def test_a_ticket_issued_right_after_a_prefix_change_carries_the_new_prefix(hall: EngineHall) -> None:
    """GIVEN paspor (prefix B2) with no tickets today, and the server's catalog read a moment ago
    WHEN another process stores a version that gives paspor the prefix P, and a kiosk taps paspor at once
    THEN the ticket is P-001, never B2-001 (the change was allowed because no ticket carried B2)."""
    hall.issue("kk")  # the server has read its catalog
    stored_by_another_process(hall, "prefix")
    assert hall.issue("paspor")["code"] == "P-001"


def test_a_service_removed_a_moment_ago_issues_no_ticket(hall: EngineHall) -> None:
    """GIVEN paspor with no tickets today and the server's catalog read a moment ago
    WHEN another process stores a version without paspor and a kiosk taps paspor at once
    THEN the kiosk is refused with service_not_found: no ticket of a service the catalog no longer has."""
    hall.issue("kk")
    stored_by_another_process(hall, "remove")
    with pytest.raises(ApiError) as refused:
        hall.issue("paspor")
    assert refused.value.code == "service_not_found"


def test_a_ticket_that_keeps_meeting_a_newer_catalog_is_refused_after_three_tries(
        hall: EngineHall, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN a server whose cached catalog never catches up with the stored one (each reread still the old one)
    WHEN a kiosk taps a service
    THEN after three writes each meeting a newer version, the kiosk is answered 409 conflict with a way on
    ("please try again"), and no ticket is written under the stale catalog."""
    hall.issue("kk")
    stale = hall.engine.catalogs.versioned()
    stored_by_another_process(hall, "prefix")
    monkeypatch.setattr(hall.engine.catalogs, "versioned", lambda: stale)
    with pytest.raises(ApiError) as refused:
        hall.issue("paspor")
    assert (refused.value.status, refused.value.code) == (409, "conflict")
    assert refused.value.message == "The ticket could not be issued; please try again."
    monkeypatch.undo()
    hall.engine.catalogs.recheck()
    assert hall.issue("paspor")["code"] == "P-001"
