"""Logging for every app: a rotating file in the user log folder, and the console when asked."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from kiosk.paths import user_log_dir


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
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(fmt)
        root.addHandler(stream)
    root._anjungan_configured = True  # type: ignore[attr-defined]
