//! One `Received` header (RFC 5321 §4.4):
//!
//! ```text
//! Time-stamp-line = "Received:" FWS Stamp <CRLF>
//! Stamp          = From-domain By-domain Opt-info [CFWS] ";" FWS date-time
//! From-domain    = "FROM" FWS Extended-Domain
//! By-domain      = CFWS "BY" FWS Extended-Domain
//! Extended-Domain = Domain /
//!                  ( Domain FWS "(" TCP-info ")" ) /
//!                  ( address-literal FWS "(" TCP-info ")" )
//! TCP-info       = address-literal / ( Domain FWS address-literal )
//! ```
//!
//! Servers write the `from` clause in their own ways; the ones read here:
//!
//! | writer | `from` clause |
//! |---|---|
//! | Postfix, Gmail, sendmail | `helo.name (rdns.name [192.0.2.1])`, `(unknown [192.0.2.1])` |
//! | Exim | `rdns.name ([192.0.2.1] helo=helo.name)`, `[192.0.2.1] (helo=helo.name)` |
//! | Microsoft 365 | `helo.name (192.0.2.1)` |
//! | qmail | `rdns (HELO helo.name) (192.0.2.1)` |
//!
//! IPv6 literals are `[IPv6:2001:db8::1]` (RFC 5321 §4.1.3) or bare in brackets.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

/// What one `Received` header says about its hop.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    /// The HELO/EHLO name the client gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helo: Option<String>,
    /// The client's reverse DNS name, as the receiving host found it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rdns: Option<String>,
    /// The client's IP address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<IpAddr>,
    /// The receiving host.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The protocol (`ESMTPS`, `SMTP`, `HTTPS`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
}

/// A word or a parenthesised comment of the header, at the top level.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Word(&'a str),
    Comment(&'a str),
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'(' {
            let start = i + 1;
            let mut depth = 1;
            i += 1;
            while i < bytes.len() && depth > 0 {
                match bytes[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            let end = if depth == 0 { i - 1 } else { bytes.len() };
            out.push(Token::Comment(&text[start..end.max(start)]));
        } else {
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'(' {
                i += 1;
            }
            out.push(Token::Word(&text[start..i]));
        }
    }
    out
}

/// An address literal: `[192.0.2.1]`, `[IPv6:2001:db8::1]`, `[2001:db8::1]`,
/// with an optional `:port` after the bracket (Exim).
pub(crate) fn address_literal(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let inner = &inner[..close];
    let inner = inner
        .strip_prefix("IPv6:")
        .or_else(|| inner.strip_prefix("ipv6:"))
        .or_else(|| inner.strip_prefix("IPV6:"))
        .unwrap_or(inner);
    inner.parse().ok()
}

fn is_keyword(word: &str) -> bool {
    ["from", "by", "via", "with", "id", "for"]
        .iter()
        .any(|k| word.eq_ignore_ascii_case(k))
}

fn name(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('.');
    let ok = !text.is_empty()
        && !text.eq_ignore_ascii_case("unknown")
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._".contains(c));
    ok.then(|| text.to_ascii_lowercase())
}

/// Reads the `from` clause's TCP-info comment(s) into `out`.
fn read_tcp_info(comment: &str, out: &mut Received) {
    let words: Vec<&str> = comment.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(ip) = address_literal(w) {
            out.ip.get_or_insert(ip);
            // Postfix/sendmail: the word before the literal is the reverse DNS name.
            if i > 0
                && out.rdns.is_none()
                && let Some(n) = name(words[i - 1])
            {
                out.rdns = Some(n);
            }
        } else if let Some(h) = w.strip_prefix("helo=").or_else(|| w.strip_prefix("HELO=")) {
            out.helo = name(h).or_else(|| Some(h.to_ascii_lowercase()));
        } else if w.eq_ignore_ascii_case("helo")
            && let Some(next) = words.get(i + 1)
        {
            // qmail: `(HELO helo.name)`.
            out.helo = Some(next.trim_end_matches('.').to_ascii_lowercase());
        } else if words.len() == 1
            && let Ok(ip) = w.parse::<IpAddr>()
        {
            // Microsoft 365 and qmail: the bare address in its own comment.
            out.ip.get_or_insert(ip);
        }
    }
}

/// Reads one `Received` header value.
pub fn parse_received(value: &str) -> Received {
    // The date follows the last semicolon.
    let stamp = value.rsplit_once(';').map_or(value, |(s, _)| s);
    let mut out = Received::default();
    let mut clause = "";
    let mut from_word: Option<&str> = None;
    let mut helo_given = false;
    for token in tokens(stamp) {
        match token {
            Token::Word(w) if is_keyword(w) => clause = w,
            Token::Word(w) => {
                if clause.eq_ignore_ascii_case("from") && from_word.is_none() {
                    from_word = Some(w);
                } else if clause.eq_ignore_ascii_case("by") && out.by.is_none() {
                    out.by = Some(w.trim_end_matches('.').to_ascii_lowercase());
                } else if clause.eq_ignore_ascii_case("with") && out.with.is_none() {
                    out.with = Some(w.to_owned());
                }
            }
            Token::Comment(c) if clause.eq_ignore_ascii_case("from") => {
                let before = out.helo.clone();
                read_tcp_info(c, &mut out);
                helo_given |= out.helo != before;
            }
            Token::Comment(_) => {}
        }
    }
    if let Some(w) = from_word {
        if let Some(ip) = address_literal(w) {
            // Exim without reverse DNS: `from [192.0.2.1] (helo=…)`; Postfix when
            // the client said `HELO [192.0.2.1]`.
            out.ip.get_or_insert(ip);
            if !helo_given && w.starts_with('[') && !w.contains("]:") {
                out.helo = Some(w.to_owned());
            }
        } else if !helo_given {
            // Without an explicit `helo=`, the from-domain is the name the client
            // gave (Exim writes it only when it matched the reverse DNS name).
            out.helo = name(w);
        } else if out.rdns.is_none() {
            // Exim: `from rdns.name ([192.0.2.1] helo=other.name)`.
            out.rdns = name(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn from_clauses_of_common_servers() {
        // (header, ip, helo, rdns, by)
        type Case<'a> = (
            &'a str,
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let cases: &[Case<'_>] = &[
            (
                "from mail.example.com (mail.example.com. [203.0.113.5]) by mx.google.com with ESMTPS id x2si123 for <a@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Fri, 04 Dec 2026 10:00:00 -0800 (PST)",
                "203.0.113.5",
                Some("mail.example.com"),
                Some("mail.example.com"),
                Some("mx.google.com"),
            ),
            (
                "from helo.example.net (unknown [198.51.100.7]) by mx.example.org (Postfix) with ESMTPS id 4Q1; Fri, 4 Dec 2026 18:00:00 +0000 (UTC)",
                "198.51.100.7",
                Some("helo.example.net"),
                None,
                Some("mx.example.org"),
            ),
            (
                "from mail.example.com ([203.0.113.5]:41234 helo=smtp.example.com) by mx.example.org with esmtps (TLS1.3) (Exim 4.96) (envelope-from <a@example.com>) id 1r; Fri, 04 Dec 2026 18:00:00 +0000",
                "203.0.113.5",
                Some("smtp.example.com"),
                Some("mail.example.com"),
                Some("mx.example.org"),
            ),
            (
                "from [203.0.113.5] (helo=smtp.example.com) by mx.example.org with esmtp (Exim 4.96) id 1r; Fri, 04 Dec 2026 18:00:00 +0000",
                "203.0.113.5",
                Some("smtp.example.com"),
                None,
                Some("mx.example.org"),
            ),
            (
                "from mail.example.com (203.0.113.5) by BN8NAM11FT066.mail.protection.outlook.com (10.13.177.138) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7 via Frontend Transport; Fri, 4 Dec 2026 18:00:00 +0000",
                "203.0.113.5",
                Some("mail.example.com"),
                None,
                Some("bn8nam11ft066.mail.protection.outlook.com"),
            ),
            (
                "from mail.example.com (mail.example.com [IPv6:2001:db8::25]) by mx.example.org (Postfix) with ESMTPS id 4Q; Fri, 4 Dec 2026 18:00:00 +0000",
                "2001:db8::25",
                Some("mail.example.com"),
                Some("mail.example.com"),
                Some("mx.example.org"),
            ),
            (
                "from unknown (HELO mail.example.com) (203.0.113.5) by mx.example.org with SMTP; 4 Dec 2026 18:00:00 -0000",
                "203.0.113.5",
                Some("mail.example.com"),
                None,
                Some("mx.example.org"),
            ),
            (
                "from localhost.localdomain ([127.0.0.1]) by mail.example.com (8.17.1/8.17.1) with ESMTP id 0B4; Fri, 4 Dec 2026 18:00:00 +0000",
                "127.0.0.1",
                Some("localhost.localdomain"),
                None,
                Some("mail.example.com"),
            ),
        ];
        for (header, want_ip, helo, rdns, by) in cases {
            let r = parse_received(header);
            assert_eq!(r.ip, ip(want_ip), "{header}");
            assert_eq!(r.helo.as_deref(), *helo, "{header}");
            assert_eq!(r.rdns.as_deref(), *rdns, "{header}");
            assert_eq!(r.by.as_deref(), *by, "{header}");
        }
    }

    #[test]
    fn hops_without_a_client() {
        let r = parse_received(
            "by 2002:a05:6a10:b8b:b0:5a5:1234:abcd with SMTP id r11csp1234pxb; Fri, 4 Dec 2026 10:00:01 -0800 (PST)",
        );
        assert_eq!(r.ip, None);
        assert_eq!(r.helo, None);
        assert_eq!(r.by.as_deref(), Some("2002:a05:6a10:b8b:b0:5a5:1234:abcd"));
        assert_eq!(parse_received(""), Received::default());
        assert_eq!(parse_received("from (((( by"), Received::default());
    }

    #[test]
    fn address_literals() {
        assert_eq!(address_literal("[192.0.2.1]"), ip("192.0.2.1"));
        assert_eq!(address_literal("[192.0.2.1]:2525"), ip("192.0.2.1"));
        assert_eq!(address_literal("[IPv6:2001:db8::1]"), ip("2001:db8::1"));
        assert_eq!(address_literal("[2001:db8::1]"), ip("2001:db8::1"));
        assert_eq!(address_literal("[mail.example.com]"), None);
        assert_eq!(address_literal("192.0.2.1"), None);
    }
}
