# SPF checks (core/src/spf/): spf.present, spf.single, spf.syntax, spf.lookups,
# spf.void-lookups, spf.all, spf.authorizes-ip, spf.deprecated.
spf-present-label = SPF record
spf-present-about = Receivers look up the SPF record (a TXT record starting with "v=spf1") of the domain in the envelope sender to learn which servers may send its mail.
spf-single-label = One SPF record
spf-single-about = A domain must publish exactly one SPF record, small enough to fit in one DNS answer.
spf-syntax-label = SPF syntax
spf-syntax-about = Every term of the record, and of every record it includes, must follow RFC 7208; one error anywhere makes the whole record invalid ("permerror").
spf-lookups-label = SPF DNS lookups
spf-lookups-about = Receivers stop after 10 terms that need DNS (include, a, mx, ptr, exists, redirect), counted across every included record. Past 10, SPF fails with "permerror" for everyone.
spf-void-lookups-label = SPF void lookups
spf-void-lookups-about = Lookups that find nothing (a name that does not exist, or has no record of the asked type) are "void". More than 2 make SPF fail with "permerror".
spf-all-label = SPF "all" policy
spf-all-about = The "all" term at the end says what receivers should do with mail from servers the record does not list.
spf-authorizes-ip-label = SPF authorises the sending IP
spf-authorizes-ip-about = We evaluate the record exactly as a receiver does (RFC 7208 check_host) for each sending IP.
spf-deprecated-label = Deprecated SPF features
spf-deprecated-about = The "ptr" mechanism, the "p" macro and DNS records of type SPF (99) are deprecated by RFC 7208.
spf-unknown = The SPF record could not be read: { $reason }

spf-found-record = Record at { $domain }: { $record }
spf-found-include-cost = { $term } costs { $count ->
    [one] { $count } lookup.
   *[other] { $count } lookups.
}
spf-found-flattened = The flattened record below keeps { $count ->
    [one] { $count } term
   *[other] { $count } terms
} that cannot be flattened (ptr, exists or macros).
spf-found-void = { $domain }: { $term } found nothing (void lookup).
spf-found-decided-by = Deciding term: { $term }
spf-found-explanation = The domain's own explanation: { $text }
spf-found-string-length = One string of the record is { $length } octets long; a DNS string holds at most { $limit }.
spf-found-answer-size = The TXT records at the domain total about { $size } octets; keep them under { $limit }.
spf-found-ptr = { $domain } uses { $term }.
spf-found-p-macro = { $domain } uses the "p" macro.
spf-found-spf-type = { $domain } still publishes { $count } record(s) of the old DNS type SPF (99).

spf-present-ok = The domain publishes an SPF record.
spf-present-none = The domain has no SPF record.
spf-present-none-why = Without SPF, receivers cannot tell your server from a forger. Gmail and Yahoo require SPF (or DKIM) to pass and reject or junk unauthenticated mail ("550 5.7.26").
spf-present-none-fix = Publish one TXT record at the domain that lists your sending servers, for example the record below (replace or add the IPs of every server that sends your mail).
spf-present-nxdomain = The domain does not exist in DNS, so it has no SPF record.
spf-present-nxdomain-why = Mail from a domain that does not exist is rejected everywhere.
spf-present-nxdomain-fix = Check the spelling of the domain; if it is right, make sure it is registered and its name servers answer, then publish the record below.

spf-single-ok = Exactly one SPF record.
spf-single-multiple = The domain publishes more than one SPF record.
spf-single-multiple-why = With two or more "v=spf1" records, every receiver returns "permerror" (RFC 7208 §4.5): SPF fails for all your mail, even from the right servers.
spf-single-multiple-fix = Delete the SPF records at your DNS host and publish the single merged record below instead.
spf-single-oversize = The TXT records at the domain are too large for one DNS answer.
spf-single-oversize-why = Answers over 512 octets need TCP or EDNS; some receivers' resolvers then fail, and SPF becomes "temperror" or "permerror" at random.
spf-single-oversize-fix = Remove TXT records you no longer need (old verification tokens), and shorten the SPF record: drop unused includes, use one ip4 term with a CIDR instead of many addresses.

spf-syntax-ok = The record is valid.
spf-syntax-error = The record has { $count ->
    [one] { $count } syntax error.
   *[other] { $count } syntax errors.
}
spf-syntax-error-why = Receivers do not guess: one error anywhere makes the whole record "permerror", so SPF fails for all your mail (Gmail: "550 5.7.26 … SPF permerror").
spf-syntax-error-fix = Correct each term listed above at your DNS host. Each line says which term is wrong, where it starts and why.
spf-syntax-included-error = A record included from { $domain } has syntax errors.
spf-syntax-included-error-why = An include of a broken record makes your own record "permerror" whenever receivers reach it.
spf-syntax-included-error-fix = Ask the owner of that domain (usually your mail provider) to fix it, or remove the include if you no longer use that provider.
spf-syntax-long-string = The record holds a string longer than 255 octets.
spf-syntax-long-string-why = A DNS TXT string holds at most 255 octets; longer text must be split into several strings, or DNS servers reject or truncate it.
spf-syntax-long-string-fix = Publish the record as several quoted strings, as below; receivers join them without spaces.
spf-syntax-warning = The record is valid, but some terms have no effect.
spf-syntax-warning-why = Terms after "all" are never evaluated, and "redirect" is ignored when the record has "all": they do not do what they seem to.
spf-syntax-warning-fix = Remove the terms listed above, or move them before "all".

spf-syntax-not-spf = { $domain }: "{ $text }" (at character { $at }): the record must start with "v=spf1" followed by a space.
spf-syntax-non-ascii = { $domain }: character { $at } is not plain ASCII (byte { $byte }); SPF records are ASCII only. Retype the record by hand; this often comes from copying from a word processor.
spf-syntax-control-char = { $domain }: character { $at } is an invisible control character (byte { $byte }); terms are separated by plain spaces only.
spf-syntax-unknown-mechanism = { $domain }: "{ $text }" (at character { $at }): "{ $name }" is not an SPF mechanism. Valid ones are all, include, a, mx, ptr, ip4, ip6 and exists.
spf-syntax-modifier-as-mechanism = { $domain }: "{ $text }" (at character { $at }): { $name } is a modifier and is written with "=", as in { $name }=example.com.
spf-syntax-missing-value = { $domain }: "{ $text }" (at character { $at }): { $mechanism } needs a value after ":".
spf-syntax-empty-domain = { $domain }: "{ $term }" (at character { $at }): the domain after ":" or "=" is empty.
spf-syntax-bad-domain-end = { $domain }: "{ $spec }" (at character { $at }) is not a valid domain: it must end in a real top-level label such as ".com" (an IP address goes in ip4: or ip6:).
spf-syntax-unexpected-argument = { $domain }: "{ $text }" (at character { $at }): { $mechanism } takes no "{ $argument }".
spf-syntax-bad-cidr = { $domain }: "{ $text }" (at character { $at }): the prefix length "{ $length }" must be a number from 0 to { $max } without leading zeros.
spf-syntax-bad-ip4 = { $domain }: "{ $text }" (at character { $at }) is not an IPv4 address (four numbers 0–255; use /n for a range, not a port or fewer parts).
spf-syntax-bad-ip6 = { $domain }: "{ $text }" (at character { $at }) is not an IPv6 address.
spf-syntax-bad-macro = { $domain }: "{ $text }" (at character { $at }) is not a valid macro.
spf-syntax-duplicate-modifier = { $domain }: "{ $text }" (at character { $at }): { $name } may appear only once.
spf-syntax-bad-modifier-name = { $domain }: "{ $text }" (at character { $at }): "{ $name }" is not a valid modifier name (it must start with a letter).
spf-syntax-after-all = { $domain }: "{ $term }" (at character { $at }) comes after "all" and is never evaluated.
spf-syntax-redirect-ignored = { $domain }: "{ $text }" (at character { $at }) is ignored because the record has "all".
spf-macro-bad-percent = { $domain }: "{ $text }" (at character { $at }): a "%" must be followed by an opening brace (a macro), or by %, _ or -; write %% for a literal percent sign.
spf-macro-unterminated = { $domain }: "{ $text }" (at character { $at }): the macro is missing its closing brace.
spf-macro-unknown-letter = { $domain }: "{ $text }" (at character { $at }): unknown macro letter; valid letters are s, l, o, d, i, p, v and h.
spf-macro-exp-only-letter = { $domain }: "{ $text }" (at character { $at }): the letters c, r and t may only be used in explanation text.
spf-macro-bad-transformer = { $domain }: "{ $text }" (at character { $at }): after the letter only a number (not 0), "r" and delimiters . - + , / _ = are allowed.

spf-lookups-ok = The record needs { $count ->
    [one] { $count } DNS lookup,
   *[other] { $count } DNS lookups,
} within the limit of { $limit }.
spf-lookups-over = The record needs { $count } DNS lookups; receivers allow { $limit }.
spf-lookups-over-why = Past 10 lookups receivers stop and return "permerror": SPF fails for all your mail, from every server (Microsoft: "If you exceed 10 DNS lookups, your SPF check might fail").
spf-lookups-over-fix = Remove includes of services you no longer use, replace "a" and "mx" by the ip4/ip6 addresses they stand for, or publish the flattened record below. A flattened record lists your providers' addresses directly: it costs no lookups, but it goes stale when a provider changes its ranges, so you must check it regularly.
spf-lookups-loop = The record includes itself, directly or through other records.
spf-lookups-loop-why = An include or redirect loop uses up the 10 lookups at once: SPF is "permerror" for all your mail.
spf-lookups-loop-fix = Remove the include or redirect that points back to a record already on the path.
spf-lookups-incomplete = At least { $count ->
    [one] { $count } lookup;
   *[other] { $count } lookups;
} some included records could not be read, so the total is not known.

spf-void-ok = { $count ->
    [one] { $count } void lookup,
   *[other] { $count } void lookups,
} within the limit of { $limit }.
spf-void-over = { $count } lookups find nothing; receivers allow { $limit }.
spf-void-over-why = Receivers stop after 2 lookups that find nothing and return "permerror", so SPF fails for your mail.
spf-void-over-fix = Remove the terms listed above that point at names without records (old hosts, includes of providers you left), or create the missing records.
spf-void-incomplete = At least { $count ->
    [one] { $count } void lookup;
   *[other] { $count } void lookups;
} some records could not be read.

spf-all-fail = The record ends in "-all": mail from unlisted servers fails.
spf-all-softfail = The record ends in "~all": mail from unlisted servers is marked suspicious.
spf-all-neutral = The record ends in "?all": it says nothing about unlisted servers.
spf-all-neutral-why = "?all" gives no protection against forgery; receivers treat unlisted servers as if there were no SPF.
spf-all-neutral-fix = Use "~all" (or "-all" once you are sure every sending server is listed).
spf-all-pass = The record ends in "+all": it authorises every server on the Internet.
spf-all-pass-why = "+all" lets anyone send mail as your domain and pass SPF. Spammers look for such domains, and receivers treat "+all" as a spam signal.
spf-all-pass-fix = Replace "+all" with "~all" (or "-all" once every sending server is listed), as below.
spf-all-missing = The record has no "all" term.
spf-all-missing-why = Without "all", mail from unlisted servers gets "neutral", the same as no policy: forgers are not stopped.
spf-all-missing-fix = End the record with "~all" (or "-all" once every sending server is listed), as below.

spf-ip-pass = { $ip } is authorised by the SPF record of { $domain } ({ $term }).
spf-ip-fail = { $ip } is not authorised by { $domain }: SPF "fail" ({ $term }).
spf-ip-fail-why = Receivers reject or junk mail that fails SPF; Gmail answers "550 5.7.26" when neither SPF nor DKIM passes.
spf-ip-fail-fix = Add your server's address to the record at your DNS host, as below (the new term goes first, before anything that can end the evaluation).
spf-ip-softfail = { $ip } is not authorised by { $domain }: SPF "softfail" ({ $term }).
spf-ip-softfail-why = A softfail marks the mail as suspicious: most receivers send it to spam, and Gmail requires SPF to pass for bulk senders.
spf-ip-softfail-fix = Add your server's address to the record at your DNS host, as below.
spf-ip-neutral = { $ip } is not listed in the SPF record of { $domain } (result "neutral").
spf-ip-neutral-why = "neutral" is not a pass: receivers that require SPF treat the mail as unauthenticated.
spf-ip-neutral-fix = Add your server's address to the record at your DNS host, as below.
spf-ip-none = { $domain } has no SPF record, so { $ip } is not authorised.
spf-ip-none-why = Without SPF, receivers treat the mail as unauthenticated and may reject it ("550 5.7.26").
spf-ip-none-fix = Publish an SPF record that lists your server, as below.
spf-ip-permerror = The SPF record of { $domain } is broken, so { $ip } cannot pass ({ $term }).
spf-ip-permerror-why = "permerror" means receivers cannot read your policy; most treat it as a failure.
spf-ip-permerror-fix = Fix the problem listed above (see also the syntax and lookup checks); then add your server if it is not listed.
spf-ip-temperror = Whether { $ip } is authorised could not be determined: a DNS lookup failed.
spf-ip-skipped = No sending IP or mail hostname was given, so we cannot say whether your server is authorised. Enter your server's IP to check it.

spf-deprecated-ok = No deprecated SPF features.
spf-deprecated-ptr = The record uses the deprecated "ptr" mechanism.
spf-deprecated-ptr-why = RFC 7208 says "ptr" SHOULD NOT be used: it is slow, costs lookups, and large receivers may ignore it, so the servers it is meant to cover are not authorised.
spf-deprecated-ptr-fix = Replace "ptr" by the ip4/ip6 addresses (or "a:hostname") of the servers it was meant to cover.
spf-deprecated-p-macro = The record uses the deprecated "p" macro.
spf-deprecated-p-macro-why = RFC 7208 says the "p" macro SHOULD NOT be used: it needs extra reverse lookups and its value is unreliable.
spf-deprecated-p-macro-fix = Rewrite the term without the "p" macro, for example with ip4/ip6 terms or the "i" macro.
spf-deprecated-spf-type = The domain publishes a DNS record of the obsolete type SPF (99).
spf-deprecated-spf-type-why = RFC 7208 discontinued type SPF: receivers read only the TXT record. A type-99 copy is ignored and easily forgotten when the TXT record changes.
spf-deprecated-spf-type-fix = Delete the record of type SPF at your DNS host and keep only the TXT record.

spf-problem-malformed-domain = "{ $domain }" is not a valid domain name.
spf-problem-no-record = { $domain } has no SPF record.
spf-problem-multiple-records = { $domain } publishes { $count } SPF records.
spf-problem-syntax = The record of { $domain } has syntax errors.
spf-problem-lookup-limit = { $domain }: "{ $term }" is the 11th lookup; receivers stop at 10.
spf-problem-void-limit = { $domain }: "{ $term }" is the 3rd lookup that found nothing; receivers stop at 2.
spf-problem-mx-limit = { $domain } has { $count } MX records; an "mx" term may use at most 10.
spf-problem-include-none = The included domain { $domain } has no SPF record.
spf-problem-redirect-none = The redirect target { $domain } has no SPF record.
spf-problem-dns = The lookup of { $name } { $type } failed: { $reason }
spf-problem-unknown = The SPF evaluation stopped for an unknown reason.
