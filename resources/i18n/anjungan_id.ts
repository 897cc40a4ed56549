<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="id">
<context>
    <name>AgenciesScreen</name>
    <message>
        <source>{open} dari {total} layanan buka</source>
        <translation>{open} dari {total} layanan buka</translation>
    </message>
    <message>
        <source>Semua layanan sedang tutup</source>
        <translation>Semua layanan sedang tutup</translation>
    </message>
    <message>
        <source>Pilih instansi</source>
        <translation>Pilih instansi</translation>
    </message>
    <message>
        <source>Sentuh instansi yang ingin Anda tuju.</source>
        <translation>Sentuh instansi yang ingin Anda tuju.</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Beranda</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <source>Mal Pelayanan Publik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informasi Antrean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookingScreen</name>
    <message>
        <source>Kode salah ketik. Periksa lagi kode booking Anda.</source>
        <translation>Kode salah ketik. Periksa lagi kode booking Anda.</translation>
    </message>
    <message>
        <source>Kode booking terdiri dari 9 angka.</source>
        <translation>Kode booking terdiri dari 9 angka.</translation>
    </message>
    <message>
        <source>Ketik 4 angka terakhir NIK Anda.</source>
        <translation>Ketik 4 angka terakhir NIK Anda.</translation>
    </message>
    <message>
        <source>9 angka</source>
        <translation>9 angka</translation>
    </message>
    <message>
        <source>4 angka</source>
        <translation>4 angka</translation>
    </message>
    <message>
        <source>Saya sudah booking</source>
        <translation>Saya sudah booking</translation>
    </message>
    <message>
        <source>Dekatkan QR booking ke pemindai, atau ketik kode booking lalu 4 angka terakhir NIK.</source>
        <translation>Dekatkan QR booking ke pemindai, atau ketik kode booking lalu 4 angka terakhir NIK.</translation>
    </message>
    <message>
        <source>Kode booking</source>
        <translation>Kode booking</translation>
    </message>
    <message>
        <source>4 angka terakhir NIK</source>
        <translation>4 angka terakhir NIK</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Beranda</translation>
    </message>
</context>
<context>
    <name>BusyScreen</name>
    <message>
        <source>Mohon tunggu…</source>
        <translation>Mohon tunggu…</translation>
    </message>
</context>
<context>
    <name>ConfirmPanel</name>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CounterBar</name>
    <message>
        <source>Anjungan · Aplikasi Petugas Loket</source>
        <translation>Anjungan · Aplikasi Petugas Loket</translation>
    </message>
    <message>
        <source>Petugas: {name}</source>
        <translation>Petugas: {name}</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Ganti kata sandi</translation>
    </message>
</context>
<context>
    <name>CounterController</name>
    <message>
        <source>Anjungan — Petugas Loket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CounterMessages</name>
    <message>
        <source>Server antrean tidak dapat dihubungi. Aplikasi mencoba lagi otomatis; tiket yang sedang dilayani tetap aman.</source>
        <translation>Server antrean tidak dapat dihubungi. Aplikasi mencoba lagi otomatis; tiket yang sedang dilayani tetap aman.</translation>
    </message>
    <message>
        <source>Tidak ada antrean menunggu. Daftar antrean diperbarui otomatis; panggil lagi saat ada warga yang menunggu.</source>
        <translation>Tidak ada antrean menunggu. Daftar antrean diperbarui otomatis; panggil lagi saat ada warga yang menunggu.</translation>
    </message>
    <message>
        <source>Loket ini sedang dibuka oleh {staff}. Pilih loket lain, atau minta supervisor menutupnya.</source>
        <translation>Loket ini sedang dibuka oleh {staff}. Pilih loket lain, atau minta supervisor menutupnya.</translation>
    </message>
    <message>
        <source>Loket ini dibuka oleh petugas lain. Pilih loket Anda lagi.</source>
        <translation>Loket ini dibuka oleh petugas lain. Pilih loket Anda lagi.</translation>
    </message>
    <message>
        <source>Loket sudah ditutup. Buka loket lagi untuk melayani.</source>
        <translation>Loket sudah ditutup. Buka loket lagi untuk melayani.</translation>
    </message>
    <message>
        <source>Loket sedang istirahat. Tekan Lanjutkan (F7) untuk memanggil lagi.</source>
        <translation>Loket sedang istirahat. Tekan Lanjutkan (F7) untuk memanggil lagi.</translation>
    </message>
    <message>
        <source>Loket sudah buka; tidak sedang istirahat.</source>
        <translation>Loket sudah buka; tidak sedang istirahat.</translation>
    </message>
    <message>
        <source>Loket tidak ditemukan. Daftar loket dimuat ulang; pilih lagi.</source>
        <translation>Loket tidak ditemukan. Daftar loket dimuat ulang; pilih lagi.</translation>
    </message>
    <message>
        <source>Tidak ada tiket untuk dipanggil ulang. Panggil ulang hanya untuk tiket yang sudah dipanggil dan belum dilayani.</source>
        <translation>Tidak ada tiket untuk dipanggil ulang. Panggil ulang hanya untuk tiket yang sudah dipanggil dan belum dilayani.</translation>
    </message>
    <message>
        <source>Status tiket sudah berubah, jadi tindakan itu tidak bisa. Tampilan sudah diperbarui; pilih tindakan lagi.</source>
        <translation>Status tiket sudah berubah, jadi tindakan itu tidak bisa. Tampilan sudah diperbarui; pilih tindakan lagi.</translation>
    </message>
    <message>
        <source>Tiket ini tidak lagi di loket Anda. Tampilan sudah diperbarui.</source>
        <translation>Tiket ini tidak lagi di loket Anda. Tampilan sudah diperbarui.</translation>
    </message>
    <message>
        <source>Layanan tujuan itu tidak bisa dipilih. Pilih layanan aktif yang lain.</source>
        <translation>Layanan tujuan itu tidak bisa dipilih. Pilih layanan aktif yang lain.</translation>
    </message>
    <message>
        <source>Loket ini tidak melayani layanan itu. Pilih dari daftar.</source>
        <translation>Loket ini tidak melayani layanan itu. Pilih dari daftar.</translation>
    </message>
    <message>
        <source>Loket lain memanggil pada saat yang sama. Tekan Panggil Berikutnya lagi.</source>
        <translation>Loket lain memanggil pada saat yang sama. Tekan Panggil Berikutnya lagi.</translation>
    </message>
    <message>
        <source>Perubahan lain datang pada saat yang sama. Tampilan sudah diperbarui; coba lagi.</source>
        <translation>Perubahan lain datang pada saat yang sama. Tampilan sudah diperbarui; coba lagi.</translation>
    </message>
    <message>
        <source>Nama pengguna atau kata sandi salah. Periksa lalu coba lagi; setelah 5 kali salah, akun dikunci 5 menit.</source>
        <translation>Nama pengguna atau kata sandi salah. Periksa lalu coba lagi; setelah 5 kali salah, akun dikunci 5 menit.</translation>
    </message>
    <message>
        <source>Akun dikunci sementara karena terlalu banyak kata sandi salah. Coba lagi setelah pukul {time}, atau hubungi supervisor.</source>
        <translation>Akun dikunci sementara karena terlalu banyak kata sandi salah. Coba lagi setelah pukul {time}, atau hubungi supervisor.</translation>
    </message>
    <message>
        <source>Sesi Anda telah berakhir. Silakan masuk lagi; loket dan tiket Anda tetap tersimpan.</source>
        <translation>Sesi Anda telah berakhir. Silakan masuk lagi; loket dan tiket Anda tetap tersimpan.</translation>
    </message>
    <message>
        <source>Tiket {code} masih di loket ini: layani lalu selesaikan atau alihkan, atau tandai tidak hadir bila warga tidak datang.</source>
        <translation>Tiket {code} masih di loket ini: layani lalu selesaikan atau alihkan, atau tandai tidak hadir bila warga tidak datang.</translation>
    </message>
    <message>
        <source>Warga mungkin masih berjalan ke loket. Tidak Hadir bisa ditandai {seconds_left} detik lagi; panggil ulang (F2) bila perlu.</source>
        <translation>Warga mungkin masih berjalan ke loket. Tidak Hadir bisa ditandai {seconds_left} detik lagi; panggil ulang (F2) bila perlu.</translation>
    </message>
    <message>
        <source>Itu bukan nomor tiket. Ketik seperti tertulis di tiket, mis. B-012.</source>
        <translation>Itu bukan nomor tiket. Ketik seperti tertulis di tiket, mis. B-012.</translation>
    </message>
    <message>
        <source>Tiket ini dari hari lain dan tidak bisa dikembalikan ke antrean. Minta warga mengambil tiket baru.</source>
        <translation>Tiket ini dari hari lain dan tidak bisa dikembalikan ke antrean. Minta warga mengambil tiket baru.</translation>
    </message>
    <message>
        <source>Jam kembali harus lebih lambat dari sekarang, dan masih hari ini. Pilih jam lain, atau istirahat tanpa jam kembali.</source>
        <translation>Jam kembali harus lebih lambat dari sekarang, dan masih hari ini. Pilih jam lain, atau istirahat tanpa jam kembali.</translation>
    </message>
    <message>
        <source>Loket tujuan itu tidak ada lagi. Daftar loket dimuat ulang; pilih loket lain atau &quot;Loket mana saja&quot;.</source>
        <translation>Loket tujuan itu tidak ada lagi. Daftar loket dimuat ulang; pilih loket lain atau &quot;Loket mana saja&quot;.</translation>
    </message>
    <message>
        <source>{counter} tidak melayani layanan itu sekarang. Pilih loket lain atau &quot;Loket mana saja&quot;.</source>
        <translation>{counter} tidak melayani layanan itu sekarang. Pilih loket lain atau &quot;Loket mana saja&quot;.</translation>
    </message>
    <message>
        <source>{counter} sudah tutup. Pilih loket yang buka atau &quot;Loket mana saja&quot;; tiket masih di loket Anda.</source>
        <translation>{counter} sudah tutup. Pilih loket yang buka atau &quot;Loket mana saja&quot;; tiket masih di loket Anda.</translation>
    </message>
    <message>
        <source>Akun Anda dinonaktifkan oleh admin MPP, jadi sesi Anda berakhir. Hubungi admin untuk mengaktifkannya lagi; loket dan tiket tetap tersimpan.</source>
        <translation>Akun Anda dinonaktifkan oleh admin MPP, jadi sesi Anda berakhir. Hubungi admin untuk mengaktifkannya lagi; loket dan tiket tetap tersimpan.</translation>
    </message>
    <message>
        <source>Akun ini tidak boleh memakai aplikasi loket. Masuk dengan akun petugas.</source>
        <translation>Akun ini tidak boleh memakai aplikasi loket. Masuk dengan akun petugas.</translation>
    </message>
    <message>
        <source>Server antrean tidak dapat dihubungi. Periksa jaringan; aplikasi mencoba lagi otomatis.</source>
        <translation>Server antrean tidak dapat dihubungi. Periksa jaringan; aplikasi mencoba lagi otomatis.</translation>
    </message>
    <message>
        <source>Server antrean tidak menjawab. Jangan tekan dua kali: status dibaca ulang begitu server menjawab.</source>
        <translation>Server antrean tidak menjawab. Jangan tekan dua kali: status dibaca ulang begitu server menjawab.</translation>
    </message>
    <message>
        <source>Terjadi gangguan pada server. Aplikasi mencoba lagi otomatis.</source>
        <translation>Terjadi gangguan pada server. Aplikasi mencoba lagi otomatis.</translation>
    </message>
    <message>
        <source>Kata sandi ini dibuat oleh admin: ganti dulu dengan kata sandi Anda sendiri untuk melanjutkan.</source>
        <translation>Kata sandi ini dibuat oleh admin: ganti dulu dengan kata sandi Anda sendiri untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Kata sandi sekarang salah. Ketik lagi kata sandi yang Anda pakai untuk masuk.</source>
        <translation>Kata sandi sekarang salah. Ketik lagi kata sandi yang Anda pakai untuk masuk.</translation>
    </message>
    <message>
        <source>Kata sandi baru terlalu pendek: paling sedikit {min_length} karakter.</source>
        <translation>Kata sandi baru terlalu pendek: paling sedikit {min_length} karakter.</translation>
    </message>
    <message>
        <source>Kata sandi baru harus berbeda dari yang sekarang.</source>
        <translation>Kata sandi baru harus berbeda dari yang sekarang.</translation>
    </message>
    <message>
        <source>Kedua isian kata sandi baru tidak sama. Ketik lagi.</source>
        <translation>Kedua isian kata sandi baru tidak sama. Ketik lagi.</translation>
    </message>
    <message>
        <source>Kata sandi sudah diganti. Pakai kata sandi baru ini saat masuk berikutnya.</source>
        <translation>Kata sandi sudah diganti. Pakai kata sandi baru ini saat masuk berikutnya.</translation>
    </message>
    <message>
        <source>Tulis alasannya dulu: loket ini dibuka oleh {staff}, dan alasan dicatat bersama nama Anda.</source>
        <translation>Tulis alasannya dulu: loket ini dibuka oleh {staff}, dan alasan dicatat bersama nama Anda.</translation>
    </message>
    <message>
        <source>{loket} diambil alih oleh {by}. Alasan: {reason}. Tombol di meja ini tidak berlaku lagi; ketuk Lanjut untuk memilih loket.</source>
        <translation>{loket} diambil alih oleh {by}. Alasan: {reason}. Tombol di meja ini tidak berlaku lagi; ketuk Lanjut untuk memilih loket.</translation>
    </message>
    <message>
        <source>{loket} ditutup oleh {by}. Alasan: {reason}. Tombol di meja ini tidak berlaku lagi; ketuk Lanjut untuk memilih loket.</source>
        <translation>{loket} ditutup oleh {by}. Alasan: {reason}. Tombol di meja ini tidak berlaku lagi; ketuk Lanjut untuk memilih loket.</translation>
    </message>
    <message>
        <source>{loket} ditutup. Petugasnya sudah diberi tahu di aplikasinya.</source>
        <translation>{loket} ditutup. Petugasnya sudah diberi tahu di aplikasinya.</translation>
    </message>
    <message>
        <source>{loket} ditutup atau diambil alih dari tempat lain. Pilih loket lagi.</source>
        <translation>{loket} ditutup atau diambil alih dari tempat lain. Pilih loket lagi.</translation>
    </message>
    <message>
        <source>Terjadi kesalahan ({error}). Coba lagi; jika terulang, hubungi admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiket tidak ditemukan. Tampilan sudah diperbarui; pilih lagi.</source>
        <translation>Tiket tidak ditemukan. Tampilan sudah diperbarui; pilih lagi.</translation>
    </message>
    <message>
        <source>Layanan tujuan tidak ditemukan. Daftar layanan dimuat ulang; pilih lagi.</source>
        <translation>Layanan tujuan tidak ditemukan. Daftar layanan dimuat ulang; pilih lagi.</translation>
    </message>
    <message>
        <source>{code} selesai dilayani, tetapi belum ada warga yang dipanggil: {reason}</source>
        <translation>{code} selesai dilayani, tetapi belum ada warga yang dipanggil: {reason}</translation>
    </message>
    <message>
        <source>{code} dipanggil ulang ({count}×).</source>
        <translation>{code} dipanggil ulang ({count}×).</translation>
    </message>
    <message>
        <source>{code} selesai dilayani. Silakan panggil berikutnya.</source>
        <translation>{code} selesai dilayani. Silakan panggil berikutnya.</translation>
    </message>
    <message>
        <source>{code} ditandai tidak hadir.</source>
        <translation>{code} ditandai tidak hadir.</translation>
    </message>
    <message>
        <source>{code} dikembalikan ke antrean, di tempat semula menurut jam ambilnya.</source>
        <translation>{code} dikembalikan ke antrean, di tempat semula menurut jam ambilnya.</translation>
    </message>
    <message>
        <source>{code} dialihkan ke {service}; tiket menunggu di antrean layanan itu.</source>
        <translation>{code} dialihkan ke {service}; tiket menunggu di antrean layanan itu.</translation>
    </message>
    <message>
        <source>{code} dialihkan ke {service} di {loket}; hanya loket itu yang memanggilnya selama buka.</source>
        <translation>{code} dialihkan ke {service} di {loket}; hanya loket itu yang memanggilnya selama buka.</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>Istirahat</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <source>Istirahat · {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panggil Berikutnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panggil Ulang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mulai Layani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation type="unfinished">Selesai</translation>
    </message>
    <message>
        <source>Tidak Hadir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alihkan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selesai &amp; Panggil Berikutnya</source>
        <translation>Selesai &amp; Panggil Berikutnya</translation>
    </message>
    <message>
        <source>Lanjutkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Istirahat…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup Loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanjut ke daftar loket</source>
        <translation>Lanjut ke daftar loket</translation>
    </message>
    <message>
        <source>Warga terlambat…</source>
        <translation>Warga terlambat…</translation>
    </message>
    <message>
        <source>Melayani: {services}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak Hadir · {time}</source>
        <translation>Tidak Hadir · {time}</translation>
    </message>
    <message>
        <source>Tandai {code} tidak hadir?</source>
        <translation>Tandai {code} tidak hadir?</translation>
    </message>
    <message>
        <source>Nomor ini keluar dari antrean. Bila warga datang terlambat hari ini, tiketnya bisa dikembalikan ke antrean.</source>
        <translation>Nomor ini keluar dari antrean. Bila warga datang terlambat hari ini, tiketnya bisa dikembalikan ke antrean.</translation>
    </message>
    <message>
        <source>Ya, tidak hadir</source>
        <translation>Ya, tidak hadir</translation>
    </message>
    <message>
        <source>{code} masih di loket ini. Tiket dikembalikan ke antrean di tempat semula (menurut jam ambilnya) dan dipanggil lagi oleh loket yang buka.</source>
        <translation>{code} masih di loket ini. Tiket dikembalikan ke antrean di tempat semula (menurut jam ambilnya) dan dipanggil lagi oleh loket yang buka.</translation>
    </message>
    <message>
        <source>Keluar dengan tiket di tangan?</source>
        <translation>Keluar dengan tiket di tangan?</translation>
    </message>
    <message>
        <source>Kembalikan ke antrean &amp; keluar</source>
        <translation>Kembalikan ke antrean &amp; keluar</translation>
    </message>
    <message>
        <source>Tutup loket dengan tiket di tangan?</source>
        <translation>Tutup loket dengan tiket di tangan?</translation>
    </message>
    <message>
        <source>Kembalikan ke antrean &amp; tutup loket</source>
        <translation>Kembalikan ke antrean &amp; tutup loket</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Disimpan.</source>
        <translation>Disimpan.</translation>
    </message>
    <message>
        <source>Memuat daftar instansi dari server…</source>
        <translation>Memuat daftar instansi dari server…</translation>
    </message>
    <message>
        <source>Daftar instansi tidak dapat dimuat, pilihan tidak diubah. {reason}</source>
        <translation>Daftar instansi tidak dapat dimuat, pilihan tidak diubah. {reason}</translation>
    </message>
    <message>
        <source>Centang instansi yang dilayani anjungan ini. Semua tercentang berarti semua instansi, termasuk yang ditambahkan nanti.</source>
        <translation>Centang instansi yang dilayani anjungan ini. Semua tercentang berarti semua instansi, termasuk yang ditambahkan nanti.</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Pilih paling sedikit satu instansi.</source>
        <translation>Pilih paling sedikit satu instansi.</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Nama perangkat</translation>
    </message>
    <message>
        <source>Mis. Papan Aula 1. Paling banyak {limit} karakter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mis. Anjungan Lobi 1. Paling banyak {limit} karakter.</source>
        <translation>Mis. Anjungan Lobi 1. Paling banyak {limit} karakter.</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Mis. Lantai 1, dekat pintu masuk.</source>
        <translation>Mis. Lantai 1, dekat pintu masuk.</translation>
    </message>
    <message>
        <source>Instansi yang dilayani</source>
        <translation>Instansi yang dilayani</translation>
    </message>
    <message>
        <source>Bahasa awal</source>
        <translation>Bahasa awal</translation>
    </message>
    <message>
        <source>Bahasa tulisan di papan. Dipakai setelah papan dimulai ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bahasa yang dipakai lagi setelah anjungan tidak disentuh.</source>
        <translation>Bahasa yang dipakai lagi setelah anjungan tidak disentuh.</translation>
    </message>
    <message>
        <source>Batas diam (detik)</source>
        <translation>Batas diam (detik)</translation>
    </message>
    <message>
        <source>Setelah sekian detik tanpa sentuhan, anjungan kembali ke beranda. {low} sampai {high}.</source>
        <translation>Setelah sekian detik tanpa sentuhan, anjungan kembali ke beranda. {low} sampai {high}.</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <source>Memeriksa…</source>
        <translation type="unfinished">Memeriksa…</translation>
    </message>
    <message>
        <source>Anjungan {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terhubung ke {url} (server versi {version}, {site})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server tidak dapat dihubungi: {url} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server tidak menjawab tepat waktu: {url} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server menjawab dengan kesalahan: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pemeriksaan server gagal: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pemeriksaan gagal: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak dapat diukur tanpa server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jam perangkat sama dengan jam server (selisih {diff})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jam server {diff} lebih cepat dari jam perangkat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jam server {diff} lebih lambat dari jam perangkat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{free} GB bebas dari {total} GB ({path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak dapat dibaca: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak ada kesalahan sejak aplikasi dimulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada berkas log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log tidak dapat dibaca: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diperiksa pukul {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waktu respons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selisih jam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versi aplikasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruang disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periksa lagi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kesalahan terakhir (terbaru di atas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Akhir log: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayController</name>
    <message>
        <source>Papan tidak terhubung ke server. Panggilan akan tampil setelah tersambung kembali.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selamat datang di Mal Pelayanan Publik. Siapkan dokumen persyaratan Anda dan perhatikan nomor antrean yang dipanggil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <source>Memeriksa nomor loket di server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loket {unknown} tidak ada di server. Loket yang ada: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor loket tidak dapat diperiksa di server, tidak disimpan. {reason} Coba lagi, atau kosongkan untuk semua loket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membacakan contoh panggilan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contoh panggilan telah diucapkan: “{sentence}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suara papan mati: pilih Nyala lalu Simpan, kemudian uji lagi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suara tidak keluar: tidak ada perangkat suara. Periksa speaker, kabel audio dan keluaran suara PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suara tidak tersedia: mesin suara (espeak-ng) tidak dapat dipakai. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suara gagal diputar: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tampilan papan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teks berjalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tampil bergerak di bawah papan. {count} dari {limit} karakter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loket yang ditampilkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor loket dipisah koma, mis. 1,2,3. Kosong: semua loket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panggilan suara</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyala</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume suara ({low}–{high})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation type="unfinished">Simpan</translation>
    </message>
    <message>
        <source>Uji suara</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Anjungan Antrean Mandiri</source>
        <translation>Anjungan Antrean Mandiri</translation>
    </message>
    <message>
        <source>Survei Kepuasan Masyarakat</source>
        <translation>Survei Kepuasan Masyarakat</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Selamat datang</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>Silakan pilih salah satu:</source>
        <translation>Silakan pilih salah satu:</translation>
    </message>
    <message>
        <source>Ambil Antrean</source>
        <translation>Ambil Antrean</translation>
    </message>
    <message>
        <source>Pilih layanan dan cetak nomor antrean</source>
        <translation>Pilih layanan dan cetak nomor antrean</translation>
    </message>
    <message>
        <source>Cek Status</source>
        <translation>Cek Status</translation>
    </message>
    <message>
        <source>Lihat posisi antrean tiket Anda</source>
        <translation>Lihat posisi antrean tiket Anda</translation>
    </message>
    <message>
        <source>Isi Survei</source>
        <translation>Isi Survei</translation>
    </message>
    <message>
        <source>Sudah dilayani? Nilai pelayanan kami</source>
        <translation>Sudah dilayani? Nilai pelayanan kami</translation>
    </message>
    <message>
        <source>Saya sudah booking</source>
        <translation>Saya sudah booking</translation>
    </message>
    <message>
        <source>Check-in dengan kode atau QR booking</source>
        <translation>Check-in dengan kode atau QR booking</translation>
    </message>
    <message>
        <source>Sudah punya tiket? Dekatkan QR tiket ke pemindai untuk cek status.</source>
        <translation>Sudah punya tiket? Dekatkan QR tiket ke pemindai untuk cek status.</translation>
    </message>
    <message>
        <source>Sudah punya tiket atau booking? Dekatkan QR-nya ke pemindai.</source>
        <translation>Sudah punya tiket atau booking? Dekatkan QR-nya ke pemindai.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>⌫ Hapus</source>
        <translation>⌫ Hapus</translation>
    </message>
    <message>
        <source>Ulang</source>
        <translation>Ulang</translation>
    </message>
</context>
<context>
    <name>KioskController</name>
    <message>
        <source>Sedang mengambil nomor antrean untuk Anda.</source>
        <translation>Sedang mengambil nomor antrean untuk Anda.</translation>
    </message>
    <message>
        <source>Sedang mencari tiket Anda.</source>
        <translation>Sedang mencari tiket Anda.</translation>
    </message>
    <message>
        <source>Sedang memeriksa booking Anda.</source>
        <translation>Sedang memeriksa booking Anda.</translation>
    </message>
    <message>
        <source>Sedang memuat daftar layanan.</source>
        <translation>Sedang memuat daftar layanan.</translation>
    </message>
</context>
<context>
    <name>KioskMessages</name>
    <message>
        <source>Coba lagi</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Kembali ke awal</source>
        <translation>Kembali ke awal</translation>
    </message>
    <message>
        <source>Pilih layanan lain</source>
        <translation>Pilih layanan lain</translation>
    </message>
    <message>
        <source>Masukkan kode lagi</source>
        <translation>Masukkan kode lagi</translation>
    </message>
    <message>
        <source>Ambil antrean biasa</source>
        <translation>Ambil antrean biasa</translation>
    </message>
    <message>
        <source>{day} pukul {time}</source>
        <translation>{day} pukul {time}</translation>
    </message>
    <message>
        <source>Silakan datang kembali {when}.</source>
        <translation>Silakan datang kembali {when}.</translation>
    </message>
    <message>
        <source>Silakan datang kembali pada hari kerja berikutnya.</source>
        <translation>Silakan datang kembali pada hari kerja berikutnya.</translation>
    </message>
    <message>
        <source>Kuota hari ini habis</source>
        <translation>Kuota hari ini habis</translation>
    </message>
    <message>
        <source>Semua nomor antrean layanan ini untuk hari ini sudah diambil. Silakan datang kembali besok pagi, atau pilih layanan lain.</source>
        <translation>Semua nomor antrean layanan ini untuk hari ini sudah diambil. Silakan datang kembali besok pagi, atau pilih layanan lain.</translation>
    </message>
    <message>
        <source>Kuota hari ini habis · buka lagi {day}</source>
        <translation>Kuota hari ini habis · buka lagi {day}</translation>
    </message>
    <message>
        <source>Semua nomor antrean layanan ini untuk hari ini sudah diambil. {come_back} Atau pilih layanan lain.</source>
        <translation>Semua nomor antrean layanan ini untuk hari ini sudah diambil. {come_back} Atau pilih layanan lain.</translation>
    </message>
    <message>
        <source>Buka pukul {time}</source>
        <translation>Buka pukul {time}</translation>
    </message>
    <message>
        <source>Layanan belum buka</source>
        <translation>Layanan belum buka</translation>
    </message>
    <message>
        <source>Layanan ini buka pukul {time}. Silakan ambil nomor antrean setelah jam tersebut.</source>
        <translation>Layanan ini buka pukul {time}. Silakan ambil nomor antrean setelah jam tersebut.</translation>
    </message>
    <message>
        <source>Istirahat sholat Jumat</source>
        <translation>Istirahat sholat Jumat</translation>
    </message>
    <message>
        <source>Istirahat</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <source>Pelayanan sedang istirahat dan buka kembali pukul {time}. Silakan ambil nomor antrean setelah itu.</source>
        <translation>Pelayanan sedang istirahat dan buka kembali pukul {time}. Silakan ambil nomor antrean setelah itu.</translation>
    </message>
    <message>
        <source>Pelayanan sedang istirahat. Silakan kembali sebentar lagi.</source>
        <translation>Pelayanan sedang istirahat. Silakan kembali sebentar lagi.</translation>
    </message>
    <message>
        <source>Libur: {name}</source>
        <translation>Libur: {name}</translation>
    </message>
    <message>
        <source>Libur hari ini</source>
        <translation>Libur hari ini</translation>
    </message>
    <message>
        <source>Hari ini hari libur; layanan tutup. {come_back}</source>
        <translation>Hari ini hari libur; layanan tutup. {come_back}</translation>
    </message>
    <message>
        <source>Tutup hari ini</source>
        <translation>Tutup hari ini</translation>
    </message>
    <message>
        <source>Layanan ini tidak buka pada hari ini. {come_back}</source>
        <translation>Layanan ini tidak buka pada hari ini. {come_back}</translation>
    </message>
    <message>
        <source>Antrean hari ini ditutup pukul {time}</source>
        <translation>Antrean hari ini ditutup pukul {time}</translation>
    </message>
    <message>
        <source>Antrean hari ini sudah ditutup</source>
        <translation>Antrean hari ini sudah ditutup</translation>
    </message>
    <message>
        <source>Pengambilan nomor antrean untuk hari ini sudah ditutup. {come_back}</source>
        <translation>Pengambilan nomor antrean untuk hari ini sudah ditutup. {come_back}</translation>
    </message>
    <message>
        <source>Sedang tidak tersedia</source>
        <translation>Sedang tidak tersedia</translation>
    </message>
    <message>
        <source>Layanan tidak tersedia</source>
        <translation>Layanan tidak tersedia</translation>
    </message>
    <message>
        <source>Layanan ini sedang tidak tersedia. Silakan tanyakan kepada petugas informasi.</source>
        <translation>Layanan ini sedang tidak tersedia. Silakan tanyakan kepada petugas informasi.</translation>
    </message>
    <message>
        <source>Tidak menerima antrean hari ini</source>
        <translation>Tidak menerima antrean hari ini</translation>
    </message>
    <message>
        <source>Antrean instansi ini ditutup untuk hari ini</source>
        <translation>Antrean instansi ini ditutup untuk hari ini</translation>
    </message>
    <message>
        <source>Pengambilan nomor antrean untuk layanan instansi ini ditutup untuk hari ini. {come_back}</source>
        <translation>Pengambilan nomor antrean untuk layanan instansi ini ditutup untuk hari ini. {come_back}</translation>
    </message>
    <message>
        <source>Ditutup untuk hari ini</source>
        <translation>Ditutup untuk hari ini</translation>
    </message>
    <message>
        <source>Layanan ditutup untuk hari ini</source>
        <translation>Layanan ditutup untuk hari ini</translation>
    </message>
    <message>
        <source>Layanan ini ditutup untuk hari ini. {come_back}</source>
        <translation>Layanan ini ditutup untuk hari ini. {come_back}</translation>
    </message>
    <message>
        <source>{body} Keterangan: {note}</source>
        <translation>{body} Keterangan: {note}</translation>
    </message>
    <message>
        <source>Terlalu awal — silakan kembali pukul {time}</source>
        <translation>Terlalu awal — silakan kembali pukul {time}</translation>
    </message>
    <message>
        <source>Booking Anda pukul {slot}. Check-in bisa dilakukan mulai pukul {time}.</source>
        <translation>Booking Anda pukul {slot}. Check-in bisa dilakukan mulai pukul {time}.</translation>
    </message>
    <message>
        <source>Waktu check-in booking sudah lewat</source>
        <translation>Waktu check-in booking sudah lewat</translation>
    </message>
    <message>
        <source>Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut. Anda masih bisa mengambil antrean biasa untuk layanan ini.</source>
        <translation>Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut. Anda masih bisa mengambil antrean biasa untuk layanan ini.</translation>
    </message>
    <message>
        <source>Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut, dan kuota antrean biasa layanan ini hari ini sudah habis. Silakan booking untuk hari lain.</source>
        <translation>Check-in untuk booking pukul {slot} ditutup {minutes} menit setelah jam tersebut, dan kuota antrean biasa layanan ini hari ini sudah habis. Silakan booking untuk hari lain.</translation>
    </message>
    <message>
        <source>Booking ini bukan untuk hari ini</source>
        <translation>Booking ini bukan untuk hari ini</translation>
    </message>
    <message>
        <source>Booking Anda untuk tanggal {day}. Check-in hanya bisa dilakukan pada hari itu.</source>
        <translation>Booking Anda untuk tanggal {day}. Check-in hanya bisa dilakukan pada hari itu.</translation>
    </message>
    <message>
        <source>Booking ini dibatalkan oleh petugas MPP</source>
        <translation>Booking ini dibatalkan oleh petugas MPP</translation>
    </message>
    <message>
        <source>Mohon maaf, bukan Anda yang membatalkannya. Silakan ambil antrean biasa, atau tanyakan di meja informasi.</source>
        <translation>Mohon maaf, bukan Anda yang membatalkannya. Silakan ambil antrean biasa, atau tanyakan di meja informasi.</translation>
    </message>
    <message>
        <source>Booking ini sudah dibatalkan</source>
        <translation>Booking ini sudah dibatalkan</translation>
    </message>
    <message>
        <source>Booking yang dibatalkan tidak bisa dipakai untuk check-in. Silakan ambil antrean biasa.</source>
        <translation>Booking yang dibatalkan tidak bisa dipakai untuk check-in. Silakan ambil antrean biasa.</translation>
    </message>
    <message>
        <source>Booking ini sudah check-in</source>
        <translation>Booking ini sudah check-in</translation>
    </message>
    <message>
        <source>Nomor antrean Anda {code}. Tunggu sampai nomor Anda dipanggil; posisinya bisa dilihat di Cek Status.</source>
        <translation>Nomor antrean Anda {code}. Tunggu sampai nomor Anda dipanggil; posisinya bisa dilihat di Cek Status.</translation>
    </message>
    <message>
        <source>Booking tidak ditemukan</source>
        <translation>Booking tidak ditemukan</translation>
    </message>
    <message>
        <source>Periksa lagi kode booking dan 4 angka terakhir NIK Anda, atau tanyakan petugas informasi.</source>
        <translation>Periksa lagi kode booking dan 4 angka terakhir NIK Anda, atau tanyakan petugas informasi.</translation>
    </message>
    <message>
        <source>Kode salah ketik</source>
        <translation>Kode salah ketik</translation>
    </message>
    <message>
        <source>Kode booking terdiri dari 9 angka. Periksa lagi kode pada bukti booking Anda.</source>
        <translation>Kode booking terdiri dari 9 angka. Periksa lagi kode pada bukti booking Anda.</translation>
    </message>
    <message>
        <source>Server antrean tidak dapat dihubungi</source>
        <translation>Server antrean tidak dapat dihubungi</translation>
    </message>
    <message>
        <source>Nomor antrean belum dapat diambil. Silakan coba lagi sebentar lagi, atau minta bantuan petugas informasi.</source>
        <translation>Nomor antrean belum dapat diambil. Silakan coba lagi sebentar lagi, atau minta bantuan petugas informasi.</translation>
    </message>
    <message>
        <source>Server antrean tidak menjawab</source>
        <translation>Server antrean tidak menjawab</translation>
    </message>
    <message>
        <source>Permintaan Anda belum selesai. Silakan coba lagi: nomor Anda tidak akan tercetak dua kali.</source>
        <translation>Permintaan Anda belum selesai. Silakan coba lagi: nomor Anda tidak akan tercetak dua kali.</translation>
    </message>
    <message>
        <source>Terjadi gangguan pada server</source>
        <translation>Terjadi gangguan pada server</translation>
    </message>
    <message>
        <source>Silakan coba lagi sebentar lagi, atau minta bantuan petugas informasi.</source>
        <translation>Silakan coba lagi sebentar lagi, atau minta bantuan petugas informasi.</translation>
    </message>
    <message>
        <source>Tiket tidak ditemukan</source>
        <translation>Tiket tidak ditemukan</translation>
    </message>
    <message>
        <source>Periksa kembali kode pada tiket Anda. Tiket hanya berlaku pada hari tiket diambil.</source>
        <translation>Periksa kembali kode pada tiket Anda. Tiket hanya berlaku pada hari tiket diambil.</translation>
    </message>
    <message>
        <source>Kode tidak dikenali</source>
        <translation>Kode tidak dikenali</translation>
    </message>
    <message>
        <source>Kode tiket terdiri dari huruf dan angka, contohnya A-001.</source>
        <translation>Kode tiket terdiri dari huruf dan angka, contohnya A-001.</translation>
    </message>
    <message>
        <source>Layanan tidak ditemukan</source>
        <translation>Layanan tidak ditemukan</translation>
    </message>
    <message>
        <source>Daftar layanan baru saja berubah. Silakan pilih layanan lagi.</source>
        <translation>Daftar layanan baru saja berubah. Silakan pilih layanan lagi.</translation>
    </message>
    <message>
        <source>Antrean prioritas tidak tersedia</source>
        <translation>Antrean prioritas tidak tersedia</translation>
    </message>
    <message>
        <source>Silakan ambil antrean biasa; petugas akan membantu Anda.</source>
        <translation>Silakan ambil antrean biasa; petugas akan membantu Anda.</translation>
    </message>
    <message>
        <source>Anjungan belum siap melayani</source>
        <translation>Anjungan belum siap melayani</translation>
    </message>
    <message>
        <source>Anjungan ini belum terdaftar di server. Mohon hubungi petugas informasi.</source>
        <translation>Anjungan ini belum terdaftar di server. Mohon hubungi petugas informasi.</translation>
    </message>
    <message>
        <source>Silakan gunakan anjungan lain, atau minta bantuan petugas informasi.</source>
        <translation>Silakan gunakan anjungan lain, atau minta bantuan petugas informasi.</translation>
    </message>
    <message>
        <source>Tiket ini belum selesai dilayani</source>
        <translation>Tiket ini belum selesai dilayani</translation>
    </message>
    <message>
        <source>Survei bisa diisi setelah pelayanan Anda selesai di loket. Silakan kembali setelah dilayani.</source>
        <translation>Survei bisa diisi setelah pelayanan Anda selesai di loket. Silakan kembali setelah dilayani.</translation>
    </message>
    <message>
        <source>Survei tiket ini sudah diisi</source>
        <translation>Survei tiket ini sudah diisi</translation>
    </message>
    <message>
        <source>Setiap tiket hanya bisa mengisi survei satu kali. Terima kasih atas penilaian Anda.</source>
        <translation>Setiap tiket hanya bisa mengisi survei satu kali. Terima kasih atas penilaian Anda.</translation>
    </message>
    <message>
        <source>Waktu mengisi survei sudah lewat</source>
        <translation>Waktu mengisi survei sudah lewat</translation>
    </message>
    <message>
        <source>Survei bisa diisi sampai 7 hari setelah tanggal pelayanan. Sampaikan masukan Anda kepada petugas informasi.</source>
        <translation>Survei bisa diisi sampai 7 hari setelah tanggal pelayanan. Sampaikan masukan Anda kepada petugas informasi.</translation>
    </message>
    <message>
        <source>Jawaban survei belum lengkap</source>
        <translation>Jawaban survei belum lengkap</translation>
    </message>
    <message>
        <source>Silakan isi survei sekali lagi dari awal. Jika terulang, mohon hubungi petugas informasi.</source>
        <translation>Silakan isi survei sekali lagi dari awal. Jika terulang, mohon hubungi petugas informasi.</translation>
    </message>
    <message>
        <source>Belum ada tiket untuk dinilai</source>
        <translation>Belum ada tiket untuk dinilai</translation>
    </message>
    <message>
        <source>Survei ditawarkan untuk tiket yang baru selesai dilayani di loket ini.</source>
        <translation>Survei ditawarkan untuk tiket yang baru selesai dilayani di loket ini.</translation>
    </message>
    <message>
        <source>Maaf, terjadi kesalahan</source>
        <translation>Maaf, terjadi kesalahan</translation>
    </message>
    <message>
        <source>Silakan mulai lagi dari halaman awal. Jika terulang, mohon hubungi petugas informasi.</source>
        <translation>Silakan mulai lagi dari halaman awal. Jika terulang, mohon hubungi petugas informasi.</translation>
    </message>
    <message>
        <source>Sedang mencetak tiket…</source>
        <translation>Sedang mencetak tiket…</translation>
    </message>
    <message>
        <source>Tiket sudah dicetak. Silakan ambil di bawah layar.</source>
        <translation>Tiket sudah dicetak. Silakan ambil di bawah layar.</translation>
    </message>
    <message>
        <source>Nomor antrean Anda tetap berlaku. Tunjukkan layar ini ke petugas loket, atau foto layar ini.</source>
        <translation>Nomor antrean Anda tetap berlaku. Tunjukkan layar ini ke petugas loket, atau foto layar ini.</translation>
    </message>
    <message>
        <source>kertas printer habis</source>
        <translation>kertas printer habis</translation>
    </message>
    <message>
        <source>printer mati atau bermasalah</source>
        <translation>printer mati atau bermasalah</translation>
    </message>
    <message>
        <source>printer tidak menjawab</source>
        <translation>printer tidak menjawab</translation>
    </message>
    <message>
        <source>printer mengalami gangguan</source>
        <translation>printer mengalami gangguan</translation>
    </message>
    <message>
        <source>Tiket tidak dapat dicetak: {reason}.</source>
        <translation>Tiket tidak dapat dicetak: {reason}.</translation>
    </message>
    <message>
        <source>Server antrean tidak dapat dihubungi. Mohon tunggu sebentar, atau hubungi petugas.</source>
        <translation>Server antrean tidak dapat dihubungi. Mohon tunggu sebentar, atau hubungi petugas.</translation>
    </message>
    <message>
        <source>Anjungan ini sedang tidak melayani</source>
        <translation>Anjungan ini sedang tidak melayani</translation>
    </message>
    <message>
        <source>Istirahat sholat Jumat sampai {time}</source>
        <translation>Istirahat sholat Jumat sampai {time}</translation>
    </message>
    <message>
        <source>Istirahat sampai {time}</source>
        <translation>Istirahat sampai {time}</translation>
    </message>
    <message>
        <source>Silakan gunakan anjungan lain atau tanyakan petugas.</source>
        <translation>Silakan gunakan anjungan lain atau tanyakan petugas.</translation>
    </message>
    <message>
        <source>Cek Status</source>
        <translation>Cek Status</translation>
    </message>
    <message>
        <source>Tiket yang sudah Anda pegang tetap bisa dicek di sini</source>
        <translation>Tiket yang sudah Anda pegang tetap bisa dicek di sini</translation>
    </message>
    <message>
        <source>Untuk petugas: {cause}</source>
        <translation>Untuk petugas: {cause}</translation>
    </message>
    <message>
        <source>Kertas tiket sedang habis.</source>
        <translation>Kertas tiket sedang habis.</translation>
    </message>
    <message>
        <source>Printer tiket sedang bermasalah.</source>
        <translation>Printer tiket sedang bermasalah.</translation>
    </message>
</context>
<context>
    <name>KioskTexts</name>
    <message>
        <source>Segera dilayani</source>
        <translation>Segera dilayani</translation>
    </message>
    <message numerus="yes">
        <source>± %n menit</source>
        <translation>
            <numerusform>± %n menit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>± %n jam</source>
        <translation>
            <numerusform>± %n jam</numerusform>
        </translation>
    </message>
    <message>
        <source>± {hours} jam {minutes} menit</source>
        <translation>± {hours} jam {minutes} menit</translation>
    </message>
    <message>
        <source>Loket belum buka</source>
        <translation>Loket belum buka</translation>
    </message>
    <message>
        <source>Loket sedang jeda, belum dapat diperkirakan</source>
        <translation>Loket sedang jeda, belum dapat diperkirakan</translation>
    </message>
    <message>
        <source>Tidak ada antrean</source>
        <translation>Tidak ada antrean</translation>
    </message>
    <message numerus="yes">
        <source>%n orang menunggu</source>
        <translation>
            <numerusform>%n orang menunggu</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak ada, Anda berikutnya</source>
        <translation>Tidak ada, Anda berikutnya</translation>
    </message>
    <message numerus="yes">
        <source>%n orang</source>
        <translation>
            <numerusform>%n orang</numerusform>
        </translation>
    </message>
    <message>
        <source>{waiting} · {reason}</source>
        <translation>{waiting} · {reason}</translation>
    </message>
    <message>
        <source>Tidak ada antrean · langsung dilayani</source>
        <translation>Tidak ada antrean · langsung dilayani</translation>
    </message>
    <message>
        <source>{waiting} · tunggu {wait}</source>
        <translation>{waiting} · tunggu {wait}</translation>
    </message>
    <message>
        <source>Antrean dibuka sampai pukul {time}</source>
        <translation>Antrean dibuka sampai pukul {time}</translation>
    </message>
    <message numerus="yes">
        <source>Sisa kuota hari ini: %n</source>
        <translation>
            <numerusform>Sisa kuota hari ini: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Tidak, antrean biasa</source>
        <translation>Tidak, antrean biasa</translation>
    </message>
    <message>
        <source>Saya tidak termasuk kelompok prioritas</source>
        <translation>Saya tidak termasuk kelompok prioritas</translation>
    </message>
    <message>
        <source>Menunggu dipanggil</source>
        <translation>Menunggu dipanggil</translation>
    </message>
    <message>
        <source>Nomor Anda dipanggil!</source>
        <translation>Nomor Anda dipanggil!</translation>
    </message>
    <message>
        <source>Sedang dilayani</source>
        <translation>Sedang dilayani</translation>
    </message>
    <message>
        <source>Selesai dilayani</source>
        <translation>Selesai dilayani</translation>
    </message>
    <message>
        <source>Terlewat: tidak hadir saat dipanggil</source>
        <translation>Terlewat: tidak hadir saat dipanggil</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Dialihkan ke layanan lain</source>
        <translation>Dialihkan ke layanan lain</translation>
    </message>
    <message>
        <source>Kedaluwarsa</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <source>Dialihkan ke {service}</source>
        <translation>Dialihkan ke {service}</translation>
    </message>
    <message>
        <source>{agency} · Booking {time}</source>
        <translation>{agency} · Booking {time}</translation>
    </message>
    <message>
        <source>{detail} Menuju: {lokets}.</source>
        <translation>{detail} Menuju: {lokets}.</translation>
    </message>
    <message>
        <source>Silakan segera menuju {counter}.</source>
        <translation>Silakan segera menuju {counter}.</translation>
    </message>
    <message>
        <source>Anda sedang dilayani di {counter}.</source>
        <translation>Anda sedang dilayani di {counter}.</translation>
    </message>
    <message>
        <source>Di depan Anda: {ahead}. {reason}.</source>
        <translation>Di depan Anda: {ahead}. {reason}.</translation>
    </message>
    <message>
        <source>Anda berikutnya. Mohon bersiap di dekat loket.</source>
        <translation>Anda berikutnya. Mohon bersiap di dekat loket.</translation>
    </message>
    <message>
        <source>Di depan Anda: {ahead}. Perkiraan: {wait}.</source>
        <translation>Di depan Anda: {ahead}. Perkiraan: {wait}.</translation>
    </message>
    <message>
        <source>Jangan mengambil tiket baru: temui petugas di {counter}. Tiket Anda bisa dikembalikan ke antrean hari ini.</source>
        <translation>Jangan mengambil tiket baru: temui petugas di {counter}. Tiket Anda bisa dikembalikan ke antrean hari ini.</translation>
    </message>
    <message>
        <source>Jangan mengambil tiket baru: temui petugas di loket. Tiket Anda bisa dikembalikan ke antrean hari ini.</source>
        <translation>Jangan mengambil tiket baru: temui petugas di loket. Tiket Anda bisa dikembalikan ke antrean hari ini.</translation>
    </message>
    <message>
        <source>Terima kasih telah menggunakan layanan kami.</source>
        <translation>Terima kasih telah menggunakan layanan kami.</translation>
    </message>
    <message>
        <source>Tiket ini tidak berlaku lagi. Silakan ambil nomor antrean baru.</source>
        <translation>Tiket ini tidak berlaku lagi. Silakan ambil nomor antrean baru.</translation>
    </message>
</context>
<context>
    <name>LatePanel</name>
    <message>
        <source>Warga datang terlambat</source>
        <translation>Warga datang terlambat</translation>
    </message>
    <message>
        <source>Ketik nomor tiket yang hari ini ditandai tidak hadir di loket ini. Tiket kembali ke antrean di tempat semula, menurut jam ambilnya.</source>
        <translation>Ketik nomor tiket yang hari ini ditandai tidak hadir di loket ini. Tiket kembali ke antrean di tempat semula, menurut jam ambilnya.</translation>
    </message>
    <message>
        <source>mis. B-012</source>
        <translation>mis. B-012</translation>
    </message>
    <message>
        <source>Kembalikan ke antrean (Enter)</source>
        <translation>Kembalikan ke antrean (Enter)</translation>
    </message>
    <message>
        <source>Batal (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
</context>
<context>
    <name>LatestCallPanel</name>
    <message>
        <source>NOMOR ANTREAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menunggu panggilan berikutnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silakan menuju</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panggilan ulang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Sedang masuk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masuk Petugas Loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masuk dengan akun petugas Anda untuk membuka loket dan memanggil antrean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation type="unfinished">Masuk</translation>
    </message>
    <message>
        <source>Server: {url}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoketScreen</name>
    <message>
        <source>Tutup · siap dibuka</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dibuka oleh Anda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dibuka oleh {staff}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan mengambil alih atau menutup (wajib, dicatat)</source>
        <translation>Alasan mengambil alih atau menutup (wajib, dicatat)</translation>
    </message>
    <message>
        <source>Tutup {loket}</source>
        <translation>Tutup {loket}</translation>
    </message>
    <message>
        <source>Layanan hari ini di {loket}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layanan hari ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>istirahat</source>
        <translation>istirahat</translation>
    </message>
    <message>
        <source>buka</source>
        <translation>buka</translation>
    </message>
    <message>
        <source>Dibuka oleh {staff} ({state}, tiket di loket: {ticket}). Untuk mengambil alih atau menutupnya, tulis alasannya; alasan dicatat bersama nama Anda dan petugas itu diberi tahu.</source>
        <translation>Dibuka oleh {staff} ({state}, tiket di loket: {ticket}). Untuk mengambil alih atau menutupnya, tulis alasannya; alasan dicatat bersama nama Anda dan petugas itu diberi tahu.</translation>
    </message>
    <message>
        <source>Centang layanan yang Anda layani hari ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih loket dulu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat daftar loket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada loket di server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanjutkan di {loket}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambil Alih {loket}</source>
        <translation>Ambil Alih {loket}</translation>
    </message>
    <message>
        <source>Buka Loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih Loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pilih loket tempat Anda bertugas, lalu layanan yang Anda layani hari ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoketTile</name>
    <message>
        <source>Istirahat</source>
        <translation type="unfinished">Istirahat</translation>
    </message>
    <message>
        <source>Sholat sampai {time}</source>
        <translation type="unfinished">Sholat sampai {time}</translation>
    </message>
    <message>
        <source>Rapat sampai {time}</source>
        <translation type="unfinished">Rapat sampai {time}</translation>
    </message>
    <message>
        <source>Istirahat sampai {time}</source>
        <translation type="unfinished">Istirahat sampai {time}</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordScreen</name>
    <message>
        <source>Ganti Kata Sandi</source>
        <translation>Ganti Kata Sandi</translation>
    </message>
    <message>
        <source>Kata sandi dibuat oleh admin: pilih kata sandi Anda sendiri sebelum mulai bertugas.</source>
        <translation>Kata sandi dibuat oleh admin: pilih kata sandi Anda sendiri sebelum mulai bertugas.</translation>
    </message>
    <message>
        <source>Pilih kata sandi baru, paling sedikit {n} karakter.</source>
        <translation>Pilih kata sandi baru, paling sedikit {n} karakter.</translation>
    </message>
    <message>
        <source>Kata sandi sekarang</source>
        <translation>Kata sandi sekarang</translation>
    </message>
    <message>
        <source>Kata sandi baru (paling sedikit {n} karakter)</source>
        <translation>Kata sandi baru (paling sedikit {n} karakter)</translation>
    </message>
    <message>
        <source>Ulangi kata sandi baru</source>
        <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PausePanel</name>
    <message>
        <source>Istirahat</source>
        <translation type="unfinished">Istirahat</translation>
    </message>
    <message>
        <source>Sholat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Istirahat sampai {time}</source>
        <translation>Istirahat sampai {time}</translation>
    </message>
    <message>
        <source>Sholat sampai {time}</source>
        <translation>Sholat sampai {time}</translation>
    </message>
    <message>
        <source>Rapat sampai {time}</source>
        <translation>Rapat sampai {time}</translation>
    </message>
    <message>
        <source>{reason} sampai {time}</source>
        <translation>{reason} sampai {time}</translation>
    </message>
    <message>
        <source>{minutes} menit</source>
        <translation>{minutes} menit</translation>
    </message>
    <message>
        <source>sampai {time}</source>
        <translation>sampai {time}</translation>
    </message>
    <message>
        <source>Sampai {time}</source>
        <translation>Sampai {time}</translation>
    </message>
    <message>
        <source>akhir jam istirahat</source>
        <translation>akhir jam istirahat</translation>
    </message>
    <message>
        <source>akhir waktu sholat</source>
        <translation>akhir waktu sholat</translation>
    </message>
    <message>
        <source>Tanpa jam kembali</source>
        <translation>Tanpa jam kembali</translation>
    </message>
    <message>
        <source>papan hanya menulis Istirahat</source>
        <translation>papan hanya menulis Istirahat</translation>
    </message>
    <message>
        <source>{reason}: kembali jam berapa?</source>
        <translation>{reason}: kembali jam berapa?</translation>
    </message>
    <message>
        <source>Waktu berjalan: pilihan diperbarui. Pilih lagi.</source>
        <translation>Waktu berjalan: pilihan diperbarui. Pilih lagi.</translation>
    </message>
    <message>
        <source>Tulis jam seperti 13.30 (jam.menit).</source>
        <translation>Tulis jam seperti 13.30 (jam.menit).</translation>
    </message>
    <message>
        <source>Jam kembali harus lebih lambat dari sekarang ({now}) dan masih hari ini.</source>
        <translation>Jam kembali harus lebih lambat dari sekarang ({now}) dan masih hari ini.</translation>
    </message>
    <message>
        <source>Istirahat: pilih alasannya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alasan lain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ketik alasan, lalu Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal (Esc)</source>
        <translation type="unfinished">Batal (Esc)</translation>
    </message>
    <message>
        <source>Atau jam kembali:</source>
        <translation>Atau jam kembali:</translation>
    </message>
    <message>
        <source>mis. 13.30, lalu Enter</source>
        <translation>mis. 13.30, lalu Enter</translation>
    </message>
    <message>
        <source>Ganti alasan (Esc)</source>
        <translation>Ganti alasan (Esc)</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <source>PIN baru disimpan.</source>
        <translation>PIN baru disimpan.</translation>
    </message>
    <message>
        <source>PIN teknisi baru saja diganti di luar layar ini; PIN baru tidak disimpan. Ketik PIN yang berlaku sekarang.</source>
        <translation>PIN teknisi baru saja diganti di luar layar ini; PIN baru tidak disimpan. Ketik PIN yang berlaku sekarang.</translation>
    </message>
    <message>
        <source>Ganti PIN</source>
        <translation>Ganti PIN</translation>
    </message>
    <message>
        <source>PIN sekarang</source>
        <translation>PIN sekarang</translation>
    </message>
    <message>
        <source>PIN baru</source>
        <translation>PIN baru</translation>
    </message>
    <message>
        <source>{low} sampai {high} angka.</source>
        <translation>{low} sampai {high} angka.</translation>
    </message>
    <message>
        <source>Ulangi PIN baru</source>
        <translation>Ulangi PIN baru</translation>
    </message>
    <message>
        <source>Simpan PIN</source>
        <translation>Simpan PIN</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <source>Masukkan PIN teknisi.</source>
        <translation>Masukkan PIN teknisi.</translation>
    </message>
    <message>
        <source>Belum ada PIN teknisi. Buat PIN baru ({low} sampai {high} angka).</source>
        <translation>Belum ada PIN teknisi. Buat PIN baru ({low} sampai {high} angka).</translation>
    </message>
    <message>
        <source>Ketik PIN baru sekali lagi.</source>
        <translation>Ketik PIN baru sekali lagi.</translation>
    </message>
    <message>
        <source>PIN salah. Sisa percobaan: {n}.</source>
        <translation>PIN salah. Sisa percobaan: {n}.</translation>
    </message>
    <message>
        <source>Terlalu banyak PIN salah. Masuk teknisi terkunci sampai pukul {time}.</source>
        <translation>Terlalu banyak PIN salah. Masuk teknisi terkunci sampai pukul {time}.</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Buat PIN baru sekali lagi.</source>
        <translation>Kedua PIN tidak sama. Buat PIN baru sekali lagi.</translation>
    </message>
    <message>
        <source>PIN teknisi sudah dibuat di perangkat ini; PIN baru tidak disimpan. Masukkan PIN teknisi.</source>
        <translation>PIN teknisi sudah dibuat di perangkat ini; PIN baru tidak disimpan. Masukkan PIN teknisi.</translation>
    </message>
    <message>
        <source>PIN tidak dapat diperiksa ({reason}). Coba lagi.</source>
        <translation>PIN tidak dapat diperiksa ({reason}). Coba lagi.</translation>
    </message>
    <message>
        <source>PIN baru tidak dapat disimpan ({reason}). Folder konfigurasi harus dapat ditulis oleh aplikasi; lihat docs/deploy.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode teknisi</source>
        <translation>Mode teknisi</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Masuk</translation>
    </message>
</context>
<context>
    <name>PrinterCause</name>
    <message>
        <source>printer menolak sambungan: periksa kabel LAN dan alamat IP</source>
        <translation>printer menolak sambungan: periksa kabel LAN dan alamat IP</translation>
    </message>
    <message>
        <source>printer tidak terjangkau di jaringan: periksa kabel LAN, switch dan alamat IP</source>
        <translation>printer tidak terjangkau di jaringan: periksa kabel LAN, switch dan alamat IP</translation>
    </message>
    <message>
        <source>nama printer tidak dikenal di jaringan: periksa alamat di pengaturan printer</source>
        <translation>nama printer tidak dikenal di jaringan: periksa alamat di pengaturan printer</translation>
    </message>
    <message>
        <source>printer tidak menjawab: periksa apakah printer menyala dan alamatnya benar</source>
        <translation>printer tidak menjawab: periksa apakah printer menyala dan alamatnya benar</translation>
    </message>
    <message>
        <source>sambungan ke printer terputus: periksa kabel dan daya printer, lalu coba lagi</source>
        <translation>sambungan ke printer terputus: periksa kabel dan daya printer, lalu coba lagi</translation>
    </message>
    <message>
        <source>printer tidak ditemukan: periksa kabel USB atau serial dan daya printer</source>
        <translation>printer tidak ditemukan: periksa kabel USB atau serial dan daya printer</translation>
    </message>
    <message>
        <source>aplikasi tidak diizinkan memakai printer: periksa hak akses perangkat (lihat docs/deploy.md)</source>
        <translation>aplikasi tidak diizinkan memakai printer: periksa hak akses perangkat (lihat docs/deploy.md)</translation>
    </message>
    <message>
        <source>kertas habis: pasang gulungan kertas baru</source>
        <translation>kertas habis: pasang gulungan kertas baru</translation>
    </message>
    <message>
        <source>printer melaporkan gangguan: periksa tutup printer, kertas macet dan lampu error</source>
        <translation>printer melaporkan gangguan: periksa tutup printer, kertas macet dan lampu error</translation>
    </message>
    <message>
        <source>printer sedang mencetak struk lain: coba lagi sebentar</source>
        <translation>printer sedang mencetak struk lain: coba lagi sebentar</translation>
    </message>
    <message>
        <source>printer tidak dapat dipakai: lihat log perangkat untuk rinciannya</source>
        <translation>printer tidak dapat dipakai: lihat log perangkat untuk rinciannya</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>Memeriksa printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siap: printer terhubung, kertas ada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siap, tetapi kertas hampir habis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terhubung, tetapi printer tidak melaporkan statusnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perbaiki pengaturan di atas untuk melihat status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mencetak struk uji…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struk uji tercetak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak siap: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak tercetak: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidak dicetak: perbaiki kolom yang ditandai merah</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sambungan printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network:HOST:PORT, usb:VID:PID, serial:/dev/ttyUSB0, file:/dev/usb/lp0, cups:ANTREAN atau pdf:FOLDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model printer; &quot;default&quot; cocok untuk kebanyakan printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lebar kertas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation type="unfinished">Simpan</translation>
    </message>
    <message>
        <source>Cetak Uji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status printer (diperiksa tiap beberapa detik)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hasil cetak uji</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriorityNames</name>
    <message>
        <source>Lansia</source>
        <translation>Lansia</translation>
    </message>
    <message>
        <source>Usia 60 tahun ke atas</source>
        <translation>Usia 60 tahun ke atas</translation>
    </message>
    <message>
        <source>Penyandang disabilitas</source>
        <translation>Penyandang disabilitas</translation>
    </message>
    <message>
        <source>Termasuk pengguna kursi roda dan tongkat</source>
        <translation>Termasuk pengguna kursi roda dan tongkat</translation>
    </message>
    <message>
        <source>Ibu hamil</source>
        <translation>Ibu hamil</translation>
    </message>
    <message>
        <source>Atau ibu yang membawa bayi</source>
        <translation>Atau ibu yang membawa bayi</translation>
    </message>
    <message>
        <source>Anak-anak</source>
        <translation>Anak-anak</translation>
    </message>
    <message>
        <source>Anak di bawah 12 tahun yang dilayani</source>
        <translation>Anak di bawah 12 tahun yang dilayani</translation>
    </message>
    <message>
        <source>Biasa</source>
        <translation>Biasa</translation>
    </message>
</context>
<context>
    <name>PriorityScreen</name>
    <message>
        <source>Apakah Anda termasuk kelompok prioritas?</source>
        <translation>Apakah Anda termasuk kelompok prioritas?</translation>
    </message>
    <message>
        <source>Kelompok prioritas dipanggil lebih dahulu. Petugas dapat meminta bukti.</source>
        <translation>Kelompok prioritas dipanggil lebih dahulu. Petugas dapat meminta bukti.</translation>
    </message>
    <message>
        <source>Layanan: {service}. {hint}</source>
        <translation>Layanan: {service}. {hint}</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Beranda</translation>
    </message>
</context>
<context>
    <name>PriorityShortNames</name>
    <message>
        <source>Lansia</source>
        <translation>Lansia</translation>
    </message>
    <message>
        <source>Disabilitas</source>
        <translation>Disabilitas</translation>
    </message>
    <message>
        <source>Ibu hamil</source>
        <translation>Ibu hamil</translation>
    </message>
    <message>
        <source>Anak</source>
        <translation>Anak</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>★ {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↪ alihan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>khusus loket ini</source>
        <translation>khusus loket ini</translation>
    </message>
    <message>
        <source>Antrean Menunggu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berikutnya dipanggil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hari ini oleh Anda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation type="unfinished">Selesai</translation>
    </message>
    <message>
        <source>Tidak hadir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialihkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memuat antrean…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{prefix} · {name} (tidak dilayani)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} menunggu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} · ✎ {note}</source>
        <translation>{service} · ✎ {note}</translation>
    </message>
    <message>
        <source>Tidak ada yang menunggu untuk layanan yang Anda layani.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dan {n} lainnya</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentCalls</name>
    <message>
        <source>Panggilan sebelumnya</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>Tersambung ke {site} (server versi {version}). Alamat disimpan.</source>
        <translation>Tersambung ke {site} (server versi {version}). Alamat disimpan.</translation>
    </message>
    <message>
        <source>Perangkat terdaftar. Token disimpan di konfigurasi.</source>
        <translation>Perangkat terdaftar. Token disimpan di konfigurasi.</translation>
    </message>
    <message>
        <source>Perangkat ini sudah terdaftar. Daftarkan lagi hanya dengan kode baru.</source>
        <translation>Perangkat ini sudah terdaftar. Daftarkan lagi hanya dengan kode baru.</translation>
    </message>
    <message>
        <source>Perangkat ini belum terdaftar.</source>
        <translation>Perangkat ini belum terdaftar.</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>Server dan pendaftaran</source>
        <translation>Server dan pendaftaran</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>Contoh: http://10.0.0.2:8080. Disimpan setelah server menjawab.</source>
        <translation>Contoh: http://10.0.0.2:8080. Disimpan setelah server menjawab.</translation>
    </message>
    <message>
        <source>Kode pendaftaran sekali pakai</source>
        <translation>Kode pendaftaran sekali pakai</translation>
    </message>
    <message>
        <source>Buat kode di server: python main.py server enroll --kind display --name NAMA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buat kode di server: python main.py server enroll --kind survey --name NAMA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buat kode di server: python main.py server enroll --kind kiosk --name NAMA (atau --kind display).</source>
        <translation>Buat kode di server: python main.py server enroll --kind kiosk --name NAMA (atau --kind display).</translation>
    </message>
    <message>
        <source>Periksa dan simpan</source>
        <translation>Periksa dan simpan</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Daftarkan</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <source>Pilih layanan</source>
        <translation>Pilih layanan</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Beranda</translation>
    </message>
</context>
<context>
    <name>SetupFields</name>
    <message>
        <source>Sambungan printer tidak dikenal: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil printer tidak dikenal: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lebar kertas harus {narrow} mm atau {wide} mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume harus dari {low} sampai {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teks berjalan paling banyak {limit} karakter (sekarang {detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{detail}&quot; bukan nomor loket. Tulis angka dipisah koma, mis. 1,2,3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nomor loket harus dari 1 sampai {limit}, bukan {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum disimpan: perbaiki kolom yang ditandai merah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disimpan.</source>
        <translation type="unfinished">Disimpan.</translation>
    </message>
    <message>
        <source>Berkas pengaturan tidak dapat ditulis: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupReasons</name>
    <message>
        <source>Alamat harus diawali http:// atau https:// dan memuat nama host, mis. http://10.0.0.2:8080.</source>
        <translation>Alamat harus diawali http:// atau https:// dan memuat nama host, mis. http://10.0.0.2:8080.</translation>
    </message>
    <message>
        <source>Isi angka bulat dari {low} sampai {high} detik.</source>
        <translation>Isi angka bulat dari {low} sampai {high} detik.</translation>
    </message>
    <message>
        <source>Nama paling banyak {limit} karakter.</source>
        <translation>Nama paling banyak {limit} karakter.</translation>
    </message>
    <message>
        <source>Pilih Bahasa Indonesia atau English.</source>
        <translation>Pilih Bahasa Indonesia atau English.</translation>
    </message>
    <message>
        <source>Nilai ini tidak dapat dipakai: {reason}</source>
        <translation>Nilai ini tidak dapat dipakai: {reason}</translation>
    </message>
    <message>
        <source>Server tidak dapat dihubungi di alamat ini. Periksa alamat, jaringan, dan apakah server menyala.</source>
        <translation>Server tidak dapat dihubungi di alamat ini. Periksa alamat, jaringan, dan apakah server menyala.</translation>
    </message>
    <message>
        <source>Server tidak menjawab tepat waktu. Coba lagi.</source>
        <translation>Server tidak menjawab tepat waktu. Coba lagi.</translation>
    </message>
    <message>
        <source>Alamat ini menjawab, tetapi bukan server Anjungan ({code}).</source>
        <translation>Alamat ini menjawab, tetapi bukan server Anjungan ({code}).</translation>
    </message>
    <message>
        <source>Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Buat kode baru di server.</source>
        <translation>Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Buat kode baru di server.</translation>
    </message>
    <message>
        <source>Isi kode pendaftaran dari server.</source>
        <translation>Isi kode pendaftaran dari server.</translation>
    </message>
    <message>
        <source>PIN harus {low} sampai {high} angka.</source>
        <translation>PIN harus {low} sampai {high} angka.</translation>
    </message>
    <message>
        <source>Kedua PIN tidak sama. Ketik ulang.</source>
        <translation>Kedua PIN tidak sama. Ketik ulang.</translation>
    </message>
    <message>
        <source>PIN sekarang salah.</source>
        <translation>PIN sekarang salah.</translation>
    </message>
    <message>
        <source>Tidak berhasil: {reason}</source>
        <translation>Tidak berhasil: {reason}</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Anjungan</source>
        <translation>Anjungan</translation>
    </message>
    <message>
        <source>Papan antrean</source>
        <translation>Papan antrean</translation>
    </message>
    <message>
        <source>Tablet survei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pengaturan teknisi</source>
        <translation>Pengaturan teknisi</translation>
    </message>
    <message>
        <source>Disimpan, tetapi alamat server, pendaftaran dan bahasa baru dipakai setelah papan dimulai ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disimpan, tetapi printer baru dipakai setelah anjungan dimulai ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loket, suara, volume dan teks berjalan langsung berlaku. Alamat server, pendaftaran dan bahasa dipakai setelah papan dimulai ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alamat server, printer dan bahasa dipakai penuh setelah aplikasi dimulai ulang.</source>
        <translation>Alamat server, printer dan bahasa dipakai penuh setelah aplikasi dimulai ulang.</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Mulai ulang sekarang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mulai ulang aplikasi</source>
        <translation>Mulai ulang aplikasi</translation>
    </message>
    <message>
        <source>Mulai ulang papan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup aplikasi papan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutup aplikasi papan? Papan berhenti menampilkan panggilan sampai aplikasi dijalankan lagi dari desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keluar dari mode kiosk</source>
        <translation>Keluar dari mode kiosk</translation>
    </message>
    <message>
        <source>Keluar dari mode kiosk? Perangkat ini berhenti melayani sampai aplikasi dijalankan lagi dari desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ya, keluar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ya, tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batal</source>
        <translation type="unfinished">Batal</translation>
    </message>
</context>
<context>
    <name>StatusEntryScreen</name>
    <message>
        <source>Kode belum lengkap. Contoh kode: A-001 atau A1.</source>
        <translation>Kode belum lengkap. Contoh kode: A-001 atau A1.</translation>
    </message>
    <message>
        <source>Ketik kode tiket, contoh A-001</source>
        <translation>Ketik kode tiket, contoh A-001</translation>
    </message>
    <message>
        <source>Cek status antrean</source>
        <translation>Cek status antrean</translation>
    </message>
    <message>
        <source>Ketik kode pada tiket Anda lalu tekan Cek, atau dekatkan QR tiket ke pemindai.</source>
        <translation>Ketik kode pada tiket Anda lalu tekan Cek, atau dekatkan QR tiket ke pemindai.</translation>
    </message>
    <message>
        <source>Cek</source>
        <translation>Cek</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Beranda</translation>
    </message>
</context>
<context>
    <name>StatusScreen</name>
    <message>
        <source>Status antrean</source>
        <translation>Status antrean</translation>
    </message>
    <message>
        <source>Cek tiket lain</source>
        <translation>Cek tiket lain</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>SurveyEntryScreen</name>
    <message>
        <source>Survei kepuasan</source>
        <translation>Survei kepuasan</translation>
    </message>
    <message>
        <source>Dekatkan QR tiket yang sudah dilayani ke pemindai, atau ketik kodenya lalu tekan Lanjut.</source>
        <translation>Dekatkan QR tiket yang sudah dilayani ke pemindai, atau ketik kodenya lalu tekan Lanjut.</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Lanjut</translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <source>Umur diisi {low} sampai {high} tahun, atau dikosongkan.</source>
        <translation>Umur diisi {low} sampai {high} tahun, atau dikosongkan.</translation>
    </message>
    <message>
        <source>Sedang mengirim jawaban Anda.</source>
        <translation>Sedang mengirim jawaban Anda.</translation>
    </message>
    <message>
        <source>Tentang Anda {n}/{total}</source>
        <translation>Tentang Anda {n}/{total}</translation>
    </message>
    <message>
        <source>← Kembali</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Ketik umur, atau lewati</source>
        <translation>Ketik umur, atau lewati</translation>
    </message>
    <message>
        <source>Kirim</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <source>Lewati &amp; Kirim</source>
        <translation>Lewati &amp; Kirim</translation>
    </message>
</context>
<context>
    <name>SurveySteps</name>
    <message>
        <source>Pertanyaan tambahan</source>
        <translation>Pertanyaan tambahan</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Apa jenis kelamin Anda?</source>
        <translation>Apa jenis kelamin Anda?</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Apa pendidikan terakhir Anda?</source>
        <translation>Apa pendidikan terakhir Anda?</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Apa pekerjaan utama Anda?</source>
        <translation>Apa pekerjaan utama Anda?</translation>
    </message>
    <message>
        <source>Umur</source>
        <translation>Umur</translation>
    </message>
    <message>
        <source>Berapa umur Anda? Boleh dilewati.</source>
        <translation>Berapa umur Anda? Boleh dilewati.</translation>
    </message>
</context>
<context>
    <name>SurveyThanksScreen</name>
    <message>
        <source>Terima kasih!</source>
        <translation>Terima kasih!</translation>
    </message>
    <message>
        <source>Jawaban Anda sudah kami terima dan membantu kami memperbaiki pelayanan.</source>
        <translation>Jawaban Anda sudah kami terima dan membantu kami memperbaiki pelayanan.</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>SurveyWaitingScreen</name>
    <message>
        <source>Bagaimana pelayanan kami?</source>
        <translation>Bagaimana pelayanan kami?</translation>
    </message>
    <message>
        <source>Survei kepuasan</source>
        <translation>Survei kepuasan</translation>
    </message>
    <message>
        <source>Survei dihentikan sementara</source>
        <translation>Survei dihentikan sementara</translation>
    </message>
    <message>
        <source>Kantor menghentikan tablet ini sementara. Survei tetap dapat diisi lewat tautan QR pada tiket Anda.</source>
        <translation>Kantor menghentikan tablet ini sementara. Survei tetap dapat diisi lewat tautan QR pada tiket Anda.</translation>
    </message>
    <message>
        <source>Tiket Anda baru selesai dilayani. Isi survei singkat ini, kurang dari satu menit, tanpa nama.</source>
        <translation>Tiket Anda baru selesai dilayani. Isi survei singkat ini, kurang dari satu menit, tanpa nama.</translation>
    </message>
    <message>
        <source>Setelah Anda selesai dilayani di {loket}, survei untuk tiket Anda muncul di sini.</source>
        <translation>Setelah Anda selesai dilayani di {loket}, survei untuk tiket Anda muncul di sini.</translation>
    </message>
    <message>
        <source>loket ini</source>
        <translation>loket ini</translation>
    </message>
    <message>
        <source>Mulai Survei</source>
        <translation>Mulai Survei</translation>
    </message>
    <message>
        <source>9 pertanyaan, sentuh jawaban Anda</source>
        <translation>9 pertanyaan, sentuh jawaban Anda</translation>
    </message>
</context>
<context>
    <name>TicketCard</name>
    <message>
        <source>Dilayani {served} · dipanggil {called} lalu</source>
        <translation>Dilayani {served} · dipanggil {called} lalu</translation>
    </message>
    <message>
        <source>Dipanggil {called} lalu</source>
        <translation>Dipanggil {called} lalu</translation>
    </message>
    <message>
        <source>Tiket saat ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belum ada tiket. Tekan Panggil Berikutnya (F1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dipanggil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sedang dilayani</source>
        <translation type="unfinished">Sedang dilayani</translation>
    </message>
    <message>
        <source>★ Prioritas: {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menunggu warga datang ke loket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diambil pukul {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dipanggil ulang {n}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tiket alihan dari layanan lain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dikirim khusus ke {loket}</source>
        <translation>dikirim khusus ke {loket}</translation>
    </message>
    <message>
        <source>✎ Catatan pengalihan: {note}</source>
        <translation>✎ Catatan pengalihan: {note}</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>{agency} · Antrean prioritas: {group}</source>
        <translation>{agency} · Antrean prioritas: {group}</translation>
    </message>
    <message>
        <source>Menuju: {lokets}</source>
        <translation>Menuju: {lokets}</translation>
    </message>
    <message>
        <source>Kembali ke halaman awal dalam {seconds} detik</source>
        <translation>Kembali ke halaman awal dalam {seconds} detik</translation>
    </message>
    <message>
        <source>Nomor antrean Anda</source>
        <translation>Nomor antrean Anda</translation>
    </message>
    <message>
        <source>Di depan Anda</source>
        <translation>Di depan Anda</translation>
    </message>
    <message>
        <source>Perkiraan waktu tunggu</source>
        <translation>Perkiraan waktu tunggu</translation>
    </message>
    <message>
        <source>Pindai untuk melihat status antrean di ponsel Anda</source>
        <translation>Pindai untuk melihat status antrean di ponsel Anda</translation>
    </message>
    <message>
        <source>Cetak ulang</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>TilePager</name>
    <message>
        <source>← Sebelumnya</source>
        <translation>← Sebelumnya</translation>
    </message>
    <message>
        <source>Berikutnya →</source>
        <translation>Berikutnya →</translation>
    </message>
    <message>
        <source>Halaman {page} dari {pages}</source>
        <translation>Halaman {page} dari {pages}</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>{service} · {n} menunggu</source>
        <translation>{service} · {n} menunggu</translation>
    </message>
    <message>
        <source>Loket mana saja — dipanggil loket {service} yang pertama memanggil</source>
        <translation>Loket mana saja — dipanggil loket {service} yang pertama memanggil</translation>
    </message>
    <message>
        <source>buka</source>
        <translation>buka</translation>
    </message>
    <message>
        <source>istirahat</source>
        <translation>istirahat</translation>
    </message>
    <message>
        <source>{loket} · {state} · hanya loket ini yang memanggil</source>
        <translation>{loket} · {state} · hanya loket ini yang memanggil</translation>
    </message>
    <message>
        <source>{loket} (loket Anda) · {state} · hanya loket ini yang memanggil</source>
        <translation>{loket} (loket Anda) · {state} · hanya loket ini yang memanggil</translation>
    </message>
    <message>
        <source>Belum ada loket lain yang buka untuk layanan ini.</source>
        <translation>Belum ada loket lain yang buka untuk layanan ini.</translation>
    </message>
    <message>
        <source>Alihkan {code} ke {service}: ke loket mana?</source>
        <translation>Alihkan {code} ke {service}: ke loket mana?</translation>
    </message>
    <message>
        <source>Panah memilih loket, Enter mengalihkan. Esc kembali ke layanan.</source>
        <translation>Panah memilih loket, Enter mengalihkan. Esc kembali ke layanan.</translation>
    </message>
    <message>
        <source>Kembali (Esc)</source>
        <translation>Kembali (Esc)</translation>
    </message>
    <message>
        <source>Alihkan {code} ke layanan lain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alihkan ke layanan lain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cari layanan, instansi, atau kode (mis. B)…</source>
        <translation>Cari layanan, instansi, atau kode (mis. B)…</translation>
    </message>
    <message>
        <source>Catatan untuk petugas penerima (tidak wajib, maks. 200 huruf):</source>
        <translation>Catatan untuk petugas penerima (tidak wajib, maks. 200 huruf):</translation>
    </message>
    <message>
        <source>mis. berkas sudah dicek, tinggal tanda tangan</source>
        <translation>mis. berkas sudah dicek, tinggal tanda tangan</translation>
    </message>
    <message>
        <source>Tidak ada layanan yang cocok dengan “{search}”. Hapus atau ubah pencarian.</source>
        <translation>Tidak ada layanan yang cocok dengan “{search}”. Hapus atau ubah pencarian.</translation>
    </message>
    <message>
        <source>Tidak ada layanan lain yang aktif untuk dialihkan.</source>
        <translation>Tidak ada layanan lain yang aktif untuk dialihkan.</translation>
    </message>
    <message>
        <source>Alihkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ketik untuk mencari, panah memilih, Enter lanjut. Esc untuk batal.</source>
        <translation>Ketik untuk mencari, panah memilih, Enter lanjut. Esc untuk batal.</translation>
    </message>
    <message>
        <source>Lanjut</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <source>Batal (Esc)</source>
        <translation type="unfinished">Batal (Esc)</translation>
    </message>
</context>
</TS>
