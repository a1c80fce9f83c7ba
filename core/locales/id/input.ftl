# Validasi input: satu pesan per kode masalah (core/src/input.rs, InputProblem).
input-field-domain = Domain
input-field-ips = Alamat IP pengirim
input-field-host = Hostname server mail
input-field-selectors = Selector DKIM
input-field-helo = Nama HELO/EHLO
input-empty = Silakan isi domain, misalnya example.com.
input-ip-not-name = Ini alamat IP. Isi nama di sini (misalnya mail.example.com); alamat IP taruh di kolom "Alamat IP pengirim".
input-single-label = Nama domain lengkap punya minimal dua bagian yang dipisah titik, misalnya example.com.
input-label-too-long = Salah satu bagian nama ini panjangnya { $length } karakter; tiap bagian di antara titik maksimal 63.
input-name-too-long = Nama ini panjangnya { $length } karakter; nama domain maksimal 253.
input-empty-label = Ada bagian nama yang kosong (dua titik berturut-turut, atau titik di awal).
input-bad-character = Karakter "{ $character }" tidak boleh ada di nama domain. Pakai huruf, angka, tanda hubung, dan titik.
input-hyphen-edge = Bagian nama domain tidak boleh diawali atau diakhiri tanda hubung.
input-idna = Nama internasional ini tidak bisa diubah ke bentuk ASCII (punycode). Cek lagi ejaannya.
input-numeric-tld = Bagian terakhir nama ini cuma angka; tidak ada domain tingkat atas seperti itu. Apakah ini alamat IP?
input-bad-ip = "{ $value }" bukan alamat IPv4 atau IPv6.
input-too-many = Terlalu banyak isian: maksimal { $limit } yang dicek sekaligus.
