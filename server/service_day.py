"""The site's service day: the clock's local date, but a new date counts only once it has held
for a few minutes, so a clock that shows another day for a moment (an NTP step, a bad RTC) can
neither end the day's queue nor number a ticket on the wrong day.

The rules, in full:
- While the clock shows a date other than the service day and that date has not yet held for
  ``HOLD`` by the clock's own readings, the day is *unsettled*: everything keeps working on the
  service day (calls, look-ups, reports, the board), but issuing a ticket is refused with 503
  ``clock_unsettled``; the kiosk's retry with the same Idempotency-Key gets the ticket once the
  clock agrees again. A reading that shows the service day again ends the doubt at once.
- A date that has held for ``HOLD`` becomes the service day (forward or back).
- Earlier days' unserved tickets expire only once the service day has itself held for ``HOLD``.
- A process's first reading is believed (a morning start numbers its tickets at once), unless it
  is earlier than the newest day on file: a clock behind the records waits like any other change.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

log = logging.getLogger(__name__)
HOLD = timedelta(minutes=5)


@dataclass(frozen=True)
class DayReading:
    day: date                    # the service day tickets are numbered on and queues are kept by
    settled: bool                # False while the clock shows another date that has not held yet
    expire_before: date | None   # earlier days' open tickets may expire; None: not yet


class ServiceDay:
    def __init__(self, newest_on_file: Callable[[], date | None], hold: timedelta = HOLD) -> None:
        self._newest_on_file = newest_on_file
        self.hold = hold
        self._lock = threading.Lock()
        self._day: date | None = None
        self._day_since: datetime | None = None                 # the clock's first reading of _day
        self._candidate: tuple[date, datetime] | None = None     # another date and when it was first seen

    def observe(self, local_now: datetime) -> DayReading:
        """Take in one reading of the site's local clock; the service day after it."""
        seen = local_now.date()
        with self._lock:
            if self._day is None:
                self._first_reading(seen, local_now)
            elif seen == self._day:
                if self._candidate is not None:
                    log.warning("the clock is back on %s after showing %s: nothing changed",
                                seen, self._candidate[0])
                self._candidate = None
            elif self._candidate is None or self._candidate[0] != seen:
                log.warning("the clock shows %s but the service day is %s: tickets wait until the "
                            "new date has held for %s", seen, self._day, self.hold)
                self._candidate = (seen, local_now)
            elif local_now - self._candidate[1] >= self.hold:
                log.warning("the service day is now %s (was %s)", seen, self._day)
                self._day, self._day_since = self._candidate
                self._candidate = None
            day, since = self._day, self._day_since
            assert day is not None and since is not None, "set by the first reading"
            held = local_now - since >= self.hold
            return DayReading(day, self._candidate is None, day if held else None)

    def _first_reading(self, seen: date, local_now: datetime) -> None:
        newest = self._newest_on_file()
        if newest is not None and seen < newest:
            log.warning("the clock shows %s, earlier than tickets on file (%s): keeping %s until it "
                        "has held for %s", seen, newest, newest, self.hold)
            self._day, self._day_since = newest, local_now
            self._candidate = (seen, local_now)
        else:
            self._day, self._day_since = seen, local_now
