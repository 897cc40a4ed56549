"""A sample ticket and branding of MPP Kabupaten Serang, for ``print-sample``, benches and tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from core.models import Priority, Ticket, TicketStatus
from printing import strings
from printing.receipt import Branding, Heading, Receipt, Rule, build_receipt

SAMPLE_TOKEN = "Xy7kQ2mN9pLwR4sT8vB3cD6f"


def sample_branding() -> Branding:
    return Branding(name="Mal Pelayanan Publik Kabupaten Serang", short_name="MPP Kab. Serang",
                    timezone="Asia/Jakarta", tz_label="WIB",
                    footer=("Serang Terlayani Satu Pintu",))


def sample_ticket(*, code: str = "A-001", issued_at: datetime | None = None,
                  base_url: str = "http://127.0.0.1:8000", priority: Priority | None = None,
                  agency: str = "Dinas Kependudukan dan Pencatatan Sipil",
                  service: str = "Perekaman KTP-el") -> Ticket:
    issued = issued_at or datetime.now(UTC)
    return Ticket(
        id=1, code=code, service_id="dukcapil-ktp", service_name=service, agency_name=agency,
        service_date=issued.date(), issued_at=issued, status=TicketStatus.WAITING,
        priority=priority, people_ahead=3, eta_minutes=15, token=SAMPLE_TOKEN, counter=None,
        status_url=f"{base_url}/t/{SAMPLE_TOKEN}", lokets=("Loket 1", "Loket 2"),
        requirements=("KTP-el asli", "Fotokopi Kartu Keluarga", "Surat pengantar RT/RW"),
    )


def sample_receipt(ticket: Ticket, branding: Branding, lang: str = "id") -> Receipt:
    """The sample ticket marked top and bottom as a sample: one left on the kiosk's tray or found in a
    bin must not be taken for a real place in the queue."""
    receipt = build_receipt(ticket, branding, lang)
    mark = Heading(strings.text("sample_mark", lang))
    return replace(receipt, blocks=(mark, Rule(), *receipt.blocks, Rule(), mark))
