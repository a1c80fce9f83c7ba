//! Corrected records, in zone-file syntax, for the checks' explanations.

use std::net::IpAddr;

use super::trace::Expansion;
use super::{MAX_STRING_OCTETS, Mechanism, Modifier, Qualifier, Record, TermKind};
use crate::report::{FixPlace, FixRecord};

/// `domain. 3600 IN TXT "…"`, split into strings of at most 255 octets (§3.3: the
/// strings are joined without spaces, so the split may fall anywhere).
pub fn txt_line(domain: &str, record: &str) -> String {
    let mut strings = Vec::new();
    let mut rest = record;
    while rest.len() > MAX_STRING_OCTETS {
        let mut cut = MAX_STRING_OCTETS;
        // Prefer to cut before a space, so each string reads as whole terms.
        if let Some(space) = rest[..cut].rfind(' ').filter(|&s| s > 0) {
            cut = space;
        }
        strings.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    strings.push(rest);
    let quoted: Vec<String> = strings.iter().map(|s| format!("\"{s}\"")).collect();
    format!("{domain}. 3600 IN TXT {}", quoted.join(" "))
}

/// A record to publish at the DNS host.
pub fn publish(domain: &str, record: &str, replaces: bool) -> FixRecord {
    FixRecord {
        place: FixPlace::DnsHost,
        record: txt_line(domain, record),
        replaces,
    }
}

/// The mechanism that authorises exactly `ip`.
pub fn ip_term(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => format!("ip4:{v4}"),
        IpAddr::V6(v6) => format!("ip6:{v6}"),
    }
}

/// `record` with `ips` authorised right after the version, before any `all` or
/// include can decide.
pub fn add_ips(record: &Record, ips: &[IpAddr]) -> String {
    let mut terms: Vec<String> = ips.iter().map(|ip| ip_term(*ip)).collect();
    terms.extend(record.terms.iter().map(|t| t.text.clone()));
    if record.all().is_none() && record.redirect().is_none() {
        terms.push("~all".into());
    }
    format!("v=spf1 {}", terms.join(" "))
}

/// A new record for a domain without one.
pub fn new_record(ips: &[IpAddr]) -> String {
    if ips.is_empty() {
        "v=spf1 mx ~all".into()
    } else {
        let terms: Vec<String> = ips.iter().map(|ip| ip_term(*ip)).collect();
        format!("v=spf1 {} ~all", terms.join(" "))
    }
}

/// Several records merged into one: every directive once, one `redirect`/`exp` at
/// most, and the first record's `all` (or `~all`) last.
pub fn merge(records: &[Record]) -> String {
    let mut terms: Vec<String> = Vec::new();
    let mut all: Option<String> = None;
    let mut modifiers: Vec<String> = Vec::new();
    let mut seen_redirect = false;
    let mut seen_exp = false;
    for record in records {
        for term in &record.terms {
            match &term.kind {
                TermKind::Directive {
                    mechanism: Mechanism::All,
                    ..
                } => {
                    all.get_or_insert_with(|| term.text.clone());
                }
                TermKind::Modifier { modifier } => {
                    let seen = match modifier {
                        Modifier::Redirect { .. } => &mut seen_redirect,
                        Modifier::Exp { .. } => &mut seen_exp,
                        Modifier::Unknown { .. } => continue,
                    };
                    if !*seen {
                        *seen = true;
                        modifiers.push(term.text.clone());
                    }
                }
                _ => {
                    let lower = term.text.to_ascii_lowercase();
                    if !terms.iter().any(|t| t.to_ascii_lowercase() == lower) {
                        terms.push(term.text.clone());
                    }
                }
            }
        }
    }
    if all.is_some() {
        // A redirect is ignored next to `all` (§6.1): do not publish a dead one.
        modifiers.retain(|m| !m.to_ascii_lowercase().starts_with("redirect="));
    } else if !seen_redirect {
        all = Some("~all".into());
    }
    terms.extend(all);
    terms.extend(modifiers);
    format!("v=spf1 {}", terms.join(" "))
}

/// `record` with its `all` replaced by `qualifier` `all` (added when missing).
pub fn with_all(record: &Record, qualifier: Qualifier) -> String {
    let new_all = match qualifier {
        Qualifier::Pass => "all".to_owned(),
        q => format!("{}all", q.symbol()),
    };
    let mut terms: Vec<String> = Vec::new();
    let mut replaced = false;
    for term in &record.terms {
        let is_all = matches!(
            term.kind,
            TermKind::Directive {
                mechanism: Mechanism::All,
                ..
            }
        );
        let is_redirect = matches!(
            term.kind,
            TermKind::Modifier {
                modifier: Modifier::Redirect { .. }
            }
        );
        if is_all {
            if !replaced {
                terms.push(new_all.clone());
                replaced = true;
            }
        } else if !is_redirect {
            terms.push(term.text.clone());
        }
    }
    if !replaced {
        terms.push(new_all);
    }
    format!("v=spf1 {}", terms.join(" "))
}

/// The record flattened: every network of the tree written out, the terms that
/// cannot be flattened kept, and the root's `all`. It costs only the kept terms'
/// lookups, but goes stale when a provider changes its ranges.
pub fn flatten(record: &Record, expansion: &Expansion) -> (String, u32) {
    let mut terms: Vec<String> = expansion.networks.iter().map(|n| n.mechanism()).collect();
    terms.dedup();
    let mut kept = 0;
    for t in &expansion.unflattenable {
        terms.push(t.clone());
        kept += 1;
    }
    match record.all() {
        Some((t, _)) => terms.push(t.text.clone()),
        None => terms.push("~all".into()),
    }
    (format!("v=spf1 {}", terms.join(" ")), kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spf::parse;

    #[test]
    fn ips_go_first() {
        let r = parse("v=spf1 include:_spf.example.net -all");
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(
            add_ips(&r, &[ip]),
            "v=spf1 ip4:192.0.2.7 include:_spf.example.net -all"
        );
        let r = parse("v=spf1 mx");
        let v6: IpAddr = "2001:db8::1".parse().unwrap();
        assert_eq!(add_ips(&r, &[v6]), "v=spf1 ip6:2001:db8::1 mx ~all");
    }

    #[test]
    fn merging_keeps_one_of_each() {
        let a = parse("v=spf1 mx include:_spf.google.com ~all");
        let b = parse("v=spf1 ip4:192.0.2.1 MX -all redirect=x.example.com");
        assert_eq!(
            merge(&[a, b]),
            "v=spf1 mx include:_spf.google.com ip4:192.0.2.1 ~all"
        );
    }

    #[test]
    fn plus_all_is_replaced() {
        let r = parse("v=spf1 a mx +all");
        assert_eq!(with_all(&r, Qualifier::Fail), "v=spf1 a mx -all");
        let r = parse("v=spf1 a");
        assert_eq!(with_all(&r, Qualifier::Softfail), "v=spf1 a ~all");
    }

    /// RFC 7208 §3.3: "TXT RRs … may be … multiple strings … concatenated together
    /// without adding spaces" — long records are published as several strings.
    #[test]
    fn rfc7208_3_3_long_records_are_split() {
        let long = format!("v=spf1 {} -all", "ip4:192.0.2.1 ".repeat(30).trim_end());
        let line = txt_line("example.com", &long);
        let strings: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        assert!(strings.len() > 1 && strings.iter().all(|s| s.len() <= 255));
        assert_eq!(strings.concat(), long);
    }
}
