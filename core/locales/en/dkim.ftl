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
dkim-found-lookup-errors = { $count } lookup(s) failed, so a key may have been missed: { $reason }
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
