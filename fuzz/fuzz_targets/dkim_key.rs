//! The DKIM key record reader (core/src/dkim/key.rs over the tag-list reader in tags.rs, and
//! the base64/DER reading in der.rs behind `p=`) on arbitrary text: no panic, every span slices
//! the record, and the rewritten record (the fix the page offers) reads back as a key record.
#![no_main]

use inboxable_core::dkim::Span;
use inboxable_core::dkim::key::{is_key_record, parse};
use inboxable_core::dkim::tags::parse_tag_list;
use libfuzzer_sys::fuzz_target;

fn slices(text: &str, span: Span) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (tags, _problems) = parse_tag_list(text);
    for tag in &tags {
        assert!(slices(text, tag.span), "tag span {tag:?}");
        assert!(slices(text, tag.value_span), "value span {tag:?}");
    }
    let _ = is_key_record(text);
    let record = parse(text);
    for tag in &record.tags {
        assert!(slices(text, tag.span), "tag span {tag:?}");
    }
    for diagnostic in &record.diagnostics {
        assert!(slices(text, diagnostic.span), "diagnostic {diagnostic:?}");
    }
    let _ = (record.testing(), record.worst());
    let rewritten = record.rewritten(&["t"]);
    assert!(is_key_record(&rewritten), "rewritten record {rewritten:?}");
    let _ = parse(&rewritten);
});
