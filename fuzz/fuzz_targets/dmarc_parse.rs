//! The DMARC record parser (core/src/dmarc/parse.rs) on arbitrary text: no panic, and every
//! span it reports slices the record.
#![no_main]

use inboxable_core::dmarc::parse::looks_like_dmarc;
use inboxable_core::dmarc::{Span, is_dmarc_record, parse};
use libfuzzer_sys::fuzz_target;

fn slices(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = (is_dmarc_record(text), looks_like_dmarc(text));
    let record = parse(text);
    assert_eq!(record.text, text);
    for tag in &record.tags {
        assert!(slices(text, tag.span), "tag span {tag:?}");
        assert!(slices(text, tag.value_span), "value span {tag:?}");
    }
    for diagnostic in &record.diagnostics {
        assert!(slices(text, diagnostic.span), "diagnostic {diagnostic:?}");
    }
    let _ = record.effective_p();
    for uri in record.rua.iter().chain(&record.ruf) {
        let _ = format!("{uri:?}");
    }
});
