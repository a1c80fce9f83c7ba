//! The DKIM key checks, per selector that holds a key: `dkim.key`,
//! `dkim.key-strength`, `dkim.revoked`, `dkim.testing`.
//!
//! The selectors tried are the user's, then those of providers the MX hosts or SPF
//! includes reveal, then the built-in list ([`super::selectors`]), all queried at
//! once. A key under no tried selector is `unknown` — selectors cannot be listed
//! through DNS — unless the user typed the selector, which then fails. A selector
//! delegated by CNAME (Microsoft 365, many ESPs) is followed by the resolver; the
//! chain is shown.

use futures::future::join_all;
use futures::join;
use serde_json::json;

use super::key::{is_key_record, parse};
use super::selectors::{BUILTIN, Provider, ordered, providers_for, spf_includes};
use super::{DiagCode, KeyRecord, KeyType, PublicKey, Severity};
use crate::checks::CheckContext;
use crate::dns::{Answer, LookupError, RData, RecordType};
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, FixPlace, FixRecord, Status};

const RFC6376_KEY: (&str, &str) = (
    "RFC 6376 §3.6.1",
    "https://www.rfc-editor.org/rfc/rfc6376#section-3.6.1",
);
const RFC6376_SELECTORS: (&str, &str) = (
    "RFC 6376 §3.1",
    "https://www.rfc-editor.org/rfc/rfc6376#section-3.1",
);
const RFC8301: (&str, &str) = ("RFC 8301", "https://www.rfc-editor.org/rfc/rfc8301");
const RFC8463: (&str, &str) = ("RFC 8463", "https://www.rfc-editor.org/rfc/rfc8463");
const GMAIL: (&str, &str) = (
    "Gmail sender guidelines",
    "https://support.google.com/a/answer/81126",
);
const GOOGLE_DKIM: (&str, &str) = (
    "Google: set up DKIM",
    "https://support.google.com/a/answer/174124",
);
const YAHOO: (&str, &str) = (
    "Yahoo sender best practices",
    "https://senders.yahooinc.com/best-practices/",
);

/// An example of how a 2048-bit key record starts, for fix records: the user pastes
/// the key their server generated.
const KEY_EXAMPLE: &str = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…";

/// Findings, as `(key suffix, explained)`.
const FINDINGS: &[(&str, bool)] = &[
    ("key-ok", false),
    ("key-warnings", true),
    ("key-errors", true),
    ("key-revoked", true),
    ("key-not-found", true),
    ("key-none-found", true),
    ("key-unknown", false),
    ("strength-ok", false),
    ("strength-ed25519", false),
    ("strength-1024", true),
    ("strength-weak", true),
    ("revoked-ok", false),
    ("revoked-typed", true),
    ("revoked-guessed", true),
    ("testing-ok", false),
    ("testing-on", true),
];

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = ["key", "key-strength", "revoked", "testing"]
        .iter()
        .flat_map(|id| [format!("dkim-{id}-label"), format!("dkim-{id}-about")])
        .collect();
    for (finding, explained) in FINDINGS {
        keys.push(format!("dkim-{finding}"));
        if *explained {
            keys.push(format!("dkim-{finding}-why"));
            keys.push(format!("dkim-{finding}-fix"));
        }
    }
    keys.extend(
        DiagCode::ALL
            .iter()
            .map(|c| format!("dkim-diag-{}", c.code())),
    );
    keys.extend(
        [
            "dkim-found-record",
            "dkim-found-cname",
            "dkim-found-tried",
            "dkim-found-providers",
            "dkim-found-lookup-errors",
            "check-unknown-reason",
        ]
        .map(String::from),
    );
    keys
}

fn explain(
    finding: &str,
    found: Vec<Message>,
    records: Vec<FixRecord>,
    refs: &[(&str, &str)],
) -> Explanation {
    Explanation::of_finding(&format!("dkim-{finding}"), found, records, refs)
}

fn txt_record(name: &str, value: &str, replaces: bool) -> FixRecord {
    FixRecord {
        place: FixPlace::DnsHost,
        record: format!("{name}. 3600 IN TXT \"{value}\""),
        replaces,
    }
}

/// The MX hosts and SPF include domains of `domain`, for provider hints. Failed
/// lookups only mean fewer hints.
async fn provider_hints(ctx: &CheckContext<'_>, domain: &str) -> Vec<String> {
    let (mx, txt) = join!(
        ctx.resolver.lookup(domain, RecordType::MX),
        ctx.resolver.lookup(domain, RecordType::TXT)
    );
    let mut hosts: Vec<String> = mx
        .map(|a| {
            a.records
                .iter()
                .filter_map(|r| match &r.data {
                    RData::Mx { exchange, .. } if !exchange.is_empty() => Some(exchange.clone()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    if let Ok(a) = txt {
        for value in a.txt_values() {
            if value.to_ascii_lowercase().starts_with("v=spf1") {
                hosts.extend(spf_includes(&value));
            }
        }
    }
    hosts
}

/// Runs the DKIM key checks.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    let domain = ctx.input.domain.as_str();
    let mut user: Vec<String> = ctx
        .input
        .selectors
        .iter()
        .map(|s| s.to_ascii_lowercase())
        .collect();
    // The selectors the pasted message was signed with for this domain come next:
    // the message shows the server signs with them, so a missing key is a failure.
    if let Some(facts) = ctx.input.message_facts() {
        for s in facts.selectors_for(domain) {
            if !user.contains(&s) {
                user.push(s);
            }
        }
    }
    let hosts = provider_hints(ctx, domain).await;
    let providers: Vec<&Provider> = providers_for(&hosts);
    let provider_names: Vec<&str> = providers.iter().map(|p| p.name).collect();
    let order = ordered(&user, &providers);
    let answers = join_all(order.iter().map(|s| async move {
        let name = format!("{s}._domainkey.{domain}");
        let answer = ctx.resolver.lookup_leaf(&name, RecordType::TXT).await;
        (s.as_str(), name, answer)
    }))
    .await;

    let mut results = Vec::new();
    let mut found_any = false;
    let mut errors: Vec<LookupError> = Vec::new();
    for (selector, name, answer) in answers {
        let typed = user.iter().any(|u| u == selector);
        match answer {
            // The key's checks all depend on the one lookup: each is unknown for the same
            // reason, so a report has the same checks whether or not the resolver failed.
            Err(e) if typed => {
                for id in KEY_CHECKS {
                    results.push(
                        ctx.emit(
                            CheckResult::new(
                                id,
                                Status::Unknown,
                                Message::new("dkim-key-unknown")
                                    .arg("name", &name)
                                    .arg_msg("reason", e.message()),
                            )
                            .subject(selector)
                            .details(json!({ "name": name, "error": e }))
                            .explain(Explanation {
                                found: vec![
                                    Message::new("check-unknown-reason")
                                        .arg_msg("reason", e.message()),
                                ],
                                ..Explanation::default()
                            }),
                        ),
                    );
                }
            }
            Err(e) => errors.push(e),
            Ok(answer) => {
                let keys: Vec<String> = answer
                    .txt_values()
                    .into_iter()
                    .filter(|t| is_key_record(t))
                    .collect();
                if let Some(first) = keys.first() {
                    found_any = true;
                    let record = parse(first);
                    let at = Selector {
                        selector,
                        name: &name,
                        typed,
                        answer: &answer,
                        others: keys.len() - 1,
                        providers: &provider_names,
                    };
                    for result in per_selector(&at, &record) {
                        results.push(ctx.emit(result));
                    }
                } else if typed {
                    results.push(ctx.emit(not_found(selector, &name, &answer)));
                }
            }
        }
    }
    if !found_any && user.is_empty() {
        results.push(ctx.emit(none_found(domain, &order, &provider_names, &errors)));
    }
    results
}

/// The checks made of every key found, in the order they are emitted.
const KEY_CHECKS: [&str; 4] = [
    "dkim.key",
    "dkim.key-strength",
    "dkim.revoked",
    "dkim.testing",
];

/// A selector under which a key was found.
struct Selector<'a> {
    selector: &'a str,
    name: &'a str,
    typed: bool,
    answer: &'a Answer,
    /// Further key records at the same name (not used by verifiers that take the first).
    others: usize,
    providers: &'a [&'a str],
}

impl Selector<'_> {
    fn chain(&self) -> Vec<String> {
        self.answer
            .cnames
            .iter()
            .map(|(a, t)| format!("{a} → {t}"))
            .collect()
    }

    /// What we found: the record, and the CNAME chain when the key is delegated.
    fn found(&self, record: &KeyRecord) -> Vec<Message> {
        let mut found = vec![
            Message::new("dkim-found-record")
                .arg("name", self.name)
                .arg("record", &record.text),
        ];
        if !self.answer.cnames.is_empty() {
            found.push(Message::new("dkim-found-cname").arg("chain", self.chain().join(", ")));
        }
        found
    }

    /// A record to publish at this name, unless the key is delegated to a provider
    /// (then the provider publishes it and the user cannot edit it).
    fn fix(&self, value: String) -> Vec<FixRecord> {
        if self.answer.cnames.is_empty() {
            vec![txt_record(self.name, &value, true)]
        } else {
            vec![]
        }
    }
}

fn per_selector(at: &Selector<'_>, record: &KeyRecord) -> Vec<CheckResult> {
    let details = json!({
        "name": at.name,
        "record": record.text,
        "cname_chain": at.chain(),
        "typed": at.typed,
        "key_type": record.key_type,
        "key": record.key,
        "hashes": record.hashes,
        "flags": record.flags,
        "diagnostics": record.diagnostics,
        "other_key_records": at.others,
        "providers": at.providers,
    });
    let s = at.selector;
    let with = |r: CheckResult| r.subject(s).details(details.clone());
    let mut out = Vec::new();
    let found = at.found(record);

    // dkim.key
    let key = if record.key == PublicKey::Revoked && record.worst() < Some(Severity::Warning) {
        CheckResult::new(
            "dkim.key",
            Status::Info,
            Message::new("dkim-key-revoked").arg("name", at.name),
        )
        .explain(explain(
            "key-revoked",
            found.clone(),
            vec![],
            &[RFC6376_KEY],
        ))
    } else {
        match record.worst() {
            None | Some(Severity::Note) => CheckResult::new(
                "dkim.key",
                Status::Pass,
                Message::new("dkim-key-ok").arg("name", at.name),
            ),
            Some(worst) => {
                let mut f = found.clone();
                f.extend(
                    record
                        .diagnostics
                        .iter()
                        .filter(|d| d.code.severity() >= Severity::Warning)
                        .map(|d| d.message()),
                );
                let tags: Vec<&str> = record
                    .diagnostics
                    .iter()
                    .filter(|d| d.code.severity() >= Severity::Warning)
                    .map(|d| d.tag.as_str())
                    .collect();
                let usable = matches!(record.key, PublicKey::Rsa { .. } | PublicKey::Ed25519);
                let fixed = if usable {
                    let sha1 = record
                        .diagnostics
                        .iter()
                        .any(|d| d.code == DiagCode::Sha1Only);
                    at.fix(record.rewritten(if sha1 { &["h"] } else { &[] }))
                } else {
                    vec![]
                };
                let (status, finding) = if worst == Severity::Error {
                    (Status::Fail, "key-errors")
                } else {
                    (Status::Warn, "key-warnings")
                };
                CheckResult::new(
                    "dkim.key",
                    status,
                    Message::new(format!("dkim-{finding}"))
                        .arg("name", at.name)
                        .arg("tags", tags.join(", ")),
                )
                .explain(explain(
                    finding,
                    f,
                    fixed,
                    &[RFC6376_KEY, RFC8301, RFC8463],
                ))
            }
        }
    };
    out.push(with(key));

    // dkim.key-strength
    let new_name = at.name.replacen(s, &format!("{s}-2048"), 1);
    let refs = [RFC8301, GMAIL, YAHOO, GOOGLE_DKIM];
    let strength = match (&record.key, &record.key_type) {
        (PublicKey::Rsa { bits }, _) if *bits < 1024 => Some(
            CheckResult::new(
                "dkim.key-strength",
                Status::Fail,
                Message::new("dkim-strength-weak").arg("bits", bits),
            )
            .explain(explain(
                "strength-weak",
                found.clone(),
                vec![txt_record(&new_name, KEY_EXAMPLE, false)],
                &refs,
            )),
        ),
        (PublicKey::Rsa { bits }, _) if *bits < 2048 => Some(
            CheckResult::new(
                "dkim.key-strength",
                Status::Warn,
                Message::new("dkim-strength-1024").arg("bits", bits),
            )
            .explain(explain(
                "strength-1024",
                found.clone(),
                vec![txt_record(&new_name, KEY_EXAMPLE, false)],
                &refs,
            )),
        ),
        (PublicKey::Rsa { bits }, _) => Some(CheckResult::new(
            "dkim.key-strength",
            Status::Pass,
            Message::new("dkim-strength-ok").arg("bits", bits),
        )),
        (PublicKey::Ed25519, KeyType::Ed25519) => Some(CheckResult::new(
            "dkim.key-strength",
            Status::Pass,
            Message::new("dkim-strength-ed25519"),
        )),
        _ => None,
    };
    out.extend(strength.map(with));

    // dkim.revoked
    let revoked = if record.key == PublicKey::Revoked {
        let finding = if at.typed {
            "revoked-typed"
        } else {
            "revoked-guessed"
        };
        let status = if at.typed { Status::Fail } else { Status::Info };
        CheckResult::new(
            "dkim.revoked",
            status,
            Message::new(format!("dkim-{finding}")).arg("name", at.name),
        )
        .explain(explain(finding, found.clone(), vec![], &[RFC6376_KEY]))
    } else {
        CheckResult::new(
            "dkim.revoked",
            Status::Pass,
            Message::new("dkim-revoked-ok").arg("name", at.name),
        )
    };
    out.push(with(revoked));

    // dkim.testing
    if record.key != PublicKey::Revoked {
        let testing = if record.testing() {
            let mut value = record.rewritten(&["t"]);
            if record.flags.iter().any(|f| f == "s") {
                value.push_str("; t=s");
            }
            CheckResult::new(
                "dkim.testing",
                Status::Warn,
                Message::new("dkim-testing-on").arg("name", at.name),
            )
            .explain(explain("testing-on", found, at.fix(value), &[RFC6376_KEY]))
        } else {
            CheckResult::new(
                "dkim.testing",
                Status::Pass,
                Message::new("dkim-testing-ok").arg("name", at.name),
            )
        };
        out.push(with(testing));
    }
    out
}

/// A selector the user typed holds no key.
fn not_found(selector: &str, name: &str, answer: &Answer) -> CheckResult {
    let other: Vec<String> = answer.txt_values();
    CheckResult::new(
        "dkim.key",
        Status::Fail,
        Message::new("dkim-key-not-found").arg("name", name),
    )
    .subject(selector)
    .details(json!({
        "name": name,
        "nxdomain": answer.nxdomain,
        "other_txt": other,
        "cname_chain": answer.cnames,
    }))
    .explain(explain(
        "key-not-found",
        vec![],
        vec![txt_record(name, KEY_EXAMPLE, false)],
        &[RFC6376_KEY, GOOGLE_DKIM, GMAIL],
    ))
}

/// No key under any tried selector: unknown, never "missing".
fn none_found(
    domain: &str,
    tried: &[String],
    providers: &[&str],
    errors: &[LookupError],
) -> CheckResult {
    let mut found = vec![
        Message::new("dkim-found-tried")
            .arg("count", tried.len())
            .arg("selectors", tried.join(", ")),
    ];
    if !providers.is_empty() {
        found.push(Message::new("dkim-found-providers").arg("providers", providers.join(", ")));
    }
    if let Some(e) = errors.first() {
        found.push(
            Message::new("dkim-found-lookup-errors")
                .arg("count", errors.len())
                .arg_msg("reason", e.message()),
        );
    }
    CheckResult::new(
        "dkim.key",
        Status::Unknown,
        Message::new("dkim-key-none-found")
            .arg("count", tried.len())
            .arg("domain", domain),
    )
    .details(json!({
        "tried": tried,
        "builtin": BUILTIN.len(),
        "providers": providers,
        "errors": errors,
    }))
    .explain(explain(
        "key-none-found",
        found,
        vec![],
        &[RFC6376_SELECTORS, GOOGLE_DKIM],
    ))
}

#[cfg(test)]
#[path = "checks_tests.rs"]
mod tests;
