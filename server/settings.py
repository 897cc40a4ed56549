"""Settings of one server process, from the command line, with safe defaults for one site."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from core.paths import user_data_dir
from core.retry import RetryPolicy
from server.auth import PRODUCTION_COST, ScryptCost
from server.notify.worker import DEFAULT_POLICY


@dataclass(frozen=True)
class ServerSettings:
    database_url: str
    public_url: str = "http://127.0.0.1:8080"
    open_all_hours: bool = False
    secret_file: Path = field(default_factory=lambda: user_data_dir() / "server-secret.key")
    max_body_bytes: int = 64 * 1024
    sse_poll_seconds: float = 1.0
    sse_keepalive_seconds: float = 15.0
    # Reverse proxies whose X-Forwarded-For is believed (see server/api/deps.py client_address).
    trusted_proxies: frozenset[str] = frozenset()
    # Work factors of new staff password hashes; only the test suite lowers them.
    password_cost: ScryptCost = PRODUCTION_COST
    # Where the notification channels and their secrets are (server/notify/config.py); None: no messages.
    notify_config: Path | None = None
    notify_poll_seconds: float = 1.0
    notify_retry: RetryPolicy = DEFAULT_POLICY
    # Booking attempts one client address may make in ten minutes (server/booking_limits.py).
    booking_attempts: int = 10


@dataclass(frozen=True)
class HttpLimits:
    """What one client may hold of the HTTP server: the slow or the oversized are refused, not waited on."""

    max_head_bytes: int = 16 * 1024
    head_timeout_seconds: float = 10.0
    body_idle_timeout_seconds: float = 10.0
    body_timeout_seconds: float = 30.0
    max_connections: int = 2048
    max_connections_per_address: int = 256
    # The reverse proxy's address: behind it every client arrives from here.
    unlimited_addresses: tuple[str, ...] = ("127.0.0.1", "::1")
    # Clear of every period at which the apps reuse a pooled connection (the kiosk's 5 s health check,
    # 15 s catalog, 30 s heartbeats): a request sent just as the server lets its connection go fails.
    keep_alive_seconds: int = 20


KEY_BYTES = 32


class SecretKeyInvalid(ValueError):
    """The NIK key file is there but holds no usable key: the server must not start on it."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Berkas kunci NIK {path} rusak (kosong, atau bukan {KEY_BYTES * 2} digit heksadesimal). Pulihkan dari "
            "cadangan: tanpa kunci yang sama, NIK yang sudah tersimpan tidak bisa dicocokkan lagi. Hanya pada "
            "instalasi baru tanpa data: hapus berkas itu dan server membuat yang baru.\n"
            f"The NIK key file {path} is damaged (empty, or not {KEY_BYTES * 2} hexadecimal digits). Restore it from "
            "the backup: without the same key, stored NIKs can no longer be matched. Only on a new installation "
            "with no data: delete the file and the server makes a new one.")


def load_secret(path: Path) -> bytes:
    """The key for NIK hashes: made once, kept beside the database, readable by the server only."""
    if path.exists():
        try:
            key = bytes.fromhex(path.read_text("ascii").strip())
        except (ValueError, UnicodeDecodeError):
            raise SecretKeyInvalid(path) from None
        if len(key) < KEY_BYTES // 2:
            raise SecretKeyInvalid(path)
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key.hex())
    return key
