"""Words: the error and closed-reason messages by code, the translations (both .ts complete and in
step with the code), plurals and dates, and reading what a scanner typed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from core.errors import BackendError, BackendStatusError, BackendTimeout, BackendUnreachable, PrinterPaperOut
from core.ui_text import ScanTarget, keypad_letters, parse_scan
from core.wire import WaitUnknown
from ui.i18n import I18N_DIR, ROOT, Text, Translations, lengthen, source_files
from ui.kiosk.messages import CLOSED_CODES, Way, closed_texts, message_for_error, print_failure_text
from ui.kiosk.texts import people_ahead_text, service_detail, wait_text

KIOSK_CONTEXTS = {"AgenciesScreen", "BusyScreen", "Header", "HomeScreen", "Keypad", "KioskController",
                  "KioskMessages", "KioskTexts", "PriorityNames", "PriorityScreen", "PriorityShortNames",
                  "ServicesScreen", "StatusEntryScreen", "StatusScreen", "TicketScreen", "TilePager", "BookingScreen"}


@pytest.fixture(scope="module")
def tr(qapp) -> Translations:
    return Translations()


def both(text: Text, tr: Translations) -> tuple[str, str]:
    return text.render(tr, "id"), text.render(tr, "en")


@pytest.mark.parametrize(("error", "code", "ways"), [
    (BackendUnreachable("x"), "server_unreachable", (Way.RETRY, Way.HOME)),
    (BackendTimeout("x"), "server_timeout", (Way.RETRY, Way.HOME)),
    (BackendStatusError(503, "http_503"), "server_error", (Way.RETRY, Way.HOME)),
    (BackendError("x", code="bad_response"), "server_error", (Way.RETRY, Way.HOME)),
    (BackendStatusError(409, "conflict"), "server_error", (Way.RETRY, Way.HOME)),
    (BackendStatusError(409, "quota_exhausted", params={"quota": 5}), "quota_exhausted", (Way.SERVICES, Way.HOME)),
    (BackendStatusError(404, "ticket_not_found"), "ticket_not_found", (Way.STATUS, Way.HOME)),
    (BackendStatusError(401, "invalid_token"), "not_enrolled", (Way.HOME,)),
    (BackendStatusError(403, "device_locked"), "device_locked", (Way.HOME,)),
    (BackendStatusError(503, "storage_unavailable"), "server_error", (Way.RETRY, Way.HOME)),
    (BackendStatusError(503, "clock_unsettled"), "server_error", (Way.RETRY, Way.HOME)),
    (BackendStatusError(418, "teapot"), "unexpected", (Way.HOME,)),
    (ValueError("a bug"), "unexpected", (Way.HOME,)),
])
def test_each_error_has_its_message_and_way_on_by_class_and_code(error, code, ways, tr):
    message = message_for_error(error)
    assert message.code == code
    assert message.ways == ways
    for text in (message.title, message.body):
        indonesian, english = both(text, tr)
        assert indonesian and english and indonesian != english
        assert "{" not in indonesian + english  # every parameter filled


@pytest.mark.parametrize("reason", sorted(CLOSED_CODES))
def test_every_closed_reason_says_why_in_both_languages(reason, tr):
    params = {"opens_at": "08.00 WIB", "closes_at": "14.30 WIB", "holiday": "Hari Raya Natal",
              "resumes_at": "13.00 WIB", "break_reason": "istirahat", "next_open_date": "2026-11-30",
              "next_opens_at": "08.00 WIB"}
    for text in closed_texts(reason, params):
        indonesian, english = both(text, tr)
        assert indonesian != english and "{" not in indonesian + english


def test_closed_reasons_read_as_the_issue_asks(tr):
    assert closed_texts("not_open_yet", {}, opens_at="08.00 WIB")[0].render(tr, "id") == "Buka pukul 08.00 WIB"
    assert closed_texts("quota_exhausted", {})[0].render(tr, "id") == "Kuota hari ini habis"
    assert closed_texts("on_break", {"resumes_at": "13.30 WIB"})[0].render(tr, "id") == "Istirahat sampai 13.30 WIB"
    full = closed_texts("quota_exhausted", {"next_open_date": "2026-11-30", "next_opens_at": "08.00 WIB"})
    assert both(full[0], tr) == ("Kuota hari ini habis · buka lagi Senin, 30 November 2026",
                                 "Today's quota is full · open again Monday, 30 November 2026")
    assert closed_texts("holiday", {"holiday": "Hari Raya Natal"})[0].render(tr, "id") == "Libur: Hari Raya Natal"
    body = closed_texts("closed_day", {"next_open_date": "2026-11-30", "next_opens_at": "08.00 WIB"})[2]
    assert both(body, tr) == (
        "Layanan ini tidak buka pada hari ini. Silakan datang kembali Senin, 30 November 2026 pukul 08.00 WIB.",
        "This service is not open today. Please come back on Monday, 30 November 2026 at 08.00 WIB.")


def test_printer_failures_by_code(tr):
    assert print_failure_text(PrinterPaperOut.code).render(tr, "en") == \
        "The ticket could not be printed: the printer is out of paper."


def test_plurals_and_waits(tr):
    assert people_ahead_text(1).render(tr, "en") == "1 person"
    assert people_ahead_text(3).render(tr, "en") == "3 people"
    assert people_ahead_text(3).render(tr, "id") == "3 orang"
    assert wait_text(1).render(tr, "en") == "± 1 minute"
    assert wait_text(95).render(tr, "id") == "± 1 jam 35 menit"
    assert wait_text(120).render(tr, "en") == "± 2 hours"


def test_the_estimate_on_a_tile_says_about_once(tr):
    """"± about 12 minutes" said it twice; "±" alone says it."""
    assert both(service_detail(2, 12), tr) == ("2 orang menunggu · tunggu ± 12 menit",
                                               "2 people waiting · wait ± 12 minutes")
    assert both(service_detail(0, 0, WaitUnknown.NO_LOKET_OPEN), tr) == (
        "Tidak ada antrean · Loket belum buka", "No queue · No loket open yet")


def test_fake_long_makes_every_text_longer_and_keeps_placeholders():
    text = "Buka pukul {time}"
    assert len(lengthen(text)) > 1.5 * len(text)
    assert lengthen(text).format(time="08.00") .count("08.00") >= 1


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text
        if name in KIOSK_CONTEXTS:
            for message in context.iter("message"):
                out[(name, message.find("source").text)] = message.find("translation")
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_kiosk_text_is_translated(lang):
    messages = _messages(I18N_DIR / f"anjungan_{lang}.ts")
    assert len(messages) > 100
    unfinished = [src for src, tr in messages.items() if tr.get("type") == "unfinished"]
    assert unfinished == []


def test_the_translation_sources_are_in_step_with_the_code(tmp_path):
    """lupdate over ui/ finds exactly the kiosk texts that anjungan_en.ts holds (none missing, none stale)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    tool = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    assert tool, "pyside6-lupdate is part of PySide6"
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool, "-silent", "-source-language", "id", "-target-language", "en", *source_files(), "-ts",
                    str(fresh)], check=True, timeout=120, capture_output=True, cwd=ROOT)
    assert set(_messages(fresh)) == set(_messages(I18N_DIR / "anjungan_en.ts"))


@pytest.mark.parametrize(("typed", "expected"), [
    ("http://10.0.0.2:8080/t/AbCdEf123_-xyz", ScanTarget("token", "AbCdEf123_-xyz")),
    ("https://mpp.serangkab.go.id/t/AbCdEf123_-xyz/", ScanTarget("token", "AbCdEf123_-xyz")),
    ("B2-014", ScanTarget("code", "B2-014")),
    ("a1", ScanTarget("code", "A-001")),
    ("hello", None),
    ("http://x/t/short", None),
    ("http://10.0.0.2:8080/booking/Bk_0123456789-abcdef", ScanTarget("booking", "Bk_0123456789-abcdef")),
    ("https://mpp.serangkab.go.id/booking/Bk_0123456789-abcdef/", ScanTarget("booking", "Bk_0123456789-abcdef")),
    ("anjungan-booking:Bk_0123456789-abcdef", ScanTarget("booking", "Bk_0123456789-abcdef")),
    ("ANJUNGAN-BOOKING:Bk_0123456789-abcdef", ScanTarget("booking", "Bk_0123456789-abcdef")),
    ("anjungan-booking:short", None),
    ("http://x/booking/", None),
])
def test_reading_what_the_scanner_typed(typed, expected):
    assert parse_scan(typed, ["A", "B", "B2"]) == expected


def test_keypad_letters_come_from_the_prefixes():
    assert keypad_letters(["A", "A2", "B2", "C"]) == ("A", "B", "C")


def test_dates_are_written_out_in_each_language(tr):
    day = Text("{d}", {"d": date(2026, 11, 23)})
    assert both(day, tr) == ("Senin, 23 November 2026", "Monday, 23 November 2026")
