# Ekstra transport dan merek (core/src/extras.rs): mta-sts, tls-rpt, bimi, dnssec, dane.
mta-sts-label = MTA-STS
mta-sts-about = MTA-STS memberi tahu server pengirim agar mengirim ke domain Anda hanya lewat TLS yang terverifikasi. Ini melindungi email yang masuk ke Anda; penerima tidak mewajibkannya untuk email yang Anda kirim.
tls-rpt-label = Laporan TLS (TLS-RPT)
tls-rpt-about = TLS-RPT meminta server pengirim melaporkan masalah TLS saat mengirim ke domain Anda; ini perlu supaya MTA-STS atau DANE bisa dijalankan dengan aman.
bimi-label = BIMI (logo merek)
bimi-about = BIMI membuat penyedia mailbox seperti Gmail, Yahoo dan Apple menampilkan logo Anda di samping email; syaratnya DMARC sudah enforcement.
dnssec-label = DNSSEC
dnssec-about = DNSSEC menandatangani record DNS Anda sehingga resolver bisa mendeteksi jawaban palsu; DANE bergantung padanya.
dane-label = DANE untuk SMTP
dane-about = DANE memasang sertifikat TLS tiap host MX sebagai record TLSA yang ditandatangani DNSSEC, supaya server pengirim bisa memverifikasinya.
extras-found-record = Record yang ditemukan: { $record }
mta-sts-none = { $domain } tidak memasang record MTA-STS.
mta-sts-none-why = Opsional. Tanpa MTA-STS (atau DANE), server pengirim yang gagal membuat koneksi TLS terverifikasi ke MX Anda tetap mengirim tanpa enkripsi atau lewat TLS yang tidak terverifikasi, jadi penyerang di jalur bisa membaca atau membelokkan email ke Anda. Ini tidak memengaruhi diterima atau tidaknya email yang Anda kirim.
mta-sts-none-fix = Taruh file kebijakan di https://mta-sts.domainanda/.well-known/mta-sts.txt (baris "version: STSv1", "mode: testing", satu baris "mx:" per host MX, "max_age: 604800") di host dengan sertifikat yang valid, lalu tambahkan record TXT di bawah; ganti id= setiap kali kebijakannya berubah. Mulai dengan mode testing bersama TLS-RPT.
mta-sts-found = Record MTA-STS ditemukan: { $record }. File kebijakan di { $url } tidak bisa dicek dari browser.
mta-sts-found-why = File kebijakan disajikan web server Anda, yang biasanya tidak mengirim header CORS yang dibutuhkan browser, dan halaman ini tidak membuat request lain; jadi kami hanya bisa memastikan record DNS-nya, bukan bahwa file kebijakannya ada, sertifikatnya valid dan semua host MX tercantum. Kebijakan yang rusak dalam mode enforce membuat pengirim menolak mengirim ke Anda.
mta-sts-found-fix = Cek kebijakannya dari tempat yang bisa mengambilnya: jalankan "curl -s https://mta-sts.domainanda/.well-known/mta-sts.txt" dan pastikan ada version: STSv1, mode, semua host MX dan max_age, dengan sertifikat valid untuk mta-sts.domainanda; atau pakai tes sisi server seperti internet.nl.
mta-sts-multiple = { $name } punya { $count } record MTA-STS.
mta-sts-multiple-why = RFC 8461 §3.1: kalau record-nya lebih dari satu, server pengirim menganggap Anda sama sekali tidak punya kebijakan MTA-STS.
mta-sts-multiple-fix = Hapus record v=STSv1 di DNS hosting Anda sampai tinggal satu.
mta-sts-invalid = Record MTA-STS tidak valid: { $record }
mta-sts-invalid-why = Record-nya butuh id= berisi 1 sampai 32 huruf atau angka; kalau rusak, server pengirim mengabaikan kebijakan Anda.
mta-sts-invalid-fix = Ganti dengan record seperti di bawah, pakai id baru setiap kali file kebijakan diubah (tanggal dan jam cocok dipakai).
mta-sts-no-host = Record MTA-STS ada, tapi host kebijakan { $host } tidak punya alamat.
mta-sts-no-host-why = Server pengirim mengambil kebijakan dari host itu; kalau host-nya tidak ada, MTA-STS tidak bisa diterapkan, dan kebijakan enforce yang tersimpan di cache tidak bisa diperbarui.
mta-sts-no-host-fix = Buat record A/AAAA (atau CNAME) untuk host mta-sts di DNS hosting Anda, arahkan ke web server dengan sertifikat valid untuk nama itu yang menyajikan file kebijakan.
mta-sts-unknown = Record MTA-STS tidak bisa dicek: { $reason }
tls-rpt-none = { $domain } tidak memasang record TLS-RPT.
tls-rpt-none-why = Opsional. Tanpa ini Anda tidak tahu kalau server lain gagal mengirim ke Anda lewat TLS — penting sebelum mengaktifkan mode enforce MTA-STS atau DANE.
tls-rpt-none-fix = Tambahkan record TXT di bawah di DNS hosting Anda, dengan mailbox (atau alamat https) yang akan menerima laporan JSON harian.
tls-rpt-ok = Laporan TLS dikirim ke { $uris }.
tls-rpt-multiple = { $name } punya { $count } record TLS-RPT.
tls-rpt-multiple-why = Kalau ada lebih dari satu record v=TLSRPTv1, server pengirim menganggap TLS-RPT belum dipasang dan tidak mengirim laporan.
tls-rpt-multiple-fix = Sisakan satu record dan cantumkan semua tujuan di rua=-nya, dipisahkan koma.
tls-rpt-invalid = Record TLS-RPT tidak valid: { $record }
tls-rpt-invalid-why = rua= harus berisi alamat mailto: atau https:; tanpa alamat yang valid tidak ada laporan yang dikirim.
tls-rpt-invalid-fix = Ganti record-nya dengan yang seperti contoh di bawah.
tls-rpt-unknown = Record TLS-RPT tidak bisa dicek: { $reason }
bimi-none = { $domain } tidak memasang record BIMI.
bimi-none-why = Opsional. BIMI menampilkan logo Anda di Gmail, Yahoo, Apple Mail dan lainnya; syaratnya DMARC di quarantine atau reject, dan Gmail serta Apple juga butuh sertifikat merek (VMC atau CMC).
bimi-none-fix = Setelah DMARC enforcement, taruh logo Anda dalam format SVG Tiny PS lewat https lalu tambahkan default._bimi.domainanda TXT "v=BIMI1; l=https://…/logo.svg; a=https://…/sertifikat.pem".
bimi-ok = Record BIMI ditemukan, dengan DMARC sudah enforcement: { $record }
bimi-no-vmc = Record BIMI tanpa sertifikat merek (a=): { $record }
bimi-no-vmc-why = Yahoo bisa menampilkan logo tanpa sertifikat, tapi Gmail dan Apple Mail hanya menampilkannya kalau ada Verified atau Common Mark Certificate (VMC/CMC) di a=.
bimi-no-vmc-fix = Kalau ingin logo tampil di Gmail dan Apple Mail, ambil VMC atau CMC dari certificate authority yang menerbitkannya lalu cantumkan URL https-nya di a=.
bimi-not-enforced = BIMI sudah dipasang, tapi DMARC belum enforcement ({ $dmarc }), jadi logo tidak ditampilkan.
bimi-not-enforced-why = Penyedia mailbox hanya menampilkan logo BIMI untuk domain dengan kebijakan DMARC p=quarantine atau p=reject, berlaku untuk semua email (tanpa pct di bawah 100, tanpa t=y) dan tidak dilemahkan untuk subdomain (sp=none).
bimi-not-enforced-fix = Naikkan DMARC ke p=quarantine atau p=reject tanpa pct=, t=y atau sp=none (lihat pengecekan DMARC), setelah itu record BIMI berlaku.
bimi-multiple = { $name } punya { $count } record BIMI.
bimi-multiple-why = Kalau ada lebih dari satu record v=BIMI1, penyedia tidak menampilkan logo.
bimi-multiple-fix = Hapus record BIMI di DNS hosting Anda sampai tinggal satu.
bimi-invalid = Record BIMI tidak valid: { $record }
bimi-invalid-why = l= harus URL https ke logo SVG Tiny PS, dan a=, kalau ada, URL https ke sertifikatnya; kalau tidak, penyedia mengabaikan record-nya.
bimi-invalid-fix = Betulkan record di DNS hosting Anda: "v=BIMI1; l=https://…/logo.svg; a=https://…/sertifikat.pem".
bimi-unknown = Record BIMI atau DMARC tidak bisa dicek: { $reason }
dnssec-validated = Resolver memvalidasi jawaban DNS { $domain } dengan DNSSEC.
dnssec-validated-why = Zona Anda sudah ditandatangani dan lolos validasi, jadi resolver yang mengecek DNSSEC bisa mendeteksi jawaban palsu, dan DANE bisa dipakai.
dnssec-validated-fix = Tidak perlu apa-apa. Jaga record DS di registrar tetap sesuai saat pindah DNS hosting atau rotasi kunci, kalau tidak domain Anda tidak bisa di-resolve oleh resolver yang memvalidasi.
dnssec-not-validated = Jawaban DNS { $domain } tidak tervalidasi DNSSEC: zonanya belum ditandatangani, atau resolver ini tidak memvalidasinya.
dnssec-not-validated-why = Opsional untuk pengiriman: penerima tidak mewajibkan DNSSEC. Tanpa DNSSEC, jawaban DNS palsu untuk domain Anda tidak bisa dideteksi, dan DANE tidak bisa dipakai.
dnssec-not-validated-fix = Kalau DNS hosting Anda mendukung DNSSEC, aktifkan signing di sana, lalu tambahkan record DS yang diberikan ke registrar Anda.
dnssec-unknown = Tidak bisa dicek apakah domain ini memakai DNSSEC: { $reason }
dane-found = { $host } memasang { $count } record TLSA, tervalidasi DNSSEC.
dane-found-why = Server pengirim yang mendukung DANE (Postfix, Exim, Exchange Online milik Microsoft) memverifikasi sertifikat Anda dengan record ini. Kalau sertifikat diperbarui dengan kunci baru tanpa memperbarui TLSA lebih dulu, mereka berhenti mengirim ke Anda.
dane-found-fix = Sebelum setiap pergantian sertifikat atau kunci, pasang record TLSA baru di samping yang lama, tunggu sampai TTL habis, baru ganti. Pengguna Let's Encrypt biasanya mem-pin intermediate (2 1 1) atau memakai kunci yang sama saat perpanjangan.
dane-unsigned = { $host } memasang { $count } record TLSA, tapi tidak tervalidasi DNSSEC, jadi server pengirim mengabaikannya.
dane-unsigned-why = RFC 7672 hanya memakai record TLSA kalau DNSSEC membuktikan keasliannya; record TLSA tanpa tanda tangan tidak memberi perlindungan.
dane-unsigned-fix = Aktifkan DNSSEC untuk zona host MX ini (di DNS hosting-nya, dengan record DS di registrar), atau hapus record TLSA-nya.
dane-none = { $host } tidak memasang record TLSA (tanpa DANE).
dane-none-why = Opsional. DANE membuat server pengirim bisa memverifikasi sertifikat MX Anda tanpa bergantung pada certificate authority; syaratnya DNSSEC.
dane-none-fix = Kalau zona host MX sudah ditandatangani DNSSEC, pasang record TLSA _25._tcp.HOSTMX untuk sertifikatnya (misalnya "3 1 1" dengan SHA-256 dari public key-nya), dan perbarui setiap kali sertifikat diperpanjang.
dane-no-mx = { $domain } tidak punya host MX untuk dicek DANE-nya.
dane-no-mx-why = DANE dipasang per host MX; tanpa record MX tidak ada yang bisa dicek (lihat pengecekan MX).
dane-no-mx-fix = Pasang record MX lebih dulu (lihat pengecekan MX).
dane-unknown = Record DANE (TLSA) tidak bisa dicek: { $reason }
