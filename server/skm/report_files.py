"""The SKM report's files: the PDF (report_pdf.py), and the XLSX and CSV of the raw responses and the
summaries (per unsur, per unit, the follow-up) written by the shared server/reports/export.py, which
neutralises any cell a spreadsheet would read as a formula. One entry point for the API, console and CLI."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import select

from core.survey import Unsur
from core.wire import SkmAction, SkmFigures, SkmUnit
from server.db import Database, survey_responses
from server.reports.export import Sheet, Value, csv_sections, xlsx_bytes
from server.reports.formats import MEDIA_TYPES, FileFormat
from server.skm.periods import Period
from server.skm.report_pdf import skm_pdf

R = survey_responses.c
RAW_COLUMNS = ("id", "service_date", "answered_at", "channel", "agency_id", "service_id", "counter_id", "served_by",
               "gender", "education", "occupation", "age", *(f"u_{u.value}" for u in Unsur), "comment", "extra")


@dataclass(frozen=True)
class ReportFile:
    content: bytes
    media_type: str
    filename: str


def file_name(period: Period, agency_id: str | None, fmt: FileFormat) -> str:
    whose = f"-{agency_id}" if agency_id else ""
    return f"skm{whose}-{period.first.isoformat()}-{period.last.isoformat()}.{fmt.value}"


def report_file(db: Database, figures: SkmFigures, period: Period, fmt: FileFormat, *, made_at: datetime,
                zone_label: str) -> ReportFile:
    if fmt is FileFormat.PDF:
        content = skm_pdf(figures, period, made_at, zone_label)
    else:
        sheets = [raw_sheet(db, period, figures.agency_id, made_at.tzinfo), *summary_sheets(figures)]
        content = xlsx_bytes(sheets) if fmt is FileFormat.XLSX else csv_sections(sheets)
    return ReportFile(content, MEDIA_TYPES[fmt], file_name(period, figures.agency_id, fmt))


def raw_sheet(db: Database, period: Period, agency_id: str | None, zone: tzinfo | None) -> Sheet:
    """Every response of the period as stored (no name, NIK, phone or address is ever kept); the time
    it was answered as the site's wall clock, as a spreadsheet keeps no time zone; the site's own
    questions' answers (never in the IKM) as one JSON text."""
    query = (select(*(R[name] for name in RAW_COLUMNS))
             .where(R.service_date.between(period.first.isoformat(), period.last.isoformat())).order_by(R.id))
    if agency_id is not None:
        query = query.where(R.agency_id == agency_id)
    with db.read() as conn:
        rows = [(row.id, row.service_date, row.answered_at.astimezone(zone).replace(tzinfo=None), *row[3:-1],
                 json.dumps(row.extra, ensure_ascii=False, sort_keys=True) if row.extra else None)
                for row in conn.execute(query)]
    return Sheet("Jawaban", RAW_COLUMNS, rows)


def _unit_rows(units: tuple[SkmUnit, ...]) -> list[tuple[str | int | float | None, ...]]:
    return [(u.kind.value, u.id, u.name, u.respondents, u.population, u.sample_needed, u.ikm, u.mutu) for u in units]


def _action_rows(actions: tuple[SkmAction, ...], which: str) -> list[tuple[str | int | None, ...]]:
    return [(which, a.id, a.period_from.isoformat(), a.period_to.isoformat(), a.unsur, a.agency_id, a.what, a.who,
             a.due.isoformat(), a.status.value, a.evidence) for a in actions]


def summary_sheets(figures: SkmFigures) -> list[Sheet]:
    overall = figures.overall
    per_unsur: list[tuple[Value, ...]] = [(u.unsur, u.name, u.score_sum, u.answers, u.nrr, u.index, u.mutu)
                                          for u in overall.unsur]
    per_unsur.append(("ikm", "IKM", None, overall.respondents, None, overall.ikm, overall.mutu))
    units = [_unit_rows((overall,))[0]]
    for group in (figures.agencies, figures.services, figures.lokets, figures.officers):
        units += _unit_rows(group)
    return [
        Sheet("Per unsur", ("unsur", "nama", "jumlah_nilai", "jawaban", "nrr", "nrr_x25", "mutu"), per_unsur),
        Sheet("Per unit", ("jenis", "id", "nama", "responden_n", "dilayani_N", "sampel_S", "ikm", "mutu"), units),
        Sheet("Profil", ("profil", "jawaban", "label", "responden"),
              [(p.field, p.value, p.label, p.count) for p in figures.profile]),
        Sheet("Tindak lanjut", ("periode", "id", "dari", "sampai", "unsur", "instansi", "kegiatan",
                                "penanggung_jawab", "tenggat", "status", "bukti"),
              _action_rows(figures.previous_actions, "sebelumnya") + _action_rows(figures.actions, "ini")),
    ]
