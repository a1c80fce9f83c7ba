# DKIM key checks (core/src/dkim): dkim.key, dkim.key-strength, dkim.revoked, dkim.testing.
dkim-key-label = DKIM key
dkim-key-about = Your server signs each message with a private key; receivers fetch the public key from selector._domainkey.yourdomain and check the signature. Gmail, Yahoo and Microsoft require DKIM from bulk senders.
dkim-key-strength-label = DKIM key size
dkim-key-strength-about = RSA keys must have at least 1024 bits (RFC 8301); 2048 bits is what Gmail and Yahoo recommend.
dkim-revoked-label = DKIM key not revoked
dkim-revoked-about = An empty p= means the key was withdrawn: signatures made with it fail.
dkim-testing-label = DKIM test mode
dkim-testing-about = The t=y flag marks a key as being tested; receivers may ignore failing signatures, and some give signed mail less credit.
dkim-found-record = Record at { $name }: { $record }
dkim-found-cname = The selector is delegated by CNAME: { $chain }
dkim-found-tried = Selectors tried ({ $count }): { $selectors }
dkim-found-providers = Providers recognised from your MX or SPF records: { $providers }
dkim-found-lookup-errors = { $count ->
    [one] { $count } lookup failed,
   *[other] { $count } lookups failed,
} so a key may have been missed: { $reason }
dkim-key-ok = A valid DKIM key is published at { $name }.
dkim-key-warnings = The DKIM key at { $name } works but has problems in: { $tags }
dkim-key-warnings-why = Some receivers refuse or distrust such keys: RFC 8301 forbids SHA-1, and a key that is not in the standard SubjectPublicKeyInfo form is rejected by some verifiers, making the signature fail (Gmail then treats the mail as unauthenticated, 550 5.7.26 for bulk senders).
dkim-key-warnings-fix = Publish the corrected record below at your DNS host (for a key in the wrong form, export the public key with "openssl rsa -pubout" and use that), then send a test message and check for dkim=pass.
dkim-key-errors = The DKIM key at { $name } cannot be used by receivers; errors in: { $tags }
dkim-key-errors-why = Receivers cannot verify signatures with a broken key, so your mail counts as unsigned: Gmail rejects unauthenticated bulk mail with 550 5.7.26, Microsoft with 550 5.7.515, and DMARC fails unless SPF aligns.
dkim-key-errors-fix = Copy the public key again from your mail server (OpenDKIM: the .txt file next to the key; rspamd: "rspamadm dkim_keygen"; Mailcow/iRedMail: the admin panel) and publish it at your DNS host as one TXT record: v=DKIM1 first, k=rsa, p= with the base64 key and nothing else inside. Long keys may be split into several quoted strings of at most 255 characters.
dkim-key-revoked = The key record at { $name } is revoked (empty p=).
dkim-key-revoked-why = A revoked key cannot verify any signature. This is normal for a selector you no longer use; it is a problem only if your server still signs with it.
dkim-key-revoked-fix = Check which selector your server signs with (the s= in the DKIM-Signature header of a sent message) and make sure that selector holds a current key.
dkim-key-not-found = No DKIM key at { $name }.
dkim-key-not-found-why = If your server signs with this selector, no receiver can verify the signature, so your mail counts as unsigned: Gmail answers 550 5.7.26 for unauthenticated bulk mail, Microsoft 550 5.7.515, and DMARC fails unless SPF aligns.
dkim-key-not-found-fix = Check the selector's spelling (it is the s= in the DKIM-Signature header of a sent message). Then publish the public key from your mail server as a TXT record at this name at your DNS host, as below, with the full key after p=.
dkim-key-none-found = No DKIM key found for { $domain } under the { $count } common selectors tried. This does not mean DKIM is missing: enter your selector to check it.
dkim-key-none-found-why = DNS cannot list a domain's selectors, so we can only try common names. If your server signs with another selector, its key is there but we cannot see it; if your server does not sign at all, Gmail, Yahoo and Microsoft treat its mail as less trustworthy, and bulk mail without DKIM is rejected (Gmail 550 5.7.26, Microsoft 550 5.7.515).
dkim-key-none-found-fix = Find your selector: open a message you sent, show its headers and look for s= in the DKIM-Signature line; or look in your server's configuration (OpenDKIM KeyTable, rspamd dkim_signing.conf, the Mailcow or iRedMail admin panel). Enter it in the selector field and check again. If there is no DKIM-Signature header, set up DKIM signing on your server first.
dkim-key-unknown = The key at { $name } could not be looked up: { $reason }
dkim-strength-ok = RSA key of { $bits } bits.
dkim-strength-ed25519 = Ed25519 key (RFC 8463). Not every receiver verifies Ed25519 yet, so sign with an RSA key as well.
dkim-strength-1024 = RSA key of { $bits } bits: accepted, but weaker than recommended.
dkim-strength-1024-why = Gmail and Yahoo accept 1024-bit keys but recommend 2048 bits; 1024-bit RSA is within reach of well-funded attackers, and RFC 8301 says signers SHOULD use at least 2048 bits.
dkim-strength-1024-fix = Generate a 2048-bit key on your server under a new selector (for example "opendkim-genkey -b 2048 -s NEWSELECTOR" or "rspamadm dkim_keygen -b 2048"), publish its public key at your DNS host as below, switch the server to the new selector, and remove the old key a few days later.
dkim-strength-weak = RSA key of only { $bits } bits: receivers ignore the signature.
dkim-strength-weak-why = RFC 8301 forbids verifiers from accepting keys under 1024 bits, and Gmail requires at least 1024 bits, so your mail counts as unsigned (Gmail 550 5.7.26 for unauthenticated bulk mail, Microsoft 550 5.7.515).
dkim-strength-weak-fix = Generate a 2048-bit key on your server under a new selector, publish its public key at your DNS host as below, switch the server to it and delete the weak key.
dkim-revoked-ok = The key at { $name } is not revoked.
dkim-revoked-typed = The key at { $name } is revoked (empty p=), and this is the selector you entered.
dkim-revoked-typed-why = Every signature made with this selector fails, so receivers treat the mail as unsigned (Gmail 550 5.7.26 for unauthenticated bulk mail, Microsoft 550 5.7.515), and DMARC fails unless SPF aligns.
dkim-revoked-typed-fix = Make your server sign with a selector that holds a current key, or publish the current public key under this selector at your DNS host.
dkim-revoked-guessed = The key at { $name } is revoked (empty p=); this selector was guessed and may be an old, rotated one.
dkim-revoked-guessed-why = Revoking a retired key is good practice. It matters only if your server still signs with this selector.
dkim-revoked-guessed-fix = Nothing to do unless your sent messages show s= with this selector in their DKIM-Signature header; then publish a current key for it.
dkim-testing-ok = The key at { $name } is not in test mode.
dkim-testing-on = The key at { $name } has t=y (test mode).
dkim-testing-on-why = With t=y receivers may treat failing signatures as if the message were unsigned, and some give less credit to mail from a domain that says its DKIM is only being tested.
dkim-testing-on-fix = Once signing works (dkim=pass in received headers), remove t=y from the record at your DNS host, as below.
dkim-diag-version-not-first = v=DKIM1 must be the first tag when present; here it is not ({ $value }).
dkim-diag-bad-version = v= must be DKIM1, not "{ $value }".
dkim-diag-key-missing = The p= tag with the public key is missing.
dkim-diag-bad-base64 = p= is not valid base64 ({ $value }): often a quote, a space or a line break was copied into the key.
dkim-diag-bad-rsa-key = p= is base64, but not an RSA public key ({ $value }).
dkim-diag-pkcs1-key = p= holds a bare PKCS#1 RSA key instead of the SubjectPublicKeyInfo form RFC 6376 requires; some verifiers reject it.
dkim-diag-bad-ed25519-key = With k=ed25519, p= must be the raw 32-byte key (RFC 8463) ({ $value }).
dkim-diag-unknown-key-type = k={ $value } is not a key type receivers know (rsa or ed25519).
dkim-diag-sha1-only = h={ $value } allows only SHA-1, which RFC 8301 forbids; signatures with rsa-sha256 are then refused.
dkim-diag-unknown-hash = h={ $value } names no hash algorithm receivers know (sha256).
dkim-diag-not-for-email = s={ $value } excludes email, so the key cannot verify mail.
dkim-diag-unknown-flag = t= flag "{ $value }" is unknown and ignored.
dkim-diag-bad-tag = "{ $value }" is not a tag=value pair.
dkim-diag-duplicate-tag = The tag { $tag }= appears more than once; verifiers may reject the record.
dkim-diag-unknown-tag = { $tag }= is not a DKIM key tag; receivers ignore it.

# dkim.signature: the signatures of a pasted message, verified.
dkim-signature-label = DKIM signature
dkim-signature-about = Each DKIM signature of the pasted message, verified with the key published in DNS, as a receiver does.
dkim-sig-pass = The DKIM signature of { $domain } (selector { $selector }) verifies: headers and body are as signed.
dkim-sig-pass-headers = The DKIM header signature of { $domain } (selector { $selector }) verifies with the published key. Only headers were pasted, so the body hash was not checked.
dkim-sig-length = The DKIM signature of { $domain } (selector { $selector }) verifies, but it signs only the first { $length } bytes of the body (l=).
dkim-sig-length-why = Anything added after those bytes is not covered by the signature, so someone can append their own content to your message and it still passes DKIM. Receivers know this: some ignore such signatures or score them lower.
dkim-sig-length-fix = Remove the body length limit from your signing software (in OpenDKIM: do not set BodyLengths; in rspamd: do not set use_length).
dkim-sig-unknown = The DKIM key at { $name } could not be read, so the signature could not be verified: { $reason }
dkim-sig-no-verifier = The key at { $name } was found, but the signature could not be verified in this page: its verification code did not load. Reload the page, or use the inboxable command line.
dkim-sig-no-verifier-why = Whether the signature verifies decides whether receivers credit your domain with this message; this page could not find out.
dkim-sig-no-verifier-fix = Reload the page and paste the message again, or run `inboxable check <domain> --message FILE`, which verifies in the same way.
dkim-sig-found-signature = Signature: d={ $domain } s={ $selector } a={ $algorithm }, signed headers: { $headers }
dkim-sig-found-key = Key at { $name }: { $record }
dkim-sig-found-receiver = The receiver ({ $receiver }) recorded dkim={ $result } for this signature in Authentication-Results.
dkim-sig-found-body-not-checked = Only headers were pasted: the body hash (bh=) was taken as written. Paste the whole message (Show original → Download original) to check the body too.
dkim-sig-found-missing = Required tags missing or empty: { $tags }
dkim-sig-none = The pasted message carries no DKIM signature.
dkim-sig-none-why = Without a signature the message is not DKIM-authenticated: Gmail and Yahoo require SPF or DKIM from every sender and both from bulk senders (Gmail answers 550 5.7.26), and DMARC can then pass only through SPF, which breaks when mail is forwarded.
dkim-sig-none-fix = Turn on DKIM signing in your mail server (OpenDKIM or rspamd with Postfix, or your control panel), with d= your domain, publish the public key at the selector's name, and send a new test message.
dkim-sig-malformed = The DKIM signature of { $domain } (selector { $selector }) cannot be read: a required tag is missing or invalid.
dkim-sig-malformed-why = Receivers treat an unreadable signature as no signature (RFC 6376 §6.1.1: PERMFAIL), so the message counts as unsigned.
dkim-sig-malformed-fix = Check the signing software's configuration and version; a correctly configured signer writes v=, a=, b=, bh=, d=, h= and s=. If you edited the headers by hand, paste them again as they were received.
dkim-sig-no-key = No DKIM key is published at { $name }, so the signature of { $domain } cannot be verified.
dkim-sig-no-key-why = A receiver that finds no key fails the signature (RFC 6376 §6.1.2: PERMFAIL, no key for signature): the message counts as unsigned and DMARC can pass only through SPF.
dkim-sig-no-key-fix = Publish the public key of the signing server as a TXT record at { $name } at your DNS host, with the selector your server uses (s= in the signature).
dkim-sig-revoked = The key at { $name } is revoked (empty p=), so the signature of { $domain } fails.
dkim-sig-revoked-why = An empty p= tells receivers the key has been withdrawn: every signature made with it fails.
dkim-sig-revoked-fix = Your server still signs with a withdrawn selector. Configure it to sign with the current selector, or publish the current public key at { $name }.
dkim-sig-bad-key = The key at { $name } cannot be used to verify the signature of { $domain }.
dkim-sig-bad-key-why = The record is not a usable public key, or its type (k=) does not match the signature's algorithm (a=), so every receiver fails the signature.
dkim-sig-bad-key-fix = Publish the public key exactly as your signing software exported it (v=DKIM1; k=rsa or k=ed25519; p=…), on one TXT record, and check the dkim.key result for this selector.
dkim-sig-sha1 = The signature of { $domain } (selector { $selector }) uses rsa-sha1, which receivers no longer accept.
dkim-sig-sha1-why = RFC 8301 says verifiers MUST NOT consider rsa-sha1 signatures valid; Gmail and others treat such mail as unsigned.
dkim-sig-sha1-fix = Configure your signer to use rsa-sha256 (OpenDKIM: SignatureAlgorithm rsa-sha256).
dkim-sig-weak-key = The key at { $name } is shorter than 1024 bits, so the signature of { $domain } is not accepted.
dkim-sig-weak-key-why = RFC 8301 forbids verifiers to accept RSA keys under 1024 bits; such signatures count as failed.
dkim-sig-weak-key-fix = Generate a 2048-bit key, publish it under a new selector, and switch your signer to that selector.
dkim-sig-expired = The signature of { $domain } (selector { $selector }) has expired (x= is in the past).
dkim-sig-expired-why = After its x= time a signature no longer verifies. A message read days after delivery may show this though it passed when it arrived (see the receiver's Authentication-Results); mail still in transit after x= fails.
dkim-sig-expired-fix = If new mail shows this, lengthen the signature lifetime in your signer (or drop x=) so signatures stay valid for at least a week, and check the server clock.
dkim-sig-body-hash = The body of the message does not match the signature of { $domain } (selector { $selector }): it changed after signing.
dkim-sig-body-hash-why = The signature covers a hash of the body (bh=); receivers fail the signature when the body they received hashes differently. Footers added by a mailing list or antivirus after signing cause this, and so does pasting text that is not the raw message.
dkim-sig-body-hash-fix = Paste the raw message (Show original → Download original, or Copy to clipboard), not the displayed text. If it still fails, make sure nothing changes the message after it is signed (sign last, after footers and disclaimers).
dkim-sig-mismatch = The signature of { $domain } (selector { $selector }) does not verify: the signed headers changed, or the published key is not the one the server signs with.
dkim-sig-mismatch-why = Receivers fail the signature (dkim=fail): the message counts as unsigned, DMARC can pass only through SPF, and Gmail rejects unauthenticated bulk mail (550 5.7.26).
dkim-sig-mismatch-fix = Compare the public key at { $name } with the private key your signer uses (they must be a pair; after a key rotation, publish the new key). If the key is right, something rewrites signed headers (Subject, From…) after signing: sign last.
dkim-sig-auid = The signature's identity (i=) is not within { $domain }, or the key at { $name } forbids subdomains (t=s).
dkim-sig-auid-why = RFC 6376 requires the i= domain to be d= or its subdomain (exactly d= when the key has t=s); otherwise receivers fail the signature.
dkim-sig-auid-fix = Configure the signer so i= is an address in { $domain } (or leave i= out), or remove t=s from the key record.
dkim-sig-unsupported = The signature of { $domain } (selector { $selector }) uses an algorithm, version or canonicalisation receivers do not support.
dkim-sig-unsupported-why = Receivers cannot verify what they do not support, and treat the message as unsigned.
dkim-sig-unsupported-fix = Use v=1, a=rsa-sha256 (or ed25519-sha256 alongside an RSA signature) and c=relaxed/relaxed.
