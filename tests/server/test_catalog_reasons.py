"""Every reason the catalog validator can give, made to happen: each has a code, its parameters, and a sentence
in Indonesian and in English (server/catalog_reasons.py), the English the one the CLI and the API's detail show.
A new reason without both languages, or a listed one the validator no longer gives, fails here."""

from __future__ import annotations

import copy
import string
import tomllib
from collections.abc import Callable
from typing import Any

import pytest

from server.catalog import CatalogInvalid, load_catalog_bytes, parse_catalog
from server.catalog_reasons import REASONS, sentence
from tests.support.server import TEST_CATALOG

Doc = dict[str, Any]


def _doc() -> Doc:
    return tomllib.loads(TEST_CATALOG.read_text("utf-8"))


def _service(doc: Doc, a: int = 0, s: int = 0) -> Doc:
    return doc["agencies"][a]["services"][s]


def _set(**site: Any) -> Callable[[Doc], None]:
    return lambda doc: doc["site"].update(site)


def _svc(**fields: Any) -> Callable[[Doc], None]:
    return lambda doc: _service(doc).update(fields)


def _brk(**fields: Any) -> Callable[[Doc], None]:
    return lambda doc: doc["site"]["breaks"][0].update(fields)


def _loket(**fields: Any) -> Callable[[Doc], None]:
    return lambda doc: doc["lokets"][0].update(fields)


def _question(**fields: Any) -> Callable[[Doc], None]:
    """The site's own survey questions: a clean scale question, changed by ``fields``, and the ``more``."""
    def change(doc: Doc) -> None:
        more = fields.pop("more", [])
        clean = {"id": "kebersihan", "text": "Kebersihan ruang tunggu", "kind": "scale",
                 "labels": ["Kotor", "Kurang bersih", "Bersih", "Sangat bersih"]}
        doc["survey"] = {"questions": [{**clean, **fields}, *more]}
    return change


BOOKING = {"slot_minutes": 30, "per_slot": 4, "days_ahead": 14, "walk_in_percent": 50}


def _no_loket_for_paspor(doc: Doc) -> None:
    doc["lokets"] = doc["lokets"][:2]


CASES: dict[str, Callable[[Doc], None]] = {
    "expected_text": _set(address=5),
    "expected_nonblank_text": _set(name=" "),
    "expected_text_of_most": lambda doc: None,  # no field takes blank text with a bound: see the test below
    "expected_nonblank_text_of_most": _svc(id="x" * 65),
    "expected_whole_number": lambda doc: doc.update(schema=2),
    "out_of_range": _svc(quota=-1),
    "not_positive_number": _svc(mean_service_minutes=0),
    "expected_true_or_false": _set(allow_priority="yes"),
    "expected_text_list": _svc(requirements="Fotokopi KK"),
    "expected_table_list": lambda doc: doc.update(holidays={"date": "2026-12-25"}),
    "expected_table": lambda doc: doc.update(site=[]),
    "expected_weekday_list": _brk(days="fri"),
    "no_weekday": _brk(days=[]),
    "expected_weekday": _brk(days=[5]),
    "expected_date": lambda doc: doc["holidays"][0].update(date="25-12-2026"),
    "expected_priority_policy": _set(priority_policy="random"),
    "bad_prefix": _svc(prefix="a"),
    "expected_service_id_list": _loket(services="kk"),
    "expected_service_id": _loket(services=[1]),
    "unknown_key": _svc(qouta=5),
    "unknown_weekday_key": lambda doc: doc["site"]["hours"].update(monday="08.00-15.00"),
    "unknown_weekday": _brk(days=["jumat"]),
    "named_twice": _loket(services=["kk", "kk"]),
    "bad_hours": lambda doc: doc["site"]["hours"].update(mon="08.00-25.00"),
    "bad_time": _brk(start="12:70"),
    "break_ends_before_start": _brk(start="13.00", end="12.00"),
    "cutoff_not_shorter": _set(cutoff_minutes=600),
    "break_never_applies": _brk(start="02.00", end="03.00"),
    "duplicate_holiday": lambda doc: doc["holidays"].append({"date": "2026-12-25", "name": "Lagi"}),
    "unknown_time_zone": _set(timezone="Asia/Serang"),
    "no_site": lambda doc: doc.pop("site"),
    "duplicate_agency_id": lambda doc: doc["agencies"][1].update(id="dukcapil"),
    "duplicate_service_id": _svc(id="kk"),
    "duplicate_prefix": _svc(prefix="B"),
    "duplicate_loket_id": _loket(id=2),
    "no_loket_serves": _no_loket_for_paspor,
    "loket_serves_nothing": _loket(services=[]),
    "unknown_service": _loket(services=["kkk"]),
    "too_many_questions": _question(more=[{"id": f"q{n}", "text": "Teks", "kind": "text"} for n in range(10)]),
    "bad_question_id": _question(id="Kebersihan Ruang"),
    "question_id_is_unsur": _question(id="waktu"),
    "duplicate_question_id": _question(more=[{"id": "kebersihan", "text": "Lagi", "kind": "text"}]),
    "expected_question_kind": _question(kind="pilihan"),
    "expected_four_labels": _question(labels=["Buruk", "Baik"]),
    "expected_four_labels_en": _question(labels_en=["Bad"]),
    "text_question_has_no_labels": _question(kind="text"),
    "booking_needs": _svc(booking={"slot_minutes": 30, "per_slot": 4, "days_ahead": 14}),
    "booking_week_below_day": _svc(booking={**BOOKING, "per_nik_day": 3, "per_nik_week": 2}),
    # Paspor's day ends at 11.00 (12.00 less a 60-minute cut-off): no four-hour slot fits.
    "booking_no_slot": lambda doc: _service(doc, 1).update(booking={**BOOKING, "slot_minutes": 240}),
}
FILES = {"not_utf8": b"\xff\xfe", "not_toml": b"[site"}


def _refusal(change: Callable[[Doc], None]) -> CatalogInvalid:
    doc = copy.deepcopy(_doc())
    change(doc)
    with pytest.raises(CatalogInvalid) as refused:
        parse_catalog(doc)
    return refused.value


def _blanks(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name}


def test_every_reason_listed_is_one_the_validator_gives_and_no_other() -> None:
    assert set(CASES) | set(FILES) == set(REASONS)


@pytest.mark.parametrize("code", sorted(set(CASES) - {"expected_text_of_most"}))
def test_each_reason_is_given_with_its_code_and_reads_in_both_languages(code: str) -> None:
    fault = _refusal(CASES[code])
    assert fault.reason == code, str(fault)
    indonesian, english = sentence(code, fault.params, "id"), sentence(code, fault.params, "en")
    assert str(fault) == f"{fault.path}: {english}"
    assert indonesian != english and "{" not in indonesian + english, (indonesian, english)


@pytest.mark.parametrize("code", sorted(FILES))
def test_a_file_that_is_no_catalog_says_why_in_both_languages(code: str) -> None:
    with pytest.raises(CatalogInvalid) as refused:
        load_catalog_bytes(FILES[code], "upload")
    assert refused.value.reason == code and refused.value.path == "upload"
    assert sentence(code, refused.value.params, "id") != sentence(code, refused.value.params, "en")


def test_a_bounded_text_that_may_be_blank_has_its_sentence_too() -> None:
    """No field of today's catalog is both optional-blank and bounded; the validator builds the code all the
    same (``_text(..., blank_ok=True, longest=...)``), so its sentence exists in both languages."""
    assert sentence("expected_text_of_most", {"longest": 80, "got": "a list"}, "id") == (
        "harus berupa teks paling banyak 80 karakter, tertulis sebuah daftar")


@pytest.mark.parametrize("code", sorted(REASONS))
def test_both_languages_have_the_same_blanks(code: str) -> None:
    indonesian, english = REASONS[code]
    # bad_hours and bad_time: the English is the schedule's own words (detail); the Indonesian names the text.
    assert _blanks(indonesian) - {"text"} <= _blanks(english) | {"text"}


def test_an_unknown_key_is_hinted_in_the_readers_language() -> None:
    fault = _refusal(_svc(qouta=5))
    assert fault.path == "agencies[0].services[0].qouta"
    assert sentence(fault.reason, fault.params, "en") == "unknown key (did you mean 'quota'?)"
    assert sentence(fault.reason, fault.params, "id") == "isian tidak dikenal (maksud Anda 'quota'?)"
