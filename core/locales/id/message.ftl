# Pesan yang ditempel: kolom formulir dan keterangan di halaman.
message-field-label = Pesan atau header yang ditempel (opsional)
message-field-help = Di Gmail: ⋮ → Show original → Copy to clipboard; di Outlook: View → View message source. Dengan pesan lengkap, hash body DKIM juga bisa dicek; header saja sudah cukup untuk IP pengirim, HELO, dan tanda tangan header.
message-field-privacy = Pesan tetap di browser Anda: tidak pernah dimasukkan ke link berbagi atau dikirim ke mana pun. Yang keluar dari halaman hanya pertanyaan DNS (misalnya kunci DKIM).
message-summary = Dari pesan yang ditempel: IP pengirim { $ip }, HELO { $helo }, { $signatures } tanda tangan DKIM, domain From { $from }.
message-summary-none = Teks yang ditempel tidak punya header yang bisa dibaca. Tempel sumber pesan, mulai dari baris header pertama.
message-none = (tidak ada)
