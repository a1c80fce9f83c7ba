# The pasted message: the form field and what the page says about it.
message-field-label = Pasted message or headers (optional)
message-field-help = In Gmail: ⋮ → Show original → Copy to clipboard; in Outlook: View → View message source. The whole message lets us check DKIM's body hash too; headers alone are enough for the sending IP, HELO and the header signature.
message-field-privacy = The message stays in your browser: it is never put in the share link or sent anywhere. Only DNS questions (such as the DKIM key) leave the page.
message-summary = From the pasted message: sending IP { $ip }, HELO { $helo }, { $signatures } DKIM signature(s), From domain { $from }.
message-summary-none = The pasted text has no header we can read. Paste the message source, starting with its first header line.
message-none = (none)
