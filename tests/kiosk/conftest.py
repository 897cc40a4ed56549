"""Kiosk tests run the real app: the live server, the virtual printer, real clients, real taps."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.catalog import DEMO_CATALOG
from tests.support.kiosk import Kiosk, start_kiosk
from tests.support.printer import running_printer
from tests.support.server import live_server


@pytest.fixture
def demo_server(tmp_path: Path, clock):
    """The MPP Kabupaten Serang catalog (14 agencies, long names in both languages), every service open."""
    with live_server(tmp_path, clock=clock, catalog=DEMO_CATALOG, open_all_hours=True) as live:
        yield live


@pytest.fixture
def vp(tmp_path: Path):
    with running_printer(tmp_path / "receipts") as printer:
        yield printer


@pytest.fixture
def make_kiosk(qtbot, server, vp):
    """Start kiosks with any settings (``agencies=("imigrasi",)``, ``size=(1024, 768)``…); all stop after."""
    kiosks: list[Kiosk] = []

    def make(**options) -> Kiosk:
        options.setdefault("printer_spec", vp.spec)
        kiosk = start_kiosk(qtbot, server, **options)
        kiosks.append(kiosk)
        return kiosk

    yield make
    for kiosk in kiosks:
        kiosk.stop()


@pytest.fixture
def kiosk(make_kiosk) -> Kiosk:
    return make_kiosk()
