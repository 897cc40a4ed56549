"""The SKM's periods: any span of service days, with the semester and the year first, as MPPs report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    """Service days ``first`` to ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"a period ends on or after its first day, not {self.last} before {self.first}")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def label(self, lang: str = "id") -> str:
        """"Semester I 2026", "Tahun 2026" ("Year 2026") for a preset, else "2026-01-05 s.d. 2026-03-31"."""
        if self == year(self.first.year):
            return f"{'Year' if lang == 'en' else 'Tahun'} {self.first.year}"
        for half in (1, 2):
            if self == semester(self.first.year, half):
                return f"Semester {'I' * half} {self.first.year}"
        return f"{self.first.isoformat()} {'to' if lang == 'en' else 's.d.'} {self.last.isoformat()}"


def semester(year_number: int, half: int) -> Period:
    """Semester I is January to June, semester II July to December."""
    if half == 1:
        return Period(date(year_number, 1, 1), date(year_number, 6, 30))
    if half == 2:
        return Period(date(year_number, 7, 1), date(year_number, 12, 31))
    raise ValueError(f"a year has semesters 1 and 2, not {half}")


def year(year_number: int) -> Period:
    return Period(date(year_number, 1, 1), date(year_number, 12, 31))


def semester_of(day: date) -> Period:
    return semester(day.year, 1 if day.month <= 6 else 2)


def previous_semester(period: Period) -> Period:
    """The semester before the one ``period`` starts in."""
    return semester_of(semester_of(period.first).first - timedelta(days=1))
