"""What a catalog version changed, read from the documents, and the catalog written back as TOML: fast,
on the documents alone."""

from __future__ import annotations

import copy
import tomllib

from server.catalog import DEMO_CATALOG, load_catalog_bytes, load_catalog_file, parse_catalog
from server.catalog_diff import diff
from server.catalog_toml import dumps
from tests.support.server import TEST_CATALOG


def _doc() -> dict:
    return copy.deepcopy(dict(load_catalog_file(TEST_CATALOG).document))


def _service(doc: dict, sid: str) -> dict:
    return next(s for a in doc["agencies"] for s in a["services"] if s["id"] == sid)


def _lines(changes) -> list[str]:
    return [f"{c.kind} {c.key} {c.action}: " + "; ".join(f"{f.field}: {f.before} → {f.after}" for f in c.fields)
            for c in changes]


def test_the_same_document_changes_nothing() -> None:
    assert diff(_doc(), _doc()) == ()


def test_each_changed_field_is_named_with_its_old_and_new_value() -> None:
    before, after = _doc(), _doc()
    _service(after, "ktp")["quota"] = 60
    _service(after, "ktp")["requirements"] = ["Fotokopi KK", "KTP lama"]
    del _service(after, "kk")["requirements"]
    _service(after, "kk")["hours"] = {"mon": "08.00-12.00"}
    assert _lines(diff(before, after)) == [
        "service ktp changed: quota: 5 → 60; requirements: Fotokopi KK → Fotokopi KK, KTP lama",
        "service kk changed: requirements: Formulir F-1.02 → None; hours.mon: None → 08.00-12.00",
    ]


def test_entries_added_and_removed_are_listed_by_kind() -> None:
    before, after = _doc(), _doc()
    after["holidays"].append({"date": "2026-12-31", "name": "Cuti bersama"})
    after["lokets"] = [loket for loket in after["lokets"] if loket["id"] != max(x["id"] for x in after["lokets"])]
    after["site"]["running_text"] = "Libur akhir tahun"
    changes = diff(before, after)
    assert [(c.kind, c.action) for c in changes] == [("site", "changed"), ("loket", "removed"),
                                                      ("holiday", "added")]
    assert changes[2].key == "2026-12-31" and changes[2].fields[0].after == "Cuti bersama"


def test_a_service_moved_to_another_agency_names_the_agency() -> None:
    before, after = _doc(), _doc()
    moved = after["agencies"][0]["services"].pop(1)
    after["agencies"][1]["services"].append(moved)
    assert _lines(diff(before, after)) == ["service kk changed: agency: dukcapil → imigrasi"]


def test_the_first_version_adds_every_entry() -> None:
    changes = diff(None, _doc())
    assert {c.action for c in changes} == {"added"}
    assert ("service", "ktp") in {(c.kind, c.key) for c in changes}


def test_the_written_toml_reads_back_to_the_same_document() -> None:
    for source in (TEST_CATALOG, DEMO_CATALOG):
        document = load_catalog_file(source).document
        text = dumps(document, heading="Anjungan catalog, version 3")
        assert text.startswith("# Anjungan catalog, version 3\n")
        assert load_catalog_bytes(text.encode(), "export").document == document


def test_text_with_quotes_newlines_and_control_characters_survives_the_round_trip() -> None:
    doc = _doc()
    odd = 'Kartu "Keluarga" \\ baru\n\ttab \x7f \x01 é ✓ <script>'
    _service(doc, "kk")["name"] = odd
    _service(doc, "kk")["requirements"] = [odd]
    doc["site"]["footer"] = ["a = b", "[agencies]"]
    text = dumps(parse_catalog(doc).document)
    again = tomllib.loads(text)
    assert _service(again, "kk")["name"] == odd
    assert again["site"]["footer"] == ["a = b", "[agencies]"]
