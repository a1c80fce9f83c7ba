# Transport and brand extras (core/src/extras.rs): mta-sts, tls-rpt, bimi, dnssec, dane.
mta-sts-label = MTA-STS
mta-sts-about = MTA-STS tells sending servers to deliver to your domain only over verified TLS. It protects mail coming to you; receivers do not require it for mail you send.
tls-rpt-label = TLS reporting (TLS-RPT)
tls-rpt-about = TLS-RPT asks sending servers to report TLS problems when they deliver to your domain, which you need to run MTA-STS or DANE safely.
bimi-label = BIMI (brand logo)
bimi-about = BIMI lets mailbox providers such as Gmail, Yahoo and Apple show your logo next to your messages; it needs DMARC at enforcement.
dnssec-label = DNSSEC
dnssec-about = DNSSEC signs your DNS records so resolvers can detect forged answers; DANE depends on it.
dane-label = DANE for SMTP
dane-about = DANE publishes the TLS certificate of each MX host as a TLSA record, signed with DNSSEC, so sending servers can verify it.
extras-found-record = Record found: { $record }
mta-sts-none = { $domain } publishes no MTA-STS record.
mta-sts-none-why = Optional. Without MTA-STS (or DANE), a sending server that cannot make a verified TLS connection to your MX delivers in plain text or over unverified TLS, so an attacker on the path could read or redirect mail to you. It does not affect whether your own mail is accepted.
mta-sts-none-fix = Publish the policy file at https://mta-sts.yourdomain/.well-known/mta-sts.txt (lines "version: STSv1", "mode: testing", one "mx:" line per MX host, "max_age: 604800") on a host with a valid certificate, then add the TXT record below; change id= every time the policy changes. Start in testing mode with TLS-RPT.
mta-sts-found = MTA-STS record found: { $record }. The policy file at { $url } cannot be checked from the browser.
mta-sts-found-why = The policy file is served by your web server, which usually does not send the CORS headers a browser needs, and this page makes no other requests; so we can confirm the DNS record only, not that the policy file exists, has a valid certificate and lists your MX hosts. A broken policy in enforce mode makes senders refuse to deliver to you.
mta-sts-found-fix = Check the policy where it can be fetched: run "curl -s https://mta-sts.yourdomain/.well-known/mta-sts.txt" and make sure it shows version: STSv1, the mode, every MX host and max_age, with a valid certificate for mta-sts.yourdomain; or use a server-side test such as internet.nl.
mta-sts-multiple = { $name } has { $count } MTA-STS records.
mta-sts-multiple-why = RFC 8461 §3.1: with more than one record, sending servers assume you have no MTA-STS policy at all.
mta-sts-multiple-fix = Delete all but one v=STSv1 record at your DNS host.
mta-sts-invalid = The MTA-STS record is invalid: { $record }
mta-sts-invalid-why = The record needs id= with 1 to 32 letters or digits; with a broken record, sending servers ignore your policy.
mta-sts-invalid-fix = Replace it with a record like the one below, using a new id each time you change the policy file (a date and time works well).
mta-sts-no-host = The MTA-STS record exists, but the policy host { $host } has no address.
mta-sts-no-host-why = Sending servers fetch the policy from that host; if it does not exist they cannot apply MTA-STS, and a cached enforce policy can no longer be renewed.
mta-sts-no-host-fix = Create an A/AAAA (or CNAME) record for the mta-sts host at your DNS host, pointing at a web server with a valid certificate for that name that serves the policy file.
mta-sts-unknown = The MTA-STS record could not be looked up: { $reason }
tls-rpt-none = { $domain } publishes no TLS-RPT record.
tls-rpt-none-why = Optional. Without it you do not learn when other servers fail to deliver to you over TLS — important before enabling MTA-STS enforce mode or DANE.
tls-rpt-none-fix = Add the TXT record below at your DNS host, with a mailbox (or https address) that will receive daily JSON reports.
tls-rpt-ok = TLS reports are sent to { $uris }.
tls-rpt-multiple = { $name } has { $count } TLS-RPT records.
tls-rpt-multiple-why = With more than one v=TLSRPTv1 record, sending servers treat TLS-RPT as not set up and send no reports.
tls-rpt-multiple-fix = Keep one record and list all destinations in its rua=, separated by commas.
tls-rpt-invalid = The TLS-RPT record is invalid: { $record }
tls-rpt-invalid-why = rua= must list mailto: or https: addresses; without a valid one no reports are sent.
tls-rpt-invalid-fix = Replace the record with one like the example below.
tls-rpt-unknown = The TLS-RPT record could not be looked up: { $reason }
bimi-none = { $domain } publishes no BIMI record.
bimi-none-why = Optional. BIMI shows your logo in Gmail, Yahoo, Apple Mail and others; it needs DMARC at quarantine or reject, and Gmail and Apple also need a mark certificate (VMC or CMC).
bimi-none-fix = When DMARC is at enforcement, publish your logo as SVG Tiny PS over https and add default._bimi.yourdomain TXT "v=BIMI1; l=https://…/logo.svg; a=https://…/certificate.pem".
bimi-ok = BIMI record found, with DMARC at enforcement: { $record }
bimi-no-vmc = BIMI record without a mark certificate (a=): { $record }
bimi-no-vmc-why = Yahoo may show a logo without a certificate, but Gmail and Apple Mail show it only with a Verified or Common Mark Certificate (VMC/CMC) in a=.
bimi-no-vmc-fix = If you want the logo in Gmail and Apple Mail, obtain a VMC or CMC from a certificate authority that issues them and add its https URL in a=.
bimi-not-enforced = BIMI is published, but DMARC is not at enforcement ({ $dmarc }), so no logo is shown.
bimi-not-enforced-why = Mailbox providers show BIMI logos only for domains whose DMARC policy is p=quarantine or p=reject, applied to all mail (no pct below 100, no t=y) and not weakened for subdomains (sp=none).
bimi-not-enforced-fix = Move DMARC to p=quarantine or p=reject without pct=, t=y or sp=none (see the DMARC checks), then the BIMI record takes effect.
bimi-multiple = { $name } has { $count } BIMI records.
bimi-multiple-why = With more than one v=BIMI1 record, providers show no logo.
bimi-multiple-fix = Delete all but one BIMI record at your DNS host.
bimi-invalid = The BIMI record is invalid: { $record }
bimi-invalid-why = l= must be an https URL of an SVG Tiny PS logo, and a=, if present, an https URL of the certificate; otherwise providers ignore the record.
bimi-invalid-fix = Correct the record at your DNS host: "v=BIMI1; l=https://…/logo.svg; a=https://…/certificate.pem".
bimi-unknown = The BIMI or DMARC record could not be looked up: { $reason }
dnssec-validated = The resolver validated { $domain }'s answers with DNSSEC.
dnssec-validated-why = Your zone is signed and validates, so resolvers that check DNSSEC can detect forged answers, and DANE can be used.
dnssec-validated-fix = Nothing to do. Keep the DS record at your registrar in step when you change DNS host or rotate keys, or the domain stops resolving for validating resolvers.
dnssec-not-validated = { $domain }'s answers are not DNSSEC-validated: the zone is not signed, or this resolver did not validate it.
dnssec-not-validated-why = Optional for delivery: receivers do not require DNSSEC. Without it, forged DNS answers for your domain cannot be detected, and DANE cannot be used.
dnssec-not-validated-fix = If your DNS host supports DNSSEC, enable signing there, then add the DS record it gives you at your registrar.
dnssec-unknown = Whether the domain is DNSSEC-signed could not be checked: { $reason }
dane-found = { $host } publishes { $count ->
    [one] { $count } TLSA record,
   *[other] { $count } TLSA records,
} validated with DNSSEC.
dane-found-why = Sending servers that support DANE (Postfix, Exim, Microsoft's Exchange Online) verify your certificate against these records. If you renew the certificate with a new key without updating TLSA first, they stop delivering to you.
dane-found-fix = Before every certificate or key change, publish the new TLSA record next to the old one, wait for the TTL, then switch. Let's Encrypt users often pin the intermediate (2 1 1) or keep the same key when renewing.
dane-unsigned = { $host } publishes { $count ->
    [one] { $count } TLSA record,
   *[other] { $count } TLSA records,
} but they are not DNSSEC-validated, so sending servers ignore them.
dane-unsigned-why = RFC 7672 uses TLSA records only when DNSSEC proves them authentic; unsigned TLSA records give no protection.
dane-unsigned-fix = Enable DNSSEC for the zone of this MX host (at its DNS host, with the DS record at the registrar), or remove the TLSA records.
dane-none = { $host } publishes no TLSA record (no DANE).
dane-none-why = Optional. DANE lets sending servers verify your MX certificate without trusting certificate authorities; it requires DNSSEC.
dane-none-fix = If the MX host's zone is DNSSEC-signed, publish _25._tcp.MXHOST TLSA records for its certificate (for example "3 1 1" with the SHA-256 of the public key), and keep them in step with certificate renewals.
dane-no-mx = { $domain } has no MX host to check for DANE.
dane-no-mx-why = DANE is published per MX host; without MX records there is nothing to check (see the MX checks).
dane-no-mx-fix = Publish MX records first (see the MX checks).
dane-unknown = The DANE (TLSA) records could not be looked up: { $reason }
