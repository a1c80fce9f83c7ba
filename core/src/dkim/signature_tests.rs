//! `dkim.signature` over a fixture resolver: a key pair made in the test, a message
//! signed with mail-auth's signer, then verified as pasted.

use mail_auth::common::crypto::{Ed25519Key, Sha256, SigningKey};
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;
use mail_auth::dkim::generate::DkimKeyPair;

use std::rc::Rc;

use crate::dkim::testkit::{expect, find, run_family};
use crate::dkim::verify::{SignatureVerifier, Verdict, VerifyRequest};
use crate::dns::{LookupError, RecordType};
use crate::input::Input;
use crate::message::PastedMessage;
use crate::report::{CheckResult, Status};
use crate::resolver::MemoryTransport;

const MESSAGE: &str = "From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: Hello\r\nDate: Fri, 04 Dec 2026 18:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nHello Bob,\r\nthis is signed.\r\n";

/// A fresh Ed25519 key: the signer and the key record to publish.
fn ed25519() -> (Ed25519Key, String) {
    let pair = DkimKeyPair::generate_ed25519().unwrap();
    let key = Ed25519Key::from_pkcs8_der(pair.private_key()).unwrap();
    let record = format!(
        "v=DKIM1; k=ed25519; p={}",
        data_encoding::BASE64.encode(pair.public_key())
    );
    (key, record)
}

fn sign(key: impl SigningKey<Hasher = Sha256>, body_length: bool) -> String {
    let signature = DkimSigner::from_key(key)
        .domain("example.com")
        .selector("s1")
        .headers(["From", "To", "Subject", "Date", "Message-ID"])
        .body_length(body_length)
        .sign(MESSAGE.as_bytes())
        .unwrap();
    format!("{}{MESSAGE}", signature.to_header())
}

fn input(message: &str) -> Input {
    let mut input = crate::dkim::testkit::input("example.com", &[]);
    input.message = Some(PastedMessage::new(message));
    input
}

fn run(table: MemoryTransport, message: &str) -> Vec<CheckResult> {
    run_family(table, &input(message), async |ctx| {
        super::run(ctx, crate::dkim::verify::default_verifier()).await
    })
}

fn published(record: &str) -> MemoryTransport {
    let mut m = MemoryTransport::new();
    m.txt("s1._domainkey.example.com", &[record]);
    m
}

const SUBJECT: Option<&str> = Some("d=example.com s=s1");

#[test]
fn a_signed_message_verifies() {
    let (key, record) = ed25519();
    let signed = sign(key, false);
    let r = run(published(&record), &signed);
    expect(&r, "dkim.signature", SUBJECT, Status::Pass, "dkim-sig-pass");
    assert_eq!(
        find(&r, "dkim.signature", SUBJECT).details["body_checked"],
        true
    );
    // A text area hands the page LF line endings: the same message still verifies.
    let r = run(published(&record), &signed.replace("\r\n", "\n"));
    expect(&r, "dkim.signature", SUBJECT, Status::Pass, "dkim-sig-pass");
}

#[test]
fn headers_only_verifies_the_header_signature_and_says_the_body_was_not_checked() {
    let (key, record) = ed25519();
    let signed = sign(key, false);
    let headers = signed.split("\r\n\r\n").next().unwrap();
    let r = run(published(&record), headers);
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Pass,
        "dkim-sig-pass-headers",
    );
    let result = find(&r, "dkim.signature", SUBJECT);
    assert_eq!(result.details["body_checked"], false);
    assert!(result.explanation.is_some());
    // Altering a signed header still fails without the body.
    let altered = headers.replace("Subject: Hello", "Subject: Hel1o");
    let r = run(published(&record), &altered);
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-mismatch",
    );
}

#[test]
fn an_altered_header_or_body_fails() {
    let (key, record) = ed25519();
    let signed = sign(key, false);
    let r = run(
        published(&record),
        &signed.replace("Subject: Hello", "Subject: Hel1o"),
    );
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-mismatch",
    );
    let r = run(
        published(&record),
        &signed.replace("this is signed", "this is changed"),
    );
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-body-hash",
    );
}

#[test]
fn another_key_fails() {
    let (key, _) = ed25519();
    let (_, other) = ed25519();
    let r = run(published(&other), &sign(key, false));
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-mismatch",
    );
}

/// RFC 6376 §6.1.2: "If the query for the public key fails to respond, the Verifier
/// MAY seek a later verification attempt by returning TEMPFAIL" — unknown here.
#[test]
fn key_lookup_error_is_unknown_and_no_key_fails() {
    let (key, _) = ed25519();
    let signed = sign(key, false);
    let mut m = MemoryTransport::new();
    m.fail(
        "s1._domainkey.example.com",
        Some(RecordType::TXT),
        LookupError::ServFail,
    );
    let r = run(m, &signed);
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Unknown,
        "dkim-sig-unknown",
    );
    let r = run(MemoryTransport::new(), &signed);
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-no-key",
    );
    let r = run(published("v=DKIM1; k=ed25519; p="), &signed);
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-revoked",
    );
}

#[test]
fn expired_sha1_and_body_length() {
    let (key, record) = ed25519();
    let signed = sign(key, false);
    let expired = signed.replacen("DKIM-Signature: v=1;", "DKIM-Signature: v=1; x=1;", 1);
    let r = run(published(&record), &expired);
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-expired",
    );
    let sha1 = signed.replacen("a=ed25519-sha256", "a=rsa-sha1", 1);
    let r = run(published(&record), &sha1);
    expect(&r, "dkim.signature", SUBJECT, Status::Fail, "dkim-sig-sha1");
    let (key, record) = ed25519();
    let r = run(published(&record), &sign(key, true));
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Warn,
        "dkim-sig-length",
    );
}

#[test]
fn unsigned_message_and_no_message() {
    let r = run(MemoryTransport::new(), MESSAGE);
    expect(&r, "dkim.signature", None, Status::Fail, "dkim-sig-none");
    let plain = crate::dkim::testkit::input("example.com", &[]);
    assert!(
        run_family(MemoryTransport::new(), &plain, async |ctx| super::run(
            ctx, None
        )
        .await)
        .is_empty()
    );
}

/// A verifier that answers the same thing to every request, and counts them.
#[derive(Debug)]
struct Fixed(Result<Option<Verdict>, String>, std::cell::Cell<usize>);

impl SignatureVerifier for Fixed {
    fn verify(
        &self,
        _: VerifyRequest,
    ) -> futures::future::LocalBoxFuture<'static, Result<Option<Verdict>, String>> {
        self.1.set(self.1.get() + 1);
        let answer = self.0.clone();
        Box::pin(async move { answer })
    }
}

fn run_with(table: MemoryTransport, message: &str, verifier: Option<Fixed>) -> Vec<CheckResult> {
    let verifier = verifier.map(|v| Rc::new(v) as Rc<dyn SignatureVerifier>);
    run_family(table, &input(message), async |ctx| {
        super::run(ctx, verifier.clone()).await
    })
}

#[test]
fn without_a_verifier_or_when_it_cannot_run_the_signature_is_unknown() {
    let (key, record) = ed25519();
    let signed = sign(key, false);
    let r = run_with(published(&record), &signed, None);
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Unknown,
        "dkim-sig-no-verifier",
    );
    let failed = Fixed(Err("the worker did not load".into()), Default::default());
    let r = run_with(published(&record), &signed, Some(failed));
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Unknown,
        "dkim-sig-no-verifier",
    );
    let result = find(&r, "dkim.signature", SUBJECT);
    assert_eq!(result.details["error"], "the worker did not load");
    assert_eq!(result.details["record"], record.as_str());
}

#[test]
fn a_verifier_is_asked_only_after_the_key_checks_and_its_codes_are_checked() {
    let (key, record) = ed25519();
    let signed = sign(key, false);
    // An unknown failure code from another context is "unsupported", never trusted as text.
    let odd = Fixed(
        Ok(Some(Verdict::Fail("<script>".into()))),
        Default::default(),
    );
    let r = run_with(published(&record), &signed, Some(odd));
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-unsupported",
    );
    // A revoked key fails before any verifier is asked.
    let counting = Rc::new(Fixed(
        Ok(Some(Verdict::Pass { body_checked: true })),
        Default::default(),
    ));
    let revoked = published("v=DKIM1; k=ed25519; p=");
    let verifier = Rc::clone(&counting) as Rc<dyn SignatureVerifier>;
    let r = run_family(revoked, &input(&signed), async |ctx| {
        super::run(ctx, Some(verifier.clone())).await
    });
    expect(
        &r,
        "dkim.signature",
        SUBJECT,
        Status::Fail,
        "dkim-sig-revoked",
    );
    assert_eq!(counting.1.get(), 0);
}
