"""The notification channels a site uses, from a TOML file beside the server (``--notify-config``): the
gateway's token and the webhook's secret live there, never in the catalog, the database or a log."""

from __future__ import annotations

import ipaddress
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from server.notify.channels import Channel, FonnteGateway, SignedWebhook, WhatsAppCloud, webhook_secret_key
from server.notify.texts import TEMPLATES

EXAMPLE = """\
[whatsapp]
kind = "fonnte"                      # or "cloud" (the WhatsApp Cloud API)
url = "https://api.fonnte.com/send"
token = "TOKEN-DARI-GATEWAY"
# kind = "cloud" needs phone_number_id = "…" and, per message sent, the template name Meta approved:
# [whatsapp.templates]
# turn_near = "anjungan_giliran"
# ticket_called = "anjungan_dipanggil"
# booking_made = "anjungan_booking"
# booking_reminder_day = "anjungan_booking_besok"
# booking_reminder_hour = "anjungan_booking_sejam"
# booking_cancelled = "anjungan_booking_batal"
# booking_cancelled_by_staff = "anjungan_booking_batal_petugas"

[webhook]
url = "https://sistem-instansi.example.go.id/anjungan"
secret = "whsec_…"                   # base64 after whsec_, at least 24 bytes
"""


class NotifyConfigInvalid(ValueError):
    """The file cannot be used; the message says what to fix in both languages and never quotes a secret."""

    def __init__(self, path: Path, id_text: str, en_text: str) -> None:
        super().__init__(f"Berkas notifikasi {path}: {id_text}\nNotification file {path}: {en_text}")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url(path: Path, table: Mapping[str, Any], where: str) -> str:
    url = table.get("url")
    if not isinstance(url, str) or not url:
        raise NotifyConfigInvalid(path, f"[{where}] url wajib diisi.", f"[{where}] url is required.")
    parts = urlsplit(url)
    # Plain http only to this machine (a gateway's test double, a local relay): anything else goes over
    # TLS, whose certificate checks are never turned off.
    if parts.scheme != "https" and not (parts.scheme == "http" and _loopback(parts.hostname or "")):
        raise NotifyConfigInvalid(path, f"[{where}] url harus https:// (http hanya untuk alamat mesin ini).",
                                  f"[{where}] url must be https:// (http only for this machine's address).")
    return url


def _secret(path: Path, table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or len(value) < 8:
        raise NotifyConfigInvalid(path, f"[{where}] {key} wajib diisi.", f"[{where}] {key} is required.")
    return value


def _whatsapp(path: Path, table: Mapping[str, Any]) -> Channel:
    kind = table.get("kind", "fonnte")
    token = _secret(path, table, "token", "whatsapp")
    if kind == "fonnte":
        return FonnteGateway(url=_url(path, table, "whatsapp"), token=token)
    if kind == "cloud":
        number = table.get("phone_number_id")
        templates = table.get("templates", {})
        if not isinstance(number, str) or not number.isdigit():
            raise NotifyConfigInvalid(path, "[whatsapp] phone_number_id (angka) wajib untuk kind = \"cloud\".",
                                      "[whatsapp] phone_number_id (digits) is required for kind = \"cloud\".")
        if not isinstance(templates, dict) or not all(isinstance(v, str) for v in templates.values()):
            raise NotifyConfigInvalid(path, "[whatsapp.templates] berisi nama templat yang disetujui Meta.",
                                      "[whatsapp.templates] holds the template names Meta approved.")
        unknown = sorted(set(templates) - set(TEMPLATES))
        if unknown:
            known = ", ".join(TEMPLATES)
            raise NotifyConfigInvalid(path, f"[whatsapp.templates] tidak mengenal {', '.join(unknown)} (dikenal: "
                                      f"{known}).", f"[whatsapp.templates] does not know {', '.join(unknown)} "
                                      f"(known: {known}).")
        base = _url(path, table, "whatsapp") if "url" in table else "https://graph.facebook.com"
        return WhatsAppCloud(phone_number_id=number, token=token, templates=templates, base_url=base,
                             api_version=str(table.get("api_version", "v21.0")))
    raise NotifyConfigInvalid(path, "[whatsapp] kind harus \"fonnte\" atau \"cloud\".",
                              "[whatsapp] kind must be \"fonnte\" or \"cloud\".")


def _webhook(path: Path, table: Mapping[str, Any]) -> Channel:
    secret = _secret(path, table, "secret", "webhook")
    try:
        key = webhook_secret_key(secret)
    except ValueError:
        key = b""
    if not secret.startswith("whsec_") or len(key) < 24:
        raise NotifyConfigInvalid(path, "[webhook] secret harus \"whsec_\" lalu base64 minimal 24 bita.",
                                  "[webhook] secret must be \"whsec_\" then base64 of at least 24 bytes.")
    return SignedWebhook(url=_url(path, table, "webhook"), secret=secret)


def load_channels(path: Path | None) -> dict[str, Channel]:
    """The configured channels by name; none without a file (the server then offers no notifications)."""
    if path is None:
        return {}
    try:
        document = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise NotifyConfigInvalid(path, f"tidak dapat dibaca ({exc.strerror}).",
                                  f"cannot be read ({exc.strerror}).") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise NotifyConfigInvalid(path, f"bukan TOML yang sah ({exc}).", f"is not valid TOML ({exc}).") from None
    channels: dict[str, Channel] = {}
    for name, build in (("whatsapp", _whatsapp), ("webhook", _webhook)):
        table = document.get(name)
        if table is None:
            continue
        if not isinstance(table, dict):
            raise NotifyConfigInvalid(path, f"[{name}] harus tabel.", f"[{name}] must be a table.")
        channels[name] = build(path, table)
    return channels
