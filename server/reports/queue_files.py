"""The queue report as files: the monthly MPP report per agency as PDF (summary, services, lokets,
officers, hours, waits against the target, bookings), XLSX with a sheet per breakdown, and one CSV whose
``section`` column names the breakdown of each row (one file to download, still one table to read)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from core.wire import QueueFigures, QueueReport
from server.reports import bookings_files, export, pdf
from server.reports.formats import FileFormat
from server.reports.period import Period, month_of

# The breakdowns in the order every output gives them: (attribute, sheet name, first column's title).
BREAKDOWNS = (("agencies", "Instansi", "Instansi"), ("services", "Layanan", "Layanan"),
              ("lokets", "Loket", "Loket"), ("officers", "Petugas", "Petugas"), ("hours", "Jam", "Jam"))
COUNTS = (("issued", "Diterbitkan"), ("transferred_in", "Diterima (alih)"), ("served", "Dilayani"),
          ("no_show", "Tidak hadir"), ("cancelled", "Dibatalkan"), ("transferred", "Dialihkan"),
          ("expired", "Kedaluwarsa"), ("open", "Belum selesai"))
TIMES = (("wait_p50_minutes", "Tunggu p50 (menit)"), ("wait_p90_minutes", "Tunggu p90 (menit)"),
         ("wait_max_minutes", "Tunggu maks (menit)"), ("service_p50_minutes", "Layanan p50 (menit)"),
         ("service_p90_minutes", "Layanan p90 (menit)"), ("service_max_minutes", "Layanan maks (menit)"))
TARGET = (("target_wait_minutes", "Target tunggu (menit)"), ("within_target", "Dilayani ≤ target"),
          ("with_target", "Dilayani dengan target"))
CHART_WIDTH = 200 * mm
EMPTY = "Tidak ada tiket pada periode ini. / No tickets in this period."


def file_name(report: QueueReport, fmt: FileFormat) -> str:
    scope = report.agency_id or "semua"
    return f"laporan-antrean-{scope}-{report.date_from.isoformat()}_{report.date_to.isoformat()}.{fmt.value}"


def render(report: QueueReport, fmt: FileFormat, made: str = "") -> bytes:
    if fmt is FileFormat.PDF:
        return pdf_bytes(report, made)
    sheets = tables(report)
    return export.xlsx_bytes(sheets) if fmt is FileFormat.XLSX else export.csv_sections(sheets)


# ----------------------------------------------------------------- XLSX and CSV


def header(first: str) -> list[str]:
    return ["Kode", first, *(t for _, t in COUNTS), *(t for _, t in TIMES), *(t for _, t in TARGET),
            "Dilayani ≤ target (%)"]


def values(row: QueueFigures) -> list[export.Value]:
    share = row.within_target_share
    return [row.key, row.name, *(getattr(row, a) for a, _ in COUNTS), *(getattr(row, a) for a, _ in TIMES),
            *(getattr(row, a) for a, _ in TARGET), round(share * 100, 1) if share is not None else None]


def tables(report: QueueReport) -> list[export.Sheet]:
    """The sheets every spreadsheet output has: the summary row, then each breakdown."""
    sheets = [export.Sheet("Ringkasan", [*header("Cakupan"), "Dari tanggal", "Sampai tanggal"],
                           [[*values(report.total), report.date_from, report.date_to]])]
    for attribute, sheet, first in BREAKDOWNS:
        rows: Sequence[QueueFigures] = getattr(report, attribute)
        sheets.append(export.Sheet(sheet, header(first), [values(r) for r in rows]))
    if report.bookings is not None:
        sheets.append(bookings_files.sheet(report.bookings))
    return sheets


# ----------------------------------------------------------------- PDF


def pdf_bytes(report: QueueReport, made: str = "") -> bytes:
    period = Period(report.date_from, report.date_to)
    title = "Laporan Bulanan MPP" if period == month_of(period.date_from) else "Laporan Antrean"
    frame = pdf.Frame(site=report.site, title=title, period=period.label(), made=made, wide=True)
    return pdf.render(frame, story(report, title, period))


def story(report: QueueReport, title: str, period: Period) -> list[Flowable]:
    st = pdf.styles()
    scope = report.agency_name or "Semua instansi"
    parts: list[Flowable] = [
        Paragraph(pdf.text(f"{title}: {scope}"), st.title),
        Paragraph(pdf.text(f"{report.site} · Periode {period.label()} ({report.date_from.isoformat()} s.d. "
                           f"{report.date_to.isoformat()}, {period.days} hari)"), st.body)]
    heading = _Headings(st.heading)
    if report.empty:
        return [*parts, Paragraph(pdf.text(EMPTY), st.heading), *bookings_part(report, heading)]
    total = report.total
    parts += [heading("Ringkasan"), Paragraph(pdf.text(summary_sentence(report)), st.body),
              pdf.table(["Diterbitkan", "Dilayani", "Tidak hadir", "Dibatalkan", "Dialihkan", "Kedaluwarsa",
                         "Belum selesai"],
                        [[total.issued, total.served, total.no_show, total.cancelled, total.transferred,
                          total.expired, total.open]]),
              Spacer(1, 3 * mm),
              pdf.table(["", "p50", "p90", "Maks"],
                        [["Waktu tunggu (menit)", total.wait_p50_minutes, total.wait_p90_minutes,
                          total.wait_max_minutes],
                         ["Waktu layanan (menit)", total.service_p50_minutes, total.service_p90_minutes,
                          total.service_max_minutes]], numeric={1, 2, 3})]
    if not report.agency_id and len(report.agencies) > 1:
        parts += [heading("Per instansi"), counts_table("Instansi", report.agencies)]
    parts += [heading("Per layanan"), counts_table("Layanan", report.services),
              Spacer(1, 3 * mm),
              pdf.bar_chart([s.name for s in report.services], [s.served for s in report.services],
                            "Tiket dilayani per layanan", width=CHART_WIDTH),
              heading("Waktu tunggu dan standar pelayanan"),
              Paragraph("Waktu tunggu dihitung dari tiket masuk antrean (terbit, atau dialihkan) sampai "
                        "dipanggil; waktu layanan dari mulai sampai selesai. Target: standar waktu tunggu "
                        "layanan dalam katalog.", st.small),
              times_table("Layanan", report.services, with_target=True),
              *target_chart(report),
              heading("Per loket"), counts_table("Loket", report.lokets, ends_only=True),
              Spacer(1, 3 * mm), times_table("Loket", report.lokets),
              heading("Per petugas"), counts_table("Petugas", report.officers, ends_only=True),
              Spacer(1, 3 * mm), times_table("Petugas", report.officers),
              heading("Per jam"),
              Paragraph(pdf.text(busiest_sentence(report)), st.body),
              pdf.hourly_chart({int(h.key): h.issued for h in report.hours}, "Tiket diterbitkan per jam",
                               width=CHART_WIDTH),
              Spacer(1, 3 * mm), counts_table("Jam", report.hours)]
    return [*parts, *bookings_part(report, heading)]


def bookings_part(report: QueueReport, heading: _Headings) -> list[Flowable]:
    if report.bookings is None:
        return []
    with_agencies = not report.agency_id and len(report.bookings.agencies) > 1
    return bookings_files.story(report.bookings, heading("Booking"), with_agencies)


class _Headings:
    """Numbered chapter headings, in the order they are made."""

    def __init__(self, style: ParagraphStyle) -> None:
        self.style, self.made = style, 0

    def __call__(self, title: str) -> Paragraph:
        self.made += 1
        return Paragraph(pdf.text(f"{self.made}. {title}"), self.style)


def target_chart(report: QueueReport) -> list[Flowable]:
    """The share of each service's served tickets called within its target wait, for the services
    that have one."""
    shares = [(s.name, share * 100) for s in report.services if (share := s.within_target_share) is not None]
    if not shares:
        return []
    return [Spacer(1, 3 * mm), pdf.bar_chart([name for name, _ in shares], [round(v, 1) for _, v in shares],
                                             "Dilayani dalam standar waktu tunggu (%)", width=CHART_WIDTH,
                                             value_max=100)]


def summary_sentence(report: QueueReport) -> str:
    t = report.total
    share = t.within_target_share
    within = (f" {pdf.number(share * 100)}% dari {pdf.number(t.with_target)} tiket yang dilayani dengan target "
              f"dipanggil dalam standar waktu tunggu." if share is not None else "")
    return (f"{pdf.number(t.issued)} tiket diterbitkan, {pdf.number(t.served)} dilayani. Separuh pengunjung "
            f"menunggu paling lama {pdf.number(t.wait_p50_minutes)} menit, 90% paling lama "
            f"{pdf.number(t.wait_p90_minutes)} menit.{within}")


def busiest_sentence(report: QueueReport) -> str:
    if not report.busiest_hours:
        return "Tidak ada tiket diterbitkan."
    hours = ", ".join(f"{h:02d}.00–{h + 1:02d}.00" for h in report.busiest_hours)
    return f"Jam tersibuk: {hours}."


def counts_table(first: str, rows: Sequence[QueueFigures], ends_only: bool = False) -> Flowable:
    chosen = [(a, t) for a, t in COUNTS if not ends_only or a not in ("issued", "transferred_in", "transferred")]
    widths = [60 * mm] + [(pdf.WIDE_TEXT_WIDTH - 60 * mm) / len(chosen)] * len(chosen)
    return pdf.table([first, *(t for _, t in chosen)], [[r.name, *(getattr(r, a) for a, _ in chosen)] for r in rows],
                     widths=widths, numeric=set(range(1, len(chosen) + 1)))


def times_table(first: str, rows: Sequence[QueueFigures], with_target: bool = False) -> Flowable:
    head = [first, *(t for _, t in TIMES)]
    body = [[r.name, *(getattr(r, a) for a, _ in TIMES)] for r in rows]
    if with_target:
        head += ["Target (menit)", "≤ target"]
        for line, r in zip(body, rows, strict=True):
            share = r.within_target_share
            line += [r.target_wait_minutes, f"{pdf.number(share * 100)}%" if share is not None else "–"]
    widths = [60 * mm] + [(pdf.WIDE_TEXT_WIDTH - 60 * mm) / (len(head) - 1)] * (len(head) - 1)
    return pdf.table(head, body, widths=widths, numeric=set(range(1, len(head))))
