"""Booking rules of a service and the pure arithmetic on them: the slots of a day, the share of the
quota that may be booked, the check-in window and the ISO week the per-NIK limit counts in. No server
import and no clock, so every edge is tested with plain values."""

from __future__ import annotations

from dataclasses import dataclass

# The ranges a catalog may set (server/catalog.py checks them with a reason in both languages).
SLOT_MINUTES = (5, 240)
PER_SLOT = (1, 500)
DAYS_AHEAD = (1, 90)
WALK_IN_PERCENT = (0, 100)
EARLY_MINUTES = (0, 240)
LATE_MINUTES = (0, 240)
PER_NIK_DAY = (1, 50)
PER_NIK_WEEK = (1, 100)


@dataclass(frozen=True)
class BookingRules:
    """How a service takes bookings: slots of ``slot_minutes`` with ``per_slot`` places each, up to
    ``days_ahead`` days ahead; ``walk_in_percent`` of the daily quota kept for walk-ins (no quota, no
    reserve); check-in from ``early_minutes`` before the slot to ``late_minutes`` after its start; at
    most ``per_nik_day`` bookings of the service a day and ``per_nik_week`` in an ISO week per NIK."""

    slot_minutes: int
    per_slot: int
    days_ahead: int
    walk_in_percent: int
    early_minutes: int = 60
    late_minutes: int = 15
    per_nik_day: int = 1
    per_nik_week: int = 2
