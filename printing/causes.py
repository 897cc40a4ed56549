"""Why a printer could not be used, as one of a few causes a technician can act on (the apps word each
in Indonesian and English); the raw OS reason stays in the log. One place maps OS errors to causes."""

from __future__ import annotations

import enum
import errno
import socket


class PrinterCause(enum.StrEnum):
    REFUSED = "refused"              # ECONNREFUSED: nothing listens at that address and port
    UNREACHABLE = "unreachable"      # EHOSTUNREACH, ENETUNREACH: no route to that address
    UNKNOWN_HOST = "unknown_host"    # the host name does not resolve
    NO_ANSWER = "no_answer"          # a timeout: connected or not, the printer says nothing
    DROPPED = "dropped"              # EPIPE, ECONNRESET, closed: the line broke
    NOT_FOUND = "not_found"          # ENOENT, ENODEV, ENXIO: no such USB or serial device
    NO_PERMISSION = "no_permission"  # EACCES, EPERM: the app may not open the device
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"        # the printer's own status says offline: cover, jam, error light
    BUSY = "busy"                    # another receipt is still printing
    OTHER = "other"


_BY_ERRNO = {
    errno.ECONNREFUSED: PrinterCause.REFUSED,
    errno.EHOSTUNREACH: PrinterCause.UNREACHABLE,
    errno.ENETUNREACH: PrinterCause.UNREACHABLE,
    errno.EHOSTDOWN: PrinterCause.UNREACHABLE,
    errno.ENETDOWN: PrinterCause.UNREACHABLE,
    errno.ETIMEDOUT: PrinterCause.NO_ANSWER,
    errno.EPIPE: PrinterCause.DROPPED,
    errno.ECONNRESET: PrinterCause.DROPPED,
    errno.ECONNABORTED: PrinterCause.DROPPED,
    errno.ENOENT: PrinterCause.NOT_FOUND,
    errno.ENODEV: PrinterCause.NOT_FOUND,
    errno.ENXIO: PrinterCause.NOT_FOUND,
    errno.EACCES: PrinterCause.NO_PERMISSION,
    errno.EPERM: PrinterCause.NO_PERMISSION,
    errno.EBUSY: PrinterCause.BUSY,
}


def cause_of(exc: BaseException) -> PrinterCause:
    """The cause behind an OS or library error (or the error it wraps)."""
    if isinstance(exc, socket.gaierror):
        return PrinterCause.UNKNOWN_HOST
    if isinstance(exc, TimeoutError):
        return PrinterCause.NO_ANSWER
    number = getattr(exc, "errno", None)
    if isinstance(number, int) and number in _BY_ERRNO:
        return _BY_ERRNO[number]
    if isinstance(exc, BrokenPipeError | ConnectionResetError | ConnectionAbortedError):
        return PrinterCause.DROPPED
    wrapped = exc.__cause__ or exc.__context__
    return cause_of(wrapped) if wrapped is not None and wrapped is not exc else PrinterCause.OTHER


__all__ = ["PrinterCause", "cause_of"]
