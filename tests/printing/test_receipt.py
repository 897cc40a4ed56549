"""Receipt content: what a citizen reads on the ticket, in Indonesian and English."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from core.models import Priority, Site, Ticket
from printing.receipt import (
    BigCode,
    Branding,
    Bullets,
    Heading,
    Line,
    QrCode,
    Rows,
    build_receipt,
    format_local_time,
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


def test_priority_group_is_printed(ticket, branding):
    receipt = build_receipt(changed(ticket, priority=Priority.IBU_HAMIL), branding, "id")
    assert Line("PRIORITAS: IBU HAMIL", bold=True) in receipt.blocks
    english = build_receipt(changed(ticket, priority=Priority.LANSIA), branding, "en")
    assert Line("PRIORITY: SENIOR", bold=True) in english.blocks


def test_requirements_are_short_and_optional(ticket, branding):
    many = changed(ticket, requirements=tuple(f"Dokumen {n}" for n in range(1, 9)))
    items = next(b for b in build_receipt(many, branding, "id").blocks if isinstance(b, Bullets)).items
    assert items == ("Dokumen 1", "Dokumen 2", "Dokumen 3", "Dokumen 4", "Dokumen 5", "(+3 lainnya)")
    hidden = build_receipt(ticket, branding, "id", show_requirements=False)
    assert not any(isinstance(b, Bullets) for b in hidden.blocks)


def test_no_qr_without_a_status_url(ticket, branding):
    receipt = build_receipt(changed(ticket, status_url=""), branding, "id")
    assert receipt.qr_data is None


def test_branding_comes_from_the_site():
    site = Site(name="Mal Pelayanan Publik Kota Cilegon", short_name="MPP Cilegon",
                timezone="Asia/Jakarta", tz_label="WIB")
    branding = Branding.from_site(site, footer=("Cilegon Melayani",))
    assert (branding.name, branding.short_name, branding.footer) == (
        "Mal Pelayanan Publik Kota Cilegon", "MPP Cilegon", ("Cilegon Melayani",))


def test_unknown_language_is_refused(ticket, branding):
    with pytest.raises(ValueError):
        build_receipt(ticket, branding, "jv")
