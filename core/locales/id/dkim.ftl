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
