"""The catalog file is checked field by field: whatever a technician writes, parse_catalog answers
with a valid catalog or a CatalogInvalid naming the field (``agencies[2].services[0].quota``), never
a Python traceback; and ``import-catalog`` with a bad file leaves the current catalog in place."""

from __future__ import annotations

import copy
import json
import os
import random
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from sqlalchemy import create_engine, func, select

from core.wire import ErrorCode
from server.app import build_services
from server.catalog import CatalogInvalid, load_catalog_file, parse_catalog
from server.db import catalogs
from server.errors import ApiError
from server.settings import ServerSettings

ROOT = Path(__file__).resolve().parents[2]
TEST_CATALOG = ROOT / "tests" / "data" / "catalog.toml"
SHIPPED = sorted((ROOT / "resources" / "catalog").glob("*.toml")) + [TEST_CATALOG]
DELETE = object()
Path_ = tuple[str | int, ...]


def catalog_doc() -> dict[str, Any]:
    return tomllib.loads(TEST_CATALOG.read_text("utf-8"))


def edited(doc: dict[str, Any], path: Path_, value: Any) -> dict[str, Any]:
    """A copy of ``doc`` with the value at ``path`` replaced, or removed with DELETE."""
    doc = copy.deepcopy(doc)
    parent: Any = doc
    for step in path[:-1]:
        parent = parent[step]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return doc


def refusal(doc: Any) -> str:
    with pytest.raises(CatalogInvalid) as caught:
        parse_catalog(doc)
    return str(caught.value)


# ------------------------------------------------------------------ what ships must keep loading

@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_bundled_and_test_catalogs_load_and_their_stored_copy_reads_the_same(path: Path) -> None:
    """Rule: the checks refuse only mistakes; the catalogs we ship, and the JSON copy the database
    keeps of them (read again by every server process), pass unchanged."""
    cat = load_catalog_file(path)
    again = parse_catalog(cat.document)
    assert again.site == cat.site and again.agencies == cat.agencies and again.lokets == cat.lokets
    assert dict(again.services) == dict(cat.services) and dict(again.holidays) == dict(cat.holidays)


def test_a_service_with_hours_of_its_own_may_inherit_a_site_break_outside_them() -> None:
    """Rule: a break that misses some services is normal (paspor closes at 11.00 on Friday, before the
    site's Friday prayer), so only a break that applies to nothing at all is refused."""
    cat = parse_catalog(catalog_doc())
    paspor = cat.services["paspor"].schedule
    assert paspor.hours["fri"].end.hour == 11 and any("fri" in b.days for b in paspor.breaks)


# ------------------------------------------------------------------ a table of broken catalogs

SITE, KTP, KK, PASPOR = ("site",), ("agencies", 0, "services", 0), ("agencies", 0, "services", 1), \
    ("agencies", 1, "services", 0)
KTP_AT, KK_AT, PASPOR_AT = "agencies[0].services[0]", "agencies[0].services[1]", "agencies[1].services[0]"
WHOLE = "expected a whole number"

CASES: list[tuple[str, Path_, Any, str]] = [
    # (rule, where to edit, the value written, what the message must say)
    ("ratio is a number", (*SITE, "priority_ratio"), "x", f"site.priority_ratio: {WHOLE} from 1 to 1000, got 'x'"),
    ("ratio of 0 would serve priority first", (*SITE, "priority_ratio"), 0, f"site.priority_ratio: {WHOLE}"),
    ("ratio is not negative", (*SITE, "priority_ratio"), -2, f"site.priority_ratio: {WHOLE}"),
    ("ratio is whole", (*SITE, "priority_ratio"), 2.5, f"site.priority_ratio: {WHOLE}"),
    ("ratio is not a flag", (*SITE, "priority_ratio"), True, "site.priority_ratio: expected a whole number"),
    ("cut-off is a number", (*SITE, "cutoff_minutes"), "abc", f"site.cutoff_minutes: {WHOLE}"),
    ("cut-off is not negative", (*SITE, "cutoff_minutes"), -5, f"site.cutoff_minutes: {WHOLE} from 0"),
    ("cut-off shorter than the day", (*SITE, "cutoff_minutes"), 420,
     "site.cutoff_minutes: a cut-off of 420 minutes is not shorter than the hours on mon (08.00-15.00)"),
    ("cut-off shorter than the day", (*SITE, "cutoff_minutes"), 100_000, f"site.cutoff_minutes: {WHOLE}"),
    ("service cut-off shorter than its day", (*PASPOR, "cutoff_minutes"), 180,
     f"{PASPOR_AT}.cutoff_minutes: a cut-off of 180 minutes is not shorter than the hours on fri (08.00-11.00)"),
    ("service cut-off shorter than the site's day", (*KTP, "cutoff_minutes"), 450,
     f"{KTP_AT}.cutoff_minutes: a cut-off of 450 minutes"),
    ("own hours longer than the site's cut-off", (*KK, "hours"), {"mon": "08.00-08.30"},
     f"{KK_AT}.hours: a cut-off of 30 minutes is not shorter than the hours on mon"),
    ("quota is a number", (*KTP, "quota"), "abc", f"{KTP_AT}.quota: {WHOLE} from 0 to 1000000, got 'abc'"),
    ("quota is not negative", (*KTP, "quota"), -1, f"{KTP_AT}.quota: {WHOLE}"),
    ("quota is not absurd", (*KTP, "quota"), 10**30, f"{KTP_AT}.quota: {WHOLE}"),
    ("quota is whole", (*KTP, "quota"), 5.5, f"{KTP_AT}.quota: {WHOLE}"),
    ("mean time is a number", (*KTP, "mean_service_minutes"), "abc",
     f"{KTP_AT}.mean_service_minutes: expected a number"),
    ("mean time above 0", (*KTP, "mean_service_minutes"), 0,
     f"{KTP_AT}.mean_service_minutes: expected a number above 0"),
    ("mean time above 0", (*KTP, "mean_service_minutes"), -3, f"{KTP_AT}.mean_service_minutes"),
    ("mean time is finite", (*KTP, "mean_service_minutes"), float("nan"), f"{KTP_AT}.mean_service_minutes"),
    ("mean time is finite", (*KTP, "mean_service_minutes"), float("inf"), f"{KTP_AT}.mean_service_minutes"),
    ("mean time is not absurd", (*KTP, "mean_service_minutes"), 10**400, f"{KTP_AT}.mean_service_minutes"),
    ("mean time is not a flag", (*KTP, "mean_service_minutes"), True, f"{KTP_AT}.mean_service_minutes"),
    ("loket has an id", ("lokets", 0, "id"), DELETE,
     "lokets[0].id: expected a whole number from 1 to 9999, got nothing"),
    ("loket id is a number", ("lokets", 0, "id"), "satu", f"lokets[0].id: {WHOLE}"),
    ("loket id is a number", ("lokets", 1, "id"), "2", f"lokets[1].id: {WHOLE}"),
    ("loket id from 1", ("lokets", 0, "id"), 0, f"lokets[0].id: {WHOLE}"),
    ("loket id fits the database", ("lokets", 0, "id"), 2**40, f"lokets[0].id: {WHOLE}"),
    ("loket id once", ("lokets", 1, "id"), 1, "lokets[1].id: 1 is already the id of lokets[0]"),
    ("loket name is text", ("lokets", 0, "name"), 5, "lokets[0].name: expected non-blank text"),
    ("loket name is text", ("lokets", 0, "name"), {"id": "x"}, "lokets[0].name: expected non-blank text"),
    ("loket name fits the database", ("lokets", 0, "name"), "L" * 81, "lokets[0].name: expected non-blank text of"),
    ("loket serves something", ("lokets", 2, "services"), [], "lokets[2].services: a loket must serve"),
    ("loket serves something", ("lokets", 2, "services"), DELETE, "lokets[2].services: expected a list"),
    ("loket services are a list", ("lokets", 2, "services"), "paspor", "lokets[2].services: expected a list"),
    ("loket services are ids", ("lokets", 2, "services"), [3], "lokets[2].services[0]: expected a service id"),
    ("loket names a service once", ("lokets", 0, "services"), ["ktp", "ktp"], "lokets[0].services[1]: 'ktp'"),
    ("loket names known services, with the nearest", ("lokets", 0, "services"), ["ktp", "kkk"],
     "lokets[0].services[1]: unknown service 'kkk' (did you mean 'kk'?)"),
    ("loket names known services", ("lokets", 0, "services"), ["ktp", "sim"],
     "lokets[0].services[1]: unknown service 'sim'"),
    ("lokets are tables", ("lokets",), {"id": 1}, "lokets: expected a list of tables"),
    ("a loket is a table", ("lokets", 0), "Loket 1", "lokets[0]: expected a table"),
    ("an active service has a loket", ("lokets", 2, "services"), ["ktp"],
     f"{PASPOR_AT}: no loket serves 'paspor'"),
    ("agency name is text", ("agencies", 0, "name"), 5, "agencies[0].name: expected non-blank text, got 5"),
    ("agency name is text", ("agencies", 0, "name"), {"id": "x"},
     "agencies[0].name: expected non-blank text, got a table"),
    ("agency name is not empty", ("agencies", 0, "name"), "", "agencies[0].name: expected non-blank text"),
    ("agency name is not blank", ("agencies", 0, "name"), "   ", "agencies[0].name: expected non-blank text"),
    ("agency short name is text", ("agencies", 0, "short_name"), 5, "agencies[0].short_name"),
    ("agency english name is text", ("agencies", 0, "name_en"), "", "agencies[0].name_en"),
    ("agency has an id", ("agencies", 1, "id"), DELETE, "agencies[1].id: expected non-blank text, got nothing"),
    ("agency id once", ("agencies", 1, "id"), "dukcapil",
     "agencies[1].id: 'dukcapil' is already the id of agencies[0]"),
    ("agencies are tables", ("agencies",), "dukcapil", "agencies: expected a list of tables"),
    ("services are tables", ("agencies", 0, "services"), {"id": "x"}, "agencies[0].services: expected a list"),
    ("service has a name", (*KTP, "name"), DELETE, f"{KTP_AT}.name: expected non-blank text, got nothing"),
    ("service name is text", (*KTP, "name"), 12, f"{KTP_AT}.name: expected non-blank text, got 12"),
    ("service english name is text", (*KTP, "name_en"), [], f"{KTP_AT}.name_en: expected non-blank text"),
    ("service id is text", (*KTP, "id"), 1, f"{KTP_AT}.id: expected non-blank text"),
    ("service id fits the database", (*KTP, "id"), "k" * 65, f"{KTP_AT}.id: expected non-blank text of at most 64"),
    ("service id once", (*KK, "id"), "ktp", f"{KK_AT}.id: 'ktp' is already the id of {KTP_AT}"),
    ("prefix is a code", (*KTP, "prefix"), "a", f"{KTP_AT}.prefix: expected one or two capital letters"),
    ("prefix is text", (*KTP, "prefix"), 1, f"{KTP_AT}.prefix: expected non-blank text, got 1"),
    ("prefix once", (*KK, "prefix"), "A", f"{KK_AT}.prefix: 'A' is already the prefix of {KTP_AT}"),
    ("requirements are a list, not letters", (*KTP, "requirements"), "Fotokopi KK",
     f"{KTP_AT}.requirements: expected a list of non-blank texts, got 'Fotokopi KK'"),
    ("no blank requirement", (*KTP, "requirements"), ["Fotokopi KK", " "],
     f"{KTP_AT}.requirements[1]: expected non-blank"),
    ("requirements are texts", (*KTP, "requirements"), [5], f"{KTP_AT}.requirements[0]: expected non-blank text"),
    ("target wait is whole minutes", (*KTP, "target_wait_minutes"), 0,
     f"{KTP_AT}.target_wait_minutes: expected a whole number from 1 to 1440"),
    ("target wait is a number", (*KTP, "target_wait_minutes"), "30", f"{KTP_AT}.target_wait_minutes: expected"),
    ("active is a flag", (*KTP, "active"), "false", f"{KTP_AT}.active: expected true or false, got 'false'"),
    ("allow_priority is a flag", (*SITE, "allow_priority"), 0, "site.allow_priority: expected true or false"),
    ("footer is a list, not letters", (*SITE, "footer"), "Terima kasih", "site.footer: expected a list of non-blank"),
    ("no blank footer line", (*SITE, "footer"), ["Terima kasih", ""], "site.footer[1]: expected non-blank text"),
    ("english footer is a list, not letters", (*SITE, "footer_en"), "Thank you",
     "site.footer_en: expected a list of non-blank"),
    ("no blank english footer line", (*SITE, "footer_en"), ["Thank you", " "],
     "site.footer_en[1]: expected non-blank text"),
    ("english footer lines are texts", (*SITE, "footer_en"), [5], "site.footer_en[0]: expected non-blank text"),
    ("site has a name", (*SITE, "name"), DELETE, "site.name: expected non-blank text, got nothing"),
    ("site short name is text", (*SITE, "short_name"), ["x"], "site.short_name: expected non-blank text, got a list"),
    ("address is text", (*SITE, "address"), 1, "site.address: expected text"),
    ("running text is text", (*SITE, "running_text"), ["a"], "site.running_text: expected text"),
    ("time zone is known", (*SITE, "timezone"), "Asia/Serang", "site.timezone: unknown time zone 'Asia/Serang'"),
    ("time zone is text", (*SITE, "timezone"), 7, "site.timezone: expected non-blank text"),
    ("policy is known", (*SITE, "priority_policy"), "fair",
     "site.priority_policy: expected 'first' or 'interleave', got 'fair'"),
    ("policy is text", (*SITE, "priority_policy"), 1, "site.priority_policy: expected non-blank text"),
    ("site is a table", SITE, "MPP", "site: expected a table, got 'MPP'"),
    ("site is there", SITE, DELETE, "site: the catalog needs a [site] table"),
    ("hours are a table", (*SITE, "hours"), "08.00-15.00", "site.hours: expected a table"),
    ("hours are text", (*SITE, "hours", "mon"), 8, "site.hours.mon: expected text, got 8"),
    ("hours are a span", (*SITE, "hours", "mon"), "15.00-08.00", "site.hours.mon: the span ends before it starts"),
    ("hours are a span", (*SITE, "hours", "mon"), "8-15", "site.hours.mon: not a time of day"),
    ("weekdays are known", (*SITE, "hours", "monday"), "08.00-15.00",
     "site.hours.monday: unknown weekday (did you mean 'mon'?)"),
    ("breaks are a list", (*SITE, "breaks"), {"days": ["mon"]}, "site.breaks: expected a list of tables"),
    ("a break is a table", (*SITE, "breaks", 0), "12.00-13.00", "site.breaks[0]: expected a table"),
    ("break days are a list", (*SITE, "breaks", 0, "days"), "mon", "site.breaks[0].days: expected a list of weekdays"),
    ("break days are named", (*SITE, "breaks", 0, "days"), [], "site.breaks[0].days: expected at least one weekday"),
    ("break days are there", (*SITE, "breaks", 0, "days"), DELETE, "site.breaks[0].days: expected a list"),
    ("break days are weekdays", (*SITE, "breaks", 0, "days"), ["monday"],
     "site.breaks[0].days[0]: unknown weekday 'monday' (did you mean 'mon'?)"),
    ("break days are text", (*SITE, "breaks", 0, "days"), [1], "site.breaks[0].days[0]: expected a weekday"),
    ("break day once", (*SITE, "breaks", 0, "days"), ["mon", "mon"], "site.breaks[0].days[1]: 'mon' is named twice"),
    ("break has a start", (*SITE, "breaks", 0, "start"), DELETE,
     "site.breaks[0].start: expected non-blank text, got nothing"),
    ("break start is a time", (*SITE, "breaks", 0, "start"), "25.00", "site.breaks[0].start: not a time of day"),
    ("break start is text", (*SITE, "breaks", 0, "start"), 12, "site.breaks[0].start: expected non-blank text"),
    ("break start is text, not a TOML time", (*SITE, "breaks", 0, "start"), time(12, 0),
     "site.breaks[0].start: expected non-blank text, got 12:00:00"),
    ("break ends after it starts", (*SITE, "breaks", 0, "end"), "11.00",
     "site.breaks[0].end: the break ends before it starts"),
    ("break reason is text", (*SITE, "breaks", 0, "reason"), "", "site.breaks[0].reason: expected non-blank text"),
    ("a break applies somewhere", (*SITE, "breaks", 0), {"days": ["mon"], "start": "02.00", "end": "03.00"},
     "site.breaks[0]: the break 02.00-03.00 on mon falls outside the opening hours on each of those days"),
    ("a break applies on an open day", (*SITE, "breaks", 1, "days"), ["sat", "sun"],
     "site.breaks[1]: the break 11.30-12.30 on sat, sun falls outside the opening hours"),
    ("a service's own break applies", (*PASPOR, "breaks"), [{"days": ["fri"], "start": "11.30", "end": "12.30"}],
     f"{PASPOR_AT}.breaks[0]: the break 11.30-12.30 on fri falls outside"),
    ("unknown key, with the nearest", (*KTP, "qouta"), 10, f"{KTP_AT}.qouta: unknown key (did you mean 'quota'?)"),
    ("unknown key, with the nearest", (*SITE, "cutoff_minute"), 10,
     "site.cutoff_minute: unknown key (did you mean 'cutoff_minutes'?)"),
    ("unknown key, with the nearest", ("lokets", 0, "service"), ["ktp"],
     "lokets[0].service: unknown key (did you mean 'services'?)"),
    ("unknown key, with the nearest", ("agency",), [], "agency: unknown key (did you mean 'agencies'?)"),
    ("unknown key, with the nearest", (*SITE, "breaks", 0, "reasons"), "x",
     "site.breaks[0].reasons: unknown key (did you mean 'reason'?)"),
    ("unknown key, with the known ones", ("holidays", 0, "xyz"), 1,
     "holidays[0].xyz: unknown key (known: date, name, kind)"),
    ("holidays are tables", ("holidays",), {"date": "2026-12-25"}, "holidays: expected a list of tables"),
    ("holiday date is a date", ("holidays", 0, "date"), "25-12-2026",
     "holidays[0].date: expected a date YYYY-MM-DD, got '25-12-2026'"),
    ("holiday date is a date", ("holidays", 0, "date"), 20261225, "holidays[0].date: expected a date YYYY-MM-DD"),
    ("holiday date is a day", ("holidays", 0, "date"), datetime(2026, 12, 25, 8, 0),
     "holidays[0].date: expected a date"),
    ("holiday date is there", ("holidays", 0, "date"), DELETE,
     "holidays[0].date: expected a date YYYY-MM-DD, got nothing"),
    ("holiday name is not blank", ("holidays", 0, "name"), "", "holidays[0].name: expected non-blank text"),
    ("holiday kind is text", ("holidays", 0, "kind"), 1, "holidays[0].kind: expected text"),
    ("schema is the one this server reads", ("schema",), 2, "schema: expected a whole number 1, got 2"),
]


@pytest.mark.parametrize(("rule", "path", "value", "message"), CASES, ids=[f"{c[0]}: {c[3]}"[:70] for c in CASES])
def test_a_broken_field_is_refused_with_its_full_path(rule: str, path: Path_, value: Any, message: str) -> None:
    """Rule: each field is read by a typed reader; a wrong value is a CatalogInvalid naming the
    field's full path and what was expected, never a ValueError, KeyError or TypeError."""
    text = refusal(edited(catalog_doc(), path, value))
    assert message in text, f"{rule}: {text}"


def test_a_day_given_as_empty_text_or_false_is_a_closed_day() -> None:
    """Rule: `sat = ""` and `sat = false` both say closed, as the catalog has always read them."""
    for closed in ("", False):
        doc = edited(catalog_doc(), (*SITE, "hours", "mon"), closed)
        assert "mon" not in parse_catalog(doc).services["ktp"].schedule.hours


def test_a_holiday_given_twice_is_refused_naming_both_entries() -> None:
    """Rule: a holiday twice is a copy-paste slip (the second was surely meant for another day)."""
    doc = catalog_doc()
    doc["holidays"].append({"date": date(2026, 12, 25), "name": "Natal lagi"})
    assert refusal(doc) == "holidays[1].date: 2026-12-25 is already holidays[0]"


def test_a_document_that_is_not_a_table_is_refused() -> None:
    """Rule: even the whole document of the wrong kind is a CatalogInvalid, not an AttributeError."""
    assert refusal([]) == "the catalog: expected a table, got a list"


def test_a_long_value_is_cut_short_in_the_message() -> None:
    """The CLI prints one line per fault: a pasted paragraph in a number field is not echoed whole."""
    text = refusal(edited(catalog_doc(), (*KTP, "quota"), "x" * 500))
    assert len(text) < 140 and text.endswith("...")


# ------------------------------------------------------------------ every field, every wrong kind

WRONG_KINDS: dict[str, Any] = {
    "text": "x", "blank": " ", "number": 7, "negative": -1, "fraction": 2.5, "huge": 10**30,
    "list": ["x"], "empty list": [], "table": {"x": 1}, "empty table": {}, "true": True, "false": False,
    "date": date(2026, 1, 1), "missing": DELETE,
}


def every_path(value: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Every key and list entry of the document, outermost first."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from every_path(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield (*path, i)
            yield from every_path(inner, (*path, i))


def test_every_field_of_the_test_catalog_set_to_every_wrong_kind_gives_only_catalog_invalid() -> None:
    """Rule: no ValueError, KeyError, TypeError or AttributeError escapes parse_catalog: each field
    of the real test catalog, one at a time, becomes a string, a number, a list, a table, a boolean,
    a date, or goes missing; the answer is a catalog or a CatalogInvalid, never anything else."""
    doc = catalog_doc()
    paths = list(every_path(doc))
    assert len(paths) > 100
    escaped, refused = [], 0
    for path in paths:
        for kind, value in WRONG_KINDS.items():
            try:
                parse_catalog(edited(doc, path, value))
            except CatalogInvalid as exc:
                refused += 1
                assert str(exc).strip(), (path, kind)
            except Exception as exc:  # noqa: BLE001 - the point is that nothing else comes out
                escaped.append(f"{'.'.join(map(str, path))} = {kind}: {type(exc).__name__}: {exc}")
    assert not escaped, "\n".join(escaped)
    assert refused > len(paths) * 5


PLAUSIBLE = ["08.00-15.00", "12.00", "13.00", "ktp", "kk", "paspor", "A", "B2", "mon", "fri", "sat", 0, 1, 30, 600,
             ["mon"], ["ktp", "kk"], [{"days": ["fri"], "start": "11.30", "end": "12.30"}], {"mon": "08.00-09.00"},
             {"date": "2026-12-25"}, date(2026, 12, 25), "2026-12-25", 0.5, -0.0]


def test_several_fields_at_once_set_to_values_valid_elsewhere_give_only_catalog_invalid() -> None:
    """Rule: no exception but CatalogInvalid escapes parse_catalog, also when a value that is right
    for another field (a span, a weekday, a service id, a list of breaks) lands where it is not, and
    when two or three fields are wrong together. Seeded, so a failure repeats."""
    rng = random.Random(20261202)
    escaped = []
    for _ in range(1500):
        doc = catalog_doc()
        for _ in range(rng.randint(1, 3)):
            path = rng.choice(list(every_path(doc)))
            doc = edited(doc, path, rng.choice([*PLAUSIBLE, *WRONG_KINDS.values()]))
        try:
            parse_catalog(doc)
        except CatalogInvalid:
            pass
        except Exception as exc:  # noqa: BLE001 - the point is that nothing else comes out
            escaped.append(f"{type(exc).__name__}: {exc}")
    assert not escaped, "\n".join(escaped[:10])


def test_a_wrong_kind_of_leaf_value_is_refused_naming_that_field() -> None:
    """Rule: the message names the field that is wrong, so a console can show it next to that field.
    Checked for text and number fields given a table, which no field of the catalog accepts."""
    doc = catalog_doc()
    for path in every_path(doc):
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent[path[-1]], str | int) and not isinstance(parent[path[-1]], bool):
            dotted = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in path).lstrip(".")
            assert refusal(edited(doc, path, {"x": 1})).startswith(dotted), dotted


# ------------------------------------------------------------------ the file itself

def test_a_file_that_is_not_utf8_is_refused_saying_so(tmp_path: Path) -> None:
    """Rule: a file saved as Latin-1 (an é in a name) is a CatalogInvalid telling how to fix it."""
    path = tmp_path / "latin1.toml"
    path.write_bytes(TEST_CATALOG.read_text("utf-8").replace("MPP Uji", "MPP Uji Café").encode("latin-1"))
    with pytest.raises(CatalogInvalid, match="not UTF-8 text .*save it as UTF-8"):
        load_catalog_file(path)


def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    """Rule: a UTF-8 byte-order mark is allowed. Windows Notepad writes one; TOML alone would call
    it a syntax error."""
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + TEST_CATALOG.read_bytes())
    assert load_catalog_file(path).site.name == "MPP Uji Coba"


@pytest.mark.parametrize(("text", "why"), [
    ("[site\nname = 'x'", "not valid TOML"),
    ("schema = " + "9" * 5000, "not valid TOML"),  # too long for Python to read as a number
    ("x = " + "[" * 5000 + "]" * 5000, "not valid TOML"),
    ("", r"site: the catalog needs a \[site\] table"),
])
def test_a_file_that_is_not_toml_is_refused(tmp_path: Path, text: str, why: str) -> None:
    """Rule: whatever the TOML reader cannot read (bad syntax, a 5,000-digit number Python refuses
    to read, nesting deeper than Python's stack) is a CatalogInvalid."""
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogInvalid, match=why):
        load_catalog_file(path)


# ------------------------------------------------------------------ the real CLI

def current_version(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.max(catalogs.c.id))).scalar_one())
    finally:
        engine.dispose()


def test_import_catalog_with_a_broken_file_says_why_exits_2_and_keeps_the_current_catalog(tmp_path: Path) -> None:
    """Rule: `main.py server import-catalog FILE` with a bad file prints one line, `error: the catalog
    was not imported: <reason>`, exits 2 without a traceback, and the database keeps its catalog."""
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    services = build_services(ServerSettings(database_url=url, secret_file=tmp_path / "secret.key"))
    try:
        services.engine.import_catalog(load_catalog_file(TEST_CATALOG), str(TEST_CATALOG))
    finally:
        services.db.dispose()
    assert current_version(url) == 1
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}

    def import_catalog(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "main.py", "server", "import-catalog", str(path), "--database", url],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)

    ratio = tmp_path / "ratio.toml"
    ratio.write_text(tomli_w.dumps(edited(catalog_doc(), (*SITE, "priority_ratio"), "x")), encoding="utf-8")
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("[site]\nname = 'Café'\n".encode("latin-1"))
    not_toml = tmp_path / "not-toml.toml"
    not_toml.write_text("[site\n", encoding="utf-8")
    for path, reason in ((ratio, "site.priority_ratio: expected a whole number from 1 to 1000, got 'x'"),
                         (latin1, "not UTF-8 text"), (not_toml, "not valid TOML"),
                         (tmp_path / "missing.toml", "No such file")):
        done = import_catalog(path)
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("error: the catalog was not imported: "), done.stderr
        assert reason in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert current_version(url) == 1
    good = import_catalog(TEST_CATALOG)
    assert good.returncode == 0, good.stderr
    assert current_version(url) == 2


def store_raw_catalog(url: str, document: dict[str, Any]) -> None:
    """A catalog version as an older Anjungan stored it, before the checks of this version."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(catalogs.insert().values(imported_at=datetime(2026, 11, 20, 1, 0, tzinfo=UTC),
                                                  source="older version",
                                                  document=json.loads(json.dumps(document, default=str))))
    finally:
        engine.dispose()


def test_a_stored_catalog_that_breaks_a_newer_rule_stops_the_server_at_start_and_says_what_to_do(
        tmp_path: Path) -> None:
    """Rule: after an upgrade, a catalog an older version accepted (here a mistyped `qouta`) must not
    crash every request nor be replaced by the demo catalog: the server refuses to start, naming the
    field and the command that fixes it, and requests meanwhile get 503 no_catalog, not a 500."""
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    services = build_services(ServerSettings(database_url=url, secret_file=tmp_path / "secret.key"))
    try:
        services.engine.import_catalog(load_catalog_file(TEST_CATALOG), str(TEST_CATALOG))
        store_raw_catalog(url, edited(catalog_doc(), (*KTP, "qouta"), 10))
        services.engine.catalogs.recheck()
        with pytest.raises(ApiError) as refused:
            services.engine.catalog()
        assert (refused.value.status, refused.value.code) == (503, ErrorCode.NO_CATALOG)
        assert "version 2" in refused.value.message and "qouta" in refused.value.message
    finally:
        services.db.dispose()
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(tmp_path / "data"), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    done = subprocess.run([sys.executable, "main.py", "server", "--port", "0", "--database", url],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "qouta" in done.stderr and "import-catalog" in done.stderr, done.stderr
    assert current_version(url) == 2
