"""What each message says, in Indonesian and English, from its template's name and values. The values are
the row's params: codes, loket names, minutes — never a NIK or a name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
}


def render(template: str, language: str, params: Mapping[str, Any]) -> str:
    """The message's text; a value the template lacks is left out rather than failing the send."""
    wording = TEMPLATES[template]
    text = wording.get(language) or wording["id"]
    return text.format_map(_Blank({k: v for k, v in params.items() if isinstance(v, (str, int, float))}))


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""
