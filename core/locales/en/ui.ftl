# Page and CLI interface text.
ui-title = Inboxable
ui-resolver-invalid = "{ $value }" is not a resolver: use cloudflare, google, public, or an https:// DoH URL.

## The page (frontend/).
ui-document-title = Inboxable — will your mail reach the inbox?
ui-tagline = Mail deliverability checker
ui-heading = Will your server's mail reach the inbox?
ui-intro = Enter your domain and, if you know them, your mail server's IP address and hostname. Every check runs in your browser through DNS-over-HTTPS.
ui-footer-privacy = Your browser asks the DNS resolver you choose directly; this page sends what you check to no server of ours.
ui-lang-label = Language
ui-lang-name = English
ui-optional = (optional)
ui-legend-server = Sending server
ui-hint-server = Recommended: the IP address and hostname of the server that sends your mail. Without them we check your MX hosts instead.
ui-placeholder-domain = example.com
ui-placeholder-ips = 203.0.113.5, 2001:db8::25
ui-placeholder-host = mail.example.com
ui-placeholder-selectors = default, mail
ui-placeholder-helo = mail.example.com
ui-placeholder-resolver-url = https://dns.example.net/dns-query
ui-hint-domain = The domain in your From address. You may paste an email address or a URL.
ui-hint-ips = IPv4 or IPv6, separated by commas or spaces.
ui-hint-host = The name your server's IP should point back to, such as mail.example.com.
ui-hint-selectors = Find it in the DKIM-Signature header of a message you sent (s=…). Leave empty and we try common selectors.
ui-hint-helo = The name your server gives in HELO/EHLO; usually the same as the hostname.
ui-resolver-label = DNS resolver
ui-resolver-this = This server (inboxable-doh)
ui-resolver-public = Cloudflare, then Google
ui-resolver-cloudflare = Cloudflare only
ui-resolver-google = Google only
ui-resolver-custom = Another DoH server…
ui-hint-resolver = Public resolvers answer most questions, but many blocklists refuse them.
ui-hint-resolver-this = The server that sent you this page answers the queries: { $url }
ui-hint-resolver-custom = A DNS-over-HTTPS URL that answers in the JSON format (Google/Cloudflare style), such as your own inboxable-doh.
ui-resolver-url-label = DoH URL
ui-error-resolver-url-empty = Please enter the URL of a DoH server, starting with https://.
ui-error-resolver-url = This is not a DoH URL: it must start with https:// (or http://), for example https://dns.example.net/dns-query.
ui-submit = Check
ui-submit-again = Check again
ui-results-idle = Results appear here after you press Check.
ui-results-for = Results for { $domain }
ui-progress-running = Checking… { $count } DNS queries answered so far.
ui-progress-done = Finished: { $count } DNS queries, { $failed } of them without an answer.
ui-group-domain = Domain
ui-group-mx = Mail exchangers
ui-group-sending = Sending server
ui-group-waiting = Waiting for answers…
ui-group-empty = Nothing to look up here.
ui-badge-records = { $count } found
ui-badge-nxdomain = no such name
ui-badge-nodata = no record
ui-lookup-servfail = the resolver could not get an answer (SERVFAIL).
ui-lookup-refused = the resolver refused the query (REFUSED).
ui-lookup-rcode = the resolver answered with error code { $rcode }.
ui-lookup-timeout = no answer within { $after_ms } ms.
ui-lookup-rate-limited = the resolver is limiting our queries (HTTP 429). Try again in a minute.
ui-lookup-http = the resolver answered with HTTP status { $status }.
ui-lookup-malformed = the resolver's answer could not be read ({ $reason }).
ui-lookup-transport = the request did not reach the resolver ({ $reason }). A network problem, a blocked address or a server that does not allow browser requests (CORS) can cause this.
ui-log-name = Name
ui-log-type = Type
ui-log-resolver = Resolver
ui-log-outcome = Outcome
ui-log-time = Time
ui-log-ms = { $ms } ms
ui-spf-explanation = Explanation (exp=)
ui-spf-lookups = DNS lookups of this evaluation
ui-spf-lookups-total = DNS lookups of the whole record, every branch
ui-spf-void-lookups = Void lookups
ui-spf-decided-by = Decided by
ui-spf-trace = Record tree (term, lookups of the record / of its branch)
ui-dqs-key-invalid = a Spamhaus DQS key is 10 to 63 letters and digits.

## The report on the page: verdict, check cards, combined fix.
ui-results-heading = Results
ui-verdict-pending = Waiting for the first check results…
ui-verdict-running = Checks are still running; this verdict may change.
ui-verdict-title-fail = Your mail is likely to be rejected or sent to spam.
ui-verdict-title-warn = Your mail should be delivered, but some receivers may be suspicious.
ui-verdict-title-unknown = Not finished: some checks could not be determined.
ui-verdict-title-pass = Everything we could check looks right.
ui-verdict-title-info = Only DNS facts so far.
ui-verdict-counts = { $fail } failed · { $warn } warnings · { $unknown } undetermined · { $pass } passed
ui-checks-server = Sending server
ui-checks-domain = Domain authentication
ui-checks-extras = Extras
ui-card-unknown = We could not determine this check. This is neither a pass nor a failure; the reason is below.
ui-card-explain = Details and how to fix
ui-card-found = What we found
ui-card-why = Why it matters
ui-card-fix = How to fix
ui-card-references = References
ui-place-dns-host = Change this at your DNS host.
ui-place-ip-provider = Change this at your VPS/IP provider's panel (reverse DNS), not at your DNS host.
ui-place-mail-server = Change this in your mail server's configuration.
ui-fix-replaces = This replaces the existing record: change it, do not add a second one.
ui-copy = Copy
ui-copied = Copied
ui-copy-failed = Copying failed: select the text and copy it yourself.
ui-copy-record = Copy this record
ui-copy-all = Copy every record
ui-fix-all-heading = Fix everything
ui-fix-all-intro = Every record to publish, from every check that did not pass, in zone-file syntax. Lines starting with ; say where each group goes.
ui-fix-all-at-dns-host = At your DNS host: { $count ->
    [one] { $count } record
   *[other] { $count } records
}
ui-fix-all-at-ip-provider = At your VPS/IP provider's panel (reverse DNS): { $count ->
    [one] { $count } record
   *[other] { $count } records
}
ui-fix-all-at-mail-server = In your mail server's configuration: { $count ->
    [one] { $count } record
   *[other] { $count } records
}
ui-spf-meter = DNS lookups: { $count } / { $limit }
ui-spf-incomplete = Some branches could not be read, so the real total may be higher.
ui-spf-branch = { $own } lookups here, { $total } in this branch
ui-spf-no-record = no SPF record here
ui-spf-via-include = include
ui-spf-via-redirect = redirect
ui-spf-lookup = 1 lookup
ui-spf-void = void lookup
ui-spf-decided = decided the result
ui-bl-listed = Listed ({ $count })
ui-bl-unknown = Could not check ({ $count })
ui-bl-clean = Not listed ({ $count })
ui-bl-skipped = Not applicable ({ $count })
ui-bl-reason-lookup = no answer from the resolver
ui-bl-reason-test-not-listed = this resolver hides the list's answers (its test entry was not listed)
ui-bl-reason-test-listed = the list answers "listed" to everything
ui-bl-reason-error-code = the list refused the query (error code)
ui-bl-reason-unexpected = the answer is not a blocklist answer
ui-bl-reason-ipv4-only = this list checks IPv4 addresses only
ui-loop-name = PTR name
ui-loop-addresses = its addresses
ui-loop-back = back to the IP
ui-loop-broken = does not lead back to the IP
ui-loop-unknown = could not be looked up
ui-loop-error = { $ip } → PTR { $name } → { $rtype }: the lookup got no answer, so the loop could not be checked.
ui-advanced = Advanced
ui-dqs-key-label = Spamhaus DQS key
ui-dqs-key-hint = With a free Spamhaus Data Query Service key, Spamhaus lists answer through any resolver. The key stays in this browser only: it is never put in a link or sent anywhere but to Spamhaus's DNS.

## What a browser cannot check.
ui-cannot-heading = What a browser cannot check
ui-cannot-intro = A web page cannot open a connection to port 25, so these tests need another tool. They matter as much as the DNS checks above.
ui-cannot-banner = SMTP banner
ui-cannot-banner-why = the first line your server sends (220 mail.example.com ESMTP). Its name should match your PTR and HELO name.
ui-cannot-starttls = STARTTLS
ui-cannot-starttls-why = whether your server offers encryption with a valid certificate. Gmail marks unencrypted mail with a red padlock, and MTA-STS requires a valid certificate.
ui-cannot-relay = Open relay
ui-cannot-relay-why = a server that forwards mail for anyone is abused by spammers within hours and lands on every blocklist.
ui-cannot-microsoft = Microsoft's own blocks
ui-cannot-microsoft-link = Microsoft sender support
ui-cannot-tools = Tools that can test port 25
ui-cannot-checktls = tests STARTTLS and the certificate of your MX.
ui-cannot-mxtoolbox = tests the banner, the response time and open relay.
ui-cannot-commands = Or from any machine whose provider does not block outgoing port 25:
ui-cannot-commands-note = Replace mail.example.com with your mail server and the addresses with your own. Many home and cloud networks block outgoing port 25; run them from another server if they time out.
ui-resolver-note-public = Answered by a public resolver. Several blocklists (Spamhaus, Barracuda and others) refuse queries that come through public resolvers, so they show as "could not check" below — never as clean. A Spamhaus DQS key (Advanced) or your own resolver fixes that.
ui-resolver-note-own = Answered by your own inboxable-doh, resolving by itself from your server's address: blocklists see your server as the asker and give real answers.
ui-resolver-note-this-server = Answered by the inboxable-doh that served this page, in "{ $mode }" mode: it does not resolve by itself, so blocklists answer only what its zones or its upstream resolver give them.
ui-resolver-note-custom = Answered by the DoH resolver you entered. If it is a public resolver, several blocklists refuse its queries and show as "could not check".
ui-resolver-note-self-host = How to run your own resolver on your mail server

# Share and export (the toolbar of a finished report) and snapshot links.
ui-toolbar-label = Share and export
ui-copy-link = Copy link
ui-copy-snapshot = Copy snapshot link
ui-download-json = Download JSON
ui-download-markdown = Download Markdown
ui-print = Print
ui-toolbar-hint = A link never holds your Spamhaus DQS key. A snapshot link carries the results themselves: whoever opens it sees them without any DNS query.
ui-snapshot-banner = Snapshot of a check run on { $date } — results as they were; no DNS query was made to show them.
ui-snapshot-rerun = Re-run now
ui-snapshot-answers-dropped = The answers in the query log were left out to keep this link short; the DNS facts and every check are complete.
ui-snapshot-error-version = This snapshot link was made by a newer version of Inboxable and cannot be shown here.
ui-snapshot-error-damaged = This snapshot link is damaged, perhaps cut short when it was copied. Ask for the link again, or run the check yourself.
