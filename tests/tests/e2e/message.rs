//! A pasted message end to end: key pairs (RSA-2048 and Ed25519) made in the test,
//! their public keys published in a zone written for this test and served by the
//! real `inboxable-doh`, a message signed with mail-auth's signer and carrying the
//! `Received` header of a receiver that accepted it from the sending server. The
//! CLI (`--message FILE`) and the page (the "Pasted message or headers" field) must
//! verify both signatures (`dkim.signature` pass), fail them when a signed header is
//! altered, verify the header signature of the headers alone (saying the body hash
//! was not checked), and take the sending IP and HELO from the message.
//!
//! RFC 6376 §6.1.3: "the Verifier MUST validate the signature … using the public key
//! retrieved from DNS", and any change to a signed header field makes it fail.

use std::path::Path;

use fantoccini::Client;
use mail_auth::common::crypto::{Ed25519Key, RsaKey, Sha256};
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;
use mail_auth::dkim::generate::DkimKeyPair;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;
use rustls_pki_types::{PrivateKeyDer, PrivatePkcs1KeyDer};
use serde_json::Value;

use inboxable_e2e::browser::{Flow, eval, screenshot, wait_done, wait_js, with_browser};
use inboxable_e2e::ensure;
use inboxable_e2e::{Backend, Output, dist_dir, run_cli};

const SENDING_IP: &str = "192.0.2.77";
const HELO: &str = "mail.signed.test";

/// The message as the sending server submits it.
const MESSAGE: &str = "From: Alice <alice@signed.test>\r\n\
To: bob@receiver.example\r\n\
Subject: Quarterly report\r\n\
Date: Fri, 04 Dec 2026 18:00:00 +0000\r\n\
Message-ID: <e2e-1@signed.test>\r\n\
\r\n\
Hello Bob,\r\n\
the report is attached.\r\n";

/// The TXT value as zone-file character strings of at most 255 octets.
fn txt_strings(value: &str) -> String {
    value
        .as_bytes()
        .chunks(200)
        .map(|c| format!("\"{}\"", std::str::from_utf8(c).expect("ASCII")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Makes both key pairs, writes the zone publishing them, and signs [`MESSAGE`]
/// with both; returns the message as the receiver stores it.
fn setup(zones: &Path) -> String {
    let rsa_private = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, 2048).expect("RSA key");
    let rsa_public = rsa_private
        .to_public_key()
        .to_public_key_der()
        .expect("SPKI");
    let rsa_der = rsa_private.to_pkcs1_der().expect("PKCS#1");
    let rsa_key = RsaKey::<Sha256>::from_key_der(PrivateKeyDer::Pkcs1(PrivatePkcs1KeyDer::from(
        rsa_der.as_bytes().to_vec(),
    )))
    .expect("signing key");
    let ed_pair = DkimKeyPair::generate_ed25519().expect("Ed25519 key");
    let ed_key = Ed25519Key::from_pkcs8_der(ed_pair.private_key()).expect("signing key");

    let zone = format!(
        "$ORIGIN signed.test.\n$TTL 300\n\
         @ IN SOA ns1.signed.test. hostmaster.signed.test. 1 3600 600 604800 300\n\
         @ IN NS ns1.signed.test.\n\
         @ IN MX 10 mail.signed.test.\n\
         @ IN TXT \"v=spf1 ip4:{SENDING_IP} -all\"\n\
         mail IN A {SENDING_IP}\n\
         _dmarc IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@signed.test\"\n\
         rsa2048._domainkey IN TXT {}\n\
         ed._domainkey IN TXT \"v=DKIM1; k=ed25519; p={}\"\n",
        txt_strings(&format!(
            "v=DKIM1; k=rsa; p={}",
            data_encoding::BASE64.encode(rsa_public.as_bytes())
        )),
        data_encoding::BASE64.encode(ed_pair.public_key()),
    );
    std::fs::write(zones.join("signed.test.zone"), zone).expect("write zone");

    let headers = ["From", "To", "Subject", "Date", "Message-ID"];
    let rsa_sig = DkimSigner::from_key(rsa_key)
        .domain("signed.test")
        .selector("rsa2048")
        .headers(headers)
        .sign(MESSAGE.as_bytes())
        .expect("RSA signature");
    let ed_sig = DkimSigner::from_key(ed_key)
        .domain("signed.test")
        .selector("ed")
        .headers(headers)
        .sign(MESSAGE.as_bytes())
        .expect("Ed25519 signature");
    // What the receiver prepends when it accepts the message, above an internal hop.
    format!(
        "Received: from mx-in.receiver.example (localhost [127.0.0.1])\r\n\
         \tby store.receiver.example (Postfix) with ESMTP id 4Q2; Fri,  4 Dec 2026 18:00:02 +0000\r\n\
         Received: from {HELO} ({HELO} [{SENDING_IP}])\r\n\
         \tby mx-in.receiver.example (Postfix) with ESMTPS id 4Q1\r\n\
         \tfor <bob@receiver.example>; Fri,  4 Dec 2026 18:00:01 +0000 (UTC)\r\n\
         {}{}{MESSAGE}",
        rsa_sig.to_header(),
        ed_sig.to_header()
    )
}

struct Fixture {
    _dir: tempfile::TempDir,
    backend: Backend,
    message: String,
}

fn fixture(extra: &[&str]) -> Fixture {
    let dir = tempfile::tempdir().expect("temporary zones directory");
    let message = setup(dir.path());
    let backend = Backend::start(dir.path(), extra);
    Fixture {
        _dir: dir,
        backend,
        message,
    }
}

fn check(f: &Fixture, message: &str) -> (Output, Value) {
    let file = tempfile::NamedTempFile::new().expect("temporary message file");
    std::fs::write(file.path(), message).expect("write message");
    let url = f.backend.doh_url();
    let out = run_cli(&[
        "check",
        "signed.test",
        "--message",
        file.path().to_str().expect("UTF-8 path"),
        "--resolver",
        &url,
        "--rdap-bootstrap",
        "off",
        "--format",
        "json",
    ]);
    let report = serde_json::from_str(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); exit {:?}\n{}\n{}",
            out.code, out.stdout, out.stderr
        )
    });
    (out, report)
}

/// `(status, details.result, details)` of `dkim.signature` for `selector`.
fn signature(report: &Value, selector: &str) -> (String, String, Value) {
    let subject = format!("d=signed.test s={selector}");
    let c = report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["id"] == "dkim.signature" && c["subject"] == subject.as_str())
        .unwrap_or_else(|| panic!("no dkim.signature for {subject}: {:#}", report["checks"]));
    (
        c["status"].as_str().unwrap_or_default().to_owned(),
        c["details"]["result"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        c["details"].clone(),
    )
}

fn status_of(report: &Value, id: &str) -> Vec<String> {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["id"] == id)
        .map(|c| c["status"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn cli_verifies_the_signatures_of_a_pasted_message() {
    let f = fixture(&[]);
    let (out, report) = check(&f, &f.message);
    for selector in ["rsa2048", "ed"] {
        let (status, key, details) = signature(&report, selector);
        assert_eq!(
            (status.as_str(), key.as_str()),
            ("pass", "pass"),
            "{details:#}\n{}",
            out.stderr
        );
        assert_eq!(details["body_checked"], true);
    }
    // The message's entry hop gives the sending IP and HELO.
    assert_eq!(
        report["sending_ips"]["source"], "message",
        "{:#}",
        report["sending_ips"]
    );
    assert_eq!(
        report["input"]["message"]["facts"]["entry"]["ip"],
        SENDING_IP
    );
    // The HELO checked is the message's (the fixture's `.test` is a reserved suffix, so
    // host.helo itself rightly fails: RFC 6761 names are not real host names).
    let helo: Vec<&Value> = report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["id"] == "host.helo")
        .collect();
    assert_eq!(helo.len(), 1, "{helo:?}");
    assert_eq!(helo[0]["subject"], HELO, "{:#}", helo[0]);
    assert_eq!(status_of(&report, "spf.authorizes-ip"), ["pass"]);
    assert_eq!(status_of(&report, "dmarc.alignment"), ["pass"]);
    // The selectors of the message are tried (and found) first.
    let keys: Vec<&Value> = report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["id"] == "dkim.key" && c["status"] == "pass")
        .collect();
    assert_eq!(keys.len(), 2, "{keys:#?}");
    // The text of the message is never in the report.
    assert!(!out.stdout.contains("report is attached"));
}

#[test]
fn cli_fails_a_signature_when_a_signed_header_is_altered() {
    let f = fixture(&[]);
    let altered = f
        .message
        .replace("Subject: Quarterly report", "Subject: Quarterly rep0rt");
    let (out, report) = check(&f, &altered);
    for selector in ["rsa2048", "ed"] {
        let (status, key, _) = signature(&report, selector);
        assert_eq!((status.as_str(), key.as_str()), ("fail", "mismatch"));
    }
    assert_eq!(out.code, Some(1), "a failed check exits 1");
    // An altered body fails the body hash instead.
    let (_, report) = check(&f, &f.message.replace("attached", "a1tached"));
    let (status, key, _) = signature(&report, "rsa2048");
    assert_eq!((status.as_str(), key.as_str()), ("fail", "body-hash"));
}

#[test]
fn cli_verifies_the_header_signature_of_headers_only() {
    let f = fixture(&[]);
    let headers = f
        .message
        .split("\r\n\r\n")
        .next()
        .expect("headers")
        .to_owned();
    // From standard input, with LF line endings as a text area gives them.
    let file = tempfile::NamedTempFile::new().expect("temporary file");
    std::fs::write(file.path(), headers.replace("\r\n", "\n")).expect("write");
    let (_, report) = check(&f, &std::fs::read_to_string(file.path()).expect("read"));
    for selector in ["rsa2048", "ed"] {
        let (status, key, details) = signature(&report, selector);
        assert_eq!(
            (status.as_str(), key.as_str()),
            ("pass", "pass"),
            "{details:#}"
        );
        assert_eq!(details["body_checked"], false);
    }
}

async fn paste_and_run(client: &Client, url: &str, message: &str) -> Flow {
    client
        .goto(url)
        .await
        .map_err(|e| format!("open {url}: {e}"))?;
    wait_js(
        client,
        "textarea#message",
        "return document.querySelector('textarea#message') !== null;",
    )
    .await?;
    // A paste: the value changes at once and one input event fires.
    eval(
        client,
        &format!(
            "const t = document.querySelector('textarea#message'); t.value = {}; \
             t.dispatchEvent(new Event('input', {{ bubbles: true }})); return true;",
            serde_json::to_string(message).expect("string")
        ),
    )
    .await?;
    eval(
        client,
        "document.querySelector('#submit').click(); return true;",
    )
    .await?;
    wait_done(client).await
}

/// `[status, …]` of the dkim.signature cards, by subject.
async fn signature_cards(client: &Client) -> Result<Value, String> {
    eval(
        client,
        "const o = {}; document.querySelectorAll('article.check[data-id=\"dkim.signature\"]') \
           .forEach(c => { o[c.dataset.subject] = [c.dataset.status, c.textContent]; }); \
         return o;",
    )
    .await
}

#[tokio::test]
async fn the_page_verifies_a_pasted_message() {
    let dist = dist_dir();
    let f = fixture(&["--static", dist.to_str().expect("UTF-8 path")]);
    let url = format!("{}/?domain=signed.test&lang=en", f.backend.http_url());
    let message = f.message.clone();
    with_browser(1280, 2400, async |client: &Client| -> Flow {
        paste_and_run(client, &url, &message).await?;
        let cards = signature_cards(client).await?;
        for subject in ["d=signed.test s=rsa2048", "d=signed.test s=ed"] {
            ensure!(
                cards[subject][0] == "pass",
                "{subject} is not pass on the page: {cards:#}"
            );
        }
        ensure!(
            eval(
                client,
                "return document.querySelector('#message-privacy') !== null;"
            )
            .await?
                == Value::Bool(true),
            "the field does not say the message stays out of links"
        );
        // The address bar's share link holds no part of the message.
        let href = eval(client, "return location.href;").await?;
        let href = href.as_str().unwrap_or_default();
        ensure!(
            !href.contains("Quarterly") && !href.contains("message") && !href.contains(SENDING_IP),
            "the link carries the message: {href}"
        );
        screenshot(client, "message-signature-pass").await?;

        let altered = message.replace("Subject: Quarterly report", "Subject: Quarterly rep0rt");
        paste_and_run(client, &url, &altered).await?;
        let cards = signature_cards(client).await?;
        for subject in ["d=signed.test s=rsa2048", "d=signed.test s=ed"] {
            ensure!(
                cards[subject][0] == "fail",
                "{subject} is not fail after altering Subject: {cards:#}"
            );
        }
        screenshot(client, "message-signature-fail").await?;
        Ok(())
    })
    .await;
}

/// Copies the built page into a temporary directory without the files whose names start
/// with `missing` (a deployment that lost them).
fn page_without(missing: &str) -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("a directory for the page");
    for entry in std::fs::read_dir(dist_dir())
        .expect("the built page")
        .flatten()
    {
        let name = entry.file_name();
        if entry.path().is_file() && !name.to_string_lossy().starts_with(missing) {
            std::fs::copy(entry.path(), copy.path().join(&name)).expect("copy");
        }
    }
    copy
}

#[tokio::test]
async fn without_its_verifier_the_page_says_the_signatures_are_unknown() {
    // The whole worker missing (its loader fails: an error event), and only its wasm missing
    // (the loader runs and reports the failed load). Either way the run ends well within the
    // page's wait, not after the verifier's 30 s timeout.
    for missing in ["inboxable-verify", "inboxable-verify_bg.wasm"] {
        signatures_unknown_without(missing).await;
    }
}

async fn signatures_unknown_without(missing: &str) {
    let page = page_without(missing);
    let f = fixture(&["--static", page.path().to_str().expect("UTF-8 path")]);
    let url = format!("{}/?domain=signed.test&lang=en", f.backend.http_url());
    let message = f.message.clone();
    with_browser(1280, 2400, async |client: &Client| -> Flow {
        paste_and_run(client, &url, &message).await?;
        let cards = signature_cards(client).await?;
        for subject in ["d=signed.test s=rsa2048", "d=signed.test s=ed"] {
            let text = cards[subject][1].as_str().unwrap_or_default();
            ensure!(
                cards[subject][0] == "unknown"
                    && text.contains("could not be verified in this page"),
                "{subject} without {missing}: {cards:#}"
            );
        }
        // The rest of the report is unaffected: the keys themselves were found.
        let keys = eval(
            client,
            "return document.querySelectorAll('article.check[data-id=\"dkim.key\"][data-status=pass]').length;",
        )
        .await?;
        ensure!(keys == 2, "dkim.key cards passing: {keys}");
        Ok(())
    })
    .await;
}
