"""A service's ``booking`` table: read with its defaults, written back by the catalog document's TOML round
trip, and told to the apps as ``Service.bookable``."""

from __future__ import annotations

import tomllib

from core.booking import BookingRules
from server.catalog import DEMO_CATALOG, load_catalog_file, parse_catalog
from server.catalog_toml import dumps
from tests.support.server import TEST_CATALOG


def test_the_booking_table_is_read_with_its_defaults():
    doc = tomllib.loads(TEST_CATALOG.read_text("utf-8"))
    doc["agencies"][0]["services"][0]["booking"] = {"slot_minutes": 15, "per_slot": 2, "days_ahead": 3,
                                                    "walk_in_percent": 0}
    cat = parse_catalog(doc)
    assert cat.services["ktp"].booking == BookingRules(15, 2, 3, 0, early_minutes=60, late_minutes=15,
                                                       per_nik_day=1, per_nik_week=2)
    assert cat.services["kk"].booking is None


def test_the_demo_catalog_books_paspor_and_its_document_round_trips_through_toml():
    cat = load_catalog_file(DEMO_CATALOG)
    assert cat.services["paspor"].booking == BookingRules(30, 4, 14, 50, 60, 15, 1, 2)
    again = parse_catalog(tomllib.loads(dumps(cat.document)))
    assert {sid: s.booking for sid, s in again.services.items()} == {sid: s.booking for sid, s in cat.services.items()}
    assert "[agencies.services.booking]" in dumps(cat.document)


def test_the_catalog_answer_says_which_services_are_bookable(server):
    catalog = server.call("GET", "/catalog", "kiosk").json()
    bookable = {s["id"]: s["bookable"] for a in catalog["agencies"] for s in a["services"]}
    assert bookable == {"ktp": False, "kk": False, "akta": False, "paspor": True}
