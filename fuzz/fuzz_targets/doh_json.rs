//! The DoH JSON answer reader (core/src/resolver/json.rs) on arbitrary bodies, for each kind of
//! question the checks ask: no panic, and every error is one of the typed lookup errors. The
//! TXT `data` reader (both quoting dialects) gets the raw text too.
#![no_main]

use inboxable_core::dns::{Question, RecordType};
use inboxable_core::resolver::json::{parse_body, parse_txt};
use libfuzzer_sys::fuzz_target;

const TYPES: [RecordType; 8] = [
    RecordType::A,
    RecordType::AAAA,
    RecordType::MX,
    RecordType::TXT,
    RecordType::PTR,
    RecordType::CNAME,
    RecordType::TLSA,
    RecordType::NS,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    let rtype = TYPES[usize::from(selector) % TYPES.len()];
    let question = Question::new("example.com", rtype);
    let _ = parse_body(&question, body);
    let _ = parse_txt(body);
});
