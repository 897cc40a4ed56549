"""One error hierarchy for every client: the controller maps each class to a screen with a way on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class AnjunganError(Exception):
    """Base of every error a client shows to a person; ``code`` picks the translated text."""

    code = "unexpected"

    def __init__(self, message: str = "", *, code: str | None = None,
                 params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message or self.code)
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = dict(params or {})


class BackendError(AnjunganError):
    """Anything that went wrong talking to the central server."""


class BackendUnreachable(BackendError):
    """No connection could be made (server down, network cut, DNS)."""

    code = "server_unreachable"


class BackendTimeout(BackendError):
    """The server accepted the request but did not answer in time."""

    code = "server_timeout"


class BackendStatusError(BackendError):
    """The server answered with an error document ``{"error": {code, message, params}}``."""

    def __init__(self, status: int, code: str, message: str = "", *,
                 params: Mapping[str, Any] | None = None, request_id: str | None = None) -> None:
        super().__init__(message, code=code, params=params)
        self.status = status
        self.request_id = request_id

    def __str__(self) -> str:
        rid = f" request {self.request_id}" if self.request_id else ""
        return f"HTTP {self.status} {self.code}: {self.args[0]}{rid}"


class PrinterError(AnjunganError):
    """The receipt printer could not print."""

    code = "printer_failed"


class PrinterOffline(PrinterError):
    code = "printer_offline"


class PrinterPaperOut(PrinterError):
    code = "paper_out"


class PrinterTimeout(PrinterError):
    code = "printer_timeout"


class ConfigError(AnjunganError):
    """A device setting is missing or invalid; ``params['key']`` names it."""

    code = "config_invalid"
