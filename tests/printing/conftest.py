"""Fixtures of the printing suite: a running virtual printer, a fixed ticket and the sample branding."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.models import Ticket
from printing.receipt import Branding
from printing.sample import sample_branding, sample_ticket
from printing.service import PrintService, PrintSettings
from printing.virtual_printer import VirtualPrinter
from tests.support.printer import running_printer

# Monday 23 November 2026, 08.15 WIB
ISSUED = datetime(2026, 11, 23, 1, 15, tzinfo=UTC)
STATUS_BASE = "http://192.168.10.5:8000"


@pytest.fixture
def printer(tmp_path: Path) -> Iterator[VirtualPrinter]:
    with running_printer(tmp_path / "receipts") as vp:
        yield vp


@pytest.fixture
def branding() -> Branding:
    return sample_branding()


@pytest.fixture
def ticket() -> Ticket:
    return sample_ticket(issued_at=ISSUED, base_url=STATUS_BASE)


@pytest.fixture
def service(printer: VirtualPrinter, branding: Branding) -> PrintService:
    """The print service on the virtual printer, with a short timeout for the fault tests."""
    return PrintService(PrintSettings(printer=printer.spec, timeout=1.0), branding)
