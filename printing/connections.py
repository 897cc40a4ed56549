"""Printer connections chosen by one config string, and the factory that opens them.

``network:HOST[:PORT]`` ``usb:VID:PID`` ``serial:DEVICE[:BAUD]`` ``file:PATH`` send ESC/POS bytes
through python-escpos's printer classes; ``cups:QUEUE`` and ``pdf:FOLDER`` take a PDF. Every
failure leaves here as a kiosk.errors printer error (offline, timeout, or plain failure).
"""

from __future__ import annotations

import enum
import errno
import logging
import os
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core.errors import PrinterError, PrinterOffline, PrinterTimeout
from core.printer_spec import (
    CupsSpec,
    FileSpec,
    InvalidPrinterSpec,
    NetworkSpec,
    PdfSpec,
    PrinterSpec,
    SerialSpec,
    UsbSpec,
    parse_spec,
)
from printing.causes import PrinterCause, cause_of
from printing.escpos_lib import Escpos, exceptions, printer
from printing.status import UNKNOWN, Online, PrinterState, read_state

log = logging.getLogger(__name__)

__all__ = ["Connection", "Document", "DocumentKind", "InvalidPrinterSpec", "PrinterSpec",
           "make_connection", "parse_spec", "translate"]


class DocumentKind(str, enum.Enum):
    ESCPOS = "escpos"
    PDF = "pdf"


@dataclass(frozen=True)
class Document:
    """One rendered receipt, ready for a connection that accepts its kind."""

    kind: DocumentKind
    data: bytes
    name: str = "receipt"
    width_mm: float = 80.0
    height_mm: float = 0.0


def translate(exc: BaseException, what: str) -> PrinterError:
    """The one place OS and python-escpos errors become kiosk printer errors."""
    if isinstance(exc, PrinterError):
        return exc
    if isinstance(exc, exceptions.DeviceNotFoundError) and exc.__context__ is not None:
        return translate(exc.__context__, what)
    cause = {"cause": PrinterCause.NOT_FOUND if isinstance(exc, exceptions.DeviceNotFoundError) else cause_of(exc)}
    if isinstance(exc, TimeoutError):
        return PrinterTimeout(f"{what}: no answer in time", params=cause)
    if isinstance(exc, (ConnectionError, socket.gaierror, exceptions.DeviceNotFoundError)):
        return PrinterOffline(f"{what}: {exc}", params=cause)
    if isinstance(exc, OSError) and exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH,
                                                   errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return PrinterOffline(f"{what}: {exc}", params=cause)
    return PrinterError(f"{what}: {exc}", params=cause)


class Connection:
    """One open line to one printer. Methods raise only kiosk.errors printer errors."""

    accepts = DocumentKind.ESCPOS

    def __init__(self, spec: PrinterSpec) -> None:
        self.spec = spec

    def open(self, timeout: float) -> None:
        """Make the connection; a failed open leaves nothing to close."""

    def send(self, document: Document, timeout: float) -> None:
        raise NotImplementedError

    def state(self, timeout: float) -> PrinterState:
        """What the printer says of itself; UNKNOWN when this kind of line cannot ask."""
        return UNKNOWN

    def close(self) -> None:
        """Release the line; safe to call twice."""

    def abort(self) -> None:
        """Called from another thread when the deadline has passed: unblock and drop the line."""
        self.close()


class EscposConnection(Connection):
    """A python-escpos printer object used as a transport: its ``_raw`` writes, ``_read`` reads."""

    reads_status = False
    # A network printer that does not answer DLE EOT is hung; many USB and serial printers
    # simply have no way back, so there a failed status read only means "unknown".
    status_required = False

    def __init__(self, spec: PrinterSpec) -> None:
        super().__init__(spec)
        self._device: Escpos | None = None

    def _make_device(self, timeout: float) -> Escpos:
        raise NotImplementedError

    def open(self, timeout: float) -> None:
        device = self._make_device(timeout)
        try:
            device.open(raise_not_found=True)
        except Exception as exc:
            raise translate(exc, f"cannot open {self.spec}") from exc
        self._device = device

    def _prepare(self, timeout: float) -> Escpos:
        if self._device is None:
            raise PrinterOffline(f"{self.spec}: connection is closed", params={"cause": PrinterCause.DROPPED})
        return self._device

    def send(self, document: Document, timeout: float) -> None:
        device = self._prepare(timeout)
        try:
            device._raw(document.data)
        except Exception as exc:
            raise translate(exc, f"sending to {self.spec}") from exc

    def query(self, command: bytes, timeout: float) -> bytes | None:
        device = self._prepare(timeout)
        try:
            device._raw(command)
            answer = bytes(device._read())
        except NotImplementedError:
            return None
        except Exception as exc:
            raise translate(exc, f"status from {self.spec}") from exc
        return answer or None

    def state(self, timeout: float) -> PrinterState:
        if not self.reads_status:
            return UNKNOWN
        try:
            return read_state(lambda command: self.query(command, timeout))
        except PrinterError as exc:
            if self.status_required:
                raise
            log.debug("%s gave no status answer (%s); state unknown", self.spec, exc)
            return UNKNOWN

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            try:
                device.close()
            except Exception:  # closing a broken line must not hide the real error
                log.debug("closing %s failed", self.spec, exc_info=True)


class NetworkConnection(EscposConnection):
    reads_status = True
    status_required = True

    def __init__(self, spec: NetworkSpec) -> None:
        super().__init__(spec)
        self._socket: socket.socket | None = None

    def _make_device(self, timeout: float) -> Escpos:
        spec = self.spec
        assert isinstance(spec, NetworkSpec)
        return printer.Network(spec.host, spec.port, timeout=timeout)

    def open(self, timeout: float) -> None:
        super().open(timeout)
        assert self._device is not None
        self._socket = self._device.device

    def _prepare(self, timeout: float) -> Escpos:
        device = super()._prepare(timeout)
        if self._socket is not None:
            self._socket.settimeout(max(timeout, 0.01))
        return device

    def query(self, command: bytes, timeout: float) -> bytes | None:
        answer = super().query(command, timeout)
        if answer is None:
            # A socket that reads b"" has been closed by the printer.
            raise PrinterOffline(f"{self.spec} closed the connection", params={"cause": PrinterCause.DROPPED})
        return answer

    def abort(self) -> None:
        sock = self._socket
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes a thread blocked in recv/send
            except OSError:
                pass
        self.close()

    def close(self) -> None:
        self._socket = None
        super().close()


class FileConnection(EscposConnection):
    """A device node or file: write-only, so the printer's state is unknown."""

    def _make_device(self, timeout: float) -> Escpos:
        spec = self.spec
        assert isinstance(spec, FileSpec)
        return printer.File(spec.path, auto_flush=True)


class UsbConnection(EscposConnection):
    reads_status = True

    def _make_device(self, timeout: float) -> Escpos:
        spec = self.spec
        assert isinstance(spec, UsbSpec)
        if not printer.Usb.is_usable():
            raise PrinterError(f"{spec}: USB printing needs the pyusb package")
        return printer.Usb(usb_args={"idVendor": spec.vendor_id, "idProduct": spec.product_id},
                           timeout=int(timeout * 1000))


class SerialConnection(EscposConnection):
    reads_status = True

    def _make_device(self, timeout: float) -> Escpos:
        spec = self.spec
        assert isinstance(spec, SerialSpec)
        if not printer.Serial.is_usable():
            raise PrinterError(f"{spec}: serial printing needs the pyserial package")
        return printer.Serial(spec.device, baudrate=spec.baudrate, timeout=timeout)


class CupsConnection(Connection):
    """Hands the PDF to CUPS with ``lp``; CUPS keeps the job, so the paper state is unknown."""

    accepts = DocumentKind.PDF

    def __init__(self, spec: CupsSpec, lp_command: str = "lp") -> None:
        super().__init__(spec)
        self.lp_command = lp_command

    def send(self, document: Document, timeout: float) -> None:
        spec = self.spec
        assert isinstance(spec, CupsSpec)
        media = f"media=Custom.{document.width_mm:g}x{document.height_mm:.0f}mm"
        command = [self.lp_command, "-d", spec.queue, "-t", document.name, "-o", media]
        try:
            done = subprocess.run(command, input=document.data, capture_output=True,
                                  timeout=timeout, check=False)
        except FileNotFoundError as exc:
            raise PrinterError(f"{spec}: CUPS client {self.lp_command!r} is not installed") from exc
        except subprocess.TimeoutExpired as exc:
            raise PrinterTimeout(f"{spec}: lp did not finish in time") from exc
        except OSError as exc:
            raise translate(exc, f"{spec}: running lp") from exc
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
            raise PrinterError(f"{spec}: lp refused the job: {why}")


class PdfFolderConnection(Connection):
    """Saves each receipt as ``<time>-<code>.pdf`` in a folder (a saved copy, or a test)."""

    accepts = DocumentKind.PDF

    def __init__(self, spec: PdfSpec) -> None:
        super().__init__(spec)
        self.folder = Path(spec.folder)
        self.last_path: Path | None = None

    def open(self, timeout: float) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate(exc, f"creating {self.folder}") from exc

    def state(self, timeout: float) -> PrinterState:
        usable = self.folder.is_dir() and os.access(self.folder, os.W_OK)
        return PrinterState(online=Online.ONLINE if usable else Online.OFFLINE)

    def send(self, document: Document, timeout: float) -> None:
        stem = f"{datetime.now():%Y%m%d-%H%M%S}-{document.name}"
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".part")
            with os.fdopen(fd, "wb") as out:
                out.write(document.data)
            path = self.folder / f"{stem}.pdf"
            counter = 1
            while path.exists():
                counter += 1
                path = self.folder / f"{stem}-{counter}.pdf"
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            raise translate(exc, f"saving PDF in {self.folder}") from exc
        finally:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
        self.last_path = path


def make_connection(spec: PrinterSpec | str) -> Connection:
    """A fresh, not yet opened connection for ``spec`` (a string is parsed first)."""
    if isinstance(spec, str):
        spec = parse_spec(spec)
    if isinstance(spec, NetworkSpec):
        return NetworkConnection(spec)
    if isinstance(spec, UsbSpec):
        return UsbConnection(spec)
    if isinstance(spec, SerialSpec):
        return SerialConnection(spec)
    if isinstance(spec, FileSpec):
        return FileConnection(spec)
    if isinstance(spec, CupsSpec):
        return CupsConnection(spec)
    return PdfFolderConnection(spec)
