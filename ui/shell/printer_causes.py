"""A printer's failure as a technician reads it: what went wrong and what to check, in Indonesian (and
English from the translations); the OS's own words stay in the log."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from printing.causes import PrinterCause
from printing.service import PrintResult
from ui.i18n import Text

CAUSE_TEXTS = {
    PrinterCause.REFUSED: QT_TRANSLATE_NOOP(
        "PrinterCause", "printer menolak sambungan: periksa kabel LAN dan alamat IP"),
    PrinterCause.UNREACHABLE: QT_TRANSLATE_NOOP(
        "PrinterCause", "printer tidak terjangkau di jaringan: periksa kabel LAN, switch dan alamat IP"),
    PrinterCause.UNKNOWN_HOST: QT_TRANSLATE_NOOP(
        "PrinterCause", "nama printer tidak dikenal di jaringan: periksa alamat di pengaturan printer"),
    PrinterCause.NO_ANSWER: QT_TRANSLATE_NOOP(
        "PrinterCause", "printer tidak menjawab: periksa apakah printer menyala dan alamatnya benar"),
    PrinterCause.DROPPED: QT_TRANSLATE_NOOP(
        "PrinterCause", "sambungan ke printer terputus: periksa kabel dan daya printer, lalu coba lagi"),
    PrinterCause.NOT_FOUND: QT_TRANSLATE_NOOP(
        "PrinterCause", "printer tidak ditemukan: periksa kabel USB atau serial dan daya printer"),
    PrinterCause.NO_PERMISSION: QT_TRANSLATE_NOOP(
        "PrinterCause", "aplikasi tidak diizinkan memakai printer: periksa hak akses perangkat "
                        "(lihat docs/deploy.md)"),
    PrinterCause.PAPER_OUT: QT_TRANSLATE_NOOP("PrinterCause", "kertas habis: pasang gulungan kertas baru"),
    PrinterCause.COVER_OPEN: QT_TRANSLATE_NOOP(
        "PrinterCause", "printer melaporkan gangguan: periksa tutup printer, kertas macet dan lampu error"),
    PrinterCause.BUSY: QT_TRANSLATE_NOOP("PrinterCause", "printer sedang mencetak struk lain: coba lagi sebentar"),
    PrinterCause.OTHER: QT_TRANSLATE_NOOP(
        "PrinterCause", "printer tidak dapat dipakai: lihat log perangkat untuk rinciannya"),
}


def printer_cause_text(result: PrintResult) -> Text:
    """What to tell a technician about a failed print or status check."""
    return Text(CAUSE_TEXTS[result.why or PrinterCause.OTHER], context="PrinterCause")


__all__ = ["CAUSE_TEXTS", "printer_cause_text"]
