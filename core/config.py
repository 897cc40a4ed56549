"""One device's settings: a typed, validated TOML file, written atomically with mode 0600.

Every app reads the file named by ``--config FILE`` or ``ANJUNGAN_CONFIG``, else ``config.toml``
in the user config folder. A bad value is refused with the key and the allowed values, and the
file stays as it was. Anything a file can hold is either a DeviceConfig or a ConfigError whose
one-line message names the key: the CLI and the apps both read it through ``load_config``."""

from __future__ import annotations

import dataclasses
import errno
import math
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import tomli_w

from core.errors import ConfigError
from core.paths import user_config_dir
from core.printer_spec import parse_spec

SECRET_KEYS = frozenset({"token", "technician_pin_hash"})
# The limits the checks below hold a value to; the setup screens say them from here.
IDLE_TIMEOUT_MIN_S, IDLE_TIMEOUT_MAX_S = 10, 3600
PAPER_WIDTHS = (58, 80)
VOLUME_MIN, VOLUME_MAX = 0, 100
DEVICE_NAME_MAX = 80
RUNNING_TEXT_MAX = 500
MAX_FILE_BYTES = 64 * 1024  # a real config is about 1 KiB; more is not a config at all
_CONTROLS = frozenset([*range(0x20), *range(0x7F, 0xA0)])


@dataclass(frozen=True)
class DeviceConfig:
    server_url: str = "http://127.0.0.1:8080"
    token: str = ""                      # device token from enrolment: a secret
    device_name: str = ""
    location: str = ""
    language: str = "id"                 # the language the kiosk returns to when idle
    idle_timeout_s: int = 60
    agencies: tuple[str, ...] = ()       # agency ids this kiosk offers; empty means all
    printer: str = "network:127.0.0.1:9100"
    printer_profile: str = "default"
    paper_width: int = 80
    allow_screen_only: bool = False      # take tickets with the printer out of paper
    technician_pin_hash: str = ""
    lokets: tuple[int, ...] = ()         # display: lokets shown; empty means all
    voice: bool = True
    volume: int = 80
    running_text: str = ""


def _url(value: Any) -> str | None:
    problem = "must be an http:// or https:// address with a host, e.g. http://10.0.0.2:8080"
    try:
        parsed = urlparse(str(value))
        port = parsed.port  # a ValueError for "[::1" or a port past 65535
    except ValueError:
        return problem
    if parsed.scheme not in ("http", "https") or not parsed.hostname or port == 0 or " " in str(value):
        return problem
    return None


def _choice(*allowed: Any) -> Callable[[Any], str | None]:
    return lambda v: None if v in allowed else f"must be one of: {', '.join(map(str, allowed))}"


def _between(low: int, high: int) -> Callable[[Any], str | None]:
    return lambda v: None if low <= v <= high else f"must be from {low} to {high}"


def _printer(value: Any) -> str | None:
    try:
        parse_spec(str(value))
    except ValueError as exc:
        return str(exc)
    return None


_PIN_HASH = re.compile(r"scrypt\$(\d{1,8})\$(\d{1,2})\$(\d{1,2})\$[0-9a-f]{32}\$[0-9a-f]{64}", re.ASCII)


def _pin_hash(value: Any) -> str | None:
    """Empty, or a hash as ``config set-pin`` writes it at a cost the PIN screen can afford: any other
    value would make the technician's PIN check fail, or take minutes, at the moment it is needed."""
    match = _PIN_HASH.fullmatch(value)
    if value == "" or match and _affordable(*map(int, match.groups())):
        return None
    return "not a PIN hash made by `main.py config set-pin`; set the PIN again"


def _affordable(n: int, r: int, p: int) -> bool:
    return n > 1 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4 and 128 * n * r <= 64 * 1024 * 1024


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "server_url": _url,
    "language": _choice("id", "en"),
    "idle_timeout_s": _between(IDLE_TIMEOUT_MIN_S, IDLE_TIMEOUT_MAX_S),
    "paper_width": _choice(*PAPER_WIDTHS),
    "volume": _between(VOLUME_MIN, VOLUME_MAX),
    "printer": _printer,
    "device_name": lambda v: None if len(v) <= DEVICE_NAME_MAX else f"must be at most {DEVICE_NAME_MAX} characters",
    "running_text": lambda v: (None if len(v) <= RUNNING_TEXT_MAX
                               else f"must be at most {RUNNING_TEXT_MAX} characters"),
    "technician_pin_hash": _pin_hash,
}


def _shown(name: str, value: Any) -> str:
    """The refused value as it may appear in one line of an error: short, escaped, secrets hidden."""
    if name in SECRET_KEYS:
        return "(hidden)"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


def _refusal(name: str, path: str, reason: str, **params: Any) -> ConfigError:
    return ConfigError(f"{path}: {reason}", params={"key": name, "path": path, "reason": reason, **params})


def _whole_number(name: str, path: str, value: Any) -> int:
    if isinstance(value, float) and not math.isfinite(value):
        raise _refusal(name, path, f"not a finite number ({value})", expected="a whole number")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise _refusal(name, path, f"expected a whole number, got {_shown(name, value)}", expected="a whole number")


def _text(name: str, path: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _refusal(name, path, f"expected text, got {_shown(name, value)}", expected="text")
    control = next((ch for ch in value if ord(ch) in _CONTROLS), None)
    if control is not None:
        # A NUL or an escape here would reach a path, a URL, the log or the hall's screen.
        raise _refusal(name, path, f"contains a control character (U+{ord(control):04X})")
    return value


def _coerce(name: str, kind: Any, value: Any) -> Any:
    """TOML and command-line text to the field's type; a wrong type is a ConfigError."""
    if kind in ("bool", bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "1", "0", "on", "off"):
            return value.lower() in ("true", "yes", "1", "on")
        raise _refusal(name, name, f"expected true or false, got {_shown(name, value)}", expected="true or false")
    if kind in ("int", int):
        return _whole_number(name, name, value)
    if str(kind).startswith("tuple"):
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",")]
        elif not isinstance(value, (list, tuple)):
            raise _refusal(name, name, f"expected a list, got {_shown(name, value)}", expected="a list")
        item_of = _whole_number if "int" in str(kind) else _text
        return tuple(item_of(name, f"{name}[{i}]", item) for i, item in enumerate(value) if item != "")
    return _text(name, name, value)


def validate(cfg: DeviceConfig) -> DeviceConfig:
    """Refuses what ``load_config`` would refuse, so no app can save a file it cannot start from."""
    for field in fields(DeviceConfig):
        _coerce(field.name, field.type, getattr(cfg, field.name))
    for name, check in _CHECKS.items():
        problem = check(getattr(cfg, name))
        if problem:
            raise ConfigError(f"{name}: {problem}", params={"key": name, "reason": problem})
    return cfg


def from_mapping(data: Mapping[str, Any]) -> DeviceConfig:
    known = {f.name: f for f in fields(DeviceConfig)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        named = ", ".join(repr(key) if not key.isidentifier() else key for key in unknown[:3])
        more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        raise ConfigError(f"unknown setting(s): {named}{more}; known: {', '.join(known)}",
                          params={"key": unknown[0]})
    values = {k: _coerce(k, known[k].type, v) for k, v in data.items()}
    return validate(DeviceConfig(**values))


def with_change(cfg: DeviceConfig, key: str, value: Any) -> DeviceConfig:
    """A copy with one setting changed, validated; the original is untouched."""
    current = dataclasses.asdict(cfg)
    if key not in current:
        raise ConfigError(f"unknown setting: {key}; known: {', '.join(current)}", params={"key": key})
    current[key] = value
    return from_mapping(current)


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get("ANJUNGAN_CONFIG")
    return Path(env) if env else user_config_dir() / "config.toml"


def load_config(path: Path) -> DeviceConfig:
    """The file's settings (the defaults when there is no file). A directory or a file this user
    may not read is an OSError; every other problem is a ConfigError naming the key, or "file"."""
    if not path.exists():
        if path.is_symlink():
            raise ConfigError("file: a link to nothing", params={"key": "file"})
        return DeviceConfig()
    return from_mapping(_parse(_read(path)))


def _read(path: Path) -> bytes:
    # Non-blocking, so a FIFO put in the config's place cannot hang the app before it has a window.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise ConfigError("file: not a regular file", params={"key": "file"})
        data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ConfigError(f"file: larger than {MAX_FILE_BYTES // 1024} KiB, not a device config",
                          params={"key": "file"})
    return data


def _parse(data: bytes) -> dict[str, Any]:
    data = data.removeprefix(b"\xef\xbb\xbf")  # the byte order mark some Windows editors write
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"file: not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})",
                          params={"key": "file"}) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = f"not valid TOML: {exc}"
    except ValueError:  # Python's limit on the digits of one integer
        reason = "not valid TOML: a number with too many digits"
    except RecursionError:
        reason = "not valid TOML: lists or tables nested too deeply"
    raise ConfigError(f"file: {reason}", params={"key": "file", "reason": reason})


def to_toml(cfg: DeviceConfig, *, mask_secrets: bool = False) -> str:
    data = dataclasses.asdict(cfg)
    data = {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}
    if mask_secrets:
        data = {k: ("********" if k in SECRET_KEYS and v else v) for k, v in data.items()}
    return tomli_w.dumps(data)


def save_config(path: Path, cfg: DeviceConfig) -> None:
    """Write atomically: a temporary file in the same folder, flushed, then renamed over."""
    validate(cfg)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(to_toml(cfg))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
