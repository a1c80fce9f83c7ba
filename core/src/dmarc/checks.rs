//! The `dmarc.*` checks: `dmarc.present`, `dmarc.syntax`, `dmarc.policy`,
//! `dmarc.reporting` (with RFC 7489 §7.1 external destination authorisation) and
//! `dmarc.alignment`.
//!
//! Discovery follows RFC 7489 §6.6.3: `_dmarc.<domain>`, else `_dmarc.<organisational
//! domain>` found with the Public Suffix List (`crate::suffix`). RFC 9989 receivers
//! walk the DNS tree instead (at most 8 queries); for an ordinary domain both find
//! the same record. The names such a walk would query are given in the details.

use std::collections::BTreeSet;

use futures::future::join_all;
use serde_json::json;

use super::parse::{is_dmarc_record, looks_like_dmarc, parse};
use super::{Alignment, DiagCode, Policy, Record};
use crate::checks::CheckContext;
use crate::dns::{LookupError, RecordType, normalize_name};
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, FixPlace, FixRecord, Status};

const RFC7489_DISCOVERY: (&str, &str) = (
    "RFC 7489 §6.6.3",
    "https://www.rfc-editor.org/rfc/rfc7489#section-6.6.3",
);
const RFC7489_TAGS: (&str, &str) = (
    "RFC 7489 §6.3",
    "https://www.rfc-editor.org/rfc/rfc7489#section-6.3",
);
const RFC7489_EXTERNAL: (&str, &str) = (
    "RFC 7489 §7.1",
    "https://www.rfc-editor.org/rfc/rfc7489#section-7.1",
);
const RFC7489_URIS: (&str, &str) = (
    "RFC 7489 §6.2",
    "https://www.rfc-editor.org/rfc/rfc7489#section-6.2",
);
const RFC9989: (&str, &str) = ("RFC 9989", "https://www.rfc-editor.org/rfc/rfc9989");
const GMAIL: (&str, &str) = (
    "Gmail sender guidelines",
    "https://support.google.com/a/answer/81126",
);
const GOOGLE_DMARC: (&str, &str) = (
    "Google: set up DMARC",
    "https://support.google.com/a/answer/2466580",
);
const YAHOO: (&str, &str) = (
    "Yahoo sender best practices",
    "https://senders.yahooinc.com/best-practices/",
);
const MICROSOFT: (&str, &str) = (
    "Microsoft: set up DMARC",
    "https://learn.microsoft.com/en-us/defender-office-365/email-authentication-dmarc-configure",
);

/// RFC 7489 §6.2: receivers "MAY impose a limit on the number of URIs to which they
/// will send reports but MUST support the ability to send to at least two": only the
/// first two URIs of `rua=` (and of `ruf=`) are sure to get reports.
const GUARANTEED_URIS: usize = 2;

/// The most distinct external destination hosts whose `_report._dmarc` authorisation
/// (RFC 7489 §7.1) one run looks up. Each is one query, and a record can name
/// hundreds. Real records name a few — the domain's own mailbox and a report service
/// or two, in `rua=` and `ruf=` — and only the first two of each list are sure to be
/// used (`GUARANTEED_URIS`: 4 hosts at most). Ten covers those with room, is the
/// engine's bound elsewhere too (10 MX hosts, 10 PTR names, RFC 7208's 10
/// DNS-querying terms), and keeps a hostile record to ten queries. The hosts past it
/// are counted, never passed.
pub const MAX_EXTERNAL_DESTINATIONS: usize = 10;

/// Findings, as `(key suffix, explained)`: `dmarc-<suffix>` is the summary; explained
/// ones also have `-why` and `-fix`.
const FINDINGS: &[(&str, bool)] = &[
    ("present-ok", false),
    ("present-org", false),
    ("present-none", true),
    ("present-multiple", true),
    ("present-ignored", true),
    ("present-unknown", false),
    ("syntax-ok", false),
    ("syntax-notes", false),
    ("syntax-errors", true),
    ("policy-enforced", false),
    ("policy-none", true),
    ("policy-missing", true),
    ("policy-pct", true),
    ("policy-testing", true),
    ("reporting-ok", false),
    ("reporting-none", true),
    ("reporting-invalid", true),
    ("reporting-unauthorized", true),
    ("reporting-unverified", true),
    ("reporting-unknown", false),
    ("alignment-info", true),
    ("alignment-message-ok", false),
    ("alignment-message-none", true),
];

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = ["present", "syntax", "policy", "reporting", "alignment"]
        .iter()
        .flat_map(|id| [format!("dmarc-{id}-label"), format!("dmarc-{id}-about")])
        .collect();
    for (finding, explained) in FINDINGS {
        keys.push(format!("dmarc-{finding}"));
        if *explained {
            keys.push(format!("dmarc-{finding}-why"));
            keys.push(format!("dmarc-{finding}-fix"));
        }
    }
    keys.extend(
        DiagCode::ALL
            .iter()
            .map(|c| format!("dmarc-diag-{}", c.code())),
    );
    keys.extend(
        [
            "dmarc-found-record",
            "dmarc-found-inherited",
            "dmarc-found-destination",
            "dmarc-found-authorized",
            "dmarc-found-lookup-failed",
            "dmarc-found-unverified",
            "dmarc-mode-relaxed",
            "dmarc-mode-strict",
            "dmarc-found-alignment",
            "dmarc-found-receiver",
            "dmarc-aligned-both",
            "dmarc-aligned-dkim",
            "dmarc-aligned-spf",
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
    Explanation::of_finding(&format!("dmarc-{finding}"), found, records, refs)
}

fn unknown(id: &str, finding: &str, error: &LookupError) -> CheckResult {
    let summary = Message::new(format!("dmarc-{finding}")).arg_msg("reason", error.message());
    CheckResult::unknown(id, summary, error)
}

fn txt_record(name: &str, value: &str, replaces: bool) -> FixRecord {
    FixRecord {
        place: FixPlace::DnsHost,
        record: format!("{name}. 3600 IN TXT \"{value}\""),
        replaces,
    }
}

/// The organisational domain of `domain` by the Public Suffix List.
pub fn organizational_domain(domain: &str) -> String {
    crate::suffix::registrable_domain(domain).unwrap_or_else(|| normalize_name(domain))
}

/// The names an RFC 9989 receiver's DNS tree walk queries for `domain`, in order:
/// the domain, then (for names of more than 8 labels) its last 7 labels, then one
/// label less at a time.
pub fn tree_walk(domain: &str) -> Vec<String> {
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    let mut names = vec![format!("_dmarc.{}", labels.join("."))];
    let mut n = labels.len();
    if n > 8 {
        n = 8;
    }
    while n > 1 {
        n -= 1;
        names.push(format!("_dmarc.{}", labels[labels.len() - n..].join(".")));
    }
    names
}

/// What discovery found at the first level that holds something DMARC-like.
struct Found {
    /// The domain the policy was retrieved from.
    policy_domain: String,
    /// True when it is the organisational domain, not the checked one.
    inherited: bool,
    /// Every TXT string there that looks like a DMARC record.
    candidates: Vec<String>,
}

/// Looks at `_dmarc.<domain>`, then `_dmarc.<org>`.
async fn discover(ctx: &CheckContext<'_>, domain: &str) -> Result<Option<Found>, LookupError> {
    let org = organizational_domain(domain);
    let mut levels = vec![(domain.to_owned(), false)];
    if org != domain {
        levels.push((org, true));
    }
    for (level, inherited) in levels {
        let answer = ctx
            .resolver
            .lookup(&format!("_dmarc.{level}"), RecordType::TXT)
            .await?;
        let candidates: Vec<String> = answer
            .txt_values()
            .into_iter()
            .filter(|t| looks_like_dmarc(t))
            .collect();
        if !candidates.is_empty() {
            return Ok(Some(Found {
                policy_domain: level,
                inherited,
                candidates,
            }));
        }
    }
    Ok(None)
}

/// The DMARC record that applies to `domain` and whether it was inherited from the
/// organisational domain; `None` when there is none or several (not applied). For
/// checks that depend on DMARC, such as BIMI.
pub async fn applied_record(
    ctx: &CheckContext<'_>,
    domain: &str,
) -> Result<Option<(Record, bool)>, LookupError> {
    let Some(found) = discover(ctx, domain).await? else {
        return Ok(None);
    };
    let valid: Vec<&String> = found
        .candidates
        .iter()
        .filter(|t| is_dmarc_record(t))
        .collect();
    Ok((valid.len() == 1).then(|| (parse(valid[0]), found.inherited)))
}

/// Runs the DMARC checks for the input domain.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    let domain = ctx.input.domain.as_str();
    let base_details = json!({
        "discovery": "public-suffix-list",
        "organizational_domain": organizational_domain(domain),
        "rfc9989_tree_walk": tree_walk(domain),
    });
    let found = match discover(ctx, domain).await {
        // Every DMARC check depends on this lookup: each is unknown for the same reason.
        Err(e) => {
            return [
                "dmarc.present",
                "dmarc.syntax",
                "dmarc.policy",
                "dmarc.reporting",
                "dmarc.alignment",
            ]
            .into_iter()
            .map(|id| ctx.emit(unknown(id, "present-unknown", &e)))
            .collect();
        }
        Ok(None) => {
            let name = format!("_dmarc.{domain}");
            let result = CheckResult::new(
                "dmarc.present",
                Status::Fail,
                Message::new("dmarc-present-none").arg("name", &name),
            )
            .details(base_details)
            .explain(explain(
                "present-none",
                vec![],
                vec![txt_record(
                    &name,
                    &format!("v=DMARC1; p=none; rua=mailto:dmarc@{domain}"),
                    false,
                )],
                &[RFC7489_DISCOVERY, GMAIL, YAHOO, MICROSOFT, GOOGLE_DMARC],
            ));
            return vec![ctx.emit(result)];
        }
        Ok(Some(found)) => found,
    };
    let name = format!("_dmarc.{}", found.policy_domain);
    let valid: Vec<&String> = found
        .candidates
        .iter()
        .filter(|t| is_dmarc_record(t))
        .collect();
    let mut details = base_details;
    details["name"] = json!(name);
    details["policy_domain"] = json!(found.policy_domain);
    details["inherited"] = json!(found.inherited);
    details["records"] = json!(found.candidates);
    let found_records: Vec<Message> = found
        .candidates
        .iter()
        .map(|r| Message::new("dmarc-found-record").arg("record", r))
        .collect();

    let mut results = Vec::new();
    if valid.len() > 1 {
        let keep = parse(valid[0]).corrected();
        results.push(
            ctx.emit(
                CheckResult::new(
                    "dmarc.present",
                    Status::Fail,
                    Message::new("dmarc-present-multiple")
                        .arg("name", &name)
                        .arg("count", valid.len()),
                )
                .details(details)
                .explain(explain(
                    "present-multiple",
                    found_records,
                    vec![txt_record(&name, &keep, true)],
                    &[RFC7489_DISCOVERY, RFC9989],
                )),
            ),
        );
        return results;
    }
    let text = valid.first().map_or(&found.candidates[0], |t| *t);
    let record = parse(text);
    if valid.is_empty() {
        results.push(
            ctx.emit(
                CheckResult::new(
                    "dmarc.present",
                    Status::Fail,
                    Message::new("dmarc-present-ignored").arg("name", &name),
                )
                .details(details.clone())
                .explain(explain(
                    "present-ignored",
                    found_records,
                    vec![txt_record(&name, &record.corrected(), true)],
                    &[RFC7489_DISCOVERY, RFC7489_TAGS],
                )),
            ),
        );
        results.push(ctx.emit(syntax(&name, &record)));
        return results;
    }
    let present = if found.inherited {
        Message::new("dmarc-present-org")
            .arg("domain", domain)
            .arg("org", &found.policy_domain)
            .arg("record", text)
    } else {
        Message::new("dmarc-present-ok")
            .arg("name", &name)
            .arg("record", text)
    };
    results
        .push(ctx.emit(CheckResult::new("dmarc.present", Status::Pass, present).details(details)));
    results.push(ctx.emit(syntax(&name, &record)));
    results.push(ctx.emit(policy(&name, domain, &found, &record)));
    results.push(ctx.emit(reporting(ctx, &name, &found.policy_domain, &record).await));
    results.push(ctx.emit(match ctx.input.message_facts() {
        Some(facts) if facts.header_count > 0 => message_alignment(domain, &record, facts),
        _ => alignment(domain, &record),
    }));
    results
}

fn syntax(name: &str, record: &Record) -> CheckResult {
    let details = json!({
        "record": record.text,
        "generation": record.generation,
        "diagnostics": record.diagnostics,
        "unknown_tags": record.unknown_tags,
    });
    let errors: Vec<_> = record.diagnostics.iter().filter(|d| d.is_error()).collect();
    if errors.is_empty() {
        let summary = if record.unknown_tags.is_empty() {
            Message::new("dmarc-syntax-ok").arg("record", &record.text)
        } else {
            Message::new("dmarc-syntax-notes").arg("tags", record.unknown_tags.join(", "))
        };
        return CheckResult::new("dmarc.syntax", Status::Pass, summary).details(details);
    }
    let mut found = vec![Message::new("dmarc-found-record").arg("record", &record.text)];
    found.extend(record.diagnostics.iter().map(|d| d.message()));
    CheckResult::new(
        "dmarc.syntax",
        Status::Fail,
        Message::new("dmarc-syntax-errors")
            .arg("count", errors.len())
            .arg(
                "tags",
                errors
                    .iter()
                    .map(|d| d.tag.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
    )
    .details(details)
    .explain(explain(
        "syntax-errors",
        found,
        vec![txt_record(name, &record.corrected(), true)],
        &[RFC7489_TAGS, RFC9989],
    ))
}

fn policy(name: &str, domain: &str, found: &Found, record: &Record) -> CheckResult {
    // A record inherited from the organisational domain applies its `sp` here.
    let applied = if found.inherited {
        record.effective_sp()
    } else {
        record.effective_p()
    };
    let details = json!({
        "p": record.p.map(Policy::as_str),
        "sp": record.sp.map(Policy::as_str),
        "np": record.np.map(Policy::as_str),
        "pct": record.pct,
        "t": record.testing.map(|t| if t { "y" } else { "n" }),
        "applied": applied.as_str(),
        "inherited": found.inherited,
    });
    let found_msgs = {
        let mut v = vec![Message::new("dmarc-found-record").arg("record", &record.text)];
        if found.inherited {
            v.push(
                Message::new("dmarc-found-inherited")
                    .arg("domain", domain)
                    .arg("org", &found.policy_domain),
            );
        }
        v
    };
    let refs = [RFC7489_TAGS, RFC9989, GOOGLE_DMARC, YAHOO, MICROSOFT];
    let upgrade = |to: Policy| vec![txt_record(name, &record.with_policy(to), true)];
    let result = if record.p.is_none() {
        CheckResult::new(
            "dmarc.policy",
            Status::Warn,
            Message::new("dmarc-policy-missing"),
        )
        .explain(explain(
            "policy-missing",
            found_msgs,
            upgrade(Policy::None),
            &refs,
        ))
    } else if applied == Policy::None {
        CheckResult::new(
            "dmarc.policy",
            Status::Warn,
            Message::new("dmarc-policy-none").arg("domain", domain),
        )
        .explain(explain(
            "policy-none",
            found_msgs,
            upgrade(Policy::Quarantine),
            &refs,
        ))
    } else if record.testing == Some(true) {
        CheckResult::new(
            "dmarc.policy",
            Status::Warn,
            Message::new("dmarc-policy-testing")
                .arg("policy", applied.as_str())
                .arg("applied", applied.tested().as_str()),
        )
        .explain(explain(
            "policy-testing",
            found_msgs,
            upgrade(applied),
            &refs,
        ))
    } else if record.effective_pct() < 100 {
        CheckResult::new(
            "dmarc.policy",
            Status::Warn,
            Message::new("dmarc-policy-pct")
                .arg("policy", applied.as_str())
                .arg("pct", record.effective_pct()),
        )
        .explain(explain("policy-pct", found_msgs, upgrade(applied), &refs))
    } else {
        CheckResult::new(
            "dmarc.policy",
            Status::Pass,
            Message::new("dmarc-policy-enforced").arg("policy", applied.as_str()),
        )
    };
    result.details(details)
}

/// The external destination hosts of `record` (outside `own_org`), each once, in the
/// order their authorisation is looked up: the first two URIs of `rua=` and of `ruf=`
/// — the ones every receiver must support (RFC 7489 §6.2) — then the rest of `rua=`,
/// then the rest of `ruf=`, each in the record's order (RFC 7489 §6.2: "A report is
/// normally sent to each listed URI in the order provided by the Domain Owner").
fn external_hosts(record: &Record, own_org: &str) -> Vec<String> {
    let (rua_first, rua_rest) = record.rua.split_at(record.rua.len().min(GUARANTEED_URIS));
    let (ruf_first, ruf_rest) = record.ruf.split_at(record.ruf.len().min(GUARANTEED_URIS));
    let mut seen = BTreeSet::new();
    rua_first
        .iter()
        .chain(ruf_first)
        .chain(rua_rest)
        .chain(ruf_rest)
        .filter_map(|u| u.host.as_deref().map(normalize_name))
        .filter(|h| organizational_domain(h) != own_org && seen.insert(h.clone()))
        .collect()
}

/// `dmarc.reporting`: valid `rua`, and authorisation of external destinations (at
/// most [`MAX_EXTERNAL_DESTINATIONS`] of them).
async fn reporting(
    ctx: &CheckContext<'_>,
    name: &str,
    policy_domain: &str,
    record: &Record,
) -> CheckResult {
    let own_org = organizational_domain(policy_domain);
    let invalid: Vec<&str> = record
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagCode::BadUri)
        .map(|d| d.value.as_str())
        .collect();
    let hosts = external_hosts(record, &own_org);
    let unverified = hosts.len().saturating_sub(MAX_EXTERNAL_DESTINATIONS);
    let checks = join_all(
        hosts
            .iter()
            .take(MAX_EXTERNAL_DESTINATIONS)
            .map(|host| async move {
                let auth = format!("{policy_domain}._report._dmarc.{host}");
                let answer = ctx.resolver.lookup(&auth, RecordType::TXT).await;
                (host.clone(), auth, answer)
            }),
    )
    .await;
    let mut found = Vec::new();
    let mut unauthorized = Vec::new();
    let mut error = None;
    let mut destinations = Vec::new();
    for (host, auth, answer) in checks {
        let state = match answer {
            Ok(a) if a.txt_values().iter().any(|t| is_dmarc_record(t)) => {
                found.push(
                    Message::new("dmarc-found-authorized")
                        .arg("host", &host)
                        .arg("record", &auth),
                );
                "authorized"
            }
            Ok(_) => {
                found.push(
                    Message::new("dmarc-found-destination")
                        .arg("host", &host)
                        .arg("record", &auth),
                );
                unauthorized.push((host.clone(), auth.clone()));
                "missing"
            }
            Err(e) => {
                found.push(
                    Message::new("dmarc-found-lookup-failed")
                        .arg("record", &auth)
                        .arg_msg("reason", e.message()),
                );
                error = Some(e);
                "unknown"
            }
        };
        destinations.push(json!({ "host": host, "record": auth, "state": state }));
    }
    if unverified > 0 {
        found.push(
            Message::new("dmarc-found-unverified")
                .arg("count", unverified)
                .arg("total", hosts.len())
                .arg("limit", MAX_EXTERNAL_DESTINATIONS),
        );
    }
    let uris: Vec<String> = record.rua.iter().map(|u| u.text()).collect();
    let details = json!({
        "rua": uris,
        "ruf": record.ruf.iter().map(|u| u.text()).collect::<Vec<_>>(),
        "invalid": invalid,
        "external": destinations,
        "external_total": hosts.len(),
        "external_unverified": unverified,
    });
    let refs = [RFC7489_EXTERNAL, RFC7489_TAGS, YAHOO, GOOGLE_DMARC];
    let result = if record.rua.is_empty() && invalid.is_empty() {
        let mut fixed = record.corrected();
        fixed.push_str(&format!("; rua=mailto:dmarc@{policy_domain}"));
        CheckResult::new(
            "dmarc.reporting",
            Status::Warn,
            Message::new("dmarc-reporting-none"),
        )
        .explain(explain(
            "reporting-none",
            found,
            vec![txt_record(name, &fixed, true)],
            &refs,
        ))
    } else if !invalid.is_empty() {
        CheckResult::new(
            "dmarc.reporting",
            Status::Warn,
            Message::new("dmarc-reporting-invalid").arg("uris", invalid.join(", ")),
        )
        .explain(explain(
            "reporting-invalid",
            found,
            vec![txt_record(name, &record.corrected(), true)],
            &refs,
        ))
    } else if !unauthorized.is_empty() {
        let records = unauthorized
            .iter()
            .map(|(_, auth)| txt_record(auth, "v=DMARC1", false))
            .collect();
        let hosts: Vec<&str> = unauthorized.iter().map(|(h, _)| h.as_str()).collect();
        let auths: Vec<&str> = unauthorized.iter().map(|(_, a)| a.as_str()).collect();
        CheckResult::new(
            "dmarc.reporting",
            Status::Warn,
            Message::new("dmarc-reporting-unauthorized")
                .arg("hosts", hosts.join(", "))
                .arg("records", auths.join(", ")),
        )
        .explain(explain("reporting-unauthorized", found, records, &refs))
    } else if unverified > 0 {
        // Never a pass for a destination not looked up. The fix keeps the URIs every
        // receiver must support: the first two of each list.
        let mut shortened = record.clone();
        shortened.rua.truncate(GUARANTEED_URIS);
        shortened.ruf.truncate(GUARANTEED_URIS);
        CheckResult::new(
            "dmarc.reporting",
            Status::Warn,
            Message::new("dmarc-reporting-unverified")
                .arg("count", unverified)
                .arg("total", hosts.len())
                .arg("limit", MAX_EXTERNAL_DESTINATIONS),
        )
        .explain(explain(
            "reporting-unverified",
            found,
            vec![txt_record(name, &shortened.corrected(), true)],
            &[RFC7489_URIS, RFC7489_EXTERNAL],
        ))
    } else if let Some(e) = error {
        unknown("dmarc.reporting", "reporting-unknown", &e)
    } else {
        CheckResult::new(
            "dmarc.reporting",
            Status::Pass,
            Message::new("dmarc-reporting-ok").arg("uris", uris.join(", ")),
        )
    };
    result.details(details)
}

/// `dmarc.alignment`: without a message we know only the envelope domain (the checked
/// domain), so this explains the modes rather than judging them.
fn alignment(domain: &str, record: &Record) -> CheckResult {
    let adkim = record.adkim.unwrap_or_default();
    let aspf = record.aspf.unwrap_or_default();
    CheckResult::new(
        "dmarc.alignment",
        Status::Info,
        Message::new("dmarc-alignment-info")
            .arg("domain", domain)
            .arg_key("adkim", adkim.key())
            .arg_key("aspf", aspf.key()),
    )
    .details(json!({ "adkim": adkim, "aspf": aspf }))
    .explain(explain(
        "alignment-info",
        vec![],
        vec![],
        &[
            (
                "RFC 7489 §3.1",
                "https://www.rfc-editor.org/rfc/rfc7489#section-3.1",
            ),
            GMAIL,
        ],
    ))
}

/// Whether `a` and `b` are aligned in `mode` (RFC 7489 §3.1: strict = identical,
/// relaxed = the same organisational domain).
fn aligned(a: &str, b: &str, mode: Alignment) -> bool {
    let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
    match mode {
        Alignment::Strict => a == b,
        Alignment::Relaxed => organizational_domain(&a) == organizational_domain(&b),
    }
}

/// `dmarc.alignment` with a pasted message: the From domain against the DKIM `d=`
/// domains and the envelope sender (Return-Path) domain — or, for a null sender,
/// the HELO name, which SPF then checks (RFC 7208 §2.4) — in the record's modes.
/// Whether the aligned identifier also *passed* is `dkim.signature`'s and
/// `spf.authorizes-ip`'s finding; the receiver's own verdict is shown when recorded.
fn message_alignment(
    domain: &str,
    record: &Record,
    facts: &crate::message::MessageFacts,
) -> CheckResult {
    let adkim = record.adkim.unwrap_or_default();
    let aspf = record.aspf.unwrap_or_default();
    let from = facts
        .from_domain
        .clone()
        .unwrap_or_else(|| domain.to_owned());
    let mut dkim_domains: Vec<String> = Vec::new();
    for sig in &facts.signatures {
        if !sig.domain.is_empty() && !dkim_domains.contains(&sig.domain) {
            dkim_domains.push(sig.domain.clone());
        }
    }
    let dkim_aligned: Vec<&String> = dkim_domains
        .iter()
        .filter(|d| aligned(d, &from, adkim))
        .collect();
    let spf_domain = facts
        .return_path_domain
        .clone()
        .or_else(|| facts.helo().map(str::to_owned));
    let spf_aligned = spf_domain
        .as_deref()
        .is_some_and(|d| aligned(d, &from, aspf));
    let receiver_dmarc = facts.receiver_results().and_then(|ar| {
        ar.results
            .iter()
            .find(|r| r.method == "dmarc")
            .map(|r| (ar.authserv_id.clone(), r.result.clone()))
    });
    let none = "—".to_owned();
    let mut found = vec![
        Message::new("dmarc-found-alignment")
            .arg("from", &from)
            .arg(
                "dkim",
                if dkim_domains.is_empty() {
                    none.clone()
                } else {
                    dkim_domains.join(", ")
                },
            )
            .arg("spf", spf_domain.clone().unwrap_or_else(|| none.clone()))
            .arg_key("adkim", adkim.key())
            .arg_key("aspf", aspf.key()),
    ];
    if let Some((by, result)) = &receiver_dmarc {
        found.push(
            Message::new("dmarc-found-receiver")
                .arg("receiver", by)
                .arg("result", result),
        );
    }
    let details = json!({
        "adkim": adkim,
        "aspf": aspf,
        "from_domain": from,
        "dkim_domains": dkim_domains,
        "dkim_aligned": dkim_aligned,
        "spf_domain": spf_domain,
        "spf_aligned": spf_aligned,
        "receiver_dmarc": receiver_dmarc.as_ref().map(|(by, r)| json!({ "authserv_id": by, "result": r })),
    });
    let refs = [
        (
            "RFC 7489 §3.1",
            "https://www.rfc-editor.org/rfc/rfc7489#section-3.1",
        ),
        GMAIL,
    ];
    let result = if !dkim_aligned.is_empty() || spf_aligned {
        let which = match (dkim_aligned.is_empty(), spf_aligned) {
            (false, true) => "dmarc-aligned-both",
            (false, false) => "dmarc-aligned-dkim",
            _ => "dmarc-aligned-spf",
        };
        CheckResult::new(
            "dmarc.alignment",
            Status::Pass,
            Message::new("dmarc-alignment-message-ok")
                .arg("from", &from)
                .arg_key("which", which),
        )
    } else {
        CheckResult::new(
            "dmarc.alignment",
            Status::Fail,
            Message::new("dmarc-alignment-message-none").arg("from", &from),
        )
        .explain(explain("alignment-message-none", found, vec![], &refs))
    };
    result.details(details)
}

#[cfg(test)]
#[path = "checks_tests.rs"]
mod tests;
