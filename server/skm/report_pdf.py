"""The SKM report as a PDF, with the chapters an SKM report has: I Pendahuluan, II Metodologi (the
questionnaire, the sample size, the formula), III Hasil (per unsur with its chart, per unit), IV Analisis
(the weakest unsur first, the respondents' comments), V Tindak lanjut (the previous period's actions
with their status, this period's plan), VI Penutup. Built on the shared frame (server/reports/pdf.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from fractions import Fraction

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from core.ikm import MUTU_FLOORS, Mutu
from core.survey import QUESTIONNAIRE
from core.wire import SkmAction, SkmFigures, SkmUnit, SkmUnsur
from server.reports import pdf
from server.skm.periods import Period

TITLE = "Laporan Survei Kepuasan Masyarakat"
MUTU_WORDS = {Mutu.A: "Sangat Baik", Mutu.B: "Baik", Mutu.C: "Kurang Baik", Mutu.D: "Tidak Baik"}
STATUS_WORDS = {"planned": "Direncanakan", "in_progress": "Berjalan", "done": "Selesai"}
UNIT_TITLES = (("agencies", "Per instansi"), ("services", "Per layanan"), ("lokets", "Per loket"),
               ("officers", "Per petugas (untuk supervisor)"))
# The interval table of Lampiran II, on the 1–4 scale and the 25–100 scale.
INTERVALS = (("A", "3,5324 – 4,00", "88,31 – 100,00"), ("B", "3,0644 – 3,532", "76,61 – 88,30"),
             ("C", "2,60 – 3,064", "65,00 – 76,60"), ("D", "1,00 – 2,5996", "25,00 – 64,99"))


def _mutu_words(mutu: str | None) -> str:
    return f"{mutu} ({MUTU_WORDS[Mutu(mutu)]})" if mutu else "–"


def _ikm(value: float | None) -> str:
    return pdf.number(value, 2)


def n_of_s(unit: SkmUnit) -> str:
    """"312 dari 370 responden" and whether the sample is enough."""
    enough = "cukup" if unit.respondents >= unit.sample_needed else "belum cukup"
    return f"{pdf.number(unit.respondents)} dari {pdf.number(unit.sample_needed)} responden ({enough})"


def weakest_first(unsur: Sequence[SkmUnsur]) -> list[SkmUnsur]:
    """The unsur by NRR, lowest first (exact: by their sums, as every unsur has the same answers)."""
    return sorted(unsur, key=lambda u: (Fraction(u.score_sum, u.answers), u.unsur))


def skm_pdf(figures: SkmFigures, period: Period, made_at: datetime, zone_label: str) -> bytes:
    whose = figures.overall.name
    frame = pdf.Frame(site=figures.site, title=TITLE, period=period.label(),
                      made=f"Dibuat {made_at:%Y-%m-%d %H:%M} {zone_label}")
    st = pdf.styles()
    story: list[Flowable] = [
        Paragraph(pdf.text(TITLE), st.title),
        Paragraph(pdf.text(f"{whose} — {period.label()}"), st.subheading),
        Paragraph(pdf.text(f"Indeks Kepuasan Masyarakat (IKM): {_ikm(figures.overall.ikm)}, mutu pelayanan "
                           f"{_mutu_words(figures.overall.mutu)}; {n_of_s(figures.overall)}."), st.body),
    ]
    story += _pendahuluan(figures, period)
    story += _metodologi(figures)
    story += _hasil(figures)
    story += _analisis(figures)
    story += _tindak_lanjut(figures)
    story += _penutup(figures, period)
    return pdf.render(frame, story)


def _heading(text: str) -> Paragraph:
    return Paragraph(pdf.text(text), pdf.styles().heading)


def _sub(text: str) -> Paragraph:
    return Paragraph(pdf.text(text), pdf.styles().subheading)


def _para(text: str) -> Paragraph:
    return Paragraph(pdf.text(text), pdf.styles().body)


def _pendahuluan(figures: SkmFigures, period: Period) -> list[Flowable]:
    return [
        _heading("Bab I Pendahuluan"),
        _sub("A. Latar belakang"),
        _para("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik mewajibkan penyelenggara pelayanan "
              "menilai kinerja pelayanannya secara berkala. Peraturan Menteri PANRB Nomor 14 Tahun 2017 "
              "menetapkan Survei Kepuasan Masyarakat (SKM) sebagai cara menilainya, paling sedikit sekali "
              "setahun, dan hasilnya diumumkan serta ditindaklanjuti."),
        _sub("B. Maksud dan tujuan"),
        _para("Mengetahui tingkat kepuasan masyarakat atas pelayanan di " + figures.overall.name + ", menemukan "
              "unsur pelayanan yang perlu diperbaiki, dan menetapkan rencana tindak lanjutnya."),
        _sub("C. Ruang lingkup dan waktu"),
        _para(f"Periode survei: {period.label()} ({period.first:%d-%m-%Y} s.d. {period.last:%d-%m-%Y}). "
              f"Unit: {len(figures.agencies)} instansi, {len(figures.services)} layanan, "
              f"{len(figures.lokets)} loket."),
    ]


def _metodologi(figures: SkmFigures) -> list[Flowable]:
    questions = [[str(i), q.name_id, q.question_id, " / ".join(f"{a.score} {a.label_id}" for a in q.answers)]
                 for i, q in enumerate(QUESTIONNAIRE, start=1)]
    overall = figures.overall
    return [
        PageBreak(),
        _heading("Bab II Metodologi"),
        _sub("A. Kuesioner"),
        _para("Sembilan unsur Lampiran I PermenPANRB 14/2017, masing-masing satu pertanyaan dengan empat "
              "jawaban bernilai 1 sampai 4. Profil responden: jenis kelamin, pendidikan, pekerjaan, umur "
              "(boleh tidak diisi); tanpa nama, NIK, telepon atau alamat."),
        pdf.table(["No", "Unsur", "Pertanyaan", "Jawaban (nilai)"], questions,
                  widths=[20, 95, 190, 170], numeric=set()),
        _sub("B. Responden dan besar sampel"),
        _para("Setiap jawaban terikat pada satu tiket antrean yang benar-benar selesai dilayani, dan satu tiket "
              "hanya dapat menjawab sekali (di halaman status tiket, di anjungan, atau di tablet loket). "
              "Populasi (N) adalah jumlah tiket yang selesai dilayani dalam periode; besar sampel minimal (S) "
              "menurut tabel Krejcie dan Morgan: S = χ²·N·P(1−P) ÷ (d²(N−1) + χ²·P(1−P)), dengan χ² = 3,841, "
              "P = 0,5 dan d = 0,05."),
        _para(f"N = {pdf.number(overall.population)}; S = {pdf.number(overall.sample_needed)}; "
              f"responden n = {pdf.number(overall.respondents)}: {n_of_s(overall)}."),
        _sub("C. Pengolahan data"),
        _para("Nilai rata-rata (NRR) per unsur = jumlah nilai unsur ÷ jumlah jawaban. "
              "IKM = Σ(NRR × 1/9) × 25, dengan bobot tepat 1/9 untuk tiap unsur; pembulatan hanya sekali, "
              "di akhir, dua desimal setengah ke atas. Mutu pelayanan menurut tabel berikut:"),
        pdf.table(["Mutu", "Nilai interval (NRR)", "Nilai konversi (IKM)", "Kinerja"],
                  [[code, nrr, index, MUTU_WORDS[Mutu(code)]] for code, nrr, index in INTERVALS], numeric=set()),
        _para("Batas mutu dibaca dari nilai dua desimal: " +
              ", ".join(f"{band.value} mulai {pdf.number(float(floor), 2)}" for floor, band in MUTU_FLOORS) +
              ", D di bawahnya."),
    ]


def unsur_rows(unsur: Sequence[SkmUnsur]) -> list[list[pdf.Cell]]:
    return [[u.name, u.score_sum, u.answers, pdf.number(u.nrr, 4), pdf.number(u.index, 2), u.mutu] for u in unsur]


def unsur_chart(unsur: Sequence[SkmUnsur], title: str = "Nilai per unsur (NRR × 25)", english: bool = False) -> Drawing:
    """The per-unsur bars, on a 25–100 axis as the index runs, each labelled as the table shows it: the
    same drawing for the PDF and the console's SVG."""
    names = [u.name_en if english else u.name for u in unsur]
    drawing = pdf.bar_chart(names, [u.index for u in unsur], title, value_max=100)
    for chart in drawing.contents:
        if isinstance(chart, HorizontalBarChart):
            chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
            chart.barLabelFormat = _two_decimals
    return drawing


def _two_decimals(value: float) -> str:
    return pdf.number(value, 2)


def _unit_rows(units: Sequence[SkmUnit]) -> list[list[pdf.Cell]]:
    return [[u.name, u.respondents, u.population, u.sample_needed, _ikm(u.ikm), u.mutu or "–"] for u in units]


def _hasil(figures: SkmFigures) -> list[Flowable]:
    overall = figures.overall
    story: list[Flowable] = [_heading("Bab III Hasil"), _sub("A. Profil responden")]
    fields = (("gender", "Jenis kelamin"), ("education", "Pendidikan"), ("occupation", "Pekerjaan"),
              ("age", "Umur"))
    rows: list[list[pdf.Cell]] = []
    for field, title in fields:
        rows += [[title, p.label, p.count] for p in figures.profile if p.field == field]
    story.append(pdf.table(["Profil", "Jawaban", "Responden"], rows, widths=[110, 200, 80]))
    story.append(_sub("B. Nilai per unsur"))
    if overall.unsur:
        story.append(pdf.table(["Unsur", "Jumlah nilai", "Jawaban", "NRR", "NRR × 25", "Mutu"],
                               unsur_rows(overall.unsur) +
                               [["IKM", None, overall.respondents, None, _ikm(overall.ikm), overall.mutu or "–"]],
                               widths=[170, 65, 55, 55, 65, 40], numeric={1, 2, 3, 4}))
        story.append(Spacer(1, 8))
        story.append(unsur_chart(overall.unsur))
    else:
        story.append(_para("Belum ada jawaban dalam periode ini."))
    story.append(_sub("C. Per unit pelayanan"))
    for attribute, title in UNIT_TITLES:
        units: Sequence[SkmUnit] = getattr(figures, attribute)
        if not units:
            continue
        story.append(Paragraph(pdf.text(title), pdf.styles().body))
        story.append(pdf.table(["Unit", "Responden n", "Dilayani N", "Sampel S", "IKM", "Mutu"],
                               _unit_rows(units), widths=[150, 82, 70, 62, 52, 40], numeric={1, 2, 3, 4}))
        story.append(Spacer(1, 6))
    return story


def _analisis(figures: SkmFigures) -> list[Flowable]:
    story: list[Flowable] = [_heading("Bab IV Analisis")]
    unsur = weakest_first(figures.overall.unsur)
    if not unsur:
        return [*story, _para("Tanpa jawaban, tidak ada yang dapat dianalisis.")]
    story.append(_para("Unsur diurutkan dari nilai terendah: yang teratas paling perlu diperbaiki."))
    story.append(pdf.table(["Peringkat", "Unsur", "NRR", "NRR × 25", "Mutu"],
                           [[i, u.name, pdf.number(u.nrr, 4), pdf.number(u.index, 2), u.mutu]
                            for i, u in enumerate(unsur, start=1)], widths=[62, 200, 60, 65, 40], numeric={0, 2, 3}))
    weakest, strongest = unsur[0], unsur[-1]
    story.append(_para(f"Unsur terlemah: {weakest.name} (NRR {pdf.number(weakest.nrr, 4)}, mutu {weakest.mutu}). "
                       f"Unsur terkuat: {strongest.name} (NRR {pdf.number(strongest.nrr, 4)}, mutu "
                       f"{strongest.mutu})."))
    if figures.comments:
        services = {u.id: u.name for u in figures.services}
        story.append(_sub("Kritik dan saran responden"))
        story.append(pdf.table(["Tanggal", "Layanan", "Kritik dan saran"],
                               [[c.service_date.isoformat(), services.get(c.service_id, c.service_id), c.text]
                                for c in figures.comments], widths=[62, 110, 303], numeric=set()))
    return story


def _action_rows(actions: Sequence[SkmAction]) -> list[list[pdf.Cell]]:
    names = {q.unsur.value: q.name_id for q in QUESTIONNAIRE}
    return [[names.get(a.unsur, a.unsur), a.what, a.who, a.due.isoformat(), STATUS_WORDS.get(a.status, a.status),
             a.evidence or "–"] for a in actions]


ACTION_HEADER = ["Unsur", "Kegiatan", "Penanggung jawab", "Tenggat", "Status", "Bukti"]
ACTION_WIDTHS = [75, 135, 72, 62, 55, 76]


def _tindak_lanjut(figures: SkmFigures) -> list[Flowable]:
    story: list[Flowable] = [_heading("Bab V Tindak Lanjut"), _sub("A. Tindak lanjut SKM sebelumnya")]
    if figures.previous_actions:
        first = figures.previous_actions[0]
        done = sum(1 for a in figures.previous_actions if a.status == "done")
        story.append(_para(f"Rencana tindak lanjut SKM periode {first.period_from:%d-%m-%Y} s.d. "
                           f"{first.period_to:%d-%m-%Y}: {done} dari {len(figures.previous_actions)} selesai."))
        story.append(pdf.table(ACTION_HEADER, _action_rows(figures.previous_actions), widths=ACTION_WIDTHS,
                               numeric=set()))
    else:
        story.append(_para("Belum ada rencana tindak lanjut dari periode sebelumnya."))
    story.append(_sub("B. Rencana tindak lanjut periode ini"))
    if figures.actions:
        story.append(pdf.table(ACTION_HEADER, _action_rows(figures.actions), widths=ACTION_WIDTHS, numeric=set()))
    else:
        story.append(_para("Belum ada rencana tindak lanjut untuk periode ini."))
    return story


def _penutup(figures: SkmFigures, period: Period) -> list[Flowable]:
    overall = figures.overall
    if overall.ikm is None:
        summary = f"Dalam {period.label()} belum ada jawaban survei."
    else:
        weakest = weakest_first(overall.unsur)[0]
        summary = (f"IKM {overall.name} {period.label()} adalah {_ikm(overall.ikm)}, mutu pelayanan "
                   f"{_mutu_words(overall.mutu)}, dari {n_of_s(overall)}. Perbaikan diutamakan pada unsur "
                   f"{weakest.name}.")
    return [_heading("Bab VI Penutup"), _para(summary),
            _para("Hasil ini diumumkan kepada masyarakat dan rencana tindak lanjutnya dipantau hingga selesai.")]
