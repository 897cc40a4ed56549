"""A fresh queue engine per test (tests/support/engine.py), its database in memory-backed storage
where the machine has it: each test's hall then costs milliseconds, not a disk's fsyncs, which
matters as `make mutation` runs these tests once per mutant of the engine."""

from __future__ import annotations

import contextlib
import itertools
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.support.clock import SettableClock
from tests.support.engine import EngineHall, engine_hall
from tests.support.server import TEST_CATALOG

SHM = Path("/dev/shm")


@pytest.fixture
def hall_dir(tmp_path: Path) -> Iterator[Path]:
    if not SHM.is_dir():
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=SHM, prefix="anjungan-engine-") as folder:
        yield Path(folder)


@pytest.fixture
def hall(hall_dir: Path) -> Iterator[EngineHall]:
    """The test catalog's hall on Monday 23 November 2026, 09.00 WIB: every service open."""
    with engine_hall(hall_dir) as h:
        yield h


@pytest.fixture
def make_hall(hall_dir: Path) -> Iterator[Callable[..., EngineHall]]:
    """A hall whose clock starts at ``moment`` (site time), with another catalog if given."""
    numbers = itertools.count()
    with contextlib.ExitStack() as halls:
        def make(moment: datetime | None = None, *, catalog: Path = TEST_CATALOG,
                 open_all_hours: bool = False) -> EngineHall:
            folder = hall_dir / f"hall-{next(numbers)}"
            folder.mkdir()
            return halls.enter_context(engine_hall(folder, clock=SettableClock(moment), catalog=catalog,
                                                   open_all_hours=open_all_hours))
        yield make


@pytest.fixture
def catalog_with(tmp_path: Path) -> Callable[..., Path]:
    """The test catalog with some of its site's settings changed, as a file to build a hall from."""
    def write(**site: Any) -> Path:
        doc = tomllib.loads(TEST_CATALOG.read_text())
        doc["site"].update(site)
        path = tmp_path / "catalog.toml"
        path.write_text(tomli_w.dumps(doc))
        return path
    return write
