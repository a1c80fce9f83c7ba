//! MX checks: `mx.present` and `mx.valid`.
//!
//! A sending domain needs somewhere to receive bounces and replies: receivers check
//! that the envelope domain can receive mail (RFC 5321 §5.1: with no MX, the
//! domain's own address is the implicit MX). A null MX (RFC 7505, `0 .`) says the
//! domain never receives mail; receivers MAY then refuse mail *from* it
//! (`550 5.7.27`). An MX target must be a host name with addresses, not an alias
//! (RFC 2181 §10.3) and not an IP literal (RFC 5321 §5.1).

use std::net::IpAddr;

use futures::future::join_all;
use futures::join;
use serde_json::json;

use crate::checks::CheckContext;
use crate::dns::{LookupError, RData, RecordType};
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, FixPlace, FixRecord, Status};

const RFC5321: (&str, &str) = (
    "RFC 5321 §5.1",
    "https://www.rfc-editor.org/rfc/rfc5321#section-5.1",
);
const RFC7505: (&str, &str) = ("RFC 7505", "https://www.rfc-editor.org/rfc/rfc7505");
const RFC2181: (&str, &str) = (
    "RFC 2181 §10.3",
    "https://www.rfc-editor.org/rfc/rfc2181#section-10.3",
);

/// The findings of this family; each has catalogue entries `mx-<finding>` (summary),
/// and for non-pass ones `-why` and `-fix`.
const FINDINGS: &[(&str, bool)] = &[
    ("present-ok", false),
    ("present-implicit", true),
    ("present-none", true),
    ("present-nxdomain", true),
    ("present-null", true),
    ("present-null-mixed", true),
    ("present-unknown", false),
    ("valid-ok", false),
    ("valid-ip-literal", true),
    ("valid-cname", true),
    ("valid-no-address", true),
    ("valid-nxdomain", true),
    ("valid-unknown", false),
];

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys = vec![
        "mx-present-label".to_owned(),
        "mx-present-about".to_owned(),
        "mx-valid-label".to_owned(),
        "mx-valid-about".to_owned(),
        "mx-found-records".to_owned(),
        "mx-found-addresses".to_owned(),
        "mx-found-cname".to_owned(),
        "check-unknown-reason".to_owned(),
    ];
    for (finding, explained) in FINDINGS {
        keys.push(format!("mx-{finding}"));
        if *explained {
            keys.push(format!("mx-{finding}-why"));
            keys.push(format!("mx-{finding}-fix"));
        }
    }
    keys
}

fn explain(
    finding: &str,
    found: Vec<Message>,
    records: Vec<FixRecord>,
    refs: &[(&str, &str)],
) -> Explanation {
    Explanation::of_finding(&format!("mx-{finding}"), found, records, refs)
}

fn unknown(id: &str, key: &str, error: &LookupError) -> CheckResult {
    CheckResult::unknown(
        id,
        Message::new(key).arg_msg("reason", error.message()),
        error,
    )
}

/// Runs `mx.present` and, per MX host, `mx.valid`.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    let domain = ctx.input.domain.as_str();
    let answer = match ctx.resolver.lookup(domain, RecordType::MX).await {
        Ok(a) => a,
        Err(e) => return vec![ctx.emit(unknown("mx.present", "mx-present-unknown", &e))],
    };
    let mut mx: Vec<(u16, String)> = answer
        .records
        .iter()
        .filter_map(|r| match &r.data {
            RData::Mx {
                preference,
                exchange,
            } => Some((*preference, exchange.clone())),
            _ => None,
        })
        .collect();
    mx.sort();
    let shown: Vec<String> = mx.iter().map(|(p, h)| format!("{p} {h}.")).collect();
    let found = vec![Message::new("mx-found-records").arg("records", shown.join(", "))];
    let null = mx.iter().any(|(_, h)| h.is_empty());

    if answer.nxdomain {
        return vec![
            ctx.emit(
                CheckResult::new(
                    "mx.present",
                    Status::Fail,
                    Message::new("mx-present-nxdomain").arg("domain", domain),
                )
                .explain(explain("present-nxdomain", vec![], vec![], &[RFC5321])),
            ),
        ];
    }
    if mx.is_empty() {
        // No MX: RFC 5321's implicit MX is the domain's own A/AAAA.
        let (a, aaaa) = join!(
            ctx.resolver.lookup(domain, RecordType::A),
            ctx.resolver.lookup(domain, RecordType::AAAA)
        );
        let result = match (&a, &aaaa) {
            (Ok(a), Ok(b)) if a.is_void() && b.is_void() => CheckResult::new(
                "mx.present",
                Status::Fail,
                Message::new("mx-present-none").arg("domain", domain),
            )
            .explain(explain(
                "present-none",
                vec![],
                vec![FixRecord {
                    place: FixPlace::DnsHost,
                    record: format!("{domain}. 3600 IN MX 10 mail.{domain}."),
                    replaces: false,
                }],
                &[RFC5321],
            )),
            (Ok(_), Ok(_)) => CheckResult::new(
                "mx.present",
                Status::Warn,
                Message::new("mx-present-implicit").arg("domain", domain),
            )
            .explain(explain(
                "present-implicit",
                vec![],
                vec![FixRecord {
                    place: FixPlace::DnsHost,
                    record: format!("{domain}. 3600 IN MX 10 mail.{domain}."),
                    replaces: false,
                }],
                &[RFC5321],
            )),
            (Err(e), _) | (_, Err(e)) => unknown("mx.present", "mx-present-unknown", e),
        };
        return vec![ctx.emit(result)];
    }
    if null {
        let (finding, status) = if mx.len() == 1 {
            ("present-null", Status::Fail)
        } else {
            ("present-null-mixed", Status::Fail)
        };
        return vec![
            ctx.emit(
                CheckResult::new(
                    "mx.present",
                    status,
                    Message::new(format!("mx-{finding}")).arg("domain", domain),
                )
                .details(json!({ "mx": shown }))
                .explain(explain(finding, found, vec![], &[RFC7505])),
            ),
        ];
    }
    let mut results = vec![
        ctx.emit(
            CheckResult::new(
                "mx.present",
                Status::Pass,
                Message::new("mx-present-ok")
                    .arg("count", mx.len())
                    .arg("records", shown.join(", ")),
            )
            .details(json!({ "mx": shown })),
        ),
    ];
    let hosts = mx
        .iter()
        .take(crate::facts::MAX_MX_HOSTS)
        .map(|(_, h)| h.as_str());
    results.extend(join_all(hosts.map(|host| valid(ctx, host))).await);
    results
}

/// `mx.valid` for one MX host.
async fn valid(ctx: &CheckContext<'_>, host: &str) -> CheckResult {
    let id = "mx.valid";
    if host.parse::<IpAddr>().is_ok()
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok()
    {
        return ctx.emit(
            CheckResult::new(
                id,
                Status::Fail,
                Message::new("mx-valid-ip-literal").arg("host", host),
            )
            .subject(host)
            .explain(explain("valid-ip-literal", vec![], vec![], &[RFC5321])),
        );
    }
    let (a, aaaa) = join!(
        ctx.resolver.lookup(host, RecordType::A),
        ctx.resolver.lookup(host, RecordType::AAAA)
    );
    let result = match (a, aaaa) {
        (Err(e), _) | (_, Err(e)) => unknown(id, "mx-valid-unknown", &e).subject(host),
        (Ok(a), Ok(b)) => {
            let addresses: Vec<String> = a
                .addresses()
                .into_iter()
                .chain(b.addresses())
                .map(|ip| ip.to_string())
                .collect();
            let cname = a
                .cnames
                .first()
                .or(b.cnames.first())
                .map(|(_, t)| t.clone());
            let details = json!({ "addresses": addresses, "cname": cname });
            if a.nxdomain {
                CheckResult::new(
                    id,
                    Status::Fail,
                    Message::new("mx-valid-nxdomain").arg("host", host),
                )
                .explain(explain("valid-nxdomain", vec![], vec![], &[RFC5321]))
            } else if addresses.is_empty() {
                CheckResult::new(
                    id,
                    Status::Fail,
                    Message::new("mx-valid-no-address").arg("host", host),
                )
                .explain(explain("valid-no-address", vec![], vec![], &[RFC5321]))
            } else if let Some(target) = cname {
                CheckResult::new(
                    id,
                    Status::Warn,
                    Message::new("mx-valid-cname")
                        .arg("host", host)
                        .arg("target", &target),
                )
                .explain(explain(
                    "valid-cname",
                    vec![
                        Message::new("mx-found-cname")
                            .arg("host", host)
                            .arg("target", &target),
                    ],
                    vec![],
                    &[RFC2181],
                ))
            } else {
                CheckResult::new(
                    id,
                    Status::Pass,
                    Message::new("mx-valid-ok")
                        .arg("host", host)
                        .arg("addresses", addresses.join(", ")),
                )
            }
            .subject(host)
            .details(details)
        }
    };
    ctx.emit(result)
}
