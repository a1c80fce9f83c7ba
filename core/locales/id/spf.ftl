# Pengecekan SPF (core/src/spf/): spf.present, spf.single, spf.syntax, spf.lookups,
# spf.void-lookups, spf.all, spf.authorizes-ip, spf.deprecated.
spf-present-label = Record SPF
spf-present-about = Penerima mencari record SPF (record TXT yang diawali "v=spf1") milik domain pengirim untuk tahu server mana saja yang boleh mengirim email atas nama domain itu.
spf-single-label = Satu record SPF
spf-single-about = Satu domain harus punya tepat satu record SPF, dan ukurannya cukup kecil supaya muat dalam satu jawaban DNS.
spf-syntax-label = Sintaks SPF
spf-syntax-about = Setiap term di record, termasuk di semua record yang di-include, harus sesuai RFC 7208; satu kesalahan saja membuat seluruh record tidak valid ("permerror").
spf-lookups-label = Lookup DNS SPF
spf-lookups-about = Penerima berhenti setelah 10 term yang butuh DNS (include, a, mx, ptr, exists, redirect), dihitung di semua record yang di-include. Lewat dari 10, SPF gagal dengan "permerror" untuk semua email.
spf-void-lookups-label = Void lookup SPF
spf-void-lookups-about = Lookup yang tidak menemukan apa-apa (nama tidak ada, atau tidak punya record dengan tipe yang diminta) disebut "void". Lebih dari 2 membuat SPF gagal dengan "permerror".
spf-all-label = Kebijakan "all" SPF
spf-all-about = Term "all" di akhir record menentukan apa yang harus dilakukan penerima terhadap email dari server yang tidak terdaftar di record.
spf-authorizes-ip-label = SPF mengizinkan IP pengirim
spf-authorizes-ip-about = Kami mengevaluasi record persis seperti yang dilakukan penerima (check_host RFC 7208) untuk setiap IP pengirim.
spf-deprecated-label = Fitur SPF yang sudah usang
spf-deprecated-about = Mechanism "ptr", makro "p", dan record DNS bertipe SPF (99) sudah dinyatakan usang oleh RFC 7208.
spf-unknown = Record SPF tidak bisa dibaca: { $reason }

spf-found-record = Record di { $domain }: { $record }
spf-found-include-cost = { $term } memakai { $count } lookup.
spf-found-flattened = Record flatten di bawah masih menyisakan { $count } term yang tidak bisa di-flatten (ptr, exists, atau makro).
spf-found-void = { $domain }: { $term } tidak menemukan apa-apa (void lookup).
spf-found-decided-by = Term penentu: { $term }
spf-found-explanation = Penjelasan dari domain itu sendiri: { $text }
spf-found-string-length = Salah satu string di record panjangnya { $length } oktet; satu string DNS maksimal { $limit }.
spf-found-answer-size = Total record TXT di domain sekitar { $size } oktet; usahakan di bawah { $limit }.
spf-found-ptr = { $domain } memakai { $term }.
spf-found-p-macro = { $domain } memakai makro "p".
spf-found-spf-type = { $domain } masih memasang { $count } record bertipe DNS lama SPF (99).

spf-present-ok = Domain ini punya record SPF.
spf-present-none = Domain ini tidak punya record SPF.
spf-present-none-why = Tanpa SPF, penerima tidak bisa membedakan server Anda dari pemalsu. Gmail dan Yahoo mewajibkan SPF (atau DKIM) lolos, dan email yang tidak terautentikasi ditolak atau masuk spam ("550 5.7.26").
spf-present-none-fix = Pasang satu record TXT di domain yang berisi daftar server pengirim Anda, misalnya record di bawah ini (ganti atau tambahkan IP semua server yang mengirim email Anda).
spf-present-nxdomain = Domain ini tidak ada di DNS, jadi tidak punya record SPF.
spf-present-nxdomain-why = Email dari domain yang tidak ada pasti ditolak di mana-mana.
spf-present-nxdomain-fix = Cek ejaan domainnya; kalau sudah benar, pastikan domain terdaftar dan name server-nya menjawab, lalu pasang record di bawah ini.

spf-single-ok = Tepat satu record SPF.
spf-single-multiple = Domain ini punya lebih dari satu record SPF.
spf-single-multiple-why = Kalau ada dua record "v=spf1" atau lebih, semua penerima menghasilkan "permerror" (RFC 7208 §4.5): SPF gagal untuk semua email Anda, walaupun dikirim dari server yang benar.
spf-single-multiple-fix = Hapus record-record SPF itu di DNS hosting Anda, lalu ganti dengan satu record gabungan di bawah ini.
spf-single-oversize = Record TXT di domain ini terlalu besar untuk satu jawaban DNS.
spf-single-oversize-why = Jawaban di atas 512 oktet butuh TCP atau EDNS; resolver sebagian penerima bisa gagal, sehingga SPF jadi "temperror" atau "permerror" secara acak.
spf-single-oversize-fix = Hapus record TXT yang sudah tidak dipakai (token verifikasi lama), dan perpendek record SPF: buang include yang tidak dipakai, pakai satu term ip4 dengan CIDR daripada banyak alamat.

spf-syntax-ok = Record-nya valid.
spf-syntax-error = Record ini punya { $count } kesalahan sintaks.
spf-syntax-error-why = Penerima tidak menebak-nebak: satu kesalahan di mana pun membuat seluruh record "permerror", jadi SPF gagal untuk semua email Anda (Gmail: "550 5.7.26 … SPF permerror").
spf-syntax-error-fix = Perbaiki setiap term yang tercantum di atas di DNS hosting Anda. Tiap baris menyebutkan term mana yang salah, mulai di karakter ke berapa, dan kenapa.
spf-syntax-included-error = Record yang di-include dari { $domain } punya kesalahan sintaks.
spf-syntax-included-error-why = Include ke record yang rusak membuat record Anda sendiri "permerror" setiap kali penerima sampai ke include itu.
spf-syntax-included-error-fix = Minta pemilik domain itu (biasanya penyedia email Anda) untuk memperbaikinya, atau hapus include-nya kalau Anda sudah tidak memakai layanan itu.
spf-syntax-long-string = Record ini berisi string yang lebih panjang dari 255 oktet.
spf-syntax-long-string-why = Satu string TXT di DNS maksimal 255 oktet; teks yang lebih panjang harus dipecah jadi beberapa string, kalau tidak server DNS akan menolak atau memotongnya.
spf-syntax-long-string-fix = Pasang record-nya sebagai beberapa string dalam tanda kutip, seperti di bawah; penerima menggabungkannya tanpa spasi.
spf-syntax-warning = Record-nya valid, tapi ada term yang tidak berpengaruh apa-apa.
spf-syntax-warning-why = Term setelah "all" tidak pernah dievaluasi, dan "redirect" diabaikan kalau record punya "all": term-term itu tidak bekerja seperti kelihatannya.
spf-syntax-warning-fix = Hapus term yang tercantum di atas, atau pindahkan ke sebelum "all".

spf-syntax-not-spf = { $domain }: "{ $text }" (karakter ke-{ $at }): record harus diawali "v=spf1" lalu spasi.
spf-syntax-non-ascii = { $domain }: karakter ke-{ $at } bukan ASCII biasa (byte { $byte }); record SPF hanya boleh ASCII. Ketik ulang record-nya secara manual; ini sering terjadi karena copy-paste dari pengolah kata.
spf-syntax-control-char = { $domain }: karakter ke-{ $at } adalah karakter kontrol yang tidak kelihatan (byte { $byte }); antar-term hanya boleh dipisah spasi biasa.
spf-syntax-unknown-mechanism = { $domain }: "{ $text }" (karakter ke-{ $at }): "{ $name }" bukan mechanism SPF. Yang valid: all, include, a, mx, ptr, ip4, ip6, dan exists.
spf-syntax-modifier-as-mechanism = { $domain }: "{ $text }" (karakter ke-{ $at }): { $name } adalah modifier dan ditulis dengan "=", contohnya { $name }=example.com.
spf-syntax-missing-value = { $domain }: "{ $text }" (karakter ke-{ $at }): { $mechanism } butuh nilai setelah ":".
spf-syntax-empty-domain = { $domain }: "{ $term }" (karakter ke-{ $at }): domain setelah ":" atau "=" kosong.
spf-syntax-bad-domain-end = { $domain }: "{ $spec }" (karakter ke-{ $at }) bukan domain yang valid: harus diakhiri label top-level asli seperti ".com" (alamat IP ditulis di ip4: atau ip6:).
spf-syntax-unexpected-argument = { $domain }: "{ $text }" (karakter ke-{ $at }): { $mechanism } tidak menerima "{ $argument }".
spf-syntax-bad-cidr = { $domain }: "{ $text }" (karakter ke-{ $at }): panjang prefix "{ $length }" harus angka 0 sampai { $max } tanpa nol di depan.
spf-syntax-bad-ip4 = { $domain }: "{ $text }" (karakter ke-{ $at }) bukan alamat IPv4 (empat angka 0–255; pakai /n untuk rentang, bukan port atau bagian yang kurang).
spf-syntax-bad-ip6 = { $domain }: "{ $text }" (karakter ke-{ $at }) bukan alamat IPv6.
spf-syntax-bad-macro = { $domain }: "{ $text }" (karakter ke-{ $at }) bukan makro yang valid.
spf-syntax-duplicate-modifier = { $domain }: "{ $text }" (karakter ke-{ $at }): { $name } hanya boleh muncul sekali.
spf-syntax-bad-modifier-name = { $domain }: "{ $text }" (karakter ke-{ $at }): "{ $name }" bukan nama modifier yang valid (harus diawali huruf).
spf-syntax-after-all = { $domain }: "{ $term }" (karakter ke-{ $at }) ada setelah "all" dan tidak pernah dievaluasi.
spf-syntax-redirect-ignored = { $domain }: "{ $text }" (karakter ke-{ $at }) diabaikan karena record punya "all".
spf-macro-bad-percent = { $domain }: "{ $text }" (karakter ke-{ $at }): tanda "%" harus diikuti kurung kurawal buka (makro), atau %, _ atau -; tulis %% untuk tanda persen biasa.
spf-macro-unterminated = { $domain }: "{ $text }" (karakter ke-{ $at }): makro ini tidak punya kurung kurawal penutup.
spf-macro-unknown-letter = { $domain }: "{ $text }" (karakter ke-{ $at }): huruf makro tidak dikenal; yang valid: s, l, o, d, i, p, v, dan h.
spf-macro-exp-only-letter = { $domain }: "{ $text }" (karakter ke-{ $at }): huruf c, r, dan t hanya boleh dipakai di teks penjelasan (exp).
spf-macro-bad-transformer = { $domain }: "{ $text }" (karakter ke-{ $at }): setelah huruf hanya boleh angka (bukan 0), "r", dan pemisah . - + , / _ =.

spf-lookups-ok = Record ini butuh { $count } lookup DNS, masih di bawah batas { $limit }.
spf-lookups-over = Record ini butuh { $count } lookup DNS; penerima hanya mengizinkan { $limit }.
spf-lookups-over-why = Lewat dari 10 lookup, penerima berhenti dan menghasilkan "permerror": SPF gagal untuk semua email Anda, dari server mana pun (Microsoft: "If you exceed 10 DNS lookups, your SPF check might fail").
spf-lookups-over-fix = Hapus include layanan yang sudah tidak dipakai, ganti "a" dan "mx" dengan alamat ip4/ip6 yang diwakilinya, atau pasang record flatten di bawah. Record flatten menulis langsung alamat-alamat penyedia Anda: tidak memakai lookup, tapi bisa basi kalau penyedia mengganti rentang IP-nya, jadi harus Anda cek secara berkala.
spf-lookups-loop = Record ini meng-include dirinya sendiri, langsung atau lewat record lain.
spf-lookups-loop-why = Include atau redirect yang berputar langsung menghabiskan 10 lookup: SPF jadi "permerror" untuk semua email Anda.
spf-lookups-loop-fix = Hapus include atau redirect yang mengarah balik ke record yang sudah dilewati.
spf-lookups-incomplete = Minimal { $count } lookup; sebagian record yang di-include tidak bisa dibaca, jadi totalnya belum pasti.

spf-void-ok = { $count } void lookup, masih di bawah batas { $limit }.
spf-void-over = Ada { $count } lookup yang tidak menemukan apa-apa; penerima hanya mengizinkan { $limit }.
spf-void-over-why = Penerima berhenti setelah 2 lookup yang tidak menemukan apa-apa dan menghasilkan "permerror", jadi SPF gagal untuk email Anda.
spf-void-over-fix = Hapus term yang tercantum di atas yang mengarah ke nama tanpa record (host lama, include penyedia yang sudah tidak dipakai), atau buat record yang hilang.
spf-void-incomplete = Minimal { $count } void lookup; sebagian record tidak bisa dibaca.

spf-all-fail = Record diakhiri "-all": email dari server yang tidak terdaftar dinyatakan gagal.
spf-all-softfail = Record diakhiri "~all": email dari server yang tidak terdaftar ditandai mencurigakan.
spf-all-neutral = Record diakhiri "?all": tidak menyatakan apa-apa soal server yang tidak terdaftar.
spf-all-neutral-why = "?all" sama sekali tidak melindungi dari pemalsuan; penerima memperlakukan server yang tidak terdaftar seolah-olah tidak ada SPF.
spf-all-neutral-fix = Pakai "~all" (atau "-all" kalau Anda sudah yakin semua server pengirim terdaftar).
spf-all-pass = Record diakhiri "+all": semua server di internet diizinkan.
spf-all-pass-why = "+all" membuat siapa pun bisa mengirim email atas nama domain Anda dan lolos SPF. Spammer justru mencari domain seperti ini, dan penerima menganggap "+all" sebagai tanda spam.
spf-all-pass-fix = Ganti "+all" dengan "~all" (atau "-all" kalau semua server pengirim sudah terdaftar), seperti di bawah.
spf-all-missing = Record ini tidak punya term "all".
spf-all-missing-why = Tanpa "all", email dari server yang tidak terdaftar hasilnya "neutral", sama saja dengan tanpa kebijakan: pemalsu tidak tertahan.
spf-all-missing-fix = Akhiri record dengan "~all" (atau "-all" kalau semua server pengirim sudah terdaftar), seperti di bawah.

spf-ip-pass = { $ip } diizinkan oleh record SPF { $domain } ({ $term }).
spf-ip-fail = { $ip } tidak diizinkan oleh { $domain }: SPF "fail" ({ $term }).
spf-ip-fail-why = Penerima menolak atau memasukkan ke spam email yang gagal SPF; Gmail membalas "550 5.7.26" kalau SPF maupun DKIM tidak ada yang lolos.
spf-ip-fail-fix = Tambahkan alamat server Anda ke record di DNS hosting, seperti di bawah (term baru ditaruh paling depan, sebelum term yang bisa menghentikan evaluasi).
spf-ip-softfail = { $ip } tidak diizinkan oleh { $domain }: SPF "softfail" ({ $term }).
spf-ip-softfail-why = Softfail menandai email sebagai mencurigakan: kebanyakan penerima memasukkannya ke spam, dan Gmail mewajibkan SPF lolos untuk pengirim massal.
spf-ip-softfail-fix = Tambahkan alamat server Anda ke record di DNS hosting, seperti di bawah.
spf-ip-neutral = { $ip } tidak tercantum di record SPF { $domain } (hasilnya "neutral").
spf-ip-neutral-why = "neutral" bukan lolos: penerima yang mewajibkan SPF menganggap email itu tidak terautentikasi.
spf-ip-neutral-fix = Tambahkan alamat server Anda ke record di DNS hosting, seperti di bawah.
spf-ip-none = { $domain } tidak punya record SPF, jadi { $ip } tidak diizinkan.
spf-ip-none-why = Tanpa SPF, penerima menganggap email tidak terautentikasi dan bisa menolaknya ("550 5.7.26").
spf-ip-none-fix = Pasang record SPF yang mencantumkan server Anda, seperti di bawah.
spf-ip-permerror = Record SPF { $domain } rusak, jadi { $ip } tidak bisa lolos ({ $term }).
spf-ip-permerror-why = "permerror" berarti penerima tidak bisa membaca kebijakan Anda; kebanyakan menganggapnya gagal.
spf-ip-permerror-fix = Perbaiki masalah yang tercantum di atas (lihat juga pengecekan sintaks dan lookup); setelah itu tambahkan server Anda kalau belum tercantum.
spf-ip-temperror = Belum bisa dipastikan apakah { $ip } diizinkan: ada lookup DNS yang gagal.
spf-ip-skipped = IP pengirim atau hostname server mail tidak diisi, jadi kami tidak bisa memastikan server Anda diizinkan. Isi IP server Anda untuk mengeceknya.

spf-deprecated-ok = Tidak ada fitur SPF yang usang.
spf-deprecated-ptr = Record ini memakai mechanism "ptr" yang sudah usang.
spf-deprecated-ptr-why = RFC 7208 menyatakan "ptr" SHOULD NOT dipakai: lambat, memakan lookup, dan penerima besar bisa mengabaikannya, sehingga server yang mau dicakup malah tidak diizinkan.
spf-deprecated-ptr-fix = Ganti "ptr" dengan alamat ip4/ip6 (atau "a:hostname") server yang dimaksud.
spf-deprecated-p-macro = Record ini memakai makro "p" yang sudah usang.
spf-deprecated-p-macro-why = RFC 7208 menyatakan makro "p" SHOULD NOT dipakai: butuh reverse lookup tambahan dan nilainya tidak bisa diandalkan.
spf-deprecated-p-macro-fix = Tulis ulang term-nya tanpa makro "p", misalnya dengan term ip4/ip6 atau makro "i".
spf-deprecated-spf-type = Domain ini memasang record DNS bertipe SPF (99) yang sudah usang.
spf-deprecated-spf-type-why = RFC 7208 sudah menghentikan tipe SPF: penerima hanya membaca record TXT. Salinan bertipe 99 diabaikan dan gampang terlupa saat record TXT diubah.
spf-deprecated-spf-type-fix = Hapus record bertipe SPF di DNS hosting Anda dan sisakan record TXT saja.

spf-problem-malformed-domain = "{ $domain }" bukan nama domain yang valid.
spf-problem-no-record = { $domain } tidak punya record SPF.
spf-problem-multiple-records = { $domain } memasang { $count } record SPF.
spf-problem-syntax = Record { $domain } punya kesalahan sintaks.
spf-problem-lookup-limit = { $domain }: "{ $term }" adalah lookup ke-11; penerima berhenti di 10.
spf-problem-void-limit = { $domain }: "{ $term }" adalah lookup ke-3 yang tidak menemukan apa-apa; penerima berhenti di 2.
spf-problem-mx-limit = { $domain } punya { $count } record MX; term "mx" maksimal memakai 10.
spf-problem-include-none = Domain yang di-include, { $domain }, tidak punya record SPF.
spf-problem-redirect-none = Target redirect { $domain } tidak punya record SPF.
spf-problem-dns = Lookup { $name } { $type } gagal: { $reason }
spf-problem-unknown = Evaluasi SPF berhenti karena alasan yang tidak diketahui.
