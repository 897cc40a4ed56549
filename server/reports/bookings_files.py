"""The queue report's bookings section as files: one XLSX sheet (and CSV section) with the whole period, each
agency and each service, lead times in hours as numbers; in the PDF a sentence, the table by agency and by
service, lead times in days (hours when under a day)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from core.wire import BookingFigures, BookingsReport
from server.reports import export, pdf
from server.reports.bookings import lead_text

SHEET = "Booking"
COUNTS = (("made", "Dibuat"), ("checked_in", "Check-in"), ("no_show", "Tidak hadir"), ("cancelled", "Dibatalkan"),
          ("booked", "Masih terpesan"))
LEADS = (("lead_median_hours", "Jarak pesan median (jam)"), ("lead_mean_hours", "Jarak pesan rata-rata (jam)"))
LEVELS = (("total", "Semua"), ("agencies", "Instansi"), ("services", "Layanan"))
UNITS = ("jam", "hari")
EMPTY = "Tidak ada booking pada periode ini. / No bookings in this period."
HOW = ("Booking dihitung menurut hari layanannya (hari slotnya), keadaannya saat laporan dibuat: dibuat = check-in "
       "+ tidak hadir + dibatalkan + masih terpesan. Jarak pesan: dari booking dibuat sampai mulai slotnya.")


def sheet(section: BookingsReport) -> export.Sheet:
    """Every row of the section in one table; its first column says the level (Semua, Instansi, Layanan)."""
    header = ["Tingkat", "Kode", "Nama", *(t for _, t in COUNTS), *(t for _, t in LEADS)]
    rows: list[list[export.Value]] = []
    for attribute, level in LEVELS:
        found = getattr(section, attribute)
        for row in (found,) if attribute == "total" else found:
            rows.append([level, row.key, row.name, *(getattr(row, a) for a, _ in COUNTS),
                         *(getattr(row, a) for a, _ in LEADS)])
    return export.Sheet(SHEET, header, rows)


def lead(hours: float | None) -> str:
    return lead_text(hours, UNITS, pdf.number)


def sentence(section: BookingsReport) -> str:
    t = section.total
    return (f"{pdf.number(t.made)} booking: {pdf.number(t.checked_in)} check-in, {pdf.number(t.no_show)} tidak "
            f"hadir, {pdf.number(t.cancelled)} dibatalkan, {pdf.number(t.booked)} masih terpesan. Jarak pesan "
            f"median {lead(t.lead_median_hours)}, rata-rata {lead(t.lead_mean_hours)}.")


def story(section: BookingsReport, heading: Paragraph, with_agencies: bool) -> list[Flowable]:
    st = pdf.styles()
    if section.total.made == 0:
        return [heading, Paragraph(pdf.text(EMPTY), st.body)]
    parts: list[Flowable] = [heading, Paragraph(pdf.text(sentence(section)), st.body),
                             Paragraph(pdf.text(HOW), st.small)]
    if with_agencies:
        parts += [Spacer(1, 3 * mm), table("Instansi", section.agencies)]
    return [*parts, Spacer(1, 3 * mm), table("Layanan", section.services)]


def table(first: str, rows: Sequence[BookingFigures]) -> Flowable:
    head = [first, *(t for _, t in COUNTS), "Jarak pesan median", "Rata-rata"]
    body = [[r.name, *(getattr(r, a) for a, _ in COUNTS), lead(r.lead_median_hours), lead(r.lead_mean_hours)]
            for r in rows]
    widths = [60 * mm] + [(pdf.WIDE_TEXT_WIDTH - 60 * mm) / (len(head) - 1)] * (len(head) - 1)
    return pdf.table(head, body, widths=widths, numeric=set(range(1, len(head))))
