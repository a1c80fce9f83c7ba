//! The sending server: `ip.public`, `ip.ptr`, `ip.fcrdns`, `ip.ptr-fqdn`,
//! `ip.ptr-generic` per sending IP, and `host.forward`, `host.helo`.
//!
//! Gmail: "The sending IP address must match the IP address of the hostname
//! specified in the Pointer (PTR) record" — no PTR gives `550 5.7.25`, a PTR that
//! does not resolve back gives `4.7.23`. "If multiple PTR records are associated to
//! the IP address, then all PTR records must have an A record resolving back to this
//! IP address. PTR of IPv6 addresses require an AAAA record." (dns-facts.md §3.7)
//! A PTR is set by whoever holds the IP — the VPS provider's panel — never at the
//! domain's DNS host; every explanation here says so.

pub mod generic;
pub mod names;
pub mod ranges;

use std::net::IpAddr;

use futures::future::join_all;
use futures::join;
use serde_json::json;

use crate::checks::CheckContext;
use crate::dns::{LookupError, RecordType, reverse_name};
use crate::facts::MAX_PTR_NAMES;
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, FixPlace, FixRecord, Status};

use generic::Generic;
use names::NameProblem;

const GMAIL: (&str, &str) = (
    "Gmail sender guidelines",
    "https://support.google.com/a/answer/81126",
);
const YAHOO: (&str, &str) = (
    "Yahoo sender best practices",
    "https://senders.yahooinc.com/best-practices/",
);
const RFC5321_HELO: (&str, &str) = (
    "RFC 5321 §4.1.1.1",
    "https://www.rfc-editor.org/rfc/rfc5321#section-4.1.1.1",
);
const IANA_V4: (&str, &str) = (
    "IANA IPv4 special-purpose registry",
    "https://www.iana.org/assignments/iana-ipv4-special-registry/",
);
const IANA_V6: (&str, &str) = (
    "IANA IPv6 special-purpose registry",
    "https://www.iana.org/assignments/iana-ipv6-special-registry/",
);
const RFC1912: (&str, &str) = (
    "RFC 1912 §2.1",
    "https://www.rfc-editor.org/rfc/rfc1912#section-2.1",
);

/// Findings, as `(key suffix, explained)`: each has `server-<suffix>` as summary and,
/// when explained, `-why` and `-fix`.
const FINDINGS: &[(&str, bool)] = &[
    ("no-sending-ip", true),
    ("public-ok", false),
    ("public-special", true),
    ("ptr-ok", false),
    ("ptr-none", true),
    ("ptr-many", true),
    ("ptr-unknown", false),
    ("fcrdns-ok", false),
    ("fcrdns-mismatch", true),
    ("fcrdns-no-ptr", true),
    ("fcrdns-unknown", false),
    ("fqdn-ok", false),
    ("fqdn-bad", true),
    ("fqdn-apex", true),
    ("generic-ok", false),
    ("generic-found", true),
    ("generic-dynamic", true),
    ("forward-ok", false),
    ("forward-missing", true),
    ("forward-none", true),
    ("forward-unknown", false),
    ("helo-ok", false),
    ("helo-not-fqdn", true),
    ("helo-no-address", true),
    ("helo-mismatch", true),
    ("helo-unknown", false),
];

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "ip-public",
        "ip-ptr",
        "ip-fcrdns",
        "ip-ptr-fqdn",
        "ip-ptr-generic",
        "host-forward",
        "host-helo",
    ]
    .iter()
    .flat_map(|id| [format!("{id}-label"), format!("{id}-about")])
    .collect();
    for (finding, explained) in FINDINGS {
        keys.push(format!("server-{finding}"));
        if *explained {
            keys.push(format!("server-{finding}-why"));
            keys.push(format!("server-{finding}-fix"));
        }
    }
    keys.extend(ranges::codes().iter().map(|c| format!("range-{c}")));
    keys.extend(
        NameProblem::ALL
            .iter()
            .map(|p| format!("name-problem-{}", p.code())),
    );
    keys.extend(
        [
            "ip-embedded",
            "ip-like",
            "numbered",
            "dynamic",
            "provider-default",
        ]
        .iter()
        .map(|c| format!("generic-{c}")),
    );
    keys.extend(
        generic::PROVIDER_DEFAULTS
            .iter()
            .map(|(p, _)| format!("provider-{p}"))
            .collect::<std::collections::BTreeSet<_>>(),
    );
    keys.extend(
        [
            "server-found-chain",
            "server-found-chain-broken",
            "server-where-ptr",
            "server-provider-rdns",
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
    Explanation::of_finding(&format!("server-{finding}"), found, records, refs)
}

fn unknown(id: &str, finding: &str, subject: &str, error: &LookupError) -> CheckResult {
    let summary = Message::new(format!("server-{finding}"))
        .arg("subject", subject)
        .arg_msg("reason", error.message());
    CheckResult::unknown(id, summary, error).subject(subject)
}

/// The host name to suggest for the PTR/A pair: the one the user gave, else a PTR
/// name under their domain, else `mail.<domain>`.
fn suggested_host(ctx: &CheckContext<'_>, ptr_names: &[String]) -> String {
    if let Some(host) = &ctx.input.host {
        return host.clone();
    }
    let domain = &ctx.input.domain;
    ptr_names
        .iter()
        .find(|n| n.ends_with(&format!(".{domain}")))
        .cloned()
        .unwrap_or_else(|| format!("mail.{domain}"))
}

/// The A (or AAAA) record and the PTR record that make `ip` and `host` confirm each
/// other, with where each is set.
fn pair_records(ip: IpAddr, host: &str) -> Vec<FixRecord> {
    let rtype = if ip.is_ipv4() { "A" } else { "AAAA" };
    vec![
        FixRecord {
            place: FixPlace::DnsHost,
            record: format!("{host}. 3600 IN {rtype} {ip}"),
            replaces: false,
        },
        FixRecord {
            place: FixPlace::IpProvider,
            record: format!("{}. 3600 IN PTR {host}.", reverse_name(ip)),
            replaces: true,
        },
    ]
}

/// Where to set the PTR: always the IP provider; by name when we recognise it.
fn where_ptr(provider: Option<&str>) -> Vec<Message> {
    let mut out = vec![Message::new("server-where-ptr")];
    if let Some(p) = provider {
        out.push(Message::new("server-provider-rdns").arg_key("provider", format!("provider-{p}")));
    }
    out
}

/// Why the sending IP matters and how to give it, for every check that needs one
/// (`ip.ptr` here, `ip.blocklists`, `ip.reputation`) when none is known; `error` is the
/// lookup that stopped us finding it, if one did.
pub fn no_sending_ip_explanation(error: Option<&LookupError>) -> Explanation {
    let found = error
        .map(|e| vec![Message::new("check-unknown-reason").arg_msg("reason", e.message())])
        .unwrap_or_default();
    explain("no-sending-ip", found, vec![], &[GMAIL])
}

/// Runs the sending-server checks.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    let sending = ctx.sending_ips().await;
    let mut results = Vec::new();
    if sending.ips.is_empty() {
        let result = match &sending.error {
            Some(e) => unknown("ip.ptr", "ptr-unknown", &ctx.input.domain, e),
            None => CheckResult::new(
                "ip.ptr",
                Status::Unknown,
                Message::new("server-no-sending-ip"),
            )
            .explain(no_sending_ip_explanation(None)),
        };
        results.push(ctx.emit(result));
    }
    let per_ip = join_all(sending.ips.iter().map(|ip| check_ip(ctx, *ip)));
    let (per_ip, forward, helo) = join!(
        per_ip,
        host_forward(ctx, &sending.ips),
        host_helo(ctx, &sending.ips)
    );
    results.extend(per_ip.into_iter().flatten());
    results.extend(forward);
    results.extend(helo);
    results
}

async fn check_ip(ctx: &CheckContext<'_>, ip: IpAddr) -> Vec<CheckResult> {
    let subject = ip.to_string();
    let mut out = Vec::new();

    let public = match ranges::special_range(ip) {
        Some((code, prefix)) => CheckResult::new(
            "ip.public",
            Status::Fail,
            Message::new("server-public-special")
                .arg("ip", ip)
                .arg_key("range", format!("range-{code}"))
                .arg("prefix", &prefix),
        )
        .details(json!({ "range": code, "prefix": prefix }))
        .explain(explain(
            "public-special",
            vec![],
            vec![],
            &[if ip.is_ipv4() { IANA_V4 } else { IANA_V6 }],
        )),
        None => CheckResult::new(
            "ip.public",
            Status::Pass,
            Message::new("server-public-ok").arg("ip", ip),
        ),
    };
    out.push(ctx.emit(public.subject(&subject)));

    let ptr = match ctx
        .resolver
        .lookup(&reverse_name(ip), RecordType::PTR)
        .await
    {
        Ok(answer) => answer,
        Err(e) => {
            // Everything about the PTR name depends on this lookup: each check is unknown
            // for the same reason rather than missing from the report.
            out.push(ctx.emit(unknown("ip.ptr", "ptr-unknown", &subject, &e)));
            out.push(ctx.emit(unknown("ip.fcrdns", "fcrdns-unknown", &subject, &e)));
            out.push(ctx.emit(unknown("ip.ptr-fqdn", "ptr-unknown", &subject, &e)));
            out.push(ctx.emit(unknown("ip.ptr-generic", "ptr-unknown", &subject, &e)));
            return out;
        }
    };
    let all_names = ptr.names();
    let total = all_names.len();
    let names: Vec<String> = all_names.into_iter().take(MAX_PTR_NAMES).collect();
    if names.is_empty() {
        let host = suggested_host(ctx, &[]);
        let mut e = explain("ptr-none", vec![], pair_records(ip, &host), &[GMAIL, YAHOO]);
        e.fix.extend(where_ptr(None));
        out.push(
            ctx.emit(
                CheckResult::new(
                    "ip.ptr",
                    Status::Fail,
                    Message::new("server-ptr-none")
                        .arg("ip", ip)
                        .arg("host", &host),
                )
                .subject(&subject)
                .details(json!({ "names": [], "nxdomain": ptr.nxdomain }))
                .explain(e),
            ),
        );
        let mut e = explain("fcrdns-no-ptr", vec![], pair_records(ip, &host), &[GMAIL]);
        e.fix.extend(where_ptr(None));
        out.push(
            ctx.emit(
                CheckResult::new(
                    "ip.fcrdns",
                    Status::Fail,
                    Message::new("server-fcrdns-no-ptr").arg("ip", ip),
                )
                .subject(&subject)
                .explain(e),
            ),
        );
        return out;
    }
    // Hostile or careless reverse zones can hold hundreds of names: only the first
    // MAX_PTR_NAMES are followed, and the user is told that the rest were not.
    let ptr_result = if total > MAX_PTR_NAMES {
        CheckResult::new(
            "ip.ptr",
            Status::Warn,
            Message::new("server-ptr-many")
                .arg("ip", ip)
                .arg("count", total)
                .arg("limit", MAX_PTR_NAMES),
        )
        .explain(explain(
            "ptr-many",
            vec![
                Message::new("server-ptr-ok")
                    .arg("ip", ip)
                    .arg("names", names.join(", ")),
            ],
            pair_records(ip, &suggested_host(ctx, &names)),
            &[RFC1912, GMAIL],
        ))
    } else {
        CheckResult::new(
            "ip.ptr",
            Status::Pass,
            Message::new("server-ptr-ok")
                .arg("ip", ip)
                .arg("names", names.join(", ")),
        )
    };
    out.push(
        ctx.emit(
            ptr_result
                .subject(&subject)
                .details(json!({ "names": names, "total": total })),
        ),
    );

    let generic: Vec<(String, Option<Generic>)> = names
        .iter()
        .map(|n| (n.clone(), generic::classify(n, ip)))
        .collect();
    let provider = generic.iter().find_map(|(_, g)| match g {
        Some(Generic::ProviderDefault { provider, .. }) => Some(provider.clone()),
        _ => None,
    });

    // Forward-confirm every PTR name in the IP's own family.
    let rtype = if ip.is_ipv4() {
        RecordType::A
    } else {
        RecordType::AAAA
    };
    let forwards = join_all(names.iter().map(|n| ctx.resolver.lookup(n, rtype))).await;
    let mut chain = Vec::new();
    let mut error = None;
    let mut broken = Vec::new();
    for (name, result) in names.iter().zip(&forwards) {
        match result {
            Ok(answer) => {
                let addrs: Vec<IpAddr> = answer.addresses();
                let confirms = addrs.contains(&ip);
                if !confirms {
                    broken.push(name.clone());
                }
                chain.push(json!({ "name": name, "type": rtype, "addresses": addrs, "confirms": confirms }));
            }
            Err(e) => {
                error.get_or_insert_with(|| e.clone());
                chain.push(json!({ "name": name, "type": rtype, "error": e }));
            }
        }
    }
    let host = suggested_host(ctx, &names);
    let found: Vec<Message> = names
        .iter()
        .zip(&forwards)
        .map(|(name, r)| {
            let addrs = r.as_ref().map(|a| a.addresses()).unwrap_or_default();
            let shown = addrs
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let key = if addrs.contains(&ip) {
                "server-found-chain"
            } else {
                "server-found-chain-broken"
            };
            Message::new(key)
                .arg("ip", ip)
                .arg("name", name)
                .arg("rtype", rtype)
                .arg(
                    "addresses",
                    if shown.is_empty() {
                        "—".into()
                    } else {
                        shown
                    },
                )
        })
        .collect();
    let fcrdns = if !broken.is_empty() {
        let mut e = explain("fcrdns-mismatch", found, pair_records(ip, &host), &[GMAIL]);
        e.fix.extend(where_ptr(provider.as_deref()));
        CheckResult::new(
            "ip.fcrdns",
            Status::Fail,
            Message::new("server-fcrdns-mismatch")
                .arg("ip", ip)
                .arg("names", broken.join(", ")),
        )
        .explain(e)
    } else if let Some(e) = &error {
        unknown("ip.fcrdns", "fcrdns-unknown", &subject, e)
    } else {
        CheckResult::new(
            "ip.fcrdns",
            Status::Pass,
            Message::new("server-fcrdns-ok")
                .arg("ip", ip)
                .arg("names", names.join(", ")),
        )
    };
    out.push(ctx.emit(fcrdns.subject(&subject).details(json!({ "chain": chain }))));

    // Is each PTR name a real FQDN, and not just the bare domain?
    let problems: Vec<(String, NameProblem)> = names
        .iter()
        .filter_map(|n| names::fqdn_problem(n).map(|p| (n.clone(), p)))
        .collect();
    let apex: Vec<&String> = names
        .iter()
        .filter(|n| names::is_registrable_apex(n))
        .collect();
    let fqdn = if let Some((name, problem)) = problems.first() {
        CheckResult::new(
            "ip.ptr-fqdn",
            Status::Fail,
            Message::new("server-fqdn-bad")
                .arg("name", name)
                .arg_key("problem", format!("name-problem-{}", problem.code())),
        )
        .details(json!({ "name": name, "problem": problem.code() }))
        .explain(explain(
            "fqdn-bad",
            vec![],
            pair_records(ip, &host),
            &[YAHOO],
        ))
    } else if let Some(name) = apex.first() {
        CheckResult::new(
            "ip.ptr-fqdn",
            Status::Warn,
            Message::new("server-fqdn-apex").arg("name", name),
        )
        .details(json!({ "name": name }))
        .explain(explain(
            "fqdn-apex",
            vec![],
            pair_records(ip, &host),
            &[YAHOO],
        ))
    } else {
        CheckResult::new(
            "ip.ptr-fqdn",
            Status::Pass,
            Message::new("server-fqdn-ok").arg("names", names.join(", ")),
        )
    };
    out.push(ctx.emit(fqdn.subject(&subject)));

    let flagged: Vec<&(String, Option<Generic>)> =
        generic.iter().filter(|(_, g)| g.is_some()).collect();
    let generic_result = match flagged.first() {
        Some((name, Some(g))) => {
            let status = if g.is_dynamic() {
                Status::Fail
            } else {
                Status::Warn
            };
            let finding = if g.is_dynamic() {
                "generic-dynamic"
            } else {
                "generic-found"
            };
            let mut e = explain(finding, vec![], pair_records(ip, &host), &[YAHOO, GMAIL]);
            e.fix.extend(where_ptr(provider.as_deref()));
            CheckResult::new(
                "ip.ptr-generic",
                status,
                Message::new(format!("server-{finding}"))
                    .arg("name", name)
                    .arg_key("reason", format!("generic-{}", g.code())),
            )
            .details(json!({ "name": name, "generic": g }))
            .explain(e)
        }
        _ => CheckResult::new(
            "ip.ptr-generic",
            Status::Pass,
            Message::new("server-generic-ok").arg("names", names.join(", ")),
        ),
    };
    out.push(ctx.emit(generic_result.subject(&subject)));
    out
}

/// `host.forward`: the mail hostname's A/AAAA include the sending IPs.
async fn host_forward(ctx: &CheckContext<'_>, ips: &[IpAddr]) -> Vec<CheckResult> {
    let Some(host) = &ctx.input.host else {
        return Vec::new();
    };
    let (a, aaaa) = join!(
        ctx.resolver.lookup(host, RecordType::A),
        ctx.resolver.lookup(host, RecordType::AAAA)
    );
    let result = match (a, aaaa) {
        (Err(e), _) | (_, Err(e)) => unknown("host.forward", "forward-unknown", host, &e),
        (Ok(a), Ok(b)) => {
            let addrs: Vec<IpAddr> = a.addresses().into_iter().chain(b.addresses()).collect();
            let shown = addrs
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let missing: Vec<IpAddr> = ips
                .iter()
                .filter(|ip| !addrs.contains(ip))
                .copied()
                .collect();
            let details = json!({ "addresses": addrs, "missing": missing });
            if addrs.is_empty() {
                let records = ips
                    .iter()
                    .flat_map(|ip| pair_records(*ip, host).into_iter().take(1))
                    .collect();
                CheckResult::new(
                    "host.forward",
                    Status::Fail,
                    Message::new("server-forward-none").arg("host", host),
                )
                .explain(explain("forward-none", vec![], records, &[GMAIL]))
            } else if !missing.is_empty() {
                let records = missing
                    .iter()
                    .flat_map(|ip| pair_records(*ip, host).into_iter().take(1))
                    .collect();
                CheckResult::new(
                    "host.forward",
                    Status::Fail,
                    Message::new("server-forward-missing")
                        .arg("host", host)
                        .arg("addresses", &shown)
                        .arg(
                            "missing",
                            missing
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                )
                .explain(explain("forward-missing", vec![], records, &[GMAIL]))
            } else {
                CheckResult::new(
                    "host.forward",
                    Status::Pass,
                    Message::new("server-forward-ok")
                        .arg("host", host)
                        .arg("addresses", &shown),
                )
            }
            .details(details)
        }
    };
    vec![ctx.emit(result.subject(host))]
}

/// `host.helo`: the HELO name is an FQDN whose addresses include a sending IP.
async fn host_helo(ctx: &CheckContext<'_>, ips: &[IpAddr]) -> Vec<CheckResult> {
    // The HELO entered, else the one the pasted message's receiver recorded.
    let Some(helo) = ctx.input.helo_name() else {
        return Vec::new();
    };
    if let Some(problem) = names::fqdn_problem(helo) {
        return vec![
            ctx.emit(
                CheckResult::new(
                    "host.helo",
                    Status::Fail,
                    Message::new("server-helo-not-fqdn")
                        .arg("helo", helo)
                        .arg_key("problem", format!("name-problem-{}", problem.code())),
                )
                .subject(helo)
                .explain(explain("helo-not-fqdn", vec![], vec![], &[RFC5321_HELO])),
            ),
        ];
    }
    let (a, aaaa) = join!(
        ctx.resolver.lookup(helo, RecordType::A),
        ctx.resolver.lookup(helo, RecordType::AAAA)
    );
    let result = match (a, aaaa) {
        (Err(e), _) | (_, Err(e)) => unknown("host.helo", "helo-unknown", helo, &e),
        (Ok(a), Ok(b)) => {
            let addrs: Vec<IpAddr> = a.addresses().into_iter().chain(b.addresses()).collect();
            let shown = addrs
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            if addrs.is_empty() {
                let records = ips
                    .iter()
                    .flat_map(|ip| pair_records(*ip, helo).into_iter().take(1))
                    .collect();
                CheckResult::new(
                    "host.helo",
                    Status::Warn,
                    Message::new("server-helo-no-address").arg("helo", helo),
                )
                .explain(explain(
                    "helo-no-address",
                    vec![],
                    records,
                    &[RFC5321_HELO],
                ))
            } else if !ips.is_empty() && !ips.iter().any(|ip| addrs.contains(ip)) {
                CheckResult::new(
                    "host.helo",
                    Status::Warn,
                    Message::new("server-helo-mismatch")
                        .arg("helo", helo)
                        .arg("addresses", &shown),
                )
                .explain(explain("helo-mismatch", vec![], vec![], &[RFC5321_HELO]))
            } else {
                CheckResult::new(
                    "host.helo",
                    Status::Pass,
                    Message::new("server-helo-ok")
                        .arg("helo", helo)
                        .arg("addresses", &shown),
                )
            }
            .details(json!({ "addresses": addrs }))
        }
    };
    vec![ctx.emit(result.subject(helo))]
}
