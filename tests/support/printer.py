"""Virtual printer helpers for every test suite (kiosk, demo, printing): plain functions, no fixtures.

    with running_printer(tmp_path / "receipts") as vp:
        settings = PrintSettings(printer=vp.spec, timeout=1.0)
        ...
        vp.set_paper("out")
        receipt = wait_for_receipt(vp, 1)
        assert decode_qr(receipt.png) == [ticket.status_url]
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from printing.virtual_printer import SavedReceipt, VirtualPrinter
from tests.support.net import free_port, wait_for

__all__ = ["running_printer", "wait_for_receipt", "wait_for_discarded", "decode_qr",
           "closed_port_spec", "free_port", "wait_for"]


@contextmanager
def running_printer(folder: Path, *, paper: str = "ok", dots: int = 512,
                    announce=None) -> Iterator[VirtualPrinter]:
    """A virtual network printer on a free loopback port saving into ``folder``; stopped after."""
    printer = VirtualPrinter(folder, "127.0.0.1", 0, paper=paper, dots=dots, announce=announce)
    printer.start()
    try:
        yield printer
    finally:
        printer.stop()


def wait_for_receipt(printer: VirtualPrinter, number: int, timeout: float = 5.0) -> SavedReceipt:
    """The ``number``-th receipt (1-based) once it is saved; fails the test after ``timeout``."""
    try:
        return printer.wait_for_receipts(number, timeout)[number - 1]
    except TimeoutError as exc:
        raise AssertionError(str(exc)) from None


def wait_for_discarded(printer: VirtualPrinter, count: int, timeout: float = 5.0) -> None:
    wait_for(lambda: printer.discarded >= count, timeout, what=f"{count} discarded job(s)")


def closed_port_spec() -> str:
    """A loopback address where nothing listens: connections to it are refused."""
    return f"network:127.0.0.1:{free_port()}"


def decode_qr(png: Path) -> list[str]:
    """Every QR code zbarimg finds in ``png``. A missing zbarimg fails the test: it must not skip."""
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        raise AssertionError("zbarimg not found: install the Debian package zbar-tools")
    done = subprocess.run([zbarimg, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                          capture_output=True, text=True, timeout=30, check=False)
    if done.returncode not in (0, 4):  # 4: the image holds no code
        raise AssertionError(f"zbarimg failed ({done.returncode}): {done.stderr.strip()}")
    return [line for line in done.stdout.splitlines() if line]
