"""`main.py server report queue`: the queue report of a period written to a file, as the console's
download writes it."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from server.reports.formats import FileFormat


def add_parser(kinds: Any) -> argparse.ArgumentParser:
    queue = kinds.add_parser("queue", help="the queue report of a period: counts, waits and service times by "
                                           "agency, service, loket, officer and hour; the bookings")
    queue.add_argument("--from", dest="date_from", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                       help="the first service day (site-local)")
    queue.add_argument("--to", dest="date_to", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                       help="the last service day, included (at most 366 days after --from)")
    queue.add_argument("--agency", default=None, help="one agency's id (default: every agency)")
    queue.add_argument("--format", dest="file_format", type=FileFormat, choices=list(FileFormat), required=True)
    queue.add_argument("--out", type=Path, required=True, help="the file to write")
    queue.set_defaults(run_report=run)
    return queue


def run(services: Any, args: argparse.Namespace) -> int:
    from server.api.queue_reports import made_note, report_of  # noqa: PLC0415 - keeps `--help` fast
    from server.errors import ApiError  # noqa: PLC0415 - as above
    from server.reports.queue_files import render  # noqa: PLC0415 - as above

    try:
        report = report_of(services.engine, args.date_from, args.date_to, args.agency)
    except ApiError as refused:
        print(f"error: {refused.message} ({refused.code})", file=sys.stderr)
        return 2
    data = render(report, args.file_format, made_note(services.engine))
    try:
        args.out.write_bytes(data)
    except OSError as exc:
        print(f"error: {args.out} could not be written: {exc.strerror}", file=sys.stderr)
        return 1
    total = report.total
    booked = f"; {report.bookings.total.made} booked" if report.bookings is not None else ""
    print(f"{args.out}: {len(data):,} bytes; {total.issued} issued, {total.served} served{booked}"
          + (" (no tickets in this period)" if report.empty else ""))
    return 0
