# Pengecekan DMARC (core/src/dmarc): dmarc.present, dmarc.syntax, dmarc.policy, dmarc.reporting, dmarc.alignment.
dmarc-present-label = Record DMARC
dmarc-present-about = DMARC memberi tahu penerima apa yang harus dilakukan terhadap email yang mengaku dari domain Anda tapi gagal alignment SPF dan DKIM, dan ke mana laporan dikirim. Gmail, Yahoo dan Microsoft mewajibkannya untuk pengirim massal.
dmarc-syntax-label = Sintaks DMARC
dmarc-syntax-about = Semua tag di record DMARC harus valid; penerima mengabaikan tag yang salah, dan membuang record yang tidak diawali v=DMARC1.
dmarc-policy-label = Kebijakan DMARC
dmarc-policy-about = Kebijakan (p=) menentukan apakah email yang gagal DMARC tetap dikirim (none), dimasukkan ke spam (quarantine) atau ditolak (reject).
dmarc-reporting-label = Laporan DMARC
dmarc-reporting-about = Laporan agregat (rua=) menunjukkan siapa saja yang mengirim email atas nama domain Anda dan apakah lolos; laporan ke domain milik organisasi lain butuh record izin dari domain itu.
dmarc-alignment-label = Alignment DMARC
dmarc-alignment-about = DMARC baru lolos kalau domain SPF atau domain penanda tangan DKIM cocok dengan domain di From ("alignment").
dmarc-found-record = Record yang ditemukan: { $record }
dmarc-found-inherited = { $domain } tidak punya record sendiri; yang berlaku record milik domain organisasinya, { $org } (kebijakan sp=-nya, kalau ada).
dmarc-found-destination = Laporan dikirim ke { $host }, domain milik organisasi lain, yang tidak memasang { $record }.
dmarc-found-authorized = { $host } menerima laporan: { $record } ada.
dmarc-found-lookup-failed = { $record } tidak bisa dicek: { $reason }
dmarc-found-unverified = { $count } tujuan lainnya tidak dicek: record mengirim laporan ke { $total } domain milik organisasi lain, dan paling banyak { $limit } yang dicek.
dmarc-mode-relaxed = relaxed (subdomain dari organisasi yang sama dianggap cocok)
dmarc-mode-strict = strict (domainnya harus persis sama)
dmarc-present-ok = Record DMARC di { $name }: { $record }
dmarc-present-org = { $domain } memakai record DMARC milik { $org }: { $record }
dmarc-present-none = Tidak ada record DMARC di { $name } (juga tidak di domain organisasinya).
dmarc-present-none-why = Gmail dan Yahoo mewajibkan record DMARC bagi yang mengirim 5.000 email atau lebih per hari, dan Microsoft (Outlook.com, Hotmail) menolak email seperti itu tanpa DMARC dengan "550 5.7.515 Access denied, sending domain does not meet the required authentication level". Gmail membalas "550 5.7.26 Unauthenticated email from your domain is not accepted because it has no DMARC record" atau memasukkannya ke spam. Tanpa DMARC siapa pun bisa memalsukan domain Anda di From.
dmarc-present-none-fix = Di DNS hosting Anda, tambahkan record TXT di bawah. Mulai dengan p=none supaya tidak ada yang terblokir sementara laporan (rua=) menunjukkan semua server yang mengirim atas nama domain Anda; setelah semuanya lolos SPF atau DKIM, naikkan ke p=quarantine lalu p=reject.
dmarc-present-multiple = { $name } punya { $count } record DMARC.
dmarc-present-multiple-why = RFC 7489 §6.6.3: kalau ada lebih dari satu record DMARC, penerima tidak menerapkan DMARC sama sekali — domain Anda dianggap tidak punya DMARC (syarat pengirim massal Gmail, Yahoo dan Microsoft jadi tidak terpenuhi).
dmarc-present-multiple-fix = Hapus record TXT di nama ini sampai tinggal satu di DNS hosting Anda, dan gabungkan tag yang diperlukan ke record yang disisakan (di bawah).
dmarc-present-ignored = Record TXT di { $name } terlihat seperti DMARC tapi tidak diawali v=DMARC1, jadi penerima mengabaikannya.
dmarc-present-ignored-why = Penerima hanya membaca record yang diawali persis v=DMARC1; selain itu dibuang dan domain Anda dianggap tidak punya DMARC (Gmail 550 5.7.26, Microsoft 550 5.7.515 untuk pengirim massal).
dmarc-present-ignored-fix = Ganti record di DNS hosting Anda dengan versi yang sudah dibetulkan di bawah: v=DMARC1 paling depan, lalu p=.
dmarc-present-unknown = Record DMARC tidak bisa dicek: { $reason }
dmarc-syntax-ok = Record-nya valid: { $record }
dmarc-syntax-notes = Record-nya valid; tag yang tidak dikenal DMARC diabaikan penerima: { $tags }
dmarc-syntax-errors = Ada { $count } kesalahan di record DMARC, di tag: { $tags }
dmarc-syntax-errors-why = Penerima mengabaikan tag yang nilainya salah dan memakai nilai default-nya (atau membuang seluruh record kalau v=DMARC1 tidak paling depan atau p= tidak ada), jadi kebijakan yang diterapkan bukan yang Anda maksud.
dmarc-syntax-errors-fix = Ganti record di DNS hosting Anda dengan versi yang sudah dibetulkan di bawah, lalu cek lagi. Setiap kesalahan di atas menyebut tag dan nilai yang salah.
dmarc-diag-version-not-first = v=DMARC1 harus jadi tag paling pertama; di sini tidak ({ $value }).
dmarc-diag-bad-version = v= harus DMARC1, bukan "{ $value }".
dmarc-diag-policy-missing = Tag p= (none, quarantine atau reject) tidak ada.
dmarc-diag-bad-policy = { $tag }= harus none, quarantine atau reject, bukan "{ $value }".
dmarc-diag-bad-pct = pct= harus bilangan bulat 0 sampai 100, bukan "{ $value }".
dmarc-diag-bad-alignment = { $tag }= harus r (relaxed) atau s (strict), bukan "{ $value }".
dmarc-diag-bad-fo = fo= harus 0, 1, d atau s (beberapa digabung dengan ":"), bukan "{ $value }".
dmarc-diag-bad-uri = "{ $value }" di { $tag }= bukan alamat mailto: atau https: yang valid (tulis sebagai mailto:nama@domain).
dmarc-diag-bad-testing = t= harus y atau n, bukan "{ $value }".
dmarc-diag-bad-psd = psd= harus y, n atau u, bukan "{ $value }".
dmarc-diag-bad-rf = rf= harus afrf, bukan "{ $value }".
dmarc-diag-bad-ri = ri= harus berupa jumlah detik, bukan "{ $value }".
dmarc-diag-bad-tag = "{ $value }" bukan pasangan tag=nilai.
dmarc-diag-duplicate-tag = Tag { $tag }= muncul lebih dari sekali.
dmarc-diag-unknown-tag = { $tag }= bukan tag DMARC; penerima mengabaikannya (cek apakah salah ketik).
dmarc-diag-mixed-generations = pct= dan t= dipakai bersamaan: penerima yang mengikuti RFC 9989 mengabaikan pct= dan memakai t=.
dmarc-policy-enforced = Kebijakannya p={ $policy }: email yang gagal DMARC tidak masuk inbox.
dmarc-policy-none = Kebijakan untuk { $domain } adalah p=none: email yang memalsukan domain Anda tetap terkirim.
dmarc-policy-none-why = p=none hanya meminta laporan. Ini sudah memenuhi syarat minimum Gmail, Yahoo dan Microsoft untuk pengirim massal, tapi tidak melindungi domain Anda dari pemalsuan, dan sebagian filter lebih percaya pada domain yang sudah enforcement. BIMI (logo merek) butuh quarantine atau reject.
dmarc-policy-none-fix = Pantau laporan agregat beberapa minggu sampai semua server yang mengirim untuk Anda lolos SPF atau DKIM yang align dengan domain Anda. Lalu ganti p=none jadi p=quarantine (di bawah); penerima RFC 7489 juga menghormati pct= untuk menerapkannya ke sebagian email dulu (pct=25, lalu 50, lalu 100). Kalau tidak ada email sah yang masuk karantina, naikkan ke p=reject.
dmarc-policy-missing = Record tidak punya tag p= yang valid, jadi penerima menerapkan none (atau mengabaikan record-nya).
dmarc-policy-missing-why = Tanpa p= yang valid, penerima RFC 7489 menganggap kebijakannya none kalau rua= valid, dan membuang record kalau tidak: domain Anda tidak terlindungi dan bisa dianggap tidak punya DMARC.
dmarc-policy-missing-fix = Taruh p=none tepat setelah v=DMARC1 (record di bawah), lalu naikkan ke quarantine dan reject setelah laporannya bersih.
dmarc-policy-pct = p={ $policy } hanya berlaku untuk { $pct }% email yang gagal (pct={ $pct }).
dmarc-policy-pct-why = Sisa email yang gagal mendapat kebijakan satu tingkat di bawahnya, jadi email palsu masih bisa lolos. RFC 9989 menghapus pct=; penerima yang mengikutinya mengabaikan tag ini.
dmarc-policy-pct-fix = Kalau laporan menunjukkan tidak ada email sah yang gagal, naikkan pct= bertahap lalu hapus tag-nya (record di bawah).
dmarc-policy-testing = t=y (mode uji): penerima menerapkan { $applied }, bukan p={ $policy }.
dmarc-policy-testing-why = Mode uji RFC 9989 menurunkan kebijakan satu tingkat (reject jadi quarantine, quarantine jadi none), jadi domain Anda kurang terlindungi dibanding yang tertulis, dan BIMI tidak menganggapnya enforcement.
dmarc-policy-testing-fix = Kalau laporannya sudah bersih, hapus t=y (record di bawah).
dmarc-reporting-ok = Laporan dikirim ke { $uris }.
dmarc-reporting-none = Record tidak punya alamat rua=: Anda tidak menerima laporan DMARC.
dmarc-reporting-none-why = Tanpa laporan agregat Anda tidak bisa melihat server mana saja yang mengirim atas nama domain Anda dan apakah lolos, jadi tidak aman untuk naik ke quarantine atau reject. Yahoo sangat menyarankan rua= untuk pengirim massal.
dmarc-reporting-none-fix = Tambahkan rua=mailto: dengan mailbox yang sanggup menerima laporan harian dari tiap penerima besar (record di bawah), atau alamat layanan laporan DMARC.
dmarc-reporting-invalid = Alamat laporan ini tidak valid: { $uris }
dmarc-reporting-invalid-why = Penerima melewati alamat yang tidak bisa dibaca, jadi laporannya hilang. Kesalahan yang paling sering: lupa menulis "mailto:".
dmarc-reporting-invalid-fix = Tulis tiap alamat sebagai mailto:nama@domain, dipisahkan koma (record di bawah).
dmarc-reporting-unauthorized = Laporan ke { $hosts } akan dibuang: tujuan tidak memasang { $records }.
dmarc-reporting-unauthorized-why = RFC 7489 §7.1: kalau laporan dikirim ke domain organisasi lain, penerima lebih dulu mengecek bahwa domain itu setuju menerimanya, lewat record TXT di sana yang diawali v=DMARC1. Tanpa itu Google, Yahoo, Microsoft dan lainnya tidak mengirim laporan ke sana.
dmarc-reporting-unauthorized-fix = DNS domain tujuan harus memasang record di bawah (wildcard seperti *._report._dmarc juga bisa). Kalau tujuannya layanan laporan, biasanya mereka memasangnya sendiri setelah domain Anda ditambahkan di dashboard-nya; kalau itu domain Anda yang lain, tambahkan di DNS hosting domain tersebut.
dmarc-reporting-unverified = Record mengirim laporan ke { $total } domain milik organisasi lain; { $count } di antaranya tidak dicek, dan penerima hanya wajib mengirim ke dua alamat pertama di rua= dan di ruf=.
dmarc-reporting-unverified-why = RFC 7489 §6.2: penerima boleh membatasi jumlah alamat yang dikirimi laporan, asalkan bisa mengirim ke dua alamat: dua alamat pertama di tiap daftar, sesuai urutan di record. Alamat sesudahnya bisa saja tidak pernah menerima laporan, dan tiap penerima harus mengecek record izin setiap tujuan eksternal (§7.1) sebelum mengirim ke sana. Pengecekan ini hanya mencari record izin untuk sejumlah tujuan, jadi apakah tujuan lainnya menerima laporan tidak diketahui.
dmarc-reporting-unverified-fix = Cukup dua alamat di rua= (dan di ruf=), yang terpenting paling depan (record di bawah). Kalau laporan perlu sampai ke lebih banyak tempat, minta satu mailbox atau layanan laporan meneruskannya.
dmarc-reporting-unknown = Tidak bisa dicek apakah tujuan laporan menerima laporan: { $reason }
dmarc-alignment-info = Mode alignment: DKIM { $adkim }, SPF { $aspf }. DMARC lolos kalau domain SPF atau DKIM yang align cocok dengan { $domain }.
dmarc-alignment-info-why = SPF baru dihitung DMARC kalau domain envelope sender (Return-Path) cocok dengan domain di From, dan DKIM hanya kalau domain d= di signature cocok. Gmail mewajibkan alignment ini untuk pengirim massal; tanpa contoh email kami tidak bisa melihat domain mana yang dipakai server Anda.
dmarc-alignment-info-fix = Atur server Anda supaya memakai envelope sender di domain Anda sendiri dan menandatangani dengan d= domain Anda. Untuk memastikan, kirim email ke Gmail dan cari "dmarc=pass" di Tampilkan yang asli (Show original), atau tempel header email-nya di sini.

# dmarc.alignment dengan pesan yang ditempel.
dmarc-alignment-message-ok = Domain From { $from } selaras (aligned) dengan { $which }.
dmarc-aligned-both = domain penanda tangan DKIM dan envelope sender (SPF)
dmarc-aligned-dkim = domain penanda tangan DKIM
dmarc-aligned-spf = domain envelope sender (SPF)
dmarc-alignment-message-none = Domain penanda tangan DKIM maupun domain envelope sender pesan yang ditempel tidak cocok dengan domain From { $from }: DMARC tidak bisa lolos.
dmarc-alignment-message-none-why = DMARC hanya lolos kalau SPF atau DKIM lolos untuk domain yang selaras dengan domain From. Di sini tidak ada yang selaras, jadi penerima menerapkan kebijakan DMARC Anda ke email ini (quarantine atau reject), dan Gmail mewajibkan keselarasan untuk pengirim massal.
dmarc-alignment-message-none-fix = Tanda tangani dengan d= domain From Anda (atau subdomainnya, dengan adkim relaxed), atau kirim dengan envelope sender (Return-Path) di domain From Anda. Kalau memakai penyedia email, aktifkan DKIM dan return path "custom domain" mereka.
dmarc-found-alignment = From: { $from }; DKIM d=: { $dkim } ({ $adkim }); envelope sender / domain SPF: { $spf } ({ $aspf }).
dmarc-found-receiver = Server penerima ({ $receiver }) mencatat dmarc={ $result } di Authentication-Results.
