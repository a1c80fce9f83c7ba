//! The SPF record parser (core/src/spf/parse.rs) on arbitrary text: it must never panic, every
//! span it reports must slice the record (the page cuts the text at them), and macro expansion
//! of every domain-spec it read must not panic either.
#![no_main]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use inboxable_core::spf::macros::{MacroValues, expand};
use inboxable_core::spf::{Span, is_spf_record, parse};
use libfuzzer_sys::fuzz_target;

fn slices(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = is_spf_record(text);
    let record = parse(text);
    assert_eq!(record.text, text);
    for term in &record.terms {
        assert!(slices(text, term.span), "term span {:?}", term.span);
        assert_eq!(&text[term.span.start..term.span.end], term.text);
    }
    for diagnostic in &record.diagnostics {
        assert!(slices(text, diagnostic.span), "diagnostic {diagnostic:?}");
        let _ = (
            diagnostic.code.code(),
            diagnostic.code.severity(),
            diagnostic.code.args(),
        );
    }
    let ip = if data.len() % 2 == 0 {
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1))
    } else {
        IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1))
    };
    let values = MacroValues {
        sender: "user@example.com".into(),
        local: "user".into(),
        sender_domain: "example.com".into(),
        domain: "example.com".into(),
        ip,
        helo: "mail.example.com".into(),
        validated: Some("mail.example.com".into()),
        receiver: "mx.example.org".into(),
        now: 1_700_000_000,
    };
    let specs = record
        .directives()
        .filter_map(|(_, _, mechanism)| mechanism.domain())
        .chain(record.redirect().map(|(_, spec)| spec))
        .chain(record.exp().map(|(_, spec)| spec));
    for spec in specs {
        let _ = expand(spec, &values);
    }
});
