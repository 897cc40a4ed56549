"""Words for queue facts shown on several screens: waiting counts, estimated waits, ticket states,
priority groups and names in the current language. Sources are Indonesian, context ``Texts``."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.models import TicketStatus
from core.ui_text import clock_time
from core.wire import AT_LOKET, WaitUnknown
from ui.i18n import Numerus, Text

C = "KioskTexts"


def _t(source: str, n: int = -1, **params: object) -> Text:
    return Text(source, params, n=n, context=C)


def wait_text(minutes: int) -> Text:
    """``± 25 menit``, ``± 1 jam 20 menit``; nothing to wait: ``Segera dilayani``."""
    if minutes <= 0:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Segera dilayani"))
    if minutes < 60:
        return _t(Numerus.translate("KioskTexts", "± %n menit", None, 0), n=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return _t(Numerus.translate("KioskTexts", "± %n jam", None, 0), n=hours)
    return _t(QT_TRANSLATE_NOOP("KioskTexts", "± {hours} jam {minutes} menit"), hours=hours, minutes=rest)


# Why there is no estimate (the server's ``wait_unknown``): said instead of a wait that would be invented.
WAIT_UNKNOWN: Mapping[WaitUnknown, str] = {
    WaitUnknown.NO_LOKET_OPEN: QT_TRANSLATE_NOOP("KioskTexts", "Loket belum buka"),
    WaitUnknown.LOKETS_PAUSED: QT_TRANSLATE_NOOP("KioskTexts", "Loket sedang jeda, belum dapat diperkirakan"),
}


def wait_or_reason_text(minutes: int, unknown: WaitUnknown | None) -> Text:
    """The estimate, or why there is none (no loket open: nobody is served, however short the queue)."""
    if unknown is not None:
        return _t(WAIT_UNKNOWN[unknown])
    return wait_text(minutes)


def waiting_text(count: int) -> Text:
    if count <= 0:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Tidak ada antrean"))
    return _t(Numerus.translate("KioskTexts", "%n orang menunggu", None, 0), n=count)


def people_ahead_text(count: int) -> Text:
    if count <= 0:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Tidak ada, Anda berikutnya"))
    return _t(Numerus.translate("KioskTexts", "%n orang", None, 0), n=count)


def service_detail(waiting: int, eta_minutes: int, unknown: WaitUnknown | None = None) -> Text:
    """The line under an open service: how many wait and how long, or why that cannot be said."""
    if unknown is not None:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "{waiting} · {reason}"), waiting=waiting_text(waiting),
                  reason=_t(WAIT_UNKNOWN[unknown]))
    if waiting <= 0:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Tidak ada antrean · langsung dilayani"))
    return _t(QT_TRANSLATE_NOOP("KioskTexts", "{waiting} · tunggu {wait}"), waiting=waiting_text(waiting),
              wait=wait_text(eta_minutes))


def tickets_until_text(closes_at: str) -> Text:
    """When the last ticket of today is given out, e.g. ``14.30 WIB``."""
    return _t(QT_TRANSLATE_NOOP("KioskTexts", "Antrean dibuka sampai pukul {time}"), time=closes_at)


def quota_left_text(left: int) -> Text:
    return _t(Numerus.translate("KioskTexts", "Sisa kuota hari ini: %n", None, 0), n=left)


NO_PRIORITY = (QT_TRANSLATE_NOOP("KioskTexts", "Tidak, antrean biasa"),
               QT_TRANSLATE_NOOP("KioskTexts", "Saya tidak termasuk kelompok prioritas"))


# ticket state -> (headline, state class for the colour)
STATUS_HEADLINES: Mapping[TicketStatus, tuple[str, str]] = {
    TicketStatus.WAITING: (QT_TRANSLATE_NOOP("KioskTexts", "Menunggu dipanggil"), "waiting"),
    TicketStatus.CALLED: (QT_TRANSLATE_NOOP("KioskTexts", "Nomor Anda dipanggil!"), "called"),
    TicketStatus.SERVING: (QT_TRANSLATE_NOOP("KioskTexts", "Sedang dilayani"), "serving"),
    TicketStatus.DONE: (QT_TRANSLATE_NOOP("KioskTexts", "Selesai dilayani"), "over"),
    TicketStatus.NO_SHOW: (QT_TRANSLATE_NOOP("KioskTexts", "Terlewat: tidak hadir saat dipanggil"), "over"),
    TicketStatus.CANCELLED: (QT_TRANSLATE_NOOP("KioskTexts", "Dibatalkan"), "over"),
    TicketStatus.TRANSFERRED: (QT_TRANSLATE_NOOP("KioskTexts", "Dialihkan ke layanan lain"), "waiting"),
    TicketStatus.EXPIRED: (QT_TRANSLATE_NOOP("KioskTexts", "Kedaluwarsa"), "over"),
}


def status_headline(status: TicketStatus) -> tuple[Text, str]:
    source, state = STATUS_HEADLINES[status]
    return _t(source), state


def transferred_headline(service_name: str) -> Text:
    """A ticket an officer sent on to another service: which one, so the citizen knows where to go."""
    return _t(QT_TRANSLATE_NOOP("KioskTexts", "Dialihkan ke {service}"), service=service_name)


def with_booking(agency: str, booked_for: str, lang: str) -> Text:
    """The agency line of a checked-in booking's ticket: its slot says why it is called before walk-ins."""
    return _t(QT_TRANSLATE_NOOP("KioskTexts", "{agency} · Booking {time}"), agency=agency,
              time=clock_time(booked_for, lang))


def with_lokets(detail: Text, lokets: tuple[str, ...]) -> Text:
    """A waiting ticket's detail and the lokets that serve its service."""
    if not lokets:
        return detail
    return _t(QT_TRANSLATE_NOOP("KioskTexts", "{detail} Menuju: {lokets}."), detail=detail, lokets=", ".join(lokets))


def status_detail(status: TicketStatus, people_ahead: int, eta_minutes: int, counter_name: str | None,
                  unknown: WaitUnknown | None = None) -> Text:
    """What the citizen should do now, for a ticket in ``status``."""
    if status in AT_LOKET and counter_name:
        if status is TicketStatus.CALLED:
            return _t(QT_TRANSLATE_NOOP("KioskTexts", "Silakan segera menuju {counter}."), counter=counter_name)
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Anda sedang dilayani di {counter}."), counter=counter_name)
    if status in (TicketStatus.WAITING, TicketStatus.TRANSFERRED) and unknown is not None:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Di depan Anda: {ahead}. {reason}."),
                  ahead=people_ahead_text(people_ahead), reason=_t(WAIT_UNKNOWN[unknown]))
    if status in (TicketStatus.WAITING, TicketStatus.TRANSFERRED) and people_ahead <= 0:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Anda berikutnya. Mohon bersiap di dekat loket."))
    if status in (TicketStatus.WAITING, TicketStatus.TRANSFERRED):
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Di depan Anda: {ahead}. Perkiraan: {wait}."),
                  ahead=people_ahead_text(people_ahead), wait=wait_text(eta_minutes))
    if status is TicketStatus.NO_SHOW:
        # The officer can put the ticket back in the queue the same day: a new ticket would start at the end.
        if counter_name:
            return _t(QT_TRANSLATE_NOOP("KioskTexts", "Jangan mengambil tiket baru: temui petugas di {counter}. "
                                                      "Tiket Anda bisa dikembalikan ke antrean hari ini."),
                      counter=counter_name)
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Jangan mengambil tiket baru: temui petugas di loket. "
                                                  "Tiket Anda bisa dikembalikan ke antrean hari ini."))
    if status is TicketStatus.DONE:
        return _t(QT_TRANSLATE_NOOP("KioskTexts", "Terima kasih telah menggunakan layanan kami."))
    return _t(QT_TRANSLATE_NOOP("KioskTexts", "Tiket ini tidak berlaku lagi. Silakan ambil nomor antrean baru."))
