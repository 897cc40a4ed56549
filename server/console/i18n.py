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
    # Today's switches (today.py).
    "nav.today": ("Hari ini", "Today"),
    "today.title": ("Hari ini", "Today"),
    "today.intro": (
        "Perubahan di sini berlaku seketika di setiap anjungan dan papan, hanya untuk hari layanan ini ({date}), "
        "dan dicatat di log audit dengan nama Anda.",
        "Changes here take effect at once on every kiosk and board, for this service day only ({date}), and are "
        "recorded in the audit log with your name."),
    "today.set_by": ("— {who}, pukul {at}", "— {who}, at {at}"),
    "today.running_text": ("Teks berjalan papan", "The boards' running text"),
    "today.running_text_today": ("Hari ini:", "Today:"),
    "today.running_text_catalog": ("Dari katalog:", "From the catalog:"),
    "today.running_text_new": ("Teks untuk hari ini (maksimal {max} karakter, satu baris)",
                               "Text for today (at most {max} characters, one line)"),
    "today.running_text_set": ("Pasang teks", "Set the text"),
    "today.running_text_clear": ("Kembali ke teks katalog", "Back to the catalog's text"),
    "today.agency_stopped": ("Antrean dihentikan", "Tickets stopped"),
    "today.agency_stopped_text": (
        "Anjungan tidak menerima antrean instansi ini sampai akhir hari; yang sudah menunggu tetap dilayani.",
        "The kiosks take no tickets for this agency for the rest of the day; those already waiting are served."),
    "today.note_shown": ("Keterangan untuk warga:", "Note for citizens:"),
    "today.stop_note": ("Keterangan untuk warga bila antrean dihentikan (boleh kosong, maksimal {max} karakter)",
                        "Note for citizens if tickets are stopped (optional, at most {max} characters)"),
    "today.stop": ("Hentikan antrean instansi ini", "Stop this agency's tickets"),
    "today.resume": ("Terima antrean lagi", "Take tickets again"),
    "today.state": ("Keadaan sekarang", "State now"),
    "today.state_open": ("buka", "open"),
    "today.quota": ("Kuota hari ini", "Today's quota"),
    "today.quota_used": ("{used} terpakai dari {quota}, sisa {left}", "{used} used of {quota}, {left} left"),
    "today.quota_today_vs": ("Diubah untuk hari ini (katalog: {catalog})", "Changed for today (catalog: {catalog})"),
    "today.quota_catalog": ("Sesuai katalog", "As in the catalog"),
    "today.quota_new": ("Kuota baru untuk hari ini", "New quota for today"),
    "today.quota_set": ("Ubah kuota", "Set quota"),
    "today.quota_reset": ("Kembali ke katalog", "Back to the catalog's"),
    "today.close_col": ("Tutup untuk hari ini", "Close for today"),
    "today.close_note": ("Keterangan (boleh kosong, maks. {max})", "Note (optional, max. {max})"),
    "today.close": ("Tutup sisa hari ini", "Close for the rest of today"),
    "today.reopen": ("Buka lagi", "Reopen"),
    "today.closed_done": ("Layanan {service} ditutup untuk sisa hari ini.",
                          "{service} is closed for the rest of today."),
    "today.reopened_done": ("Layanan {service} dibuka lagi.", "{service} is open again."),
    "today.quota_done": ("Kuota hari ini untuk {service}: {quota}.", "Today's quota for {service}: {quota}."),
    "today.quota_reset_done": ("Kuota {service} kembali sesuai katalog: {quota}.",
                               "{service}'s quota is the catalog's again: {quota}."),
    "today.stopped_done": ("Antrean {agency} dihentikan untuk sisa hari ini.",
                           "{agency}'s tickets are stopped for the rest of today."),
    "today.resumed_done": ("Antrean {agency} diterima lagi.", "{agency} takes tickets again."),
    "today.text_done": ("Teks berjalan papan hari ini sudah dipasang.", "Today's running text is on the boards."),
    "today.text_cleared_done": ("Papan kembali memakai teks berjalan dari katalog.",
                                "The boards show the catalog's running text again."),
    "today.note_invalid": ("Keterangan harus satu baris, paling banyak {max} karakter. Tidak ada yang diubah.",
                           "The note must be one line of at most {max} characters. Nothing was changed."),
    "today.quota_invalid": ("Kuota harus bilangan bulat dari 0 sampai {max}. Tidak ada yang diubah.",
                            "The quota must be a whole number from 0 to {max}. Nothing was changed."),
    "today.text_invalid": (
        "Teks berjalan harus diisi, satu baris, paling banyak {max} karakter; untuk menghapusnya pakai "
        "\"Kembali ke teks katalog\". Tidak ada yang diubah.",
        "The running text must be filled in, one line, at most {max} characters; to remove it use \"Back to the "
        "catalog's text\". Nothing was changed."),
    "error.quota_below_issued": (
        "Hari ini sudah {issued} tiket diambil; kuota tidak boleh di bawah itu ({quota}). Tidak ada yang diubah.",
        "{issued} tickets were already taken today; the quota cannot be below that ({quota}). Nothing was changed."),
    "error.service_not_found": ("Layanan ini tidak ada di katalog.", "There is no such service in the catalog."),
    "error.agency_not_found": ("Instansi ini tidak ada di katalog.", "There is no such agency in the catalog."),
    # The staff page (admins).
    "nav.staff": ("Petugas", "Staff"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "staff.title": ("Petugas", "Staff"),
    "staff.list": ("Semua akun", "Every account"),
    "staff.username": ("Nama pengguna", "Username"),
    "staff.display_name": ("Nama", "Name"),
    "staff.role": ("Peran", "Role"),
    "staff.active": ("Aktif", "Active"),
    "staff.yes_active": ("aktif", "active"),
    "staff.disabled": ("dinonaktifkan", "disabled"),
    "staff.locked_until": ("Terkunci sampai", "Locked until"),
    "staff.must_change": ("Wajib ganti kata sandi", "Must change password"),
    "staff.last_login": ("Terakhir masuk", "Last sign-in"),
    "staff.never": ("belum pernah", "never"),
    "staff.add": ("Tambah akun", "Add an account"),
    "staff.add_intro": (
        "Server membuat kata sandi sekali pakai; petugas wajib menggantinya saat pertama kali masuk.",
        "The server makes a one-time password; the officer must change it at their first sign-in."),
    "staff.add_submit": ("Tambah akun", "Add the account"),
    "staff.invalid_field": ("Isian “{field}” tidak valid. Tidak ada yang diubah.",
                            "The field “{field}” is not valid. Nothing was changed."),
    "staff.new_role": ("Peran baru", "New role"),
    "staff.role_intro": ("Berlaku sejak permintaan berikutnya; sesi masuknya tetap berjalan.",
                         "It holds from their next request; their sign-ins go on."),
    "staff.set_role": ("Simpan peran", "Save the role"),
    "staff.role_done": ("Peran {username} disimpan.", "{username}'s role was saved."),
    "staff.reset": ("Atur ulang kata sandi", "Reset the password"),
    "staff.reset_intro": (
        "Server membuat kata sandi sekali pakai baru; semua sesi masuk akun ini berakhir sekarang, dan "
        "kata sandi wajib diganti saat masuk berikutnya.",
        "The server makes a new one-time password; every sign-in of this account ends now, and the "
        "password must be changed at the next sign-in."),
    "staff.reset_submit": ("Buat kata sandi baru", "Make a new password"),
    "staff.disable": ("Nonaktifkan akun", "Disable the account"),
    "staff.disable_intro": (
        "Semua sesi masuk akun ini berakhir saat itu juga: aplikasi loket, konsol dan API menolaknya.",
        "Every sign-in of this account ends at once: the counter app, the console and the API refuse it."),
    "staff.disable_myself": ("Ini akun Anda sendiri: Anda akan keluar.",
                             "This is your own account: you will be signed out."),
    "staff.disable_submit": ("Nonaktifkan", "Disable"),
    "staff.disabled_done": ("{username} dinonaktifkan; semua sesi masuknya sudah berakhir.",
                            "{username} was disabled; every sign-in of theirs has ended."),
    "staff.enable": ("Aktifkan akun", "Enable the account"),
    "staff.enable_intro": ("Akun dapat masuk lagi; sesi lamanya tetap berakhir.",
                           "The account may sign in again; its old sign-ins stay ended."),
    "staff.enable_submit": ("Aktifkan", "Enable"),
    "staff.enabled_done": ("{username} diaktifkan lagi.", "{username} was enabled again."),
    "staff.back": ("Kembali ke daftar petugas", "Back to the staff list"),
    "staff.one_time_title": ("Kata sandi sekali pakai", "One-time password"),
    "staff.added_title": ("Akun {username} dibuat", "Account {username} added"),
    "staff.reset_title": ("Kata sandi {username} diatur ulang", "{username}'s password was reset"),
    "staff.one_time_intro": ("Kata sandi sekali pakai untuk {name} (nama pengguna {username}):",
                             "The one-time password of {name} (username {username}):"),
    "staff.one_time_warning": (
        "Serahkan kata sandi ini langsung kepada petugasnya sekarang. Halaman ini satu-satunya tempat ia "
        "terlihat: tidak akan ditampilkan lagi. Petugas wajib menggantinya saat pertama kali masuk.",
        "Hand this password to the officer in person now. This page is the only place it is shown: it will "
        "not be shown again. The officer must change it at their first sign-in."),
    "staff.one_time_done": ("Sudah diserahkan: kembali ke daftar petugas", "Handed over: back to the staff list"),
    "error.user_exists": ("Sudah ada akun dengan nama pengguna {username}.",
                          "An account with the username {username} exists already."),
    "error.invalid_username": (
        "Nama pengguna 1–64 huruf, angka, “.”, “_” atau “-”, diawali huruf "
        "atau angka.",
        "A username is 1–64 letters, digits, “.”, “_” or “-”, starting with a "
        "letter or digit."),
    "error.user_not_found": ("Tidak ada akun dengan nama itu.", "There is no account by that name."),
    "error.last_admin": (
        "{username} adalah admin aktif terakhir: jadikan akun lain admin dulu. Tidak ada yang diubah.",
        "{username} is the last active admin: make another account admin first. Nothing was changed."),
    # The devices page.
    "nav.devices": ("Perangkat", "Devices"),
    "kind.kiosk": ("Kios", "Kiosk"),
    "kind.display": ("Papan", "Board"),
    "devices.title": ("Perangkat", "Devices"),
    "devices.list": ("Kios dan papan", "Kiosks and boards"),
    "devices.as_of": ("Keadaan pukul", "As of"),
    "devices.none": ("Belum ada perangkat.", "No devices yet."),
    "devices.name": ("Nama", "Name"),
    "devices.kind": ("Jenis", "Kind"),
    "devices.state": ("Keadaan", "State"),
    "devices.last_seen": ("Kabar terakhir", "Last heartbeat"),
    "devices.printer": ("Printer", "Printer"),
    "devices.paper": ("Kertas", "Paper"),
    "devices.paper_out": ("habis", "out"),
    "printer.online": ("tersambung", "online"),
    "printer.offline": ("terputus", "offline"),
    "printer.unknown": ("tidak diketahui", "unknown"),
    "printer.none": ("tanpa printer", "no printer"),
    "paper.ok": ("cukup", "fine"),
    "paper.near_end": ("hampir habis", "running low"),
    "paper.out": ("habis", "out"),
    "paper.unknown": ("tidak diketahui", "unknown"),
    "devices.version": ("Versi", "Version"),
    "devices.last_error": ("Kesalahan terakhir", "Last error"),
    "devices.never": ("belum pernah", "never"),
    "devices.ok": ("baik", "fine"),
    "devices.locked": ("dikunci", "locked"),
    "devices.revoked": ("dicabut", "revoked"),
    "devices.not_enrolled": ("belum didaftarkan", "not enrolled"),
    "devices.code_pending": ("menunggu kode (berlaku s.d. {until})", "code waiting (valid until {until})"),
    "devices.silent_for": ("diam {minutes} menit", "silent for {minutes} min"),
    "devices.silent_never": ("belum pernah mengirim kabar", "never sent a heartbeat"),
    "devices.enrol": ("Daftarkan perangkat", "Enrol a device"),
    "devices.enrol_intro": (
        "Server membuat kode sekali pakai (berlaku 24 jam) untuk diketik atau dipindai di halaman setelan "
        "perangkat.",
        "The server makes a one-time code (valid 24 hours) to type or scan in the device's setup."),
    "devices.replace": ("Ganti perangkat yang sekarang memakai nama ini", "Replace the device now using this name"),
    "devices.replace_warning": (
        "Hanya jika diminta: perangkat yang sekarang memakai nama ini berhenti bekerja begitu kode baru dipakai.",
        "Only when asked: the device now using this name stops working once the new code is used."),
    "devices.enrol_submit": ("Buat kode", "Make a code"),
    "devices.invalid": ("Nama perangkat 1–80 karakter, jenisnya kios atau papan. Tidak ada yang diubah.",
                        "A device name is 1–80 characters, its kind kiosk or board. Nothing was changed."),
    "devices.code_title": ("Kode pendaftaran {name}", "Enrolment code for {name}"),
    "devices.code_intro": ("Ketik kode ini, atau pindai kode QR-nya, di halaman Server pada setelan {kind}.",
                           "Type this code, or scan its QR code, on the Server page of the {kind}'s setup."),
    "devices.qr_alt": ("Kode QR berisi kode pendaftaran", "QR code holding the enrolment code"),
    "devices.code_expires": ("Berlaku sampai {at}, sekali pakai.", "Valid until {at}, for one use."),
    "devices.replaces": ("Perangkat yang sekarang bernama {name} berhenti bekerja begitu kode ini dipakai.",
                         "The device now named {name} stops working once this code is used."),
    "devices.code_once": ("Kode ini tidak akan ditampilkan lagi.", "This code will not be shown again."),
    "devices.lock_title": ("Kunci", "Lock"),
    "devices.lock_intro": (
        "Perangkat yang dikunci langsung tidak melayani (kios tidak mengeluarkan tiket) dan menampilkan "
        "alasannya; ia tetap mengirim kabar.",
        "A locked device is out of service at once (a kiosk issues no tickets) and shows why; it keeps "
        "sending its heartbeat."),
    "devices.lock": ("Kunci perangkat", "Lock the device"),
    "devices.unlock": ("Buka kunci", "Unlock"),
    "devices.rename": ("Ganti nama", "Rename"),
    "devices.new_name": ("Nama baru", "New name"),
    "devices.rename_submit": ("Simpan nama", "Save the name"),
    "devices.revoke": ("Cabut perangkat", "Revoke the device"),
    "devices.revoke_intro": ("Tokennya berakhir saat itu juga; untuk memakainya lagi, daftarkan dengan kode baru.",
                             "Its token ends at once; to use it again, enrol it with a new code."),
    "devices.revoke_warning": (
        "Cabut {name}? Perangkat ini langsung berhenti bekerja dan hanya bisa dipakai lagi dengan kode baru.",
        "Revoke {name}? It stops working at once and can only be used again with a new code."),
    "devices.revoke_confirm": ("Ya, cabut", "Yes, revoke"),
    "devices.cancel": ("Batal", "Cancel"),
    "devices.back": ("Kembali ke daftar perangkat", "Back to the devices"),
    "devices.renamed_done": ("Nama disimpan: {name}.", "The name was saved: {name}."),
    "devices.locked_done": ("{name} dikunci.", "{name} was locked."),
    "devices.unlocked_done": ("Kunci {name} dibuka.", "{name} was unlocked."),
    "devices.revoked_done": ("{name} dicabut.", "{name} was revoked."),
    "error.device_name_taken": (
        "Sudah ada perangkat bernama {name} (atau kodenya belum dipakai). Pilih nama lain, atau centang "
        "“ganti” bila perangkat itu memang diganti.",
        "A device is named {name} already (or its code is not used yet). Choose another name, or tick "
        "“replace” if that device is really being replaced."),
    "error.device_not_found": ("Perangkat ini tidak ada.", "There is no such device."),
    "error.invalid_request": ("Isian tidak valid. Tidak ada yang diubah.",
                              "The input is not valid. Nothing was changed."),
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
