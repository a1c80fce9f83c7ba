# MX checks (core/src/mx.rs): mx.present, mx.valid.
mx-present-label = MX records
mx-present-about = Receivers check that your sending domain can receive mail: bounces and replies go to its MX hosts. A domain without working MX records looks like a throw-away sender.
mx-valid-label = MX host
mx-valid-about = Each MX host must be a real host name with IPv4 or IPv6 addresses — not an alias (CNAME) and not an IP address.
mx-found-records = MX records found: { $records }
mx-found-addresses = Addresses: { $addresses }
mx-found-cname = { $host } is an alias (CNAME) for { $target }.
mx-present-ok = { $count ->
    [one] { $count } MX record:
   *[other] { $count } MX records:
} { $records }
mx-present-implicit = { $domain } has no MX record; mail to it goes to the domain's own address (implicit MX).
mx-present-implicit-why = This works, but many receivers and spam filters expect an explicit MX for a domain that sends mail, and the web server that answers at the domain's address usually does not accept mail.
mx-present-implicit-fix = Publish an MX record at your DNS host pointing at your mail server's hostname.
mx-present-none = { $domain } has no MX record and no address, so it cannot receive mail.
mx-present-none-why = Receivers refuse mail from a domain that cannot receive replies or bounces, typically with "Sender address rejected: Domain not found" or "550 5.1.8".
mx-present-none-fix = Publish an MX record at your DNS host pointing at your mail server's hostname, and make sure that hostname has an A (and, if you use IPv6, AAAA) record.
mx-present-nxdomain = The domain { $domain } does not exist in DNS (NXDOMAIN).
mx-present-nxdomain-why = Mail from a domain that does not exist is rejected by every major receiver ("550 5.1.8 Sender address rejected: Domain not found").
mx-present-nxdomain-fix = Check the spelling of the domain. If it is right, make sure it is registered and its name servers answer for it.
mx-present-null = { $domain } publishes a null MX ("0 ."): it declares that it never receives mail.
mx-present-null-why = A null MX tells the world this domain does not accept mail. Receivers may refuse mail sent from it ("550 5.7.27 Sender address has null MX").
mx-present-null-fix = If this domain sends mail, remove the null MX at your DNS host and publish an MX pointing at your mail server.
mx-present-null-mixed = { $domain } publishes a null MX ("0 .") together with other MX records.
mx-present-null-mixed-why = RFC 7505 forbids a null MX next to other MX records; receivers may treat the domain as not accepting mail at all.
mx-present-null-mixed-fix = Remove the "0 ." MX record at your DNS host and keep only the real MX hosts.
mx-present-unknown = The MX records could not be read: { $reason }
mx-valid-ok = { $host } resolves to { $addresses }.
mx-valid-ip-literal = The MX target { $host } is an IP address, not a host name.
mx-valid-ip-literal-why = MX records must name a host; senders that follow RFC 5321 will not deliver to an MX that is an IP address, so replies and bounces to your domain are lost.
mx-valid-ip-literal-fix = Create an A record for a host name such as mail.yourdomain, then point the MX at that name.
mx-valid-cname = The MX host { $host } is an alias (CNAME) for { $target }.
mx-valid-cname-why = RFC 2181 says an MX must not point at an alias. Most servers cope, but some refuse or loop, and strict checkers flag it.
mx-valid-cname-fix = Point the MX directly at the canonical host name ({ $target }), or replace the CNAME with A/AAAA records.
mx-valid-no-address = The MX host { $host } has no IPv4 or IPv6 address.
mx-valid-no-address-why = Mail to your domain cannot be delivered, so replies and bounces are lost, and receivers may refuse your mail as coming from an unreachable domain.
mx-valid-no-address-fix = Add an A record (and AAAA if you use IPv6) for { $host } at your DNS host, pointing at your mail server.
mx-valid-nxdomain = The MX host { $host } does not exist (NXDOMAIN).
mx-valid-nxdomain-why = Mail to your domain cannot be delivered, so replies and bounces are lost, and receivers may refuse your mail.
mx-valid-nxdomain-fix = Create the host { $host } with an A record pointing at your mail server, or point the MX at a host that exists.
mx-valid-unknown = The addresses of { $host } could not be read: { $reason }
