"""SKM budget: the figures of one year of 100,000 survey responses (IKM of the site and by agency,
service, loket and officer, with each unit's served tickets as its population) in at most 1 s.

A fresh SQLite database (the server's own schema, the demo catalog of MPP Kabupaten Serang) gets a
year of 120,000 served tickets and 100,000 responses spread over its services, lokets and officers;
then the figures are computed from it several times, and the median is the figure. Also prints the
time of the PDF, XLSX and CSV files of that year (for information). Prints the IKM it found.
Run: .venv/bin/python bench/skm.py [--responses 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.survey import Education, Gender, Occupation, Unsur
from server.catalog import DEMO_CATALOG, load_catalog_file
from server.db import Database, survey_responses, tickets
from server.reports.formats import FileFormat
from server.skm.figures import figures
from server.skm.periods import year
from server.skm.report_files import report_file

BUDGET_S = 1.0
YEAR = 2026
OFFICERS = [f"petugas{i:02d}" for i in range(1, 25)]


def fill(db: Database, responses: int, served: int) -> None:
    """``served`` tickets done through the year and ``responses`` of them answered: scores lean to 3
    and 4, as real answers do, each unsur a little differently so the figures differ."""
    cat = load_catalog_file(DEMO_CATALOG)
    services = sorted(cat.services.values(), key=lambda s: s.id)
    lokets = [loket.id for loket in cat.lokets] or [1]
    rng = random.Random(16)
    start = date(YEAR, 1, 1)
    ticket_rows, answer_rows = [], []
    for i in range(served):
        day = start + timedelta(days=i * 365 // served)
        service = services[i % len(services)]
        loket, officer = lokets[i % len(lokets)], OFFICERS[i % len(OFFICERS)]
        at = datetime(day.year, day.month, day.day, 2, tzinfo=UTC) + timedelta(seconds=i % 20000)
        ticket_rows.append(dict(id=i + 1, code=f"{service.prefix}-{i:06d}", prefix=service.prefix, seq=i + 1,
                                service_date=day.isoformat(), service_id=service.id, origin_service_id=service.id,
                                status="done", token=f"t{i:08d}", issued_at=at, queued_at=at, called_at=at,
                                started_at=at, finished_at=at + timedelta(minutes=7), counter_id=loket,
                                served_by=officer, recalls=0, transfers=0, issuer="device:1",
                                idempotency_key=f"k{i}", request_digest="-"))
        if i < responses:
            lean = [rng.choice((2, 3, 3, 3, 4, 4) if n % 3 else (1, 2, 3, 3, 4, 4)) for n in range(len(Unsur))]
            answer_rows.append(dict(
                ticket_id=i + 1, service_date=day.isoformat(), answered_at=at + timedelta(minutes=9),
                channel=("phone", "kiosk", "tablet")[i % 3], agency_id=service.agency_id, service_id=service.id,
                counter_id=loket, served_by=officer, gender=rng.choice(list(Gender)).value,
                education=rng.choice(list(Education)).value, occupation=rng.choice(list(Occupation)).value,
                age=rng.choice((None, rng.randint(17, 70))), comment=None,
                **{f"u_{u.value}": score for u, score in zip(Unsur, lean, strict=True)}))
    with db.write() as conn:
        for chunk in range(0, len(ticket_rows), 20_000):
            conn.execute(tickets.insert(), ticket_rows[chunk:chunk + 20_000])
        for chunk in range(0, len(answer_rows), 20_000):
            conn.execute(survey_responses.insert(), answer_rows[chunk:chunk + 20_000])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--served", type=int, default=120_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cat = load_catalog_file(DEMO_CATALOG)
    period = year(YEAR)
    with tempfile.TemporaryDirectory(prefix="bench-skm-") as folder:
        db = Database(f"sqlite:///{Path(folder) / 'skm.sqlite3'}")
        db.create_schema()
        began = time.perf_counter()
        fill(db, args.responses, max(args.served, args.responses))
        print(f"filled {args.responses:,} responses and {max(args.served, args.responses):,} served tickets "
              f"in {time.perf_counter() - began:.1f} s")
        figures(db, cat, period)  # warm the page cache, as a server that has been running has it
        times, shown = [], None
        for _ in range(args.runs):
            began = time.perf_counter()
            shown = figures(db, cat, period)
            times.append(time.perf_counter() - began)
        assert shown is not None
        median = statistics.median(times)
        overall = shown.overall
        print(f"IKM {YEAR}: {overall.ikm:.2f} ({overall.mutu}), {overall.respondents:,} of "
              f"{overall.sample_needed:,} respondents needed, population {overall.population:,}")
        for agency in shown.agencies:
            print(f"  {agency.name[:48]:48} IKM {agency.ikm:6.2f} {agency.mutu}  n {agency.respondents:6,} "
                  f"of S {agency.sample_needed:4,} (N {agency.population:,})")
        print(f"  units: {len(shown.agencies)} agencies, {len(shown.services)} services, {len(shown.lokets)} lokets, "
              f"{len(shown.officers)} officers")
        print(f"figures of the year: median {median * 1000:.0f} ms of {args.runs} runs "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); budget {BUDGET_S * 1000:.0f} ms: "
              + ("met" if median <= BUDGET_S else "NOT met"))
        for fmt in FileFormat:
            began = time.perf_counter()
            made = report_file(db, shown, period, fmt, made_at=datetime.now(cat.site.zone),
                               zone_label=cat.site.tz_label)
            print(f"  {fmt.value}: {len(made.content):,} bytes in {time.perf_counter() - began:.2f} s")
        db.dispose()
    return 0 if median <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
