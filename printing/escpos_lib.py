"""The one place python-escpos is imported, after pointing its capabilities cache at a real folder.

python-escpos pickles its printer database at import time into ``ESCPOS_CAPABILITIES_PICKLE_DIR``
(a fresh temp dir per process when unset, which leaks a folder each run), and calls
``logging.basicConfig()`` as a side effect. Every module in ``printing/`` imports escpos from here.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

_ENV = "ESCPOS_CAPABILITIES_PICKLE_DIR"


def _cache_dir() -> str:
    preset = os.environ.get(_ENV)
    if preset and os.path.isdir(preset):
        return preset
    try:
        folder = Path(user_cache_dir("anjungan")) / "escpos"
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder)
    except OSError:
        return tempfile.mkdtemp(prefix="anjungan-escpos-")


os.environ[_ENV] = _cache_dir()

_root = logging.getLogger()
_had_handlers = bool(_root.handlers)

from escpos import capabilities as capabilities  # noqa: E402 - only once the cache folder is set
from escpos import constants as constants  # noqa: E402 - only once the cache folder is set
from escpos import exceptions as exceptions  # noqa: E402 - only once the cache folder is set
from escpos import printer as printer  # noqa: E402 - only once the cache folder is set
from escpos.escpos import Escpos as Escpos  # noqa: E402 - only once the cache folder is set
from escpos.image import EscposImage as EscposImage  # noqa: E402 - only once the cache folder is set

if not _had_handlers:
    # escpos.capabilities ran logging.basicConfig(); the app configures logging itself.
    for _handler in list(_root.handlers):
        _root.removeHandler(_handler)



class _EscposChatterAtDebug(logging.Filter):
    """python-escpos logs each connection opened and closed at INFO on the root logger: with a status check
    every ten seconds that was most of a kiosk's log. Its root-logger records are demoted to DEBUG."""

    _folder = os.path.dirname(capabilities.__file__) + os.sep

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO or not record.pathname.startswith(self._folder):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return _root.isEnabledFor(logging.DEBUG)


if not any(isinstance(f, _EscposChatterAtDebug) for f in _root.filters):
    _root.addFilter(_EscposChatterAtDebug())

__all__ = ["Escpos", "EscposImage", "capabilities", "constants", "exceptions", "printer", "profile_names"]


def profile_names() -> list[str]:
    """Names of the printer profiles python-escpos knows (``default``, ``TM-T88III``, …)."""
    return sorted(capabilities.CAPABILITIES["profiles"])
