# Daftar syarat penyedia mailbox (core/src/provider/): provider.google, provider.yahoo, provider.microsoft.
provider-google-label = Syarat pengirim Gmail
provider-google-about = Aturan Google untuk semua yang mengirim ke alamat Gmail, dan aturan yang lebih ketat untuk pengirim 5.000 email atau lebih per hari, dicek dengan apa yang terlihat di DNS.
provider-google-why = Sejak Februari 2024 Gmail menolak atau memasukkan ke spam email yang tidak memenuhi aturan ini: tanpa PTR atau PTR yang tidak mengarah balik memberi 421 4.7.23 atau 550 5.7.25, email tanpa autentikasi 550 5.7.26. Pengirim yang pernah mencapai 5.000 email per hari ke Gmail tetap dihitung pengirim massal seterusnya.
provider-yahoo-label = Syarat pengirim Yahoo Mail
provider-yahoo-about = Aturan Yahoo untuk semua pengirim dan untuk pengirim massal (Yahoo tidak menyebut angkanya), dicek dengan apa yang terlihat di DNS.
provider-yahoo-why = Yahoo Mail menunda atau menolak email yang tidak memenuhi aturan ini (pesan error seperti 421 4.7.0 atau 553 5.7.1 dengan tautan ke halaman pengirimnya) dan menerapkan aturan pengirim massal ke siapa pun yang mengirim dalam jumlah besar.
provider-microsoft-label = Syarat pengirim Outlook.com
provider-microsoft-about = Aturan Microsoft untuk Outlook.com, Hotmail dan Live: reverse DNS untuk semua, serta SPF, DKIM dan DMARC untuk domain yang mengirim lebih dari 5.000 email per hari.
provider-microsoft-why = Outlook.com bisa menolak koneksi dari server tanpa reverse DNS yang valid atau dari alamat yang tampak dinamis, dan sejak 5 Mei 2025 menolak email dari domain bervolume tinggi yang tidak memenuhi SPF, DKIM atau DMARC dengan "550 5.7.515 Access denied, sending domain does not meet the required authentication level".

provider-heading = Daftar syarat penyedia email
provider-decided-by = Ditentukan oleh:
provider-scope-all = semua pengirim
provider-scope-bulk = pengirim massal
provider-state-pass = terpenuhi
provider-state-warn = terpenuhi, tapi berisiko
provider-state-unknown = tidak bisa dipastikan
provider-state-fail = tidak terpenuhi
provider-state-cannot-check = tidak bisa dicek dari DNS
provider-found-item = { $item } ({ $scope }): { $state }.
provider-fail = { $provider }: { $count ->
       *[other] { $count } syarat untuk semua pengirim tidak terpenuhi
}.
provider-bulk-fail = { $provider }: aturan untuk semua pengirim terpenuhi, tapi { $count ->
       *[other] { $count } syarat untuk pengirim massal belum
}.
provider-warn = { $provider }: terpenuhi, tapi { $count ->
       *[other] { $count } item berisiko
}.
provider-unknown = { $provider }: { $count ->
       *[other] { $count } syarat tidak bisa dipastikan
}, jadi ini belum lulus.
provider-pass = { $provider }: semua syarat yang bisa dicek lewat DNS terpenuhi; { $unchecked } lainnya tidak bisa dicek dari DNS.

provider-item-spf-or-dkim = SPF atau DKIM mengautentikasi domain Anda
provider-item-spf-or-dkim-why = Setiap pengirim wajib lolos autentikasi minimal salah satunya; email tanpa keduanya ditolak sebagai email tanpa autentikasi (Gmail 550 5.7.26).
provider-item-spf-or-dkim-fix = Buat SPF atau DKIM lolos: perbaiki cek yang gagal di antara { $checks } (kartunya berisi record yang perlu dipasang).
provider-item-spf-and-dkim = SPF dan DKIM sama-sama mengautentikasi domain Anda
provider-item-spf-and-dkim-why = Pengirim massal wajib lolos keduanya: record SPF yang mengizinkan IP pengirim dan kunci DKIM minimal 1024 bit.
provider-item-spf-and-dkim-fix = Buat keduanya lolos: perbaiki cek yang gagal di antara { $checks }. Kalau kunci DKIM tidak ketemu, isi selector yang dipakai server Anda untuk menandatangani.
provider-item-spf = SPF lolos untuk domain Anda
provider-item-spf-why = Outlook.com mewajibkan SPF pengirim bervolume tinggi lolos untuk domain pengirim.
provider-item-spf-fix = Perbaiki cek yang gagal di antara { $checks }; kartu SPF menampilkan record yang perlu dipasang.
provider-item-dkim = DKIM lolos untuk domain Anda
provider-item-dkim-why = Outlook.com mewajibkan email pengirim bervolume tinggi membawa tanda tangan DKIM yang bisa diverifikasi dengan kunci yang dipasang di DNS.
provider-item-dkim-fix = Perbaiki cek yang gagal di antara { $checks }; kalau kunci tidak ketemu, isi selector yang dipakai server Anda.
provider-item-fcrdns = Setiap IP pengirim punya PTR yang mengarah balik ke IP itu
provider-item-fcrdns-why = IP pengirim butuh record PTR berisi nama host yang record A/AAAA-nya kembali ke IP yang sama (forward-confirmed reverse DNS); tanpa itu Gmail menjawab 421 4.7.23 atau 550 5.7.25.
provider-item-fcrdns-fix = Perbaiki cek yang gagal di antara { $checks }: atur PTR di panel penyedia VPS atau IP Anda dan record A/AAAA yang cocok di DNS hosting Anda.
provider-item-reverse-dns = Setiap IP pengirim punya reverse DNS yang valid dan tidak tampak dinamis
provider-item-reverse-dns-why = Outlook.com: server email wajib punya record reverse DNS yang valid, dan koneksi dari ruang IP dinamis bisa ditolak; PTR yang tampak seperti pool atau nama bawaan penyedia dibaca sebagai IP dinamis.
provider-item-reverse-dns-fix = Perbaiki cek yang gagal di antara { $checks }: atur PTR seperti mail.domainanda di panel penyedia VPS atau IP Anda.
provider-item-dmarc = Record DMARC yang valid (p=none sudah cukup)
provider-item-dmarc-why = Pengirim massal wajib memasang DMARC; penyedia menerima p=none, tapi record yang tidak ada atau rusak membuat syarat ini gagal.
provider-item-dmarc-fix = Perbaiki cek yang gagal di antara { $checks }; kartu DMARC menampilkan record yang perlu dipasang.
provider-item-alignment = Domain From selaras dengan SPF atau DKIM
provider-item-alignment-why = DMARC hanya lolos kalau domain From: sama dengan domain yang dicek SPF atau domain d= DKIM. Domain yang dipakai email sungguhan ada di header-nya, bukan di DNS.
provider-item-alignment-fix = Kirim email ke alamat Gmail atau Outlook.com lalu baca header Authentication-Results-nya: dmarc=pass berarti selaras. Kartu { $checks } menjelaskan mode keselarasan.
provider-item-tls = Email dikirim lewat TLS
provider-item-tls-why = Gmail mewajibkan koneksi TLS untuk pengiriman; apakah server Anda memakai STARTTLS hanya terlihat lewat koneksi SMTP, yang tidak bisa dilakukan cek DNS.
provider-item-tls-fix = Pastikan server Anda menawarkan dan memakai STARTTLS dengan sertifikat yang valid (Postfix: smtp_tls_security_level = may). Di Gmail, "Tampilkan yang asli" menunjukkan TLS pada email yang diterima.
provider-item-spam-rate = Tingkat laporan spam dari pengguna di bawah 0,3%
provider-item-spam-rate-why = Gmail dan Yahoo makin banyak menolak email saat makin banyak pengguna menandainya sebagai spam; jaga di bawah 0,1% dan jangan sampai 0,3%. Angka ini hanya terlihat oleh penyedia.
provider-item-spam-rate-fix = Pantau angkanya di Google Postmaster Tools dan Yahoo Sender Hub, kirim hanya ke orang yang memintanya, dan proses permintaan berhenti langganan dengan cepat.
provider-item-message-format = Email mengikuti RFC 5322
provider-item-message-format-why = Header yang rusak (tanpa Date atau Message-ID, beberapa alamat From:) membuat penyedia menolak atau memasukkan email ke spam; itu ada di tiap email, bukan di DNS.
provider-item-message-format-fix = Kirim lewat mail server standar, yang menulis header yang valid, dan cek header email terkirim dengan penganalisis pesan.
provider-item-one-click-unsubscribe = Email pemasaran mendukung berhenti langganan sekali klik
provider-item-one-click-unsubscribe-why = Email pemasaran dan langganan dalam jumlah besar wajib membawa List-Unsubscribe: <https://…> dan List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058) serta tautan berhenti langganan yang terlihat. Keduanya header email, jadi DNS tidak bisa menunjukkannya.
provider-item-one-click-unsubscribe-fix = Tambahkan kedua header itu ke email pemasaran (kebanyakan software milis bisa) dan proses permintaan berhenti langganan dalam dua hari.
