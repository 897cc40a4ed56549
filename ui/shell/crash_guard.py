"""The apps' ``sys.excepthook``: the whole traceback goes to the log, never to the screen; the app
says so calmly in its own way. The hook never raises, and a failure while saying so is not said again."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger(__name__)


class CrashGuard:
    """``handle`` is the hook; ``show(summary)`` is the app's calm reaction (a message, a note for the
    heartbeat), where ``summary`` is ``"Kind: text"``."""

    def __init__(self, show: Callable[[str], None]) -> None:
        self._show = show
        self._showing = False

    def handle(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.critical("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if self._showing:
            return
        self._showing = True
        try:
            self._show(f"{kind.__name__}: {value}")
        except Exception:
            log.exception("could not show the unexpected error")
        finally:
            self._showing = False


__all__ = ["CrashGuard"]
