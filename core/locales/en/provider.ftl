# Mailbox-provider checklists (core/src/provider/): provider.google, provider.yahoo, provider.microsoft.
provider-google-label = Gmail sender requirements
provider-google-about = Google's rules for everyone who sends to Gmail addresses, and the stricter ones for senders of 5,000 or more messages a day, checked against what DNS shows.
provider-google-why = Since February 2024 Gmail rejects or junks mail that misses these rules: no PTR or a PTR that does not resolve back gives 421 4.7.23 or 550 5.7.25, unauthenticated mail 550 5.7.26. A sender who once reaches 5,000 messages a day to Gmail is held to the bulk rules for good.
provider-yahoo-label = Yahoo Mail sender requirements
provider-yahoo-about = Yahoo's rules for all senders and for bulk senders (Yahoo gives no number), checked against what DNS shows.
provider-yahoo-why = Yahoo Mail defers or rejects mail that misses these rules (errors such as 421 4.7.0 or 553 5.7.1 with a link to its sender pages) and applies the bulk rules to anyone sending in volume.
provider-microsoft-label = Outlook.com sender requirements
provider-microsoft-about = Microsoft's rules for Outlook.com, Hotmail and Live: reverse DNS for everyone, and SPF, DKIM and DMARC for domains that send more than 5,000 messages a day.
provider-microsoft-why = Outlook.com may refuse connections from servers without valid reverse DNS or from dynamic-looking addresses, and since 5 May 2025 rejects mail from high-volume domains that miss SPF, DKIM or DMARC with "550 5.7.515 Access denied, sending domain does not meet the required authentication level".

provider-heading = Provider checklists
provider-decided-by = Decided by:
provider-scope-all = all senders
provider-scope-bulk = bulk senders
provider-state-pass = met
provider-state-warn = met with a risk
provider-state-unknown = could not be decided
provider-state-fail = not met
provider-state-cannot-check = cannot be checked from DNS
provider-found-item = { $item } ({ $scope }): { $state }.
provider-fail = { $provider }: { $count ->
        [one] a requirement for all senders is not met
       *[other] { $count } requirements for all senders are not met
}.
provider-bulk-fail = { $provider }: the rules for all senders are met, but { $count ->
        [one] a requirement for bulk senders is not
       *[other] { $count } requirements for bulk senders are not
}.
provider-warn = { $provider }: met, but { $count ->
        [one] one item carries a risk
       *[other] { $count } items carry a risk
}.
provider-unknown = { $provider }: { $count ->
        [one] one requirement could not be decided
       *[other] { $count } requirements could not be decided
}, so this is not a pass.
provider-pass = { $provider }: every requirement DNS can decide is met; { $unchecked } more cannot be checked from DNS.

provider-item-spf-or-dkim = SPF or DKIM authenticates your domain
provider-item-spf-or-dkim-why = Every sender must authenticate with at least one of them; mail with neither is rejected as unauthenticated (Gmail 550 5.7.26).
provider-item-spf-or-dkim-fix = Make SPF or DKIM pass: fix the failing checks among { $checks } (their cards have the records to publish).
provider-item-spf-and-dkim = Both SPF and DKIM authenticate your domain
provider-item-spf-and-dkim-why = Bulk senders must pass both: an SPF record that authorises the sending IP and a DKIM key of at least 1024 bits.
provider-item-spf-and-dkim-fix = Make both pass: fix the failing checks among { $checks }. If the DKIM key could not be found, enter the selector your server signs with.
provider-item-spf = SPF passes for your domain
provider-item-spf-why = Outlook.com requires high-volume senders' SPF to pass for the sending domain.
provider-item-spf-fix = Fix the failing checks among { $checks }; the SPF cards show the record to publish.
provider-item-dkim = DKIM passes for your domain
provider-item-dkim-why = Outlook.com requires high-volume senders' mail to carry a DKIM signature that verifies with a published key.
provider-item-dkim-fix = Fix the failing checks among { $checks }; if no key was found, enter the selector your server signs with.
provider-item-fcrdns = Each sending IP has a PTR that resolves back to it
provider-item-fcrdns-why = The sending IP needs a PTR record naming a host whose A/AAAA record returns the same IP (forward-confirmed reverse DNS); without it Gmail answers 421 4.7.23 or 550 5.7.25.
provider-item-fcrdns-fix = Fix the failing checks among { $checks }: set the PTR in your VPS or IP provider's panel and the matching A/AAAA record at your DNS host.
provider-item-reverse-dns = Each sending IP has valid, non-dynamic reverse DNS
provider-item-reverse-dns-why = Outlook.com: "Email servers must have valid reverse DNS records" and "connections from dynamic IP space may not be accepted"; a PTR that looks like a pool or provider default reads as dynamic space.
provider-item-reverse-dns-fix = Fix the failing checks among { $checks }: set a PTR such as mail.yourdomain in your VPS or IP provider's panel.
provider-item-dmarc = A valid DMARC record (p=none is enough)
provider-item-dmarc-why = Bulk senders must publish DMARC; the providers accept p=none, but a missing or broken record fails the rule.
provider-item-dmarc-fix = Fix the failing checks among { $checks }; the DMARC cards show the record to publish.
provider-item-alignment = The From domain aligns with SPF or DKIM
provider-item-alignment-why = DMARC passes only when the From: domain matches the domain SPF checked or the DKIM d= domain. Which domains a real message uses is in its headers, not in DNS.
provider-item-alignment-fix = Send a message to a Gmail or Outlook.com address and read its Authentication-Results header: dmarc=pass means aligned. The { $checks } card explains the alignment modes.
provider-item-tls = Mail is sent over TLS
provider-item-tls-why = Gmail requires a TLS connection for sending; whether your server uses STARTTLS shows only on an SMTP connection, which a DNS check cannot make.
provider-item-tls-fix = Make sure your server offers and uses STARTTLS with a valid certificate (Postfix: smtp_tls_security_level = may). In Gmail, "Show original" shows TLS on received mail.
provider-item-spam-rate = User-reported spam rate below 0.3%
provider-item-spam-rate-why = Gmail and Yahoo reject more mail as the rate of messages users mark as spam rises; keep it below 0.1% and never reach 0.3%. Only the provider sees it.
provider-item-spam-rate-fix = Watch the rate in Google Postmaster Tools and Yahoo Sender Hub, send only to people who asked for your mail, and honour unsubscribes quickly.
provider-item-message-format = Messages follow RFC 5322
provider-item-message-format-why = Malformed headers (a missing Date or Message-ID, several From: addresses) make providers reject or junk mail; that is in each message, not in DNS.
provider-item-message-format-fix = Send through a standard mail server, which writes valid headers, and check a sent message's headers with a message analyser.
provider-item-one-click-unsubscribe = Marketing mail supports one-click unsubscribe
provider-item-one-click-unsubscribe-why = Bulk marketing and subscription mail must carry List-Unsubscribe: <https://…> and List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058) and a visible unsubscribe link. These are message headers, so DNS cannot show them.
provider-item-one-click-unsubscribe-fix = Add both headers to marketing mail (most mailing-list software can) and honour unsubscribes within two days.
