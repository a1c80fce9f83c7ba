//! What the user typed, read into a checked [`Input`] — or into [`InputError`]s that
//! say exactly what is wrong. Nothing is queried for input that does not validate.
//!
//! Errors are codes with arguments, never English: the page and the CLI render them
//! from the catalogues (`i18n`).

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

mod confusable;

/// The raw text of the form fields (or CLI arguments).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawInput {
    /// The domain, or an address / URL containing it.
    pub domain: String,
    /// Sending IP addresses, separated by spaces, commas or new lines.
    #[serde(default)]
    pub ips: String,
    /// The mail server's hostname.
    #[serde(default)]
    pub host: String,
    /// DKIM selectors, separated by spaces or commas.
    #[serde(default)]
    pub selectors: String,
    /// The HELO/EHLO name.
    #[serde(default)]
    pub helo: String,
    /// A pasted message or its headers (never put in links: it may be large and
    /// private).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
}

/// Checked input for one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// The domain in ASCII (punycode) form, lower case, no trailing dot.
    pub domain: String,
    /// The Unicode form, when the domain is an IDN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain_unicode: Option<String>,
    /// Sending IPs given by the user.
    pub ips: Vec<IpAddr>,
    /// The mail server's hostname, normalised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// DKIM selectors given by the user.
    pub selectors: Vec<String>,
    /// The HELO name, normalised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helo: Option<String>,
    /// The pasted message and what it says (its text is never serialised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<crate::message::PastedMessage>,
}

impl Input {
    /// The HELO name to check: the one entered, else the one the pasted message's
    /// receiver recorded.
    pub fn helo_name(&self) -> Option<&str> {
        self.helo.as_deref().or_else(|| {
            self.message
                .as_ref()
                .and_then(|m| m.facts.helo())
                .filter(|h| parse_helo(h).is_ok())
        })
    }

    /// What the pasted message says, when one was pasted.
    pub fn message_facts(&self) -> Option<&crate::message::MessageFacts> {
        self.message.as_ref().map(|m| &m.facts)
    }
}

/// Which field an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The domain field.
    Domain,
    /// The sending IPs field.
    Ips,
    /// The hostname field.
    Host,
    /// The DKIM selectors field.
    Selectors,
    /// The HELO field.
    Helo,
    /// The pasted message.
    Message,
}

impl Field {
    /// The catalogue key suffix of the field's label.
    pub fn key(self) -> &'static str {
        match self {
            Self::Domain => "domain",
            Self::Ips => "ips",
            Self::Host => "host",
            Self::Selectors => "selectors",
            Self::Helo => "helo",
            Self::Message => "message",
        }
    }
}

/// What is wrong with a field. Each variant has a catalogue entry `input-<code>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum InputProblem {
    /// Nothing was typed where something is required.
    Empty,
    /// An IP address where a name is expected.
    IpNotName,
    /// A single label such as `localhost` or `com`.
    SingleLabel,
    /// A label of more than 63 octets.
    LabelTooLong {
        /// The label's length in octets.
        length: usize,
    },
    /// A name of more than 253 octets.
    NameTooLong {
        /// The name's length in octets.
        length: usize,
    },
    /// Two dots in a row, or a leading dot.
    EmptyLabel,
    /// A character that cannot be in a host name.
    BadCharacter {
        /// The character.
        character: String,
    },
    /// A label beginning or ending with a hyphen.
    HyphenEdge,
    /// The name could not be converted to punycode (IDNA).
    Idna,
    /// The top-level label is all digits.
    NumericTld,
    /// Text that is not an IP address.
    BadIp {
        /// The text.
        value: String,
    },
    /// More items than a run accepts.
    TooMany {
        /// The limit.
        limit: usize,
    },
    /// A pasted message larger than a run reads.
    TooLarge {
        /// Its size in KB.
        size_kb: usize,
        /// The limit in KB.
        limit_kb: usize,
    },
    /// A warning, not an error: one label mixes letters of alphabets that imitate
    /// each other (`еxample.com` with a Cyrillic `е`); the name is still checked.
    MixedScripts {
        /// The label, in Unicode.
        label: String,
        /// The imitating letters with their code points, e.g. `е (U+0435)`.
        characters: String,
        /// The whole name as DNS sees it (punycode).
        ascii: String,
    },
    /// A warning, not an error: a label made only of Cyrillic letters that look Latin
    /// under an ASCII top-level domain (`аррӏе.com`); the name is still checked.
    LooksLatin {
        /// The label, in Unicode.
        label: String,
        /// Its letters with their code points.
        characters: String,
        /// The whole name as DNS sees it (punycode).
        ascii: String,
    },
}

/// One problem in one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// The field.
    pub field: Field,
    /// The problem.
    #[serde(flatten)]
    pub problem: InputProblem,
}

/// Limits that keep a run bounded whatever is pasted.
pub const MAX_IPS: usize = 8;
/// At most this many selectors typed by the user.
pub const MAX_SELECTORS: usize = 10;
/// Longest text accepted in any field before it is read.
pub const MAX_FIELD_CHARS: usize = 2048;

impl Input {
    /// Things worth a second look in input that is valid: look-alike (mixed-script)
    /// names in the domain or the hostname. They never stop a run.
    pub fn warnings(&self) -> Vec<InputError> {
        name_warnings(Field::Domain, &self.domain)
            .chain(
                self.host
                    .iter()
                    .flat_map(|host| name_warnings(Field::Host, host)),
            )
            .collect()
    }
}

fn name_warnings(field: Field, ascii: &str) -> impl Iterator<Item = InputError> {
    let (unicode, _) = idna::domain_to_unicode(ascii);
    confusable::warnings(&unicode, ascii)
        .into_iter()
        .map(move |problem| InputError { field, problem })
}

impl RawInput {
    /// The warnings of [`Input::warnings`] for the fields that are valid, so a form
    /// can show them while the user types.
    pub fn warnings(&self) -> Vec<InputError> {
        let domain = parse_domain(&self.domain).ok().map(|(ascii, _)| ascii);
        let host = optional_name(&self.host).and_then(Result::ok);
        domain
            .iter()
            .flat_map(|d| name_warnings(Field::Domain, d))
            .chain(host.iter().flat_map(|h| name_warnings(Field::Host, h)))
            .collect()
    }

    /// Validates every field, returning all problems at once.
    pub fn parse(&self) -> Result<Input, Vec<InputError>> {
        let mut errors = Vec::new();
        let mut err = |field, problem| errors.push(InputError { field, problem });

        let domain = match parse_domain(&self.domain) {
            Ok(d) => Some(d),
            Err(p) => {
                err(Field::Domain, p);
                None
            }
        };

        let mut ips = Vec::new();
        for item in split_list(&self.ips) {
            match item
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
            {
                Ok(ip) if !ips.contains(&ip) => ips.push(ip),
                Ok(_) => {}
                Err(_) => err(Field::Ips, InputProblem::BadIp { value: clip(item) }),
            }
        }
        if ips.len() > MAX_IPS {
            err(Field::Ips, InputProblem::TooMany { limit: MAX_IPS });
        }

        let host = optional_name(&self.host).transpose().unwrap_or_else(|p| {
            err(Field::Host, p);
            None
        });
        // A HELO name is taken as the server sends it: whether it is a proper FQDN
        // is the `host.helo` check's finding, not an input error.
        let helo = match parse_helo(&self.helo) {
            Ok(helo) => helo,
            Err(p) => {
                err(Field::Helo, p);
                None
            }
        };

        let mut selectors = Vec::new();
        for item in split_list(&self.selectors) {
            // A selector is one or more labels (RFC 6376 §3.1); the `._domainkey`
            // suffix is ours to add, so tolerate a user pasting the whole name.
            let item = item.to_ascii_lowercase();
            let item = item
                .split("._domainkey")
                .next()
                .unwrap_or_default()
                .to_owned();
            match check_labels(&item, false) {
                Ok(()) if !selectors.contains(&item) => selectors.push(item),
                Ok(()) => {}
                Err(p) => err(Field::Selectors, p),
            }
        }
        if selectors.len() > MAX_SELECTORS {
            err(
                Field::Selectors,
                InputProblem::TooMany {
                    limit: MAX_SELECTORS,
                },
            );
        }

        let message = if self.message.len() > crate::message::MAX_MESSAGE_BYTES {
            err(
                Field::Message,
                InputProblem::TooLarge {
                    size_kb: self.message.len().div_ceil(1024),
                    limit_kb: crate::message::MAX_MESSAGE_BYTES / 1024,
                },
            );
            None
        } else if self.message.trim().is_empty() {
            None
        } else {
            Some(crate::message::PastedMessage::new(&self.message))
        };

        match domain {
            Some((domain, domain_unicode)) if errors.is_empty() => Ok(Input {
                domain,
                domain_unicode,
                ips,
                host,
                selectors,
                helo,
                message,
            }),
            _ => Err(errors),
        }
    }
}

fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

fn clip(text: &str) -> String {
    text.chars().take(64).collect()
}

fn parse_helo(text: &str) -> Result<Option<String>, InputProblem> {
    let text = text.trim().trim_end_matches('.');
    if text.is_empty() {
        return Ok(None);
    }
    if text.len() > 253 {
        return Err(InputProblem::NameTooLong { length: text.len() });
    }
    if let Some(c) = text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "-._[]:".contains(*c)))
    {
        return Err(InputProblem::BadCharacter {
            character: c.escape_default().to_string(),
        });
    }
    Ok(Some(text.to_ascii_lowercase()))
}

fn optional_name(text: &str) -> Option<Result<String, InputProblem>> {
    let text = text.trim();
    (!text.is_empty()).then(|| parse_domain(text).map(|(ascii, _)| ascii))
}

/// Reads a domain from what people paste: `user@domain`, a URL with scheme, path and
/// port, mixed case, a trailing dot, Unicode (converted to punycode by IDNA/UTS 46).
/// Returns the ASCII form and, for an IDN, the Unicode form.
pub fn parse_domain(text: &str) -> Result<(String, Option<String>), InputProblem> {
    if text.chars().count() > MAX_FIELD_CHARS {
        return Err(InputProblem::NameTooLong { length: text.len() });
    }
    let mut s = text.trim();
    if s.is_empty() {
        return Err(InputProblem::Empty);
    }
    if let Some((_, rest)) = s.split_once("://") {
        s = rest;
    }
    s = s.split(['/', '?', '#']).next().unwrap_or_default();
    if let Some((_, after)) = s.rsplit_once('@') {
        s = after;
    }
    // An IPv6 literal in brackets, as in a URL (`http://[2001:db8::1]:8080/`).
    if let Some(inside) = s
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .map(|(inside, _)| inside)
        && is_ip_literal(inside)
    {
        return Err(InputProblem::IpNotName);
    }
    // A port after the host (`example.com:443`), but not the colons of an IPv6 address.
    if let Some((host, port)) = s.rsplit_once(':')
        && !host.contains(':')
        && port.chars().all(|c| c.is_ascii_digit())
    {
        s = host;
    }
    let s = s.trim_end_matches('.');
    if s.is_empty() {
        return Err(InputProblem::Empty);
    }
    if is_ip_literal(s.trim_start_matches('[').trim_end_matches(']')) {
        return Err(InputProblem::IpNotName);
    }
    if let Some(c) = s.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(InputProblem::BadCharacter {
            character: c.escape_default().to_string(),
        });
    }
    let is_unicode = !s.is_ascii();
    let ascii = idna::domain_to_ascii(s).map_err(|_| InputProblem::Idna)?;
    check_labels(&ascii, true)?;
    if !ascii.contains('.') {
        return Err(InputProblem::SingleLabel);
    }
    if ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(InputProblem::NumericTld);
    }
    let unicode = (is_unicode || ascii.split('.').any(|l| l.starts_with("xn--")))
        .then(|| idna::domain_to_unicode(&ascii).0)
        .filter(|u| *u != ascii);
    Ok((ascii, unicode))
}

/// An IPv4 or IPv6 address, an IPv6 one possibly with a zone (`fe80::1%eth0`).
fn is_ip_literal(text: &str) -> bool {
    let address = match text.split_once('%') {
        Some((address, _zone)) if address.contains(':') => address,
        _ => text,
    };
    address.parse::<IpAddr>().is_ok()
}

/// Checks labels against RFC 1035 lengths and letter-digit-hyphen syntax; `host`
/// rejects underscores, which are fine in selectors and service names.
fn check_labels(name: &str, host: bool) -> Result<(), InputProblem> {
    if name.is_empty() {
        return Err(InputProblem::Empty);
    }
    if name.len() > 253 {
        return Err(InputProblem::NameTooLong { length: name.len() });
    }
    for label in name.split('.') {
        if label.is_empty() {
            return Err(InputProblem::EmptyLabel);
        }
        if label.len() > 63 {
            return Err(InputProblem::LabelTooLong {
                length: label.len(),
            });
        }
        if let Some(c) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || (!host && *c == '_')))
        {
            return Err(InputProblem::BadCharacter {
                character: c.escape_default().to_string(),
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(InputProblem::HyphenEdge);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(text: &str) -> Result<String, InputProblem> {
        parse_domain(text).map(|(a, _)| a)
    }

    #[test]
    fn domains_people_paste() {
        for (text, want) in [
            ("example.com", "example.com"),
            ("  Example.COM. ", "example.com"),
            ("postmaster@example.com", "postmaster@example.com"),
            ("https://www.example.com:8443/path?q=1#x", "www.example.com"),
            ("mailto:user@Example.org", "example.org"),
            ("bücher.de", "xn--bcher-kva.de"),
            ("xn--bcher-kva.de", "xn--bcher-kva.de"),
            ("example.com:25", "example.com"),
        ] {
            let want = want.rsplit('@').next().unwrap();
            assert_eq!(domain(text).as_deref(), Ok(want), "{text}");
        }
        assert_eq!(
            parse_domain("bücher.de").unwrap().1.as_deref(),
            Some("bücher.de")
        );
    }

    #[test]
    fn domains_refused_with_a_reason() {
        let long_label = format!("{}.com", "a".repeat(64));
        let long_name = format!("{}com", "abcdefghi.".repeat(26));
        for (text, want) in [
            ("", InputProblem::Empty),
            ("   ", InputProblem::Empty),
            ("192.0.2.1", InputProblem::IpNotName),
            ("[2001:db8::1]", InputProblem::IpNotName),
            ("2001:db8::1", InputProblem::IpNotName),
            // Regression (issue 7): a zone index or a bracketed literal with a port was
            // reported as a bad ':' or '[' instead of "this is an IP address".
            ("fe80::1%eth0", InputProblem::IpNotName),
            ("http://[2001:db8::1]:8080/path", InputProblem::IpNotName),
            ("[::ffff:192.0.2.1]:25", InputProblem::IpNotName),
            ("localhost", InputProblem::SingleLabel),
            (
                long_label.as_str(),
                InputProblem::LabelTooLong { length: 64 },
            ),
            ("example..com", InputProblem::EmptyLabel),
            ("-bad.example.com", InputProblem::HyphenEdge),
            (
                "ex ample.com",
                InputProblem::BadCharacter {
                    character: " ".into(),
                },
            ),
            (
                "exa_mple.com",
                InputProblem::BadCharacter {
                    character: "_".into(),
                },
            ),
            ("1.2.3.4.5", InputProblem::NumericTld),
        ] {
            assert_eq!(domain(text), Err(want), "{text:?}");
        }
        assert!(matches!(
            domain(&long_name),
            Err(InputProblem::NameTooLong { .. })
        ));
        assert!(domain("<script>alert(1)</script>").is_err());
        assert!(domain("' OR 1=1 --").is_err());
        assert!(domain(&"x".repeat(10_000)).is_err());
    }

    #[test]
    fn look_alike_names_are_accepted_with_a_warning() {
        let raw = RawInput {
            domain: "\u{435}xample.com".into(),
            host: "mail.example.com".into(),
            ..RawInput::default()
        };
        let input = raw.parse().expect("a valid IDN");
        assert_eq!(input.domain, "xn--xample-2of.com");
        let warnings = input.warnings();
        assert_eq!(warnings, raw.warnings());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].field, Field::Domain);
        assert!(matches!(
            &warnings[0].problem,
            InputProblem::MixedScripts { characters, ascii, .. }
                if characters == "\u{435} (U+0435)" && ascii == "xn--xample-2of.com"
        ));
        assert!(
            RawInput {
                domain: "bücher.de".into(),
                ..RawInput::default()
            }
            .warnings()
            .is_empty()
        );
    }

    #[test]
    fn whole_form() {
        let raw = RawInput {
            domain: "Example.com".into(),
            ips: "192.0.2.1, 2001:db8::1\n192.0.2.1".into(),
            host: "Mail.Example.com.".into(),
            selectors: "s1 default._domainkey.example.com".into(),
            helo: String::new(),
            message: String::new(),
        };
        let input = raw.parse().unwrap();
        assert_eq!(input.ips.len(), 2);
        assert_eq!(input.host.as_deref(), Some("mail.example.com"));
        assert_eq!(input.selectors, ["s1", "default"]);
        assert_eq!(input.helo, None);

        // A bare HELO is the server's actual (bad) setting: `host.helo` judges it.
        let helo = RawInput {
            domain: "example.com".into(),
            helo: "Mail.".into(),
            ..RawInput::default()
        };
        assert_eq!(helo.parse().unwrap().helo.as_deref(), Some("mail"));
        let helo = RawInput {
            domain: "example.com".into(),
            helo: "mail server".into(),
            ..RawInput::default()
        };
        assert_eq!(helo.parse().unwrap_err()[0].field, Field::Helo);

        let bad = RawInput {
            domain: String::new(),
            ips: "300.1.1.1".into(),
            ..RawInput::default()
        };
        let errors = bad.parse().unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[1].field, Field::Ips);
    }
}
