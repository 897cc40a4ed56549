"""The demo catalog of MPP Kabupaten Serang keeps the schema the catalog loader relies on."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

CATALOG = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "mpp-serang.toml"
WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
PREFIX = re.compile(r"^[A-Z]{1,2}[0-9]?$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SPAN = re.compile(r"^\d\d\.\d\d-\d\d\.\d\d$")
HHMM = re.compile(r"^\d\d\.\d\d$")


@pytest.fixture(scope="module")
def catalog() -> dict:
    with CATALOG.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def services(catalog) -> list[dict]:
    return [service for agency in catalog["agencies"] for service in agency["services"]]


def minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(".")
    assert 0 <= int(hours) <= 23 and 0 <= int(mins) <= 59, hhmm
    return int(hours) * 60 + int(mins)


def span_minutes(text: str) -> tuple[int, int]:
    assert SPAN.match(text), text
    start, end = (minutes(part) for part in text.split("-"))
    assert start < end, f"opens after it closes: {text}"
    return start, end


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- site -------------------------------------------------------------------------------------

def test_site_header(catalog):
    site = catalog["site"]
    assert catalog["schema"] == 1
    assert site["name"] == "Mal Pelayanan Publik Kabupaten Serang"
    assert site["short_name"] and site["address"] and site["running_text"]
    assert site["footer"] and all(isinstance(line, str) and line for line in site["footer"])
    assert len(site["footer_en"]) == len(site["footer"]) and not set(site["footer_en"]) & set(site["footer"])
    assert ZoneInfo(site["timezone"]).utcoffset(datetime(2026, 1, 1)).total_seconds() == 7 * 3600
    assert site["tz_label"] == "WIB"
    assert site["priority_policy"] in {"first", "interleave"}
    assert is_int(site["priority_ratio"]) and site["priority_ratio"] >= 1
    assert isinstance(site["allow_priority"], bool)


def test_site_hours_are_well_formed_spans_on_known_weekdays(catalog):
    hours = catalog["site"]["hours"]
    assert set(hours) <= WEEKDAYS and {"mon", "fri"} <= set(hours)
    for text in hours.values():
        start, end = span_minutes(text)
        assert 0 <= catalog["site"]["cutoff_minutes"] < end - start


def test_breaks_fall_inside_opening_hours(catalog):
    hours = catalog["site"]["hours"]
    reasons = set()
    for brk in catalog["site"]["breaks"]:
        assert HHMM.match(brk["start"]) and HHMM.match(brk["end"])
        start, end = minutes(brk["start"]), minutes(brk["end"])
        assert start < end
        assert brk["days"] and set(brk["days"]) <= set(hours)
        for day in brk["days"]:
            open_, close = span_minutes(hours[day])
            assert open_ < start and end < close, (day, brk)
        reasons.add(brk["reason"])
    assert reasons == {"istirahat", "sholat_jumat"}


# --- services ---------------------------------------------------------------------------------

def test_agency_and_service_ids_are_unique_slugs(catalog, services):
    agency_ids = [agency["id"] for agency in catalog["agencies"]]
    service_ids = [service["id"] for service in services]
    for ids in (agency_ids, service_ids):
        assert all(SLUG.match(i) for i in ids), ids
        assert not [i for i, n in Counter(ids).items() if n > 1]
    assert 10 <= len(agency_ids) <= 14 and 20 <= len(service_ids) <= 30


def test_prefixes_are_unique_and_well_formed(services):
    prefixes = [service["prefix"] for service in services]
    assert all(PREFIX.match(p) for p in prefixes), prefixes
    assert not [p for p, n in Counter(prefixes).items() if n > 1]


def test_every_service_has_names_and_positive_quota_and_duration(services):
    for service in services:
        assert service["name"] and service["name_en"], service["id"]
        assert is_int(service["quota"]) and service["quota"] > 0, service["id"]
        mean = service["mean_service_minutes"]
        assert isinstance(mean, (int, float)) and not isinstance(mean, bool) and mean > 0
        assert isinstance(service.get("active", True), bool)


def test_active_services_list_their_requirements(services):
    for service in services:
        reqs = service.get("requirements", [])
        assert all(isinstance(r, str) and r.strip() for r in reqs), service["id"]
        if service.get("active", True):
            assert 1 <= len(reqs) <= 5, service["id"]


def test_at_least_one_service_is_closed_for_the_kiosk_to_show(services):
    assert [s["id"] for s in services if s.get("active", True) is False]


def test_service_overrides_are_well_formed(catalog, services):
    site_hours = catalog["site"]["hours"]
    overridden = [s for s in services if "hours" in s or "cutoff_minutes" in s]
    assert overridden
    for service in overridden:
        hours = service.get("hours", site_hours)
        assert set(hours) <= WEEKDAYS and hours, service["id"]
        cutoff = service.get("cutoff_minutes", catalog["site"]["cutoff_minutes"])
        assert is_int(cutoff) and cutoff >= 0
        for text in hours.values():
            start, end = span_minutes(text)
            assert cutoff < end - start, service["id"]


# --- lokets -----------------------------------------------------------------------------------

def test_lokets_are_numbered_from_one_without_gaps(catalog):
    ids = [loket["id"] for loket in catalog["lokets"]]
    assert ids == list(range(1, len(ids) + 1))
    assert all(loket["name"] for loket in catalog["lokets"])


def test_every_loket_serves_existing_services_of_one_agency(catalog):
    agency_of = {s["id"]: a["id"] for a in catalog["agencies"] for s in a["services"]}
    for loket in catalog["lokets"]:
        assert loket["services"], loket["id"]
        unknown = [s for s in loket["services"] if s not in agency_of]
        assert not unknown, (loket["id"], unknown)
        assert len({agency_of[s] for s in loket["services"]}) == 1, loket["id"]


def test_every_active_service_is_served_by_a_loket(catalog, services):
    served = {s for loket in catalog["lokets"] for s in loket["services"]}
    unserved = [s["id"] for s in services if s.get("active", True) and s["id"] not in served]
    assert not unserved


# --- holidays ---------------------------------------------------------------------------------

def test_holidays_are_distinct_dates_in_2026_and_2027(catalog):
    days = [date.fromisoformat(h["date"]) for h in catalog["holidays"]]
    assert all(d.year in (2026, 2027) for d in days)
    assert len(days) == len(set(days))
    for holiday in catalog["holidays"]:
        assert holiday["kind"] in {"libur_nasional", "cuti_bersama"}
        assert holiday["name"]


@pytest.mark.parametrize("year", [2026, 2027])
def test_each_year_has_independence_day_and_the_fixed_holidays(catalog, year):
    days = {date.fromisoformat(h["date"]): h["kind"] for h in catalog["holidays"]}
    for month, day in ((1, 1), (5, 1), (6, 1), (8, 17), (12, 25)):
        assert days.get(date(year, month, day)) == "libur_nasional", (year, month, day)


def test_2026_follows_the_skb_three_ministers(catalog):
    """17 days of national holiday and 8 of cuti bersama (SKB 1497/2/5 of 2025)."""
    kinds = Counter(h["kind"] for h in catalog["holidays"] if h["date"].startswith("2026"))
    assert kinds == {"libur_nasional": 17, "cuti_bersama": 8}
    days = {h["date"] for h in catalog["holidays"]}
    assert {"2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24"} <= days
