"""The logs keep the recent problems for the technician's diagnostics page."""

from __future__ import annotations

import logging

from core.logs import RecentProblems


def test_recent_problems_keep_the_last_warnings_and_errors_oldest_first() -> None:
    handler = RecentProblems(keep=3)
    log = logging.getLogger("test.recent")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.setLevel(logging.INFO)
        log.info("just news")
        for n in range(5):
            log.warning("printer problem %d", n)
        log.error("server gone\nsecond line")
    finally:
        log.removeHandler(handler)
    lines = handler.lines()
    assert len(lines) == 3 and "just news" not in " ".join(lines)
    assert lines[0].endswith("WARNING printer problem 3") and lines[-1].endswith("ERROR server gone")
