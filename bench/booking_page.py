"""The public booking page (/booking) on a busy catalog: the demo catalog with every service taking bookings 90
days ahead, and --bookings bookings already made over the next weeks. Prints, for each step a citizen walks
(the services with today's quota, a service's 91 days, a day's slots, the form, a booking's page with its QR),
the time to answer (median and p95 over --loads loads, on the real server over loopback HTTP) and the page's
weight, against the budgets: 300 ms at p95 and 100 KB (the whole page: nothing else is fetched).
Run: .venv/bin/python bench/booking_page.py [--bookings 3000] [--loads 30]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import tomllib
from datetime import timedelta
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.demo_catalog import unlimited_catalog
from bench.server import pct
from tests.support.server import LiveServer, live_server

BUDGET = {"p95_ms": 300, "kb": 100}
DAYS_AHEAD = 90
SERVICE = "paspor"


def bookable_catalog(path: Path) -> Path:
    """The demo catalog, every service active with a large quota and taking bookings: 30-minute slots of 20."""
    unlimited_catalog(path)
    doc = tomllib.loads(path.read_text())
    for agency in doc["agencies"]:
        for service in agency["services"]:
            service["booking"] = {"slot_minutes": 30, "per_slot": 20, "days_ahead": DAYS_AHEAD,
                                  "walk_in_percent": 50, "per_nik_day": 1, "per_nik_week": 7}
    path.write_text(tomli_w.dumps(doc))
    return path


def fill(live: LiveServer, count: int) -> str:
    """``count`` bookings over the next weekdays and every service, each by a NIK of its own, made through the
    engine (the page's own path, without HTTP); returns one booking's token."""
    bookings = live.services.engine.bookings
    catalog = live.services.engine.catalog()
    services = list(catalog.services)
    today = live.services.engine.today(catalog)
    token = ""
    made = 0
    n = 0
    while made < count:
        n += 1
        service_id = services[n % len(services)]
        day = today + timedelta(days=1 + n % 30)
        booking_day = bookings.day(service_id, day)
        free = [s.start for s in booking_day.slots if s.left > 0]
        if not free:
            continue
        nik = f"360401150590{n % 10_000:04d}" if n < 10_000 else f"3604011506{n // 10_000:02d}{n % 10_000:04d}"
        token = bookings.make(service_id=service_id, day=day, slot=free[n % len(free)], nik=nik).token
        made += 1
    return token


def measure(live: LiveServer, path: str, loads: int) -> tuple[float, float, int]:
    """Median and p95 milliseconds of ``loads`` loads of ``path``, and its size in bytes."""
    http = live.http
    times = []
    size = 0
    for _ in range(loads):
        started = time.perf_counter()
        r = http.get(live.url + path, timeout=30)
        times.append((time.perf_counter() - started) * 1000)
        assert r.status_code == 200, (path, r.status_code, r.text[:300])
        size = len(r.content)
    return statistics.median(times), pct(times, 95), size


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bookings", type=int, default=3000)
    parser.add_argument("--loads", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        catalog = bookable_catalog(Path(tmp) / "catalog.toml")
        with live_server(Path(tmp), catalog=catalog, booking_attempts=10**6) as live:
            started = time.perf_counter()
            token = fill(live, args.bookings)
            print(f"{args.bookings} bookings made in {time.perf_counter() - started:.1f} s")
            day = live.services.engine.today(live.services.engine.catalog()) + timedelta(days=2)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            slots = live.http.get(f"{live.url}/booking?service={SERVICE}&date={day.isoformat()}", timeout=30).text
            slot = re.search(r"slot=(\d\d%3A\d\d)", slots)
            assert slot, "no free slot on the chosen day"
            steps = {"services": "/booking", "days (91)": f"/booking?service={SERVICE}",
                     "slots": f"/booking?service={SERVICE}&date={day.isoformat()}",
                     "form": f"/booking?service={SERVICE}&date={day.isoformat()}&slot={slot.group(1)}",
                     "booking + QR": f"/booking/{token}"}
            worst = 0.0
            heaviest = 0
            print(f"{'step':<14}{'median ms':>10}{'p95 ms':>9}{'KB':>8}")
            for name, path in steps.items():
                median, p95, size = measure(live, path, args.loads)
                worst, heaviest = max(worst, p95), max(heaviest, size)
                print(f"{name:<14}{median:>10.1f}{p95:>9.1f}{size / 1024:>8.1f}")
    ok = worst <= BUDGET["p95_ms"] and heaviest <= BUDGET["kb"] * 1024
    print(f"budget: p95 <= {BUDGET['p95_ms']} ms, <= {BUDGET['kb']} KB a page: {'met' if ok else 'MISSED'} "
          f"(worst p95 {worst:.1f} ms, heaviest {heaviest / 1024:.1f} KB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
