"""The monthly queue report of a busy MPP: 100,000 tickets in one month over the demo catalog (25
services, 24 lokets, 24 officers), every kind of end, written straight to a SQLite file (or the
--database given).

Each output (PDF, XLSX, CSV; the whole site and one agency) is made in a child process of its own,
as the server makes it: the report read from the database and the file written. Prints each one's
time, CPU (os.wait4) and peak RSS (its VmHWM) against the budgets (PDF and XLSX ≤ 10 s and ≤ 300 MB),
and renders the PDFs' pages as PNG into docs/screenshots/ with --png (the agency's report).
Run: .venv/bin/python bench/reports.py [--tickets 100000] [--month 2026-11] [--png]
"""

from __future__ import annotations

import argparse
import calendar
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.demo_catalog import unlimited_catalog

BUDGET = {"pdf_s": 10.0, "pdf_rss_mb": 300.0}  # the monthly PDF's, and the XLSX's too
SHOTS = ROOT / "docs" / "screenshots"
ZONE = ZoneInfo("Asia/Jakarta")
# The hours citizens come, weighted: the morning rush, a dip at noon, a smaller afternoon wave.
HOUR_WEIGHTS = {8: 14, 9: 20, 10: 18, 11: 13, 12: 6, 13: 11, 14: 9, 15: 5, 16: 4}
ENDS = [("done", 80), ("no_show", 7), ("cancelled", 3), ("transferred", 6), ("expired", 4)]


def fill(url: str, catalog: Path, tickets: int, month: date) -> None:
    """``tickets`` tickets over the month's weekdays, inserted in batches (no engine: this is about the
    report, and the engine's own pace is bench/server.py's)."""
    from sqlalchemy import insert

    from server.app import build_services
    from server.auth import Role
    from server.catalog import load_catalog_file
    from server.db import tickets as table
    from server.settings import ServerSettings

    services = build_services(ServerSettings(database_url=url, secret_file=catalog.parent / "secret.key"))
    cat = load_catalog_file(catalog)
    services.engine.import_catalog(cat, str(catalog))
    officers = [f"petugas{n:02d}" for n in range(1, len(cat.lokets) + 1)]
    for n, name in enumerate(officers, start=1):
        services.accounts.add_user(name, "bench-pass-1", Role.STAFF, f"Petugas Loket {n}")
    rng = random.Random(16)
    days = [d for d in (month.replace(day=i) for i in range(1, calendar.monthrange(month.year, month.month)[1] + 1))
            if d.weekday() < 5]
    service_ids = list(cat.services)
    lokets_of = {sid: [lk.id for lk in cat.lokets if sid in lk.service_ids] or [1] for sid in service_ids}
    hours, hour_weights = list(HOUR_WEIGHTS), list(HOUR_WEIGHTS.values())
    ends, end_weights = [e for e, _ in ENDS], [w for _, w in ENDS]
    numbers: dict[tuple[str, str], int] = {}
    rows = []
    for n in range(tickets):
        day = days[n % len(days)]
        sid = rng.choice(service_ids)
        origin = sid
        end = rng.choices(ends, end_weights)[0]
        moved = end == "transferred"
        if moved:
            sid = rng.choice([s for s in service_ids if s != origin])
            end = "done"
        issued = datetime(day.year, day.month, day.day, rng.choices(hours, hour_weights)[0], rng.randrange(60),
                          rng.randrange(60), tzinfo=ZONE).astimezone(UTC)
        queued = issued + (timedelta(minutes=rng.uniform(5, 20)) if moved else timedelta())
        called = queued + timedelta(minutes=rng.expovariate(1 / 18))
        started = called + timedelta(minutes=rng.uniform(0.5, 3))
        finished = started + timedelta(minutes=rng.expovariate(1 / 9))
        loket = rng.choice(lokets_of[sid])
        prefix = cat.services[origin].prefix
        seq = numbers[(prefix, day.isoformat())] = numbers.get((prefix, day.isoformat()), 0) + 1
        called_at = None if end in ("cancelled", "expired") and rng.random() < 0.5 else called
        rows.append({
            "code": f"{prefix}-{seq:03d}", "prefix": prefix, "seq": seq, "service_date": day.isoformat(),
            "service_id": sid, "origin_service_id": origin, "status": end, "priority": None,
            "token": uuid.uuid4().hex, "issued_at": issued, "queued_at": queued, "called_at": called_at,
            "started_at": started if end == "done" else None, "finished_at": finished if end != "expired" else None,
            "counter_id": loket if called_at else None, "served_by": officers[loket - 1] if called_at else None,
            "recalls": 0, "transfers": 1 if moved else 0, "issuer": "device:1", "idempotency_key": uuid.uuid4().hex,
            "request_digest": "bench"})
        if len(rows) == 5000:
            with services.db.write() as conn:
                conn.execute(insert(table), rows)
            rows = []
    if rows:
        with services.db.write() as conn:
            conn.execute(insert(table), rows)
    services.db.dispose()


def child(url: str, fmt: str, first: date, last: date, agency: str | None, out: Path) -> None:
    """One output, as the server makes it; prints its seconds as JSON."""
    from server.app import build_services
    from server.reports.formats import FileFormat
    from server.reports.period import checked
    from server.reports.queue import queue_report
    from server.reports.queue_files import render
    from server.settings import ServerSettings

    services = build_services(ServerSettings(database_url=url, secret_file=out.parent / "secret.key"))
    start = time.perf_counter()
    report = queue_report(services.db, services.engine.catalog(), checked(first, last), agency)
    computed = time.perf_counter()
    data = render(report, FileFormat(fmt), "Dibuat oleh bench/reports.py")
    out.write_bytes(data)
    done = time.perf_counter()
    print(json.dumps({"seconds": done - start, "query_s": computed - start, "bytes": len(data),
                      "issued": report.total.issued, "rss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's peak resident memory since its exec (VmHWM). Not wait4's ru_maxrss: that also
    counts the parent's pages at the fork, which here are the 100,000 tickets just made."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(url: str, fmt: str, first: date, last: date, agency: str | None, out: Path) -> dict[str, float]:
    args = [sys.executable, __file__, "--child", fmt, "--database", url, "--from", first.isoformat(),
            "--to", last.isoformat(), "--out", str(out)] + (["--agency", agency] if agency else [])
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"the {fmt} child failed ({proc.returncode})")
    figures = json.loads(output)
    figures["cpu_s"] = usage.ru_utime + usage.ru_stime
    return figures


def pages_as_png(pdf: Path, stem: str) -> list[Path]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    written = []
    for number in range(len(document)):
        path = SHOTS / f"{stem}-p{number + 1}.png"
        document[number].render(scale=1.4).to_pil().save(path)
        written.append(path)
    document.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--month", default="2026-11", help="YYYY-MM")
    parser.add_argument("--database", default=None, help="a database URL (default: a new SQLite file)")
    parser.add_argument("--png", action="store_true", help="write the PDFs' pages to docs/screenshots/")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--from", dest="date_from", type=date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument("--to", dest="date_to", type=date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument("--agency", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.database, args.child, args.date_from, args.date_to, args.agency, args.out)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-reports-") as folder:
        return run(args, Path(folder))


def run(args: argparse.Namespace, work: Path) -> int:
    month = date.fromisoformat(args.month + "-01")
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    url = args.database or f"sqlite:///{work / 'reports.sqlite3'}"
    start = time.perf_counter()
    fill(url, unlimited_catalog(work / "catalog.toml"), args.tickets, month)
    print(f"{args.tickets:,} tickets in {month:%B %Y} written in {time.perf_counter() - start:.1f} s ({url})")
    # On a shared machine the wall time is mostly waiting for a core: the load says how much.
    print(f"machine load (1 min) {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    failed = False
    for agency in (None, "disdukcapil"):
        for fmt in ("pdf", "xlsx", "csv"):
            out = work / f"queue-{agency or 'all'}.{fmt}"
            f = measure(url, fmt, month, last, agency, out)
            verdict = ""
            if fmt in ("pdf", "xlsx"):
                ok = f["seconds"] <= BUDGET["pdf_s"] and f["rss_mb"] <= BUDGET["pdf_rss_mb"]
                failed |= not ok
                verdict = f"  budget {BUDGET['pdf_s']:.0f} s, {BUDGET['pdf_rss_mb']:.0f} MB: {'ok' if ok else 'OVER'}"
            print(f"{fmt:4} {agency or 'all agencies':12} {f['issued']:>7,} issued  {f['seconds']:5.2f} s "
                  f"(query {f['query_s']:.2f} s; the child's CPU {f['cpu_s']:.2f} s)  "
                  f"peak RSS {f['rss_mb']:6.1f} MB  {f['bytes'] / 1024:7.1f} KB" + verdict)
            # The README shows the agency's monthly report, page by page.
            if args.png and fmt == "pdf" and agency:
                shots = pages_as_png(out, f"report-queue-{agency or 'all'}")
                print(f"     {len(shots)} pages → {shots[0].relative_to(ROOT)} …")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
