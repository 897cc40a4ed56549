"""The shared report frame: fonts embedded, header and footer on every page, a table's header
repeated on each page with numbers right aligned, and one chart code for the PDF and the console."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from server.reports import pdf

FRAME = pdf.Frame(site="MPP Kabupaten Serang", title="Laporan Antrean", period="Desember 2026",
                  made="Dibuat 2026-12-02 14:05 WIB")


def long_table_pdf() -> bytes:
    st = pdf.styles()
    rows = [[f"Layanan {i} — Pengurusan KTP-el", i * 3, i * 1.25] for i in range(120)]
    return pdf.render(FRAME, [Paragraph("Ringkasan pelayanan: ½ é ñ", st.title),
                              pdf.table(["Layanan", "Diterbitkan", "Tunggu (menit)"], rows),
                              pdf.hourly_chart({8: 12, 9: 40, 10: 33}, "Tiket per jam")])


def embedded_fonts(reader: PdfReader) -> list[tuple[str, bool]]:
    """Each font a page uses: its name and whether its file is inside the PDF."""
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found.append((str(font["/BaseFont"]),
                          any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))))
    return found


def test_every_font_is_embedded_and_is_the_registered_ttf():
    reader = PdfReader(io.BytesIO(long_table_pdf()))
    fonts = embedded_fonts(reader)
    assert fonts, "no fonts found"
    assert all(embedded for _, embedded in fonts), fonts
    # No standard 14 font (Helvetica…), which a viewer would have to substitute.
    assert not [name for name, _ in fonts if "Helvetica" in name or "Times" in name], fonts


def test_each_page_has_the_frame_and_the_table_header_again():
    reader = PdfReader(io.BytesIO(long_table_pdf()))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 3
    for number, page_text in enumerate(pages, start=1):
        assert "MPP Kabupaten Serang" in page_text
        assert "Laporan Antrean · Desember 2026" in page_text
        assert f"Halaman {number} dari {len(pages)}" in page_text
        if "Pengurusan KTP-el" in page_text:  # a page of the table starts with its header again
            assert "Layanan\n Diterbitkan\n Tunggu (menit)\n" in page_text  # numbers right aligned
    assert "½ é ñ" in pages[0]
    assert "Layanan 119 — Pengurusan KTP-el" in "".join(pages)
    assert "148,8" in "".join(pages)  # 119 × 1.25 = 148.75, rounded half up once, Indonesian comma


def test_numbers_are_right_aligned_and_text_left():
    table = pdf.table(["Layanan", "n"], [["A", 1], ["B", 22]])
    left, right = table._cellvalues[1]
    assert left.style.alignment == 0 and right.style.alignment == 2  # TA_LEFT, TA_RIGHT


def test_numbers_as_indonesian_writes_them():
    assert pdf.number(1234567) == "1.234.567"
    assert pdf.number(1234.25) == "1.234,3"
    assert pdf.number(0.05, 1) == "0,1"  # half up, not to even
    assert pdf.number(None) == "–"


def test_one_chart_code_gives_the_pdf_and_the_page_its_svg():
    chart = pdf.bar_chart(["Disdukcapil", "=BPJS <Kesehatan>"], [120, 45.5], "Dilayani")
    svg = pdf.svg(chart, "Dilayani per layanan")
    assert svg.startswith("<svg ") and "<?xml" not in svg and "DOCTYPE" not in svg
    assert "<title>Dilayani per layanan</title>" in svg
    assert "Disdukcapil" in svg and "=BPJS &lt;Kesehatan&gt;" in svg and "45,5" in svg
    assert "style=" not in svg  # the console's CSP allows no inline styles
    assert 'font-family="DejaVu Sans' in svg
    document = pdf.render(FRAME, [chart])
    assert "Disdukcapil" in PdfReader(io.BytesIO(document)).pages[0].extract_text()


def test_the_hourly_chart_spans_the_hours_between_busy_ones():
    svg = pdf.svg(pdf.hourly_chart({8: 3, 11: 1}))
    for hour in ("08", "09", "10", "11"):
        assert f">{hour}<" in svg
    assert ">12<" not in svg


def test_a_scale_s_own_end_is_kept_and_counts_get_a_round_one():
    assert pdf.bar_chart(["Persyaratan"], [3.2], value_max=4).contents[0].valueAxis.valueMax == 4
    assert pdf.bar_chart(["KTP"], [120]).contents[0].valueAxis.valueMax == 150
    assert pdf.hourly_chart({9: 37}).contents[0].valueAxis.valueMax == 45
    assert pdf.hourly_chart({9: 3}).contents[0].valueAxis.valueMax == 4
