//! `dkim.signature`: every DKIM signature of a pasted message verified, one result
//! per signature (RFC 6376 §6, as updated by RFC 8301 and RFC 8463).
//!
//! The key (`<s>._domainkey.<d>` TXT) is fetched through the run's resolver — so it
//! is cached, logged and shown like every other query — and handed to mail-auth's
//! verifier through its TXT cache (`Parameters::with_txt_cache`). That cache answers
//! every name we did not fetch with a resolver error, so mail-auth never reaches
//! the network itself (its `dns-doh` feature is compiled in only because the crate
//! requires a DNS backend).
//!
//! mail-auth checks the body hash before the header signature and stops at a
//! mismatch. When only headers were pasted there is no body to hash; the header
//! signature is then verified on its own by giving mail-auth the signature's own
//! `bh=` as the body hash, and the result says the body was not checked.

use std::collections::HashMap;
use std::sync::Arc;

use mail_auth::common::crypto::CryptoError;
use mail_auth::common::parse::TxtRecordParser;
use mail_auth::common::verify::DomainKey;
use mail_auth::dkim::DkimError;
use mail_auth::{
    AuthenticatedMessage, DkimResult, DnsError, Error, MessageAuthenticator, Parameters,
    ResolverCache, Txt,
};
use serde_json::json;

use super::PublicKey;
use super::key::{is_key_record, parse as parse_key};
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

/// mail-auth's TXT cache, filled with the keys our resolver fetched. A name we did
/// not fetch (an ATPS or `_report._domainkey` name) is answered with an error, so
/// mail-auth never queries on its own.
struct Keys(HashMap<Box<str>, Txt>);

impl ResolverCache<Box<str>, Txt> for Keys {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        Some(self.0.get(name).cloned().unwrap_or_else(|| {
            Txt::Error(Error::Dns(DnsError::Resolver(
                "not fetched by Inboxable".into(),
            )))
        }))
    }

    fn remove<Q>(&self, _: &Q) -> Option<Txt>
    where
        Box<str>: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        None
    }

    fn insert(&self, _: Box<str>, _: Txt, _: web_time::Instant) {}
}

/// The outcome of verifying one signature.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// The signature verifies (`body_checked`: with the body hash).
    Pass { body_checked: bool },
    /// One of [`FAILURES`].
    Fail(&'static str),
}

/// What mail-auth's result means for the user.
fn verdict(result: &DkimResult, body_checked: bool) -> Verdict {
    match result {
        DkimResult::Pass => Verdict::Pass { body_checked },
        DkimResult::Neutral(e)
        | DkimResult::Fail(e)
        | DkimResult::PermError(e)
        | DkimResult::TempError(e) => Verdict::Fail(match e {
            Error::Dkim(DkimError::SignatureExpired) => "expired",
            Error::Dkim(DkimError::FailedBodyHashMatch) => "body-hash",
            Error::Dkim(DkimError::FailedAuidMatch) => "auid",
            Error::Dkim(DkimError::RevokedPublicKey) => "revoked",
            Error::Dkim(DkimError::UnsupportedKeyType) => "bad-key",
            Error::Crypto(CryptoError::FailedVerification) => "mismatch",
            Error::Crypto(CryptoError::IncompatibleAlgorithms) => "bad-key",
            Error::Dkim(_) | Error::Base64 | Error::ParseError => "malformed",
            _ => "unsupported",
        }),
        DkimResult::None => Verdict::Fail("none"),
    }
}

/// Verifies signature `index` of `raw` (CRLF text) with `key` (the TXT record) in
/// mail-auth. Returns `None` when mail-auth cannot read the message or signature.
async fn verify(
    raw: &[u8],
    sig: &DkimSignature,
    key_record: &str,
    body_available: bool,
) -> Option<Verdict> {
    let parsed = AuthenticatedMessage::parse_with_opts(raw, None, false)?;
    let header = parsed
        .dkim_headers
        .iter()
        .find(|h| {
            h.header.d.eq_ignore_ascii_case(&sig.domain)
                && h.header.s.eq_ignore_ascii_case(&sig.selector)
        })?
        .clone();
    let name = format!("{}._domainkey.{}.", sig.selector, sig.domain).to_ascii_lowercase();
    let txt = match DomainKey::parse(key_record.as_bytes()) {
        Ok(key) => Txt::DomainKey(Arc::new(key)),
        Err(e) => Txt::Error(e),
    };
    let keys = Keys(HashMap::from([(name.into_boxed_str(), txt)]));
    // One signature at a time, so that the result is this signature's. Third-party
    // authorisation (RFC 6541 `atps=`) is not part of DKIM validity: left out.
    let mut one = parsed.clone();
    let mut signature_header = header;
    signature_header.header.atps = None;
    signature_header.header.r = false;
    let sig_bh = signature_header.header.bh.clone();
    one.dkim_headers = vec![signature_header];
    let authenticator = MessageAuthenticator::new_doh("http://127.0.0.1:9/not-used");
    let first = {
        let params = Parameters::new(&one).with_txt_cache(&keys);
        authenticator
            .verify_dkim(params)
            .await
            .first()
            .map(|o| o.result().clone())
    }?;
    let body_mismatch = matches!(
        &first,
        DkimResult::Neutral(Error::Dkim(DkimError::FailedBodyHashMatch))
    );
    if !body_mismatch || body_available {
        return Some(verdict(&first, true));
    }
    // Headers only: take the signed body hash as given and check the rest.
    for entry in &mut one.body_hashes {
        entry.3 = sig_bh.clone();
    }
    let params = Parameters::new(&one).with_txt_cache(&keys);
    let second = authenticator.verify_dkim(params).await;
    second.first().map(|o| verdict(o.result(), false))
}

/// Runs `dkim.signature` for the pasted message, if any.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
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
        .map(|sig| one(ctx, facts, raw.as_bytes(), sig));
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
    raw: &[u8],
    sig: &DkimSignature,
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
    let Some(verdict) = verify(raw, sig, record, facts.has_body).await else {
        return fail("malformed", found, details);
    };
    // Without a pasted body the hash was checked only when it matched an empty one.
    details["body_checked"] =
        json!(facts.has_body || verdict == Verdict::Pass { body_checked: true });
    match verdict {
        Verdict::Fail(code) => {
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

#[cfg(test)]
#[path = "signature_tests.rs"]
mod tests;
