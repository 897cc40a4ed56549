"""One device's settings: a typed, validated TOML file, written atomically with mode 0600.

Every app reads the file named by ``--config FILE`` or ``ANJUNGAN_CONFIG``, else ``config.toml``
in the user config folder. A bad value is refused with the key and the allowed values, and the
file stays as it was."""

from __future__ import annotations

import dataclasses
import os
import tempfile
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlparse

import tomli_w

from kiosk.errors import ConfigError
from kiosk.paths import user_config_dir
from kiosk.printer_spec import parse_spec

SECRET_KEYS = frozenset({"token", "technician_pin_hash"})


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
    parsed = urlparse(str(value))
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return "must be an http:// or https:// address with a host, e.g. http://10.0.0.2:8080"
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


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "server_url": _url,
    "language": _choice("id", "en"),
    "idle_timeout_s": _between(10, 3600),
    "paper_width": _choice(58, 80),
    "volume": _between(0, 100),
    "printer": _printer,
    "device_name": lambda v: None if len(v) <= 80 else "must be at most 80 characters",
    "running_text": lambda v: None if len(v) <= 500 else "must be at most 500 characters",
}


def _coerce(name: str, kind: Any, value: Any) -> Any:
    """TOML and command-line text to the field's type; a wrong type is a ConfigError."""
    def bad(expected: str) -> ConfigError:
        shown = "(hidden)" if name in SECRET_KEYS else repr(value)   # a secret never lands in an error
        return ConfigError(f"{name}: expected {expected}, got {shown}", params={"key": name, "expected": expected})

    if kind in ("bool", bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "1", "0", "on", "off"):
            return value.lower() in ("true", "yes", "1", "on")
        raise bad("true or false")
    if kind in ("int", int):
        if isinstance(value, bool):
            raise bad("a whole number")
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad("a whole number") from None
    if str(kind).startswith("tuple"):
        items = value.split(",") if isinstance(value, str) else list(value)
        items = [i.strip() if isinstance(i, str) else i for i in items if i != ""]
        if "int" in str(kind):
            try:
                return tuple(int(i) for i in items)
            except (TypeError, ValueError):
                raise bad("a list of whole numbers, e.g. 1,2,3") from None
        return tuple(str(i) for i in items)
    if not isinstance(value, str):
        raise bad("text")
    return value


def validate(cfg: DeviceConfig) -> DeviceConfig:
    for name, check in _CHECKS.items():
        problem = check(getattr(cfg, name))
        if problem:
            raise ConfigError(f"{name}: {problem}", params={"key": name, "reason": problem})
    return cfg


def from_mapping(data: Mapping[str, Any]) -> DeviceConfig:
    known = {f.name: f for f in fields(DeviceConfig)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(known)}",
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
    if not path.exists():
        return DeviceConfig()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}", params={"key": "file"}) from None
    return from_mapping(data)


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
