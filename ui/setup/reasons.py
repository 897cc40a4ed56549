"""Why a setup value was refused, as a translated text: from a ``ConfigError`` (by the key it
names), a backend error (by its class and code) or a PIN problem. Never from message text."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.config import DEVICE_NAME_MAX, IDLE_TIMEOUT_MAX_S, IDLE_TIMEOUT_MIN_S
from core.errors import BackendError, BackendStatusError, BackendTimeout, BackendUnreachable, ConfigError
from core.technician_pin import PIN_MAX, PIN_MIN
from ui.i18n import Text, Translations

C = "SetupReasons"

_BY_KEY = {
    "server_url": Text(QT_TRANSLATE_NOOP("SetupReasons", "Alamat harus diawali http:// atau https:// dan memuat "
                                                         "nama host, mis. http://10.0.0.2:8080."), context=C),
    "idle_timeout_s": Text(QT_TRANSLATE_NOOP("SetupReasons", "Isi angka bulat dari {low} sampai {high} detik."),
                           {"low": IDLE_TIMEOUT_MIN_S, "high": IDLE_TIMEOUT_MAX_S}, context=C),
    "device_name": Text(QT_TRANSLATE_NOOP("SetupReasons", "Nama paling banyak {limit} karakter."),
                        {"limit": DEVICE_NAME_MAX}, context=C),
    "language": Text(QT_TRANSLATE_NOOP("SetupReasons", "Pilih Bahasa Indonesia atau English."), context=C),
}
OTHER_VALUE = QT_TRANSLATE_NOOP("SetupReasons", "Nilai ini tidak dapat dipakai: {reason}")
UNREACHABLE = Text(QT_TRANSLATE_NOOP("SetupReasons", "Server tidak dapat dihubungi di alamat ini. Periksa alamat, "
                                                     "jaringan, dan apakah server menyala."), context=C)
TIMEOUT = Text(QT_TRANSLATE_NOOP("SetupReasons", "Server tidak menjawab tepat waktu. Coba lagi."), context=C)
NOT_OURS = QT_TRANSLATE_NOOP("SetupReasons", "Alamat ini menjawab, tetapi bukan server Anjungan ({code}).")
BAD_CODE = Text(QT_TRANSLATE_NOOP("SetupReasons", "Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. "
                                                  "Buat kode baru di server."), context=C)
NO_CODE = Text(QT_TRANSLATE_NOOP("SetupReasons", "Isi kode pendaftaran dari server."), context=C)
PIN_FORMAT = Text(QT_TRANSLATE_NOOP("SetupReasons", "PIN harus {low} sampai {high} angka."),
                  {"low": PIN_MIN, "high": PIN_MAX}, context=C)
PIN_MISMATCH = Text(QT_TRANSLATE_NOOP("SetupReasons", "Kedua PIN tidak sama. Ketik ulang."), context=C)
PIN_WRONG = Text(QT_TRANSLATE_NOOP("SetupReasons", "PIN sekarang salah."), context=C)
UNEXPECTED = QT_TRANSLATE_NOOP("SetupReasons", "Tidak berhasil: {reason}")


def config_reason(error: ConfigError) -> Text:
    key = str(error.params.get("key", ""))
    if key in _BY_KEY:
        return _BY_KEY[key]
    return Text(OTHER_VALUE, {"reason": error.params.get("reason") or str(error)}, context=C)


def backend_reason(error: BaseException) -> Text:
    """A server that could not be used, said for a technician."""
    if isinstance(error, BackendUnreachable):
        return UNREACHABLE
    if isinstance(error, BackendTimeout):
        return TIMEOUT
    if isinstance(error, BackendStatusError) and error.code == "bad_enrollment_code":
        return BAD_CODE
    if isinstance(error, BackendError):
        return Text(NOT_OURS, {"code": error.code}, context=C)
    return Text(UNEXPECTED, {"reason": type(error).__name__}, context=C)


def render(text: Text, translations: Translations) -> str:
    return text.render(translations, translations.language or "id")
