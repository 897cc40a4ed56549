"""A report's period: service days (site-local dates), both ends included, at most a year and a day
long; a day, a calendar month, a semester or a year named by its first day."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from core.wire import ErrorCode
from server.errors import ApiError

MOST_DAYS = 366


@dataclass(frozen=True)
class Period:
    date_from: date
    date_to: date

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def label(self) -> str:
        """As a report's header names it: "2026-12-01", "Desember 2026", "2026-12-01 – 2026-12-15"."""
        if self.date_from == self.date_to:
            return self.date_from.isoformat()
        if self == month_of(self.date_from):
            return f"{MONTHS[self.date_from.month - 1]} {self.date_from.year}"
        return f"{self.date_from.isoformat()} – {self.date_to.isoformat()}"


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def checked(date_from: date, date_to: date) -> Period:
    """The period, or the refusal a reversed or too long one gets (nothing is read for it)."""
    if date_to < date_from:
        raise ApiError(422, ErrorCode.REPORT_PERIOD_REVERSED, "The period ends before it starts.",
                       date_from=date_from.isoformat(), date_to=date_to.isoformat())
    period = Period(date_from, date_to)
    if period.days > MOST_DAYS:
        raise ApiError(422, ErrorCode.REPORT_PERIOD_TOO_LONG, f"A report covers at most {MOST_DAYS} days.",
                       days=period.days, most_days=MOST_DAYS)
    return period


def month_of(day: date) -> Period:
    return Period(day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]))


def day_range(period: Period) -> list[date]:
    return [period.date_from + timedelta(days=i) for i in range(period.days)]
