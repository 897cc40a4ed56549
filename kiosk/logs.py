"""Logging for every app: a rotating file in the user log folder, and the console when asked."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from kiosk.paths import user_log_dir


class _CurrentStderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is now, so a swapped or closed stream (test capture) is never kept."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


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
    root._anjungan_configured = True  # type: ignore[attr-defined]
