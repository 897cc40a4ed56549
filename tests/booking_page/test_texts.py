"""The booking page's words: every text in both languages with the same placeholders, and every refusal a
citizen can meet while booking or cancelling said in its own words (not the "busy" fallback), dates and times as
each language writes them."""

from __future__ import annotations

import string
from datetime import date

import pytest

from core.wire import ErrorCode as E
from server.api.booking_texts import TEXT, clock_words, day_words, refusal_words

SAID = (E.BOOKING_NOT_OFFERED, E.BOOKING_DAY_OUT_OF_RANGE, E.BOOKING_DAY_CLOSED, E.BOOKING_SLOT_UNKNOWN,
        E.BOOKING_SLOT_FULL, E.BOOKING_NIK_LIMIT, E.BOOKING_CONSENT_REQUIRED, E.BOOKING_RATE_LIMITED,
        E.INVALID_NIK, E.BOOKING_NOT_FOUND, E.BOOKING_CANCELLED, E.BOOKING_NOT_CANCELLABLE)
PARAMS = {"date": "2026-12-25", "first": "2026-11-23", "last": "2027-01-02", "slot": "09:30", "holiday":
          "Hari Raya Natal", "reason": "holiday", "period": "week", "most": 2, "minutes": 5, "at": "09.05"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_each_text_has_both_languages_with_the_same_placeholders(key: str) -> None:
    indonesian, english = TEXT[key]
    assert indonesian.strip() and english.strip()
    assert fields(indonesian) == fields(english)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("code", SAID, ids=lambda c: c.value)
def test_every_refusal_of_booking_has_words_of_its_own(code: E, lang: str) -> None:
    said = refusal_words(code, PARAMS, lang)
    assert said and said != refusal_words(E.CONFLICT, {}, lang)
    assert "{" not in said and "2026-12-25" not in said


def test_dates_and_times_as_each_language_writes_them() -> None:
    assert day_words(date(2026, 12, 25), "id") == "Jumat, 25 Desember 2026"
    assert day_words(date(2026, 12, 25), "en", year=False) == "Friday 25 December"
    assert (clock_words("09:30", "id"), clock_words("09:30", "en")) == ("09.30", "09:30")
    assert refusal_words(E.BOOKING_DAY_CLOSED, PARAMS, "en") == ("Friday 25 December 2026 is a holiday "
                                                                 "(Hari Raya Natal).")
    assert refusal_words(E.BOOKING_SLOT_FULL, PARAMS, "id") == "Jam 09.30 pada Jumat, 25 Desember 2026 sudah penuh."
