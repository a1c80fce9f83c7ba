//! The extras over a fixture resolver, one test per outcome.

use futures::FutureExt;
use futures::future::LocalBoxFuture;

use crate::dkim::testkit::{expect, find, input, run_family};
use crate::dns::{LookupError, LookupResult, Question, RData, RecordType};
use crate::report::{CheckResult, Status};
use crate::resolver::{MemoryTransport, Transport};

fn run(table: MemoryTransport) -> Vec<CheckResult> {
    run_family(table, &input("example.com", &[]), super::run)
}

/// A fixture resolver that validates everything (the AD flag set).
struct Signed(MemoryTransport);

impl Transport for Signed {
    fn label(&self) -> &str {
        "signed"
    }
    fn query(&self, question: Question) -> LocalBoxFuture<'_, LookupResult> {
        let answer = self.0.answer(&question).map(|mut a| {
            a.authenticated = true;
            a
        });
        async move { answer }.boxed_local()
    }
}

fn run_signed(table: MemoryTransport) -> Vec<CheckResult> {
    let resolver = crate::resolver::RunResolver::new(vec![Box::new(Signed(table))]);
    let emit = |_: &CheckResult| {};
    let input = input("example.com", &[]);
    let ctx = crate::checks::CheckContext {
        input: &input,
        resolver: &resolver,
        emit: &emit,
    };
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(super::run(&ctx))
}

fn base() -> MemoryTransport {
    let mut m = MemoryTransport::new();
    m.mx("example.com", 10, "mx.example.com")
        .ip("mx.example.com", "192.0.2.1".parse().unwrap());
    m
}

#[test]
fn nothing_published_is_info_everywhere() {
    let r = run(base());
    expect(&r, "mta-sts", None, Status::Info, "mta-sts-none");
    expect(&r, "tls-rpt", None, Status::Info, "tls-rpt-none");
    expect(&r, "bimi", None, Status::Info, "bimi-none");
    expect(&r, "dnssec", None, Status::Info, "dnssec-not-validated");
    expect(
        &r,
        "dane",
        Some("mx.example.com"),
        Status::Info,
        "dane-none",
    );
}

/// RFC 8461 §3.1: "If the number of resulting records is not one … senders MUST
/// assume the recipient domain does not have an available MTA-STS Policy."
#[test]
fn mta_sts_outcomes() {
    let mut m = base();
    m.txt("_mta-sts.example.com", &["v=STSv1; id=20250101"])
        .ip("mta-sts.example.com", "192.0.2.2".parse().unwrap());
    let r = run(m);
    expect(&r, "mta-sts", None, Status::Info, "mta-sts-found");
    let url = &find(&r, "mta-sts", None).details["policy_url"];
    assert_eq!(url, "https://mta-sts.example.com/.well-known/mta-sts.txt");

    let mut m = base();
    m.txt("_mta-sts.example.com", &["v=STSv1; id=20250101"]);
    expect(&run(m), "mta-sts", None, Status::Warn, "mta-sts-no-host");

    let mut m = base();
    m.txt("_mta-sts.example.com", &["v=STSv1; id=bad-id!"]);
    expect(&run(m), "mta-sts", None, Status::Fail, "mta-sts-invalid");

    let mut m = base();
    m.txt("_mta-sts.example.com", &["v=STSv1; id=1"])
        .txt("_mta-sts.example.com", &["v=STSv1; id=2"]);
    expect(&run(m), "mta-sts", None, Status::Fail, "mta-sts-multiple");

    let mut m = base();
    m.fail("_mta-sts.example.com", None, LookupError::ServFail);
    expect(&run(m), "mta-sts", None, Status::Unknown, "mta-sts-unknown");
}

#[test]
fn tls_rpt_outcomes() {
    let mut m = base();
    m.txt(
        "_smtp._tls.example.com",
        &["v=TLSRPTv1; rua=mailto:tls@example.com"],
    );
    expect(&run(m), "tls-rpt", None, Status::Pass, "tls-rpt-ok");
    let mut m = base();
    m.txt(
        "_smtp._tls.example.com",
        &["v=TLSRPTv1; rua=tls@example.com"],
    );
    expect(&run(m), "tls-rpt", None, Status::Fail, "tls-rpt-invalid");
    let mut m = base();
    m.txt(
        "_smtp._tls.example.com",
        &["v=TLSRPTv1; rua=mailto:a@example.com"],
    )
    .txt(
        "_smtp._tls.example.com",
        &["v=TLSRPTv1; rua=mailto:b@example.com"],
    );
    expect(&run(m), "tls-rpt", None, Status::Fail, "tls-rpt-multiple");
}

#[test]
fn bimi_needs_dmarc_enforcement() {
    let logo = "v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem";
    let mut m = base();
    m.txt("default._bimi.example.com", &[logo])
        .txt("_dmarc.example.com", &["v=DMARC1; p=reject"]);
    expect(&run(m), "bimi", None, Status::Pass, "bimi-ok");

    let mut m = base();
    m.txt("default._bimi.example.com", &[logo])
        .txt("_dmarc.example.com", &["v=DMARC1; p=quarantine; pct=50"]);
    expect(&run(m), "bimi", None, Status::Warn, "bimi-not-enforced");

    let mut m = base();
    m.txt("default._bimi.example.com", &[logo]);
    expect(&run(m), "bimi", None, Status::Warn, "bimi-not-enforced");

    let mut m = base();
    m.txt(
        "default._bimi.example.com",
        &["v=BIMI1; l=https://example.com/logo.svg; a="],
    )
    .txt("_dmarc.example.com", &["v=DMARC1; p=reject; t=n"]);
    expect(&run(m), "bimi", None, Status::Info, "bimi-no-vmc");

    let mut m = base();
    m.txt(
        "default._bimi.example.com",
        &["v=BIMI1; l=http://example.com/logo.svg"],
    );
    expect(&run(m), "bimi", None, Status::Fail, "bimi-invalid");
}

#[test]
fn dnssec_and_dane_with_a_validating_resolver() {
    let mut m = base();
    m.add(
        "_25._tcp.mx.example.com",
        RecordType::TLSA,
        RData::Other {
            text: "3 1 1 0123456789abcdef".into(),
        },
    );
    let r = run_signed(m.clone());
    expect(&r, "dnssec", None, Status::Info, "dnssec-validated");
    expect(
        &r,
        "dane",
        Some("mx.example.com"),
        Status::Info,
        "dane-found",
    );
    // TLSA without DNSSEC is ignored by sending servers (RFC 7672 §2.2).
    let r = run(m);
    expect(
        &r,
        "dane",
        Some("mx.example.com"),
        Status::Warn,
        "dane-unsigned",
    );
}

#[test]
fn no_mx_for_dane() {
    let r = run(MemoryTransport::new());
    expect(&r, "dane", None, Status::Info, "dane-no-mx");
}
