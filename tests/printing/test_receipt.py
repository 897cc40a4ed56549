"""Receipt content: what a citizen reads on the ticket, in Indonesian and English."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from core.models import Priority, Site, Ticket
from core.wire import WaitUnknown
from printing.receipt import (
    BigCode,
    Branding,
    Bullets,
    Heading,
    Line,
    Logo,
    QrCode,
    Receipt,
    Rows,
    Rule,
    build_receipt,
    format_local_time,
    format_people,
    format_wait,
)


def changed(ticket: Ticket, **changes: object) -> Ticket:
    """The ticket with some fields changed (the models are frozen)."""
    return ticket.model_copy(update=changes)


def rows_of(receipt) -> dict[str, str]:
    return dict(next(b for b in receipt.blocks if isinstance(b, Rows)).rows)


def lines_of(receipt) -> list[str]:
    return [b.text for b in receipt.blocks if isinstance(b, Line)]


def test_indonesian_ticket_has_every_part(ticket, branding):
    receipt = build_receipt(ticket, branding, "id")
    assert receipt.blocks[0] == Heading("Mal Pelayanan Publik Kabupaten Serang")
    assert BigCode("A-001") in receipt.blocks
    assert Line("Dinas Kependudukan dan Pencatatan Sipil") in receipt.blocks
    assert Line("Perekaman KTP-el", bold=True) in receipt.blocks
    assert rows_of(receipt) == {"Waktu": "23-11-2026 08.15 WIB", "Di depan": "3 orang",
                                "Perkiraan": "sekitar 15 menit", "Loket": "Loket 1, Loket 2"}
    assert receipt.qr_data == "http://192.168.10.5:8000/t/Xy7kQ2mN9pLwR4sT8vB3cD6f"
    assert next(b for b in receipt.blocks if isinstance(b, Bullets)).items == (
        "KTP-el asli", "Fotokopi Kartu Keluarga", "Surat pengantar RT/RW")
    assert lines_of(receipt)[-1] == "Serang Terlayani Satu Pintu"


def test_english_ticket_uses_a_colon_in_the_time(ticket, branding):
    receipt = build_receipt(ticket, branding, "en")
    assert rows_of(receipt) == {"Time": "23-11-2026 08:15 WIB", "Ahead": "3 people",
                                "Est. wait": "about 15 min", "Counter": "Loket 1, Loket 2"}
    assert "Scan to check your queue status" in [b.caption for b in receipt.blocks
                                                 if isinstance(b, QrCode)]


def test_an_english_ticket_names_the_service_and_agency_in_english(ticket, branding):
    """What the citizen read on the English screen; a catalog without English names keeps its own."""
    english = changed(ticket, service_name_en="KTP-el Recording", agency_name_en="Civil Registration Office")
    lines = lines_of(build_receipt(english, branding, "en"))
    assert "KTP-el Recording" in lines and "Civil Registration Office" in lines
    assert "Perekaman KTP-el" not in lines
    assert "Perekaman KTP-el" in lines_of(build_receipt(english, branding, "id"))
    assert "Perekaman KTP-el" in lines_of(build_receipt(ticket, branding, "en"))


def test_time_is_the_sites_local_time_not_utc(branding):
    late_evening_utc = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    assert format_local_time(late_evening_utc, branding, "id") == "23-11-2026 06.30 WIB"
    wita = replace(branding, timezone="Asia/Makassar", tz_label="WITA")
    assert format_local_time(late_evening_utc, wita, "id") == "23-11-2026 07.30 WITA"


@pytest.mark.parametrize("minutes, lang, expected", [
    (0, "id", "segera"), (15, "id", "sekitar 15 menit"), (75, "id", "sekitar 1 jam 15 menit"),
    (120, "id", "sekitar 2 jam"), (75, "en", "about 1 h 15 min"), (0, "en", "soon")])
def test_wait_is_written_for_people(minutes, lang, expected):
    assert format_wait(minutes, lang) == expected


def test_a_ticket_whose_service_has_no_loket_open_prints_that_instead_of_soon(ticket, branding):
    """Nobody ahead, but no loket open: "segera" would be a promise nobody keeps."""
    closed = changed(ticket, people_ahead=0, eta_minutes=0, wait_unknown=WaitUnknown.NO_LOKET_OPEN)
    rows = next(b for b in build_receipt(closed, branding, "id").blocks if isinstance(b, Rows)).rows
    assert ("Perkiraan", "loket belum buka") in rows
    rows = next(b for b in build_receipt(closed, branding, "en").blocks if isinstance(b, Rows)).rows
    assert ("Est. wait", "no counter open yet") in rows


def test_priority_group_is_printed(ticket, branding):
    receipt = build_receipt(changed(ticket, priority=Priority.IBU_HAMIL), branding, "id")
    assert Line("PRIORITAS: IBU HAMIL", bold=True) in receipt.blocks
    english = build_receipt(changed(ticket, priority=Priority.LANSIA), branding, "en")
    assert Line("PRIORITY: SENIOR", bold=True) in english.blocks


def test_a_booked_ticket_prints_its_booked_time_as_each_language_writes_it(ticket, branding):
    assert Line("Booking 09.30", bold=True) in build_receipt(changed(ticket, booked_for="09:30"), branding, "id").blocks
    assert Line("Booking 09:30", bold=True) in build_receipt(changed(ticket, booked_for="09:30"), branding, "en").blocks
    assert not [b for b in build_receipt(ticket, branding, "id").blocks if "Booking" in str(b)]


def test_requirements_are_short_and_optional(ticket, branding):
    many = changed(ticket, requirements=tuple(f"Dokumen {n}" for n in range(1, 9)))
    items = next(b for b in build_receipt(many, branding, "id").blocks if isinstance(b, Bullets)).items
    assert items == ("Dokumen 1", "Dokumen 2", "Dokumen 3", "Dokumen 4", "Dokumen 5", "(+3 lainnya)")
    hidden = build_receipt(ticket, branding, "id", show_requirements=False)
    assert not any(isinstance(b, Bullets) for b in hidden.blocks)


def test_an_english_receipt_prints_the_english_requirements_else_the_indonesian(ticket, branding):
    both = changed(ticket, requirements=("Fotokopi KK",), requirements_en=("Copy of the family card",))
    english = next(b for b in build_receipt(both, branding, "en").blocks if isinstance(b, Bullets))
    assert english == Bullets("Requirements:", ("Copy of the family card",))
    indonesian = next(b for b in build_receipt(both, branding, "id").blocks if isinstance(b, Bullets))
    assert indonesian == Bullets("Persyaratan:", ("Fotokopi KK",))
    only_id = changed(ticket, requirements=("Fotokopi KK",), requirements_en=())
    fallback = next(b for b in build_receipt(only_id, branding, "en").blocks if isinstance(b, Bullets))
    assert fallback == Bullets("Requirements:", ("Fotokopi KK",))


def test_an_english_receipt_prints_the_sites_english_footer_else_the_indonesian(ticket, branding):
    both = replace(branding, footer=("Layanan GRATIS.", "Pengaduan: lapor.go.id"),
                   footer_en=("Services are FREE.", "Complaints: lapor.go.id"))
    assert lines_of(build_receipt(ticket, both, "en"))[-2:] == ["Services are FREE.", "Complaints: lapor.go.id"]
    indonesian = lines_of(build_receipt(ticket, both, "id"))
    assert indonesian[-2:] == ["Layanan GRATIS.", "Pengaduan: lapor.go.id"] and "Services are FREE." not in indonesian
    only_id = replace(both, footer_en=())  # an older server's catalog: no English footer
    assert lines_of(build_receipt(ticket, only_id, "en"))[-2:] == ["Layanan GRATIS.", "Pengaduan: lapor.go.id"]


def test_no_qr_without_a_status_url(ticket, branding):
    receipt = build_receipt(changed(ticket, status_url=""), branding, "id")
    assert receipt.qr_data is None


def test_branding_comes_from_the_site():
    site = Site(name="Mal Pelayanan Publik Kota Cilegon", short_name="MPP Cilegon",
                timezone="Asia/Jakarta", tz_label="WIB")
    branding = Branding.from_site(site, footer=("Cilegon Melayani",), footer_en=("Cilegon Serves",))
    assert (branding.name, branding.short_name, branding.footer, branding.footer_en) == (
        "Mal Pelayanan Publik Kota Cilegon", "MPP Cilegon", ("Cilegon Melayani",), ("Cilegon Serves",))


def test_unknown_language_is_refused(ticket, branding):
    with pytest.raises(ValueError):
        build_receipt(ticket, branding, "jv")


# Monday 23 November 2026, 01.15 UTC: the conftest's ticket, issued at 08.15 in Serang.
ZONES = [("Asia/Jakarta", "WIB", "08.15", "08:15", 7),
         ("Asia/Makassar", "WITA", "09.15", "09:15", 8),
         ("Asia/Jayapura", "WIT", "10.15", "10:15", 9)]


@pytest.mark.parametrize("timezone, label, id_clock, en_clock, hours", ZONES)
def test_the_ticket_shows_the_sites_own_clock_and_zone(ticket, timezone, label, id_clock, en_clock, hours):
    """A site in any of Indonesia's three zones prints its local time and its label (WIB, WITA, WIT)."""
    site = Site(name="Mal Pelayanan Publik", short_name="MPP", timezone=timezone, tz_label=label)
    branding = Branding.from_site(site)
    assert rows_of(build_receipt(ticket, branding, "id"))["Waktu"] == f"23-11-2026 {id_clock} {label}"
    english = build_receipt(ticket, branding, "en")
    assert rows_of(english)["Time"] == f"23-11-2026 {en_clock} {label}"
    assert (english.issued_local.hour, english.issued_local.minute) == (hours + 1, 15)
    assert english.issued_local.utcoffset() == timedelta(hours=hours)


def test_a_site_without_a_zone_label_prints_the_time_alone(ticket):
    site = Site(name="Mal Pelayanan Publik", short_name="MPP", timezone="Asia/Makassar", tz_label="")
    assert rows_of(build_receipt(ticket, Branding.from_site(site), "id"))["Waktu"] == "23-11-2026 09.15"


def test_the_sites_logo_heads_the_ticket(ticket, tmp_path):
    """GIVEN a site with a logo file THEN the logo is printed first, above the site's name."""
    site = Site(name="Mal Pelayanan Publik Kota Cilegon", short_name="MPP Cilegon", timezone="Asia/Jakarta")
    blocks = build_receipt(ticket, Branding.from_site(site, logo_path=tmp_path / "logo.png"), "id").blocks
    assert blocks[:2] == (Logo(tmp_path / "logo.png"), Heading("Mal Pelayanan Publik Kota Cilegon"))
    assert not any(isinstance(b, Logo) for b in build_receipt(ticket, Branding.from_site(site), "id").blocks)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_receipt_is_in_the_language_chosen(ticket, branding, lang):
    assert build_receipt(ticket, branding, lang).lang == lang


@pytest.mark.parametrize("minutes, indonesian, english", [
    (-1, "segera", "soon"), (0, "segera", "soon"),
    (1, "sekitar 1 menit", "about 1 min"),
    (59, "sekitar 59 menit", "about 59 min"),
    (60, "sekitar 1 jam", "about 1 h"),
    (61, "sekitar 1 jam 1 menit", "about 1 h 1 min"),
    (119, "sekitar 1 jam 59 menit", "about 1 h 59 min"),
    (120, "sekitar 2 jam", "about 2 h"),
    (121, "sekitar 2 jam 1 menit", "about 2 h 1 min"),
])
def test_the_wait_in_minutes_then_hours_either_side_of_each_boundary(minutes, indonesian, english):
    """Nothing to wait is "soon"; under an hour in minutes; from 60 in hours, minutes only when not whole."""
    assert (format_wait(minutes, "id"), format_wait(minutes, "en")) == (indonesian, english)


@pytest.mark.parametrize("count, indonesian, english", [
    (0, "0 orang", "0 people"), (1, "1 orang", "1 person"), (2, "2 orang", "2 people"),
    (15, "15 orang", "15 people")])
def test_people_ahead_in_the_singular_only_for_one(count, indonesian, english):
    """Indonesian "orang" has no plural; English says "1 person" and otherwise "people"."""
    assert (format_people(count, "id"), format_people(count, "en")) == (indonesian, english)


@pytest.mark.parametrize("count, printed", [
    (4, ("Dokumen 1", "Dokumen 2", "Dokumen 3", "Dokumen 4")),
    (5, ("Dokumen 1", "Dokumen 2", "Dokumen 3", "Dokumen 4", "Dokumen 5")),
    (6, ("Dokumen 1", "Dokumen 2", "Dokumen 3", "Dokumen 4", "Dokumen 5", "(+1 lainnya)")),
])
def test_at_most_five_requirements_then_a_count_of_the_rest(ticket, branding, count, printed):
    many = changed(ticket, requirements=tuple(f"Dokumen {n}" for n in range(1, count + 1)))
    bullets = next(b for b in build_receipt(many, branding, "id").blocks if isinstance(b, Bullets))
    assert bullets == Bullets("Persyaratan:", printed)


def test_a_service_without_requirements_prints_no_list(ticket, branding):
    receipt = build_receipt(changed(ticket, requirements=()), branding, "id")
    assert not any(isinstance(b, Bullets) for b in receipt.blocks)


@pytest.mark.parametrize("poisoned, clean", [
    (Heading("Mal Pelayanan\x1b Publik"), Heading("Mal Pelayanan Publik")),
    (Line("Perekaman\tKTP-el\x1dV", bold=True), Line("Perekaman KTP-elV", bold=True)),
    (BigCode("A-\x10\x14001"), BigCode("A-001")),
    (Rows((("Waktu\x1b", "08.15\nWIB"), ("Loket", "Loket\x07 1"))),
     Rows((("Waktu", "08.15 WIB"), ("Loket", "Loket 1")))),
    (Bullets("Persyaratan\x1b:", ("KTP-el\x00 asli", "KK\x1b")), Bullets("Persyaratan:", ("KTP-el asli", "KK"))),
    (QrCode("http://mpp/t/\x1bXy7k", "Pindai\x1d"), QrCode("http://mpp/t/Xy7k", "Pindai")),
])
def test_no_control_character_reaches_the_paper_however_the_receipt_was_built(poisoned, clean):
    """An ESC, GS or DLE in any text would reach the printer as a command; a tab or line break is a space."""
    receipt = Receipt("A-\x1b001", "id", datetime(2026, 11, 23, 8, 15, tzinfo=UTC), (poisoned,))
    assert (receipt.code, receipt.blocks) == ("A-001", (clean,))


@pytest.mark.parametrize("priority, indonesian, english", [
    (Priority.LANSIA, "PRIORITAS: LANSIA", "PRIORITY: SENIOR"),
    (Priority.DISABILITAS, "PRIORITAS: DISABILITAS", "PRIORITY: DISABILITY"),
    (Priority.IBU_HAMIL, "PRIORITAS: IBU HAMIL", "PRIORITY: PREGNANT"),
    (Priority.ANAK, "PRIORITAS: ANAK", "PRIORITY: CHILD"),
])
def test_every_priority_group_is_printed_in_both_languages(ticket, branding, priority, indonesian, english):
    """The officer at the counter sees on the ticket which priority group the citizen chose."""
    prioritised = changed(ticket, priority=priority)
    assert Line(indonesian, bold=True) in build_receipt(prioritised, branding, "id").blocks
    assert Line(english, bold=True) in build_receipt(prioritised, branding, "en").blocks


def test_a_regular_ticket_names_no_priority_group(ticket, branding):
    assert not [text for text in lines_of(build_receipt(ticket, branding, "id")) if text.startswith("PRIORITAS")]


def test_the_english_ticket_as_a_visitor_reads_it(ticket, branding):
    """Every block of the English ticket, top to bottom: each wording of the receipt in English."""
    many = changed(ticket, requirements=("KTP-el", "KK", "Akta", "NPWP", "Foto", "Surat RT"),
                   priority=Priority.LANSIA)
    assert build_receipt(many, branding, "en").blocks == (
        Heading("Mal Pelayanan Publik Kabupaten Serang"), Rule(),
        Line("Dinas Kependudukan dan Pencatatan Sipil"), Line("Perekaman KTP-el", bold=True),
        Line("QUEUE NUMBER"), BigCode("A-001"), Line("PRIORITY: SENIOR", bold=True), Rule(),
        Rows((("Time", "23-11-2026 08:15 WIB"), ("Ahead", "3 people"), ("Est. wait", "about 15 min"),
              ("Counter", "Loket 1, Loket 2"))), Rule(),
        Bullets("Requirements:", ("KTP-el", "KK", "Akta", "NPWP", "Foto", "(+1 more)")), Rule(),
        QrCode("http://192.168.10.5:8000/t/Xy7kQ2mN9pLwR4sT8vB3cD6f", "Scan to check your queue status"), Rule(),
        Line("Please wait until your number is called."), Line("Valid only on the printed date."),
        Line("Serang Terlayani Satu Pintu"))


def test_a_service_with_no_loket_named_prints_no_loket_row(ticket, branding):
    assert list(rows_of(build_receipt(changed(ticket, lokets=()), branding, "id"))) == [
        "Waktu", "Di depan", "Perkiraan"]
