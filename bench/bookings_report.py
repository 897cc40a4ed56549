"""The queue report's bookings section over a month of bookings: 60,000 bookings (default) over the demo
catalog's services and the month's weekdays, every status, made up to two weeks ahead, written straight to a
SQLite file (or the --database given). Prints the section's time (median and slowest of 7 reads: the one
statement and the counting here) and the whole queue report's with and without it, against the budget (the
section ≤ 1 s for a month). With --png, the first page of Disdukcapil's report of the month (no tickets in
this bench, so its bookings' chapter) goes to docs/screenshots/report-queue-bookings.png.
Run: .venv/bin/python bench/bookings_report.py [--bookings 60000] [--month 2026-11] [--database URL] [--png]
"""

from __future__ import annotations

import argparse
import calendar
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.demo_catalog import unlimited_catalog

if TYPE_CHECKING:
    from core.wire import QueueReport
    from server.app import Services

BUDGET_S = 1.0
PNG = "report-queue-bookings.png"
RUNS = 7
ZONE = ZoneInfo("Asia/Jakarta")
STATUSES = [("checked_in", 70), ("no_show", 12), ("cancelled", 10), ("booked", 8)]


def fill(services: Services, bookings: int, month: date) -> None:
    """``bookings`` rows over the month's weekdays, inserted in batches (no engine: this is about the report)."""
    from sqlalchemy import insert

    from server.db import bookings as table

    db = services.db
    cat = services.engine.catalog()
    rng = random.Random(17)
    days = [d for d in (month.replace(day=i) for i in range(1, calendar.monthrange(month.year, month.month)[1] + 1))
            if d.weekday() < 5]
    service_ids = list(cat.services)
    statuses, weights = [s for s, _ in STATUSES], [w for _, w in STATUSES]
    rows = []
    for n in range(bookings):
        day = days[n % len(days)]
        slot = datetime(day.year, day.month, day.day, 8 + rng.randrange(7), rng.choice((0, 30)), tzinfo=ZONE)
        made = slot - timedelta(minutes=rng.uniform(30, 14 * 24 * 60))
        rows.append({"code": f"{n:09d}", "token": secrets.token_hex(16), "service_id": rng.choice(service_ids),
                     "service_date": day.isoformat(), "slot_start": slot.astimezone(UTC),
                     "slot_end": (slot + timedelta(minutes=30)).astimezone(UTC), "nik_hash": f"{n:064x}",
                     "nik_last4": f"{n % 10_000:04d}", "phone": None, "language": "id", "consent_at": None,
                     "status": rng.choices(statuses, weights)[0], "made_at": made.astimezone(UTC), "made_by": "web"})
        if len(rows) == 5000:
            with db.write() as conn:
                conn.execute(insert(table), rows)
            rows = []
    if rows:
        with db.write() as conn:
            conn.execute(insert(table), rows)


def timed(read: Callable[[], object], runs: int = RUNS) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        read()
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=60_000)
    parser.add_argument("--month", default="2026-11", help="YYYY-MM")
    parser.add_argument("--database", default=None, help="a database URL (default: a new SQLite file)")
    parser.add_argument("--png", action="store_true", help="write the chapter's page to docs/screenshots/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-bookings-") as folder:
        return run(args, Path(folder))


def run(args: argparse.Namespace, work: Path) -> int:
    from server.app import build_services
    from server.catalog import load_catalog_file
    from server.reports.bookings import bookings_report
    from server.reports.period import checked
    from server.reports.queue import queue_report
    from server.settings import ServerSettings

    month = date.fromisoformat(args.month + "-01")
    period = checked(month, month.replace(day=calendar.monthrange(month.year, month.month)[1]))
    url = args.database or f"sqlite:///{work / 'bookings.sqlite3'}"
    services = build_services(ServerSettings(database_url=url, secret_file=work / "secret.key"))
    catalog = unlimited_catalog(work / "catalog.toml")
    services.engine.import_catalog(load_catalog_file(catalog), str(catalog))
    start = time.perf_counter()
    fill(services, args.bookings, month)
    print(f"{args.bookings:,} bookings in {month:%B %Y} written in {time.perf_counter() - start:.1f} s ({url})")
    print(f"machine load (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    db, cat = services.db, services.engine.catalog()

    def section() -> None:
        with db.read() as conn:
            bookings_report(conn, cat, period, None, cat.site.name, db.is_sqlite)

    alone = timed(section)
    whole = timed(lambda: queue_report(db, cat, period))
    with db.read() as conn:
        made = bookings_report(conn, cat, period, None, cat.site.name, db.is_sqlite)
    total = made.total if made else None
    print(f"the bookings section of the month: median {statistics.median(alone) * 1000:.0f} ms, slowest "
          f"{max(alone) * 1000:.0f} ms of {RUNS}  budget {BUDGET_S * 1000:.0f} ms: "
          f"{'ok' if max(alone) <= BUDGET_S else 'OVER'}")
    print(f"the whole queue report (no tickets, these bookings): median {statistics.median(whole) * 1000:.0f} ms")
    if total:
        print(f"counted: {total.made:,} made = {total.checked_in:,} checked in + {total.no_show:,} no-show + "
              f"{total.cancelled:,} cancelled + {total.booked:,} booked; lead median {total.lead_median_hours} h, "
              f"mean {total.lead_mean_hours} h")
    if args.png:
        write_png(queue_report(db, cat, period, "disdukcapil"), ROOT / "docs" / "screenshots" / PNG)
    services.db.dispose()
    return 0 if max(alone) <= BUDGET_S else 1


def write_png(report: QueueReport, out: Path) -> None:
    import pypdfium2

    from server.reports.formats import FileFormat
    from server.reports.queue_files import render

    document = pypdfium2.PdfDocument(render(report, FileFormat.PDF, "Dibuat oleh bench/bookings_report.py"))
    document[0].render(scale=1.4).to_pil().save(out)
    document.close()
    print(out)


if __name__ == "__main__":
    sys.exit(main())
