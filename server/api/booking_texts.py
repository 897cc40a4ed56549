"""The words of the public booking page (/booking) in Indonesian and English, and how its dates, times and
refusals are said: kept apart from the routes so a reader checks both languages in one place."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from core.wire import ErrorCode

Say = Callable[..., str]

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Booking antrean online", "Book a queue place online"),
    "other_language": ("English", "Bahasa Indonesia"),
    "home_intro": ("Pilih layanan, hari dan jam. Datang pada jamnya, lalu tekan \u201cSaya sudah booking\u201d di "
                   "anjungan untuk mengambil nomor antrean.",
                   "Choose a service, a day and a time. Come at that time and press \u201cSaya sudah booking\u201d "
                   "(I have booked) at the kiosk to take your queue number."),
    "quota_today": ("Sisa kuota hari ini", "Left today"),
    "booking_left": ("{n} tempat booking", "{n} places to book"),
    "walk_in_left": ("{n} tiket langsung", "{n} walk-in tickets"),
    "no_quota": ("tanpa batas kuota", "no quota"),
    "bookable_heading": ("Layanan yang bisa dibooking", "Services you can book"),
    "walk_in_heading": ("Layanan tanpa booking", "Services without booking"),
    "walk_in_only": ("Hanya antre langsung: ambil tiket di anjungan pada hari layanan. Di kanan: sisa kuota hari "
                     "ini.", "Walk-in only: take a ticket at the kiosk on the day. On the right: what is left today."),
    "walk_in_left_short": ("{n} tiket", "{n} tickets"),
    "book": ("Pilih hari", "Choose a day"),
    "no_service": ("Belum ada layanan yang menerima booking.", "No service takes bookings yet."),
    "back_services": ("\u2190 Semua layanan", "\u2190 All services"),
    "back_days": ("\u2190 Pilih hari lain", "\u2190 Choose another day"),
    "back_slots": ("\u2190 Pilih jam lain", "\u2190 Choose another time"),
    "choose_day": ("Pilih hari", "Choose a day"),
    "choose_slot": ("Pilih jam", "Choose a time"),
    "places_left": ("{n} tempat tersisa", "{n} places left"),
    "one_place_left": ("1 tempat tersisa", "1 place left"),
    "full": ("Penuh", "Full"),
    "day_full": ("Penuh", "Fully booked"),
    "no_more_slots": ("Tidak ada jam lagi", "No times left"),
    "today": ("{day} (hari ini)", "{day} (today)"),
    "closed_holiday": ("Libur: {name}", "Holiday: {name}"),
    "closed_day": ("Tutup", "Closed"),
    "closed_inactive": ("Layanan tidak aktif", "Service not active"),
    "no_days": ("Tidak ada hari yang dapat dipesan dalam {n} hari ke depan.",
                "No day can be booked in the next {n} days."),
    "no_slots": ("Tidak ada jam yang dapat dipesan pada hari ini.", "No time can be booked on this day."),
    "your_slot": ("Jam pilihan Anda", "Your time"),
    "window": ("Datang antara {start} dan {end} {tz}", "Come between {start} and {end} {tz}"),
    "requirements": ("Persyaratan yang dibawa", "What to bring"),
    "no_requirements": ("Tidak ada persyaratan khusus.", "Nothing in particular."),
    "nik": ("NIK (16 angka, sesuai KTP)", "NIK (16 digits, as on your KTP)"),
    "nik_why": ("NIK dipakai untuk membatasi booking per orang; kami hanya menyimpan 4 angka terakhirnya.",
                "Your NIK limits bookings per person; we keep only its last 4 digits."),
    "phone": ("Nomor WhatsApp (boleh dikosongkan)", "WhatsApp number (optional)"),
    "consent": ("Saya setuju nomor ini dipakai hanya untuk mengirim kode booking dan pengingat. Nomor dihapus "
                "setelah hari layanan.",
                "I agree that this number is used only to send the booking code and reminders. It is deleted "
                "after the service day."),
    "submit": ("Booking sekarang", "Book now"),
    "booked_heading": ("Booking Anda", "Your booking"),
    "code": ("Kode booking", "Booking code"),
    "qr_hint": ("Tunjukkan QR ini ke pemindai anjungan, atau ketik kode dan 4 angka terakhir NIK.",
                "Show this QR to the kiosk's scanner, or type the code and your NIK's last 4 digits."),
    "qr_label": ("QR booking {code}", "Booking QR {code}"),
    "service": ("Layanan", "Service"),
    "day": ("Hari", "Day"),
    "slot": ("Jam", "Time"),
    "nik_last4": ("NIK", "NIK"),
    "how_title": ("Cara check-in", "How to check in"),
    "how": ("Di anjungan MPP tekan \u201cSaya sudah booking\u201d, lalu pindai QR ini atau ketik kode booking dan 4 "
            "angka terakhir NIK. Nomor antrean langsung tercetak.",
            "At the MPP's kiosk press \u201cSaya sudah booking\u201d (I have booked), then scan this QR or type the "
            "booking code and your NIK's last 4 digits. Your queue number is printed at once."),
    "keep_link": ("Simpan halaman ini (tandai atau ambil tangkapan layar): tautannya adalah bukti booking Anda.",
                  "Keep this page (bookmark it or take a screenshot): its link is your booking's proof."),
    "phone_kept": ("Kode dan pengingat juga dikirim ke WhatsApp Anda.",
                   "The code and reminders are also sent to your WhatsApp."),
    "cancel": ("Batalkan booking", "Cancel the booking"),
    "cancel_heading": ("Batalkan booking ini?", "Cancel this booking?"),
    "cancel_text": ("Tempat Anda pada {day} pukul {slot} dilepas untuk orang lain. Ini tidak dapat diurungkan.",
                    "Your place on {day} at {slot} goes to someone else. This cannot be undone."),
    "cancel_yes": ("Ya, batalkan", "Yes, cancel it"),
    "cancel_no": ("Tidak, kembali", "No, go back"),
    "status_booked": ("Terpesan", "Booked"),
    "status_checked_in": ("Sudah check-in: nomor antrean {ticket}.", "Checked in: queue number {ticket}."),
    "status_cancelled": ("Booking ini sudah dibatalkan. Tempatnya dilepas untuk orang lain.",
                         "This booking was cancelled. Its place went to someone else."),
    "status_cancelled_by_staff": ("Dibatalkan oleh petugas MPP", "Cancelled by the MPP's staff"),
    "cancelled_by_staff": ("Mohon maaf: booking ini dibatalkan oleh petugas MPP, bukan oleh Anda, dan tempatnya "
                           "dilepas. Silakan booking lagi, atau tanyakan di meja informasi MPP.",
                           "We are sorry: this booking was cancelled by the MPP's staff, not by you, and its place "
                           "was released. Please book again, or ask at the MPP's information desk."),
    "status_no_show": ("Booking ini tidak dipakai: tidak check-in sampai hari layanan berakhir.",
                       "This booking was not used: no check-in before the service day ended."),
    "book_again": ("Booking lagi", "Book again"),
    "fix": ("Booking belum dibuat. {reason}", "The booking was not made. {reason}"),
    "take_next": ("Pilih {day} pukul {slot}", "Take {day} at {slot}"),
    "stale_form": ("Formulir ini sudah tidak berlaku. Buka lagi halaman booking dan isi kembali.",
                   "This form is no longer valid. Open the booking page again and fill it in once more."),
    "not_found_title": ("Halaman tidak ditemukan", "Page not found"),
    "not_found": ("Alamat ini tidak ada. Periksa tautannya, atau mulai dari halaman booking.",
                  "There is nothing at this address. Check the link, or start from the booking page."),
    "too_large": ("Isian terlalu besar (lebih dari {kb} KB). Kembali dan isi lagi.",
                  "The form is too large (over {kb} KB). Go back and fill it in again."),
    "error_title": ("Terjadi kesalahan", "Something went wrong"),
    "error": ("Permintaan Anda tidak dapat diproses sekarang; tidak ada yang berubah. Silakan coba lagi. Kode: {ref}",
              "Your request could not be handled just now; nothing was changed. Please try again. Ref: {ref}"),
    "refused_title": ("Tidak dapat diproses", "Could not be done"),
    "rate_title": ("Terlalu banyak permintaan", "Too many requests"),
    "start": ("Ke halaman booking", "To the booking page"),
    "try_again": ("Coba lagi", "Try again"),
    # Refusals, in the words a citizen reads beside the form.
    "booking_not_offered": ("Layanan ini tidak menerima booking. Silakan datang dan ambil tiket di anjungan.",
                            "This service takes no bookings. Please come and take a ticket at the kiosk."),
    "booking_day_out_of_range": ("{date} tidak dapat dipesan: pilih hari dari {first} sampai {last}.",
                                 "{date} cannot be booked: choose a day from {first} to {last}."),
    "booking_day_closed_holiday": ("{date} adalah hari libur ({name}).", "{date} is a holiday ({name})."),
    "booking_day_closed": ("Layanan ini tutup pada {date}.", "This service is closed on {date}."),
    "booking_service_inactive": ("Layanan ini sedang tidak aktif.", "This service is not active just now."),
    "booking_slot_unknown": ("Jam {slot} tidak dapat dipesan pada hari itu.",
                             "{slot} is not a bookable time on that day."),
    "booking_slot_full": ("Jam {slot} pada {date} sudah penuh.", "{slot} on {date} is fully booked."),
    "booking_nik_limit_day": ("NIK ini sudah memiliki {most} booking layanan ini pada hari itu. Batalkan yang lama "
                              "lewat tautannya, atau pilih hari lain.",
                              "This NIK already holds {most} booking(s) of this service on that day. Cancel the "
                              "other one through its link, or choose another day."),
    "booking_nik_limit_week": ("NIK ini sudah memiliki {most} booking layanan ini dalam minggu itu. Batalkan yang "
                               "lama lewat tautannya, atau pilih minggu lain.",
                               "This NIK already holds {most} bookings of this service in that week. Cancel "
                               "another one through its link, or choose another week."),
    "booking_consent_required": ("Centang persetujuan agar kami boleh memakai nomor WhatsApp Anda, atau "
                                 "kosongkan nomornya.",
                                 "Tick the agreement so we may use your WhatsApp number, or leave the number "
                                 "empty."),
    "booking_rate_limited": ("Terlalu banyak permintaan dari perangkat ini. Coba lagi dalam {minutes} menit "
                             "(pukul {at}).",
                             "Too many requests from this device. Try again in {minutes} minute(s) (at {at})."),
    "booking_not_found": ("Booking tidak ditemukan. Periksa tautan atau kodenya.",
                          "Booking not found. Check the link or the code."),
    "booking_cancelled": ("Booking ini sudah dibatalkan.", "This booking is already cancelled."),
    "booking_not_cancellable": ("Booking ini tidak dapat dibatalkan lagi: sudah check-in, tidak hadir, atau "
                                "jamnya sudah lewat.",
                                "This booking can no longer be cancelled: checked in, missed, or its time has "
                                "passed."),
    "invalid_nik": ("NIK tidak valid: tulis 16 angka sesuai KTP.", "Not a valid NIK: type the 16 digits of your KTP."),
    "invalid_phone": ("Bukan nomor ponsel Indonesia. Contoh: 0812-3456-7890.",
                      "Not an Indonesian mobile number. For example: 0812-3456-7890."),
    "busy": ("Sedang sibuk; silakan coba lagi sebentar lagi. Tidak ada yang berubah.",
             "Busy just now; please try again in a moment. Nothing was changed."),
}

_DAYS = (("Senin", "Monday"), ("Selasa", "Tuesday"), ("Rabu", "Wednesday"), ("Kamis", "Thursday"),
         ("Jumat", "Friday"), ("Sabtu", "Saturday"), ("Minggu", "Sunday"))
_MONTHS = (("Januari", "January"), ("Februari", "February"), ("Maret", "March"), ("April", "April"),
           ("Mei", "May"), ("Juni", "June"), ("Juli", "July"), ("Agustus", "August"), ("September", "September"),
           ("Oktober", "October"), ("November", "November"), ("Desember", "December"))


def words(lang: str) -> Say:
    """The page's ``t(key, **params)`` in one language."""
    second = lang == "en"
    return lambda key, **params: TEXT[key][second].format(**params)


def day_words(day: date, lang: str, *, year: bool = True) -> str:
    """``Senin, 7 Desember 2026`` / ``Monday 7 December 2026`` (the year left off in a list of the next days)."""
    second = lang == "en"
    name, month = _DAYS[day.weekday()][second], _MONTHS[day.month - 1][second]
    said = f"{name} {day.day} {month}" if second else f"{name}, {day.day} {month}"
    return f"{said} {day.year}" if year else said


def clock_words(hh_mm: str, lang: str) -> str:
    """A site time as each language writes it: ``09.00`` in Indonesian, ``09:00`` in English."""
    return hh_mm if lang == "en" else hh_mm.replace(":", ".")


def refusal_words(refusal_code: ErrorCode, params: Mapping[str, Any], lang: str) -> str:
    """A refusal of the booking engine as the citizen reads it, dates and times in the page's language."""
    say = words(lang)
    shown = {k: _shown(k, v, lang) for k, v in params.items()}
    code = refusal_code.value
    if refusal_code is ErrorCode.BOOKING_DAY_CLOSED:
        reason = str(params.get("reason", ""))
        if params.get("holiday") or params.get("name") or reason == "holiday":
            name = params.get("holiday") or params.get("name") or ""
            return say("booking_day_closed_holiday", date=shown.get("date", ""), name=name)
        if reason == ErrorCode.SERVICE_INACTIVE.value:
            return say("booking_service_inactive")
        return say("booking_day_closed", date=shown.get("date", ""))
    if refusal_code is ErrorCode.BOOKING_NIK_LIMIT:
        return say("booking_nik_limit_week" if params.get("period") == "week" else "booking_nik_limit_day",
                   most=params.get("most", 1))
    if refusal_code is ErrorCode.INVALID_NIK:
        return say("invalid_nik")
    if refusal_code is ErrorCode.INVALID_REQUEST:
        return say("invalid_phone" if params.get("field") == "phone" else "busy")
    if code in TEXT:
        return TEXT[code][lang == "en"].format_map(_Blank(shown))
    return say("busy")


class _Blank(dict[str, Any]):
    """A refusal's parameters, a missing one said as nothing rather than failing the page."""

    def __missing__(self, key: str) -> str:
        return ""


def _shown(key: str, value: Any, lang: str) -> Any:
    """A refusal's parameter as the page says it: ISO dates as words, "HH:MM" as the language writes it."""
    if isinstance(value, str) and key in {"date", "first", "last", "next_free_date"}:
        try:
            return day_words(date.fromisoformat(value), lang)
        except ValueError:
            return value
    if isinstance(value, date):
        return day_words(value, lang)
    if isinstance(value, str) and key in {"slot", "next_free_slot", "come_back_at"} and len(value) == 5:
        return clock_words(value, lang)
    return value
