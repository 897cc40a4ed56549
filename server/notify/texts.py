"""What each message says, in Indonesian and English, from its template's name and values. The values are
the row's params: codes, loket names, minutes — never a NIK or a name."""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import date
from typing import Any

from server.reports.period import MONTHS

TEMPLATES: dict[str, dict[str, str]] = {
    "check": {
        "id": "Pesan uji dari {site}: pengiriman notifikasi Anjungan berjalan.",
        "en": "Test message from {site}: Anjungan's notifications are being delivered.",
    },
    "turn_near": {
        "id": "Antrean {code}: giliran Anda hampir tiba, {ahead} orang lagi di depan Anda (sekitar {minutes} "
              "menit). Mohon kembali ke ruang tunggu.",
        "en": "Queue number {code}: your turn is near, {ahead} people ahead of you (about {minutes} minutes). "
              "Please come back to the waiting area.",
    },
    "ticket_called": {
        "id": "Nomor {code} dipanggil. Silakan menuju {loket}.",
        "en": "Number {code} is being called. Please go to {loket}.",
    },
    # A booking's messages to its holder. {code} is shown grouped (123-456-789), {day} in words, {slot} and
    # {check_in} as spans of site time; {link} is the booking's page (its QR, its cancel button).
    "booking_made": {
        "id": "Booking Anda tercatat. Kode booking: {code}\n{service} ({agency})\n{day}, pukul {slot}\n"
              "Waktu check-in di anjungan: {check_in}. Pindai QR booking, atau ketik kode ini dan 4 angka "
              "terakhir NIK Anda.\nQR dan pembatalan: {link}",
        "en": "Your booking is confirmed. Booking code: {code}\n{service} ({agency})\n{day}, at {slot}\n"
              "Check-in time at the kiosk: {check_in}. Scan the booking's QR, or type this code and the last "
              "4 digits of your NIK.\nQR and cancelling: {link}",
    },
    "booking_reminder_day": {
        "id": "Pengingat: besok {day}, pukul {slot}, booking {code} untuk {service}.\nWaktu check-in di "
              "anjungan: {check_in}.\nTidak jadi datang? Batalkan agar tempatnya dapat dipakai orang lain: {link}",
        "en": "Reminder: tomorrow, {day}, at {slot}, booking {code} for {service}.\nCheck-in time at the kiosk: "
              "{check_in}.\nNot coming? Cancel so someone else can have the place: {link}",
    },
    "booking_reminder_hour": {
        "id": "Pengingat: booking {code} untuk {service} hari ini pukul {slot}.\nWaktu check-in di anjungan: "
              "{check_in}.",
        "en": "Reminder: booking {code} for {service} today at {slot}.\nCheck-in time at the kiosk: {check_in}.",
    },
    "booking_cancelled": {
        "id": "Booking {code} untuk {service}, {day} pukul {slot}, telah dibatalkan.",
        "en": "Booking {code} for {service}, {day} at {slot}, has been cancelled.",
    },
    # The webhook's event of every booking change: what the board's stream says, never a code, NIK or phone.
    "booking_changed": {
        "id": "Booking {id} layanan {service_id} tanggal {service_date} pukul {slot_start}: {status}",
        "en": "Booking {id} of service {service_id} on {service_date} at {slot_start}: {status}",
    },
    # Cancelled by the MPP's staff: the holder did not do it, so it says who did (never which officer), says
    # sorry and the way on; {book_again} is the site's /booking page, its line left out on a server without one.
    "booking_cancelled_by_staff": {
        "id": "Mohon maaf, booking {code} untuk {service}, {day} pukul {slot}, dibatalkan oleh petugas MPP, "
              "bukan oleh Anda.\nSilakan booking lagi: {book_again}\nAda pertanyaan? Silakan ke meja informasi MPP.",
        "en": "We are sorry: booking {code} for {service}, {day} at {slot}, was cancelled by the MPP's staff, "
              "not by you.\nYou can book again: {book_again}\nQuestions? Please ask at the MPP's information desk.",
    },
}

WEEKDAYS = {"id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
            "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def render(template: str, language: str, params: Mapping[str, Any]) -> str:
    """The message's text; a value the template lacks is left out rather than failing the send, and a line
    all of whose values are blank (a booking's link on a server with no public address) is left out whole."""
    wording = TEMPLATES[template]
    text = wording.get(language) or wording["id"]
    values = _Blank({k: v for k, v in params.items() if isinstance(v, (str, int, float)) and v != ""})
    return "\n".join(line.format_map(values) for line in text.split("\n")
                     if not (names := _names(line)) or any(name in values for name in names))


def fields(template: str) -> tuple[str, ...]:
    """The template's values in the order its Indonesian text names them: the order of a WhatsApp Cloud
    API template's {{1}}, {{2}}, … as the site registers it at Meta."""
    return tuple(dict.fromkeys(_names(TEMPLATES[template]["id"])))


def long_date(day: date, language: str) -> str:
    """"Senin, 7 Desember 2026" or "Monday 7 December 2026": a day as a citizen reads it in a message."""
    if language == "en":
        return f"{WEEKDAYS['en'][day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{WEEKDAYS['id'][day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}"


def _names(text: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""
