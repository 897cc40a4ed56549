<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
    <context>
        <name />
        <message>
            <source>PausePanel</source>
            <comment>Istirahat</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PausePanel</source>
            <comment>Sholat</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PausePanel</source>
            <comment>Rapat</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PausePanel</source>
            <comment>Lainnya</comment>
            <translation type="unfinished" />
        </message>
    </context>
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>Informasi Antrean</source>
            <translation type="unfinished" />
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
        <name>CounterBar</name>
        <message>
            <source>Anjungan · Aplikasi Petugas Loket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Petugas: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keluar</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CounterController</name>
        <message>
            <source>Anjungan — Petugas Loket</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CounterMessages</name>
        <message>
            <source>Server antrean tidak dapat dihubungi. Aplikasi mencoba lagi otomatis; tiket yang sedang dilayani tetap aman.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tidak ada antrean menunggu. Daftar antrean diperbarui otomatis; panggil lagi saat ada warga yang menunggu.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tiket {code} masih ditangani. Selesaikan, alihkan, atau tandai tidak hadir dulu.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket ini sedang dibuka oleh {staff}. Pilih loket lain, atau minta supervisor menutupnya.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket ini dibuka oleh petugas lain. Pilih loket Anda lagi.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket sudah ditutup. Buka loket lagi untuk melayani.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket sedang istirahat. Tekan Lanjutkan (F7) untuk memanggil lagi.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket sudah buka; tidak sedang istirahat.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket tidak ditemukan. Daftar loket dimuat ulang; pilih lagi.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tidak ada tiket untuk dipanggil ulang. Panggil ulang hanya untuk tiket yang sudah dipanggil dan belum dilayani.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status tiket sudah berubah, jadi tindakan itu tidak bisa. Tampilan sudah diperbarui; pilih tindakan lagi.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tiket ini tidak lagi di loket Anda. Tampilan sudah diperbarui.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layanan tujuan itu tidak bisa dipilih. Pilih layanan aktif yang lain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket ini tidak melayani layanan itu. Pilih dari daftar.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket lain memanggil pada saat yang sama. Tekan Panggil Berikutnya lagi.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nama pengguna atau kata sandi salah. Periksa lalu coba lagi; setelah 5 kali salah, akun dikunci 5 menit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Akun dikunci sementara karena terlalu banyak kata sandi salah. Coba lagi setelah pukul {time}, atau hubungi supervisor.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sesi Anda telah berakhir. Silakan masuk lagi; loket dan tiket Anda tetap tersimpan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Akun ini tidak boleh memakai aplikasi loket. Masuk dengan akun petugas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server antrean tidak dapat dihubungi. Periksa jaringan; aplikasi mencoba lagi otomatis.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server antrean tidak menjawab. Jangan tekan dua kali: status dibaca ulang begitu server menjawab.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Terjadi gangguan pada server. Aplikasi mencoba lagi otomatis.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{loket} ditutup atau diambil alih dari tempat lain. Pilih loket lagi.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Terjadi kesalahan ({error}). Coba lagi; jika terulang, hubungi admin.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{code} dipanggil ulang ({count}×).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{code} selesai dilayani. Silakan panggil berikutnya.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{code} ditandai tidak hadir.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{code} dialihkan ke {service}; tiket menunggu di antrean layanan itu.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeskScreen</name>
        <message>
            <source>Istirahat · {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buka</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tutup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panggil Berikutnya</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panggil Ulang</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mulai Layani</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selesai</source>
            <translation type="unfinished">Done</translation>
        </message>
        <message>
            <source>Tidak Hadir</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alihkan…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lanjutkan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Istirahat…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tutup Loket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Melayani: {services}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DisplayController</name>
        <message>
            <source>Papan antrean tidak terhubung ke server. Nomor yang dipanggil akan tampil kembali setelah tersambung.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selamat datang di Mal Pelayanan Publik. Siapkan dokumen persyaratan Anda dan perhatikan nomor antrean yang dipanggil.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <source>Anjungan Antrean Mandiri</source>
            <translation>Self-service queue kiosk</translation>
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
            <source>Sudah punya tiket? Dekatkan QR tiket ke pemindai untuk cek status.</source>
            <translation>Have a ticket? Hold its QR code to the scanner to check its status.</translation>
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
            <translation>Today's quota is full</translation>
        </message>
        <message>
            <source>Semua nomor antrean layanan ini untuk hari ini sudah diambil. Silakan datang kembali besok pagi, atau pilih layanan lain.</source>
            <translation>All of today's queue numbers for this service have been taken. Please come back tomorrow morning, or choose another service.</translation>
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
            <source>Istirahat sholat Jumat, buka kembali {time}</source>
            <translation>Friday prayer break, open again at {time}</translation>
        </message>
        <message>
            <source>Istirahat, buka kembali {time}</source>
            <translation>Break, open again at {time}</translation>
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
            <translation>Today's queue closed at {time}</translation>
        </message>
        <message>
            <source>Antrean hari ini sudah ditutup</source>
            <translation>Today's queue is closed</translation>
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
            <source>Tidak ada antrean · langsung dilayani</source>
            <translation>No queue · served right away</translation>
        </message>
        <message>
            <source>{waiting} · perkiraan {wait}</source>
            <translation>{waiting} · about {wait}</translation>
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
            <source>Tidak, antrean biasa</source>
            <translation>No, regular queue</translation>
        </message>
        <message>
            <source>Saya tidak termasuk kelompok prioritas</source>
            <translation>I am not in a priority group</translation>
        </message>
        <message>
            <source>Biasa</source>
            <translation>Regular</translation>
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
            <source>Silakan segera menuju {counter}.</source>
            <translation>Please go to {counter} now.</translation>
        </message>
        <message>
            <source>Anda sedang dilayani di {counter}.</source>
            <translation>You are being served at {counter}.</translation>
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
            <source>Silakan ambil nomor antrean baru, atau tanyakan kepada petugas.</source>
            <translation>Please take a new queue number, or ask the staff.</translation>
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
        <name>LatestCallPanel</name>
        <message>
            <source>NOMOR ANTREAN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Menunggu panggilan berikutnya</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>silakan menuju</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Panggilan ulang</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>Sedang masuk…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Masuk Petugas Loket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Masuk dengan akun petugas Anda untuk membuka loket dan memanggil antrean.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nama pengguna</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kata sandi</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Masuk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server: {url}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoketScreen</name>
        <message>
            <source>Tutup · siap dibuka</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dibuka oleh Anda</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dibuka oleh {staff}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layanan hari ini di {loket}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layanan hari ini</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centang layanan yang Anda layani hari ini.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pilih loket dulu.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Memuat daftar loket…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Belum ada loket di server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lanjutkan di {loket}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buka Loket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pilih Loket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pilih loket tempat Anda bertugas, lalu layanan yang Anda layani hari ini.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Muat ulang</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoketTile</name>
        <message>
            <source>Istirahat</source>
            <translation type="unfinished">Break</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PausePanel</name>
        <message>
            <source>Istirahat: pilih alasannya</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alasan lain:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ketik alasan, lalu Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Batal (Esc)</source>
            <translation type="unfinished" />
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
            <source>← Kembali</source>
            <translation>← Back</translation>
        </message>
        <message>
            <source>Beranda</source>
            <translation>Home</translation>
        </message>
    </context>
    <context>
        <name>QueuePanel</name>
        <message>
            <source>Lansia</source>
            <translation type="unfinished">Elderly</translation>
        </message>
        <message>
            <source>Disabilitas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ibu hamil</source>
            <translation type="unfinished">Pregnant woman</translation>
        </message>
        <message>
            <source>Anak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>★ {group}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>↪ alihan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Antrean Menunggu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Berikutnya dipanggil</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hari ini oleh Anda</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selesai</source>
            <translation type="unfinished">Done</translation>
        </message>
        <message>
            <source>Tidak hadir</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dialihkan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Memuat antrean…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{prefix} · {name} (tidak dilayani)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} menunggu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tidak ada yang menunggu untuk layanan yang Anda layani.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>dan {n} lainnya</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecentCalls</name>
        <message>
            <source>Panggilan sebelumnya</source>
            <translation type="unfinished" />
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
            <translation>Type the code on your ticket and press Check, or hold the ticket's QR code to the scanner.</translation>
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
        <name>TicketCard</name>
        <message>
            <source>Lansia</source>
            <translation type="unfinished">Elderly</translation>
        </message>
        <message>
            <source>Disabilitas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ibu hamil</source>
            <translation type="unfinished">Pregnant woman</translation>
        </message>
        <message>
            <source>Anak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tiket saat ini</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Belum ada tiket. Tekan Panggil Berikutnya (F1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dipanggil</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sedang dilayani</source>
            <translation type="unfinished">Being served</translation>
        </message>
        <message>
            <source>★ Prioritas: {group}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Menunggu warga datang ke loket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diambil pukul {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dipanggil ulang {n}×</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tiket alihan dari layanan lain</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TicketScreen</name>
        <message>
            <source>{agency} · Antrean prioritas: {group}</source>
            <translation>{agency} · Priority queue: {group}</translation>
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
            <source>{service} — {agency} · {n} menunggu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alihkan {code} ke layanan lain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alihkan ke layanan lain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pilih layanan, lalu Enter. Esc untuk batal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alihkan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Batal (Esc)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
