"""The Indeks Kepuasan Masyarakat of PermenPANRB 14/2017, exactly, and the Krejcie–Morgan sample size.

Everything stays a Fraction until the end: NRR per unsur is the sum of its scores over their count, the
IKM is Σ NRR × 1/9 × 25 with the exact ninth (never 0.111), and only the figure shown is rounded, to two
decimals half up, as the regulation's tables read. The mutu band is decided by that two-decimal figure,
so what the report prints and the band it names always agree.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

UNSUR_COUNT = 9
# Lampiran II: each of the nine unsur weighs the same, 1/9 exactly.
WEIGHT = Fraction(1, UNSUR_COUNT)
# The 1–4 scale times 25 gives the 25–100 "nilai konversi".
CONVERSION = 25
LOWEST_SCORE, HIGHEST_SCORE = 1, 4
TWO_PLACES = Decimal("0.01")


class Mutu(enum.StrEnum):
    """Mutu pelayanan: A sangat baik, B baik, C kurang baik, D tidak baik."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


# Lower edge of each band on the 25–100 scale, as two-decimal figures: A 88,31–100; B 76,61–88,30;
# C 65,00–76,60; below that D, 25,00–64,99.
MUTU_FLOORS: tuple[tuple[Decimal, Mutu], ...] = (
    (Decimal("88.31"), Mutu.A),
    (Decimal("76.61"), Mutu.B),
    (Decimal("65.00"), Mutu.C),
)
LOWEST_INDEX, HIGHEST_INDEX = Decimal("25.00"), Decimal("100.00")


@dataclass(frozen=True)
class UnsurTotal:
    """One unsur's answers in a period: the sum of their scores and how many there are."""

    score_sum: int
    answers: int


def nrr(total: UnsurTotal) -> Fraction:
    """Nilai rata-rata of one unsur: the sum of its scores ÷ the number of answers, exact."""
    if total.answers <= 0:
        raise ValueError("an unsur with no answers has no NRR")
    value = Fraction(total.score_sum, total.answers)
    if not LOWEST_SCORE <= value <= HIGHEST_SCORE:
        raise ValueError(f"scores are {LOWEST_SCORE}..{HIGHEST_SCORE}: a sum of {total.score_sum} "
                         f"over {total.answers} answers is not")
    return value


def unsur_index(value: Fraction) -> Fraction:
    """One unsur's NRR on the 25–100 scale (NRR × 25), to set beside the IKM and give its mutu."""
    return value * CONVERSION


def ikm(nrrs: Sequence[Fraction]) -> Fraction:
    """The unit's IKM (its "nilai konversi"): Σ(NRR × 1/9) × 25 over the nine unsur, exact."""
    if len(nrrs) != UNSUR_COUNT:
        raise ValueError(f"the IKM needs all {UNSUR_COUNT} unsur, got {len(nrrs)}")
    return sum((value * WEIGHT for value in nrrs), Fraction(0)) * CONVERSION


def ikm_of_totals(totals: Sequence[UnsurTotal]) -> Fraction:
    """The IKM straight from the nine unsur's sums and counts."""
    return ikm([nrr(total) for total in totals])


def two_decimals(value: Fraction) -> Decimal:
    """The figure shown: two decimals, half up (88,305 → 88,31), rounded once, at the end."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def mutu(value: Fraction) -> Mutu:
    """The mutu band of a 25–100 figure (the IKM or an unsur's NRR × 25), by its two-decimal value."""
    shown = two_decimals(value)
    if not LOWEST_INDEX <= shown <= HIGHEST_INDEX:
        raise ValueError(f"an index is {LOWEST_INDEX}..{HIGHEST_INDEX}, not {shown}")
    for floor, band in MUTU_FLOORS:
        if shown >= floor:
            return band
    return Mutu.D


# Krejcie & Morgan (1970): χ² for one degree of freedom at 95 % (3.841), P = 0.5 for the largest
# sample, d = 0.05 the accuracy.
CHI_SQUARE = Fraction("3.841")
PROPORTION = Fraction(1, 2)
ACCURACY = Fraction(1, 20)


def krejcie_morgan(population: int) -> int:
    """Respondents needed for a population of N: χ²NP(1−P) ÷ (d²(N−1) + χ²P(1−P)), rounded half up."""
    if population < 0:
        raise ValueError("a population is never negative")
    if population == 0:
        return 0
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    needed = spread * population / (ACCURACY * ACCURACY * (population - 1) + spread)
    return math.floor(needed + Fraction(1, 2))
