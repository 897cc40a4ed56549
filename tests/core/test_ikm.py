"""The IKM of PermenPANRB 14/2017 exactly (core/ikm.py): NRR, the exact ninth, half-up rounding at the end,
the mutu bands at their edges, and the Krejcie–Morgan sample size against the published table.

Band-edge cases are built backwards from the figure wanted: the IKM of n respondents whose nine unsur
scores add up to T is 25·T ÷ (9n), so 88,30 is 250 respondents with T = 7947 (25·7947 ÷ 2250 = 88,30).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from core.ikm import (
    UNSUR_COUNT,
    Mutu,
    UnsurTotal,
    ikm,
    ikm_of_totals,
    krejcie_morgan,
    mutu,
    nrr,
    two_decimals,
    unsur_index,
)


def spread(respondents: int, grand_total: int) -> list[UnsurTotal]:
    """Nine unsur answered by every respondent, their scores adding up to grand_total, as evenly as can be."""
    base, extra = divmod(grand_total, UNSUR_COUNT)
    return [UnsurTotal(base + (1 if i < extra else 0), respondents) for i in range(UNSUR_COUNT)]


def shown_ikm(respondents: int, grand_total: int) -> Decimal:
    return two_decimals(ikm_of_totals(spread(respondents, grand_total)))


def test_a_published_worked_example_is_reproduced_and_its_rounding_slip_is_not() -> None:
    """A worked example published with the GASPUL SKM app (github.com/rennn9/GASPUL_BACKEND,
    rumus_perhitungan_ikm_lengkap.md, "Tabel perhitungan lengkap Triwulan III", after PermenPANRB 14/2017):
    29 respondents, unsur sums U1..U9 = 105, 101, 100, 116, 102, 105, 106, 105, 115 (955 in all), NRR
    3,6207; 3,4828; 3,4483; 4,0000; 3,5172; 3,6207; 3,6552; 3,6207; 3,9655, and IKM = 955 ÷ (29 × 9) × 25
    = 91,48 (A). The same page's "metode tertimbang" with the weight rounded to 0,1111 and four-decimal
    steps arrives at 90,56 instead: the slip the exact ninth avoids.
    """
    sums = (105, 101, 100, 116, 102, 105, 106, 105, 115)
    totals = [UnsurTotal(score_sum, 29) for score_sum in sums]
    published_nrr = ("3.6207", "3.4828", "3.4483", "4.0000", "3.5172", "3.6207", "3.6552", "3.6207", "3.9655")
    for total, published in zip(totals, published_nrr, strict=True):
        exact = nrr(total)
        assert Decimal(exact.numerator) / Decimal(exact.denominator) == pytest.approx(Decimal(published),
                                                                                        abs=Decimal("0.00005"))
    value = ikm_of_totals(totals)
    assert value == Fraction(955 * 25, 29 * 9)
    assert two_decimals(value) == Decimal("91.48")
    assert mutu(value) is Mutu.A
    rounded_steps = sum(Decimal(published) * Decimal("0.1111") for published in published_nrr) * 25
    assert rounded_steps.quantize(Decimal("0.01")) != two_decimals(value)


def test_all_ones_is_25_and_all_fours_is_100() -> None:
    assert two_decimals(ikm_of_totals([UnsurTotal(7, 7)] * UNSUR_COUNT)) == Decimal("25.00")
    assert mutu(ikm_of_totals([UnsurTotal(7, 7)] * UNSUR_COUNT)) is Mutu.D
    assert two_decimals(ikm_of_totals([UnsurTotal(28, 7)] * UNSUR_COUNT)) == Decimal("100.00")
    assert mutu(ikm_of_totals([UnsurTotal(28, 7)] * UNSUR_COUNT)) is Mutu.A


def test_the_weight_is_the_exact_ninth_not_0_11() -> None:
    """With 0.11 for 1/9 every answer 4 gives 99.00, not 100.00; thirds show it too."""
    all_fours = [Fraction(4)] * UNSUR_COUNT
    assert sum(value * Fraction("0.11") for value in all_fours) * 25 == 99
    assert ikm(all_fours) == 100
    thirds = [Fraction(10, 3)] * UNSUR_COUNT
    assert two_decimals(ikm(thirds)) == Decimal("83.33")


def test_no_rounding_before_the_end() -> None:
    """NRR 10/3 on every unsur: rounded to 3,33 first, the IKM would read 83,25 instead of 83,33; and
    NRR 3,535 rounded to 3,54 before × 25 would read 88,50 instead of 88,38."""
    thirds = spread(3, 10 * UNSUR_COUNT)
    assert two_decimals(ikm_of_totals(thirds)) == Decimal("83.33")
    assert Decimal("3.33") * 25 == Decimal("83.25")
    near = [UnsurTotal(707, 200)] * UNSUR_COUNT  # 3,535 each
    assert two_decimals(ikm_of_totals(near)) == Decimal("88.38")
    assert two_decimals(unsur_index(nrr(UnsurTotal(707, 200)))) == Decimal("88.38")


@pytest.mark.parametrize(("respondents", "grand_total", "shown", "band"), [
    (250, 7947, "88.30", Mutu.B),       # 25·7947/2250 = 88,30 exactly
    (2500, 79479, "88.31", Mutu.A),     # 88,31 exactly
    (5000, 158949, "88.31", Mutu.A),    # 88,305 exactly: half up to 88,31
    (10000, 317897, "88.30", Mutu.B),   # 88,3047…: 88,30
    (250, 6894, "76.60", Mutu.C),       # 76,60
    (2500, 68949, "76.61", Mutu.B),     # 76,61
    (5000, 137889, "76.61", Mutu.B),    # 76,605 exactly: half up to 76,61
    (10000, 275777, "76.60", Mutu.C),   # 76,6047…: 76,60
], ids=["88.30", "88.31", "88.305", "88.3047", "76.60", "76.61", "76.605", "76.6047"])
def test_overall_band_edges(respondents: int, grand_total: int, shown: str, band: Mutu) -> None:
    value = ikm_of_totals(spread(respondents, grand_total))
    assert two_decimals(value) == Decimal(shown)
    assert mutu(value) is band


def test_overall_c_and_d_edge() -> None:
    """65,00 is C (n = 5, T = 117: 25·117/45); 64,99 is D (n = 2500, T = 58491)."""
    assert shown_ikm(5, 117) == Decimal("65.00")
    assert mutu(ikm_of_totals(spread(5, 117))) is Mutu.C
    assert shown_ikm(2500, 58491) == Decimal("64.99")
    assert mutu(ikm_of_totals(spread(2500, 58491))) is Mutu.D


@pytest.mark.parametrize(("score_sum", "answers", "shown", "band"), [
    (883, 250, "88.30", Mutu.B),        # NRR 3,532
    (8831, 2500, "88.31", Mutu.A),      # NRR 3,5324
    (17661, 5000, "88.31", Mutu.A),     # NRR 3,5322: 88,305 half up
    (766, 250, "76.60", Mutu.C),        # NRR 3,064
    (7661, 2500, "76.61", Mutu.B),
    (13, 5, "65.00", Mutu.C),           # NRR 2,6
    (6499, 2500, "64.99", Mutu.D),
    (1, 1, "25.00", Mutu.D),
    (4, 1, "100.00", Mutu.A),
])
def test_unsur_band_edges(score_sum: int, answers: int, shown: str, band: Mutu) -> None:
    value = unsur_index(nrr(UnsurTotal(score_sum, answers)))
    assert two_decimals(value) == Decimal(shown)
    assert mutu(value) is band


def test_two_decimals_rounds_half_up_once() -> None:
    assert two_decimals(Fraction(88305, 1000)) == Decimal("88.31")
    assert two_decimals(Fraction(88304999, 1000000)) == Decimal("88.30")
    assert two_decimals(Fraction(7661, 100)) == Decimal("76.61")
    assert two_decimals(Fraction(1, 200)) == Decimal("0.01")


def test_nrr_is_exact() -> None:
    assert nrr(UnsurTotal(100, 29)) == Fraction(100, 29)
    assert nrr(UnsurTotal(1, 1)) == 1
    assert nrr(UnsurTotal(4, 1)) == 4


def test_impossible_figures_are_refused() -> None:
    with pytest.raises(ValueError, match="^an unsur with no answers has no NRR$"):
        nrr(UnsurTotal(0, 0))
    with pytest.raises(ValueError, match="^scores are 1..4: a sum of 5 over 1 answers is not$"):
        nrr(UnsurTotal(5, 1))
    with pytest.raises(ValueError, match="scores are 1..4: a sum of 0 over 2"):
        nrr(UnsurTotal(0, 2))
    with pytest.raises(ValueError, match="^the IKM needs all 9 unsur, got 8$"):
        ikm([Fraction(3)] * 8)
    with pytest.raises(ValueError, match=r"^an index is 25.00..100.00, not 24.99$"):
        mutu(Fraction(2499, 100))
    with pytest.raises(ValueError, match=r"^an index is 25.00..100.00, not 100.01$"):
        mutu(Fraction(10001, 100))
    with pytest.raises(ValueError, match="^a population is never negative$"):
        krejcie_morgan(-1)


@pytest.mark.parametrize(("population", "sample"), [
    # Krejcie & Morgan (1970), "Determining sample size for research activities", Educational and
    # Psychological Measurement 30, 607-610, Table 1 (as reproduced at studylib.net/doc/25399219 and in
    # the article's own example N = 9000 → 368), each pair checked against the table:
    (10, 10), (15, 14), (20, 19), (50, 44), (100, 80), (110, 86), (220, 140), (500, 217),
    (1200, 291), (1300, 297), (1400, 302), (1500, 306), (2800, 338), (9000, 368),
])
def test_krejcie_morgan_matches_the_published_table(population: int, sample: int) -> None:
    assert krejcie_morgan(population) == sample


def test_krejcie_morgan_formula_edges() -> None:
    """No population, no sample; one visitor, one respondent; the formula levels off at 384."""
    assert krejcie_morgan(0) == 0
    assert krejcie_morgan(1) == 1
    assert krejcie_morgan(1000) == 278
    assert krejcie_morgan(10_000) == 370
    assert krejcie_morgan(1_000_000) == 384


def test_krejcie_morgan_uses_the_article_s_chi_square_3_841() -> None:
    """The article writes χ² = 3.841 (not 1.96² = 3.8416). By hand, N = 255:
    3.841 · 255 · 0.25 = 244.86375; 0.0025 · 254 + 3.841 · 0.25 = 1.59525; 244.86375 / 1.59525 = 153.496…
    → 153 (with 3.8416 it would be 153.505… → 154)."""
    assert krejcie_morgan(255) == 153
