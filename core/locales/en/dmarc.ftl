# DMARC checks (core/src/dmarc): dmarc.present, dmarc.syntax, dmarc.policy, dmarc.reporting, dmarc.alignment.
dmarc-present-label = DMARC record
dmarc-present-about = DMARC tells receivers what to do with mail that claims to be from your domain but fails SPF and DKIM alignment, and where to send reports. Gmail, Yahoo and Microsoft require it from bulk senders.
dmarc-syntax-label = DMARC syntax
dmarc-syntax-about = Every tag of the DMARC record must be valid; receivers ignore a wrong tag, and discard a record that does not start with v=DMARC1.
dmarc-policy-label = DMARC policy
dmarc-policy-about = The policy (p=) says whether receivers deliver (none), junk (quarantine) or refuse (reject) mail that fails DMARC.
dmarc-reporting-label = DMARC reports
dmarc-reporting-about = Aggregate reports (rua=) show who sends mail as your domain and whether it passes; reports to another organisation's domain need that domain's permission record.
dmarc-alignment-label = DMARC alignment
dmarc-alignment-about = DMARC passes only when the SPF domain or the DKIM signing domain matches the From domain ("alignment").
dmarc-found-record = Record found: { $record }
dmarc-found-inherited = { $domain } has no record of its own; the record of its organisational domain { $org } applies (its sp= policy, if any).
dmarc-found-destination = Reports go to { $host }, another organisation's domain, which does not publish { $record }.
dmarc-found-authorized = { $host } accepts the reports: { $record } exists.
dmarc-found-lookup-failed = { $record } could not be looked up: { $reason }
dmarc-found-unverified = { $count ->
    [one] { $count } more destination was
   *[other] { $count } more destinations were
} not checked: the record sends reports to { $total } other organisations' domains, and at most { $limit } are looked up.
dmarc-mode-relaxed = relaxed (subdomains of the same organisation match)
dmarc-mode-strict = strict (the domains must be identical)
dmarc-present-ok = DMARC record at { $name }: { $record }
dmarc-present-org = { $domain } uses the DMARC record of { $org }: { $record }
dmarc-present-none = No DMARC record at { $name } (nor at the organisational domain).
dmarc-present-none-why = Gmail and Yahoo require a DMARC record from anyone sending 5,000 or more messages a day, and Microsoft (Outlook.com, Hotmail) rejects such mail without one with "550 5.7.515 Access denied, sending domain does not meet the required authentication level". Gmail answers "550 5.7.26 Unauthenticated email from your domain is not accepted because it has no DMARC record" or junks the mail. Without DMARC anyone can forge your domain in From.
dmarc-present-none-fix = At your DNS host, add the TXT record below. Start with p=none so nothing is blocked while the reports (rua=) show you every server that sends as your domain; once all of them pass SPF or DKIM, move to p=quarantine and then p=reject.
dmarc-present-multiple = { $name } has { $count } DMARC records.
dmarc-present-multiple-why = RFC 7489 §6.6.3: with more than one DMARC record, receivers apply no DMARC at all — your domain is treated as if it had none (Gmail, Yahoo and Microsoft bulk-sender requirements then fail).
dmarc-present-multiple-fix = Delete all but one of the TXT records at this name at your DNS host, merging the tags you need into the one you keep (below).
dmarc-present-ignored = The TXT record at { $name } looks like DMARC but does not start with v=DMARC1, so receivers ignore it.
dmarc-present-ignored-why = Receivers only read a record that begins with exactly v=DMARC1; anything else is discarded and your domain is treated as having no DMARC (Gmail 550 5.7.26, Microsoft 550 5.7.515 for bulk senders).
dmarc-present-ignored-fix = Replace the record at your DNS host with the corrected one below: v=DMARC1 first, then p=.
dmarc-present-unknown = The DMARC record could not be looked up: { $reason }
dmarc-syntax-ok = The record is valid: { $record }
dmarc-syntax-notes = The record is valid; tags unknown to DMARC are ignored by receivers: { $tags }
dmarc-syntax-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
} in the DMARC record, in: { $tags }
dmarc-syntax-errors-why = Receivers ignore a tag whose value is wrong and use its default instead (or drop the whole record if v=DMARC1 is not first or p= is missing), so the policy they apply is not the one you meant.
dmarc-syntax-errors-fix = Replace the record at your DNS host with the corrected one below, then check it again. Each error above names the tag and the value that is wrong.
dmarc-diag-version-not-first = v=DMARC1 must be the very first tag; here it is not ({ $value }).
dmarc-diag-bad-version = v= must be DMARC1, not "{ $value }".
dmarc-diag-policy-missing = The p= tag (none, quarantine or reject) is missing.
dmarc-diag-bad-policy = { $tag }= must be none, quarantine or reject, not "{ $value }".
dmarc-diag-bad-pct = pct= must be a whole number from 0 to 100, not "{ $value }".
dmarc-diag-bad-alignment = { $tag }= must be r (relaxed) or s (strict), not "{ $value }".
dmarc-diag-bad-fo = fo= must be 0, 1, d or s (several joined with ":"), not "{ $value }".
dmarc-diag-bad-uri = "{ $value }" in { $tag }= is not a valid mailto: or https: address (write it as mailto:name@domain).
dmarc-diag-bad-testing = t= must be y or n, not "{ $value }".
dmarc-diag-bad-psd = psd= must be y, n or u, not "{ $value }".
dmarc-diag-bad-rf = rf= must be afrf, not "{ $value }".
dmarc-diag-bad-ri = ri= must be a number of seconds, not "{ $value }".
dmarc-diag-bad-tag = "{ $value }" is not a tag=value pair.
dmarc-diag-duplicate-tag = The tag { $tag }= appears more than once.
dmarc-diag-unknown-tag = { $tag }= is not a DMARC tag; receivers ignore it (check for a typo).
dmarc-diag-mixed-generations = pct= and t= together: receivers following RFC 9989 ignore pct= and use t=.
dmarc-policy-enforced = The policy is p={ $policy }: mail failing DMARC is not delivered to the inbox.
dmarc-policy-none = The policy for { $domain } is p=none: mail that forges your domain is still delivered.
dmarc-policy-none-why = p=none only asks for reports. It meets the Gmail, Yahoo and Microsoft minimum for bulk senders, but it does not protect your domain from spoofing, and some filters trust a domain at enforcement more. BIMI (brand logos) needs quarantine or reject.
dmarc-policy-none-fix = Read the aggregate reports for a few weeks until every server that sends for you passes SPF or DKIM aligned with your domain. Then change p=none to p=quarantine (below); RFC 7489 receivers also honour pct= to apply it to a share of the mail first (pct=25, then 50, then 100). When nothing legitimate is quarantined, move to p=reject.
dmarc-policy-missing = The record has no valid p= tag, so receivers apply none (or ignore the record).
dmarc-policy-missing-why = Without a valid p=, RFC 7489 receivers treat the policy as none when rua= is valid, and discard the record otherwise: your domain gets no protection and may count as having no DMARC.
dmarc-policy-missing-fix = Put p=none right after v=DMARC1 (record below), then move to quarantine and reject once the reports look clean.
dmarc-policy-pct = p={ $policy } applies only to { $pct }% of failing mail (pct={ $pct }).
dmarc-policy-pct-why = The rest of the failing mail gets the next weaker policy, so forged mail still gets through. RFC 9989 removed pct=; receivers that follow it ignore the tag.
dmarc-policy-pct-fix = When the reports show no legitimate mail failing, raise pct= step by step and finally remove it (record below).
dmarc-policy-testing = t=y (test mode): receivers apply { $applied } instead of p={ $policy }.
dmarc-policy-testing-why = RFC 9989's test mode lowers the policy one step (reject becomes quarantine, quarantine becomes none), so your domain is less protected than the record suggests, and BIMI does not count it as enforcement.
dmarc-policy-testing-fix = When the reports look clean, remove t=y (record below).
dmarc-reporting-ok = Reports are sent to { $uris }.
dmarc-reporting-none = The record has no rua= address: you receive no DMARC reports.
dmarc-reporting-none-why = Without aggregate reports you cannot see which servers send mail as your domain or whether they pass, so you cannot safely move to quarantine or reject. Yahoo strongly recommends rua= for bulk senders.
dmarc-reporting-none-fix = Add rua=mailto: with a mailbox that can receive a daily report from each big receiver (record below), or the address of a DMARC report service.
dmarc-reporting-invalid = These report addresses are not valid: { $uris }
dmarc-reporting-invalid-why = Receivers skip addresses they cannot read, so those reports are lost. The usual mistake is leaving out "mailto:".
dmarc-reporting-invalid-fix = Write each address as mailto:name@domain, separated by commas (record below).
dmarc-reporting-unauthorized = Reports to { $hosts } will be dropped: the destination does not publish { $records }.
dmarc-reporting-unauthorized-why = RFC 7489 §7.1: when reports go to another organisation's domain, receivers first check that this domain agreed to take them, by looking up a TXT record there that starts with v=DMARC1. Without it Google, Yahoo, Microsoft and others send those reports nowhere.
dmarc-reporting-unauthorized-fix = The destination's DNS must publish the record below (a wildcard such as *._report._dmarc also works). If the destination is a report service, it usually does this when you add your domain in its dashboard; if it is your own other domain, add it at that domain's DNS host.
dmarc-reporting-unverified = The record sends reports to { $total } other organisations' domains; { $count } of them were not checked, and receivers need only send to the first two addresses of rua= and of ruf=.
dmarc-reporting-unverified-why = RFC 7489 §6.2: receivers may limit how many addresses they send reports to, as long as they can send to two: the first two of each list, in the order the record gives. Addresses after those may get no reports at all, and every receiver must look up each external destination's permission record (§7.1) before sending to it. This check looks up a limited number of them, so whether the others accept reports is not known.
dmarc-reporting-unverified-fix = Keep rua= (and ruf=) to two addresses, the most important first (record below). To get the reports in more places, have one mailbox or report service forward them.
dmarc-reporting-unknown = Whether the report destinations accept reports could not be checked: { $reason }
dmarc-alignment-info = Alignment modes: DKIM { $adkim }, SPF { $aspf }. DMARC passes when an aligned SPF or DKIM domain matches { $domain }.
dmarc-alignment-info-why = SPF counts for DMARC only when the envelope sender (Return-Path) domain matches the From domain, and DKIM only when the signature's d= domain matches it. Gmail requires this alignment from bulk senders; without a message we cannot see which domains your server uses.
dmarc-alignment-info-fix = Make your server use an envelope sender in your own domain and sign with d= your domain. To verify, send a message to Gmail and look for "dmarc=pass" in Show original, or paste the message headers here.

# dmarc.alignment with a pasted message.
dmarc-alignment-message-ok = The From domain { $from } is aligned with { $which }.
dmarc-aligned-both = both the DKIM signing domain and the envelope sender (SPF)
dmarc-aligned-dkim = the DKIM signing domain
dmarc-aligned-spf = the envelope sender domain (SPF)
dmarc-alignment-message-none = Neither the DKIM signing domain nor the envelope sender domain of the pasted message matches the From domain { $from }: DMARC cannot pass.
dmarc-alignment-message-none-why = DMARC passes only when SPF or DKIM passes for a domain aligned with the From domain. Here neither is aligned, so receivers apply your DMARC policy to this mail (quarantine or reject), and Gmail requires alignment from bulk senders.
dmarc-alignment-message-none-fix = Sign with d= your From domain (or a subdomain of it, with relaxed adkim), or send with an envelope sender (Return-Path) in your From domain. With a mail provider, set up its "custom domain" DKIM and return path.
dmarc-found-alignment = From: { $from }; DKIM d=: { $dkim } ({ $adkim }); envelope sender / SPF domain: { $spf } ({ $aspf }).
dmarc-found-receiver = The receiver ({ $receiver }) recorded dmarc={ $result } in Authentication-Results.
