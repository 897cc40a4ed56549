"""The one place where an error becomes words and a way on: error classes and server error codes
(never message text) map to a :class:`Message`; a closed service's reason maps to a short note.

Texts are Indonesian sources marked for Qt Linguist; screens render them in the current language
and, smaller, in the other one.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.errors import AnjunganError, BackendStatusError, BackendTimeout, BackendUnreachable
from core.models import Service
from core.ui_text import clock_time
from ui.i18n import Text

log = logging.getLogger(__name__)
C = "KioskMessages"


class Way(str, enum.Enum):
    """What a citizen can do after a message; the controller decides what each one means."""

    RETRY = "retry"        # the same request again, with the same idempotency key
    HOME = "home"
    SERVICES = "services"  # back to the list of services, freshly loaded
    STATUS = "status"      # enter another ticket code
    WALK_IN = "walk_in"    # a booking too late to check in: a walk-in ticket of its service instead


WAY_LABELS: Mapping[Way, str] = {
    Way.RETRY: QT_TRANSLATE_NOOP("KioskMessages", "Coba lagi"),
    Way.HOME: QT_TRANSLATE_NOOP("KioskMessages", "Kembali ke awal"),
    Way.SERVICES: QT_TRANSLATE_NOOP("KioskMessages", "Pilih layanan lain"),
    Way.STATUS: QT_TRANSLATE_NOOP("KioskMessages", "Masukkan kode lagi"),
    Way.WALK_IN: QT_TRANSLATE_NOOP("KioskMessages", "Ambil antrean biasa"),
}


@dataclass(frozen=True)
class Message:
    code: str
    title: Text
    body: Text
    ways: tuple[Way, ...] = (Way.HOME,)
    tone: str = "error"  # error | warning | info: the title's colour

    @property
    def retryable(self) -> bool:
        return Way.RETRY in self.ways


def _t(source: str, **params: Any) -> Text:
    return Text(source, params, context=C)


# -- closed services: (short note for the tile, full title, full body), by reason code ----------

def _closed_params(service: Service) -> Mapping[str, Any]:
    # The catalog sends closed_params (holiday name, end of break…); older models drop them.
    return getattr(service, "closed_params", None) or {}


def _next_open(params: Mapping[str, Any]) -> Text | None:
    day, at = params.get("next_open_date"), params.get("next_opens_at")
    if not day or not at:
        return None
    try:
        when = date.fromisoformat(str(day))
    except ValueError:
        return None
    return _t(QT_TRANSLATE_NOOP("KioskMessages", "{day} pukul {time}"), day=when, time=at)


def closed_texts(reason: str | None, params: Mapping[str, Any], opens_at: str | None = None,
                 closes_at: str | None = None) -> tuple[Text, Text, Text]:
    """(note, title, body) for a service closed with ``reason`` and the server's ``params``."""
    p = dict(params)
    opens_at = p.get("opens_at") or opens_at
    closes_at = p.get("closes_at") or closes_at
    nxt = _next_open(p)
    come_back = (_t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan datang kembali {when}."), when=nxt) if nxt
                 else _t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan datang kembali pada hari kerja berikutnya.")))
    if reason == "quota_exhausted":
        title = _t(QT_TRANSLATE_NOOP("KioskMessages", "Kuota hari ini habis"))
        if not nxt:
            return title, title, _t(QT_TRANSLATE_NOOP(
                "KioskMessages", "Semua nomor antrean layanan ini untuk hari ini sudah diambil. Silakan datang "
                                 "kembali besok pagi, atau pilih layanan lain."))
        note = _t(QT_TRANSLATE_NOOP("KioskMessages", "Kuota hari ini habis · buka lagi {day}"),
                  day=date.fromisoformat(str(p["next_open_date"])))
        return note, title, _t(QT_TRANSLATE_NOOP(
            "KioskMessages", "Semua nomor antrean layanan ini untuk hari ini sudah diambil. {come_back} Atau pilih "
                             "layanan lain."), come_back=come_back)
    if reason == "not_open_yet" and opens_at:
        return (_t(QT_TRANSLATE_NOOP("KioskMessages", "Buka pukul {time}"), time=opens_at),
                _t(QT_TRANSLATE_NOOP("KioskMessages", "Layanan belum buka")),
                _t(QT_TRANSLATE_NOOP("KioskMessages", "Layanan ini buka pukul {time}. Silakan ambil nomor antrean "
                                                 "setelah jam tersebut."), time=opens_at))
    if reason == "on_break":
        friday = p.get("break_reason") == "sholat_jumat"
        resumes = p.get("resumes_at")
        title = (_t(QT_TRANSLATE_NOOP("KioskMessages", "Istirahat sholat Jumat")) if friday
                 else _t(QT_TRANSLATE_NOOP("KioskMessages", "Istirahat")))
        if resumes:
            note = (_t(QT_TRANSLATE_NOOP("KioskMessages", "Istirahat sholat Jumat sampai {time}"), time=resumes)
                    if friday
                    else _t(QT_TRANSLATE_NOOP("KioskMessages", "Istirahat sampai {time}"), time=resumes))
            title = note
            body = _t(QT_TRANSLATE_NOOP("KioskMessages", "Pelayanan sedang istirahat dan buka kembali pukul {time}. "
                                                    "Silakan ambil nomor antrean setelah itu."), time=resumes)
        else:
            note = title
            body = _t(QT_TRANSLATE_NOOP("KioskMessages", "Pelayanan sedang istirahat. Silakan kembali sebentar lagi."))
        return note, title, body
    if reason == "holiday":
        holiday = p.get("holiday")
        note = (_t(QT_TRANSLATE_NOOP("KioskMessages", "Libur: {name}"), name=holiday) if holiday
                else _t(QT_TRANSLATE_NOOP("KioskMessages", "Libur hari ini")))
        body = _t(QT_TRANSLATE_NOOP("KioskMessages", "Hari ini hari libur; layanan tutup. {come_back}"),
                  come_back=come_back)
        return note, note, body
    if reason == "closed_day":
        note = _t(QT_TRANSLATE_NOOP("KioskMessages", "Tutup hari ini"))
        body = _t(QT_TRANSLATE_NOOP("KioskMessages", "Layanan ini tidak buka pada hari ini. {come_back}"),
                  come_back=come_back)
        return note, note, body
    if reason == "closed_for_today":
        note = (_t(QT_TRANSLATE_NOOP("KioskMessages", "Antrean hari ini ditutup pukul {time}"), time=closes_at)
                if closes_at else _t(QT_TRANSLATE_NOOP("KioskMessages", "Antrean hari ini sudah ditutup")))
        body = _t(QT_TRANSLATE_NOOP("KioskMessages", "Pengambilan nomor antrean untuk hari ini sudah ditutup. "
                                                "{come_back}"), come_back=come_back)
        return note, _t(QT_TRANSLATE_NOOP("KioskMessages", "Antrean hari ini sudah ditutup")), body
    if reason in ("service_closed_today", "agency_stopped_today"):
        return _closed_today_texts(reason, str(p.get("note") or ""), come_back)
    note = _t(QT_TRANSLATE_NOOP("KioskMessages", "Sedang tidak tersedia"))
    return note, _t(QT_TRANSLATE_NOOP("KioskMessages", "Layanan tidak tersedia")), _t(QT_TRANSLATE_NOOP(
        "KioskMessages", "Layanan ini sedang tidak tersedia. Silakan tanyakan kepada petugas informasi."))


def _closed_today_texts(reason: str, office_note: str, come_back: Text) -> tuple[Text, Text, Text]:
    """The office closed the service (or its agency's tickets) for the rest of today; its public
    reason, if it gave one, is shown as written."""
    if reason == "agency_stopped_today":
        note = _t(QT_TRANSLATE_NOOP("KioskMessages", "Tidak menerima antrean hari ini"))
        title = _t(QT_TRANSLATE_NOOP("KioskMessages", "Antrean instansi ini ditutup untuk hari ini"))
        body = _t(QT_TRANSLATE_NOOP("KioskMessages", "Pengambilan nomor antrean untuk layanan instansi ini ditutup "
                                                     "untuk hari ini. {come_back}"), come_back=come_back)
    else:
        note = _t(QT_TRANSLATE_NOOP("KioskMessages", "Ditutup untuk hari ini"))
        title = _t(QT_TRANSLATE_NOOP("KioskMessages", "Layanan ditutup untuk hari ini"))
        body = _t(QT_TRANSLATE_NOOP("KioskMessages", "Layanan ini ditutup untuk hari ini. {come_back}"),
                  come_back=come_back)
    if office_note:
        body = _t(QT_TRANSLATE_NOOP("KioskMessages", "{body} Keterangan: {note}"), body=body, note=office_note)
    return note, title, body


def closed_note(service: Service) -> Text:
    return closed_texts(service.closed_reason, _closed_params(service), service.opens_at, service.closes_at)[0]


def message_for_closed(service: Service) -> Message:
    """The explanation shown when a citizen taps a closed or full service."""
    _, title, body = closed_texts(service.closed_reason, _closed_params(service), service.opens_at,
                                  service.closes_at)
    return Message(service.closed_reason or "closed", title, body, (Way.SERVICES, Way.HOME), tone="warning")


# -- bookings: checking in at the kiosk ------------------------------------------------------------

def _booking_day(params: Mapping[str, Any]) -> date | str:
    try:
        return date.fromisoformat(str(params.get("date")))
    except ValueError:
        return str(params.get("date") or "")


def _clock(params: Mapping[str, Any], key: str) -> str:
    """A time the server sends as ``HH:MM``, written 08.30 as the kiosk's other messages do."""
    return clock_time(str(params.get(key) or ""), "id")


def booking_message(code: str, params: Mapping[str, Any]) -> Message | None:
    """What a citizen checking a booking in is told, with what the server said (the slot, when to come
    back, whether a walk-in ticket can still be issued); None for a code that is not about checking in."""
    p = dict(params)
    if code == "booking_too_early":
        return Message(code, _t(QT_TRANSLATE_NOOP("KioskMessages", "Terlalu awal — silakan kembali pukul {time}"),
                                time=_clock(p, "come_back_at")),
                       _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking Anda pukul {slot}. Check-in bisa dilakukan mulai "
                                                             "pukul {time}."),
                          slot=_clock(p, "slot"), time=_clock(p, "come_back_at")),
                       (Way.HOME,), tone="info")
    if code == "booking_too_late":
        title = _t(QT_TRANSLATE_NOOP("KioskMessages", "Waktu check-in booking sudah lewat"))
        if p.get("walk_in"):
            return Message(code, title, _t(QT_TRANSLATE_NOOP(
                "KioskMessages", "Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut. "
                                 "Anda masih bisa mengambil antrean biasa untuk layanan ini."),
                slot=_clock(p, "slot"), minutes=p.get("late_minutes", "")), (Way.WALK_IN, Way.HOME), tone="warning")
        return Message(code, title, _t(QT_TRANSLATE_NOOP(
            "KioskMessages", "Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut, dan "
                             "kuota antrean biasa layanan ini hari ini sudah habis. Silakan booking untuk hari lain."),
            slot=_clock(p, "slot"), minutes=p.get("late_minutes", "")), (Way.HOME,), tone="warning")
    if code == "booking_not_today":
        return Message(code, _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking ini bukan untuk hari ini")),
                       _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking Anda untuk tanggal {day}. Check-in hanya bisa "
                                                             "dilakukan pada hari itu."), day=_booking_day(p)),
                       (Way.HOME,), tone="warning")
    if code == "booking_cancelled" and p.get("by_staff"):
        return Message(code, _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking ini dibatalkan oleh petugas MPP")),
                       _t(QT_TRANSLATE_NOOP("KioskMessages", "Mohon maaf, bukan Anda yang membatalkannya. Silakan "
                                                             "ambil antrean biasa, atau tanyakan di meja informasi.")),
                       (Way.HOME,), tone="warning")
    if code == "booking_cancelled":
        return Message(code, _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking ini sudah dibatalkan")),
                       _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking yang dibatalkan tidak bisa dipakai untuk "
                                                             "check-in. Silakan ambil antrean biasa.")),
                       (Way.HOME,), tone="warning")
    if code == "booking_already_checked_in":
        return Message(code, _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking ini sudah check-in")),
                       _t(QT_TRANSLATE_NOOP("KioskMessages", "Nomor antrean Anda {code}. Tunggu sampai nomor Anda "
                                                             "dipanggil; posisinya bisa dilihat di Cek Status."),
                          code=p.get("code", "")),
                       (Way.HOME,), tone="info")
    if code == "booking_not_found":
        return Message(code, _t(QT_TRANSLATE_NOOP("KioskMessages", "Booking tidak ditemukan")),
                       _t(QT_TRANSLATE_NOOP("KioskMessages", "Periksa lagi kode booking dan 4 angka terakhir NIK "
                                                             "Anda, atau tanyakan petugas informasi.")),
                       (Way.STATUS, Way.HOME), tone="warning")
    if code == "booking_code_invalid":
        return Message(code, _t(QT_TRANSLATE_NOOP("KioskMessages", "Kode salah ketik")),
                       _t(QT_TRANSLATE_NOOP("KioskMessages", "Kode booking terdiri dari 9 angka. Periksa lagi kode "
                                                             "pada bukti booking Anda.")),
                       (Way.STATUS, Way.HOME), tone="warning")
    return None


# -- errors -------------------------------------------------------------------------------------

CLOSED_CODES = frozenset({"service_inactive", "holiday", "closed_day", "not_open_yet", "closed_for_today",
                          "on_break", "quota_exhausted", "closed", "service_closed_today", "agency_stopped_today"})
UNREACHABLE = Message(
    "server_unreachable",
    _t(QT_TRANSLATE_NOOP("KioskMessages", "Server antrean tidak dapat dihubungi")),
    _t(QT_TRANSLATE_NOOP("KioskMessages", "Nomor antrean belum dapat diambil. Silakan coba lagi sebentar lagi, "
                                     "atau minta bantuan petugas informasi.")),
    (Way.RETRY, Way.HOME))
_BY_CODE: Mapping[str, Message] = {m.code: m for m in (
    UNREACHABLE,
    Message("server_timeout",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Server antrean tidak menjawab")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Permintaan Anda belum selesai. Silakan coba lagi: nomor Anda "
                                             "tidak akan tercetak dua kali.")),
            (Way.RETRY, Way.HOME)),
    Message("server_error",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Terjadi gangguan pada server")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan coba lagi sebentar lagi, atau minta bantuan petugas "
                                             "informasi.")),
            (Way.RETRY, Way.HOME)),
    Message("ticket_not_found",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Tiket tidak ditemukan")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Periksa kembali kode pada tiket Anda. Tiket hanya berlaku pada "
                                             "hari tiket diambil.")),
            (Way.STATUS, Way.HOME), tone="warning"),
    Message("invalid_code",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Kode tidak dikenali")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Kode tiket terdiri dari huruf dan angka, contohnya A-001.")),
            (Way.STATUS, Way.HOME), tone="warning"),
    Message("service_not_found",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Layanan tidak ditemukan")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Daftar layanan baru saja berubah. Silakan pilih layanan lagi.")),
            (Way.SERVICES, Way.HOME), tone="warning"),
    Message("priority_not_allowed",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Antrean prioritas tidak tersedia")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan ambil antrean biasa; petugas akan membantu Anda.")),
            (Way.SERVICES, Way.HOME), tone="warning"),
    Message("not_enrolled",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Anjungan belum siap melayani")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Anjungan ini belum terdaftar di server. Mohon hubungi petugas "
                                             "informasi.")),
            (Way.HOME,)),
    # The office locked this kiosk since its last heartbeat; the next one shows the out-of-service screen.
    Message("device_locked",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Anjungan ini sedang tidak melayani")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan gunakan anjungan lain, atau minta bantuan petugas "
                                             "informasi.")),
            (Way.HOME,), tone="warning"),
    # The SKM survey: a ticket that may not answer (yet, again, any more), said with what to do instead.
    Message("survey_not_served",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Tiket ini belum selesai dilayani")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Survei bisa diisi setelah pelayanan Anda selesai di loket. "
                                                  "Silakan kembali setelah dilayani.")),
            (Way.STATUS, Way.HOME), tone="warning"),
    Message("survey_already_answered",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Survei tiket ini sudah diisi")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Setiap tiket hanya bisa mengisi survei satu kali. Terima kasih "
                                                  "atas penilaian Anda.")),
            (Way.HOME, Way.STATUS), tone="info"),
    Message("survey_closed",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Waktu mengisi survei sudah lewat")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Survei bisa diisi sampai 7 hari setelah tanggal pelayanan. "
                                                  "Sampaikan masukan Anda kepada petugas informasi.")),
            (Way.HOME, Way.STATUS), tone="warning"),
    Message("survey_invalid",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Jawaban survei belum lengkap")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan isi survei sekali lagi dari awal. Jika terulang, mohon "
                                                  "hubungi petugas informasi.")),
            (Way.STATUS, Way.HOME), tone="warning"),
    Message("survey_none_at_loket",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Belum ada tiket untuk dinilai")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Survei ditawarkan untuk tiket yang baru selesai dilayani di "
                                                  "loket ini.")),
            (Way.HOME,), tone="info"),
    Message("unexpected",
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Maaf, terjadi kesalahan")),
            _t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan mulai lagi dari halaman awal. Jika terulang, mohon "
                                             "hubungi petugas informasi.")),
            (Way.HOME,)),
)}
_ALIASES = {"unauthorized": "not_enrolled", "invalid_token": "not_enrolled", "forbidden": "not_enrolled",
            "bad_response": "server_error", "request_failed": "server_error", "no_catalog": "server_error",
            # The server could not settle the tap this time; trying again with its key is safe.
            "conflict": "server_error", "write_conflict": "server_error", "queue_busy": "server_error",
            "token_renewed": "not_enrolled", "invalid_priority": "priority_not_allowed",
            # The kiosk's own request was wrong, or it reached a route that is not the kiosk's: starting
            # again from home makes a new request (and a new Idempotency-Key).
            **dict.fromkeys(("bad_request", "bad_http", "malformed_json", "missing_field", "invalid_request",
                             "not_found", "method_not_allowed", "body_too_large", "unsupported_media_type",
                             "headers_too_large", "too_many_pipelined", "idempotency_key_required",
                             "invalid_idempotency_key", "idempotency_key_reused", "invalid_last_event_id",
                             "invalid_nik", "not_your_ticket", "bad_credentials", "bad_enrollment_code",
                             "counter_not_found", "counter_not_yours", "counter_taken", "counter_closed",
                             "counter_paused", "counter_not_paused", "invalid_service_ids", "queue_empty",
                             "nothing_to_recall", "invalid_transition", "invalid_transfer_target",
                             "ticket_not_at_your_counter", "ticket_in_progress", "no_show_too_early",
                             "ticket_of_another_day", "take_over_reason_required", "password_change_required",
                             "wrong_current_password", "password_too_short", "password_unchanged",
                             "user_not_found", "user_exists", "invalid_username", "last_admin",
                             "device_not_found", "device_name_taken", "account_disabled",
                             "quota_below_issued", "agency_not_found", "pause_until_passed",
                             "transfer_loket_not_found", "transfer_loket_not_serving", "transfer_loket_not_open",
                             "catalog_invalid", "catalog_version_not_found", "prefix_in_use_today",
                             "service_in_use_today", "notification_not_found", "notification_not_dead",
                             "notify_channel_off", "notify_ticket_not_waiting", "notify_too_many_changes",
                             "report_period_reversed", "report_period_too_long", "skm_action_not_found",
                             # Making or cancelling a booking: the booking page's, never the kiosk's.
                             "booking_not_offered", "booking_day_out_of_range", "booking_day_closed",
                             "booking_slot_unknown", "booking_slot_full", "booking_nik_limit",
                             "booking_consent_required", "booking_not_cancellable", "booking_rate_limited"),
                            "unexpected")}


def message_for_code(code: str, params: Mapping[str, Any] | None = None) -> Message:
    if code in CLOSED_CODES:
        _, title, body = closed_texts(code, params or {})
        return Message(code, title, body, (Way.SERVICES, Way.HOME), tone="warning")
    booking = booking_message(code, params or {})
    if booking is not None:
        return booking
    return _BY_CODE.get(_ALIASES.get(code, code)) or _BY_CODE["unexpected"]


def message_for_error(error: BaseException) -> Message:
    """The message for anything a backend call or the kiosk itself raised."""
    if isinstance(error, BackendUnreachable):
        return UNREACHABLE
    if isinstance(error, BackendTimeout):
        return message_for_code("server_timeout")
    if isinstance(error, BackendStatusError):
        if error.status >= 500 or error.status in (408, 429):
            return message_for_code("server_error")
        known = (error.code in CLOSED_CODES or error.code in _BY_CODE or error.code in _ALIASES
                 or booking_message(error.code, error.params) is not None)
        if not known:
            log.warning("no message for server error code %s (HTTP %s)", error.code, error.status)
        return message_for_code(error.code, error.params)
    if isinstance(error, AnjunganError):
        return message_for_code(error.code, error.params)
    return _BY_CODE["unexpected"]


# -- printing -----------------------------------------------------------------------------------

PRINT_BUSY = _t(QT_TRANSLATE_NOOP("KioskMessages", "Sedang mencetak tiket…"))
PRINT_DONE = _t(QT_TRANSLATE_NOOP("KioskMessages", "Tiket sudah dicetak. Silakan ambil di bawah layar."))
PRINT_HELP = _t(QT_TRANSLATE_NOOP("KioskMessages", "Nomor antrean Anda tetap berlaku. Tunjukkan layar ini ke petugas "
                                              "loket, atau foto layar ini."))
_PRINT_REASONS: Mapping[str, str] = {
    "paper_out": QT_TRANSLATE_NOOP("KioskMessages", "kertas printer habis"),
    "printer_offline": QT_TRANSLATE_NOOP("KioskMessages", "printer mati atau bermasalah"),
    "printer_timeout": QT_TRANSLATE_NOOP("KioskMessages", "printer tidak menjawab"),
    "printer_failed": QT_TRANSLATE_NOOP("KioskMessages", "printer mengalami gangguan"),
}


def print_failure_text(error_code: str | None) -> Text:
    """Why the ticket did not print, by the print result's error code."""
    reason = _t(_PRINT_REASONS.get(error_code or "", _PRINT_REASONS["printer_failed"]))
    return _t(QT_TRANSLATE_NOOP("KioskMessages", "Tiket tidak dapat dicetak: {reason}."), reason=reason)


OFFLINE_BANNER = _t(QT_TRANSLATE_NOOP("KioskMessages", "Server antrean tidak dapat dihubungi. Mohon tunggu sebentar, "
                                                  "atau hubungi petugas."))


# -- out of service -----------------------------------------------------------------------------

OUT_OF_SERVICE_TITLE = _t(QT_TRANSLATE_NOOP("KioskMessages", "Anjungan ini sedang tidak melayani"))
OUT_OF_SERVICE_BODY = _t(QT_TRANSLATE_NOOP("KioskMessages", "Silakan gunakan anjungan lain atau tanyakan petugas."))
OUT_OF_SERVICE_STATUS = _t(QT_TRANSLATE_NOOP("KioskMessages", "Cek Status"))
OUT_OF_SERVICE_STATUS_DETAIL = _t(QT_TRANSLATE_NOOP("KioskMessages", "Tiket yang sudah Anda pegang tetap bisa dicek "
                                                                     "di sini"))
# Below the citizen's words, for the officer or technician called to the kiosk: what to check.
OUT_OF_SERVICE_STAFF_NOTE = QT_TRANSLATE_NOOP("KioskMessages", "Untuk petugas: {cause}")
_OUT_OF_SERVICE_REASONS: Mapping[str, str] = {
    "paper_out": QT_TRANSLATE_NOOP("KioskMessages", "Kertas tiket sedang habis."),
    "printer_offline": QT_TRANSLATE_NOOP("KioskMessages", "Printer tiket sedang bermasalah."),
}


def out_of_service_reason_text(reason: str) -> Text | None:
    """A short why for the citizen: the printer's problem; nothing when the office locked the kiosk."""
    source = _OUT_OF_SERVICE_REASONS.get(reason)
    return _t(source) if source else None
