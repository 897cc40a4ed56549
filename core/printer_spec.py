"""Printer settings as typed specs: ``network:HOST[:PORT]`` ``usb:VID:PID`` ``serial:DEV[:BAUD]``
``file:PATH`` ``cups:QUEUE`` ``pdf:FOLDER``, parsed from the one config string."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import ConfigError

DEFAULT_PORT = 9100
DEFAULT_BAUD = 9600


class InvalidPrinterSpec(ConfigError):
    """The printer setting is not one of the forms this module knows."""


@dataclass(frozen=True)
class NetworkSpec:
    host: str
    port: int = DEFAULT_PORT

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"network:{host}:{self.port}"


@dataclass(frozen=True)
class UsbSpec:
    vendor_id: int
    product_id: int

    def __str__(self) -> str:
        return f"usb:{self.vendor_id:04x}:{self.product_id:04x}"


@dataclass(frozen=True)
class SerialSpec:
    device: str
    baudrate: int = DEFAULT_BAUD

    def __str__(self) -> str:
        return f"serial:{self.device}:{self.baudrate}"


@dataclass(frozen=True)
class FileSpec:
    path: str

    def __str__(self) -> str:
        return f"file:{self.path}"


@dataclass(frozen=True)
class CupsSpec:
    queue: str

    def __str__(self) -> str:
        return f"cups:{self.queue}"


@dataclass(frozen=True)
class PdfSpec:
    folder: str

    def __str__(self) -> str:
        return f"pdf:{self.folder}"


PrinterSpec = NetworkSpec | UsbSpec | SerialSpec | FileSpec | CupsSpec | PdfSpec


def _invalid(text: str, why: str) -> InvalidPrinterSpec:
    return InvalidPrinterSpec(f"printer {text!r}: {why}", params={"key": "printer", "spec": text})


def _number(text: str, value: str, base: int, low: int, high: int, what: str) -> int:
    try:
        number = int(value, base)
    except ValueError:
        raise _invalid(text, f"{what} {value!r} is not a number") from None
    if not low <= number <= high:
        raise _invalid(text, f"{what} {number} is out of range {low}-{high}")
    return number


def parse_spec(text: str) -> PrinterSpec:
    """The typed form of a printer setting; raises InvalidPrinterSpec with the reason."""
    kind, sep, rest = text.strip().partition(":")
    kind = kind.lower()
    if not sep or not rest:
        raise _invalid(text, "expected KIND:ADDRESS, e.g. network:192.168.1.50:9100")
    if kind == "network":
        if rest.startswith("["):
            host, _, tail = rest[1:].partition("]")
            port = tail[1:] if tail.startswith(":") else ""
        elif rest.count(":") > 1:
            host, port = rest, ""
        else:
            host, _, port = rest.partition(":")
        if not host:
            raise _invalid(text, "no host")
        return NetworkSpec(host, _number(text, port, 10, 1, 65535, "port") if port else DEFAULT_PORT)
    if kind == "usb":
        parts = rest.split(":")
        if len(parts) != 2:
            raise _invalid(text, "expected usb:VENDOR:PRODUCT in hex, e.g. usb:04b8:0202")
        vid, pid = (_number(text, p.lower().removeprefix("0x"), 16, 0, 0xFFFF, "USB id") for p in parts)
        return UsbSpec(vid, pid)
    if kind == "serial":
        device, _, baud = rest.rpartition(":")
        if device and baud.isdigit():
            return SerialSpec(device, _number(text, baud, 10, 300, 921600, "baud rate"))
        return SerialSpec(rest)
    if kind == "file":
        return FileSpec(rest)
    if kind == "cups":
        return CupsSpec(rest)
    if kind == "pdf":
        return PdfSpec(rest)
    raise _invalid(text, f"unknown kind {kind!r}; use network, usb, serial, file, cups or pdf")
