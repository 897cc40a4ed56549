"""Kiosk tests run the real app: the live server, the virtual printer, real clients, real taps."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.kiosk import Kiosk, start_kiosk
from tests.support.printer import running_printer


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
