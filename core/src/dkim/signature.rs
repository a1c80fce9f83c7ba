//! `dkim.signature`: every DKIM signature of a pasted message verified, one result
//! per signature (RFC 6376 §6, as updated by RFC 8301 and RFC 8463).
//!
//! The key (`<s>._domainkey.<d>` TXT) is fetched through the run's resolver — so it
//! is cached, logged and shown like every other query — and the signature is then
//! handed to the run's [`SignatureVerifier`] (mail-auth, in this process or in the
//! page's worker: see [`super::verify`]).

use std::rc::Rc;

use serde_json::json;

use super::PublicKey;
use super::key::{is_key_record, parse as parse_key};
use super::verify::{SignatureVerifier, Verdict, VerifyRequest};
use crate::checks::CheckContext;
use crate::dns::RecordType;
use crate::i18n::Message;
use crate::message::{DkimSignature, MessageFacts, verifiable_text};
use crate::report::{CheckResult, Explanation, Status};

const RFC6376_VERIFY: (&str, &str) = (
    "RFC 6376 §6.1",
    "https://www.rfc-editor.org/rfc/rfc6376#section-6.1",
);
const RFC6376_LENGTH: (&str, &str) = (
    "RFC 6376 §8.2",
    "https://www.rfc-editor.org/rfc/rfc6376#section-8.2",
);
const RFC8301: (&str, &str) = ("RFC 8301", "https://www.rfc-editor.org/rfc/rfc8301");
const GMAIL: (&str, &str) = (
    "Gmail sender guidelines",
    "https://support.google.com/a/answer/81126",
);

/// Why a signature did not verify. Each has `dkim-sig-<code>` (summary), `-why`
/// and `-fix` in the catalogues.
const FAILURES: &[&str] = &[
    "none",
    "malformed",
    "no-key",
    "revoked",
    "bad-key",
    "sha1",
    "weak-key",
    "expired",
    "body-hash",
    "mismatch",
    "auid",
    "unsupported",
];

/// Every message key this check can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "dkim-signature-label",
        "dkim-signature-about",
        "dkim-sig-pass",
        "dkim-sig-pass-headers",
        "dkim-sig-length",
        "dkim-sig-length-why",
        "dkim-sig-length-fix",
        "dkim-sig-unknown",
        "dkim-sig-no-verifier",
        "dkim-sig-no-verifier-why",
        "dkim-sig-no-verifier-fix",
        "dkim-sig-found-signature",
        "dkim-sig-found-key",
        "dkim-sig-found-receiver",
        "dkim-sig-found-body-not-checked",
        "dkim-sig-found-missing",
        "check-unknown-reason",
    ]
    .map(String::from)
    .to_vec();
    for code in FAILURES {
        keys.push(format!("dkim-sig-{code}"));
        keys.push(format!("dkim-sig-{code}-why"));
        keys.push(format!("dkim-sig-{code}-fix"));
    }
    keys
}

/// Runs `dkim.signature` for the pasted message, if any, verifying with `verifier`
/// (`None`: verification is not available, and each signature is unknown).
pub async fn run(
    ctx: &CheckContext<'_>,
    verifier: Option<Rc<dyn SignatureVerifier>>,
) -> Vec<CheckResult> {
    let Some(message) = &ctx.input.message else {
        return vec![];
    };
    let facts = &message.facts;
    if facts.header_count == 0 {
        return vec![];
    }
    if facts.signatures.is_empty() {
        let domain = facts.from_domain.as_deref().unwrap_or(&ctx.input.domain);
        return vec![
            ctx.emit(
                CheckResult::new(
                    "dkim.signature",
                    Status::Fail,
                    Message::new("dkim-sig-none").arg("domain", domain),
                )
                .details(json!({ "signatures": 0 }))
                .explain(explain("none", vec![], &[RFC6376_VERIFY, GMAIL])),
            ),
        ];
    }
    let raw = verifiable_text(&message.raw);
    let checks = facts
        .signatures
        .iter()
        .map(|sig| one(ctx, facts, &raw, sig, verifier.as_deref()));
    let mut out = Vec::new();
    for result in futures::future::join_all(checks).await {
        out.push(ctx.emit(result));
    }
    out
}

fn explain(code: &str, found: Vec<Message>, refs: &[(&str, &str)]) -> Explanation {
    Explanation::of_finding(&format!("dkim-sig-{code}"), found, vec![], refs)
}

/// What the receiver's Authentication-Results said about this signature.
fn receiver_said(facts: &MessageFacts, sig: &DkimSignature) -> Option<(String, String)> {
    let ar = facts.receiver_results()?;
    ar.results
        .iter()
        .filter(|r| r.method == "dkim")
        .find(|r| {
            let d = r.property("header.d").map(str::to_ascii_lowercase);
            let i = r.property("header.i").map(str::to_ascii_lowercase);
            let s = r.property("header.s").map(str::to_ascii_lowercase);
            let domain_matches = d.as_deref() == Some(sig.domain.as_str())
                || i.is_some_and(|i| i.ends_with(&format!("@{}", sig.domain)));
            domain_matches && s.is_none_or(|s| s == sig.selector)
        })
        .map(|r| (ar.authserv_id.clone(), r.result.clone()))
}

async fn one(
    ctx: &CheckContext<'_>,
    facts: &MessageFacts,
    raw: &str,
    sig: &DkimSignature,
    verifier: Option<&dyn SignatureVerifier>,
) -> CheckResult {
    let subject = format!("d={} s={}", sig.domain, sig.selector);
    let name = format!("{}._domainkey.{}", sig.selector, sig.domain);
    let receiver = receiver_said(facts, sig);
    let mut found = vec![
        Message::new("dkim-sig-found-signature")
            .arg("domain", &sig.domain)
            .arg("selector", &sig.selector)
            .arg("algorithm", &sig.algorithm)
            .arg("headers", sig.headers.join(":")),
    ];
    if let Some((by, result)) = &receiver {
        found.push(
            Message::new("dkim-sig-found-receiver")
                .arg("receiver", by)
                .arg("result", result),
        );
    }
    let mut details = json!({
        "domain": sig.domain,
        "selector": sig.selector,
        "algorithm": sig.algorithm,
        "canonicalization": sig.canonicalization,
        "signed_headers": sig.headers,
        "body_length": sig.body_length,
        "timestamp": sig.timestamp,
        "expires": sig.expires,
        "name": name,
        "receiver_result": receiver.as_ref().map(|(by, r)| json!({ "authserv_id": by, "result": r })),
    });
    let fail = |code: &'static str, found: Vec<Message>, details: serde_json::Value| {
        let refs: &[(&str, &str)] = match code {
            "sha1" | "weak-key" => &[RFC8301, RFC6376_VERIFY],
            _ => &[RFC6376_VERIFY, GMAIL],
        };
        CheckResult::new(
            "dkim.signature",
            Status::Fail,
            Message::new(format!("dkim-sig-{code}"))
                .arg("domain", &sig.domain)
                .arg("selector", &sig.selector)
                .arg("name", &name),
        )
        .subject(&subject)
        .details(details)
        .explain(explain(code, found.clone(), refs))
    };
    if !sig.missing.is_empty() || sig.domain.is_empty() || sig.selector.is_empty() {
        found.push(Message::new("dkim-sig-found-missing").arg("tags", sig.missing.join(", ")));
        return fail("malformed", found, details);
    }
    // RFC 8301 §3.1: "Verifiers MUST NOT consider signatures using RSA SHA-1 to be
    // valid."
    if sig.algorithm == "rsa-sha1" {
        return fail("sha1", found, details);
    }
    let answer = match ctx.resolver.lookup(&name, RecordType::TXT).await {
        Ok(answer) => answer,
        Err(e) => {
            return CheckResult::unknown(
                "dkim.signature",
                Message::new("dkim-sig-unknown")
                    .arg("name", &name)
                    .arg_msg("reason", e.message()),
                &e,
            )
            .subject(&subject)
            .details(details);
        }
    };
    let records = answer.txt_values();
    // RFC 6376 §6.1.2: no key record is a PERMFAIL ("no key for signature").
    let Some(record) = records
        .iter()
        .find(|t| is_key_record(t))
        .or(records.first())
    else {
        details["nxdomain"] = json!(answer.nxdomain);
        return fail("no-key", found, details);
    };
    found.push(
        Message::new("dkim-sig-found-key")
            .arg("name", &name)
            .arg("record", record),
    );
    details["record"] = json!(record);
    let key = parse_key(record);
    match key.key {
        PublicKey::Revoked => return fail("revoked", found, details),
        PublicKey::Missing | PublicKey::Invalid => return fail("bad-key", found, details),
        // RFC 8301 §3.2: "Verifiers MUST NOT consider signatures using RSA keys of
        // less than 1024 bits as valid signatures."
        PublicKey::Rsa { bits } if bits < 1024 => {
            details["bits"] = json!(bits);
            return fail("weak-key", found, details);
        }
        _ => {}
    }
    let Some(verifier) = verifier else {
        return not_verified(
            &subject,
            &name,
            found,
            details,
            "no verifier in this build".into(),
        );
    };
    let request = VerifyRequest {
        message: raw.to_string(),
        domain: sig.domain.clone(),
        selector: sig.selector.clone(),
        key_record: record.clone(),
        body_available: facts.has_body,
    };
    let verdict = match verifier.verify(request).await {
        Ok(Some(verdict)) => verdict,
        Ok(None) => return fail("malformed", found, details),
        Err(reason) => return not_verified(&subject, &name, found, details, reason),
    };
    // Without a pasted body the hash was checked only when it matched an empty one.
    details["body_checked"] =
        json!(facts.has_body || verdict == Verdict::Pass { body_checked: true });
    match verdict {
        Verdict::Fail(code) => {
            // A verifier in another context answers with text: only known codes pass.
            let code = FAILURES
                .iter()
                .copied()
                .find(|known| *known == code)
                .unwrap_or("unsupported");
            details["result"] = json!(code);
            fail(code, found, details)
        }
        Verdict::Pass { body_checked } => {
            details["result"] = json!("pass");
            if let Some(l) = sig.body_length {
                // RFC 6376 §8.2: anything appended after `l=` octets is unsigned.
                return CheckResult::new(
                    "dkim.signature",
                    Status::Warn,
                    Message::new("dkim-sig-length")
                        .arg("domain", &sig.domain)
                        .arg("selector", &sig.selector)
                        .arg("length", l),
                )
                .subject(&subject)
                .details(details)
                .explain(Explanation::of_finding(
                    "dkim-sig-length",
                    found,
                    vec![],
                    &[RFC6376_LENGTH],
                ));
            }
            let key = if body_checked {
                "dkim-sig-pass"
            } else {
                "dkim-sig-pass-headers"
            };
            let mut result = CheckResult::new(
                "dkim.signature",
                Status::Pass,
                Message::new(key)
                    .arg("domain", &sig.domain)
                    .arg("selector", &sig.selector),
            )
            .subject(&subject)
            .details(details);
            if !body_checked {
                found.push(Message::new("dkim-sig-found-body-not-checked"));
                result = result.explain(Explanation {
                    found,
                    ..Explanation::default()
                });
            }
            result
        }
    }
}

/// The signature could not be verified here (no verifier, or the page's worker did not
/// load): unknown, never pass or fail, with the reason in `details.error`.
fn not_verified(
    subject: &str,
    name: &str,
    found: Vec<Message>,
    mut details: serde_json::Value,
    reason: String,
) -> CheckResult {
    details["error"] = json!(reason);
    CheckResult::new(
        "dkim.signature",
        Status::Unknown,
        Message::new("dkim-sig-no-verifier").arg("name", name),
    )
    .subject(subject)
    .details(details)
    .explain(explain("no-verifier", found, &[RFC6376_VERIFY]))
}

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
