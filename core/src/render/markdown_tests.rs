//! The Markdown export over real reports: the engine run over a [`MemoryTransport`]
//! through the real [`RunResolver`], then rendered in both languages.

use std::net::IpAddr;

use super::*;
use crate::dns::{RData, RecordType};
use crate::input::RawInput;
use crate::resolver::{MemoryTransport, RunResolver};

/// Runs the whole engine over `table` for `domain` sending from `ip`.
fn report(table: MemoryTransport, domain: &str, ip: &str) -> Report {
    let input = RawInput {
        domain: domain.into(),
        ips: ip.into(),
        ..RawInput::default()
    }
    .parse()
    .expect("valid input");
    let resolver = RunResolver::new(vec![Box::new(table)]);
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(crate::run::run(&input, &resolver, &|_| {}))
}

fn ns(table: &mut MemoryTransport, zone: &str, names: &[&str]) {
    for n in names {
        table.add(
            zone,
            RecordType::NS,
            RData::Name {
                target: (*n).to_owned(),
            },
        );
    }
}

/// `example.com` with a failing SPF (the IP is not authorised, `+all`… no: `-all`
/// without the IP), no DMARC, an MX, a PTR that does not resolve back, at Cloudflare.
fn broken() -> MemoryTransport {
    let mut t = MemoryTransport::new();
    let ip: IpAddr = "192.0.2.25".parse().unwrap();
    t.txt("example.com", &["v=spf1 ip4:192.0.2.1 -all"])
        .mx("example.com", 10, "mail.example.com")
        .ip("mail.example.com", ip)
        .name_record(
            "25.2.0.192.in-addr.arpa",
            RecordType::PTR,
            "host-25.example.net",
        );
    ns(
        &mut t,
        "example.com",
        &["amy.ns.cloudflare.com", "bob.ns.cloudflare.com"],
    );
    t
}

#[test]
fn the_verdict_comes_first_then_the_groups_failures_first() {
    let r = report(broken(), "example.com", "192.0.2.25");
    assert_eq!(r.verdict.status, Status::Fail, "{:#?}", r.verdict);
    for lang in Lang::ALL {
        let md = markdown(&r, lang);
        let pos = |needle: &str| {
            md.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in {lang:?}:\n{md}"))
        };
        assert!(md.starts_with("# "), "{md}");
        let verdict = pos(&format!(
            "**{}**",
            crate::i18n::text(lang, "export-verdict-fail", &[])
        ));
        let fix_all = pos(&format!(
            "## {}",
            crate::i18n::text(lang, "export-fix-all-heading", &[])
        ));
        let server = pos(&format!(
            "## {}",
            crate::i18n::text(lang, "export-group-server", &[])
        ));
        let domain = pos(&format!(
            "## {}",
            crate::i18n::text(lang, "export-group-domain", &[])
        ));
        let queries = pos(&format!(
            "## {}",
            crate::i18n::text(lang, "export-queries-heading", &[])
        ));
        assert!(verdict < fix_all && fix_all < server && server < domain && domain < queries);
        // Failures before passes inside a group: the first check heading of the
        // domain group is a failure.
        let first = md[domain..]
            .find("### ")
            .map(|i| &md[domain + i..])
            .unwrap();
        assert!(first.starts_with("### ✗"), "{first}");
        // Each explained failure has its sections.
        for key in [
            "export-found",
            "export-why",
            "export-fix",
            "export-references",
        ] {
            pos(&format!("**{}**", crate::i18n::text(lang, key, &[])));
        }
        // Records in zone blocks, references as links.
        assert!(md.contains("```zone\n"), "{md}");
        assert!(md.contains("](<https://"), "{md}");
        // No catalogue key leaks as text, no placeable is left unfilled.
        assert!(!md.contains("{$"), "{md}");
        assert!(!md.contains("export-"), "{md}");
    }
}

#[test]
fn the_dns_host_names_its_panel_in_the_fix() {
    let r = report(broken(), "example.com", "192.0.2.25");
    let host = r.dns_host.as_ref().expect("Cloudflare recognised");
    assert_eq!(
        (host.id.as_str(), host.zone.as_str()),
        ("cloudflare", "example.com")
    );
    for lang in Lang::ALL {
        let md = markdown(&r, lang);
        let panel = crate::i18n::text(lang, "dnshost-cloudflare-panel", &[]);
        // In the fix-everything snippet's comment and in the per-check records.
        let fix_all = md.find("```zone\n; ").expect("snippet");
        assert!(
            md[fix_all..].lines().nth(1).unwrap().contains("Cloudflare"),
            "{md}"
        );
        assert!(md.contains(&escape(&panel)), "{md}");
    }
    // The same report without NS records of its own gets the parent's or the
    // generic text, never a host's name.
    let mut t = broken();
    t.fail(
        "example.com",
        Some(RecordType::NS),
        crate::dns::LookupError::ServFail,
    );
    let r = report(t, "example.com", "192.0.2.25");
    assert!(r.dns_host.is_none());
    let md = markdown(&r, Lang::En);
    // (Other text may name Cloudflare as a resolver; the place never does.)
    assert!(!md.contains("at `Cloudflare`"), "{md}");
    assert!(
        !md.contains(&crate::i18n::text(
            Lang::En,
            "dnshost-cloudflare-panel",
            &[]
        )),
        "{md}"
    );
    assert!(md.contains(&escape(&crate::i18n::text(
        Lang::En,
        "dnshost-place-generic",
        &[]
    ))));
}

#[test]
fn a_subdomain_takes_the_dns_host_of_the_zone_above() {
    let mut t = MemoryTransport::new();
    t.txt("mail.example.co.id", &["v=spf1 -all"]);
    ns(
        &mut t,
        "example.co.id",
        &["ns1.rumahweb.com", "ns2.rumahweb.com"],
    );
    let r = report(t, "mail.example.co.id", "192.0.2.25");
    let host = r.dns_host.as_ref().expect("Rumahweb recognised");
    assert_eq!(
        (host.id.as_str(), host.zone.as_str()),
        ("rumahweb", "example.co.id")
    );
    let md = markdown(&r, Lang::Id);
    assert!(md.contains("Rumahweb"), "{md}");
}

#[test]
fn hostile_dns_data_cannot_add_markdown_or_html() {
    let mut t = broken();
    // A TXT record at the domain that tries to end a code span, open a link, add
    // HTML, start a heading and close a fenced block.
    let evil =
        "v=spf1 `x` [click](https://evil.example) <img src=x onerror=alert(1)> \n# owned\n``` ~~~";
    t.txt("example.com", &[evil]);
    t.txt(
        "_dmarc.example.com",
        &["v=DMARC1; p=none; rua=mailto:`<b>`@x"],
    );
    let r = report(t, "example.com", "192.0.2.25");
    for lang in Lang::ALL {
        let md = markdown(&r, lang);
        for line in md.lines() {
            assert!(!line.starts_with("# owned"), "{md}");
        }
        // Every `<` in the document is inside a code span or a fenced block, or
        // escaped: outside code no raw `<img`/`<b>` survives.
        let outside = strip_code(&md);
        assert!(
            !outside.contains("<img") && !outside.contains("<b>"),
            "{outside}"
        );
        assert!(!outside.contains("[click]("), "{outside}");
        // Fences are balanced: every block opened is closed.
        let fences = md.lines().filter(|l| l.starts_with("```")).count();
        assert_eq!(fences % 2, 0, "{md}");
    }
}

/// `md` with fenced blocks and code spans removed (CommonMark's rules for the
/// subset the renderer writes: a fence closes on a line of at least its length; a
/// span closes on a run of exactly its length).
fn strip_code(md: &str) -> String {
    let mut out = String::new();
    let mut fence: Option<usize> = None;
    for line in md.lines() {
        let ticks = line.chars().take_while(|c| *c == '`').count();
        match fence {
            Some(n) if ticks >= n && line[ticks..].trim().is_empty() => fence = None,
            Some(_) => {}
            None if ticks >= 3 => fence = Some(ticks),
            None => {
                out.push_str(&strip_spans(line));
                out.push('\n');
            }
        }
    }
    out
}

fn strip_spans(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\\' && i + 1 < chars.len() {
            i += 2;
            continue;
        }
        if chars[i] == '`' {
            let n = chars[i..].iter().take_while(|c| **c == '`').count();
            // Find a closing run of exactly n backticks.
            let mut j = i + n;
            let mut closed = None;
            while j < chars.len() {
                if chars[j] == '`' {
                    let m = chars[j..].iter().take_while(|c| **c == '`').count();
                    if m == n {
                        closed = Some(j + m);
                        break;
                    }
                    j += m;
                } else {
                    j += 1;
                }
            }
            match closed {
                Some(end) => i = end,
                None => {
                    out.extend(&chars[i..i + n]);
                    i += n;
                }
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[test]
fn escaping_and_code_spans() {
    assert_eq!(escape("a*b_c"), "a\\*b\\_c");
    assert_eq!(escape("<b>&"), "\\<b\\>\\&");
    assert_eq!(escape("1. x"), "1\\. x");
    assert_eq!(escape("- x"), "\\- x");
    assert_eq!(escape("a\nb"), "a b");
    assert_eq!(code("v=spf1"), "`v=spf1`");
    assert_eq!(code("a`b"), "``a`b``");
    assert_eq!(code("`x"), "`` `x ``");
    assert_eq!(code(""), "`\"\"`");
    assert_eq!(fenced("a\n```\n", "zone"), "````zone\na\n```\n````\n");
    assert_eq!(
        link("RFC", "javascript:alert(1)"),
        "RFC `javascript:alert(1)`"
    );
    assert_eq!(
        link("RFC 7208", "https://x.example/a"),
        "[RFC 7208](<https://x.example/a>)"
    );
}

#[test]
fn the_query_log_is_summarised() {
    let mut t = broken();
    t.fail(
        "_dmarc.example.com",
        Some(RecordType::TXT),
        crate::dns::LookupError::ServFail,
    );
    let r = report(t, "example.com", "192.0.2.25");
    let md = markdown(&r, Lang::En);
    let at = md.find("## Query log").expect("heading");
    let section = &md[at..];
    assert!(
        section.contains(&format!("{} DNS queries", r.queries.len())),
        "{section}"
    );
    assert!(section.contains("`_dmarc.example.com` `TXT`"), "{section}");
    assert!(section.contains("`memory`"), "{section}");
}
