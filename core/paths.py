"""Where each app keeps its files: the user data, config and log folders (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "anjungan"


def _override(var: str) -> Path | None:
    value = os.environ.get(var)
    return Path(value) if value else None


def user_data_dir() -> Path:
    return _override("ANJUNGAN_DATA_DIR") or Path(platformdirs.user_data_dir(APP))


def user_config_dir() -> Path:
    return _override("ANJUNGAN_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP))


def user_log_dir() -> Path:
    return _override("ANJUNGAN_LOG_DIR") or Path(platformdirs.user_log_dir(APP))
