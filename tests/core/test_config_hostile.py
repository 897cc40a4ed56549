"""A hostile device config is refused in one line naming the key, exit status 2, never a traceback:
by ``main.py config check`` and by each app at start-up, before Qt opens any window."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.config import MAX_FILE_BYTES, DeviceConfig, load_config, save_config
from core.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]

# (file content, the key the refusal names, words the one line must hold)
HOSTILE: dict[str, tuple[bytes, str, str]] = {
    "non-UTF-8 bytes": (b'device_name = "Kiosk \xff\xfe"\n', "file", "file: not UTF-8 text"),
    "inf": (b"idle_timeout_s = inf\n", "idle_timeout_s", "idle_timeout_s: not a finite number"),
    "-inf": (b"volume = -inf\n", "volume", "volume: not a finite number"),
    "nan": (b"paper_width = nan\n", "paper_width", "paper_width: not a finite number"),
    "1e400": (b"volume = 1e400\n", "volume", "volume: not a finite number"),
    "nan in a list": (b"lokets = [1, nan]\n", "lokets", "lokets[1]: not a finite number"),
    "a fraction": (b"idle_timeout_s = 45.5\n", "idle_timeout_s", "idle_timeout_s: expected a whole number"),
    "a date for a number": (b"idle_timeout_s = 1979-05-27\n", "idle_timeout_s", "expected a whole number"),
    "text for a number": (b'volume = "loud"\n', "volume", "volume: expected a whole number"),
    "a table for a list": (b"agencies = { dukcapil = 1 }\n", "agencies", "agencies: expected a list, got a table"),
    "a table for text": (b'[printer]\ntimeout_s = inf\n', "printer", "printer: expected text, got a table"),
    "a list for text": (b'server_url = ["http://10.0.0.2:8080"]\n', "server_url",
                        "server_url: expected text, got a list"),
    "a list for a switch": (b"voice = [true]\n", "voice", "voice: expected true or false, got a list"),
    "a number in a list of text": (b'agencies = ["dukcapil", 7]\n', "agencies", "agencies[1]: expected text"),
    "a list in a list": (b"lokets = [[1, 2]]\n", "lokets", "lokets[0]: expected a whole number, got a list"),
    "a table in a list": (b"lokets = [{ n = 1 }]\n", "lokets", "lokets[0]: expected a whole number, got a table"),
    "NUL in text": (b'device_name = "Kiosk\\u0000Lobi"\n', "device_name",
                    "device_name: contains a control character (U+0000)"),
    "NUL in the printer": (b'printer = "file:/dev/usb/lp0\\u0000"\n', "printer", "printer: contains a control"),
    "NUL in a list item": (b'agencies = ["dukcapil\\u0000"]\n', "agencies", "agencies[0]: contains a control"),
    "an escape in the running text": (b'running_text = "\\u001b[2J"\n', "running_text", "(U+001B)"),
    "a line break in a name": (b'location = "Lobi\\nUtara"\n', "location", "location: contains a control"),
    "a key with a line break": (b'"dev\\nice" = 1\n', "dev\nice", "unknown setting(s): 'dev\\nice'"),
    "a PIN hash of a cost no kiosk can pay": (
        b'technician_pin_hash = "scrypt$1048576$8$64$' + b"ab" * 16 + b"$" + b"cd" * 32 + b'"\n',
        "technician_pin_hash", "technician_pin_hash: not a PIN hash made by `main.py config set-pin`"),
    "a PIN hash that is no hash": (b'technician_pin_hash = "1234"\n', "technician_pin_hash",
                                   "technician_pin_hash: not a PIN hash"),
    "a broken IPv6 address": (b'server_url = "http://[::1:8080"\n', "server_url", "server_url: must be an http://"),
    "a port past 65535": (b'server_url = "http://10.0.0.2:99999"\n', "server_url", "server_url: must be an http://"),
    "too many digits": (b"volume = 1" + b"0" * 5000 + b"\n", "file", "file: not valid TOML"),
    "nested too deeply": (b"lokets = " + b"[" * 20000 + b"]" * 20000 + b"\n", "file", "file: not valid TOML"),
    "not TOML": (b"volume 80\n", "file", "file: not valid TOML"),
}
APPS = ("kiosk", "counter", "display")


def run_main(*args: str, config: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    environment.pop("ANJUNGAN_CONFIG", None)
    return subprocess.run([sys.executable, "main.py", *args[:1], "--config", str(config), *args[1:]],
                          cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60)


def assert_one_line_refusal(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    for word in words:
        assert word in done.stderr


def write(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "device.toml"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_a_hostile_value_is_a_config_error_naming_its_key(tmp_path: Path, case: str):
    content, key, words = HOSTILE[case]
    with pytest.raises(ConfigError) as refused:
        load_config(write(tmp_path, content))
    assert refused.value.params["key"] == key
    assert words in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_config_check_refuses_a_hostile_file_in_one_line(tmp_path: Path, case: str):
    content, _key, words = HOSTILE[case]
    assert_one_line_refusal(run_main("config", "check", config=write(tmp_path, content)), words)


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_the_kiosk_refuses_a_hostile_file_before_any_window(tmp_path: Path, case: str):
    content, _key, words = HOSTILE[case]
    done = run_main("kiosk", "--windowed", config=write(tmp_path, content), ANJUNGAN_REPORT_FIRST_FRAME="1",
                    ANJUNGAN_LOG_DIR=str(tmp_path / "log"))
    assert_one_line_refusal(done, words)
    assert "first frame" not in done.stdout


@pytest.mark.parametrize("app", ["counter", "display"])
@pytest.mark.parametrize("case", ["non-UTF-8 bytes", "inf", "a table for a list", "NUL in text"])
def test_the_counter_and_the_board_refuse_a_hostile_file(tmp_path: Path, app: str, case: str):
    content, _key, words = HOSTILE[case]
    done = run_main(app, "--windowed", config=write(tmp_path, content), ANJUNGAN_LOG_DIR=str(tmp_path / "log"))
    assert_one_line_refusal(done, words)


def _unreadable(tmp_path: Path) -> tuple[Path, list[str]]:
    path = write(tmp_path, b"volume = 80\n")
    path.chmod(0)
    # root reads any file: take away the capabilities that let it, so the refusal is real
    return path, (["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else [])


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "device.toml"
    os.mkfifo(path)  # nothing writes to it: a blocking open would hang the app for ever
    return path


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "device.toml"
    with open(path, "wb") as fh:
        fh.truncate(10 * 2**30)  # sparse: 10 GiB of NUL bytes that take no disk
    return path


def _dangling(tmp_path: Path) -> Path:
    path = tmp_path / "device.toml"
    path.symlink_to(tmp_path / "gone.toml")
    return path


@pytest.mark.parametrize("make, words", [
    (lambda tmp: tmp, "Is a directory"),
    (_fifo, "file: not a regular file"),
    (_huge, f"file: larger than {MAX_FILE_BYTES // 1024} KiB"),
    (lambda tmp: write(tmp, b"#" * (MAX_FILE_BYTES + 1)), "file: larger than"),
    (_dangling, "file: a link to nothing"),
], ids=["a directory", "a FIFO", "10 GiB", "one byte too big", "a link to nothing"])
@pytest.mark.parametrize("app", ["config", "kiosk"])
def test_a_config_that_is_no_file_is_refused_in_one_line(tmp_path: Path, make, words: str, app: str):
    path = make(tmp_path)
    args = ("config", "check") if app == "config" else ("kiosk", "--windowed")
    assert_one_line_refusal(run_main(*args, config=path, ANJUNGAN_LOG_DIR=str(tmp_path / "log")), words)


@pytest.mark.parametrize("app", ["config", "kiosk"])
def test_an_unreadable_config_is_refused_in_one_line(tmp_path: Path, app: str):
    path, prefix = _unreadable(tmp_path)
    args = ["config", "check"] if app == "config" else ["kiosk", "--windowed"]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    done = subprocess.run([*prefix, sys.executable, "main.py", args[0], "--config", str(path), *args[1:]],
                          cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and done.returncode == 2, done.stderr
    assert len(done.stderr.splitlines()) == 1 and "Permission denied" in done.stderr


def test_an_empty_config_is_the_defaults(tmp_path: Path):
    path = write(tmp_path, b"")
    assert load_config(path) == DeviceConfig()
    done = run_main("config", "check", config=path)
    assert done.returncode == 0 and done.stderr == ""


def test_a_byte_order_mark_from_a_windows_editor_is_no_error(tmp_path: Path):
    assert load_config(write(tmp_path, b"\xef\xbb\xbfvolume = 55\n")).volume == 55


@pytest.mark.parametrize("field, value", [
    ("device_name", "Kiosk\x00Lobi"), ("running_text", "Selamat datang\x1b[2J"), ("location", "Lobi\nUtara"),
    ("agencies", ("dukcapil", "\x9b")), ("idle_timeout_s", float("inf")), ("lokets", (1, float("nan"))),
])
def test_no_app_can_save_a_config_it_could_not_start_from(tmp_path: Path, field: str, value: object):
    """GIVEN a setup page that builds its config with dataclasses.replace, not from text
    THEN saving a value the loader would refuse is refused too, and the file stays as it was."""
    path = tmp_path / "device.toml"
    save_config(path, DeviceConfig())
    before = path.read_bytes()
    with pytest.raises(ConfigError) as refused:
        save_config(path, dataclasses.replace(DeviceConfig(), **{field: value}))
    assert refused.value.params["key"] == field
    assert path.read_bytes() == before
