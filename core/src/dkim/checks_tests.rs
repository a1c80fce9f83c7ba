//! `dkim.*` over a fixture resolver, one test per outcome.

use crate::dkim::key::tests::{ED25519, RSA512, RSA1024, RSA2048};
use crate::dkim::testkit::{expect, find, input, run_family};
use crate::dns::{LookupError, RecordType};
use crate::report::{CheckResult, Status};
use crate::resolver::MemoryTransport;

fn run(table: MemoryTransport, selectors: &[&str]) -> Vec<CheckResult> {
    run_family(table, &input("example.com", selectors), super::run)
}

fn key(selector: &str, record: &str) -> MemoryTransport {
    let mut m = MemoryTransport::new();
    m.txt(&format!("{selector}._domainkey.example.com"), &[record]);
    m
}

#[test]
fn strong_key_under_a_guessed_selector_passes() {
    let r = run(key("default", &format!("v=DKIM1; k=rsa; p={RSA2048}")), &[]);
    let s = Some("default");
    expect(&r, "dkim.key", s, Status::Pass, "dkim-key-ok");
    expect(&r, "dkim.key-strength", s, Status::Pass, "dkim-strength-ok");
    expect(&r, "dkim.revoked", s, Status::Pass, "dkim-revoked-ok");
    expect(&r, "dkim.testing", s, Status::Pass, "dkim-testing-ok");
    assert!(r.iter().all(|c| c.status != Status::Unknown));
}

/// RFC 6376 §3.6.2.2: the strings of a TXT record are "concatenated together
/// before use with no intervening whitespace".
#[test]
fn key_split_over_several_strings() {
    let mut m = MemoryTransport::new();
    let (a, b) = RSA2048.split_at(200);
    m.txt("s1._domainkey.example.com", &["v=DKIM1; k=rsa; p=", a, b]);
    let r = run(m, &[]);
    expect(
        &r,
        "dkim.key-strength",
        Some("s1"),
        Status::Pass,
        "dkim-strength-ok",
    );
}

/// RFC 8301 §3.2: keys under 1024 bits must not be accepted; 2048 is advised.
#[test]
fn rsa_strength_by_size() {
    let r = run(key("mail", &format!("v=DKIM1; p={RSA1024}")), &[]);
    expect(
        &r,
        "dkim.key-strength",
        Some("mail"),
        Status::Warn,
        "dkim-strength-1024",
    );
    let r = run(key("mail", &format!("v=DKIM1; p={RSA512}")), &[]);
    expect(
        &r,
        "dkim.key-strength",
        Some("mail"),
        Status::Fail,
        "dkim-strength-weak",
    );
    let r = run(
        key("mail", &format!("v=DKIM1; k=ed25519; p={ED25519}")),
        &[],
    );
    expect(
        &r,
        "dkim.key-strength",
        Some("mail"),
        Status::Pass,
        "dkim-strength-ed25519",
    );
}

#[test]
fn revoked_key_is_fail_when_typed_and_info_when_guessed() {
    let r = run(key("old", "v=DKIM1; p="), &["old"]);
    expect(
        &r,
        "dkim.revoked",
        Some("old"),
        Status::Fail,
        "dkim-revoked-typed",
    );
    expect(
        &r,
        "dkim.key",
        Some("old"),
        Status::Info,
        "dkim-key-revoked",
    );
    let r = run(key("default", "v=DKIM1; p="), &[]);
    expect(
        &r,
        "dkim.revoked",
        Some("default"),
        Status::Info,
        "dkim-revoked-guessed",
    );
    assert!(r.iter().all(|c| c.id != "dkim.key-strength"));
}

#[test]
fn testing_flag_warns() {
    let r = run(key("dkim", &format!("v=DKIM1; t=y; p={RSA2048}")), &[]);
    expect(
        &r,
        "dkim.testing",
        Some("dkim"),
        Status::Warn,
        "dkim-testing-on",
    );
    let fix = &find(&r, "dkim.testing", Some("dkim"))
        .explanation
        .as_ref()
        .unwrap()
        .records[0];
    assert!(!fix.record.contains("t=y"));
}

#[test]
fn syntax_errors_and_warnings() {
    let r = run(key("k1", "v=DKIM1; p=garbage!!"), &[]);
    expect(&r, "dkim.key", Some("k1"), Status::Fail, "dkim-key-errors");
    let r = run(key("k1", &format!("v=DKIM1; h=sha1; p={RSA2048}")), &[]);
    expect(
        &r,
        "dkim.key",
        Some("k1"),
        Status::Warn,
        "dkim-key-warnings",
    );
    let fix = &find(&r, "dkim.key", Some("k1"))
        .explanation
        .as_ref()
        .unwrap()
        .records[0];
    assert!(!fix.record.contains("h=sha1"));
}

/// Pitfalls: "Not found among the tried selectors = unknown, with a field to enter
/// the selector" — never "missing".
#[test]
fn nothing_found_is_unknown_with_the_count() {
    let mut m = MemoryTransport::new();
    m.mx("example.com", 10, "aspmx.l.google.com");
    let r = run(m, &[]);
    expect(&r, "dkim.key", None, Status::Unknown, "dkim-key-none-found");
    let result = find(&r, "dkim.key", None);
    let tried: usize = result.summary.args["count"].parse().unwrap();
    assert!(tried >= 40);
    assert_eq!(
        result.details["tried"][0], "google",
        "provider selectors go first"
    );
    assert_eq!(r.len(), 1);
}

#[test]
fn wildcard_spf_txt_is_not_a_key() {
    let mut m = MemoryTransport::new();
    m.txt("default._domainkey.example.com", &["v=spf1 -all"]);
    let r = run(m, &[]);
    expect(&r, "dkim.key", None, Status::Unknown, "dkim-key-none-found");
}

#[test]
fn typed_selector_without_key_fails_and_errors_are_unknown() {
    let r = run(MemoryTransport::new(), &["mysel"]);
    expect(
        &r,
        "dkim.key",
        Some("mysel"),
        Status::Fail,
        "dkim-key-not-found",
    );
    assert_eq!(
        r.len(),
        1,
        "no extra unknown when the user named the selector"
    );
    let mut m = MemoryTransport::new();
    m.fail("mysel._domainkey.example.com", None, LookupError::ServFail);
    let r = run(m, &["mysel"]);
    expect(
        &r,
        "dkim.key",
        Some("mysel"),
        Status::Unknown,
        "dkim-key-unknown",
    );
}

/// Microsoft 365 publishes selector1/selector2 as CNAMEs into its own zone.
#[test]
fn cname_delegated_key_is_followed_and_shown() {
    let mut m = MemoryTransport::new();
    m.name_record(
        "selector1._domainkey.example.com",
        RecordType::CNAME,
        "selector1-example-com._domainkey.example.onmicrosoft.com",
    )
    .txt(
        "selector1-example-com._domainkey.example.onmicrosoft.com",
        &[&format!("v=DKIM1; k=rsa; p={RSA1024}")],
    );
    let r = run(m, &[]);
    expect(
        &r,
        "dkim.key-strength",
        Some("selector1"),
        Status::Warn,
        "dkim-strength-1024",
    );
    let result = find(&r, "dkim.key-strength", Some("selector1"));
    let chain = result.details["cname_chain"][0].as_str().unwrap();
    assert!(chain.contains("onmicrosoft.com"), "{chain}");
    let e = result.explanation.as_ref().unwrap();
    assert!(e.found.iter().any(|m| m.key == "dkim-found-cname"));
}
