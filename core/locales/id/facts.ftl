# Fakta DNS yang dikumpulkan satu pengecekan (core/src/facts.rs, FactKind), dan hasilnya.
fact-mx = Record MX untuk { $name }
fact-domain-a = Alamat IPv4 (A) untuk { $name }
fact-domain-aaaa = Alamat IPv6 (AAAA) untuk { $name }
fact-domain-txt = Record TXT di { $name }
fact-mx-host-a = Alamat IPv4 (A) mail exchanger { $name }
fact-mx-host-aaaa = Alamat IPv6 (AAAA) mail exchanger { $name }
fact-host-a = Alamat IPv4 (A) server mail { $name }
fact-host-aaaa = Alamat IPv6 (AAAA) server mail { $name }
fact-ptr = Reverse DNS (PTR) untuk { $ip }
fact-ptr-a = Alamat IPv4 (A) untuk { $name }, nama dari PTR { $ip }
fact-ptr-aaaa = Alamat IPv6 (AAAA) untuk { $name }, nama dari PTR { $ip }
fact-nxdomain = Nama ini tidak ada (NXDOMAIN).
fact-nodata = Nama ini ada, tapi tidak punya record jenis ini.
fact-error = Tidak bisa dipastikan: { $reason }
fact-sending-ips-input = IP pengirim: alamat yang Anda isi.
fact-sending-ips-host = IP pengirim: alamat dari hostname server mail { $host }.
fact-sending-ips-mx = IP pengirim atau hostname tidak diisi, jadi kami anggap host MX Anda juga yang mengirim email dan kami cek alamatnya. Kalau email keluar dari server lain, isi IP-nya.
