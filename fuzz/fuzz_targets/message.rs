//! The pasted-message reader (core/src/message/): header splitting and unfolding, `Received`
//! chains, DKIM-Signature and Authentication-Results fields, From / Return-Path and the
//! unsubscribe headers, on arbitrary text. No panic, and the body it finds is a suffix of the
//! text.
#![no_main]

use inboxable_core::message::{
    PastedMessage, body_of, parse_received, split_headers, verifiable_text,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (headers, rest) = split_headers(text);
    assert!(text.ends_with(rest), "the body is not a suffix of the text");
    for header in &headers {
        if header.name.eq_ignore_ascii_case("received") {
            let _ = parse_received(&header.value);
        }
    }
    let body = body_of(text);
    assert!(text.ends_with(body), "body_of is not a suffix of the text");
    let _ = verifiable_text(text);
    let pasted = PastedMessage::new(text);
    let facts = &pasted.facts;
    let _ = (
        facts.sending_ip(),
        facts.helo(),
        facts.receiver_results(),
        facts.unsubscribe_uris(),
        facts.one_click_unsubscribe(),
    );
    if let Some(domain) = &facts.from_domain {
        let _ = facts.selectors_for(domain);
    }
});
