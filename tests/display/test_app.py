"""``python main.py display``: the command line on top of the device config, and refusals before
any window opens."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import main as entry
from core.config import DeviceConfig
from ui.display.app import build_parser, effective_config, parse_lokets


def test_lokets_are_numbers_separated_by_commas() -> None:
    assert parse_lokets("1,2, 3") == (1, 2, 3)
    assert parse_lokets("3,3,1") == (3, 1)
    assert parse_lokets("") == () and parse_lokets("all") == ()
    with pytest.raises(argparse.ArgumentTypeError):
        parse_lokets("1,dua")


def test_the_command_line_overrides_the_config() -> None:
    cfg = DeviceConfig(server_url="http://10.0.0.2:8080", lokets=(1, 2), voice=True)
    args = build_parser().parse_args(["--server", "http://127.0.0.1:9", "--lokets", "3", "--no-voice"])
    merged = effective_config(cfg, args)
    assert (merged.server_url, merged.lokets, merged.voice) == ("http://127.0.0.1:9", (3,), False)
    assert effective_config(cfg, build_parser().parse_args([])) == cfg


def test_a_broken_config_is_refused_before_any_window(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "config.toml"
    bad.write_text('voice = "loud"\n', encoding="utf-8")
    assert entry.main(["display", "--config", str(bad)]) == 2
    assert "voice" in capsys.readouterr().err
