//! `dmarc.*` over a fixture resolver, one test per outcome.

use crate::dkim::testkit::{expect, find, input, run_family};
use crate::dns::LookupError;
use crate::report::Status;
use crate::resolver::MemoryTransport;

fn run(table: MemoryTransport, domain: &str) -> Vec<crate::report::CheckResult> {
    run_family(table, &input(domain, &[]), super::run)
}

fn with(record: &str) -> MemoryTransport {
    let mut m = MemoryTransport::new();
    m.txt("_dmarc.example.com", &[record]);
    m
}

/// RFC 7489 §6.6.3: no record at the domain or its organisational domain.
#[test]
fn missing_record_fails_with_a_record_to_publish() {
    let mut m = MemoryTransport::new();
    m.txt("example.com", &["v=spf1 -all"]);
    let r = run(m, "example.com");
    expect(
        &r,
        "dmarc.present",
        None,
        Status::Fail,
        "dmarc-present-none",
    );
    let fix = &find(&r, "dmarc.present", None)
        .explanation
        .as_ref()
        .unwrap()
        .records[0];
    assert_eq!(
        fix.record,
        "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\""
    );
    assert_eq!(r.len(), 1);
}

#[test]
fn lookup_error_is_unknown() {
    let mut m = MemoryTransport::new();
    m.fail("_dmarc.example.com", None, LookupError::ServFail);
    let r = run(m, "example.com");
    expect(
        &r,
        "dmarc.present",
        None,
        Status::Unknown,
        "dmarc-present-unknown",
    );
}

/// RFC 7489 §6.6.3: "If the remaining set contains multiple records or no records,
/// policy discovery terminates and DMARC processing is not applied to this message."
#[test]
fn several_records_fail() {
    let mut m = with("v=DMARC1; p=reject");
    m.txt("_dmarc.example.com", &["v=DMARC1; p=none"]);
    let r = run(m, "example.com");
    expect(
        &r,
        "dmarc.present",
        None,
        Status::Fail,
        "dmarc-present-multiple",
    );
}

#[test]
fn version_not_first_is_ignored_and_named() {
    let r = run(with("p=reject; v=DMARC1"), "example.com");
    expect(
        &r,
        "dmarc.present",
        None,
        Status::Fail,
        "dmarc-present-ignored",
    );
    expect(
        &r,
        "dmarc.syntax",
        None,
        Status::Fail,
        "dmarc-syntax-errors",
    );
    let s = find(&r, "dmarc.syntax", None);
    assert_eq!(s.summary.args["tags"], "v");
}

#[test]
fn enforced_record_with_own_reporting_passes() {
    let r = run(
        with("v=DMARC1; p=reject; rua=mailto:dmarc@example.com; adkim=s"),
        "example.com",
    );
    expect(&r, "dmarc.present", None, Status::Pass, "dmarc-present-ok");
    expect(&r, "dmarc.syntax", None, Status::Pass, "dmarc-syntax-ok");
    expect(
        &r,
        "dmarc.policy",
        None,
        Status::Pass,
        "dmarc-policy-enforced",
    );
    expect(
        &r,
        "dmarc.reporting",
        None,
        Status::Pass,
        "dmarc-reporting-ok",
    );
    expect(
        &r,
        "dmarc.alignment",
        None,
        Status::Info,
        "dmarc-alignment-info",
    );
}

#[test]
fn policy_none_warns_with_the_upgrade() {
    let r = run(
        with("v=DMARC1; p=none; rua=mailto:d@example.com"),
        "example.com",
    );
    expect(&r, "dmarc.policy", None, Status::Warn, "dmarc-policy-none");
    let fix = &find(&r, "dmarc.policy", None)
        .explanation
        .as_ref()
        .unwrap()
        .records[0];
    assert!(
        fix.record
            .contains("\"v=DMARC1; p=quarantine; rua=mailto:d@example.com\"")
    );
}

#[test]
fn pct_and_test_mode_warn() {
    let r = run(
        with("v=DMARC1; p=reject; pct=25; rua=mailto:d@example.com"),
        "example.com",
    );
    expect(&r, "dmarc.policy", None, Status::Warn, "dmarc-policy-pct");
    let r = run(
        with("v=DMARC1; p=reject; t=y; rua=mailto:d@example.com"),
        "example.com",
    );
    expect(
        &r,
        "dmarc.policy",
        None,
        Status::Warn,
        "dmarc-policy-testing",
    );
    assert_eq!(
        find(&r, "dmarc.policy", None).summary.args["applied"],
        "quarantine"
    );
}

#[test]
fn missing_policy_warns() {
    let r = run(with("v=DMARC1; rua=mailto:d@example.com"), "example.com");
    expect(
        &r,
        "dmarc.policy",
        None,
        Status::Warn,
        "dmarc-policy-missing",
    );
    expect(
        &r,
        "dmarc.syntax",
        None,
        Status::Fail,
        "dmarc-syntax-errors",
    );
}

#[test]
fn subdomain_inherits_the_organisational_record_and_its_sp() {
    let r = run(
        with("v=DMARC1; p=reject; sp=none; rua=mailto:d@example.com"),
        "mail.example.com",
    );
    expect(&r, "dmarc.present", None, Status::Pass, "dmarc-present-org");
    expect(&r, "dmarc.policy", None, Status::Warn, "dmarc-policy-none");
}

#[test]
fn no_rua_warns_and_bad_uri_warns() {
    let r = run(with("v=DMARC1; p=reject"), "example.com");
    expect(
        &r,
        "dmarc.reporting",
        None,
        Status::Warn,
        "dmarc-reporting-none",
    );
    let r = run(
        with("v=DMARC1; p=reject; rua=dmarc@example.com"),
        "example.com",
    );
    expect(
        &r,
        "dmarc.reporting",
        None,
        Status::Warn,
        "dmarc-reporting-invalid",
    );
}

/// RFC 7489 §7.1: an external destination must publish
/// `<policy-domain>._report._dmarc.<destination>` starting with `v=DMARC1`.
#[test]
fn external_destination_needs_authorisation() {
    let record = "v=DMARC1; p=reject; rua=mailto:x@rua.reports.example.net";
    let r = run(with(record), "example.com");
    expect(
        &r,
        "dmarc.reporting",
        None,
        Status::Warn,
        "dmarc-reporting-unauthorized",
    );
    let fix = &find(&r, "dmarc.reporting", None)
        .explanation
        .as_ref()
        .unwrap()
        .records[0];
    assert_eq!(
        fix.record,
        "example.com._report._dmarc.rua.reports.example.net. 3600 IN TXT \"v=DMARC1\""
    );

    let mut m = with(record);
    m.txt(
        "example.com._report._dmarc.rua.reports.example.net",
        &["v=DMARC1"],
    );
    expect(
        &run(m, "example.com"),
        "dmarc.reporting",
        None,
        Status::Pass,
        "dmarc-reporting-ok",
    );

    // A wildcard answer counts (internet.nl #618): resolvers return the synthesised
    // record at the asked name, which is what the fixture holds here.
    let mut m = with(record);
    m.txt(
        "example.com._report._dmarc.rua.reports.example.net",
        &["v=DMARC1;"],
    );
    expect(
        &run(m, "example.com"),
        "dmarc.reporting",
        None,
        Status::Pass,
        "dmarc-reporting-ok",
    );

    let mut m = with(record);
    m.fail(
        "example.com._report._dmarc.rua.reports.example.net",
        None,
        LookupError::Timeout { after_ms: 5000 },
    );
    expect(
        &run(m, "example.com"),
        "dmarc.reporting",
        None,
        Status::Unknown,
        "dmarc-reporting-unknown",
    );
}

/// RFC 7489 §6.2: "Receivers MAY impose a limit on the number of URIs to which they
/// will send reports but MUST support the ability to send to at least two." A record
/// naming many external destinations costs a bounded number of `_report._dmarc`
/// lookups (each host once, the first two of `rua=` and of `ruf=` first), and the
/// destinations not looked up are counted, never passed.
#[test]
fn rfc7489_6_2_external_destinations_are_bounded_and_never_passed_unchecked() {
    use super::MAX_EXTERNAL_DESTINATIONS;
    use crate::checks::CheckContext;
    use crate::resolver::RunResolver;

    // The own mailbox first, then 30 external hosts; rep0 is named twice.
    let mut rua = vec!["mailto:d@example.com".to_owned()];
    rua.extend((0..30).map(|i| format!("mailto:r{i}@rep{i}.example.net")));
    rua.insert(3, "mailto:again@REP0.example.net".to_owned());
    let record = format!(
        "v=DMARC1; p=reject; rua={}; ruf=mailto:f@forensic.example.org",
        rua.join(",")
    );
    let mut m = with(&record);
    for host in (0..30)
        .map(|i| format!("rep{i}.example.net"))
        .chain(["forensic.example.org".to_owned()])
    {
        m.txt(&format!("example.com._report._dmarc.{host}"), &["v=DMARC1"]);
    }
    let resolver = RunResolver::new(vec![Box::new(m)]);
    let emit = |_: &crate::report::CheckResult| {};
    let input = input("example.com", &[]);
    let ctx = CheckContext {
        input: &input,
        resolver: &resolver,
        emit: &emit,
    };
    let r = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(super::run(&ctx));

    let asked: Vec<String> = resolver
        .log()
        .into_iter()
        .filter(|q| q.name.contains("._report._dmarc."))
        .map(|q| q.name)
        .collect();
    assert_eq!(asked.len(), MAX_EXTERNAL_DESTINATIONS, "{asked:#?}");
    // The ruf= destination is among the first two of its list, so it is checked
    // although 30 rua= hosts come before it in the record.
    assert!(asked.contains(&"example.com._report._dmarc.forensic.example.org".to_owned()));
    assert_eq!(
        asked
            .iter()
            .filter(|n| n.ends_with(".rep0.example.net"))
            .count(),
        1
    );

    expect(
        &r,
        "dmarc.reporting",
        None,
        Status::Warn,
        "dmarc-reporting-unverified",
    );
    let reporting = find(&r, "dmarc.reporting", None);
    assert_eq!(reporting.details["external_total"], 31);
    assert_eq!(
        reporting.details["external_unverified"],
        31 - MAX_EXTERNAL_DESTINATIONS
    );
    let external = reporting.details["external"].as_array().expect("external");
    assert_eq!(external.len(), MAX_EXTERNAL_DESTINATIONS);
    assert!(external.iter().all(|d| d["state"] == "authorized"));
    let explanation = reporting.explanation.as_ref().expect("explained");
    assert!(
        explanation
            .found
            .iter()
            .any(|f| f.key == "dmarc-found-unverified")
    );
    // The fix keeps the URIs every receiver must support: two of each list.
    assert_eq!(
        explanation.records[0].record,
        "_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject; \
         rua=mailto:d@example.com,mailto:r0@rep0.example.net; \
         ruf=mailto:f@forensic.example.org\""
    );

    // Within the bound, every destination is looked up and an authorised set passes.
    let few = "v=DMARC1; p=reject; rua=mailto:r0@rep0.example.net,mailto:r1@rep1.example.net";
    let mut m = with(few);
    for i in 0..2 {
        m.txt(
            &format!("example.com._report._dmarc.rep{i}.example.net"),
            &["v=DMARC1"],
        );
    }
    let r = run(m, "example.com");
    expect(
        &r,
        "dmarc.reporting",
        None,
        Status::Pass,
        "dmarc-reporting-ok",
    );
    assert_eq!(
        find(&r, "dmarc.reporting", None).details["external_unverified"],
        0
    );
}

#[test]
fn tree_walk_names() {
    assert_eq!(
        super::tree_walk("a.mail.example.com"),
        [
            "_dmarc.a.mail.example.com",
            "_dmarc.mail.example.com",
            "_dmarc.example.com",
            "_dmarc.com"
        ]
    );
    let long = super::tree_walk("a.b.c.d.e.f.g.h.i.example.com");
    assert_eq!(long.len(), 8);
    assert_eq!(long[1], "_dmarc.e.f.g.h.i.example.com");
}

/// RFC 7489 §3.1: with a pasted message, the From domain is compared with the DKIM
/// `d=` and Return-Path domains; relaxed mode accepts the same organisational domain,
/// strict mode only the same name.
#[test]
fn alignment_from_a_pasted_message() {
    let message = |from: &str, d: &str, return_path: &str| {
        let mut i = input("example.com", &[]);
        i.message = Some(crate::message::PastedMessage::new(&format!(
            "Return-Path: <bounce@{return_path}>\nDKIM-Signature: v=1; a=rsa-sha256; d={d}; s=s1; h=from; bh=x; b=y\nFrom: a@{from}\n\nbody\n"
        )));
        i
    };
    let relaxed = "v=DMARC1; p=reject; rua=mailto:d@example.com";
    let strict = "v=DMARC1; p=reject; adkim=s; aspf=s; rua=mailto:d@example.com";
    let cases = [
        (
            relaxed,
            "example.com",
            "mail.example.com",
            "esp.example",
            Status::Pass,
        ),
        (
            relaxed,
            "example.com",
            "esp.example",
            "bounces.example.com",
            Status::Pass,
        ),
        (
            relaxed,
            "example.com",
            "esp.example",
            "esp.example",
            Status::Fail,
        ),
        (
            strict,
            "example.com",
            "mail.example.com",
            "bounces.example.com",
            Status::Fail,
        ),
        (
            strict,
            "example.com",
            "example.com",
            "esp.example",
            Status::Pass,
        ),
    ];
    for (record, from, d, rp, want) in cases {
        let r = run_family(with(record), &message(from, d, rp), super::run);
        let key = if want == Status::Pass {
            "dmarc-alignment-message-ok"
        } else {
            "dmarc-alignment-message-none"
        };
        expect(&r, "dmarc.alignment", None, want, key);
        let a = find(&r, "dmarc.alignment", None);
        assert_eq!(a.details["from_domain"], from, "{record} {d} {rp}");
    }
}
