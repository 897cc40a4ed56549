"""A daemon thread that runs one job every few seconds until it is stopped, and never dies of it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class Periodic:
    def __init__(self, name: str, every_s: float, job: Callable[[], object]) -> None:
        self.name = name
        self.every_s = every_s
        self.job = job
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, run_now: bool = False) -> None:
        """Start the thread; ``run_now`` runs the job once first, before this returns."""
        if run_now:
            self._run_once()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            self._run_once()

    def _run_once(self) -> None:
        try:
            self.job()
        except Exception:
            log.exception("%s failed; trying again in %.0f s", self.name, self.every_s)
