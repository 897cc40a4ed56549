"""Receipt wording in Indonesian and English: one small table, no Qt (the kiosk UI translates apart)."""

from __future__ import annotations

LANGUAGES = ("id", "en")

_TEXT: dict[str, dict[str, str]] = {
    "queue_number": {"id": "NOMOR ANTREAN", "en": "QUEUE NUMBER"},
    "time": {"id": "Waktu", "en": "Time"},
    "ahead": {"id": "Di depan", "en": "Ahead"},
    "wait": {"id": "Perkiraan", "en": "Est. wait"},
    "loket": {"id": "Loket", "en": "Counter"},
    "people": {"id": "{n} orang", "en": "{n} people"},
    "person": {"id": "{n} orang", "en": "{n} person"},
    "minutes": {"id": "sekitar {m} menit", "en": "about {m} min"},
    "hours": {"id": "sekitar {h} jam {m} menit", "en": "about {h} h {m} min"},
    "whole_hours": {"id": "sekitar {h} jam", "en": "about {h} h"},
    "soon": {"id": "segera", "en": "soon"},
    "no_loket_open": {"id": "loket belum buka", "en": "no counter open yet"},
    "lokets_paused": {"id": "loket sedang jeda", "en": "counters on a break"},
    "requirements": {"id": "Persyaratan:", "en": "Requirements:"},
    "more_requirements": {"id": "(+{n} lainnya)", "en": "(+{n} more)"},
    "scan": {"id": "Pindai untuk cek status antrean", "en": "Scan to check your queue status"},
    "priority": {"id": "PRIORITAS: {group}", "en": "PRIORITY: {group}"},
    "booked_for": {"id": "Booking {time}", "en": "Booking {time}"},
    # A plain hyphen: an em dash comes out as another letter on some printers' code pages (POS-5890).
    "sample_mark": {"id": "CONTOH - BUKAN TIKET ANTREAN", "en": "SAMPLE - NOT A QUEUE TICKET"},
    "footer_wait": {
        "id": "Harap menunggu sampai nomor Anda dipanggil.",
        "en": "Please wait until your number is called.",
    },
    "footer_valid": {
        "id": "Tiket hanya berlaku pada tanggal tercetak.",
        "en": "Valid only on the printed date.",
    },
}


def text(key: str, lang: str, **params: object) -> str:
    """The receipt string ``key`` in ``lang`` (falls back to Indonesian), formatted with ``params``."""
    entry = _TEXT[key]
    return entry.get(lang, entry["id"]).format(**params)


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"receipt language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return lang
