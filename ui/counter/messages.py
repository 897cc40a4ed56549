"""The one place where the counter app turns an error or an outcome into words with a way on: by
error class and server error code, never by message text.

Every text is an Indonesian source marked for Qt Linguist (context ``CounterMessages``) and shown
with the other language beneath; its English is in ``anjungan_en.ts`` and nowhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.errors import AnjunganError, BackendStatusError
from ui.i18n import Text, Translations, long_date

log = logging.getLogger(__name__)
C = "CounterMessages"
SITE_ZONE = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class StaffText(Text):
    """A :class:`Text` of the counter app's messages."""

    context: str = C

    def render(self, translations: Translations, lang: str) -> str:
        text = translations.translate_in(lang, self.context, self.source, self.n)
        values = {key: _render_value(value, translations, lang) for key, value in self.params.items()}
        return text.format_map(_KeepMissing(values)) if values else text


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _render_value(value: Any, translations: Translations, lang: str) -> str:
    if isinstance(value, Text):
        return value.render(translations, lang)
    if isinstance(value, date) and not isinstance(value, datetime):
        return long_date(value, lang)
    return str(value)


def _t(source: str, **params: Any) -> StaffText:
    return StaffText(source, params)


@dataclass(frozen=True)
class StaffMessage:
    """What happened and what to do next, in one or two sentences; ``tone`` colours it."""

    code: str
    text: StaffText
    tone: str = "error"  # error | warning | info | ok
    params: Mapping[str, Any] = field(default_factory=dict)


# -- banners ------------------------------------------------------------------------------------

OFFLINE_BANNER = _t(QT_TRANSLATE_NOOP("CounterMessages",
                                      "Server antrean tidak dapat dihubungi. Aplikasi mencoba lagi otomatis; "
                                      "tiket yang sedang dilayani tetap aman."))

# -- errors by code -----------------------------------------------------------------------------

_SESSION_OVER = (QT_TRANSLATE_NOOP("CounterMessages",
                                   "Sesi Anda telah berakhir. Silakan masuk lagi; loket dan tiket Anda "
                                   "tetap tersimpan."), "warning")

_BY_CODE: Mapping[str, tuple[str, str]] = {
    # code: (Indonesian source, tone)
    "queue_empty": (QT_TRANSLATE_NOOP("CounterMessages",
                                      "Tidak ada antrean menunggu. Daftar antrean diperbarui otomatis; "
                                      "panggil lagi saat ada warga yang menunggu."), "info"),
    # Called or being served: the advice fits both, as only the buttons for its state are enabled.
    "ticket_in_progress": (QT_TRANSLATE_NOOP("CounterMessages",
                                             "Tiket {code} masih di loket ini: layani lalu selesaikan atau "
                                             "alihkan, atau tandai tidak hadir bila warga tidak datang."), "warning"),
    "no_show_too_early": (QT_TRANSLATE_NOOP("CounterMessages",
                                            "Warga mungkin masih berjalan ke loket. Tidak Hadir bisa ditandai "
                                            "{seconds_left} detik lagi; panggil ulang (F2) bila perlu."), "warning"),
    "invalid_code": (QT_TRANSLATE_NOOP("CounterMessages",
                                       "Itu bukan nomor tiket. Ketik seperti tertulis di tiket, mis. B-012."),
                     "warning"),
    "ticket_of_another_day": (QT_TRANSLATE_NOOP("CounterMessages",
                                                "Tiket ini dari hari lain dan tidak bisa dikembalikan ke antrean. "
                                                "Minta warga mengambil tiket baru."), "warning"),
    "counter_taken": (QT_TRANSLATE_NOOP("CounterMessages",
                                        "Loket ini sedang dibuka oleh {staff}. Pilih loket lain, atau minta "
                                        "supervisor menutupnya."),
                      "warning"),
    "counter_not_yours": (QT_TRANSLATE_NOOP("CounterMessages",
                                            "Loket ini dibuka oleh petugas lain. Pilih loket Anda lagi."), "warning"),
    "counter_closed": (QT_TRANSLATE_NOOP("CounterMessages",
                                         "Loket sudah ditutup. Buka loket lagi untuk melayani."), "warning"),
    "counter_paused": (QT_TRANSLATE_NOOP("CounterMessages",
                                         "Loket sedang istirahat. Tekan Lanjutkan (F7) untuk memanggil lagi."),
                       "warning"),
    "counter_open": (QT_TRANSLATE_NOOP("CounterMessages", "Loket sudah buka; tidak sedang istirahat."), "info"),
    "pause_until_passed": (QT_TRANSLATE_NOOP("CounterMessages",
                                             "Jam kembali harus lebih lambat dari sekarang, dan masih hari ini. "
                                             "Pilih jam lain, atau istirahat tanpa jam kembali."), "warning"),
    "counter_not_paused": (QT_TRANSLATE_NOOP("CounterMessages", "Loket sudah buka; tidak sedang istirahat."), "info"),
    "counter_not_found": (QT_TRANSLATE_NOOP("CounterMessages",
                                            "Loket tidak ditemukan. Daftar loket dimuat ulang; pilih lagi."),
                          "warning"),
    "nothing_to_recall": (QT_TRANSLATE_NOOP("CounterMessages",
                                            "Tidak ada tiket untuk dipanggil ulang. Panggil ulang hanya untuk "
                                            "tiket yang sudah dipanggil dan belum dilayani."),
                          "warning"),
    "invalid_transition": (QT_TRANSLATE_NOOP("CounterMessages",
                                             "Status tiket sudah berubah, jadi tindakan itu tidak bisa. Tampilan "
                                             "sudah diperbarui; pilih tindakan lagi."), "warning"),
    "ticket_not_at_your_counter": (QT_TRANSLATE_NOOP("CounterMessages",
                                                     "Tiket ini tidak lagi di loket Anda. Tampilan sudah "
                                                     "diperbarui."), "warning"),
    "invalid_transfer_target": (QT_TRANSLATE_NOOP("CounterMessages",
                                                  "Layanan tujuan itu tidak bisa dipilih. Pilih layanan aktif "
                                                  "yang lain."),
                                "warning"),
    "transfer_loket_not_found": (QT_TRANSLATE_NOOP("CounterMessages",
                                                   "Loket tujuan itu tidak ada lagi. Daftar loket dimuat ulang; "
                                                   "pilih loket lain atau \"Loket mana saja\"."), "warning"),
    "transfer_loket_not_serving": (QT_TRANSLATE_NOOP("CounterMessages",
                                                     "{counter} tidak melayani layanan itu sekarang. Pilih loket "
                                                     "lain atau \"Loket mana saja\"."), "warning"),
    "transfer_loket_not_open": (QT_TRANSLATE_NOOP("CounterMessages",
                                                  "{counter} sudah tutup. Pilih loket yang buka atau \"Loket mana "
                                                  "saja\"; tiket masih di loket Anda."), "warning"),
    "invalid_service_ids": (QT_TRANSLATE_NOOP("CounterMessages",
                                              "Loket ini tidak melayani layanan itu. Pilih dari daftar."), "warning"),
    "queue_busy": (QT_TRANSLATE_NOOP("CounterMessages",
                                     "Loket lain memanggil pada saat yang sama. Tekan Panggil Berikutnya lagi."),
                   "warning"),
    "write_conflict": (QT_TRANSLATE_NOOP("CounterMessages",
                                         "Perubahan lain datang pada saat yang sama. Tampilan sudah diperbarui; "
                                         "coba lagi."), "warning"),
    "bad_credentials": (QT_TRANSLATE_NOOP("CounterMessages",
                                          "Nama pengguna atau kata sandi salah. Periksa lalu coba lagi; "
                                          "setelah 5 kali salah, akun dikunci 5 menit."), "error"),
    "login_locked": (QT_TRANSLATE_NOOP("CounterMessages",
                                       "Akun dikunci sementara karena terlalu banyak kata sandi salah. Coba lagi "
                                       "setelah pukul {time}, atau hubungi supervisor."), "error"),
    "invalid_token": _SESSION_OVER,
    "account_disabled": (QT_TRANSLATE_NOOP("CounterMessages",
                                           "Akun Anda dinonaktifkan oleh admin MPP, jadi sesi Anda berakhir. Hubungi "
                                           "admin untuk mengaktifkannya lagi; loket dan tiket tetap tersimpan."),
                         "warning"),
    "unauthorized": _SESSION_OVER,
    # A renewal whose answer was lost, tried again with the token it already replaced.
    "token_renewed": _SESSION_OVER,
    "forbidden": (QT_TRANSLATE_NOOP("CounterMessages",
                                    "Akun ini tidak boleh memakai aplikasi loket. Masuk dengan akun petugas."),
                  "error"),
    "server_unreachable": (QT_TRANSLATE_NOOP("CounterMessages",
                                             "Server antrean tidak dapat dihubungi. Periksa jaringan; aplikasi "
                                             "mencoba lagi otomatis."),
                           "error"),
    "server_timeout": (QT_TRANSLATE_NOOP("CounterMessages",
                                         "Server antrean tidak menjawab. Jangan tekan dua kali: status dibaca "
                                         "ulang begitu server menjawab."), "error"),
    "server_error": (QT_TRANSLATE_NOOP("CounterMessages",
                                       "Terjadi gangguan pada server. Aplikasi mencoba lagi otomatis."), "error"),
    "password_change_required": (QT_TRANSLATE_NOOP("CounterMessages",
                                                   "Kata sandi ini dibuat oleh admin: ganti dulu dengan kata "
                                                   "sandi Anda sendiri untuk melanjutkan."), "warning"),
    "wrong_current_password": (QT_TRANSLATE_NOOP("CounterMessages",
                                                 "Kata sandi sekarang salah. Ketik lagi kata sandi yang Anda "
                                                 "pakai untuk masuk."), "error"),
    "password_too_short": (QT_TRANSLATE_NOOP("CounterMessages",
                                             "Kata sandi baru terlalu pendek: paling sedikit {min_length} "
                                             "karakter."), "error"),
    "password_unchanged": (QT_TRANSLATE_NOOP("CounterMessages",
                                             "Kata sandi baru harus berbeda dari yang sekarang."), "error"),
    "password_mismatch": (QT_TRANSLATE_NOOP("CounterMessages",
                                            "Kedua isian kata sandi baru tidak sama. Ketik lagi."), "error"),
    "password_changed": (QT_TRANSLATE_NOOP("CounterMessages",
                                           "Kata sandi sudah diganti. Pakai kata sandi baru ini saat masuk "
                                           "berikutnya."), "ok"),
    "take_over_reason_required": (QT_TRANSLATE_NOOP("CounterMessages",
                                                    "Tulis alasannya dulu: loket ini dibuka oleh {staff}, dan "
                                                    "alasan dicatat bersama nama Anda."), "warning"),
    "loket_taken_over": (QT_TRANSLATE_NOOP("CounterMessages",
                                           "{loket} diambil alih oleh {by}. Alasan: {reason}. Tombol di meja ini "
                                           "tidak berlaku lagi; ketuk Lanjut untuk memilih loket."), "warning"),
    "loket_closed_by": (QT_TRANSLATE_NOOP("CounterMessages",
                                          "{loket} ditutup oleh {by}. Alasan: {reason}. Tombol di meja ini "
                                          "tidak berlaku lagi; ketuk Lanjut untuk memilih loket."), "warning"),
    "loket_closed_for_officer": (QT_TRANSLATE_NOOP("CounterMessages",
                                                   "{loket} ditutup. Petugasnya sudah diberi tahu di aplikasinya."),
                                 "ok"),
    "loket_lost": (QT_TRANSLATE_NOOP("CounterMessages",
                                     "{loket} ditutup atau diambil alih dari tempat lain. Pilih loket lagi."),
                   "warning"),
}
_UNEXPECTED = (QT_TRANSLATE_NOOP("CounterMessages",
                                 "Terjadi kesalahan ({error}). Coba lagi; jika terulang, hubungi admin."), "error")
# The rest of what the server can send (core.wire.ErrorCode): two with texts of their own, the
# others on the text that says what to do next.
_BY_CODE = {
    **_BY_CODE,
    "ticket_not_found": (QT_TRANSLATE_NOOP("CounterMessages",
                                           "Tiket tidak ditemukan. Tampilan sudah diperbarui; pilih lagi."),
                         "warning"),
    "service_not_found": (QT_TRANSLATE_NOOP("CounterMessages",
                                            "Layanan tujuan tidak ditemukan. Daftar layanan dimuat ulang; "
                                            "pilih lagi."),
                          "warning"),
    "request_timeout": _BY_CODE["server_timeout"],
    **dict.fromkeys(("storage_unavailable", "internal_error", "http_error", "server_busy", "clock_unsettled",
                     "no_catalog", "conflict"), _BY_CODE["server_error"]),
    # Requests the counter app does not make, or makes right: if one comes back, it is a fault to report.
    **dict.fromkeys(("bad_request", "bad_http", "malformed_json", "missing_field", "invalid_request", "not_found",
                     "method_not_allowed", "body_too_large", "unsupported_media_type", "headers_too_large",
                     "too_many_pipelined", "invalid_last_event_id", "idempotency_key_required",
                     "invalid_idempotency_key", "idempotency_key_reused", "invalid_nik",
                     "invalid_priority", "priority_not_allowed", "device_locked", "not_your_ticket",
                     "bad_enrollment_code", "service_inactive", "holiday", "closed_day", "not_open_yet",
                     "closed_for_today", "on_break", "quota_exhausted", "closed", "agency_stopped_today",
                     "service_closed_today", "quota_below_issued", "agency_not_found"), _UNEXPECTED),
    # The office's own routes (staff, devices, the catalog): the counter app never calls them.
    **dict.fromkeys(("user_not_found", "user_exists", "invalid_username", "last_admin", "device_not_found",
                     "device_name_taken", "catalog_invalid", "catalog_version_not_found",
                     "prefix_in_use_today", "service_in_use_today", "notification_not_found",
                     "notification_not_dead", "notify_channel_off", "notify_ticket_not_waiting",
                     "notify_too_many_changes", "report_period_reversed", "report_period_too_long"), _UNEXPECTED),
    # The survey's routes: the kiosk's and the survey tablet's, never the counter app's.
    **dict.fromkeys(("survey_not_served", "survey_already_answered", "survey_closed", "survey_invalid",
                     "survey_none_at_loket"), _UNEXPECTED),
    # The SKM report's follow-up actions: the office's own route.
    **dict.fromkeys(("skm_action_not_found",), _UNEXPECTED),
    # Bookings: the booking page's and the kiosk's routes, never the counter app's.
    **dict.fromkeys(("booking_not_offered", "booking_day_out_of_range", "booking_day_closed",
                     "booking_slot_unknown", "booking_slot_full", "booking_nik_limit", "booking_consent_required",
                     "booking_rate_limited", "booking_code_invalid", "booking_not_found", "booking_cancelled",
                     "booking_already_checked_in", "booking_not_today", "booking_too_early", "booking_too_late",
                     "booking_not_cancellable"), _UNEXPECTED),
}


def clock_text(moment: datetime) -> str:
    """A moment as the site's wall clock, written the Indonesian way: ``09.05``."""
    local = moment.astimezone(SITE_ZONE) if moment.tzinfo is not None else moment
    return f"{local.hour:02d}.{local.minute:02d}"


def _local_time(value: Any) -> str:
    """An ISO moment as the site's ``09.05 WIB``."""
    try:
        return f"{clock_text(datetime.fromisoformat(str(value)))} WIB"
    except ValueError:
        return str(value)


def error_code(error: BaseException) -> str:
    if isinstance(error, BackendStatusError) and error.status >= 500:
        return "server_error"
    if isinstance(error, AnjunganError):
        return error.code
    return "unexpected"


def message_for_code(code: str, /, **params: Any) -> StaffMessage:
    """The message for an error ``code``; ``params`` fill its text (a ticket's ``code``, ``staff``…)."""
    source, tone = _BY_CODE.get(code, _UNEXPECTED)
    values: dict[str, Any] = {"error": code, **params}
    if "until" in values:
        values["time"] = _local_time(values["until"])
    return StaffMessage(code, StaffText(source, values), tone, values)


def message_for_error(error: BaseException) -> StaffMessage:
    code = error_code(error)
    params = dict(getattr(error, "params", {}) or {})
    if code not in _BY_CODE:
        log.warning("no message for error code %s (%s)", code, type(error).__name__)
    return message_for_code(code, **params)


def is_session_over(error: BaseException) -> bool:
    return isinstance(error, BackendStatusError) and error.status == 401 and error.code in (
        "invalid_token", "unauthorized", "token_renewed", "account_disabled")


# -- outcomes -----------------------------------------------------------------------------------

def partly_done_message(code: str, reason: StaffMessage) -> StaffMessage:
    """"Selesai & panggil berikutnya" whose call was refused: the finish stands, then why nobody
    was called and what to do."""
    text = QT_TRANSLATE_NOOP("CounterMessages", "{code} selesai dilayani, tetapi belum ada warga yang dipanggil: "
                                                "{reason}")
    return StaffMessage(reason.code, StaffText(text, {"code": code, "reason": reason.text}), "warning")


def done_message(action: str, code: str, **params: Any) -> StaffMessage | None:
    """A short confirmation after an action whose result is not obvious on screen."""
    texts = {
        "recall": QT_TRANSLATE_NOOP("CounterMessages", "{code} dipanggil ulang ({count}×)."),
        "finish": QT_TRANSLATE_NOOP("CounterMessages", "{code} selesai dilayani. Silakan panggil berikutnya."),
        "no_show": QT_TRANSLATE_NOOP("CounterMessages", "{code} ditandai tidak hadir."),
        "requeue": QT_TRANSLATE_NOOP("CounterMessages",
                                     "{code} dikembalikan ke antrean, di tempat semula menurut jam ambilnya."),
        "transfer": QT_TRANSLATE_NOOP("CounterMessages",
                                      "{code} dialihkan ke {service}; tiket menunggu di antrean layanan itu."),
        "transfer_to_loket": QT_TRANSLATE_NOOP("CounterMessages",
                                               "{code} dialihkan ke {service} di {loket}; hanya loket itu yang "
                                               "memanggilnya selama buka."),
    }
    if action not in texts:
        return None
    return StaffMessage(action, StaffText(texts[action], {"code": code, **params}), "ok")
