"""Command lines: ``main.py printer`` (the virtual printer) and ``main.py print-sample``."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import TextIO

from core.errors import ConfigError
from printing.escpos_lib import profile_names
from printing.sample import sample_branding, sample_receipt, sample_ticket
from printing.service import PrintOutcome, PrintService, PrintSettings
from printing.virtual_printer import PAPER_STATES, VirtualPrinter

EXIT_CODES = {PrintOutcome.PRINTED: 0, PrintOutcome.FAILED: 1, PrintOutcome.PAPER_OUT: 3,
              PrintOutcome.OFFLINE: 4, PrintOutcome.TIMED_OUT: 5}

STDIN_HELP = ("commands: paper ok|near-end|out, paper out-after N, hang on|off, "
              "online, offline, status, quit")


def _printer_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py printer",
                                     description="Run the virtual ESC/POS network printer.",
                                     epilog=STDIN_HELP + " (one per line on stdin)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100, help="0 picks a free port")
    parser.add_argument("--out", type=Path, default=Path("out/receipts"),
                        help="folder for the .txt and .png of each receipt")
    parser.add_argument("--paper", choices=PAPER_STATES, default="ok")
    parser.add_argument("--width", type=int, choices=(80, 58), default=80, help="paper width in mm")
    parser.add_argument("--dots", type=int, help="printable dots (80 mm: 512 or 576; 58 mm: 384)")
    parser.add_argument("--out-after-lines", type=int, metavar="N",
                        help="run out of paper after N more printed lines")
    parser.add_argument("--hang", action="store_true",
                        help="accept connections but never read or answer")
    return parser


def handle_command(printer: VirtualPrinter, line: str) -> str | None:
    """One stdin command; returns the reply line, or None to stop."""
    words = line.split()
    if not words:
        return ""
    if words[0] in {"quit", "exit"}:
        return None
    try:
        if words[0] == "paper" and len(words) == 3 and words[1] == "out-after":
            printer.run_out_after(int(words[2]))
            return f"paper runs out after {int(words[2])} lines"
        if words[0] == "paper" and len(words) == 2:
            printer.set_paper(words[1])
            return f"paper {words[1]}"
        if words[0] == "hang" and len(words) == 2 and words[1] in {"on", "off"}:
            printer.set_hang(words[1] == "on")
            return f"hang {words[1]}"
        if words == ["online"] or words == ["offline"]:
            printer.set_online(words[0] == "online")
            return words[0]
        if words == ["status"]:
            return f"paper {printer.paper}, {len(printer.receipts)} saved, {printer.discarded} discarded"
    except ValueError as exc:
        return f"error: {exc}"
    return f"unknown command {line.strip()!r}; {STDIN_HELP}"


def main_printer(argv: list[str], stdin: TextIO | None = None) -> int:
    args = _printer_parser().parse_args(argv)
    dots = args.dots or (512 if args.width == 80 else 384)
    printer = VirtualPrinter(args.out, args.host, args.port, paper=args.paper, dots=dots,
                             announce=lambda text: print(text, flush=True))
    if args.out_after_lines is not None:
        printer.run_out_after(args.out_after_lines)
    printer.set_hang(args.hang)
    try:
        printer.start()
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    print(f"virtual printer on {printer.host}:{printer.port} ({printer.spec}), "
          f"{args.width} mm, receipts in {args.out}, paper {printer.paper}", flush=True)
    stop = threading.Event()
    source = stdin or sys.stdin

    def read_commands() -> None:
        for line in source:
            reply = handle_command(printer, line)
            if reply is None:
                break
            if reply:
                print(reply, flush=True)
        else:
            return  # stdin closed (run in the background): keep printing until a signal
        stop.set()

    threading.Thread(target=read_commands, name="printer-stdin", daemon=True).start()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        printer.stop()
    return 0


def _sample_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py print-sample",
                                     description="Print a sample ticket, marked as a sample.")
    parser.add_argument("--printer", default="network:127.0.0.1:9100",
                        help="network:HOST[:PORT] usb:VID:PID serial:DEV[:BAUD] file:PATH "
                             "cups:QUEUE pdf:FOLDER")
    parser.add_argument("--width", type=int, choices=(80, 58), default=80)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    parser.add_argument("--profile", default="default", help="python-escpos profile, e.g. TM-T88III")
    parser.add_argument("--qr", choices=("auto", "native", "image"), default="auto")
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--code", default="A-001")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000",
                        help="server address the QR's status link points at")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each step")
    return parser


def main_print_sample(argv: list[str]) -> int:
    args = _sample_parser().parse_args(argv)
    # The outcome is printed below; the service's own warning would say it twice.
    logging.basicConfig(level=logging.INFO if args.verbose else logging.ERROR,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.profile not in profile_names():
        print(f"unknown profile {args.profile!r}; known: {', '.join(profile_names())}", file=sys.stderr)
        return 2
    settings = PrintSettings(printer=args.printer, profile=args.profile, paper_mm=args.width,
                             language=args.lang, qr=args.qr, timeout=args.timeout)
    try:
        service = PrintService(settings, sample_branding())
    except ConfigError as exc:
        print(f"not printed: {exc}", file=sys.stderr)
        return 2
    receipt = sample_receipt(sample_ticket(code=args.code, base_url=args.base_url), service.branding, args.lang)
    result = service.print_receipt(receipt)
    paper = result.paper.value.replace("_", " ")
    if result.ok:
        print(f"printed {args.code} on {service.spec} (paper {paper})")
    else:
        print(f"not printed: {result.outcome.value.replace('_', ' ')}: {result.reason} "
              f"(paper {paper})", file=sys.stderr)
    return EXIT_CODES[result.outcome]
