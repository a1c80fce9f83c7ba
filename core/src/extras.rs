//! Transport and brand extras: `mta-sts` (RFC 8461), `tls-rpt` (RFC 8460), `bimi`
//! (draft-brand-indicators-for-message-identification), `dnssec` and `dane`
//! (RFC 7672). None of them is required for delivery, so they end `info`, `warn` or
//! `pass`, and `fail` only when a published record is broken.
//!
//! What a browser cannot see is said, not guessed: the MTA-STS policy file lives on
//! a web server that rarely sends CORS headers, and the engine makes no HTTP
//! requests in checks, so its result says where to verify the policy.

use futures::future::join_all;
use futures::join;
use serde_json::json;

use crate::checks::CheckContext;
use crate::dkim::tags::parse_tag_list;
use crate::dmarc::Policy;
use crate::dns::{LookupError, RData, RecordType};
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, FixPlace, FixRecord, Status};

const RFC8461: (&str, &str) = (
    "RFC 8461 (MTA-STS)",
    "https://www.rfc-editor.org/rfc/rfc8461",
);
const RFC8460: (&str, &str) = (
    "RFC 8460 (TLS-RPT)",
    "https://www.rfc-editor.org/rfc/rfc8460",
);
const BIMI_SPEC: (&str, &str) = (
    "BIMI draft",
    "https://datatracker.ietf.org/doc/draft-brand-indicators-for-message-identification/",
);
const BIMI_GMAIL: (&str, &str) = (
    "Gmail: set up BIMI",
    "https://support.google.com/a/answer/10911320",
);
const RFC4033: (&str, &str) = (
    "RFC 4033 (DNSSEC)",
    "https://www.rfc-editor.org/rfc/rfc4033",
);
const RFC7672: (&str, &str) = (
    "RFC 7672 (SMTP DANE)",
    "https://www.rfc-editor.org/rfc/rfc7672",
);
const INTERNET_NL: (&str, &str) = ("internet.nl mail test", "https://internet.nl/test-mail/");

/// Findings, as `(key, explained)`.
const FINDINGS: &[(&str, bool)] = &[
    ("mta-sts-none", true),
    ("mta-sts-found", true),
    ("mta-sts-multiple", true),
    ("mta-sts-invalid", true),
    ("mta-sts-no-host", true),
    ("mta-sts-unknown", false),
    ("tls-rpt-none", true),
    ("tls-rpt-ok", false),
    ("tls-rpt-multiple", true),
    ("tls-rpt-invalid", true),
    ("tls-rpt-unknown", false),
    ("bimi-none", true),
    ("bimi-ok", false),
    ("bimi-no-vmc", true),
    ("bimi-not-enforced", true),
    ("bimi-multiple", true),
    ("bimi-invalid", true),
    ("bimi-unknown", false),
    ("dnssec-validated", true),
    ("dnssec-not-validated", true),
    ("dnssec-unknown", false),
    ("dane-found", true),
    ("dane-unsigned", true),
    ("dane-none", true),
    ("dane-no-mx", true),
    ("dane-unknown", false),
];

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = ["mta-sts", "tls-rpt", "bimi", "dnssec", "dane"]
        .iter()
        .flat_map(|id| [format!("{id}-label"), format!("{id}-about")])
        .collect();
    for (finding, explained) in FINDINGS {
        keys.push((*finding).to_owned());
        if *explained {
            keys.push(format!("{finding}-why"));
            keys.push(format!("{finding}-fix"));
        }
    }
    keys.extend(["extras-found-record", "check-unknown-reason"].map(String::from));
    keys
}

fn explain(
    finding: &str,
    found: Vec<Message>,
    records: Vec<FixRecord>,
    refs: &[(&str, &str)],
) -> Explanation {
    Explanation::of_finding(finding, found, records, refs)
}

fn unknown(id: &str, key: &str, error: &LookupError) -> CheckResult {
    CheckResult::unknown(
        id,
        Message::new(key).arg_msg("reason", error.message()),
        error,
    )
}

fn txt_record(name: &str, value: &str) -> FixRecord {
    FixRecord {
        place: FixPlace::DnsHost,
        record: format!("{name}. 3600 IN TXT \"{value}\""),
        replaces: false,
    }
}

fn found_records(records: &[String]) -> Vec<Message> {
    records
        .iter()
        .map(|r| Message::new("extras-found-record").arg("record", r))
        .collect()
}

/// The TXT strings at `name` that start with `version` (`v=STSv1`, …), or the error.
async fn versioned(
    ctx: &CheckContext<'_>,
    name: &str,
    version: &str,
) -> Result<Vec<String>, LookupError> {
    let answer = ctx.resolver.lookup(name, RecordType::TXT).await?;
    Ok(answer
        .txt_values()
        .into_iter()
        .filter(|t| {
            let t = t.trim_start();
            t.len() >= version.len() && t[..version.len()].eq_ignore_ascii_case(version)
        })
        .collect())
}

/// The value of tag `name` in a tag list.
fn tag(record: &str, name: &str) -> Option<String> {
    parse_tag_list(record)
        .0
        .into_iter()
        .find(|t| t.key() == name)
        .map(|t| t.value)
}

/// Runs the extras concurrently.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    let (a, b, c, d, e) = join!(
        mta_sts(ctx),
        tls_rpt(ctx),
        bimi(ctx),
        dnssec(ctx),
        dane(ctx)
    );
    let mut out = vec![a, b, c, d];
    out.extend(e);
    out
}

/// `mta-sts`: RFC 8461 §3.1, "If the number of resulting records is not one, or if
/// the resulting record is syntactically invalid, senders MUST assume the recipient
/// domain does not have an available MTA-STS Policy."
async fn mta_sts(ctx: &CheckContext<'_>) -> CheckResult {
    let id = "mta-sts";
    let domain = &ctx.input.domain;
    let name = format!("_mta-sts.{domain}");
    let host = format!("mta-sts.{domain}");
    let url = format!("https://{host}/.well-known/mta-sts.txt");
    let (records, a, aaaa) = join!(
        versioned(ctx, &name, "v=STSv1"),
        ctx.resolver.lookup(&host, RecordType::A),
        ctx.resolver.lookup(&host, RecordType::AAAA)
    );
    let records = match records {
        Ok(r) => r,
        Err(e) => return ctx.emit(unknown(id, "mta-sts-unknown", &e)),
    };
    let details = json!({ "name": name, "records": records, "policy_url": url });
    let result = match records.as_slice() {
        [] => CheckResult::new(
            id,
            Status::Info,
            Message::new("mta-sts-none").arg("domain", domain),
        )
        .explain(explain(
            "mta-sts-none",
            vec![],
            vec![txt_record(&name, "v=STSv1; id=20250101000000")],
            &[RFC8461, INTERNET_NL],
        )),
        [record] => {
            let id_ok = tag(record, "id").is_some_and(|v| {
                (1..=32).contains(&v.len()) && v.chars().all(|c| c.is_ascii_alphanumeric())
            });
            let has_host = matches!((&a, &aaaa), (Ok(a), Ok(b)) if !a.is_void() || !b.is_void())
                || a.is_err()
                || aaaa.is_err();
            if !id_ok {
                CheckResult::new(
                    id,
                    Status::Fail,
                    Message::new("mta-sts-invalid").arg("record", record),
                )
                .explain(explain(
                    "mta-sts-invalid",
                    found_records(&records),
                    vec![txt_record(&name, "v=STSv1; id=20250101000000")],
                    &[RFC8461],
                ))
            } else if !has_host {
                CheckResult::new(
                    id,
                    Status::Warn,
                    Message::new("mta-sts-no-host").arg("host", &host),
                )
                .explain(explain(
                    "mta-sts-no-host",
                    found_records(&records),
                    vec![],
                    &[RFC8461],
                ))
            } else {
                CheckResult::new(
                    id,
                    Status::Info,
                    Message::new("mta-sts-found")
                        .arg("record", record)
                        .arg("url", &url),
                )
                .explain(explain(
                    "mta-sts-found",
                    found_records(&records),
                    vec![],
                    &[RFC8461, INTERNET_NL],
                ))
            }
        }
        _ => CheckResult::new(
            id,
            Status::Fail,
            Message::new("mta-sts-multiple")
                .arg("name", &name)
                .arg("count", records.len()),
        )
        .explain(explain(
            "mta-sts-multiple",
            found_records(&records),
            vec![],
            &[RFC8461],
        )),
    };
    ctx.emit(result.details(details))
}

/// `tls-rpt`: RFC 8460 §3, `v=TLSRPTv1; rua=<mailto: or https: URIs>`.
async fn tls_rpt(ctx: &CheckContext<'_>) -> CheckResult {
    let id = "tls-rpt";
    let domain = &ctx.input.domain;
    let name = format!("_smtp._tls.{domain}");
    let records = match versioned(ctx, &name, "v=TLSRPTv1").await {
        Ok(r) => r,
        Err(e) => return ctx.emit(unknown(id, "tls-rpt-unknown", &e)),
    };
    let example = format!("v=TLSRPTv1; rua=mailto:tlsrpt@{domain}");
    let details = json!({ "name": name, "records": records });
    let result = match records.as_slice() {
        [] => CheckResult::new(
            id,
            Status::Info,
            Message::new("tls-rpt-none").arg("domain", domain),
        )
        .explain(explain(
            "tls-rpt-none",
            vec![],
            vec![txt_record(&name, &example)],
            &[RFC8460],
        )),
        [record] => {
            let rua = tag(record, "rua").unwrap_or_default();
            let uris: Vec<&str> = rua
                .split(',')
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .collect();
            let valid = !uris.is_empty()
                && uris.iter().all(|u| {
                    let l = u.to_ascii_lowercase();
                    (l.starts_with("mailto:") && l.contains('@')) || l.starts_with("https://")
                });
            if valid {
                CheckResult::new(
                    id,
                    Status::Pass,
                    Message::new("tls-rpt-ok").arg("uris", uris.join(", ")),
                )
            } else {
                CheckResult::new(
                    id,
                    Status::Fail,
                    Message::new("tls-rpt-invalid").arg("record", record),
                )
                .explain(explain(
                    "tls-rpt-invalid",
                    found_records(&records),
                    vec![txt_record(&name, &example)],
                    &[RFC8460],
                ))
            }
        }
        _ => CheckResult::new(
            id,
            Status::Fail,
            Message::new("tls-rpt-multiple")
                .arg("name", &name)
                .arg("count", records.len()),
        )
        .explain(explain(
            "tls-rpt-multiple",
            found_records(&records),
            vec![],
            &[RFC8460],
        )),
    };
    ctx.emit(result.details(details))
}

/// `bimi`: `default._bimi.<domain>` `v=BIMI1; l=<https SVG>; a=<https VMC/CMC>`,
/// and DMARC at enforcement, which BIMI requires.
async fn bimi(ctx: &CheckContext<'_>) -> CheckResult {
    let id = "bimi";
    let domain = &ctx.input.domain;
    let name = format!("default._bimi.{domain}");
    let records = match versioned(ctx, &name, "v=BIMI1").await {
        Ok(r) => r,
        Err(e) => return ctx.emit(unknown(id, "bimi-unknown", &e)),
    };
    let mut details = json!({ "name": name, "records": records });
    let record = match records.as_slice() {
        [] => {
            return ctx.emit(
                CheckResult::new(
                    id,
                    Status::Info,
                    Message::new("bimi-none").arg("domain", domain),
                )
                .details(details)
                .explain(explain(
                    "bimi-none",
                    vec![],
                    vec![],
                    &[BIMI_SPEC, BIMI_GMAIL],
                )),
            );
        }
        [record] => record,
        _ => {
            return ctx.emit(
                CheckResult::new(
                    id,
                    Status::Fail,
                    Message::new("bimi-multiple")
                        .arg("name", &name)
                        .arg("count", records.len()),
                )
                .details(details)
                .explain(explain(
                    "bimi-multiple",
                    found_records(&records),
                    vec![],
                    &[BIMI_SPEC],
                )),
            );
        }
    };
    let https = |v: &Option<String>| {
        v.as_deref()
            .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://"))
    };
    let (l, a) = (tag(record, "l"), tag(record, "a"));
    if !https(&l) || a.as_deref().is_some_and(|v| !v.is_empty()) && !https(&a) {
        return ctx.emit(
            CheckResult::new(
                id,
                Status::Fail,
                Message::new("bimi-invalid").arg("record", record),
            )
            .details(details)
            .explain(explain(
                "bimi-invalid",
                found_records(&records),
                vec![],
                &[BIMI_SPEC],
            )),
        );
    }
    let dmarc = match crate::dmarc::checks::applied_record(ctx, domain).await {
        Ok(r) => r,
        Err(e) => return ctx.emit(unknown(id, "bimi-unknown", &e).details(details)),
    };
    // BIMI needs p=quarantine or reject, at 100 %, not in test mode, and no sp=none.
    let enforced = dmarc.as_ref().is_some_and(|(r, inherited)| {
        let applied = if *inherited {
            r.effective_sp()
        } else {
            r.effective_p()
        };
        applied >= Policy::Quarantine
            && r.effective_sp() >= Policy::Quarantine
            && r.effective_pct() == 100
            && r.testing != Some(true)
    });
    details["dmarc"] = json!(dmarc.as_ref().map(|(r, _)| r.text.clone()));
    let result = if !enforced {
        let shown = dmarc
            .as_ref()
            .map_or_else(|| "-".to_owned(), |(r, _)| r.text.clone());
        CheckResult::new(
            id,
            Status::Warn,
            Message::new("bimi-not-enforced").arg("dmarc", shown),
        )
        .explain(explain(
            "bimi-not-enforced",
            found_records(&records),
            vec![],
            &[BIMI_SPEC, BIMI_GMAIL],
        ))
    } else if !https(&a) {
        CheckResult::new(
            id,
            Status::Info,
            Message::new("bimi-no-vmc").arg("record", record),
        )
        .explain(explain(
            "bimi-no-vmc",
            found_records(&records),
            vec![],
            &[BIMI_SPEC, BIMI_GMAIL],
        ))
    } else {
        CheckResult::new(
            id,
            Status::Pass,
            Message::new("bimi-ok").arg("record", record),
        )
    };
    ctx.emit(result.details(details))
}

/// `dnssec`: the AD flag on the domain's MX answer (shared with the MX checks).
async fn dnssec(ctx: &CheckContext<'_>) -> CheckResult {
    let id = "dnssec";
    let domain = &ctx.input.domain;
    let result = match ctx.resolver.lookup(domain, RecordType::MX).await {
        Err(e) => unknown(id, "dnssec-unknown", &e),
        Ok(answer) if answer.authenticated => CheckResult::new(
            id,
            Status::Info,
            Message::new("dnssec-validated").arg("domain", domain),
        )
        .explain(explain("dnssec-validated", vec![], vec![], &[RFC4033])),
        Ok(_) => CheckResult::new(
            id,
            Status::Info,
            Message::new("dnssec-not-validated").arg("domain", domain),
        )
        .explain(explain(
            "dnssec-not-validated",
            vec![],
            vec![],
            &[RFC4033, INTERNET_NL],
        )),
    };
    ctx.emit(result.details(json!({ "question": format!("{domain} MX") })))
}

/// `dane`: TLSA records at `_25._tcp.<mx host>` per MX host (RFC 7672 §2.2).
async fn dane(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    let id = "dane";
    let domain = &ctx.input.domain;
    let mx = match ctx.resolver.lookup(domain, RecordType::MX).await {
        Ok(a) => a,
        Err(e) => return vec![ctx.emit(unknown(id, "dane-unknown", &e))],
    };
    let hosts: Vec<String> = mx
        .records
        .iter()
        .filter_map(|r| match &r.data {
            RData::Mx { exchange, .. } if !exchange.is_empty() => Some(exchange.clone()),
            _ => None,
        })
        .take(crate::facts::MAX_MX_HOSTS)
        .collect();
    if hosts.is_empty() {
        return vec![
            ctx.emit(
                CheckResult::new(
                    id,
                    Status::Info,
                    Message::new("dane-no-mx").arg("domain", domain),
                )
                .explain(explain("dane-no-mx", vec![], vec![], &[RFC7672])),
            ),
        ];
    }
    let answers = join_all(hosts.iter().map(|h| async move {
        let name = format!("_25._tcp.{h}");
        (h, ctx.resolver.lookup(&name, RecordType::TLSA).await, name)
    }))
    .await;
    let mut out = Vec::new();
    for (host, answer, name) in answers {
        let result = match answer {
            Err(e) => unknown(id, "dane-unknown", &e),
            Ok(a) if a.records.is_empty() => CheckResult::new(
                id,
                Status::Info,
                Message::new("dane-none").arg("host", host),
            )
            .explain(explain(
                "dane-none",
                vec![],
                vec![],
                &[RFC7672, INTERNET_NL],
            )),
            Ok(a) => {
                let records: Vec<String> = a
                    .records
                    .iter()
                    .map(|r| format!("{name}. IN TLSA {}", r.data_text()))
                    .collect();
                let (status, key) = if a.authenticated {
                    (Status::Info, "dane-found")
                } else {
                    (Status::Warn, "dane-unsigned")
                };
                CheckResult::new(
                    id,
                    status,
                    Message::new(key)
                        .arg("host", host)
                        .arg("count", records.len()),
                )
                .details(
                    json!({ "name": name, "records": records, "authenticated": a.authenticated }),
                )
                .explain(explain(key, found_records(&records), vec![], &[RFC7672]))
            }
        };
        out.push(ctx.emit(result.subject(host)));
    }
    out
}

#[cfg(test)]
#[path = "extras_tests.rs"]
mod tests;
