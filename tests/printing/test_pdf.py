"""PDF receipts: readable text, fonts embedded, a page exactly as wide as the paper roll."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from printing.pdf_render import render_pdf
from printing.receipt import build_receipt


@pytest.mark.parametrize("paper_mm", [80, 58])
def test_pdf_holds_the_ticket_on_a_paper_wide_page(ticket, branding, paper_mm):
    pdf = render_pdf(build_receipt(ticket, branding, "id"), paper_mm)
    reader = PdfReader(io.BytesIO(pdf.data))
    [page] = reader.pages
    assert float(page.mediabox.width) == pytest.approx(paper_mm * mm, abs=0.01)
    assert float(page.mediabox.height) == pytest.approx(pdf.height_mm * mm, abs=0.01)
    words = " ".join(page.extract_text().split())
    for expected in ("A-001", "Perekaman KTP-el", "23-11-2026 08.15 WIB", "Pindai untuk cek status"):
        assert expected in words


def test_pdf_fonts_are_embedded(ticket, branding):
    reader = PdfReader(io.BytesIO(render_pdf(build_receipt(ticket, branding)).data))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [font.get_object()["/FontDescriptor"].get_object() for font in fonts.values()]
    assert descriptors and all("/FontFile2" in d for d in descriptors)
    assert {font.get_object()["/BaseFont"].split("+")[-1] for font in fonts.values()} == {
        "BitstreamVeraSans-Roman", "BitstreamVeraSans-Bold"}


def test_pdf_in_english(ticket, branding):
    pdf = render_pdf(build_receipt(ticket, branding, "en"), 80)
    text = " ".join(PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text().split())
    assert "QUEUE NUMBER" in text and "23-11-2026 08:15 WIB" in text


def test_other_widths_are_refused(ticket, branding):
    with pytest.raises(ValueError):
        render_pdf(build_receipt(ticket, branding), 76)
