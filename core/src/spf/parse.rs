//! The SPF record parser, written over RFC 7208's ABNF (§4.5, §4.6.1, §5, §6, §7.1).
//!
//! Why not `mail-auth`'s parser: it is built to verify mail, so it stops at the
//! first error with no position and keeps no record of what it skipped. A
//! deliverability checker must show the whole record, every broken term with its
//! byte span and the reason, and keep reading after an error. This parser never
//! fails: it returns every term it could read plus [`Diagnostic`]s.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::macros::{MacroPlace, parse_macro_string};
use super::{
    Diagnostic, DomainSpec, DualCidr, MacroString, MacroToken, Mechanism, Modifier, Qualifier,
    Record, Span, SyntaxError, Term, TermKind,
};

/// RFC 7208 §4.5: a record starts with "v=spf1" (any case) followed by a space or
/// its end: "v=spf10" and "v=spf1mx" are not SPF records.
pub fn is_spf_record(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 6 && b[..6].eq_ignore_ascii_case(b"v=spf1") && (b.len() == 6 || b[6] == b' ')
}

/// Reads a record. Never fails: see [`Record::diagnostics`].
pub fn parse(text: &str) -> Record {
    let mut diagnostics = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = 0;
    if is_spf_record(text) {
        pos = 6;
    } else {
        let end = text.find(' ').unwrap_or(text.len());
        diagnostics.push(Diagnostic {
            code: SyntaxError::NotSpf,
            span: Span::new(0, end),
        });
        pos = pos.max(end);
    }
    let mut terms = Vec::new();
    while pos < bytes.len() {
        if bytes[pos] == b' ' {
            pos += 1;
            continue;
        }
        let end = text[pos..].find(' ').map_or(text.len(), |e| pos + e);
        terms.push(parse_term(text, pos, end, &mut diagnostics));
        pos = end;
    }
    check_modifiers(&terms, &mut diagnostics);
    diagnostics.sort_by_key(|d| d.span.start);
    Record {
        text: text.to_owned(),
        terms,
        diagnostics,
    }
}

fn bad<T>(
    diagnostics: &mut Vec<Diagnostic>,
    base: usize,
    code: SyntaxError,
    start: usize,
    end: usize,
) -> Option<T> {
    diag(diagnostics, code, base + start, base + end);
    None
}

fn diag(diagnostics: &mut Vec<Diagnostic>, code: SyntaxError, start: usize, end: usize) {
    diagnostics.push(Diagnostic {
        code,
        span: Span::new(start, end),
    });
}

/// §6: "redirect" and "exp" MUST NOT appear more than once; terms after `all` and a
/// `redirect` next to `all` are never used (warnings).
fn check_modifiers(terms: &[Term], diagnostics: &mut Vec<Diagnostic>) {
    let (mut redirects, mut exps) = (0, 0);
    let mut seen_all = false;
    let has_all = terms.iter().any(|t| {
        matches!(
            t.kind,
            TermKind::Directive {
                mechanism: Mechanism::All,
                ..
            }
        )
    });
    for term in terms {
        match &term.kind {
            TermKind::Modifier { modifier } => {
                let (name, count) = match modifier {
                    Modifier::Redirect { .. } => ("redirect", &mut redirects),
                    Modifier::Exp { .. } => ("exp", &mut exps),
                    Modifier::Unknown { .. } => continue,
                };
                *count += 1;
                if *count > 1 {
                    let code = SyntaxError::DuplicateModifier { name: name.into() };
                    diag(diagnostics, code, term.span.start, term.span.end);
                } else if name == "redirect" && has_all {
                    let code = SyntaxError::RedirectIgnored;
                    diag(diagnostics, code, term.span.start, term.span.end);
                }
            }
            TermKind::Directive { mechanism, .. } => {
                if seen_all {
                    let code = SyntaxError::AfterAll {
                        term: term.text.clone(),
                    };
                    diag(diagnostics, code, term.span.start, term.span.end);
                }
                seen_all |= matches!(mechanism, Mechanism::All);
            }
            TermKind::Invalid => {}
        }
    }
}

fn parse_term(text: &str, start: usize, end: usize, diagnostics: &mut Vec<Diagnostic>) -> Term {
    let t = &text[start..end];
    let kind = match term_kind(t, start, diagnostics) {
        Some(kind) => kind,
        None => TermKind::Invalid,
    };
    Term {
        text: t.to_owned(),
        span: Span::new(start, end),
        kind,
    }
}

fn term_kind(t: &str, start: usize, diagnostics: &mut Vec<Diagnostic>) -> Option<TermKind> {
    // §3.1 and §4.6.1: records are 7-bit ASCII and terms are separated by spaces
    // only, so any other byte is an error at its own position.
    if let Some((i, c)) = t.char_indices().find(|(_, c)| !matches!(c, '!'..='~')) {
        let byte = format!("{:02X}", t.as_bytes()[i]);
        let code = if c.is_ascii() {
            SyntaxError::ControlChar { byte }
        } else {
            SyntaxError::NonAscii { byte }
        };
        diag(diagnostics, code, start + i, start + i + c.len_utf8());
        return None;
    }
    // §4.6.1: a modifier is a name followed by "=" before any ":" or "/".
    let name_len = t
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_alphabetic()
                || (i > 0 && (c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))))
        })
        .map_or(t.len(), |(i, _)| i);
    if name_len > 0 && t[name_len..].starts_with('=') {
        return modifier(t, name_len, start, diagnostics);
    }
    let first_sep = t.find([':', '/', '=']);
    if let Some(eq) = first_sep.filter(|&i| t.as_bytes()[i] == b'=') {
        let name = t[..eq].trim_start_matches(['+', '-', '~', '?']).to_owned();
        return bad(
            diagnostics,
            start,
            SyntaxError::BadModifierName { name },
            0,
            eq.max(1),
        );
    }
    let (qualifier, q_len) = match t.chars().next().and_then(Qualifier::from_symbol) {
        Some(q) => (q, 1),
        None => (Qualifier::Pass, 0),
    };
    let body = &t[q_len..];
    let name_end = body.find([':', '/']).unwrap_or(body.len());
    let name = &body[..name_end];
    let rest = &body[name_end..];
    let at = q_len + name_end; // offset of `rest` within the term
    let lower = name.to_ascii_lowercase();
    let mechanism = match lower.as_str() {
        "all" => {
            if !rest.is_empty() {
                let code = SyntaxError::UnexpectedArgument {
                    mechanism: lower,
                    argument: rest.to_owned(),
                };
                return bad(diagnostics, start, code, at, t.len());
            }
            Mechanism::All
        }
        "include" | "exists" => {
            let Some(value) = rest.strip_prefix(':') else {
                let code = if rest.is_empty() {
                    SyntaxError::MissingValue { mechanism: lower }
                } else {
                    SyntaxError::UnexpectedArgument {
                        mechanism: lower,
                        argument: rest.to_owned(),
                    }
                };
                return bad(diagnostics, start, code, q_len, t.len());
            };
            let domain = domain_spec(value, start + at + 1, t, diagnostics)?;
            if lower == "include" {
                Mechanism::Include { domain }
            } else {
                Mechanism::Exists { domain }
            }
        }
        "a" | "mx" => {
            let (domain, cidr_text, cidr_at) = match rest.strip_prefix(':') {
                Some(value) => {
                    let (d, c) = split_dual_cidr(value);
                    (Some(d), c, at + 1 + d.len())
                }
                None => (None, rest, at),
            };
            let cidr = dual_cidr(cidr_text, start + cidr_at, diagnostics)?;
            let domain = match domain {
                Some(d) => Some(domain_spec(d, start + at + 1, t, diagnostics)?),
                None => None,
            };
            if lower == "a" {
                Mechanism::A { domain, cidr }
            } else {
                Mechanism::Mx { domain, cidr }
            }
        }
        "ptr" => {
            let domain = match rest.strip_prefix(':') {
                Some(value) => Some(domain_spec(value, start + at + 1, t, diagnostics)?),
                None if rest.is_empty() => None,
                None => {
                    let code = SyntaxError::UnexpectedArgument {
                        mechanism: lower,
                        argument: rest.to_owned(),
                    };
                    return bad(diagnostics, start, code, at, t.len());
                }
            };
            Mechanism::Ptr { domain }
        }
        "ip4" | "ip6" => {
            let Some(value) = rest.strip_prefix(':') else {
                return bad(
                    diagnostics,
                    start,
                    SyntaxError::MissingValue { mechanism: lower },
                    q_len,
                    t.len(),
                );
            };
            let (addr, len) = match value.split_once('/') {
                Some((a, l)) => (a, Some(l)),
                None => (value, None),
            };
            let v4 = lower == "ip4";
            let max = if v4 { 32 } else { 128 };
            let prefix = match len {
                None => max,
                Some(l) => match cidr_value(l, max) {
                    Some(p) => p,
                    None => {
                        let code = SyntaxError::BadCidr {
                            length: l.to_owned(),
                            max,
                        };
                        return bad(diagnostics, start, code, at + 1 + addr.len(), t.len());
                    }
                },
            };
            let addr_span = (at + 1, at + 1 + addr.len());
            if v4 {
                match addr.parse::<Ipv4Addr>() {
                    Ok(address) => Mechanism::Ip4 { address, prefix },
                    Err(_) => {
                        let code = SyntaxError::BadIp4 { text: addr.into() };
                        return bad(diagnostics, start, code, addr_span.0, addr_span.1);
                    }
                }
            } else {
                match addr.parse::<Ipv6Addr>() {
                    Ok(address) => Mechanism::Ip6 { address, prefix },
                    Err(_) => {
                        let code = SyntaxError::BadIp6 { text: addr.into() };
                        return bad(diagnostics, start, code, addr_span.0, addr_span.1);
                    }
                }
            }
        }
        "redirect" | "exp" => {
            return bad(
                diagnostics,
                start,
                SyntaxError::ModifierAsMechanism { name: lower },
                q_len,
                t.len(),
            );
        }
        _ => {
            let code = SyntaxError::UnknownMechanism {
                name: name.to_owned(),
            };
            // A bare qualifier ("-") has no name to point at: point at the qualifier
            // (a span past the term's end would cut the record out of bounds).
            let (from, to) = if name.is_empty() {
                (0, t.len())
            } else {
                (q_len, q_len + name.len())
            };
            return bad(diagnostics, start, code, from, to);
        }
    };
    Some(TermKind::Directive {
        qualifier,
        mechanism,
    })
}

fn modifier(
    t: &str,
    name_len: usize,
    start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<TermKind> {
    let name = &t[..name_len];
    let value = &t[name_len + 1..];
    let value_at = start + name_len + 1;
    let lower = name.to_ascii_lowercase();
    let modifier = match lower.as_str() {
        "redirect" | "exp" => {
            let domain = domain_spec(value, value_at, t, diagnostics)?;
            if lower == "redirect" {
                Modifier::Redirect { domain }
            } else {
                Modifier::Exp { domain }
            }
        }
        _ => match parse_macro_string(value, value_at, MacroPlace::Record) {
            Ok(value) => Modifier::Unknown {
                name: name.to_owned(),
                value,
            },
            Err((problem, span, text)) => {
                let code = SyntaxError::BadMacro { text, problem };
                diag(diagnostics, code, span.start, span.end);
                return None;
            }
        },
    };
    Some(TermKind::Modifier { modifier })
}

/// Reads a domain-spec found at byte `at` of the record; `term` is for messages.
fn domain_spec(
    text: &str,
    at: usize,
    term: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<DomainSpec> {
    if text.is_empty() {
        let code = SyntaxError::EmptyDomain { term: term.into() };
        diag(diagnostics, code, at.saturating_sub(1), at);
        return None;
    }
    let ms = match parse_macro_string(text, at, MacroPlace::Record) {
        Ok(ms) => ms,
        Err((problem, span, text)) => {
            diag(
                diagnostics,
                SyntaxError::BadMacro { text, problem },
                span.start,
                span.end,
            );
            return None;
        }
    };
    if !domain_end_ok(&ms) {
        let code = SyntaxError::BadDomainEnd {
            domain: text.into(),
        };
        diag(diagnostics, code, at, at + text.len());
        return None;
    }
    Some(ms)
}

/// ```text
/// domain-end       = ( "." toplabel [ "." ] ) / macro-expand
/// toplabel         = ( *alphanum ALPHA *alphanum ) /
///                    ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
/// ```
fn domain_end_ok(ms: &MacroString) -> bool {
    match ms.tokens.last() {
        None => false,
        Some(MacroToken::Literal(s)) => {
            let s = s.strip_suffix('.').unwrap_or(s);
            let Some(dot) = s.rfind('.') else {
                return false;
            };
            is_toplabel(&s[dot + 1..])
        }
        Some(_) => true,
    }
}

fn is_toplabel(label: &str) -> bool {
    let b = label.as_bytes();
    !b.is_empty()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && (b.iter().any(u8::is_ascii_alphabetic) || b.contains(&b'-'))
}

/// Splits a trailing `/n`, `//n` or `/n//n` off an `a`/`mx` value.
fn split_dual_cidr(value: &str) -> (&str, &str) {
    let digits_after = |s: &str, i: usize| {
        let d = &s[i..];
        !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
    };
    let mut cut = value.len();
    if let Some(i) = value.rfind("//").filter(|&i| digits_after(value, i + 2)) {
        cut = i;
    }
    if let Some(i) = value[..cut]
        .rfind('/')
        .filter(|&i| digits_after(&value[..cut], i + 1))
    {
        cut = i;
    }
    (&value[..cut], &value[cut..])
}

/// Reads `dual-cidr-length` that must make up all of `text` (found at byte `at`).
fn dual_cidr(text: &str, at: usize, diagnostics: &mut Vec<Diagnostic>) -> Option<DualCidr> {
    let mut cidr = DualCidr::default();
    if text.is_empty() {
        return Some(cidr);
    }
    let (v4, v6) = match text.split_once("//") {
        Some((v4, v6)) => (v4, Some(v6)),
        None => (text, None),
    };
    let bad = |length: &str, max| SyntaxError::BadCidr {
        length: length.to_owned(),
        max,
    };
    if !v4.is_empty() {
        match v4.strip_prefix('/').and_then(|l| cidr_value(l, 32)) {
            Some(p) => cidr.v4 = p,
            None => {
                let length = v4.strip_prefix('/').unwrap_or(v4);
                diag(diagnostics, bad(length, 32), at, at + v4.len());
                return None;
            }
        }
    }
    if let Some(v6) = v6 {
        match cidr_value(v6, 128) {
            Some(p) => cidr.v6 = p,
            None => {
                let s = at + v4.len();
                diag(diagnostics, bad(v6, 128), s, s + 2 + v6.len());
                return None;
            }
        }
    }
    Some(cidr)
}

/// `"0" / %x31-39 0*nDIGIT`, at most `max`.
fn cidr_value(text: &str, max: u8) -> Option<u8> {
    if text.is_empty()
        || !text.bytes().all(|b| b.is_ascii_digit())
        || (text.len() > 1 && text.starts_with('0'))
    {
        return None;
    }
    text.parse::<u8>().ok().filter(|p| *p <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spf::MacroProblem;

    /// (record, expected error codes in order, the first error's span).
    const ERRORS: &[(&str, &[&str], (usize, usize))] = &[
        (
            "v=spf1 ip4:1.2.3.4 -all moo",
            &["unknown-mechanism"],
            (24, 27),
        ),
        (
            "v=spf1 moo.cow/far_out=man:dog/cat -all",
            &["unknown-mechanism"],
            (7, 14),
        ),
        (
            "v=spf1 moo.cow:far_out=man:dog/cat",
            &["unknown-mechanism"],
            (7, 14),
        ),
        ("v=spf1 1up=foo", &["bad-modifier-name"], (7, 10)),
        ("v=spf1 =all", &["bad-modifier-name"], (7, 8)),
        (
            "v=spf1 redirect:t2.example.com",
            &["modifier-as-mechanism"],
            (7, 30),
        ),
        ("v=spf1 a:foo-bar -all", &["bad-domain-end"], (9, 16)),
        ("v=spf1 -all.", &["unknown-mechanism"], (8, 12)),
        ("v=spf1 -all:foobar", &["unexpected-argument"], (11, 18)),
        ("v=spf1 -all/8", &["unexpected-argument"], (11, 13)),
        ("v=spf1 ptr/0 -all", &["unexpected-argument"], (10, 12)),
        ("v=spf1 a/33 -all", &["bad-cidr"], (8, 11)),
        ("v=spf1 a//129", &["bad-cidr"], (8, 13)),
        ("v=spf1 a/24/64 -all", &["bad-cidr"], (8, 14)),
        ("v=spf1 ip4:1.2.3.4/032", &["bad-cidr"], (18, 22)),
        ("v=spf1 ip4:1.2.3.4//32", &["bad-cidr"], (18, 22)),
        ("v=spf1 ip4:1.2.3", &["bad-ip4"], (11, 16)),
        ("v=spf1 ip4:1.2.3.4:8080", &["bad-ip4"], (11, 23)),
        ("v=spf1 ip6::CAFE::BABE", &["bad-ip6"], (11, 22)),
        ("v=spf1 ip4", &["missing-value"], (7, 10)),
        ("v=spf1 include +all", &["missing-value"], (7, 14)),
        ("v=spf1 include: -all", &["empty-domain"], (14, 15)),
        ("v=spf1 a: -all", &["empty-domain"], (8, 9)),
        ("v=spf1 exp= -all", &["empty-domain"], (10, 11)),
        ("v=spf1 a:111.222.33.44", &["bad-domain-end"], (9, 22)),
        ("v=spf1 a:museum.", &["bad-domain-end"], (9, 16)),
        ("v=spf1 a:example.-com", &["bad-domain-end"], (9, 21)),
        (
            "v=spf1 include:ip5.example.com/24",
            &["bad-domain-end"],
            (15, 33),
        ),
        (
            "v=spf1 -exists:%(ir).sbl.example.com",
            &["bad-macro"],
            (15, 17),
        ),
        ("v=spf1 a:%{a}.example.com", &["bad-macro"], (9, 13)),
        ("v=spf1 -all exp=%{r}.example.com", &["bad-macro"], (16, 20)),
        ("v=spf1 -all foo=%abc", &["bad-macro"], (16, 18)),
        (
            "v=spf1 exp=a.example.com -all exp=b.example.com",
            &["duplicate-modifier"],
            (30, 47),
        ),
        (
            "v=spf1 a:ctrl.example.com\rptr -all",
            &["control-char"],
            (25, 26),
        ),
        ("v=spf1 \u{80}a:example.net -all", &["non-ascii"], (7, 9)),
        ("v=spf10", &["not-spf"], (0, 7)),
    ];

    #[test]
    fn syntax_errors_name_the_term_and_place() {
        for (text, codes, (s, e)) in ERRORS {
            let record = parse(text);
            let got: Vec<&str> = record
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.code.code())
                .collect();
            assert_eq!(&got, codes, "{text}");
            let first = record.diagnostics.iter().find(|d| d.is_error()).unwrap();
            assert_eq!(first.span, Span::new(*s, *e), "{text}");
        }
    }

    const VALID: &[&str] = &[
        "v=spf1",
        "v=spf1 a  -all ",
        "V=SpF1 ~ALL",
        "v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all",
        "v=spf1 a:foo:bar/baz.example.com",
        "v=spf1 a:foo.example.xn--zckzah -all",
        "v=spf1 a:mail.example...com -all",
        "v=spf1 a/24//64 mx:example.com/30 ip6:2001:db8::/32 ip4:192.0.2.0/24",
        "v=spf1 ip6:::1.1.1.1/0 ip6:Cafe:Babe:8000::/33",
        "v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all",
        "v=spf1 exists:%{i}.%{l2r-}.user.%{d2} include:%{ir}.%{v}._spf.%{d2}",
        "v=spf1 redirect=%{d}.d.spf.example.com.",
        "v=spf1 default=+ x=",
    ];

    /// Found by the `spf_parse` fuzz target: a bare qualifier at the end of the record
    /// reported a span one past the text.
    #[test]
    fn a_bare_qualifier_is_pointed_at_inside_the_record() {
        for text in ["1 zx -", "v=spf1 -", "v=spf1 ~ -all", "v=spf1 +"] {
            let record = parse(text);
            assert!(!record.diagnostics.is_empty(), "{text}");
            for d in &record.diagnostics {
                assert!(
                    d.span.start <= d.span.end && text.get(d.span.start..d.span.end).is_some(),
                    "{text}: {d:?}"
                );
            }
        }
    }

    #[test]
    fn valid_records_have_no_errors() {
        for text in VALID {
            let record = parse(text);
            assert!(!record.has_errors(), "{text}: {:?}", record.diagnostics);
        }
    }

    #[test]
    fn terms_are_read_with_their_parts() {
        let r = parse("v=spf1 -a:mail.example.com/24//64 ?ip4:192.0.2.0/25 redirect=x.example");
        assert_eq!(r.terms.len(), 3);
        match &r.terms[0].kind {
            TermKind::Directive {
                qualifier: Qualifier::Fail,
                mechanism:
                    Mechanism::A {
                        domain: Some(d),
                        cidr,
                    },
            } => {
                assert_eq!(d.text, "mail.example.com");
                assert_eq!((cidr.v4, cidr.v6), (24, 64));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            r.terms[1].kind,
            TermKind::Directive {
                qualifier: Qualifier::Neutral,
                mechanism: Mechanism::Ip4 { prefix: 25, .. }
            }
        ));
        assert_eq!(r.redirect().unwrap().1.text, "x.example");
        assert_eq!(r.terms[2].span, Span::new(52, 70));
    }

    #[test]
    fn the_record_is_kept_even_when_invalid() {
        let r = parse("v=spf1 ip4:192.0.2.1 bogus include:_spf.example.com -all");
        assert!(r.has_errors());
        assert_eq!(r.terms.len(), 4);
        assert!(matches!(r.terms[1].kind, TermKind::Invalid));
        assert!(matches!(
            r.terms[2].kind,
            TermKind::Directive {
                mechanism: Mechanism::Include { .. },
                ..
            }
        ));
    }

    #[test]
    fn warnings_do_not_make_errors() {
        let r = parse("v=spf1 -all ip4:192.0.2.1 redirect=x.example.com");
        assert!(!r.has_errors());
        let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.code()).collect();
        assert_eq!(codes, ["after-all", "redirect-ignored"]);
    }

    #[test]
    fn macro_problems_are_reported() {
        let r = parse("v=spf1 exists:foo%.sbl.example.com");
        assert_eq!(
            r.diagnostics[0].code,
            SyntaxError::BadMacro {
                text: "%.".into(),
                problem: MacroProblem::BadPercent
            }
        );
    }

    /// RFC 7208 §4.5: "Starting with the set of records that were returned by the
    /// lookup, discard records that do not begin with a version section of exactly
    /// "v=spf1". Note that the version section is terminated by either an SP
    /// character or the end of the record."
    #[test]
    fn rfc7208_4_5_version_section() {
        assert!(is_spf_record("v=spf1"));
        assert!(is_spf_record("V=SPF1 -all"));
        assert!(!is_spf_record("v=spf10"));
        assert!(!is_spf_record("v=spf1mx"));
        assert!(!is_spf_record(" v=spf1 -all"));
    }
}
