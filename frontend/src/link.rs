//! Share links: the page's inputs in the query string, read on load and written after
//! each run so the address bar always holds a link that re-runs the same check.
//!
//! `?domain=…&ip=…&host=…&selector=…&helo=…&resolver=…&lang=…`; `ip` and `selector`
//! may repeat or hold comma-joined lists. This module is pure so it is tested on the
//! host; the browser glue lives in `browser.rs`.

use inboxable_core::i18n::Lang;
use inboxable_core::input::{Input, RawInput};

use crate::state::ResolverKind;

/// What a link asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkParams {
    /// The form fields, as text.
    pub raw: RawInput,
    /// The resolver, when the link names one.
    pub resolver: Option<(ResolverKind, String)>,
    /// The language, when the link names one.
    pub lang: Option<Lang>,
}

/// Reads a query string (with or without its leading `?`).
pub fn parse_query(query: &str) -> LinkParams {
    let mut link = LinkParams::default();
    let mut ips: Vec<String> = Vec::new();
    let mut selectors: Vec<String> = Vec::new();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        // The first value of a single-valued parameter wins, as for DoH parameters.
        let first = |field: &mut String| {
            if field.is_empty() {
                *field = value.to_owned();
            }
        };
        match decode(key).as_str() {
            "domain" => first(&mut link.raw.domain),
            "host" => first(&mut link.raw.host),
            "helo" => first(&mut link.raw.helo),
            "ip" | "ips" => ips.push(value.to_owned()),
            "selector" | "selectors" => selectors.push(value.to_owned()),
            "resolver" if link.resolver.is_none() => link.resolver = parse_resolver(value),
            "lang" if link.lang.is_none() => link.lang = Lang::from_tag(value),
            _ => {}
        }
    }
    // The engine splits on commas and spaces, so joining keeps every item.
    link.raw.ips = ips.join(", ");
    link.raw.selectors = selectors.join(", ");
    link
}

fn parse_resolver(value: &str) -> Option<(ResolverKind, String)> {
    if let Some(kind) = ResolverKind::from_value(value).filter(|k| *k != ResolverKind::Custom) {
        return Some((kind, String::new()));
    }
    let lower = value.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        .then(|| (ResolverKind::Custom, value.to_owned()))
}

/// The query string (with its `?`) of a checked run.
pub fn to_query(input: &Input, resolver: ResolverKind, resolver_url: &str, lang: Lang) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("domain", input.domain.clone())];
    if !input.ips.is_empty() {
        let ips: Vec<String> = input.ips.iter().map(ToString::to_string).collect();
        pairs.push(("ip", ips.join(",")));
    }
    if let Some(host) = &input.host {
        pairs.push(("host", host.clone()));
    }
    if !input.selectors.is_empty() {
        pairs.push(("selector", input.selectors.join(",")));
    }
    if let Some(helo) = &input.helo {
        pairs.push(("helo", helo.clone()));
    }
    match resolver {
        ResolverKind::Custom if shareable_url(resolver_url) => {
            pairs.push(("resolver", resolver_url.trim().to_owned()));
        }
        // A custom URL that may carry a credential is left out: the link then uses
        // the default resolver of whoever opens it.
        ResolverKind::Custom => {}
        kind => pairs.push(("resolver", kind.value().to_owned())),
    }
    pairs.push(("lang", lang.code().to_owned()));
    let joined: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("?{}", joined.join("&"))
}

/// Whether a custom resolver URL may go into a link: no user-info (`user:pass@`),
/// no query string and no fragment, where tokens live.
pub fn shareable_url(url: &str) -> bool {
    let url = url.trim();
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let authority = rest.split('/').next().unwrap_or_default();
    !authority.contains('@') && !url.contains('?') && !url.contains('#')
}

/// Replaces (or adds) the `lang` parameter of a query string, keeping the rest.
pub fn with_lang(query: &str, lang: Lang) -> String {
    let mut parts: Vec<String> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some("lang"))
        .map(str::to_owned)
        .collect();
    parts.push(format!("lang={}", lang.code()));
    format!("?{}", parts.join("&"))
}

/// Percent-encodes a query value. Unreserved characters stay, and so do `:` `/` `,`
/// `@`, which RFC 3986 allows in a query and keep links readable.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char);
            }
            b':' | b'/' | b',' | b'@' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte;
/// malformed escapes stay as they are, invalid UTF-8 becomes U+FFFD.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_link_fills_every_field() {
        let link = parse_query(
            "?domain=Example.com&ip=192.0.2.1&ip=2001:db8::1,198.51.100.7&host=mail.example.com\
             &selector=s1&selector=s2,s3&helo=mail.example.com&resolver=google&lang=id",
        );
        assert_eq!(link.raw.domain, "Example.com");
        assert_eq!(link.raw.ips, "192.0.2.1, 2001:db8::1,198.51.100.7");
        assert_eq!(link.raw.host, "mail.example.com");
        assert_eq!(link.raw.selectors, "s1, s2,s3");
        assert_eq!(link.raw.helo, "mail.example.com");
        assert_eq!(link.resolver, Some((ResolverKind::Google, String::new())));
        assert_eq!(link.lang, Some(Lang::Id));
        let input = link.raw.parse().unwrap();
        assert_eq!(input.ips.len(), 3);
        assert_eq!(input.selectors, ["s1", "s2", "s3"]);
    }

    #[test]
    fn escapes_and_oddities() {
        let link = parse_query(
            "domain=b%C3%BCcher.de&selector=a+b&resolver=https%3A%2F%2Fdoh.example%2Fdns-query&x=1&lang=fr&junk",
        );
        assert_eq!(link.raw.domain, "bücher.de");
        assert_eq!(link.raw.selectors, "a b");
        assert_eq!(
            link.resolver,
            Some((ResolverKind::Custom, "https://doh.example/dns-query".into()))
        );
        assert_eq!(link.lang, None);
        assert_eq!(parse_query(""), LinkParams::default());
        assert_eq!(parse_query("?domain=%ZZ%4").raw.domain, "%ZZ%4");
        assert_eq!(parse_query("?domain=a%2").raw.domain, "a%2");
        assert_eq!(parse_query("?domain=%41").raw.domain, "A");
        assert_eq!(parse_query("?resolver=ftp://x").resolver, None);
        assert_eq!(
            parse_query("?resolver=this").resolver,
            Some((ResolverKind::This, String::new()))
        );
        assert_eq!(
            parse_query("?domain=&domain=second.example").raw.domain,
            "second.example"
        );
    }

    /// A pasted message may be large and private: it never goes into a link.
    #[test]
    fn a_pasted_message_stays_out_of_the_link() {
        let raw = RawInput {
            domain: "example.com".into(),
            message: "Received: from mail.example.com (mail.example.com [192.0.2.7])\n by mx.example.net; Fri, 4 Dec 2026 18:00:00 +0000\nFrom: secret@example.com\n\nprivate body".into(),
            ..RawInput::default()
        };
        let input = raw.parse().unwrap();
        assert!(input.message.is_some());
        let query = to_query(&input, ResolverKind::Public, "", Lang::En);
        for leak in ["secret", "private", "192.0.2.7", "message"] {
            assert!(!query.contains(leak), "{leak} in {query}");
        }
    }

    #[test]
    fn a_run_round_trips_through_its_link() {
        let raw = RawInput {
            domain: "Example.COM".into(),
            ips: "192.0.2.1 2001:db8::1".into(),
            host: "mail.example.com".into(),
            selectors: "s1,s2".into(),
            helo: "mail.example.com".into(),
            message: String::new(),
        };
        let input = raw.parse().unwrap();
        let query = to_query(&input, ResolverKind::Cloudflare, "", Lang::En);
        assert_eq!(
            query,
            "?domain=example.com&ip=192.0.2.1,2001:db8::1&host=mail.example.com\
             &selector=s1,s2&helo=mail.example.com&resolver=cloudflare&lang=en"
        );
        let back = parse_query(&query);
        assert_eq!(back.raw.parse().unwrap(), input);
        assert_eq!(
            back.resolver,
            Some((ResolverKind::Cloudflare, String::new()))
        );

        let url = "https://doh.example/dns-query";
        let query = to_query(&input, ResolverKind::Custom, url, Lang::Id);
        assert_eq!(
            parse_query(&query).resolver,
            Some((ResolverKind::Custom, url.into()))
        );
    }

    #[test]
    fn credentials_never_enter_a_link() {
        let input = RawInput {
            domain: "example.com".into(),
            ..RawInput::default()
        }
        .parse()
        .unwrap();
        for url in [
            "https://user:secret@doh.example/dns-query",
            "https://doh.example/dns-query?token=secret",
            "https://doh.example/dns-query#secret",
        ] {
            let query = to_query(&input, ResolverKind::Custom, url, Lang::En);
            assert!(!query.contains("secret"), "{query}");
            assert_eq!(query, "?domain=example.com&lang=en");
        }
    }

    #[test]
    fn language_switch_keeps_the_rest() {
        assert_eq!(
            with_lang("?domain=a.example&lang=en", Lang::Id),
            "?domain=a.example&lang=id"
        );
        assert_eq!(with_lang("", Lang::En), "?lang=en");
    }

    #[test]
    fn encoding_is_reversible() {
        for text in ["a b&c=d?e#f%g+h", "bücher", "https://x.example/p"] {
            assert_eq!(decode(&encode(text)), text);
        }
    }
}
