"""`main.py server report skm`: the SKM report of a period written to a file, as the console's download
writes it."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from server.reports.formats import FileFormat


def add_parser(kinds: Any) -> argparse.ArgumentParser:
    skm = kinds.add_parser("skm", help="the SKM report of a period: IKM per unsur and per unit, n of S "
                                       "respondents, the follow-up actions")
    skm.add_argument("--from", dest="date_from", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                     help="the first service day (site-local)")
    skm.add_argument("--to", dest="date_to", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD",
                     help="the last service day, included")
    skm.add_argument("--agency", default=None, help="one agency's id (default: the whole site)")
    skm.add_argument("--format", dest="file_format", type=FileFormat, choices=list(FileFormat), required=True)
    skm.add_argument("--out", type=Path, required=True, help="the file to write")
    skm.set_defaults(run_report=run)
    return skm


def run(services: Any, args: argparse.Namespace) -> int:
    from server.errors import ApiError  # noqa: PLC0415 - keeps `--help` fast
    from server.skm.office import SkmOffice  # noqa: PLC0415 - as above

    office = SkmOffice(services.engine)
    try:
        period = office.period(args.date_from, args.date_to)
        made = office.report(period, args.agency, args.file_format)
    except ApiError as refused:
        print(f"error: {refused.message} ({refused.code})", file=sys.stderr)
        return 2
    try:
        args.out.write_bytes(made.content)
    except OSError as exc:
        print(f"error: {args.out} could not be written: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"{args.out}: {len(made.content):,} bytes; SKM {period.label()}")
    return 0
