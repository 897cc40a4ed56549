"""Every text of the console's pages in Bahasa Indonesia (the default) and English, by key.

A page asks ``texts(lang)`` for a look-up; a key missing here fails the test that reads every template,
and every key has both languages (tests/console/test_i18n.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

MESSAGES: dict[str, tuple[str, str]] = {
    # The frame of every page.
    "console": ("Konsol", "Console"),
    "skip_to_content": ("Langsung ke isi", "Skip to content"),
    "signed_in_as": ("Masuk sebagai", "Signed in as"),
    "role.staff": ("Petugas", "Officer"),
    "role.supervisor": ("Supervisor", "Supervisor"),
    "role.admin": ("Admin", "Admin"),
    "nav.hall": ("Aula", "Hall"),
    "nav.my_day": ("Hari ini saya", "My day"),
    "nav.password": ("Kata sandi", "Password"),
    "sign_out": ("Keluar", "Sign out"),
    "language": ("Bahasa", "Language"),
    "scripts_off": ("Tanpa JavaScript halaman ini tidak diperbarui sendiri: muat ulang untuk melihat keadaan terbaru.",
                    "Without JavaScript this page does not update itself: reload it to see the latest."),
    # Sign-in.
    "sign_in.title": ("Masuk ke konsol", "Sign in to the console"),
    "sign_in.intro": ("Masuk dengan akun petugas Anda.", "Sign in with your staff account."),
    "sign_in.username": ("Nama pengguna", "Username"),
    "sign_in.password": ("Kata sandi", "Password"),
    "sign_in.submit": ("Masuk", "Sign in"),
    "sign_in.missing": ("Isi nama pengguna dan kata sandi.", "Fill in the username and the password."),
    "sign_in.signed_out": ("Anda sudah keluar. Sesi ini tidak berlaku lagi.",
                           "You have signed out. This session no longer works."),
    "sign_in.expired": ("Sesi Anda berakhir atau dihentikan. Silakan masuk lagi.",
                        "Your session ended or was stopped. Please sign in again."),
    # Password.
    "password.title": ("Ganti kata sandi", "Change password"),
    "password.required": ("Akun Anda memakai kata sandi dari admin. Pilih kata sandi Anda sendiri sebelum melanjutkan.",
                          "Your account has a password an admin set. Choose your own before you go on."),
    "password.current": ("Kata sandi sekarang", "Current password"),
    "password.new": ("Kata sandi baru (minimal {min} karakter)", "New password (at least {min} characters)"),
    "password.confirm": ("Ulangi kata sandi baru", "Repeat the new password"),
    "password.submit": ("Simpan kata sandi", "Save password"),
    "password.mismatch": ("Kata sandi baru dan ulangannya tidak sama. Tidak ada yang diubah.",
                          "The new password and its repetition differ. Nothing was changed."),
    "password.changed": ("Kata sandi Anda sudah diganti.", "Your password has been changed."),
    # Refusals, by the API's error code.
    "error.bad_credentials": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "error.login_locked": ("Terlalu banyak kata sandi salah. Coba lagi setelah {until}.",
                           "Too many wrong passwords. Try again after {until}."),
    "error.password_too_short": ("Kata sandi baru terlalu pendek: minimal {min_length} karakter.",
                                 "The new password is too short: at least {min_length} characters."),
    "error.password_unchanged": ("Kata sandi baru harus berbeda dari yang sekarang.",
                                 "The new password must differ from the current one."),
    "error.wrong_current_password": ("Kata sandi sekarang salah.", "The current password is wrong."),
    "error.take_over_reason_required": ("Tuliskan alasannya.", "Write the reason."),
    "error.ticket_in_progress": (
        "Tiket {code} masih di loket ini. Petugasnya harus menyelesaikan, mengalihkan atau mengembalikannya "
        "ke antrean dulu; atau ambil alih loket ini dan lakukan sendiri.",
        "Ticket {code} is still at this loket. Its officer must finish, transfer or requeue it first; or take "
        "the loket over and do it yourself."),
    "error.counter_closed": ("Loket ini sudah tutup.", "This loket is already closed."),
    "error.counter_not_found": ("Loket ini tidak ada.", "There is no such loket."),
    "error.write_conflict": ("Orang lain mengubahnya pada saat yang sama. Muat ulang dan coba lagi.",
                             "Someone else changed it at the same moment. Reload and try again."),
    "error.no_catalog": ("Server belum memiliki katalog layanan.", "The server has no service catalog yet."),
    "error.storage_unavailable": ("Penyimpanan server sedang bermasalah; tidak ada yang diubah. Coba lagi nanti.",
                                  "The server's storage is failing; nothing was changed. Try again later."),
    "error.other": ("Permintaan ditolak ({code}). Tidak ada yang diubah.",
                    "The request was refused ({code}). Nothing was changed."),
    # Error pages.
    "page.back": ("Kembali ke halaman utama konsol", "Back to the console's first page"),
    "page.not_found.title": ("Halaman tidak ditemukan", "Page not found"),
    "page.not_found.text": ("Alamat ini tidak ada di konsol.", "This address is not in the console."),
    "page.forbidden.title": ("Tidak diizinkan", "Not allowed"),
    "page.forbidden.text": ("Peran Anda ({role}) tidak boleh membuka halaman ini.",
                            "Your role ({role}) may not open this page."),
    "page.refused.title": ("Permintaan ditolak", "Request refused"),
    "page.csrf.title": ("Formulir ditolak", "Form refused"),
    "page.csrf.text": (
        "Formulir ini tidak dikirim dari halaman konsol yang sedang terbuka (tanda keamanannya hilang atau "
        "tidak cocok), jadi tidak ada yang diubah. Muat ulang halaman dan kirim lagi.",
        "This form was not sent from the console page that is open (its security mark is missing or does "
        "not match), so nothing was changed. Reload the page and send it again."),
    "page.method.title": ("Cara permintaan tidak didukung", "Method not allowed"),
    "page.method.text": ("Halaman ini tidak menerima permintaan seperti itu.", "This page does not take that request."),
    "page.error.title": ("Terjadi kesalahan di server", "Something went wrong on the server"),
    "page.error.text": ("Kesalahan ini sudah dicatat (nomor {request_id}). Coba lagi; jika terulang, hubungi teknisi.",
                        "It has been logged (number {request_id}). Try again; if it happens again, call the "
                        "technician."),
    # The officer's own day.
    "my_day.title": ("Hari ini saya", "My day"),
    "my_day.intro": ("Angka Anda hari ini ({date}).", "Your figures today ({date})."),
    "my_day.done": ("Selesai dilayani", "Served"),
    "my_day.no_show": ("Tidak hadir", "No-show"),
    "my_day.mean": ("Rata-rata lama layanan", "Mean service time"),
    "my_day.by_service": ("Per layanan", "By service"),
    "my_day.service": ("Layanan", "Service"),
    "my_day.none": ("Belum ada warga yang Anda layani hari ini.", "You have served nobody yet today."),
    "minutes": ("{n} menit", "{n} min"),
    "none": ("—", "—"),
    # The hall.
    "hall.title": ("Aula", "Hall"),
    "hall.updated": ("Keadaan pukul", "As of"),
    "hall.live": ("Langsung", "Live"),
    "hall.offline": ("Terputus: mencoba lagi…", "Disconnected: retrying…"),
    "hall.alerts": ("Peringatan", "Alerts"),
    "hall.no_alerts": ("Tidak ada peringatan.", "No alerts."),
    "alert.device_silent": ("{subject} tidak mengirim kabar sejak {minutes} menit.",
                            "{subject} has sent no heartbeat for {minutes} minutes."),
    "alert.device_silent_never": ("{subject} belum pernah mengirim kabar.", "{subject} has never sent a heartbeat."),
    "alert.paper_out": ("Kertas printer {subject} habis.", "{subject}'s printer is out of paper."),
    "alert.device_locked": ("{subject} dikunci kantor.", "{subject} is locked by the office."),
    "alert.wait_over_target": ("{subject}: ada warga menunggu {minutes} menit, melebihi standar {target} menit.",
                               "{subject}: someone has waited {minutes} minutes, over the {target}-minute target."),
    "hall.lokets": ("Loket", "Lokets"),
    "hall.loket": ("Loket", "Loket"),
    "hall.state": ("Keadaan", "State"),
    "hall.officer": ("Petugas", "Officer"),
    "hall.ticket": ("Tiket", "Ticket"),
    "hall.for": ("Lama", "For"),
    "hall.served_today": ("Dilayani hari ini", "Served today"),
    "hall.actions": ("Tindakan", "Actions"),
    "hall.manage": ("Tutup / ambil alih…", "Close / take over…"),
    "state.open": ("Buka", "Open"),
    "state.paused": ("Jeda", "Paused"),
    "state.closed": ("Tutup", "Closed"),
    "status.called": ("dipanggil", "called"),
    "status.serving": ("dilayani", "being served"),
    "hall.services": ("Layanan", "Services"),
    "hall.service": ("Layanan", "Service"),
    "hall.waiting": ("Menunggu", "Waiting"),
    "hall.longest_wait": ("Tunggu terlama", "Longest wait"),
    "hall.estimate": ("Perkiraan", "Estimate"),
    "hall.quota_left": ("Sisa kuota", "Quota left"),
    "hall.target": ("Standar", "Target"),
    "hall.no_quota": ("tanpa batas", "no limit"),
    "hall.closed_now": ("tutup", "closed"),
    # Why a service takes no tickets now (the codes of core/schedule.py's checks).
    "closed.service_inactive": ("nonaktif", "inactive"),
    "closed.holiday": ("hari libur", "holiday"),
    "closed.closed_day": ("tutup hari ini", "closed today"),
    "closed.not_open_yet": ("belum buka", "not open yet"),
    "closed.closed_for_today": ("pengambilan tiket ditutup", "ticket taking closed"),
    "closed.on_break": ("istirahat", "on a break"),
    "closed.quota_exhausted": ("kuota habis", "quota used up"),
    "closed.closed": ("tutup", "closed"),
    "closed.service_closed_today": ("ditutup kantor untuk hari ini", "closed by the office for today"),
    "closed.agency_stopped_today": ("instansi tidak menerima antrean hari ini", "agency takes no tickets today"),
    "hall.no_estimate": ("tidak ada loket buka", "no loket open"),
    "hall.paused_estimate": ("semua loket jeda", "all lokets paused"),
    # A loket's page: close or take over.
    "loket.title": ("{name}", "{name}"),
    "loket.intro": (
        "Menutup atau mengambil alih loket petugas lain dicatat bersama alasannya, nama Anda dan waktunya.",
        "Closing or taking over another officer's loket is recorded with the reason, your name and the time."),
    "loket.reason": ("Alasan (wajib)", "Reason (required)"),
    "loket.take_over": ("Ambil alih loket", "Take over the loket"),
    "loket.close": ("Tutup loket", "Close the loket"),
    "loket.closed_done": ("{name} ditutup.", "{name} was closed."),
    "loket.taken_done": ("{name} sekarang atas nama Anda.", "{name} is now in your name."),
    "loket.back": ("Kembali ke aula", "Back to the hall"),
    # The catalog (admin).
    "nav.catalog": ("Katalog", "Catalog"),
    "catalog.title": ("Katalog layanan", "Service catalog"),
    "catalog.current": ("Versi yang berlaku: {version}", "Version in use: {version}"),
    "catalog.services": ("Instansi dan layanan", "Agencies and services"),
    "catalog.lokets": ("Loket", "Lokets"),
    "catalog.loket": ("Loket", "Loket"),
    "catalog.serves": ("Melayani", "Serves"),
    "catalog.inactive": ("tidak aktif", "inactive"),
    "catalog.no_limit": ("tanpa batas", "no limit"),
    "catalog.edit": ("Ubah", "Edit"),
    "catalog.versions": ("Versi katalog", "Catalog versions"),
    "catalog.version": ("Versi", "Version"),
    "catalog.when": ("Waktu", "When"),
    "catalog.who": ("Oleh", "By"),
    "catalog.who_unknown": ("(tidak tercatat)", "(not recorded)"),
    "catalog.source": ("Asal", "Source"),
    "catalog.in_use": ("berlaku", "in use"),
    "catalog.show_changes": ("Lihat perubahan", "See the changes"),
    "catalog.more_versions": ("Hanya {count} versi terbaru yang ditampilkan.",
                              "Only the newest {count} versions are shown."),
    "catalog.file": ("Berkas katalog (TOML)", "Catalog file (TOML)"),
    "catalog.export": ("Unduh katalog yang berlaku", "Download the catalog in use"),
    "catalog.import_file": ("Unggah berkas katalog", "Upload a catalog file"),
    "catalog.import_help": ("Berkas diperiksa seperti perintah import-catalog; bila ada yang salah, "
                            "tidak ada yang diubah.",
                            "The file is checked as the import-catalog command checks it; if anything is wrong, "
                            "nothing changes."),
    "catalog.import": ("Unggah sebagai versi baru", "Upload as a new version"),
    "catalog.import_refused": ("Berkas tidak disimpan. Perbaiki isian ini lalu unggah lagi:",
                               "The file was not stored. Correct this field and upload it again:"),
    "catalog.import_no_file": ("Pilih berkas katalog dulu.", "Choose a catalog file first."),
    "catalog.whole_file": ("berkas", "the file"),
    "catalog.saved_done": ("Tersimpan sebagai versi {version}.", "Saved as version {version}."),
    "catalog.restored_done": ("Dipulihkan sebagai versi {version}.", "Restored as version {version}."),
    "catalog.version_title": ("Katalog versi {version}", "Catalog version {version}"),
    "catalog.changes_since": ("Perubahan dari versi {previous}", "Changes from version {previous}"),
    "catalog.first_version": ("Versi pertama: semua isinya baru", "The first version: all of it is new"),
    "catalog.no_changes": ("Tidak ada perubahan.", "No changes."),
    "catalog.is_current": ("Ini versi yang berlaku.", "This is the version in use."),
    "catalog.restore": ("Pulihkan versi ini…", "Restore this version…"),
    "catalog.restore_title": ("Pulihkan versi {version}?", "Restore version {version}?"),
    "catalog.restore_intro": (
        "Versi {version} disimpan lagi sebagai versi baru. Ini yang berubah dari versi {current} yang berlaku:",
        "Version {version} is stored again as a new version. This is what changes from version {current}, in use now:"),
    "catalog.restore_confirm": ("Ya, pulihkan versi {version}", "Yes, restore version {version}"),
    "catalog.cancel": ("Batal", "Cancel"),
    "catalog.back": ("Kembali ke katalog", "Back to the catalog"),
    "change_kind.site": ("Situs", "Site"),
    "change_kind.agency": ("Instansi", "Agency"),
    "change_kind.service": ("Layanan", "Service"),
    "change_kind.loket": ("Loket", "Loket"),
    "change_kind.holiday": ("Hari libur", "Holiday"),
    "change_action.added": ("ditambahkan", "added"),
    "change_action.removed": ("dihapus", "removed"),
    "change_action.changed": ("diubah", "changed"),
    "catalog.service_title": ("Layanan {id}", "Service {id}"),
    "catalog.service_intro": ("Menyimpan membuat versi katalog baru dari versi {version}.",
                              "Saving makes a new catalog version from version {version}."),
    "catalog.nothing_saved": ("Belum disimpan: perbaiki isian yang ditandai.",
                              "Not saved: correct the fields marked."),
    "catalog.one_per_line": ("Satu persyaratan per baris.", "One requirement a line."),
    "catalog.save": ("Simpan sebagai versi baru", "Save as a new version"),
    "catalog.not_a_whole_number": ("Isi dengan bilangan bulat, misalnya 40.", "Type a whole number, like 40."),
    "catalog.not_a_number": ("Isi dengan angka, misalnya 7,5.", "Type a number, like 7.5."),
    "catalog.changed_meanwhile": (
        "Katalog diubah orang lain sementara itu (sekarang versi {version}). Tidak ada yang disimpan: "
        "muat ulang halaman ini, lalu ulangi perubahan Anda.",
        "Someone else changed the catalog meanwhile (now version {version}). Nothing was saved: reload this "
        "page, then make your change again."),
    "catalog.use_site_hours": ("Ikuti jam buka MPP", "Follow the MPP's opening hours"),
    "catalog.hours_help": (
        "Tanpa centang: satu rentang per hari, misalnya 08.00-15.00; kosong berarti tutup hari itu.",
        "Unticked: one span a day, like 08.00-15.00; blank is closed that day."),
    "catalog.site_default": ("seperti MPP", "as the MPP"),
    "weekday.mon": ("Senin", "Monday"),
    "weekday.tue": ("Selasa", "Tuesday"),
    "weekday.wed": ("Rabu", "Wednesday"),
    "weekday.thu": ("Kamis", "Thursday"),
    "weekday.fri": ("Jumat", "Friday"),
    "weekday.sat": ("Sabtu", "Saturday"),
    "weekday.sun": ("Minggu", "Sunday"),
    "field.prefix": ("awalan", "prefix"),
    "field.name": ("nama", "name"),
    "field.name_en": ("nama (Inggris)", "name (English)"),
    "field.short_name": ("nama singkat", "short name"),
    "field.quota": ("kuota", "quota"),
    "field.mean_service_minutes": ("rata-rata menit layanan", "mean service minutes"),
    "field.target_wait_minutes": ("standar waktu tunggu (menit)", "target wait (minutes)"),
    "field.requirements": ("persyaratan", "requirements"),
    "field.requirements_en": ("persyaratan (Inggris; kosong: yang Indonesia)",
                              "requirements (English; blank: the Indonesian ones)"),
    "field.hours": ("jam buka", "hours"),
    "field.breaks": ("istirahat", "breaks"),
    "field.cutoff_minutes": ("batas ambil tiket (menit sebelum tutup)", "cut-off (minutes before closing)"),
    "field.active": ("aktif", "active"),
    "field.agency": ("instansi", "agency"),
    "field.services": ("layanan", "services"),
    "field.running_text": ("teks berjalan", "running text"),
    "error.service_not_found": ("Layanan itu tidak ada di katalog.", "That service is not in the catalog."),
    "error.catalog_invalid": ("Katalog tidak valid: {path}: {reason}", "The catalog is not valid: {path}: {reason}"),
    "error.catalog_version_not_found": ("Versi katalog {version} tidak ada.", "There is no catalog version {version}."),
    "error.prefix_in_use_today": (
        "Layanan {service_id} sudah mengeluarkan tiket hari ini dengan awalan {prefix}: awalannya baru bisa "
        "diganti besok. Tidak ada yang diubah.",
        "The service {service_id} has issued tickets today under the prefix {prefix}: its prefix can change "
        "from tomorrow. Nothing was changed."),
    "error.service_in_use_today": (
        "Layanan {service_id} sudah mengeluarkan tiket hari ini: layanan ini baru bisa dihapus besok. "
        "Tidak ada yang diubah.",
        "The service {service_id} has issued tickets today: it can be removed from tomorrow. Nothing was changed."),
}


def text(lang: str, key: str, **params: Any) -> str:
    """The text for ``key`` in ``lang`` (Indonesian for an unknown language), its ``{params}`` filled."""
    pair = MESSAGES[key]
    chosen = pair[1] if lang == "en" else pair[0]
    return chosen.format(**params) if params else chosen


def texts(lang: str) -> Callable[..., str]:
    """A page's look-up, ``t("key", name=…)``, in its language."""
    return lambda key, **params: text(lang, key, **params)


def chosen_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
