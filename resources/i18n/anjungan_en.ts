<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AgenciesScreen</name>
    <message>
        <source>{open} dari {total} layanan buka</source>
        <translation>{open} of {total} services open</translation>
    </message>
    <message>
        <source>Semua layanan sedang tutup</source>
        <translation>All services are closed now</translation>
    </message>
    <message>
        <source>Pilih instansi</source>
        <translation>Choose an agency</translation>
    </message>
    <message>
        <source>Sentuh instansi yang ingin Anda tuju.</source>
        <translation>Touch the agency you came for.</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <source>Mal Pelayanan Publik</source>
        <translation>Public Service Mall</translation>
    </message>
    <message>
        <source>Informasi Antrean</source>
        <translation>Queue information</translation>
    </message>
</context>
<context>
    <name>BookingScreen</name>
    <message>
        <source>Kode salah ketik. Periksa lagi kode booking Anda.</source>
        <translation>Mistyped code. Please check your booking code again.</translation>
    </message>
    <message>
        <source>Kode booking terdiri dari 9 angka.</source>
        <translation>A booking code has 9 digits.</translation>
    </message>
    <message>
        <source>Ketik 4 angka terakhir NIK Anda.</source>
        <translation>Type the last 4 digits of your NIK.</translation>
    </message>
    <message>
        <source>9 angka</source>
        <translation>9 digits</translation>
    </message>
    <message>
        <source>4 angka</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <source>Saya sudah booking</source>
        <translation>I have a booking</translation>
    </message>
    <message>
        <source>Dekatkan QR booking ke pemindai, atau ketik kode booking lalu 4 angka terakhir NIK.</source>
        <translation>Hold your booking QR to the scanner, or type the booking code and then the last 4 digits of your NIK.</translation>
    </message>
    <message>
        <source>Kode booking</source>
        <translation>Booking code</translation>
    </message>
    <message>
        <source>4 angka terakhir NIK</source>
        <translation>Last 4 digits of NIK</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>BusyScreen</name>
    <message>
        <source>Mohon tunggu…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>ConfirmPanel</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CounterBar</name>
    <message>
        <source>Anjungan · Aplikasi Petugas Loket</source>
        <translation>Anjungan · Counter Staff App</translation>
    </message>
    <message>
        <source>Petugas: {name}</source>
        <translation>Staff: {name}</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
</context>
<context>
    <name>CounterController</name>
    <message>
        <source>Anjungan — Petugas Loket</source>
        <translation>Anjungan — Counter Staff</translation>
    </message>
</context>
<context>
    <name>CounterMessages</name>
    <message>
        <source>Server antrean tidak dapat dihubungi. Aplikasi mencoba lagi otomatis; tiket yang sedang dilayani tetap aman.</source>
        <translation>The queue server cannot be reached. The app keeps retrying; the ticket you are serving is safe.</translation>
    </message>
    <message>
        <source>Tidak ada antrean menunggu. Daftar antrean diperbarui otomatis; panggil lagi saat ada warga yang menunggu.</source>
        <translation>Nobody is waiting. The list updates by itself; call again when someone is waiting.</translation>
    </message>
    <message>
        <source>Loket ini sedang dibuka oleh {staff}. Pilih loket lain, atau minta supervisor menutupnya.</source>
        <translation>This counter is open by {staff}. Choose another counter, or ask a supervisor to close it.</translation>
    </message>
    <message>
        <source>Loket ini dibuka oleh petugas lain. Pilih loket Anda lagi.</source>
        <translation>Another officer opened this counter. Choose your counter again.</translation>
    </message>
    <message>
        <source>Loket sudah ditutup. Buka loket lagi untuk melayani.</source>
        <translation>The counter is closed. Open it again to serve.</translation>
    </message>
    <message>
        <source>Loket sedang istirahat. Tekan Lanjutkan (F7) untuk memanggil lagi.</source>
        <translation>The counter is on a break. Press Resume (F7) to call again.</translation>
    </message>
    <message>
        <source>Loket sudah buka; tidak sedang istirahat.</source>
        <translation>The counter is open; it is not on a break.</translation>
    </message>
    <message>
        <source>Loket tidak ditemukan. Daftar loket dimuat ulang; pilih lagi.</source>
        <translation>Counter not found. The list of counters was reloaded; choose again.</translation>
    </message>
    <message>
        <source>Tidak ada tiket untuk dipanggil ulang. Panggil ulang hanya untuk tiket yang sudah dipanggil dan belum dilayani.</source>
        <translation>There is no ticket to recall. Recall is only for a ticket that was called and is not yet being served.</translation>
    </message>
    <message>
        <source>Status tiket sudah berubah, jadi tindakan itu tidak bisa. Tampilan sudah diperbarui; pilih tindakan lagi.</source>
        <translation>The ticket&apos;s status has changed, so that action is not possible. The screen is updated; choose again.</translation>
    </message>
    <message>
        <source>Tiket ini tidak lagi di loket Anda. Tampilan sudah diperbarui.</source>
        <translation>This ticket is no longer at your counter. The screen is updated.</translation>
    </message>
    <message>
        <source>Layanan tujuan itu tidak bisa dipilih. Pilih layanan aktif yang lain.</source>
        <translation>That service cannot be chosen. Choose another active service.</translation>
    </message>
    <message>
        <source>Loket ini tidak melayani layanan itu. Pilih dari daftar.</source>
        <translation>This counter does not serve that service. Choose from the list.</translation>
    </message>
    <message>
        <source>Loket lain memanggil pada saat yang sama. Tekan Panggil Berikutnya lagi.</source>
        <translation>Another counter called at the same moment. Press Call Next again.</translation>
    </message>
    <message>
        <source>Perubahan lain datang pada saat yang sama. Tampilan sudah diperbarui; coba lagi.</source>
        <translation>Another change came at the same moment. The screen was updated; try again.</translation>
    </message>
    <message>
        <source>Nama pengguna atau kata sandi salah. Periksa lalu coba lagi; setelah 5 kali salah, akun dikunci 5 menit.</source>
        <translation>Wrong username or password. Check and try again; after 5 wrong tries the account is locked for 5 minutes.</translation>
    </message>
    <message>
        <source>Akun dikunci sementara karena terlalu banyak kata sandi salah. Coba lagi setelah pukul {time}, atau hubungi supervisor.</source>
        <translation>The account is locked after too many wrong passwords. Try again after {time}, or call a supervisor.</translation>
    </message>
    <message>
        <source>Sesi Anda telah berakhir. Silakan masuk lagi; loket dan tiket Anda tetap tersimpan.</source>
        <translation>Your session has ended. Please log in again; your counter and ticket are kept.</translation>
    </message>
    <message>
        <source>Tiket {code} masih di loket ini: layani lalu selesaikan atau alihkan, atau tandai tidak hadir bila warga tidak datang.</source>
        <translation>Ticket {code} is still at this counter: serve it, then finish or transfer it, or mark it no-show if the citizen did not come.</translation>
    </message>
    <message>
        <source>Warga mungkin masih berjalan ke loket. Tidak Hadir bisa ditandai {seconds_left} detik lagi; panggil ulang (F2) bila perlu.</source>
        <translation>The citizen may still be walking to the loket. No-show can be marked in {seconds_left} seconds; recall (F2) if needed.</translation>
    </message>
    <message>
        <source>Itu bukan nomor tiket. Ketik seperti tertulis di tiket, mis. B-012.</source>
        <translation>That is not a ticket number. Type it as printed on the ticket, e.g. B-012.</translation>
    </message>
    <message>
        <source>Tiket ini dari hari lain dan tidak bisa dikembalikan ke antrean. Minta warga mengambil tiket baru.</source>
        <translation>This ticket is from another day and cannot go back in the queue. Ask the citizen to take a new ticket.</translation>
    </message>
    <message>
        <source>Jam kembali harus lebih lambat dari sekarang, dan masih hari ini. Pilih jam lain, atau istirahat tanpa jam kembali.</source>
        <translation>The return time must be later than now, and still today. Choose another time, or take the break without a return time.</translation>
    </message>
    <message>
        <source>Loket tujuan itu tidak ada lagi. Daftar loket dimuat ulang; pilih loket lain atau &quot;Loket mana saja&quot;.</source>
        <translation>That loket no longer exists. The loket list is reloaded; choose another loket or &quot;Any loket&quot;.</translation>
    </message>
    <message>
        <source>{counter} tidak melayani layanan itu sekarang. Pilih loket lain atau &quot;Loket mana saja&quot;.</source>
        <translation>{counter} does not serve that service now. Choose another loket or &quot;Any loket&quot;.</translation>
    </message>
    <message>
        <source>{counter} sudah tutup. Pilih loket yang buka atau &quot;Loket mana saja&quot;; tiket masih di loket Anda.</source>
        <translation>{counter} has closed. Choose an open loket or &quot;Any loket&quot;; the ticket is still at your loket.</translation>
    </message>
    <message>
        <source>Akun Anda dinonaktifkan oleh admin MPP, jadi sesi Anda berakhir. Hubungi admin untuk mengaktifkannya lagi; loket dan tiket tetap tersimpan.</source>
        <translation>An MPP admin has disabled your account, so your session has ended. Ask the admin to enable it again; your loket and tickets are kept.</translation>
    </message>
    <message>
        <source>Akun ini tidak boleh memakai aplikasi loket. Masuk dengan akun petugas.</source>
        <translation>This account may not use the counter app. Log in with a staff account.</translation>
    </message>
    <message>
        <source>Server antrean tidak dapat dihubungi. Periksa jaringan; aplikasi mencoba lagi otomatis.</source>
        <translation>The queue server cannot be reached. Check the network; the app keeps retrying.</translation>
    </message>
    <message>
        <source>Server antrean tidak menjawab. Jangan tekan dua kali: status dibaca ulang begitu server menjawab.</source>
        <translation>The queue server is not answering. Don&apos;t press twice: the status is read again as soon as it answers.</translation>
    </message>
    <message>
        <source>Terjadi gangguan pada server. Aplikasi mencoba lagi otomatis.</source>
        <translation>The server has a problem. The app keeps retrying.</translation>
    </message>
    <message>
        <source>Kata sandi ini dibuat oleh admin: ganti dulu dengan kata sandi Anda sendiri untuk melanjutkan.</source>
        <translation>An admin set this password: change it to one of your own to go on.</translation>
    </message>
    <message>
        <source>Kata sandi sekarang salah. Ketik lagi kata sandi yang Anda pakai untuk masuk.</source>
        <translation>The current password is wrong. Type again the password you signed in with.</translation>
    </message>
    <message>
        <source>Kata sandi baru terlalu pendek: paling sedikit {min_length} karakter.</source>
        <translation>The new password is too short: at least {min_length} characters.</translation>
    </message>
    <message>
        <source>Kata sandi baru harus berbeda dari yang sekarang.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>Kedua isian kata sandi baru tidak sama. Ketik lagi.</source>
        <translation>The two new passwords differ. Type them again.</translation>
    </message>
    <message>
        <source>Kata sandi sudah diganti. Pakai kata sandi baru ini saat masuk berikutnya.</source>
        <translation>Password changed. Use the new one at your next login.</translation>
    </message>
    <message>
        <source>Tulis alasannya dulu: loket ini dibuka oleh {staff}, dan alasan dicatat bersama nama Anda.</source>
        <translation>Write the reason first: {staff} has this loket open, and the reason is recorded with your name.</translation>
    </message>
    <message>
        <source>{loket} diambil alih oleh {by}. Alasan: {reason}. Tombol di meja ini tidak berlaku lagi; ketuk Lanjut untuk memilih loket.</source>
        <translation>{loket} was taken over by {by}. Reason: {reason}. The buttons on this desk no longer work; tap Continue to choose a loket.</translation>
    </message>
    <message>
        <source>{loket} ditutup oleh {by}. Alasan: {reason}. Tombol di meja ini tidak berlaku lagi; ketuk Lanjut untuk memilih loket.</source>
        <translation>{loket} was closed by {by}. Reason: {reason}. The buttons on this desk no longer work; tap Continue to choose a loket.</translation>
    </message>
    <message>
        <source>{loket} ditutup. Petugasnya sudah diberi tahu di aplikasinya.</source>
        <translation>{loket} is closed. Its officer has been told on their app.</translation>
    </message>
    <message>
        <source>{loket} ditutup atau diambil alih dari tempat lain. Pilih loket lagi.</source>
        <translation>{loket} was closed or taken over elsewhere. Choose a counter again.</translation>
    </message>
    <message>
        <source>Terjadi kesalahan ({error}). Coba lagi; jika terulang, hubungi admin.</source>
        <translation>Something went wrong ({error}). Try again; if it happens again, call the admin.</translation>
    </message>
    <message>
        <source>Tiket tidak ditemukan. Tampilan sudah diperbarui; pilih lagi.</source>
        <translation>That ticket was not found. The screen was updated; choose again.</translation>
    </message>
    <message>
        <source>Layanan tujuan tidak ditemukan. Daftar layanan dimuat ulang; pilih lagi.</source>
        <translation>That service does not exist any more. The list was reloaded; choose again.</translation>
    </message>
    <message>
        <source>{code} selesai dilayani, tetapi belum ada warga yang dipanggil: {reason}</source>
        <translation>{code} is done, but nobody was called next: {reason}</translation>
    </message>
    <message>
        <source>{code} dipanggil ulang ({count}×).</source>
        <translation>{code} recalled ({count}×).</translation>
    </message>
    <message>
        <source>{code} selesai dilayani. Silakan panggil berikutnya.</source>
        <translation>{code} is done. Call the next one.</translation>
    </message>
    <message>
        <source>{code} ditandai tidak hadir.</source>
        <translation>{code} marked as no-show.</translation>
    </message>
    <message>
        <source>{code} dikembalikan ke antrean, di tempat semula menurut jam ambilnya.</source>
        <translation>{code} is back in the queue, in its place by the time it was taken.</translation>
    </message>
    <message>
        <source>{code} dialihkan ke {service}; tiket menunggu di antrean layanan itu.</source>
        <translation>{code} transferred to {service}; the ticket waits in that service&apos;s queue.</translation>
    </message>
    <message>
        <source>{code} dialihkan ke {service} di {loket}; hanya loket itu yang memanggilnya selama buka.</source>
        <translation>{code} transferred to {service} at {loket}; only that loket calls it while it is open.</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>Istirahat</source>
        <translation>On break</translation>
    </message>
    <message>
        <source>Istirahat · {reason}</source>
        <translation>On break · {reason}</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Panggil Berikutnya</source>
        <translation>Call Next</translation>
    </message>
    <message>
        <source>Panggil Ulang</source>
        <translation>Recall</translation>
    </message>
    <message>
        <source>Mulai Layani</source>
        <translation>Start Serving</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Tidak Hadir</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Alihkan…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>Selesai &amp; Panggil Berikutnya</source>
        <translation>Finish &amp; Call Next</translation>
    </message>
    <message>
        <source>Lanjutkan</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Istirahat…</source>
        <translation>Break…</translation>
    </message>
    <message>
        <source>Tutup Loket</source>
        <translation>Close Counter</translation>
    </message>
    <message>
        <source>Lanjut ke daftar loket</source>
        <translation>Continue to the loket list</translation>
    </message>
    <message>
        <source>Warga terlambat…</source>
        <translation>Late citizen…</translation>
    </message>
    <message>
        <source>Melayani: {services}</source>
        <translation>Serving: {services}</translation>
    </message>
    <message>
        <source>Tidak Hadir · {time}</source>
        <translation>No-show · {time}</translation>
    </message>
    <message>
        <source>Tandai {code} tidak hadir?</source>
        <translation>Mark {code} as no-show?</translation>
    </message>
    <message>
        <source>Nomor ini keluar dari antrean. Bila warga datang terlambat hari ini, tiketnya bisa dikembalikan ke antrean.</source>
        <translation>The number leaves the queue. If the citizen comes late today, the ticket can be put back in the queue.</translation>
    </message>
    <message>
        <source>Ya, tidak hadir</source>
        <translation>Yes, no-show</translation>
    </message>
    <message>
        <source>{code} masih di loket ini. Tiket dikembalikan ke antrean di tempat semula (menurut jam ambilnya) dan dipanggil lagi oleh loket yang buka.</source>
        <translation>{code} is still at this loket. The ticket goes back in the queue in its place (by the time it was taken) and is called again by an open loket.</translation>
    </message>
    <message>
        <source>Keluar dengan tiket di tangan?</source>
        <translation>Log out with a ticket in hand?</translation>
    </message>
    <message>
        <source>Kembalikan ke antrean &amp; keluar</source>
        <translation>Return to queue &amp; log out</translation>
    </message>
    <message>
        <source>Tutup loket dengan tiket di tangan?</source>
        <translation>Close the loket with a ticket in hand?</translation>
    </message>
    <message>
        <source>Kembalikan ke antrean &amp; tutup loket</source>
        <translation>Return to queue &amp; close loket</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Disimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Memuat daftar instansi dari server…</source>
        <translation>Loading the agencies from the server…</translation>
    </message>
    <message>
        <source>Daftar instansi tidak dapat dimuat, pilihan tidak diubah. {reason}</source>
        <translation>The agencies could not be loaded; the choice stays as it was. {reason}</translation>
    </message>
    <message>
        <source>Centang instansi yang dilayani anjungan ini. Semua tercentang berarti semua instansi, termasuk yang ditambahkan nanti.</source>
        <translation>Tick the agencies this kiosk offers. All ticked means every agency, including ones added later.</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Pilih paling sedikit satu instansi.</source>
        <translation>Choose at least one agency.</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>Mis. Papan Aula 1. Paling banyak {limit} karakter.</source>
        <translation>E.g. Hall Board 1. At most {limit} characters.</translation>
    </message>
    <message>
        <source>Mis. Anjungan Lobi 1. Paling banyak {limit} karakter.</source>
        <translation>E.g. Lobby kiosk 1. At most {limit} characters.</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Mis. Lantai 1, dekat pintu masuk.</source>
        <translation>E.g. Ground floor, by the entrance.</translation>
    </message>
    <message>
        <source>Instansi yang dilayani</source>
        <translation>Agencies offered</translation>
    </message>
    <message>
        <source>Bahasa awal</source>
        <translation>Default language</translation>
    </message>
    <message>
        <source>Bahasa tulisan di papan. Dipakai setelah papan dimulai ulang.</source>
        <translation>The language of the board&apos;s texts. Used after the board restarts.</translation>
    </message>
    <message>
        <source>Bahasa yang dipakai lagi setelah anjungan tidak disentuh.</source>
        <translation>The language the kiosk returns to when nobody touches it.</translation>
    </message>
    <message>
        <source>Batas diam (detik)</source>
        <translation>Idle timeout (seconds)</translation>
    </message>
    <message>
        <source>Setelah sekian detik tanpa sentuhan, anjungan kembali ke beranda. {low} sampai {high}.</source>
        <translation>After this many seconds without a touch the kiosk goes back home. {low} to {high}.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Anjungan {version}</source>
        <translation>Anjungan {version}</translation>
    </message>
    <message>
        <source>Terhubung ke {url} (server versi {version}, {site})</source>
        <translation>Connected to {url} (server version {version}, {site})</translation>
    </message>
    <message>
        <source>Server tidak dapat dihubungi: {url} ({reason})</source>
        <translation>Server unreachable: {url} ({reason})</translation>
    </message>
    <message>
        <source>Server tidak menjawab tepat waktu: {url} ({reason})</source>
        <translation>Server did not answer in time: {url} ({reason})</translation>
    </message>
    <message>
        <source>Server menjawab dengan kesalahan: {reason}</source>
        <translation>Server answered with an error: {reason}</translation>
    </message>
    <message>
        <source>Pemeriksaan server gagal: {reason}</source>
        <translation>Server check failed: {reason}</translation>
    </message>
    <message>
        <source>Pemeriksaan gagal: {reason}</source>
        <translation>Check failed: {reason}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>Tidak dapat diukur tanpa server</source>
        <translation>Cannot be measured without the server</translation>
    </message>
    <message>
        <source>Jam perangkat sama dengan jam server (selisih {diff})</source>
        <translation>Device clock matches the server clock (difference {diff})</translation>
    </message>
    <message>
        <source>Jam server {diff} lebih cepat dari jam perangkat</source>
        <translation>Server clock is {diff} ahead of the device clock</translation>
    </message>
    <message>
        <source>Jam server {diff} lebih lambat dari jam perangkat</source>
        <translation>Server clock is {diff} behind the device clock</translation>
    </message>
    <message>
        <source>{free} GB bebas dari {total} GB ({path})</source>
        <translation>{free} GB free of {total} GB ({path})</translation>
    </message>
    <message>
        <source>Tidak dapat dibaca: {reason}</source>
        <translation>Cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Tidak ada kesalahan sejak aplikasi dimulai</source>
        <translation>No errors since the app started</translation>
    </message>
    <message>
        <source>Belum ada berkas log</source>
        <translation>No log file yet</translation>
    </message>
    <message>
        <source>Log tidak dapat dibaca: {reason}</source>
        <translation>The log cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Diagnostik</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Diperiksa pukul {time}</source>
        <translation>Checked at {time}</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Waktu respons</source>
        <translation>Round-trip time</translation>
    </message>
    <message>
        <source>Selisih jam</source>
        <translation>Clock difference</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Versi aplikasi</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Ruang disk</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <source>Periksa lagi</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Kesalahan terakhir (terbaru di atas)</source>
        <translation>Last errors (newest first)</translation>
    </message>
    <message>
        <source>Akhir log: {path}</source>
        <translation>End of the log: {path}</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
</context>
<context>
    <name>DisplayController</name>
    <message>
        <source>Papan tidak terhubung ke server. Panggilan akan tampil setelah tersambung kembali.</source>
        <translation>The board is not connected to the server. Calls will appear once it is connected again.</translation>
    </message>
    <message>
        <source>Selamat datang di Mal Pelayanan Publik. Siapkan dokumen persyaratan Anda dan perhatikan nomor antrean yang dipanggil.</source>
        <translation>Welcome to the Public Service Mall. Have your documents ready and watch for your queue number.</translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <source>Memeriksa nomor loket di server…</source>
        <translation>Checking the loket numbers with the server…</translation>
    </message>
    <message>
        <source>Loket {unknown} tidak ada di server. Loket yang ada: {known}.</source>
        <translation>Loket {unknown} does not exist on the server. The lokets there: {known}.</translation>
    </message>
    <message>
        <source>Nomor loket tidak dapat diperiksa di server, tidak disimpan. {reason} Coba lagi, atau kosongkan untuk semua loket.</source>
        <translation>The loket numbers could not be checked with the server; nothing was saved. {reason} Try again, or leave it empty for every loket.</translation>
    </message>
    <message>
        <source>Membacakan contoh panggilan…</source>
        <translation>Reading a sample call aloud…</translation>
    </message>
    <message>
        <source>Contoh panggilan telah diucapkan: “{sentence}”</source>
        <translation>The sample call was spoken: “{sentence}”</translation>
    </message>
    <message>
        <source>Suara papan mati: pilih Nyala lalu Simpan, kemudian uji lagi.</source>
        <translation>The board&apos;s voice is off: choose On and Save, then test again.</translation>
    </message>
    <message>
        <source>Suara tidak keluar: tidak ada perangkat suara. Periksa speaker, kabel audio dan keluaran suara PC.</source>
        <translation>No sound came out: there is no sound device. Check the speakers, the audio cable and the PC&apos;s sound output.</translation>
    </message>
    <message>
        <source>Suara tidak tersedia: mesin suara (espeak-ng) tidak dapat dipakai. {reason}</source>
        <translation>No voice: the speech engine (espeak-ng) cannot be used. {reason}</translation>
    </message>
    <message>
        <source>Suara gagal diputar: {reason}</source>
        <translation>The voice could not be played: {reason}</translation>
    </message>
    <message>
        <source>Tampilan papan</source>
        <translation>Board display</translation>
    </message>
    <message>
        <source>Teks berjalan</source>
        <translation>Running text</translation>
    </message>
    <message>
        <source>Tampil bergerak di bawah papan. {count} dari {limit} karakter.</source>
        <translation>Scrolls along the bottom of the board. {count} of {limit} characters.</translation>
    </message>
    <message>
        <source>Loket yang ditampilkan</source>
        <translation>Lokets shown</translation>
    </message>
    <message>
        <source>Nomor loket dipisah koma, mis. 1,2,3. Kosong: semua loket.</source>
        <translation>Loket numbers separated by commas, e.g. 1,2,3. Empty: all lokets.</translation>
    </message>
    <message>
        <source>Panggilan suara</source>
        <translation>Voice call</translation>
    </message>
    <message>
        <source>Nyala</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Mati</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Volume suara ({low}–{high})</source>
        <translation>Voice volume ({low}–{high})</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Uji suara</source>
        <translation>Test the voice</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Anjungan Antrean Mandiri</source>
        <translation>Self-service queue kiosk</translation>
    </message>
    <message>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Public Satisfaction Survey</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Selamat datang</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Silakan pilih salah satu:</source>
        <translation>Please choose one:</translation>
    </message>
    <message>
        <source>Ambil Antrean</source>
        <translation>Take a Ticket</translation>
    </message>
    <message>
        <source>Pilih layanan dan cetak nomor antrean</source>
        <translation>Choose a service and print your queue number</translation>
    </message>
    <message>
        <source>Cek Status</source>
        <translation>Check Status</translation>
    </message>
    <message>
        <source>Lihat posisi antrean tiket Anda</source>
        <translation>See where your ticket is in the queue</translation>
    </message>
    <message>
        <source>Isi Survei</source>
        <translation>Take the Survey</translation>
    </message>
    <message>
        <source>Sudah dilayani? Nilai pelayanan kami</source>
        <translation>Been served? Rate our service</translation>
    </message>
    <message>
        <source>Saya sudah booking</source>
        <translation>I have a booking</translation>
    </message>
    <message>
        <source>Check-in dengan kode atau QR booking</source>
        <translation>Check in with your booking code or QR</translation>
    </message>
    <message>
        <source>Sudah punya tiket? Dekatkan QR tiket ke pemindai untuk cek status.</source>
        <translation>Have a ticket? Hold its QR code to the scanner to check its status.</translation>
    </message>
    <message>
        <source>Sudah punya tiket atau booking? Dekatkan QR-nya ke pemindai.</source>
        <translation>Have a ticket or a booking? Hold its QR code to the scanner.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>⌫ Hapus</source>
        <translation>⌫ Delete</translation>
    </message>
    <message>
        <source>Ulang</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Sedang mengambil nomor antrean untuk Anda.</source>
        <translation>Getting your queue number.</translation>
    </message>
    <message>
        <source>Sedang mencari tiket Anda.</source>
        <translation>Looking up your ticket.</translation>
    </message>
    <message>
        <source>Sedang memeriksa booking Anda.</source>
        <translation>Checking your booking.</translation>
    </message>
    <message>
        <source>Sedang memuat daftar layanan.</source>
        <translation>Loading the list of services.</translation>
    </message>
</context>
<context>
    <name>KioskMessages</name>
    <message>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Kembali ke awal</source>
        <translation>Back to start</translation>
    </message>
    <message>
        <source>Pilih layanan lain</source>
        <translation>Choose another service</translation>
    </message>
    <message>
        <source>Masukkan kode lagi</source>
        <translation>Enter the code again</translation>
    </message>
    <message>
        <source>Ambil antrean biasa</source>
        <translation>Take a regular ticket</translation>
    </message>
    <message>
        <source>{day} pukul {time}</source>
        <translation>{day} at {time}</translation>
    </message>
    <message>
        <source>Silakan datang kembali {when}.</source>
        <translation>Please come back on {when}.</translation>
    </message>
    <message>
        <source>Silakan datang kembali pada hari kerja berikutnya.</source>
        <translation>Please come back on the next working day.</translation>
    </message>
    <message>
        <source>Kuota hari ini habis</source>
        <translation>Today&apos;s quota is full</translation>
    </message>
    <message>
        <source>Semua nomor antrean layanan ini untuk hari ini sudah diambil. Silakan datang kembali besok pagi, atau pilih layanan lain.</source>
        <translation>All of today&apos;s queue numbers for this service have been taken. Please come back tomorrow morning, or choose another service.</translation>
    </message>
    <message>
        <source>Kuota hari ini habis · buka lagi {day}</source>
        <translation>Today&apos;s quota is full · open again {day}</translation>
    </message>
    <message>
        <source>Semua nomor antrean layanan ini untuk hari ini sudah diambil. {come_back} Atau pilih layanan lain.</source>
        <translation>All of today&apos;s queue numbers for this service have been taken. {come_back} Or choose another service.</translation>
    </message>
    <message>
        <source>Buka pukul {time}</source>
        <translation>Opens at {time}</translation>
    </message>
    <message>
        <source>Layanan belum buka</source>
        <translation>Not open yet</translation>
    </message>
    <message>
        <source>Layanan ini buka pukul {time}. Silakan ambil nomor antrean setelah jam tersebut.</source>
        <translation>This service opens at {time}. Please take a queue number after that time.</translation>
    </message>
    <message>
        <source>Istirahat sholat Jumat</source>
        <translation>Friday prayer break</translation>
    </message>
    <message>
        <source>Istirahat</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Pelayanan sedang istirahat dan buka kembali pukul {time}. Silakan ambil nomor antrean setelah itu.</source>
        <translation>The counters are on a break and open again at {time}. Please take a queue number after that.</translation>
    </message>
    <message>
        <source>Pelayanan sedang istirahat. Silakan kembali sebentar lagi.</source>
        <translation>The counters are on a break. Please come back a little later.</translation>
    </message>
    <message>
        <source>Libur: {name}</source>
        <translation>Holiday: {name}</translation>
    </message>
    <message>
        <source>Libur hari ini</source>
        <translation>Closed for a holiday</translation>
    </message>
    <message>
        <source>Hari ini hari libur; layanan tutup. {come_back}</source>
        <translation>Today is a public holiday; the service is closed. {come_back}</translation>
    </message>
    <message>
        <source>Tutup hari ini</source>
        <translation>Closed today</translation>
    </message>
    <message>
        <source>Layanan ini tidak buka pada hari ini. {come_back}</source>
        <translation>This service is not open today. {come_back}</translation>
    </message>
    <message>
        <source>Antrean hari ini ditutup pukul {time}</source>
        <translation>Today&apos;s queue closed at {time}</translation>
    </message>
    <message>
        <source>Antrean hari ini sudah ditutup</source>
        <translation>Today&apos;s queue is closed</translation>
    </message>
    <message>
        <source>Pengambilan nomor antrean untuk hari ini sudah ditutup. {come_back}</source>
        <translation>No more queue numbers are given out today. {come_back}</translation>
    </message>
    <message>
        <source>Sedang tidak tersedia</source>
        <translation>Not available now</translation>
    </message>
    <message>
        <source>Layanan tidak tersedia</source>
        <translation>Service not available</translation>
    </message>
    <message>
        <source>Layanan ini sedang tidak tersedia. Silakan tanyakan kepada petugas informasi.</source>
        <translation>This service is not available at the moment. Please ask at the information desk.</translation>
    </message>
    <message>
        <source>Tidak menerima antrean hari ini</source>
        <translation>No tickets today</translation>
    </message>
    <message>
        <source>Antrean instansi ini ditutup untuk hari ini</source>
        <translation>This agency takes no tickets today</translation>
    </message>
    <message>
        <source>Pengambilan nomor antrean untuk layanan instansi ini ditutup untuk hari ini. {come_back}</source>
        <translation>Tickets for this agency&apos;s services are closed for the rest of today. {come_back}</translation>
    </message>
    <message>
        <source>Ditutup untuk hari ini</source>
        <translation>Closed for today</translation>
    </message>
    <message>
        <source>Layanan ditutup untuk hari ini</source>
        <translation>Service closed for today</translation>
    </message>
    <message>
        <source>Layanan ini ditutup untuk hari ini. {come_back}</source>
        <translation>This service is closed for the rest of today. {come_back}</translation>
    </message>
    <message>
        <source>{body} Keterangan: {note}</source>
        <translation>{body} Note: {note}</translation>
    </message>
    <message>
        <source>Terlalu awal — silakan kembali pukul {time}</source>
        <translation>Too early — please come back at {time}</translation>
    </message>
    <message>
        <source>Booking Anda pukul {slot}. Check-in bisa dilakukan mulai pukul {time}.</source>
        <translation>Your booking is for {slot}. You can check in from {time}.</translation>
    </message>
    <message>
        <source>Waktu check-in booking sudah lewat</source>
        <translation>The check-in time for your booking has passed</translation>
    </message>
    <message>
        <source>Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut. Anda masih bisa mengambil antrean biasa untuk layanan ini.</source>
        <translation>Check-in for your {slot} booking closed {minutes} minutes after that time. You can still take a regular ticket for this service.</translation>
    </message>
    <message>
        <source>Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut, dan kuota antrean biasa layanan ini hari ini sudah habis. Silakan booking untuk hari lain.</source>
        <translation>Check-in for your {slot} booking closed {minutes} minutes after that time, and today&apos;s regular tickets for this service are all taken. Please book another day.</translation>
    </message>
    <message>
        <source>Booking ini bukan untuk hari ini</source>
        <translation>This booking is not for today</translation>
    </message>
    <message>
        <source>Booking Anda untuk tanggal {day}. Check-in hanya bisa dilakukan pada hari itu.</source>
        <translation>Your booking is for {day}. You can check in on that day only.</translation>
    </message>
    <message>
        <source>Booking ini dibatalkan oleh petugas MPP</source>
        <translation>This booking was cancelled by the MPP&apos;s staff</translation>
    </message>
    <message>
        <source>Mohon maaf, bukan Anda yang membatalkannya. Silakan ambil antrean biasa, atau tanyakan di meja informasi.</source>
        <translation>We are sorry: you did not cancel it. Please take a regular ticket, or ask at the information desk.</translation>
    </message>
    <message>
        <source>Booking ini sudah dibatalkan</source>
        <translation>This booking was cancelled</translation>
    </message>
    <message>
        <source>Booking yang dibatalkan tidak bisa dipakai untuk check-in. Silakan ambil antrean biasa.</source>
        <translation>A cancelled booking cannot be checked in. Please take a regular ticket.</translation>
    </message>
    <message>
        <source>Booking ini sudah check-in</source>
        <translation>This booking is already checked in</translation>
    </message>
    <message>
        <source>Nomor antrean Anda {code}. Tunggu sampai nomor Anda dipanggil; posisinya bisa dilihat di Cek Status.</source>
        <translation>Your queue number is {code}. Please wait until it is called; Check Status shows where you are.</translation>
    </message>
    <message>
        <source>Booking tidak ditemukan</source>
        <translation>Booking not found</translation>
    </message>
    <message>
        <source>Periksa lagi kode booking dan 4 angka terakhir NIK Anda, atau tanyakan petugas informasi.</source>
        <translation>Please check the booking code and the last 4 digits of your NIK, or ask at the information desk.</translation>
    </message>
    <message>
        <source>Kode salah ketik</source>
        <translation>Mistyped code</translation>
    </message>
    <message>
        <source>Kode booking terdiri dari 9 angka. Periksa lagi kode pada bukti booking Anda.</source>
        <translation>A booking code has 9 digits. Please check the code on your booking.</translation>
    </message>
    <message>
        <source>Server antrean tidak dapat dihubungi</source>
        <translation>The queue server cannot be reached</translation>
    </message>
    <message>
        <source>Nomor antrean belum dapat diambil. Silakan coba lagi sebentar lagi, atau minta bantuan petugas informasi.</source>
        <translation>A queue number cannot be taken right now. Please try again in a moment, or ask at the information desk.</translation>
    </message>
    <message>
        <source>Server antrean tidak menjawab</source>
        <translation>The queue server is not answering</translation>
    </message>
    <message>
        <source>Permintaan Anda belum selesai. Silakan coba lagi: nomor Anda tidak akan tercetak dua kali.</source>
        <translation>Your request did not finish. Please try again: you will not get two numbers.</translation>
    </message>
    <message>
        <source>Terjadi gangguan pada server</source>
        <translation>The server has a problem</translation>
    </message>
    <message>
        <source>Silakan coba lagi sebentar lagi, atau minta bantuan petugas informasi.</source>
        <translation>Please try again in a moment, or ask at the information desk.</translation>
    </message>
    <message>
        <source>Tiket tidak ditemukan</source>
        <translation>Ticket not found</translation>
    </message>
    <message>
        <source>Periksa kembali kode pada tiket Anda. Tiket hanya berlaku pada hari tiket diambil.</source>
        <translation>Please check the code on your ticket. A ticket is valid only on the day it was taken.</translation>
    </message>
    <message>
        <source>Kode tidak dikenali</source>
        <translation>Code not recognised</translation>
    </message>
    <message>
        <source>Kode tiket terdiri dari huruf dan angka, contohnya A-001.</source>
        <translation>A ticket code is letters and digits, for example A-001.</translation>
    </message>
    <message>
        <source>Layanan tidak ditemukan</source>
        <translation>Service not found</translation>
    </message>
    <message>
        <source>Daftar layanan baru saja berubah. Silakan pilih layanan lagi.</source>
        <translation>The list of services has just changed. Please choose your service again.</translation>
    </message>
    <message>
        <source>Antrean prioritas tidak tersedia</source>
        <translation>No priority queue here</translation>
    </message>
    <message>
        <source>Silakan ambil antrean biasa; petugas akan membantu Anda.</source>
        <translation>Please take a regular ticket; the staff will help you.</translation>
    </message>
    <message>
        <source>Anjungan belum siap melayani</source>
        <translation>This kiosk is not ready</translation>
    </message>
    <message>
        <source>Anjungan ini belum terdaftar di server. Mohon hubungi petugas informasi.</source>
        <translation>This kiosk is not registered with the server. Please ask at the information desk.</translation>
    </message>
    <message>
        <source>Silakan gunakan anjungan lain, atau minta bantuan petugas informasi.</source>
        <translation>Please use another kiosk, or ask at the information desk.</translation>
    </message>
    <message>
        <source>Tiket ini belum selesai dilayani</source>
        <translation>This ticket has not been served yet</translation>
    </message>
    <message>
        <source>Survei bisa diisi setelah pelayanan Anda selesai di loket. Silakan kembali setelah dilayani.</source>
        <translation>The survey opens once your service at the loket is finished. Please come back after you have been served.</translation>
    </message>
    <message>
        <source>Survei tiket ini sudah diisi</source>
        <translation>This ticket has already answered the survey</translation>
    </message>
    <message>
        <source>Setiap tiket hanya bisa mengisi survei satu kali. Terima kasih atas penilaian Anda.</source>
        <translation>Each ticket can answer the survey once. Thank you for your rating.</translation>
    </message>
    <message>
        <source>Waktu mengisi survei sudah lewat</source>
        <translation>The time to answer the survey has passed</translation>
    </message>
    <message>
        <source>Survei bisa diisi sampai 7 hari setelah tanggal pelayanan. Sampaikan masukan Anda kepada petugas informasi.</source>
        <translation>The survey can be answered until 7 days after the day of service. Please give your feedback to the information desk.</translation>
    </message>
    <message>
        <source>Jawaban survei belum lengkap</source>
        <translation>The survey answers are incomplete</translation>
    </message>
    <message>
        <source>Silakan isi survei sekali lagi dari awal. Jika terulang, mohon hubungi petugas informasi.</source>
        <translation>Please answer the survey again from the start. If this happens again, please ask the information desk.</translation>
    </message>
    <message>
        <source>Belum ada tiket untuk dinilai</source>
        <translation>No ticket to rate yet</translation>
    </message>
    <message>
        <source>Survei ditawarkan untuk tiket yang baru selesai dilayani di loket ini.</source>
        <translation>The survey is offered for the ticket just served at this loket.</translation>
    </message>
    <message>
        <source>Maaf, terjadi kesalahan</source>
        <translation>Sorry, something went wrong</translation>
    </message>
    <message>
        <source>Silakan mulai lagi dari halaman awal. Jika terulang, mohon hubungi petugas informasi.</source>
        <translation>Please start again from the first page. If it happens again, please ask at the information desk.</translation>
    </message>
    <message>
        <source>Sedang mencetak tiket…</source>
        <translation>Printing your ticket…</translation>
    </message>
    <message>
        <source>Tiket sudah dicetak. Silakan ambil di bawah layar.</source>
        <translation>Your ticket is printed. Please take it below the screen.</translation>
    </message>
    <message>
        <source>Nomor antrean Anda tetap berlaku. Tunjukkan layar ini ke petugas loket, atau foto layar ini.</source>
        <translation>Your queue number is still valid. Show this screen to the officer at the counter, or take a photo of it.</translation>
    </message>
    <message>
        <source>kertas printer habis</source>
        <translation>the printer is out of paper</translation>
    </message>
    <message>
        <source>printer mati atau bermasalah</source>
        <translation>the printer is off or has a fault</translation>
    </message>
    <message>
        <source>printer tidak menjawab</source>
        <translation>the printer does not answer</translation>
    </message>
    <message>
        <source>printer mengalami gangguan</source>
        <translation>the printer has a fault</translation>
    </message>
    <message>
        <source>Tiket tidak dapat dicetak: {reason}.</source>
        <translation>The ticket could not be printed: {reason}.</translation>
    </message>
    <message>
        <source>Server antrean tidak dapat dihubungi. Mohon tunggu sebentar, atau hubungi petugas.</source>
        <translation>The queue server cannot be reached. Please wait a moment, or ask the staff.</translation>
    </message>
    <message>
        <source>Anjungan ini sedang tidak melayani</source>
        <translation>This kiosk is not in service</translation>
    </message>
    <message>
        <source>Istirahat sholat Jumat sampai {time}</source>
        <translation>Friday prayer break until {time}</translation>
    </message>
    <message>
        <source>Istirahat sampai {time}</source>
        <translation>On a break until {time}</translation>
    </message>
    <message>
        <source>Silakan gunakan anjungan lain atau tanyakan petugas.</source>
        <translation>Please use another kiosk or ask an officer.</translation>
    </message>
    <message>
        <source>Cek Status</source>
        <translation>Check Status</translation>
    </message>
    <message>
        <source>Tiket yang sudah Anda pegang tetap bisa dicek di sini</source>
        <translation>A ticket you already hold can still be checked here</translation>
    </message>
    <message>
        <source>Untuk petugas: {cause}</source>
        <translation>For staff: {cause}</translation>
    </message>
    <message>
        <source>Kertas tiket sedang habis.</source>
        <translation>The ticket paper has run out.</translation>
    </message>
    <message>
        <source>Printer tiket sedang bermasalah.</source>
        <translation>The ticket printer is not working.</translation>
    </message>
</context>
<context>
    <name>KioskTexts</name>
    <message>
        <source>Segera dilayani</source>
        <translation>Served very soon</translation>
    </message>
    <message numerus="yes">
        <source>± %n menit</source>
        <translation>
            <numerusform>± %n minute</numerusform>
            <numerusform>± %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>± %n jam</source>
        <translation>
            <numerusform>± %n hour</numerusform>
            <numerusform>± %n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>± {hours} jam {minutes} menit</source>
        <translation>± {hours} h {minutes} min</translation>
    </message>
    <message>
        <source>Loket belum buka</source>
        <translation>No loket open yet</translation>
    </message>
    <message>
        <source>Loket sedang jeda, belum dapat diperkirakan</source>
        <translation>Lokets on a pause, no estimate yet</translation>
    </message>
    <message>
        <source>Tidak ada antrean</source>
        <translation>No queue</translation>
    </message>
    <message numerus="yes">
        <source>%n orang menunggu</source>
        <translation>
            <numerusform>%n person waiting</numerusform>
            <numerusform>%n people waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada, Anda berikutnya</source>
        <translation>Nobody, you are next</translation>
    </message>
    <message numerus="yes">
        <source>%n orang</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <source>{waiting} · {reason}</source>
        <translation>{waiting} · {reason}</translation>
    </message>
    <message>
        <source>Tidak ada antrean · langsung dilayani</source>
        <translation>No queue · served right away</translation>
    </message>
    <message>
        <source>{waiting} · tunggu {wait}</source>
        <translation>{waiting} · wait {wait}</translation>
    </message>
    <message>
        <source>Antrean dibuka sampai pukul {time}</source>
        <translation>Tickets until {time}</translation>
    </message>
    <message numerus="yes">
        <source>Sisa kuota hari ini: %n</source>
        <translation>
            <numerusform>Left for today: %n ticket</numerusform>
            <numerusform>Left for today: %n tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak, antrean biasa</source>
        <translation>No, regular queue</translation>
    </message>
    <message>
        <source>Saya tidak termasuk kelompok prioritas</source>
        <translation>I am not in a priority group</translation>
    </message>
    <message>
        <source>Menunggu dipanggil</source>
        <translation>Waiting to be called</translation>
    </message>
    <message>
        <source>Nomor Anda dipanggil!</source>
        <translation>Your number is being called!</translation>
    </message>
    <message>
        <source>Sedang dilayani</source>
        <translation>Being served</translation>
    </message>
    <message>
        <source>Selesai dilayani</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>Terlewat: tidak hadir saat dipanggil</source>
        <translation>Missed: not present when called</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Dialihkan ke layanan lain</source>
        <translation>Moved to another service</translation>
    </message>
    <message>
        <source>Kedaluwarsa</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Dialihkan ke {service}</source>
        <translation>Transferred to {service}</translation>
    </message>
    <message>
        <source>{agency} · Booking {time}</source>
        <translation>{agency} · Booking {time}</translation>
    </message>
    <message>
        <source>{detail} Menuju: {lokets}.</source>
        <translation>{detail} Go to: {lokets}.</translation>
    </message>
    <message>
        <source>Silakan segera menuju {counter}.</source>
        <translation>Please go to {counter} now.</translation>
    </message>
    <message>
        <source>Anda sedang dilayani di {counter}.</source>
        <translation>You are being served at {counter}.</translation>
    </message>
    <message>
        <source>Di depan Anda: {ahead}. {reason}.</source>
        <translation>Ahead of you: {ahead}. {reason}.</translation>
    </message>
    <message>
        <source>Anda berikutnya. Mohon bersiap di dekat loket.</source>
        <translation>You are next. Please be ready near the counter.</translation>
    </message>
    <message>
        <source>Di depan Anda: {ahead}. Perkiraan: {wait}.</source>
        <translation>Ahead of you: {ahead}. Estimated wait: {wait}.</translation>
    </message>
    <message>
        <source>Jangan mengambil tiket baru: temui petugas di {counter}. Tiket Anda bisa dikembalikan ke antrean hari ini.</source>
        <translation>Do not take a new ticket: see the officer at {counter}. Your ticket can be put back in the queue today.</translation>
    </message>
    <message>
        <source>Jangan mengambil tiket baru: temui petugas di loket. Tiket Anda bisa dikembalikan ke antrean hari ini.</source>
        <translation>Do not take a new ticket: see the officer at the loket. Your ticket can be put back in the queue today.</translation>
    </message>
    <message>
        <source>Terima kasih telah menggunakan layanan kami.</source>
        <translation>Thank you for using our services.</translation>
    </message>
    <message>
        <source>Tiket ini tidak berlaku lagi. Silakan ambil nomor antrean baru.</source>
        <translation>This ticket is no longer valid. Please take a new queue number.</translation>
    </message>
</context>
<context>
    <name>LatePanel</name>
    <message>
        <source>Warga datang terlambat</source>
        <translation>A citizen came late</translation>
    </message>
    <message>
        <source>Ketik nomor tiket yang hari ini ditandai tidak hadir di loket ini. Tiket kembali ke antrean di tempat semula, menurut jam ambilnya.</source>
        <translation>Type the number of a ticket marked no-show at this loket today. It goes back in the queue in its place, by the time it was taken.</translation>
    </message>
    <message>
        <source>mis. B-012</source>
        <translation>e.g. B-012</translation>
    </message>
    <message>
        <source>Kembalikan ke antrean (Enter)</source>
        <translation>Return to queue (Enter)</translation>
    </message>
    <message>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>LatestCallPanel</name>
    <message>
        <source>NOMOR ANTREAN</source>
        <translation>QUEUE NUMBER</translation>
    </message>
    <message>
        <source>Menunggu panggilan berikutnya</source>
        <translation>Waiting for the next call</translation>
    </message>
    <message>
        <source>silakan menuju</source>
        <translation>please go to</translation>
    </message>
    <message>
        <source>Panggilan ulang</source>
        <translation>Called again</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Sedang masuk…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Masuk Petugas Loket</source>
        <translation>Counter Staff Login</translation>
    </message>
    <message>
        <source>Masuk dengan akun petugas Anda untuk membuka loket dan memanggil antrean.</source>
        <translation>Log in with your staff account to open a counter and call the queue.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation>Server: {url}</translation>
    </message>
</context>
<context>
    <name>LoketScreen</name>
    <message>
        <source>Tutup · siap dibuka</source>
        <translation>Closed · ready to open</translation>
    </message>
    <message>
        <source>Dibuka oleh Anda</source>
        <translation>Opened by you</translation>
    </message>
    <message>
        <source>Dibuka oleh {staff}</source>
        <translation>Opened by {staff}</translation>
    </message>
    <message>
        <source>Alasan mengambil alih atau menutup (wajib, dicatat)</source>
        <translation>Reason for taking over or closing (required, recorded)</translation>
    </message>
    <message>
        <source>Tutup {loket}</source>
        <translation>Close {loket}</translation>
    </message>
    <message>
        <source>Layanan hari ini di {loket}</source>
        <translation>Today&apos;s services at {loket}</translation>
    </message>
    <message>
        <source>Layanan hari ini</source>
        <translation>Today&apos;s services</translation>
    </message>
    <message>
        <source>istirahat</source>
        <translation>on a break</translation>
    </message>
    <message>
        <source>buka</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Dibuka oleh {staff} ({state}, tiket di loket: {ticket}). Untuk mengambil alih atau menutupnya, tulis alasannya; alasan dicatat bersama nama Anda dan petugas itu diberi tahu.</source>
        <translation>Opened by {staff} ({state}, ticket at the loket: {ticket}). To take it over or close it, write the reason; it is recorded with your name and that officer is told.</translation>
    </message>
    <message>
        <source>Centang layanan yang Anda layani hari ini.</source>
        <translation>Tick the services you serve today.</translation>
    </message>
    <message>
        <source>Pilih loket dulu.</source>
        <translation>Choose a counter first.</translation>
    </message>
    <message>
        <source>Memuat daftar loket…</source>
        <translation>Loading the counters…</translation>
    </message>
    <message>
        <source>Belum ada loket di server.</source>
        <translation>The server has no counters yet.</translation>
    </message>
    <message>
        <source>Lanjutkan di {loket}</source>
        <translation>Continue at {loket}</translation>
    </message>
    <message>
        <source>Ambil Alih {loket}</source>
        <translation>Take over {loket}</translation>
    </message>
    <message>
        <source>Buka Loket</source>
        <translation>Open Counter</translation>
    </message>
    <message>
        <source>Pilih Loket</source>
        <translation>Choose a Counter</translation>
    </message>
    <message>
        <source>Pilih loket tempat Anda bertugas, lalu layanan yang Anda layani hari ini.</source>
        <translation>Choose the counter where you work, then the services you serve today.</translation>
    </message>
    <message>
        <source>Loket</source>
        <translation>Counters</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
</context>
<context>
    <name>LoketTile</name>
    <message>
        <source>Istirahat</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Sholat sampai {time}</source>
        <translation>At prayer until {time}</translation>
    </message>
    <message>
        <source>Rapat sampai {time}</source>
        <translation>In a meeting until {time}</translation>
    </message>
    <message>
        <source>Istirahat sampai {time}</source>
        <translation>On break until {time}</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>PasswordScreen</name>
    <message>
        <source>Ganti Kata Sandi</source>
        <translation>Change Password</translation>
    </message>
    <message>
        <source>Kata sandi dibuat oleh admin: pilih kata sandi Anda sendiri sebelum mulai bertugas.</source>
        <translation>An admin set your password: choose one of your own before you start work.</translation>
    </message>
    <message>
        <source>Pilih kata sandi baru, paling sedikit {n} karakter.</source>
        <translation>Choose a new password of at least {n} characters.</translation>
    </message>
    <message>
        <source>Kata sandi sekarang</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Kata sandi baru (paling sedikit {n} karakter)</source>
        <translation>New password (at least {n} characters)</translation>
    </message>
    <message>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PausePanel</name>
    <message>
        <source>Istirahat</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Sholat</source>
        <translation>Prayer</translation>
    </message>
    <message>
        <source>Rapat</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Istirahat sampai {time}</source>
        <translation>On break until {time}</translation>
    </message>
    <message>
        <source>Sholat sampai {time}</source>
        <translation>At prayer until {time}</translation>
    </message>
    <message>
        <source>Rapat sampai {time}</source>
        <translation>In a meeting until {time}</translation>
    </message>
    <message>
        <source>{reason} sampai {time}</source>
        <translation>{reason} until {time}</translation>
    </message>
    <message>
        <source>{minutes} menit</source>
        <translation>{minutes} minutes</translation>
    </message>
    <message>
        <source>sampai {time}</source>
        <translation>until {time}</translation>
    </message>
    <message>
        <source>Sampai {time}</source>
        <translation>Until {time}</translation>
    </message>
    <message>
        <source>akhir jam istirahat</source>
        <translation>end of the lunch break</translation>
    </message>
    <message>
        <source>akhir waktu sholat</source>
        <translation>end of the prayer time</translation>
    </message>
    <message>
        <source>Tanpa jam kembali</source>
        <translation>No return time</translation>
    </message>
    <message>
        <source>papan hanya menulis Istirahat</source>
        <translation>the board only says Break</translation>
    </message>
    <message>
        <source>{reason}: kembali jam berapa?</source>
        <translation>{reason}: back at what time?</translation>
    </message>
    <message>
        <source>Waktu berjalan: pilihan diperbarui. Pilih lagi.</source>
        <translation>Time moved on: the choices are updated. Choose again.</translation>
    </message>
    <message>
        <source>Tulis jam seperti 13.30 (jam.menit).</source>
        <translation>Write the time like 13.30 (hours.minutes).</translation>
    </message>
    <message>
        <source>Jam kembali harus lebih lambat dari sekarang ({now}) dan masih hari ini.</source>
        <translation>The return time must be later than now ({now}) and still today.</translation>
    </message>
    <message>
        <source>Istirahat: pilih alasannya</source>
        <translation>Break: choose the reason</translation>
    </message>
    <message>
        <source>Alasan lain:</source>
        <translation>Other reason:</translation>
    </message>
    <message>
        <source>ketik alasan, lalu Enter</source>
        <translation>type a reason, then Enter</translation>
    </message>
    <message>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Atau jam kembali:</source>
        <translation>Or back at:</translation>
    </message>
    <message>
        <source>mis. 13.30, lalu Enter</source>
        <translation>e.g. 13.30, then Enter</translation>
    </message>
    <message>
        <source>Ganti alasan (Esc)</source>
        <translation>Change reason (Esc)</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>PIN baru disimpan.</source>
        <translation>New PIN saved.</translation>
    </message>
    <message>
        <source>PIN teknisi baru saja diganti di luar layar ini; PIN baru tidak disimpan. Ketik PIN yang berlaku sekarang.</source>
        <translation>The technician PIN has just been changed outside this screen; the new PIN was not saved. Type the PIN that is valid now.</translation>
    </message>
    <message>
        <source>Ganti PIN</source>
        <translation>Change PIN</translation>
    </message>
    <message>
        <source>PIN sekarang</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>PIN baru</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>{low} sampai {high} angka.</source>
        <translation>{low} to {high} digits.</translation>
    </message>
    <message>
        <source>Ulangi PIN baru</source>
        <translation>Repeat the new PIN</translation>
    </message>
    <message>
        <source>Simpan PIN</source>
        <translation>Save PIN</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Masukkan PIN teknisi.</source>
        <translation>Enter the technician PIN.</translation>
    </message>
    <message>
        <source>Belum ada PIN teknisi. Buat PIN baru ({low} sampai {high} angka).</source>
        <translation>There is no technician PIN yet. Make a new PIN ({low} to {high} digits).</translation>
    </message>
    <message>
        <source>Ketik PIN baru sekali lagi.</source>
        <translation>Type the new PIN once more.</translation>
    </message>
    <message>
        <source>PIN salah. Sisa percobaan: {n}.</source>
        <translation>Wrong PIN. Tries left: {n}.</translation>
    </message>
    <message>
        <source>Terlalu banyak PIN salah. Masuk teknisi terkunci sampai pukul {time}.</source>
        <translation>Too many wrong PINs. The technician entry is locked until {time}.</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Buat PIN baru sekali lagi.</source>
        <translation>The two PINs differ. Make the new PIN again.</translation>
    </message>
    <message>
        <source>PIN teknisi sudah dibuat di perangkat ini; PIN baru tidak disimpan. Masukkan PIN teknisi.</source>
        <translation>A technician PIN has already been set on this device; the new PIN was not saved. Enter the technician PIN.</translation>
    </message>
    <message>
        <source>PIN tidak dapat diperiksa ({reason}). Coba lagi.</source>
        <translation>The PIN could not be checked ({reason}). Try again.</translation>
    </message>
    <message>
        <source>PIN baru tidak dapat disimpan ({reason}). Folder konfigurasi harus dapat ditulis oleh aplikasi; lihat docs/deploy.md.</source>
        <translation>The new PIN could not be saved ({reason}). The app must be able to write to the config folder; see docs/deploy.md.</translation>
    </message>
    <message>
        <source>Mode teknisi</source>
        <translation>Technician mode</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>PrinterCause</name>
    <message>
        <source>printer menolak sambungan: periksa kabel LAN dan alamat IP</source>
        <translation>the printer refused the connection: check the LAN cable and the IP address</translation>
    </message>
    <message>
        <source>printer tidak terjangkau di jaringan: periksa kabel LAN, switch dan alamat IP</source>
        <translation>the printer cannot be reached on the network: check the LAN cable, the switch and the IP address</translation>
    </message>
    <message>
        <source>nama printer tidak dikenal di jaringan: periksa alamat di pengaturan printer</source>
        <translation>the printer&apos;s name is not known on the network: check the address in the printer settings</translation>
    </message>
    <message>
        <source>printer tidak menjawab: periksa apakah printer menyala dan alamatnya benar</source>
        <translation>the printer does not answer: check that it is switched on and its address is right</translation>
    </message>
    <message>
        <source>sambungan ke printer terputus: periksa kabel dan daya printer, lalu coba lagi</source>
        <translation>the connection to the printer broke: check its cable and power, then try again</translation>
    </message>
    <message>
        <source>printer tidak ditemukan: periksa kabel USB atau serial dan daya printer</source>
        <translation>the printer was not found: check the USB or serial cable and the printer&apos;s power</translation>
    </message>
    <message>
        <source>aplikasi tidak diizinkan memakai printer: periksa hak akses perangkat (lihat docs/deploy.md)</source>
        <translation>the app may not use the printer: check the device&apos;s access rights (see docs/deploy.md)</translation>
    </message>
    <message>
        <source>kertas habis: pasang gulungan kertas baru</source>
        <translation>out of paper: load a new paper roll</translation>
    </message>
    <message>
        <source>printer melaporkan gangguan: periksa tutup printer, kertas macet dan lampu error</source>
        <translation>the printer reports a fault: check its cover, jammed paper and the error light</translation>
    </message>
    <message>
        <source>printer sedang mencetak struk lain: coba lagi sebentar</source>
        <translation>the printer is busy with another receipt: try again in a moment</translation>
    </message>
    <message>
        <source>printer tidak dapat dipakai: lihat log perangkat untuk rinciannya</source>
        <translation>the printer cannot be used: see the device log for details</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Memeriksa printer…</source>
        <translation>Checking the printer…</translation>
    </message>
    <message>
        <source>Siap: printer terhubung, kertas ada</source>
        <translation>Ready: printer connected, paper loaded</translation>
    </message>
    <message>
        <source>Siap, tetapi kertas hampir habis</source>
        <translation>Ready, but the paper is nearly out</translation>
    </message>
    <message>
        <source>Terhubung, tetapi printer tidak melaporkan statusnya</source>
        <translation>Connected, but the printer does not report its state</translation>
    </message>
    <message>
        <source>Perbaiki pengaturan di atas untuk melihat status</source>
        <translation>Correct the settings above to see the state</translation>
    </message>
    <message>
        <source>Mencetak struk uji…</source>
        <translation>Printing a test receipt…</translation>
    </message>
    <message>
        <source>Struk uji tercetak</source>
        <translation>Test receipt printed</translation>
    </message>
    <message>
        <source>Tidak siap: {cause}</source>
        <translation>Not ready: {cause}</translation>
    </message>
    <message>
        <source>Tidak tercetak: {cause}</source>
        <translation>Not printed: {cause}</translation>
    </message>
    <message>
        <source>Tidak dicetak: perbaiki kolom yang ditandai merah</source>
        <translation>Not printed: correct the fields marked in red</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Sambungan printer</source>
        <translation>Printer connection</translation>
    </message>
    <message>
        <source>network:HOST:PORT, usb:VID:PID, serial:/dev/ttyUSB0, file:/dev/usb/lp0, cups:ANTREAN atau pdf:FOLDER</source>
        <translation>network:HOST:PORT, usb:VID:PID, serial:/dev/ttyUSB0, file:/dev/usb/lp0, cups:QUEUE or pdf:FOLDER</translation>
    </message>
    <message>
        <source>Profil printer</source>
        <translation>Printer profile</translation>
    </message>
    <message>
        <source>Model printer; &quot;default&quot; cocok untuk kebanyakan printer.</source>
        <translation>The printer model; &quot;default&quot; suits most printers.</translation>
    </message>
    <message>
        <source>Lebar kertas</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cetak Uji</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Status printer (diperiksa tiap beberapa detik)</source>
        <translation>Printer state (checked every few seconds)</translation>
    </message>
    <message>
        <source>Hasil cetak uji</source>
        <translation>Test print result</translation>
    </message>
</context>
<context>
    <name>PriorityNames</name>
    <message>
        <source>Lansia</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <source>Usia 60 tahun ke atas</source>
        <translation>Aged 60 or over</translation>
    </message>
    <message>
        <source>Penyandang disabilitas</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Termasuk pengguna kursi roda dan tongkat</source>
        <translation>Including wheelchair and cane users</translation>
    </message>
    <message>
        <source>Ibu hamil</source>
        <translation>Pregnant woman</translation>
    </message>
    <message>
        <source>Atau ibu yang membawa bayi</source>
        <translation>Or a mother with a baby</translation>
    </message>
    <message>
        <source>Anak-anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Anak di bawah 12 tahun yang dilayani</source>
        <translation>The person served is under 12</translation>
    </message>
    <message>
        <source>Biasa</source>
        <translation>Regular</translation>
    </message>
</context>
<context>
    <name>PriorityScreen</name>
    <message>
        <source>Apakah Anda termasuk kelompok prioritas?</source>
        <translation>Do you belong to a priority group?</translation>
    </message>
    <message>
        <source>Kelompok prioritas dipanggil lebih dahulu. Petugas dapat meminta bukti.</source>
        <translation>Priority groups are called first. The staff may ask for proof.</translation>
    </message>
    <message>
        <source>Layanan: {service}. {hint}</source>
        <translation>Service: {service}. {hint}</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>PriorityShortNames</name>
    <message>
        <source>Lansia</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Ibu hamil</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>★ {group}</source>
        <translation>★ {group}</translation>
    </message>
    <message>
        <source>↪ alihan</source>
        <translation>↪ transferred</translation>
    </message>
    <message>
        <source>khusus loket ini</source>
        <translation>for this loket only</translation>
    </message>
    <message>
        <source>Antrean Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Berikutnya dipanggil</source>
        <translation>Next to call</translation>
    </message>
    <message>
        <source>Hari ini oleh Anda</source>
        <translation>Today by you</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tidak hadir</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Dialihkan</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <source>Memuat antrean…</source>
        <translation>Loading the queue…</translation>
    </message>
    <message>
        <source>{prefix} · {name} (tidak dilayani)</source>
        <translation>{prefix} · {name} (not served)</translation>
    </message>
    <message>
        <source>{n} menunggu</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <source>{service} · ✎ {note}</source>
        <translation>{service} · ✎ {note}</translation>
    </message>
    <message>
        <source>Tidak ada yang menunggu untuk layanan yang Anda layani.</source>
        <translation>Nobody is waiting for the services you serve.</translation>
    </message>
    <message>
        <source>dan {n} lainnya</source>
        <translation>and {n} more</translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <source>Panggilan sebelumnya</source>
        <translation>Earlier calls</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Tersambung ke {site} (server versi {version}). Alamat disimpan.</source>
        <translation>Connected to {site} (server version {version}). Address saved.</translation>
    </message>
    <message>
        <source>Perangkat terdaftar. Token disimpan di konfigurasi.</source>
        <translation>Device enrolled. The token is saved in the config.</translation>
    </message>
    <message>
        <source>Perangkat ini sudah terdaftar. Daftarkan lagi hanya dengan kode baru.</source>
        <translation>This device is enrolled. Enrol again only with a new code.</translation>
    </message>
    <message>
        <source>Perangkat ini belum terdaftar.</source>
        <translation>This device is not enrolled yet.</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Server dan pendaftaran</source>
        <translation>Server and enrolment</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Contoh: http://10.0.0.2:8080. Disimpan setelah server menjawab.</source>
        <translation>E.g. http://10.0.0.2:8080. Saved once the server answers.</translation>
    </message>
    <message>
        <source>Kode pendaftaran sekali pakai</source>
        <translation>One-time enrolment code</translation>
    </message>
    <message>
        <source>Buat kode di server: python main.py server enroll --kind display --name NAMA.</source>
        <translation>Make a code on the server: python main.py server enroll --kind display --name NAME.</translation>
    </message>
    <message>
        <source>Buat kode di server: python main.py server enroll --kind survey --name NAMA.</source>
        <translation>Make a code on the server: python main.py server enroll --kind survey --name NAME.</translation>
    </message>
    <message>
        <source>Buat kode di server: python main.py server enroll --kind kiosk --name NAMA (atau --kind display).</source>
        <translation>Make a code on the server: python main.py server enroll --kind kiosk --name NAME (or --kind display).</translation>
    </message>
    <message>
        <source>Periksa dan simpan</source>
        <translation>Check and save</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Enrol</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <source>Pilih layanan</source>
        <translation>Choose a service</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>SetupFields</name>
    <message>
        <source>Sambungan printer tidak dikenal: {detail}</source>
        <translation>Printer connection not recognised: {detail}</translation>
    </message>
    <message>
        <source>Profil printer tidak dikenal: {detail}</source>
        <translation>Unknown printer profile: {detail}</translation>
    </message>
    <message>
        <source>Lebar kertas harus {narrow} mm atau {wide} mm</source>
        <translation>Paper width must be {narrow} mm or {wide} mm</translation>
    </message>
    <message>
        <source>Volume harus dari {low} sampai {high}</source>
        <translation>Volume must be from {low} to {high}</translation>
    </message>
    <message>
        <source>Teks berjalan paling banyak {limit} karakter (sekarang {detail})</source>
        <translation>Running text is at most {limit} characters (now {detail})</translation>
    </message>
    <message>
        <source>&quot;{detail}&quot; bukan nomor loket. Tulis angka dipisah koma, mis. 1,2,3</source>
        <translation>&quot;{detail}&quot; is not a loket number. Write numbers separated by commas, e.g. 1,2,3</translation>
    </message>
    <message>
        <source>Nomor loket harus dari 1 sampai {limit}, bukan {detail}</source>
        <translation>Loket numbers go from 1 to {limit}, not {detail}</translation>
    </message>
    <message>
        <source>Belum disimpan: perbaiki kolom yang ditandai merah.</source>
        <translation>Not saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Disimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Berkas pengaturan tidak dapat ditulis: {detail}</source>
        <translation>The settings file cannot be written: {detail}</translation>
    </message>
</context>
<context>
    <name>SetupReasons</name>
    <message>
        <source>Alamat harus diawali http:// atau https:// dan memuat nama host, mis. http://10.0.0.2:8080.</source>
        <translation>The address must start with http:// or https:// and name a host, e.g. http://10.0.0.2:8080.</translation>
    </message>
    <message>
        <source>Isi angka bulat dari {low} sampai {high} detik.</source>
        <translation>Enter a whole number from {low} to {high} seconds.</translation>
    </message>
    <message>
        <source>Nama paling banyak {limit} karakter.</source>
        <translation>A name has at most {limit} characters.</translation>
    </message>
    <message>
        <source>Pilih Bahasa Indonesia atau English.</source>
        <translation>Choose Bahasa Indonesia or English.</translation>
    </message>
    <message>
        <source>Nilai ini tidak dapat dipakai: {reason}</source>
        <translation>This value cannot be used: {reason}</translation>
    </message>
    <message>
        <source>Server tidak dapat dihubungi di alamat ini. Periksa alamat, jaringan, dan apakah server menyala.</source>
        <translation>No server can be reached at this address. Check the address, the network, and that the server is running.</translation>
    </message>
    <message>
        <source>Server tidak menjawab tepat waktu. Coba lagi.</source>
        <translation>The server did not answer in time. Try again.</translation>
    </message>
    <message>
        <source>Alamat ini menjawab, tetapi bukan server Anjungan ({code}).</source>
        <translation>Something answers at this address, but it is not an Anjungan server ({code}).</translation>
    </message>
    <message>
        <source>Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Buat kode baru di server.</source>
        <translation>The enrolment code is wrong, used or expired. Make a new code on the server.</translation>
    </message>
    <message>
        <source>Isi kode pendaftaran dari server.</source>
        <translation>Enter the enrolment code from the server.</translation>
    </message>
    <message>
        <source>PIN harus {low} sampai {high} angka.</source>
        <translation>A PIN is {low} to {high} digits.</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Ketik ulang.</source>
        <translation>The two PINs differ. Type them again.</translation>
    </message>
    <message>
        <source>PIN sekarang salah.</source>
        <translation>The current PIN is wrong.</translation>
    </message>
    <message>
        <source>Tidak berhasil: {reason}</source>
        <translation>That did not work: {reason}</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Anjungan</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Papan antrean</source>
        <translation>Queue board</translation>
    </message>
    <message>
        <source>Tablet survei</source>
        <translation>Survey tablet</translation>
    </message>
    <message>
        <source>Pengaturan teknisi</source>
        <translation>Technician settings</translation>
    </message>
    <message>
        <source>Disimpan, tetapi alamat server, pendaftaran dan bahasa baru dipakai setelah papan dimulai ulang.</source>
        <translation>Saved, but the server address, enrolment and language are used only after the board restarts.</translation>
    </message>
    <message>
        <source>Disimpan, tetapi printer baru dipakai setelah anjungan dimulai ulang.</source>
        <translation>Saved, but the printer is used only after the kiosk restarts.</translation>
    </message>
    <message>
        <source>Loket, suara, volume dan teks berjalan langsung berlaku. Alamat server, pendaftaran dan bahasa dipakai setelah papan dimulai ulang.</source>
        <translation>Lokets, voice, volume and running text apply at once. The server address, enrolment and language are used after the board restarts.</translation>
    </message>
    <message>
        <source>Alamat server, printer dan bahasa dipakai penuh setelah aplikasi dimulai ulang.</source>
        <translation>The server address, printer and language take full effect after the app restarts.</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Mulai ulang sekarang</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <source>Mulai ulang aplikasi</source>
        <translation>Restart the app</translation>
    </message>
    <message>
        <source>Mulai ulang papan</source>
        <translation>Restart the board</translation>
    </message>
    <message>
        <source>Tutup aplikasi papan</source>
        <translation>Close the board app</translation>
    </message>
    <message>
        <source>Tutup aplikasi papan? Papan berhenti menampilkan panggilan sampai aplikasi dijalankan lagi dari desktop.</source>
        <translation>Close the board app? The board stops showing calls until the app is started again from the desktop.</translation>
    </message>
    <message>
        <source>Keluar dari mode kiosk</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <source>Keluar dari mode kiosk? Perangkat ini berhenti melayani sampai aplikasi dijalankan lagi dari desktop.</source>
        <translation>Leave kiosk mode? This device stops serving until the app is started again from the desktop.</translation>
    </message>
    <message>
        <source>Ya, keluar</source>
        <translation>Yes, leave</translation>
    </message>
    <message>
        <source>Ya, tutup</source>
        <translation>Yes, close</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusEntryScreen</name>
    <message>
        <source>Kode belum lengkap. Contoh kode: A-001 atau A1.</source>
        <translation>The code is not complete. Example: A-001 or A1.</translation>
    </message>
    <message>
        <source>Ketik kode tiket, contoh A-001</source>
        <translation>Type the ticket code, e.g. A-001</translation>
    </message>
    <message>
        <source>Cek status antrean</source>
        <translation>Check your queue status</translation>
    </message>
    <message>
        <source>Ketik kode pada tiket Anda lalu tekan Cek, atau dekatkan QR tiket ke pemindai.</source>
        <translation>Type the code on your ticket and press Check, or hold the ticket&apos;s QR code to the scanner.</translation>
    </message>
    <message>
        <source>Cek</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <source>Status antrean</source>
        <translation>Queue status</translation>
    </message>
    <message>
        <source>Cek tiket lain</source>
        <translation>Check another ticket</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>SurveyEntryScreen</name>
    <message>
        <source>Survei kepuasan</source>
        <translation>Satisfaction survey</translation>
    </message>
    <message>
        <source>Dekatkan QR tiket yang sudah dilayani ke pemindai, atau ketik kodenya lalu tekan Lanjut.</source>
        <translation>Hold the QR of your served ticket to the scanner, or type its code and tap Next.</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <source>Umur diisi {low} sampai {high} tahun, atau dikosongkan.</source>
        <translation>Age must be {low} to {high} years, or left empty.</translation>
    </message>
    <message>
        <source>Sedang mengirim jawaban Anda.</source>
        <translation>Sending your answers.</translation>
    </message>
    <message>
        <source>Tentang Anda {n}/{total}</source>
        <translation>About you {n}/{total}</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ketik umur, atau lewati</source>
        <translation>Type your age, or skip</translation>
    </message>
    <message>
        <source>Kirim</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Lewati &amp; Kirim</source>
        <translation>Skip &amp; Send</translation>
    </message>
</context>
<context>
    <name>SurveySteps</name>
    <message>
        <source>Pertanyaan tambahan</source>
        <translation>One more question</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Apa jenis kelamin Anda?</source>
        <translation>What is your gender?</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Apa pendidikan terakhir Anda?</source>
        <translation>What is your highest education?</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Apa pekerjaan utama Anda?</source>
        <translation>What is your main occupation?</translation>
    </message>
    <message>
        <source>Umur</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Berapa umur Anda? Boleh dilewati.</source>
        <translation>How old are you? You may skip this.</translation>
    </message>
</context>
<context>
    <name>SurveyThanksScreen</name>
    <message>
        <source>Terima kasih!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <source>Jawaban Anda sudah kami terima dan membantu kami memperbaiki pelayanan.</source>
        <translation>We have received your answers; they help us improve our service.</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>SurveyWaitingScreen</name>
    <message>
        <source>Bagaimana pelayanan kami?</source>
        <translation>How was our service?</translation>
    </message>
    <message>
        <source>Survei kepuasan</source>
        <translation>Satisfaction survey</translation>
    </message>
    <message>
        <source>Survei dihentikan sementara</source>
        <translation>Survey paused</translation>
    </message>
    <message>
        <source>Kantor menghentikan tablet ini sementara. Survei tetap dapat diisi lewat tautan QR pada tiket Anda.</source>
        <translation>The office has paused this tablet. You can still answer the survey through the QR link on your ticket.</translation>
    </message>
    <message>
        <source>Tiket Anda baru selesai dilayani. Isi survei singkat ini, kurang dari satu menit, tanpa nama.</source>
        <translation>Your ticket was just served. Answer this short survey: under a minute, no name asked.</translation>
    </message>
    <message>
        <source>Setelah Anda selesai dilayani di {loket}, survei untuk tiket Anda muncul di sini.</source>
        <translation>Once you have been served at {loket}, the survey for your ticket appears here.</translation>
    </message>
    <message>
        <source>loket ini</source>
        <translation>this loket</translation>
    </message>
    <message>
        <source>Mulai Survei</source>
        <translation>Start the Survey</translation>
    </message>
    <message>
        <source>9 pertanyaan, sentuh jawaban Anda</source>
        <translation>9 questions, touch your answer</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <source>Dilayani {served} · dipanggil {called} lalu</source>
        <translation>Served {served} · called {called} ago</translation>
    </message>
    <message>
        <source>Dipanggil {called} lalu</source>
        <translation>Called {called} ago</translation>
    </message>
    <message>
        <source>Tiket saat ini</source>
        <translation>Current ticket</translation>
    </message>
    <message>
        <source>Belum ada tiket. Tekan Panggil Berikutnya (F1).</source>
        <translation>No ticket yet. Press Call Next (F1).</translation>
    </message>
    <message>
        <source>Dipanggil</source>
        <translation>Called</translation>
    </message>
    <message>
        <source>Sedang dilayani</source>
        <translation>Being served</translation>
    </message>
    <message>
        <source>★ Prioritas: {group}</source>
        <translation>★ Priority: {group}</translation>
    </message>
    <message>
        <source>Menunggu warga datang ke loket</source>
        <translation>Waiting for the citizen to come</translation>
    </message>
    <message>
        <source>Diambil pukul {time}</source>
        <translation>Taken at {time}</translation>
    </message>
    <message>
        <source>Dipanggil ulang {n}×</source>
        <translation>Recalled {n}×</translation>
    </message>
    <message>
        <source>Tiket alihan dari layanan lain</source>
        <translation>Transferred from another service</translation>
    </message>
    <message>
        <source>dikirim khusus ke {loket}</source>
        <translation>sent to {loket} only</translation>
    </message>
    <message>
        <source>✎ Catatan pengalihan: {note}</source>
        <translation>✎ Transfer note: {note}</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>{agency} · Antrean prioritas: {group}</source>
        <translation>{agency} · Priority queue: {group}</translation>
    </message>
    <message>
        <source>Menuju: {lokets}</source>
        <translation>Go to: {lokets}</translation>
    </message>
    <message>
        <source>Kembali ke halaman awal dalam {seconds} detik</source>
        <translation>Back to the start in {seconds} seconds</translation>
    </message>
    <message>
        <source>Nomor antrean Anda</source>
        <translation>Your queue number</translation>
    </message>
    <message>
        <source>Di depan Anda</source>
        <translation>Ahead of you</translation>
    </message>
    <message>
        <source>Perkiraan waktu tunggu</source>
        <translation>Estimated wait</translation>
    </message>
    <message>
        <source>Pindai untuk melihat status antrean di ponsel Anda</source>
        <translation>Scan to follow your place in the queue on your phone</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>TilePager</name>
    <message>
        <source>← Sebelumnya</source>
        <translation>← Previous</translation>
    </message>
    <message>
        <source>Berikutnya →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <source>Halaman {page} dari {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>{service} · {n} menunggu</source>
        <translation>{service} · {n} waiting</translation>
    </message>
    <message>
        <source>Loket mana saja — dipanggil loket {service} yang pertama memanggil</source>
        <translation>Any loket — called by the first {service} loket that calls</translation>
    </message>
    <message>
        <source>buka</source>
        <translation>open</translation>
    </message>
    <message>
        <source>istirahat</source>
        <translation>on a break</translation>
    </message>
    <message>
        <source>{loket} · {state} · hanya loket ini yang memanggil</source>
        <translation>{loket} · {state} · only this loket calls it</translation>
    </message>
    <message>
        <source>{loket} (loket Anda) · {state} · hanya loket ini yang memanggil</source>
        <translation>{loket} (your loket) · {state} · only this loket calls it</translation>
    </message>
    <message>
        <source>Belum ada loket lain yang buka untuk layanan ini.</source>
        <translation>No other loket is open for this service yet.</translation>
    </message>
    <message>
        <source>Alihkan {code} ke {service}: ke loket mana?</source>
        <translation>Transfer {code} to {service}: to which loket?</translation>
    </message>
    <message>
        <source>Panah memilih loket, Enter mengalihkan. Esc kembali ke layanan.</source>
        <translation>Arrows choose the loket, Enter transfers. Esc goes back to the services.</translation>
    </message>
    <message>
        <source>Kembali (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <source>Alihkan {code} ke layanan lain</source>
        <translation>Transfer {code} to another service</translation>
    </message>
    <message>
        <source>Alihkan ke layanan lain</source>
        <translation>Transfer to another service</translation>
    </message>
    <message>
        <source>Cari layanan, instansi, atau kode (mis. B)…</source>
        <translation>Search a service, agency or code (e.g. B)…</translation>
    </message>
    <message>
        <source>Catatan untuk petugas penerima (tidak wajib, maks. 200 huruf):</source>
        <translation>Note for the receiving officer (optional, up to 200 characters):</translation>
    </message>
    <message>
        <source>mis. berkas sudah dicek, tinggal tanda tangan</source>
        <translation>e.g. documents checked, only the signature left</translation>
    </message>
    <message>
        <source>Tidak ada layanan yang cocok dengan “{search}”. Hapus atau ubah pencarian.</source>
        <translation>No service matches “{search}”. Clear or change the search.</translation>
    </message>
    <message>
        <source>Tidak ada layanan lain yang aktif untuk dialihkan.</source>
        <translation>There is no other active service to transfer to.</translation>
    </message>
    <message>
        <source>Alihkan</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Ketik untuk mencari, panah memilih, Enter lanjut. Esc untuk batal.</source>
        <translation>Type to search, arrows choose, Enter goes on. Esc to cancel.</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Batal (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
</TS>
