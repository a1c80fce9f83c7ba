# The DNS facts a run gathers (core/src/facts.rs, FactKind), and their outcomes.
fact-mx = MX records of { $name }
fact-domain-a = IPv4 addresses (A) of { $name }
fact-domain-aaaa = IPv6 addresses (AAAA) of { $name }
fact-domain-txt = TXT records at { $name }
fact-mx-host-a = IPv4 addresses (A) of mail exchanger { $name }
fact-mx-host-aaaa = IPv6 addresses (AAAA) of mail exchanger { $name }
fact-host-a = IPv4 addresses (A) of mail server { $name }
fact-host-aaaa = IPv6 addresses (AAAA) of mail server { $name }
fact-ptr = Reverse DNS (PTR) of { $ip }
fact-ptr-a = IPv4 addresses (A) of { $name }, named by the PTR of { $ip }
fact-ptr-aaaa = IPv6 addresses (AAAA) of { $name }, named by the PTR of { $ip }
fact-nxdomain = The name does not exist (NXDOMAIN).
fact-nodata = The name exists but has no record of this type.
fact-error = Could not be determined: { $reason }
fact-sending-ips-input = Sending IPs: the addresses you entered.
fact-sending-ips-host = Sending IPs: the addresses of the mail server hostname { $host }.
fact-sending-ips-mx = No sending IP or hostname was given, so we assume your MX hosts also send your mail and check their addresses. If mail leaves from another server, enter its IP.
