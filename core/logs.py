"""Logging for every app: a rotating file in the user log folder, and the console when asked."""

from __future__ import annotations

import collections
import logging
import logging.handlers
import sys

from core.paths import user_log_dir


class _CurrentStderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is now, so a swapped or closed stream (test capture) is never kept."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


class RecentProblems(logging.Handler):
    """The last warnings and errors, kept in memory for the technician's diagnostics page."""

    def __init__(self, keep: int = 20) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
        self._lines: collections.deque[str] = collections.deque(maxlen=keep)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._lines.append(self.format(record).splitlines()[0])
        except Exception:  # noqa: BLE001 - logging must never raise into the app
            self.handleError(record)

    def lines(self) -> list[str]:
        """Oldest first."""
        return list(self._lines)


RECENT_PROBLEMS = RecentProblems()


def recent_problems() -> list[str]:
    return RECENT_PROBLEMS.lines()


def setup_logging(app: str, *, console: bool = True, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if getattr(root, "_anjungan_configured", False):
        return
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder = user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / f"{app}.log", maxBytes=2_000_000,
                                                       backupCount=5, encoding="utf-8")
        handler.setFormatter(fmt)
        root.addHandler(handler)
    except OSError:
        pass  # a read-only home must not stop the app; the console still gets the messages
    if console:
        stream = _CurrentStderrHandler()
        stream.setFormatter(fmt)
        root.addHandler(stream)
    root.addHandler(RECENT_PROBLEMS)
    root._anjungan_configured = True  # type: ignore[attr-defined]  # our mark: set up once per process
