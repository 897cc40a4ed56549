"""NIK checks: what the kiosk accepts, how it shows a NIK and how the server stores it."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from core.nik import InvalidNik, NikInfo, is_valid_nik, mask_nik, nik_hash, parse_nik

TODAY = date(2026, 11, 23)
KEY = b"site-secret-key-for-tests"


def nik(day: str = "12", month: str = "08", yy: str = "90", *, region: str = "360401",
        serial: str = "0001") -> str:
    """A NIK from Kecamatan 01 of Kabupaten Serang (36.04) unless told otherwise."""
    return region + day + month + yy + serial


def reason_of(text: str, today: date = TODAY) -> str:
    with pytest.raises(InvalidNik) as caught:
        parse_nik(text, today=today)
    assert isinstance(caught.value, ValueError)
    return caught.value.reason


# --- valid NIKs -------------------------------------------------------------------------------

def test_a_man_s_nik_gives_region_birth_date_and_serial():
    assert parse_nik("3604011208900001", today=TODAY) == NikInfo(
        province_code="36", regency_code="04", district_code="01",
        birth_date=date(1990, 8, 12), female=False, last4="0001")


def test_a_woman_s_nik_has_forty_added_to_the_day():
    info = parse_nik("3604015208900002", today=TODAY)
    assert info.female is True
    assert info.birth_date == date(1990, 8, 12)
    assert info.last4 == "0002"


def test_spaces_are_ignored():
    info = parse_nik(" 3604 0112 0890 0001 ", today=TODAY)
    assert info.birth_date == date(1990, 8, 12)
    assert is_valid_nik("360401 120890 0001", today=TODAY)


@pytest.mark.parametrize("text", ["3604011208900001\n", "3604011208900001\r\n", "3604\t0112\t0890\t0001",
                                  "\t3604011208900001"])
def test_tabs_and_line_ends_are_ignored_like_spaces(text):
    """A scanner that types as a keyboard ends with Enter or Tab; a NIK pasted from a form may break lines."""
    assert parse_nik(text, today=TODAY).last4 == "0001"
    assert mask_nik(text) == "************0001"


# The 38 provinces by their Kemendagri codes (Kepmendagri 100.1.1-6117/2022, with the four Papua
# provinces of 2022).
PROVINCES = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau", "15": "Jambi",
    "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung", "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta", "32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta", "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali", "52": "Nusa Tenggara Barat", "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat", "62": "Kalimantan Tengah", "63": "Kalimantan Selatan", "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara", "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara",
    "75": "Gorontalo", "76": "Sulawesi Barat",
    "81": "Maluku", "82": "Maluku Utara",
    "91": "Papua", "92": "Papua Barat", "93": "Papua Selatan", "94": "Papua Tengah", "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}
NOT_PROVINCES = [f"{n:02d}" for n in range(100) if f"{n:02d}" not in PROVINCES]


def test_there_are_38_provinces():
    assert len(PROVINCES) == 38 and len(NOT_PROVINCES) == 62


@pytest.mark.parametrize("province", sorted(PROVINCES))
def test_a_nik_from_every_province_is_accepted(province):
    """A citizen of any of the 38 provinces can give their NIK at the kiosk."""
    assert parse_nik(nik(region=province + "0101"), today=TODAY).province_code == province


# --- the century ------------------------------------------------------------------------------

def test_a_two_digit_year_is_this_century_when_that_is_not_in_the_future():
    assert parse_nik(nik("01", "01", "25"), today=TODAY).birth_date == date(2025, 1, 1)
    assert parse_nik(nik("23", "11", "26"), today=TODAY).birth_date == date(2026, 11, 23)


def test_a_two_digit_year_is_last_century_when_this_one_would_be_in_the_future():
    assert parse_nik(nik("24", "11", "26"), today=TODAY).birth_date == date(1926, 11, 24)
    assert parse_nik(nik("01", "01", "27"), today=TODAY).birth_date == date(1927, 1, 1)


def test_without_today_the_real_date_is_used():
    assert parse_nik(nik("12", "08", "90")).birth_date == date(1990, 8, 12)


# --- the 40 offset ----------------------------------------------------------------------------

@pytest.mark.parametrize("day, female, birth_day", [
    ("01", False, 1), ("31", False, 31), ("41", True, 1), ("71", True, 31),
])
def test_the_edges_of_the_men_s_and_women_s_day_ranges(day, female, birth_day):
    info = parse_nik(nik(day, "01", "90"), today=TODAY)
    assert (info.female, info.birth_date) == (female, date(1990, 1, birth_day))


@pytest.mark.parametrize("day", ["00", "32", "39", "40", "72", "99"])
def test_days_outside_both_ranges_are_a_bad_date(day):
    assert reason_of(nik(day, "01", "90")) == "bad_date"


def test_a_woman_s_day_must_still_exist_in_the_month():
    assert reason_of(nik("71", "04", "90")) == "bad_date"    # 31 April
    assert parse_nik(nik("70", "04", "90"), today=TODAY).birth_date == date(1990, 4, 30)


# --- Feb 29 -----------------------------------------------------------------------------------

def test_feb_29_in_a_leap_year_is_valid_for_men_and_women():
    assert parse_nik(nik("29", "02", "04"), today=TODAY).birth_date == date(2004, 2, 29)
    woman = parse_nik(nik("69", "02", "88"), today=TODAY)
    assert (woman.female, woman.birth_date) == (True, date(1988, 2, 29))


def test_feb_29_in_a_year_that_is_not_leap_is_a_bad_date():
    assert reason_of(nik("29", "02", "01")) == "bad_date"
    assert reason_of(nik("69", "02", "23")) == "bad_date"


def test_feb_29_2000_exists_but_feb_29_1900_does_not():
    assert parse_nik(nik("29", "02", "00"), today=TODAY).birth_date == date(2000, 2, 29)
    # Before 2000, "00" can only mean 1900, which was not a leap year.
    assert reason_of(nik("29", "02", "00"), today=date(1999, 12, 31)) == "bad_date"
    assert parse_nik(nik("28", "02", "00"), today=date(1999, 12, 31)).birth_date == date(1900, 2, 28)


def test_feb_29_whose_leap_year_is_still_to_come_falls_back_a_century():
    assert parse_nik(nik("29", "02", "28"), today=TODAY).birth_date == date(1928, 2, 29)


# --- each reason ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "360401120890000", "36040112089000011",
                                  "3604011208900O01", "3604-0112-0890-0001", "٣604011208900001"])
def test_anything_but_16_digits_is_rejected(text):
    assert reason_of(text) == "not_16_digits"
    assert not is_valid_nik(text, today=TODAY)


def test_something_that_is_not_text_is_rejected_without_a_crash():
    assert not is_valid_nik(None)  # type: ignore[arg-type]
    assert reason_of(3604011208900001) == "not_16_digits"  # type: ignore[arg-type]


@pytest.mark.parametrize("province", NOT_PROVINCES)
def test_a_code_that_is_no_province_is_rejected(province):
    """Every two-digit code between and around the 38 is no province: a mistyped first digit."""
    assert reason_of(nik(region=province + "0401")) == "bad_province"


@pytest.mark.parametrize("month", ["00", "13"])
def test_a_month_that_does_not_exist_is_a_bad_date(month):
    assert reason_of(nik("12", month, "90")) == "bad_date"


def test_a_birth_date_in_the_future_in_both_centuries_is_a_bad_date():
    assert reason_of(nik("01", "01", "60"), today=date(1950, 1, 1)) == "bad_date"


def test_the_check_is_against_the_day_it_is_given_not_the_machine_s_clock():
    """The server checks against the site's own date: a NIK whose birth date is after that day in
    both centuries is refused even if the machine's clock says otherwise."""
    born_1960_or_2060 = nik("01", "01", "60")
    assert not is_valid_nik(born_1960_or_2060, today=date(1950, 1, 1))
    assert is_valid_nik(born_1960_or_2060, today=TODAY)


def test_serial_0000_is_rejected():
    assert reason_of(nik(serial="0000")) == "bad_serial"
    assert is_valid_nik(nik(serial="0001"), today=TODAY)


@pytest.mark.parametrize(("reason", "says"), [
    ("not_16_digits", "16 digits"), ("bad_province", "province"), ("bad_date", "birth date"),
    ("bad_serial", "0000"),
])
def test_a_logged_refusal_says_in_words_what_was_wrong(reason, says):
    """The reason is a code for the UI; the message is for the log, where a technician reads it."""
    refusal = InvalidNik(reason)
    assert refusal.reason == reason
    assert says in str(refusal) and str(refusal) != reason


def test_a_reason_without_words_is_logged_as_its_code():
    assert str(InvalidNik("bad_checksum")) == "bad_checksum"


def test_the_error_message_does_not_contain_the_nik():
    text = nik(serial="0000")
    with pytest.raises(InvalidNik) as caught:
        parse_nik(text, today=TODAY)
    assert text not in str(caught.value)
    assert "36040112" not in repr(caught.value)


# --- masking ----------------------------------------------------------------------------------

def test_a_masked_nik_shows_only_the_last_four_digits():
    assert mask_nik("3604011208901234") == "************1234"
    assert mask_nik("3604 0112 0890 1234") == "************1234"


@pytest.mark.parametrize("text", ["", "1234", "360401120890123", "36040112089012345", "abc"])
def test_masking_something_that_is_not_a_nik_reveals_nothing(text):
    assert mask_nik(text) == "*" * 16


# --- keyed hash -------------------------------------------------------------------------------

def test_the_hash_is_stable_and_ignores_spaces():
    first = nik_hash("3604011208900001", KEY)
    assert first == nik_hash("3604011208900001", KEY)
    assert first == nik_hash("3604 0112 0890 0001", KEY)
    assert len(first) == 64 and int(first, 16) >= 0


def test_the_hash_depends_on_the_key_and_on_the_nik():
    base = nik_hash("3604011208900001", KEY)
    assert base != nik_hash("3604011208900001", b"another-site-key")
    assert base != nik_hash("3604011208900002", KEY)


def test_the_hash_is_not_a_plain_sha256_and_does_not_contain_the_nik():
    digest = nik_hash("3604011208900001", KEY)
    assert digest != hashlib.sha256(b"3604011208900001").hexdigest()
    assert "3604011208900001" not in digest


def test_hashing_needs_a_key_and_a_16_digit_nik():
    with pytest.raises(ValueError, match="secret key"):  # the server log says what is missing
        nik_hash("3604011208900001", b"")
    with pytest.raises(InvalidNik):
        nik_hash("12345", KEY)
