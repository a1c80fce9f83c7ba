//! Macro strings (RFC 7208 §7): reading them with positions, and expanding them.
//!
//! ```text
//! macro-expand     = ( "%{" macro-letter transformers *delimiter "}" )
//!                    / "%%" / "%_" / "%-"
//! transformers     = *DIGIT [ "r" ]
//! delimiter        = "." / "-" / "+" / "," / "/" / "_" / "="
//! ```

use std::net::IpAddr;

use super::{Macro, MacroProblem, MacroString, MacroToken, Span, effective_ip};

/// Where a macro string appears, which decides the letters and characters allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MacroPlace {
    /// A domain-spec or an unknown modifier's value: `slodipvh`, no spaces.
    Record,
    /// An explanation TXT record (§6.2): `crt` too, and spaces.
    Explanation,
}

const DELIMITERS: &str = ".-+,/_=";

/// Reads `text` (found at byte `base` of the record) as a macro string.
pub fn parse_macro_string(
    text: &str,
    base: usize,
    place: MacroPlace,
) -> Result<MacroString, (MacroProblem, Span, String)> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c != b'%' {
            literal.push(char::from(c));
            i += 1;
            continue;
        }
        let bad = |end: usize, problem| {
            let end = end.min(text.len());
            Err((
                problem,
                Span::new(base + i, base + end),
                text[i..end].to_owned(),
            ))
        };
        let token = match bytes.get(i + 1) {
            Some(b'%') => MacroToken::Percent,
            Some(b'_') => MacroToken::Space,
            Some(b'-') => MacroToken::UrlSpace,
            Some(b'{') => {
                let Some(close) = text[i..].find('}').map(|c| i + c) else {
                    return bad(text.len(), MacroProblem::Unterminated);
                };
                match parse_macro(&text[i + 2..close], place) {
                    Ok(m) => {
                        if !literal.is_empty() {
                            tokens.push(MacroToken::Literal(std::mem::take(&mut literal)));
                        }
                        tokens.push(MacroToken::Macro(m));
                        i = close + 1;
                        continue;
                    }
                    Err(problem) => return bad(close + 1, problem),
                }
            }
            _ => return bad(i + 2, MacroProblem::BadPercent),
        };
        if !literal.is_empty() {
            tokens.push(MacroToken::Literal(std::mem::take(&mut literal)));
        }
        tokens.push(token);
        i += 2;
    }
    if !literal.is_empty() {
        tokens.push(MacroToken::Literal(literal));
    }
    Ok(MacroString {
        text: text.to_owned(),
        tokens,
    })
}

fn parse_macro(inner: &str, place: MacroPlace) -> Result<Macro, MacroProblem> {
    let mut chars = inner.chars();
    let letter = chars.next().ok_or(MacroProblem::UnknownLetter)?;
    let lower = letter.to_ascii_lowercase();
    match lower {
        's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'v' | 'h' => {}
        'c' | 'r' | 't' if place == MacroPlace::Explanation => {}
        'c' | 'r' | 't' => return Err(MacroProblem::ExpOnlyLetter),
        _ => return Err(MacroProblem::UnknownLetter),
    }
    let rest = chars.as_str();
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let keep = match &rest[..digits_end] {
        "" => None,
        digits => match digits.parse::<u32>() {
            Ok(0) | Err(_) => return Err(MacroProblem::BadTransformer),
            Ok(n) => Some(n),
        },
    };
    let mut rest = &rest[digits_end..];
    let reverse = if let Some(r) = rest.strip_prefix(['r', 'R']) {
        rest = r;
        true
    } else {
        false
    };
    if !rest.chars().all(|c| DELIMITERS.contains(c)) {
        return Err(MacroProblem::BadTransformer);
    }
    Ok(Macro {
        letter: lower,
        url_escape: letter.is_ascii_uppercase(),
        keep,
        reverse,
        delimiters: rest.to_owned(),
    })
}

/// The values macros expand to (RFC 7208 §7.3).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MacroValues {
    /// `s`: the sender, `local-part@domain`.
    pub sender: String,
    /// `l`: the sender's local-part.
    pub local: String,
    /// `o`: the sender's domain.
    pub sender_domain: String,
    /// `d`: the domain whose record is being evaluated.
    pub domain: String,
    /// `i`, `c`, `v`: the client address.
    pub ip: IpAddr,
    /// `h`: the HELO/EHLO name.
    pub helo: String,
    /// `p`: the validated reverse name, or `unknown`; computed only when used.
    pub validated: Option<String>,
    /// `r`: the receiving host.
    pub receiver: String,
    /// `t`: seconds since the Unix epoch.
    pub now: u64,
}

impl MacroValues {
    fn value(&self, letter: char) -> String {
        let ip = effective_ip(self.ip);
        match letter {
            's' => self.sender.clone(),
            'l' => self.local.clone(),
            'o' => self.sender_domain.clone(),
            'd' => self.domain.clone(),
            'i' => match ip {
                IpAddr::V4(v4) => v4.to_string(),
                // §7.3: "dot-format … 32 hexadecimal nibbles", as the RFC's own
                // examples write them (upper case).
                IpAddr::V6(v6) => v6
                    .octets()
                    .iter()
                    .flat_map(|b| [b >> 4, b & 0xf])
                    .map(|n| format!("{n:X}"))
                    .collect::<Vec<_>>()
                    .join("."),
            },
            'c' => ip.to_string(),
            'v' => match ip {
                IpAddr::V4(_) => "in-addr".into(),
                IpAddr::V6(_) => "ip6".into(),
            },
            'h' => self.helo.clone(),
            'p' => self
                .validated
                .clone()
                .unwrap_or_else(|| "unknown".to_owned()),
            'r' => self.receiver.clone(),
            't' => self.now.to_string(),
            _ => String::new(),
        }
    }
}

/// Expands a macro string.
pub fn expand(ms: &MacroString, values: &MacroValues) -> String {
    let mut out = String::new();
    for token in &ms.tokens {
        match token {
            MacroToken::Literal(s) => out.push_str(s),
            MacroToken::Percent => out.push('%'),
            MacroToken::Space => out.push(' '),
            MacroToken::UrlSpace => out.push_str("%20"),
            MacroToken::Macro(m) => {
                let value = values.value(m.letter);
                let delimiters = if m.delimiters.is_empty() {
                    "."
                } else {
                    m.delimiters.as_str()
                };
                let mut parts: Vec<&str> = value.split(|c| delimiters.contains(c)).collect();
                if m.reverse {
                    parts.reverse();
                }
                if let Some(keep) = m.keep {
                    let keep = usize::try_from(keep).unwrap_or(usize::MAX);
                    if parts.len() > keep {
                        parts.drain(..parts.len() - keep);
                    }
                }
                let joined = parts.join(".");
                if m.url_escape {
                    out.push_str(&url_escape(&joined));
                } else {
                    out.push_str(&joined);
                }
            }
        }
    }
    out
}

/// §7.3: "uppercase macros expand exactly as their lowercase equivalents, and are
/// then URL escaped": everything outside the unreserved set is `%XX`.
fn url_escape(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// §7.3: "When the result of macro expansion is used in a domain name query, if
/// the expanded domain name exceeds 253 characters …, the left side is truncated
/// to fit, by removing successive domain labels (and their following dots) until
/// the total length does not exceed 253 characters." The trailing dot goes too.
pub fn truncate_domain(expanded: &str) -> String {
    let mut name = expanded.strip_suffix('.').unwrap_or(expanded);
    while name.len() > 253 {
        match name.find('.') {
            Some(dot) => name = &name[dot + 1..],
            None => break,
        }
    }
    name.to_owned()
}

/// Whether a DNS query can be composed for `name`: no empty label and no label over
/// 63 octets. Other names are "treated as non-existent" (§4.3, §4.8).
pub fn is_queryable(name: &str) -> bool {
    !name.is_empty() && name.len() <= 253 && name.split('.').all(|l| !l.is_empty() && l.len() <= 63)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> MacroValues {
        // RFC 7208 §7.4's example values.
        MacroValues {
            sender: "strong-bad@email.example.com".into(),
            local: "strong-bad".into(),
            sender_domain: "email.example.com".into(),
            domain: "email.example.com".into(),
            ip: "192.0.2.3".parse().unwrap(),
            helo: "mx.example.org".into(),
            validated: None,
            receiver: "unknown".into(),
            now: 0,
        }
    }

    fn x(text: &str, v: &MacroValues) -> String {
        expand(&parse_macro_string(text, 0, MacroPlace::Record).unwrap(), v)
    }

    /// RFC 7208 §7.4: the macro examples, verbatim.
    #[test]
    fn rfc7208_7_4_examples() {
        let v = values();
        assert_eq!(x("%{s}", &v), "strong-bad@email.example.com");
        assert_eq!(x("%{o}", &v), "email.example.com");
        assert_eq!(x("%{d}", &v), "email.example.com");
        assert_eq!(x("%{d4}", &v), "email.example.com");
        assert_eq!(x("%{d3}", &v), "email.example.com");
        assert_eq!(x("%{d2}", &v), "example.com");
        assert_eq!(x("%{d1}", &v), "com");
        assert_eq!(x("%{dr}", &v), "com.example.email");
        assert_eq!(x("%{d2r}", &v), "example.email");
        assert_eq!(x("%{l}", &v), "strong-bad");
        assert_eq!(x("%{l-}", &v), "strong.bad");
        assert_eq!(x("%{lr}", &v), "strong-bad");
        assert_eq!(x("%{lr-}", &v), "bad.strong");
        assert_eq!(x("%{l1r-}", &v), "strong");
        assert_eq!(
            x("%{ir}.%{v}._spf.%{d2}", &v),
            "3.2.0.192.in-addr._spf.example.com"
        );
        assert_eq!(
            x("%{lr-}.lp._spf.%{d2}", &v),
            "bad.strong.lp._spf.example.com"
        );
        let mut v6 = values();
        v6.ip = "2001:db8::cb01".parse().unwrap();
        assert_eq!(
            x("%{ir}.%{v}._spf.%{d2}", &v6),
            "1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.example.com"
        );
    }

    /// RFC 7208 §7.3: "Uppercase macros expand exactly as their lowercase
    /// equivalents, and are then URL escaped."
    #[test]
    fn rfc7208_7_3_uppercase_escapes() {
        let mut v = values();
        v.local = "~jack&jill=up-a_b3.c".into();
        assert_eq!(x("%{L}", &v), "~jack%26jill%3Dup-a_b3.c");
        assert_eq!(x("a%%b%_c%-d", &v), "a%b c%20d");
    }

    #[test]
    fn macro_syntax_errors_have_spans() {
        let table: &[(&str, MacroPlace, MacroProblem, (usize, usize))] = &[
            (
                "%(ir).x",
                MacroPlace::Record,
                MacroProblem::BadPercent,
                (0, 2),
            ),
            (
                "foo%.x",
                MacroPlace::Record,
                MacroProblem::BadPercent,
                (3, 5),
            ),
            (
                "%{x}",
                MacroPlace::Record,
                MacroProblem::UnknownLetter,
                (0, 4),
            ),
            (
                "a%{c}",
                MacroPlace::Record,
                MacroProblem::ExpOnlyLetter,
                (1, 5),
            ),
            (
                "%{d0}",
                MacroPlace::Record,
                MacroProblem::BadTransformer,
                (0, 5),
            ),
            (
                "%{d2x}",
                MacroPlace::Record,
                MacroProblem::BadTransformer,
                (0, 6),
            ),
            (
                "%{d",
                MacroPlace::Record,
                MacroProblem::Unterminated,
                (0, 3),
            ),
        ];
        for (text, place, problem, (s, e)) in table {
            let err = parse_macro_string(text, 0, *place).unwrap_err();
            assert_eq!((err.0, err.1), (*problem, Span::new(*s, *e)), "{text}");
        }
        assert!(parse_macro_string("%{c} %{r} %{t}", 0, MacroPlace::Explanation).is_ok());
    }

    /// RFC 7208 §7.3: the 253-character truncation removes labels from the left.
    #[test]
    fn rfc7208_7_3_truncation_from_the_left() {
        let long = format!("{}.example.com.", "abcdefghi.".repeat(30));
        let t = truncate_domain(&long);
        assert!(t.len() <= 253 && t.ends_with(".example.com"));
        assert!(t.starts_with("abcdefghi."));
        assert!(!is_queryable("a..b"));
        assert!(!is_queryable(&format!("{}.com", "a".repeat(64))));
    }
}
