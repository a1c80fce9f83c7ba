# Pengecekan kunci DKIM (core/src/dkim): dkim.key, dkim.key-strength, dkim.revoked, dkim.testing.
dkim-key-label = Kunci DKIM
dkim-key-about = Server Anda menandatangani tiap email dengan private key; penerima mengambil public key dari selector._domainkey.domainanda lalu mengecek tanda tangannya. Gmail, Yahoo dan Microsoft mewajibkan DKIM untuk pengirim massal.
dkim-key-strength-label = Ukuran kunci DKIM
dkim-key-strength-about = Kunci RSA minimal 1024 bit (RFC 8301); Gmail dan Yahoo menyarankan 2048 bit.
dkim-revoked-label = Kunci DKIM tidak dicabut
dkim-revoked-about = p= yang kosong berarti kuncinya sudah ditarik: tanda tangan yang dibuat dengan kunci itu gagal.
dkim-testing-label = Mode uji DKIM
dkim-testing-about = Flag t=y menandai kunci yang sedang diuji; penerima bisa mengabaikan tanda tangan yang gagal, dan sebagian memberi nilai lebih rendah untuk email bertanda tangan seperti itu.
dkim-found-record = Record di { $name }: { $record }
dkim-found-cname = Selector ini didelegasikan lewat CNAME: { $chain }
dkim-found-tried = Selector yang dicoba ({ $count }): { $selectors }
dkim-found-providers = Penyedia yang dikenali dari record MX atau SPF Anda: { $providers }
dkim-found-lookup-errors = { $count } pencarian gagal, jadi mungkin ada kunci yang terlewat: { $reason }
dkim-key-ok = Kunci DKIM yang valid terpasang di { $name }.
dkim-key-warnings = Kunci DKIM di { $name } bisa dipakai tapi ada masalah di: { $tags }
dkim-key-warnings-why = Sebagian penerima menolak atau tidak memercayai kunci seperti ini: RFC 8301 melarang SHA-1, dan kunci yang tidak berformat SubjectPublicKeyInfo standar ditolak sebagian verifier, sehingga tanda tangannya gagal (Gmail lalu menganggap email tidak terautentikasi, 550 5.7.26 untuk pengirim massal).
dkim-key-warnings-fix = Pasang record yang sudah dibetulkan di bawah di DNS hosting Anda (kalau format kuncinya salah, ekspor public key dengan "openssl rsa -pubout" lalu pakai hasilnya), kemudian kirim email uji dan cek ada dkim=pass.
dkim-key-errors = Kunci DKIM di { $name } tidak bisa dipakai penerima; ada kesalahan di: { $tags }
dkim-key-errors-why = Penerima tidak bisa memverifikasi tanda tangan dengan kunci yang rusak, jadi email Anda dianggap tidak bertanda tangan: Gmail menolak email massal yang tidak terautentikasi dengan 550 5.7.26, Microsoft dengan 550 5.7.515, dan DMARC gagal kecuali SPF align.
dkim-key-errors-fix = Salin ulang public key dari server mail Anda (OpenDKIM: file .txt di sebelah kuncinya; rspamd: "rspamadm dkim_keygen"; Mailcow/iRedMail: panel admin) lalu pasang di DNS hosting sebagai satu record TXT: v=DKIM1 di depan, k=rsa, p= berisi kunci base64 tanpa tambahan apa pun. Kunci yang panjang boleh dipecah jadi beberapa string berkutip, masing-masing maksimal 255 karakter.
dkim-key-revoked = Record kunci di { $name } sudah dicabut (p= kosong).
dkim-key-revoked-why = Kunci yang dicabut tidak bisa memverifikasi tanda tangan apa pun. Ini wajar untuk selector yang sudah tidak dipakai; jadi masalah hanya kalau server Anda masih menandatangani dengan selector ini.
dkim-key-revoked-fix = Cek selector yang dipakai server Anda (s= di header DKIM-Signature pada email terkirim) dan pastikan selector itu berisi kunci yang masih berlaku.
dkim-key-not-found = Tidak ada kunci DKIM di { $name }.
dkim-key-not-found-why = Kalau server Anda menandatangani dengan selector ini, tidak ada penerima yang bisa memverifikasinya, jadi email Anda dianggap tidak bertanda tangan: Gmail membalas 550 5.7.26 untuk email massal yang tidak terautentikasi, Microsoft 550 5.7.515, dan DMARC gagal kecuali SPF align.
dkim-key-not-found-fix = Cek ejaan selector-nya (yaitu s= di header DKIM-Signature email yang Anda kirim). Lalu pasang public key dari server mail Anda sebagai record TXT di nama ini di DNS hosting Anda, seperti di bawah, dengan kunci lengkap setelah p=.
dkim-key-none-found = Tidak ditemukan kunci DKIM untuk { $domain } di { $count } selector umum yang dicoba. Ini bukan berarti DKIM tidak ada: masukkan selector Anda untuk mengeceknya.
dkim-key-none-found-why = DNS tidak bisa menampilkan daftar selector sebuah domain, jadi kami hanya bisa mencoba nama-nama yang umum. Kalau server Anda memakai selector lain, kuncinya ada tapi tidak terlihat oleh kami; kalau server Anda sama sekali tidak menandatangani, Gmail, Yahoo dan Microsoft kurang memercayai email-nya, dan email massal tanpa DKIM ditolak (Gmail 550 5.7.26, Microsoft 550 5.7.515).
dkim-key-none-found-fix = Cari selector Anda: buka email yang pernah Anda kirim, tampilkan header-nya dan cari s= di baris DKIM-Signature; atau lihat di konfigurasi server (KeyTable OpenDKIM, dkim_signing.conf rspamd, panel admin Mailcow atau iRedMail). Isikan di kolom selector lalu cek lagi. Kalau tidak ada header DKIM-Signature, pasang dulu DKIM signing di server Anda.
dkim-key-unknown = Kunci di { $name } tidak bisa dicek: { $reason }
dkim-strength-ok = Kunci RSA { $bits } bit.
dkim-strength-ed25519 = Kunci Ed25519 (RFC 8463). Belum semua penerima memverifikasi Ed25519, jadi tandatangani juga dengan kunci RSA.
dkim-strength-1024 = Kunci RSA { $bits } bit: diterima, tapi lebih lemah dari yang disarankan.
dkim-strength-1024-why = Gmail dan Yahoo menerima kunci 1024 bit tapi menyarankan 2048 bit; RSA 1024 bit sudah bisa dijebol penyerang bermodal besar, dan RFC 8301 menyatakan penanda tangan SEBAIKNYA memakai minimal 2048 bit.
dkim-strength-1024-fix = Buat kunci 2048 bit di server Anda dengan selector baru (misalnya "opendkim-genkey -b 2048 -s SELECTORBARU" atau "rspamadm dkim_keygen -b 2048"), pasang public key-nya di DNS hosting seperti di bawah, pindahkan server ke selector baru, lalu hapus kunci lama beberapa hari kemudian.
dkim-strength-weak = Kunci RSA hanya { $bits } bit: penerima mengabaikan tanda tangannya.
dkim-strength-weak-why = RFC 8301 melarang verifier menerima kunci di bawah 1024 bit, dan Gmail mewajibkan minimal 1024 bit, jadi email Anda dianggap tidak bertanda tangan (Gmail 550 5.7.26 untuk email massal yang tidak terautentikasi, Microsoft 550 5.7.515).
dkim-strength-weak-fix = Buat kunci 2048 bit di server Anda dengan selector baru, pasang public key-nya di DNS hosting seperti di bawah, pindahkan server ke kunci itu dan hapus kunci yang lemah.
dkim-revoked-ok = Kunci di { $name } tidak dicabut.
dkim-revoked-typed = Kunci di { $name } sudah dicabut (p= kosong), padahal ini selector yang Anda masukkan.
dkim-revoked-typed-why = Semua tanda tangan dengan selector ini gagal, jadi penerima menganggap email tidak bertanda tangan (Gmail 550 5.7.26 untuk email massal yang tidak terautentikasi, Microsoft 550 5.7.515), dan DMARC gagal kecuali SPF align.
dkim-revoked-typed-fix = Atur server Anda supaya menandatangani dengan selector yang berisi kunci aktif, atau pasang public key yang sekarang di selector ini di DNS hosting Anda.
dkim-revoked-guessed = Kunci di { $name } sudah dicabut (p= kosong); selector ini hasil tebakan dan mungkin selector lama yang sudah dirotasi.
dkim-revoked-guessed-why = Mencabut kunci yang sudah pensiun itu praktik yang baik. Ini jadi masalah hanya kalau server Anda masih menandatangani dengan selector ini.
dkim-revoked-guessed-fix = Tidak perlu apa-apa, kecuali email terkirim Anda menunjukkan s= dengan selector ini di header DKIM-Signature; kalau begitu, pasang kunci aktif untuk selector itu.
dkim-testing-ok = Kunci di { $name } tidak dalam mode uji.
dkim-testing-on = Kunci di { $name } memakai t=y (mode uji).
dkim-testing-on-why = Dengan t=y penerima bisa menganggap tanda tangan yang gagal seolah email tidak bertanda tangan, dan sebagian memberi nilai lebih rendah untuk domain yang menyatakan DKIM-nya masih diuji.
dkim-testing-on-fix = Setelah signing berjalan (dkim=pass di header email yang diterima), hapus t=y dari record di DNS hosting Anda, seperti di bawah.
dkim-diag-version-not-first = Kalau ada, v=DKIM1 harus jadi tag pertama; di sini tidak ({ $value }).
dkim-diag-bad-version = v= harus DKIM1, bukan "{ $value }".
dkim-diag-key-missing = Tag p= yang berisi public key tidak ada.
dkim-diag-bad-base64 = p= bukan base64 yang valid ({ $value }): biasanya ada tanda kutip, spasi atau baris baru yang ikut tersalin ke kunci.
dkim-diag-bad-rsa-key = p= memang base64, tapi bukan public key RSA ({ $value }).
dkim-diag-pkcs1-key = p= berisi kunci RSA PKCS#1 polos, bukan format SubjectPublicKeyInfo yang diwajibkan RFC 6376; sebagian verifier menolaknya.
dkim-diag-bad-ed25519-key = Dengan k=ed25519, p= harus berisi kunci mentah 32 byte (RFC 8463) ({ $value }).
dkim-diag-unknown-key-type = k={ $value } bukan jenis kunci yang dikenal penerima (rsa atau ed25519).
dkim-diag-sha1-only = h={ $value } hanya mengizinkan SHA-1, yang dilarang RFC 8301; tanda tangan rsa-sha256 jadi ditolak.
dkim-diag-unknown-hash = h={ $value } tidak menyebut algoritma hash yang dikenal penerima (sha256).
dkim-diag-not-for-email = s={ $value } tidak mencakup email, jadi kuncinya tidak bisa memverifikasi email.
dkim-diag-unknown-flag = Flag t= "{ $value }" tidak dikenal dan diabaikan.
dkim-diag-bad-tag = "{ $value }" bukan pasangan tag=nilai.
dkim-diag-duplicate-tag = Tag { $tag }= muncul lebih dari sekali; verifier bisa menolak record-nya.
dkim-diag-unknown-tag = { $tag }= bukan tag kunci DKIM; penerima mengabaikannya.

# dkim.signature: tanda tangan pesan yang ditempel, diverifikasi.
dkim-signature-label = Tanda tangan DKIM
dkim-signature-about = Setiap tanda tangan DKIM di pesan yang ditempel, diverifikasi dengan kunci yang dipublikasikan di DNS, seperti yang dilakukan server penerima.
dkim-sig-pass = Tanda tangan DKIM { $domain } (selector { $selector }) valid: header dan body sama seperti saat ditandatangani.
dkim-sig-pass-headers = Tanda tangan header DKIM { $domain } (selector { $selector }) valid dengan kunci yang dipublikasikan. Yang ditempel hanya header, jadi hash body tidak dicek.
dkim-sig-length = Tanda tangan DKIM { $domain } (selector { $selector }) valid, tapi hanya menandatangani { $length } byte pertama body (l=).
dkim-sig-length-why = Apa pun yang ditambahkan setelah byte itu tidak tercakup tanda tangan, jadi orang lain bisa menambahkan isi sendiri ke pesan Anda dan tetap lolos DKIM. Penerima tahu ini: sebagian mengabaikan tanda tangan seperti itu atau memberi skor lebih rendah.
dkim-sig-length-fix = Matikan batas panjang body di software penanda tangan (OpenDKIM: jangan set BodyLengths; rspamd: jangan set use_length).
dkim-sig-unknown = Kunci DKIM di { $name } tidak bisa dibaca, jadi tanda tangan tidak bisa diverifikasi: { $reason }
dkim-sig-no-verifier = Kunci di { $name } ditemukan, tetapi tanda tangan tidak bisa diverifikasi di halaman ini: kode verifikasinya gagal dimuat. Muat ulang halaman, atau gunakan baris perintah inboxable.
dkim-sig-no-verifier-why = Apakah tanda tangan terverifikasi menentukan apakah penerima mengakui pesan ini dari domain Anda; halaman ini tidak bisa memastikannya.
dkim-sig-no-verifier-fix = Muat ulang halaman lalu tempel pesan lagi, atau jalankan `inboxable check <domain> --message FILE`, yang memverifikasi dengan cara yang sama.
dkim-sig-found-signature = Tanda tangan: d={ $domain } s={ $selector } a={ $algorithm }, header yang ditandatangani: { $headers }
dkim-sig-found-key = Kunci di { $name }: { $record }
dkim-sig-found-receiver = Server penerima ({ $receiver }) mencatat dkim={ $result } untuk tanda tangan ini di Authentication-Results.
dkim-sig-found-body-not-checked = Yang ditempel hanya header: hash body (bh=) diambil apa adanya. Tempel pesan lengkap (Show original → Download original) supaya body ikut dicek.
dkim-sig-found-missing = Tag wajib yang tidak ada atau kosong: { $tags }
dkim-sig-none = Pesan yang ditempel tidak punya tanda tangan DKIM.
dkim-sig-none-why = Tanpa tanda tangan, pesan tidak terautentikasi DKIM: Gmail dan Yahoo mewajibkan SPF atau DKIM untuk semua pengirim dan keduanya untuk pengirim massal (Gmail membalas 550 5.7.26), dan DMARC hanya bisa lolos lewat SPF, yang gagal saat email diteruskan (forward).
dkim-sig-none-fix = Aktifkan penandatanganan DKIM di server mail (OpenDKIM atau rspamd dengan Postfix, atau lewat control panel), dengan d= domain Anda, publikasikan kunci publik di nama selector-nya, lalu kirim pesan uji yang baru.
dkim-sig-malformed = Tanda tangan DKIM { $domain } (selector { $selector }) tidak bisa dibaca: ada tag wajib yang tidak ada atau tidak valid.
dkim-sig-malformed-why = Penerima menganggap tanda tangan yang tidak terbaca sama dengan tidak ada tanda tangan (RFC 6376 §6.1.1: PERMFAIL), jadi pesan dihitung tidak bertanda tangan.
dkim-sig-malformed-fix = Cek konfigurasi dan versi software penanda tangan; penanda tangan yang benar menulis v=, a=, b=, bh=, d=, h= dan s=. Kalau header diedit manual, tempel lagi persis seperti yang diterima.
dkim-sig-no-key = Tidak ada kunci DKIM di { $name }, jadi tanda tangan { $domain } tidak bisa diverifikasi.
dkim-sig-no-key-why = Penerima yang tidak menemukan kunci menggagalkan tanda tangan (RFC 6376 §6.1.2: PERMFAIL, tidak ada kunci): pesan dihitung tidak bertanda tangan dan DMARC hanya bisa lolos lewat SPF.
dkim-sig-no-key-fix = Publikasikan kunci publik server penanda tangan sebagai record TXT di { $name } di DNS hosting Anda, dengan selector yang dipakai server (s= di tanda tangan).
dkim-sig-revoked = Kunci di { $name } sudah dicabut (p= kosong), jadi tanda tangan { $domain } gagal.
dkim-sig-revoked-why = p= kosong memberi tahu penerima bahwa kunci sudah ditarik: setiap tanda tangan dengan kunci itu gagal.
dkim-sig-revoked-fix = Server Anda masih menandatangani dengan selector yang sudah ditarik. Atur supaya memakai selector yang aktif, atau publikasikan kunci publik yang aktif di { $name }.
dkim-sig-bad-key = Kunci di { $name } tidak bisa dipakai untuk memverifikasi tanda tangan { $domain }.
dkim-sig-bad-key-why = Record itu bukan kunci publik yang bisa dipakai, atau jenisnya (k=) tidak cocok dengan algoritma tanda tangan (a=), jadi semua penerima menggagalkan tanda tangan.
dkim-sig-bad-key-fix = Publikasikan kunci publik persis seperti hasil ekspor software penanda tangan (v=DKIM1; k=rsa atau k=ed25519; p=…), dalam satu record TXT, dan cek hasil dkim.key untuk selector ini.
dkim-sig-sha1 = Tanda tangan { $domain } (selector { $selector }) memakai rsa-sha1, yang sudah tidak diterima penerima.
dkim-sig-sha1-why = RFC 8301 menyatakan verifier TIDAK BOLEH menganggap tanda tangan rsa-sha1 valid; Gmail dan lainnya menganggap email seperti itu tidak bertanda tangan.
dkim-sig-sha1-fix = Atur penanda tangan supaya memakai rsa-sha256 (OpenDKIM: SignatureAlgorithm rsa-sha256).
dkim-sig-weak-key = Kunci di { $name } lebih pendek dari 1024 bit, jadi tanda tangan { $domain } tidak diterima.
dkim-sig-weak-key-why = RFC 8301 melarang verifier menerima kunci RSA di bawah 1024 bit; tanda tangan seperti itu dihitung gagal.
dkim-sig-weak-key-fix = Buat kunci 2048 bit, publikasikan di selector baru, lalu pindahkan penanda tangan ke selector itu.
dkim-sig-expired = Tanda tangan { $domain } (selector { $selector }) sudah kedaluwarsa (x= sudah lewat).
dkim-sig-expired-why = Setelah waktu x=, tanda tangan tidak valid lagi. Pesan yang dibaca beberapa hari setelah diterima bisa menunjukkan ini walaupun dulu lolos saat tiba (lihat Authentication-Results dari penerima); email yang masih dalam perjalanan setelah x= akan gagal.
dkim-sig-expired-fix = Kalau email baru juga begini, perpanjang masa berlaku tanda tangan di penanda tangan (atau hapus x=) supaya tetap valid minimal seminggu, dan cek jam server.
dkim-sig-body-hash = Body pesan tidak cocok dengan tanda tangan { $domain } (selector { $selector }): isinya berubah setelah ditandatangani.
dkim-sig-body-hash-why = Tanda tangan mencakup hash body (bh=); penerima menggagalkan tanda tangan kalau body yang diterima hash-nya berbeda. Penyebabnya footer yang ditambahkan mailing list atau antivirus setelah penandatanganan, atau teks yang ditempel bukan pesan mentah.
dkim-sig-body-hash-fix = Tempel pesan mentah (Show original → Download original, atau Copy to clipboard), bukan teks yang ditampilkan. Kalau masih gagal, pastikan tidak ada yang mengubah pesan setelah ditandatangani (tanda tangani paling akhir, setelah footer dan disclaimer).
dkim-sig-mismatch = Tanda tangan { $domain } (selector { $selector }) tidak valid: header yang ditandatangani berubah, atau kunci yang dipublikasikan bukan kunci yang dipakai server.
dkim-sig-mismatch-why = Penerima menggagalkan tanda tangan (dkim=fail): pesan dihitung tidak bertanda tangan, DMARC hanya bisa lolos lewat SPF, dan Gmail menolak email massal yang tidak terautentikasi (550 5.7.26).
dkim-sig-mismatch-fix = Bandingkan kunci publik di { $name } dengan kunci privat yang dipakai penanda tangan (harus sepasang; setelah ganti kunci, publikasikan kunci baru). Kalau kuncinya benar, ada yang mengubah header yang ditandatangani (Subject, From…) setelah penandatanganan: tanda tangani paling akhir.
dkim-sig-auid = Identitas tanda tangan (i=) tidak berada di dalam { $domain }, atau kunci di { $name } melarang subdomain (t=s).
dkim-sig-auid-why = RFC 6376 mewajibkan domain i= sama dengan d= atau subdomainnya (harus persis d= kalau kunci punya t=s); kalau tidak, penerima menggagalkan tanda tangan.
dkim-sig-auid-fix = Atur penanda tangan supaya i= adalah alamat di { $domain } (atau hapus i=), atau hapus t=s dari record kunci.
dkim-sig-unsupported = Tanda tangan { $domain } (selector { $selector }) memakai algoritma, versi, atau kanonikalisasi yang tidak didukung penerima.
dkim-sig-unsupported-why = Penerima tidak bisa memverifikasi yang tidak mereka dukung, dan menganggap pesan tidak bertanda tangan.
dkim-sig-unsupported-fix = Pakai v=1, a=rsa-sha256 (atau ed25519-sha256 di samping tanda tangan RSA) dan c=relaxed/relaxed.
