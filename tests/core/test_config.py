"""Device settings: validated, typed, written atomically with mode 0600, secrets masked."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from core.config import DeviceConfig, config_path, load_config, save_config, to_toml, with_change
from core.errors import ConfigError
from core.technician_pin import verify_pin


def test_a_missing_file_gives_the_defaults(tmp_path):
    assert load_config(tmp_path / "none.toml") == DeviceConfig()


def test_saved_settings_read_back_typed_and_private(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    cfg = with_change(with_change(DeviceConfig(), "idle_timeout_s", "45"), "lokets", "1, 2,3")
    save_config(path, cfg)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = load_config(path)
    assert again.idle_timeout_s == 45 and again.lokets == (1, 2, 3)
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".config-")]


@pytest.mark.parametrize(("key", "value"), [
    ("language", "fr"), ("idle_timeout_s", "soon"), ("idle_timeout_s", 5), ("paper_width", 72),
    ("server_url", "ftp://x"), ("server_url", "localhost:8080"), ("printer", "lpt:1"),
    ("printer", "network:"), ("lokets", "a,b"), ("voice", "maybe"), ("volume", 101), ("colour", "red")])
def test_bad_values_name_the_key_and_change_nothing(tmp_path, key, value):
    path = tmp_path / "config.toml"
    save_config(path, DeviceConfig())
    before = path.read_bytes()
    with pytest.raises(ConfigError) as err:
        save_config(path, with_change(load_config(path), key, value))
    assert err.value.params["key"] == key and key in str(err.value)
    assert path.read_bytes() == before


def test_secrets_are_masked_when_shown():
    text = to_toml(with_change(DeviceConfig(), "token", "dev_abcdef"), mask_secrets=True)
    assert "dev_abcdef" not in text and 'token = "********"' in text


def test_the_file_comes_from_the_flag_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ANJUNGAN_CONFIG", str(tmp_path / "env.toml"))
    assert config_path(str(tmp_path / "flag.toml")) == tmp_path / "flag.toml"
    assert config_path(None) == tmp_path / "env.toml"
    monkeypatch.delenv("ANJUNGAN_CONFIG")
    assert config_path(None).name == "config.toml"


def _cli_input(tmp_path, text, *args):
    root = Path(__file__).resolve().parents[2]
    return subprocess.run([sys.executable, "main.py", "config", "--config", str(tmp_path / "c.toml"), *args],
                          cwd=root, capture_output=True, text=True, timeout=60, input=text)


def _cli(tmp_path, *args):
    root = Path(__file__).resolve().parents[2]
    return subprocess.run([sys.executable, "main.py", "config", "--config", str(tmp_path / "c.toml"), *args],
                          cwd=root, capture_output=True, text=True, timeout=60)


def test_config_cli_sets_shows_masked_and_refuses_bad_values_without_touching_the_file(tmp_path):
    assert _cli(tmp_path, "set", "idle_timeout_s", "45").returncode == 0
    assert _cli(tmp_path, "set", "token", "dev_secret").returncode == 0
    before = (tmp_path / "c.toml").read_bytes()
    refused = _cli(tmp_path, "set", "language", "fr")
    assert refused.returncode == 2 and "language" in refused.stderr and "id, en" in refused.stderr
    assert (tmp_path / "c.toml").read_bytes() == before
    shown = _cli(tmp_path, "show").stdout
    assert "idle_timeout_s = 45" in shown and "dev_secret" not in shown
    assert _cli(tmp_path, "check").returncode == 0
    (tmp_path / "c.toml").write_text('language = "xx"\n')
    checked = _cli(tmp_path, "check")
    assert checked.returncode == 2 and "language" in checked.stderr


def test_config_cli_sets_the_technician_pin_as_a_hash_and_refuses_a_bad_one(tmp_path):
    assert _cli_input(tmp_path, "13579\n", "set-pin").returncode == 0
    stored = load_config(tmp_path / "c.toml").technician_pin_hash
    assert verify_pin("13579", stored) and "13579" not in (tmp_path / "c.toml").read_text()
    refused = _cli_input(tmp_path, "12ab\n", "set-pin")
    assert refused.returncode == 1 and "4 to 8 digits" in refused.stderr
    assert load_config(tmp_path / "c.toml").technician_pin_hash == stored


def test_an_unreadable_config_is_one_line_not_a_traceback(tmp_path):
    (tmp_path / "c.toml").mkdir()
    shown = _cli(tmp_path, "show")
    assert shown.returncode == 2 and "Traceback" not in shown.stderr and "c.toml" in shown.stderr
