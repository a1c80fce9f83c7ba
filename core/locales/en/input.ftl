# Input validation: one message per problem code (core/src/input.rs, InputProblem).
input-field-domain = Domain
input-field-ips = Sending IP addresses
input-field-host = Mail server hostname
input-field-selectors = DKIM selectors
input-field-helo = HELO/EHLO name
input-empty = Please enter a domain, for example example.com.
input-ip-not-name = This is an IP address. Enter a name here (for example mail.example.com); put IP addresses in the "Sending IP addresses" field.
input-single-label = A full domain name has at least two parts separated by a dot, for example example.com.
input-label-too-long = One part of this name is { $length } characters long; each part between dots may have at most 63.
input-name-too-long = This name is { $length } characters long; a domain name may have at most 253.
input-empty-label = This name has an empty part (two dots in a row, or a dot at the start).
input-bad-character = The character "{ $character }" cannot appear in a domain name. Use letters, digits, hyphens and dots.
input-hyphen-edge = A part of a domain name cannot begin or end with a hyphen.
input-idna = This international name cannot be converted to its ASCII (punycode) form. Check its spelling.
input-numeric-tld = The last part of this name is only digits; no top-level domain is like that. Is it an IP address?
input-bad-ip = "{ $value }" is not an IPv4 or IPv6 address.
input-too-many = Too many entries: at most { $limit } are checked at once.
