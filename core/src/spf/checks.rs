//! The SPF checks: `spf.present`, `spf.single`, `spf.syntax`, `spf.lookups`,
//! `spf.void-lookups`, `spf.all`, `spf.authorizes-ip` and `spf.deprecated`.
//!
//! Oversize records are reported where a publisher fixes them: a character-string
//! over 255 octets is a `spf.syntax` finding (it cannot be published as one
//! string), an answer over ~450 octets is a `spf.single` finding (the TXT answer at
//! the name as a whole is too big for one UDP response, §3.4).

use std::net::IpAddr;

use futures::future::join_all;
use futures::join;
use serde_json::json;

use super::fix;
use super::trace::{Expansion, Problem, TraceNode};
use super::{
    ADVISED_ANSWER_OCTETS, MAX_LOOKUPS, MAX_STRING_OCTETS, MAX_VOID_LOOKUPS, MacroProblem,
    Mechanism, Params, Qualifier, Record, SpfResult, SyntaxError, TermKind, check_host, expand,
    is_spf_record, parse,
};
use crate::checks::CheckContext;
use crate::dns::{LookupError, RData, RecordType};
use crate::facts::SendingIpSource;
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, FixRecord, Reference, Status};

const IDS: [&str; 8] = [
    "spf.present",
    "spf.single",
    "spf.syntax",
    "spf.lookups",
    "spf.void-lookups",
    "spf.all",
    "spf.authorizes-ip",
    "spf.deprecated",
];

/// Findings: (`spf-<finding>` catalogue key, whether it has `-why` and `-fix`).
const FINDINGS: &[(&str, bool)] = &[
    ("present-ok", false),
    ("present-none", true),
    ("present-nxdomain", true),
    ("single-ok", false),
    ("single-multiple", true),
    ("single-oversize", true),
    ("syntax-ok", false),
    ("syntax-error", true),
    ("syntax-included-error", true),
    ("syntax-long-string", true),
    ("syntax-warning", true),
    ("lookups-ok", false),
    ("lookups-over", true),
    ("lookups-loop", true),
    ("lookups-incomplete", false),
    ("void-ok", false),
    ("void-over", true),
    ("void-incomplete", false),
    ("all-fail", false),
    ("all-softfail", false),
    ("all-neutral", true),
    ("all-pass", true),
    ("all-missing", true),
    ("ip-pass", false),
    ("ip-fail", true),
    ("ip-softfail", true),
    ("ip-neutral", true),
    ("ip-none", true),
    ("ip-permerror", true),
    ("ip-temperror", false),
    ("ip-skipped", false),
    ("deprecated-ok", false),
    ("deprecated-ptr", true),
    ("deprecated-p-macro", true),
    ("deprecated-spf-type", true),
];

/// Found-message keys (`spf-found-…`).
const FOUND: &[&str] = &[
    "record",
    "include-cost",
    "flattened",
    "void",
    "decided-by",
    "explanation",
    "string-length",
    "answer-size",
    "ptr",
    "p-macro",
    "spf-type",
];

const RFC: &str = "https://www.rfc-editor.org/rfc/rfc7208";

fn rfc(section: &str) -> Reference {
    Reference::new(
        &format!("RFC 7208 §{section}"),
        &format!("{RFC}#section-{section}"),
    )
}

fn google() -> Reference {
    Reference::new(
        "Google email sender guidelines",
        "https://support.google.com/a/answer/81126",
    )
}

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys = vec!["spf-unknown".to_owned(), "check-unknown-reason".to_owned()];
    for id in IDS {
        let short = id.trim_start_matches("spf.");
        keys.push(format!("spf-{short}-label"));
        keys.push(format!("spf-{short}-about"));
    }
    for (finding, explained) in FINDINGS {
        keys.push(format!("spf-{finding}"));
        if *explained {
            keys.push(format!("spf-{finding}-why"));
            keys.push(format!("spf-{finding}-fix"));
        }
    }
    keys.extend(FOUND.iter().map(|f| format!("spf-found-{f}")));
    keys.extend(SyntaxError::CODES.iter().map(|c| format!("spf-syntax-{c}")));
    keys.extend(MacroProblem::CODES.iter().map(|c| format!("spf-macro-{c}")));
    keys.extend(
        super::trace::Problem::CODES
            .iter()
            .map(|c| format!("spf-problem-{c}")),
    );
    keys
}

fn explain(
    finding: &str,
    found: Vec<Message>,
    records: Vec<FixRecord>,
    refs: Vec<Reference>,
) -> Explanation {
    Explanation {
        found,
        why: Some(Message::new(format!("spf-{finding}-why"))),
        fix: vec![Message::new(format!("spf-{finding}-fix"))],
        records,
        references: refs,
    }
}

fn result(id: &str, status: Status, finding: &str) -> (CheckResult, String) {
    let summary = Message::new(format!("spf-{finding}"));
    (CheckResult::new(id, status, summary), finding.to_owned())
}

fn unknown(id: &str, error: &LookupError) -> CheckResult {
    // The reason is the catalogue's text for the error, in the reader's language.
    CheckResult::unknown(
        id,
        Message::new("spf-unknown").arg_msg("reason", error.message()),
        error,
    )
}

/// A diagnostic as a found-message: where it is, the term's text, and why.
fn diagnostic_message(domain: &str, record: &Record, d: &super::Diagnostic) -> Message {
    let key = match &d.code {
        SyntaxError::BadMacro { problem, .. } => format!("spf-macro-{}", problem.code()),
        code => format!("spf-syntax-{}", code.code()),
    };
    let text = record.text.get(d.span.start..d.span.end).unwrap_or("");
    let mut m = Message::new(key)
        .arg("domain", domain)
        .arg("text", text)
        .arg("at", d.span.start + 1);
    for (k, v) in d.code.args() {
        m = m.arg(k, v);
    }
    m
}

/// Runs the SPF checks for the input's domain.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    let domain = ctx.input.domain.as_str();
    let (txt, type99) = join!(
        ctx.resolver.lookup(domain, RecordType::TXT),
        ctx.resolver.lookup(domain, RecordType::SPF)
    );
    let answer = match txt {
        Ok(a) => a,
        Err(e) => {
            // Every check is unknown; `spf.authorizes-ip` once per sending IP when the IPs
            // are known without this lookup, as a run that could read the record lists it.
            let ips = sending_ips(ctx).await.unwrap_or_default();
            let mut out = Vec::new();
            for id in IDS {
                if id == "spf.authorizes-ip" && !ips.is_empty() {
                    for ip in &ips {
                        out.push(ctx.emit(unknown(id, &e).subject(ip.to_string())));
                    }
                } else {
                    out.push(ctx.emit(unknown(id, &e)));
                }
            }
            return out;
        }
    };
    let mut out = Vec::new();
    let spf: Vec<&crate::dns::Txt> = answer
        .records
        .iter()
        .filter_map(|r| match &r.data {
            RData::Txt(t) if is_spf_record(&t.joined()) => Some(t),
            _ => None,
        })
        .collect();
    let records: Vec<Record> = spf.iter().map(|t| parse(&t.joined())).collect();
    let found_records: Vec<Message> = records
        .iter()
        .map(|r| {
            Message::new("spf-found-record")
                .arg("domain", domain)
                .arg("record", &r.text)
        })
        .collect();
    let ips = sending_ips(ctx).await;

    // spf.present
    if records.is_empty() {
        let finding = if answer.nxdomain {
            "present-nxdomain"
        } else {
            "present-none"
        };
        let (r, f) = result("spf.present", Status::Fail, finding);
        let new = fix::new_record(ips.as_ref().map_or(&[][..], |v| v.as_slice()));
        out.push(
            ctx.emit(r.details(json!({ "records": [] })).explain(explain(
                &f,
                vec![],
                vec![fix::publish(domain, &new, false)],
                vec![rfc("4.5"), google()],
            ))),
        );
        out.push(ctx.emit(deprecated(domain, &[], &type99)));
        return out;
    }
    let (r, _) = result("spf.present", Status::Pass, "present-ok");
    out.push(ctx.emit(
        r.details(json!({ "records": records.iter().map(|r| &r.text).collect::<Vec<_>>() })),
    ));

    // spf.single
    let answer_size: usize = answer
        .records
        .iter()
        .filter_map(|r| match &r.data {
            RData::Txt(t) => Some(t.strings.iter().map(|s| s.len() + 1).sum::<usize>()),
            _ => None,
        })
        .sum();
    out.push(ctx.emit(single(domain, &records, &found_records, answer_size)));

    // The rest reads the one record; with several, the first stands for the check
    // of its content and `spf.single` carries the failure.
    let record = &records[0];
    // The static walk and the per-IP evaluations share the run's cache and run at
    // once; each per-IP result is shown the moment it is decided.
    let authorizes_ips = async {
        match ips {
            Err(e) => vec![ctx.emit(unknown("spf.authorizes-ip", &e))],
            Ok(ips) if ips.is_empty() => {
                let (r, _) = result("spf.authorizes-ip", Status::Info, "ip-skipped");
                vec![ctx.emit(r)]
            }
            Ok(ips) => {
                let checks = ips
                    .iter()
                    .map(|ip| async move { ctx.emit(authorizes(ctx, domain, record, *ip).await) });
                join_all(checks).await
            }
        }
    };
    let (expansion, authorized) =
        futures::join!(expand(ctx.resolver, domain, None), authorizes_ips);
    out.push(ctx.emit(syntax(domain, record, &spf, &expansion)));
    out.push(ctx.emit(lookups(domain, record, &expansion)));
    out.push(ctx.emit(void_lookups(&expansion)));
    out.push(ctx.emit(all(domain, record, &expansion)));
    out.extend(authorized);
    let tree_records = tree_records(&expansion.tree);
    out.push(ctx.emit(deprecated(domain, &tree_records, &type99)));
    out
}

/// The IPs to test: the input's, else the mail host's A/AAAA (the run's shared
/// [`CheckContext::sending_ips`]). The MX-assumed fallback is not used here: an SPF
/// verdict on an address the user never named would be a guess.
async fn sending_ips(ctx: &CheckContext<'_>) -> Result<Vec<IpAddr>, LookupError> {
    let found = ctx.sending_ips().await;
    match found.source {
        Some(SendingIpSource::Input | SendingIpSource::Host | SendingIpSource::Message) => {
            match found.error {
                Some(e) if found.ips.is_empty() => Err(e),
                _ => Ok(found.ips),
            }
        }
        _ => Ok(vec![]),
    }
}

fn single(domain: &str, records: &[Record], found: &[Message], size: usize) -> CheckResult {
    if records.len() > 1 {
        let merged = fix::merge(records);
        let (r, f) = result("spf.single", Status::Fail, "single-multiple");
        return r
            .details(json!({ "count": records.len() }))
            .explain(explain(
                &f,
                found.to_vec(),
                vec![fix::publish(domain, &merged, true)],
                vec![rfc("3.2"), rfc("4.5")],
            ));
    }
    if size > ADVISED_ANSWER_OCTETS {
        let (r, f) = result("spf.single", Status::Warn, "single-oversize");
        let m = Message::new("spf-found-answer-size")
            .arg("size", size)
            .arg("limit", ADVISED_ANSWER_OCTETS);
        return r.details(json!({ "answer_octets": size })).explain(explain(
            &f,
            vec![m],
            vec![],
            vec![rfc("3.4")],
        ));
    }
    result("spf.single", Status::Pass, "single-ok").0
}

fn syntax(
    domain: &str,
    record: &Record,
    strings: &[&crate::dns::Txt],
    expansion: &Expansion,
) -> CheckResult {
    let errors: Vec<Message> = record
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| diagnostic_message(domain, record, d))
        .collect();
    let details = json!({ "record": record.text, "diagnostics": record.diagnostics });
    let found = vec![
        Message::new("spf-found-record")
            .arg("domain", domain)
            .arg("record", &record.text),
    ];
    if !errors.is_empty() {
        let (r, f) = result("spf.syntax", Status::Fail, "syntax-error");
        let r = CheckResult {
            summary: r.summary.arg("count", errors.len()),
            ..r
        };
        return r.details(details).explain(explain(
            &f,
            found.into_iter().chain(errors).collect(),
            vec![],
            vec![rfc("4.6"), rfc("5")],
        ));
    }
    let long: Vec<usize> = strings
        .iter()
        .filter(|t| t.boundaries_known)
        .flat_map(|t| t.strings.iter().map(String::len))
        .filter(|len| *len > MAX_STRING_OCTETS)
        .collect();
    if let Some(len) = long.first() {
        let (r, f) = result("spf.syntax", Status::Fail, "syntax-long-string");
        let m = Message::new("spf-found-string-length")
            .arg("length", len)
            .arg("limit", MAX_STRING_OCTETS);
        return r.details(details).explain(explain(
            &f,
            vec![m],
            vec![fix::publish(domain, &record.text, true)],
            vec![rfc("3.3")],
        ));
    }
    let mut included = Vec::new();
    collect_included_errors(&expansion.tree, true, &mut included);
    if !included.is_empty() {
        let (r, f) = result("spf.syntax", Status::Fail, "syntax-included-error");
        let r = CheckResult {
            summary: r.summary.arg("domain", &included[0].0),
            ..r
        };
        let found = included.into_iter().flat_map(|(_, ms)| ms).collect();
        return r
            .details(details)
            .explain(explain(&f, found, vec![], vec![rfc("5.2")]));
    }
    let warnings: Vec<Message> = record
        .diagnostics
        .iter()
        .map(|d| diagnostic_message(domain, record, d))
        .collect();
    if !warnings.is_empty() {
        let (r, f) = result("spf.syntax", Status::Warn, "syntax-warning");
        return r
            .details(details)
            .explain(explain(&f, warnings, vec![], vec![rfc("6.1")]));
    }
    result("spf.syntax", Status::Pass, "syntax-ok")
        .0
        .details(details)
}

fn collect_included_errors(node: &TraceNode, root: bool, out: &mut Vec<(String, Vec<Message>)>) {
    if !root && node.diagnostics.iter().any(super::Diagnostic::is_error) {
        let record = parse(node.record.as_deref().unwrap_or(""));
        let ms = record
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| diagnostic_message(&node.domain, &record, d))
            .collect();
        out.push((node.domain.clone(), ms));
    }
    for t in &node.terms {
        if let Some(child) = &t.child {
            collect_included_errors(child, false, out);
        }
    }
}

fn lookups(domain: &str, record: &Record, expansion: &Expansion) -> CheckResult {
    let total = expansion.lookups_total;
    let details = json!({
        "lookups_total": total,
        "limit": MAX_LOOKUPS,
        "complete": expansion.is_complete(),
        "tree": expansion.tree,
    });
    let costs: Vec<Message> = expansion
        .tree
        .terms
        .iter()
        .filter(|t| t.lookup)
        .map(|t| {
            let cost = 1 + t.child.as_ref().map_or(0, |c| c.lookups_total);
            Message::new("spf-found-include-cost")
                .arg("term", &t.term)
                .arg("count", cost)
        })
        .collect();
    if expansion.has_loop {
        let (r, f) = result("spf.lookups", Status::Fail, "lookups-loop");
        return r
            .details(details)
            .explain(explain(&f, costs, vec![], vec![rfc("4.6.4")]));
    }
    if total > MAX_LOOKUPS {
        let (r, f) = result("spf.lookups", Status::Fail, "lookups-over");
        let r = CheckResult {
            summary: r.summary.arg("count", total).arg("limit", MAX_LOOKUPS),
            ..r
        };
        let (flat, kept) = fix::flatten(record, expansion);
        let mut found = costs;
        found.push(Message::new("spf-found-flattened").arg("count", kept));
        let records = if expansion.is_complete() {
            vec![fix::publish(domain, &flat, true)]
        } else {
            vec![]
        };
        return r
            .details(details)
            .explain(explain(&f, found, records, vec![rfc("4.6.4")]));
    }
    if let Some(problem) = expansion.errors.first() {
        // Some branch could not be read: the total is a lower bound.
        let r = CheckResult::new(
            "spf.lookups",
            Status::Unknown,
            Message::new("spf-lookups-incomplete").arg("count", total),
        );
        return r
            .details(details)
            .details(lookup_error_details(&expansion.errors))
            .explain(Explanation {
                found: vec![problem.message()],
                ..Explanation::default()
            });
    }
    let (r, _) = result("spf.lookups", Status::Pass, "lookups-ok");
    CheckResult {
        summary: r.summary.arg("count", total).arg("limit", MAX_LOOKUPS),
        ..r
    }
    .details(details)
}

fn void_lookups(expansion: &Expansion) -> CheckResult {
    let total = expansion.void_lookups_total;
    let mut voids = Vec::new();
    collect_voids(&expansion.tree, &mut voids);
    let details = json!({ "void_lookups_total": total, "limit": MAX_VOID_LOOKUPS });
    if total > MAX_VOID_LOOKUPS {
        let (r, f) = result("spf.void-lookups", Status::Fail, "void-over");
        let r = CheckResult {
            summary: r.summary.arg("count", total).arg("limit", MAX_VOID_LOOKUPS),
            ..r
        };
        return r
            .details(details)
            .explain(explain(&f, voids, vec![], vec![rfc("4.6.4")]));
    }
    if !expansion.errors.is_empty() {
        let r = CheckResult::new(
            "spf.void-lookups",
            Status::Unknown,
            Message::new("spf-void-incomplete").arg("count", total),
        );
        let found = expansion.errors.iter().map(|p| p.message()).collect();
        return r
            .details(details)
            .details(lookup_error_details(&expansion.errors))
            .explain(Explanation {
                found,
                ..Explanation::default()
            });
    }
    let (r, _) = result("spf.void-lookups", Status::Pass, "void-ok");
    CheckResult {
        summary: r.summary.arg("count", total).arg("limit", MAX_VOID_LOOKUPS),
        ..r
    }
    .details(details)
}

/// `{ "error": … }` with the first lookup error among `problems` (empty when none is
/// a DNS error), for the `details` of an unknown result.
fn lookup_error_details(problems: &[Problem]) -> serde_json::Value {
    match problems.iter().find_map(Problem::lookup_error) {
        Some(error) => json!({ "error": error }),
        None => json!({}),
    }
}

fn collect_voids(node: &TraceNode, out: &mut Vec<Message>) {
    for t in &node.terms {
        if t.void {
            out.push(
                Message::new("spf-found-void")
                    .arg("domain", &node.domain)
                    .arg("term", &t.term),
            );
        }
        if let Some(child) = &t.child {
            collect_voids(child, out);
        }
    }
}

/// The `all` that ends the evaluation: the record's, else its redirect target's.
fn effective_all(record: &Record, tree: &TraceNode) -> Option<Qualifier> {
    if let Some((_, q)) = record.all() {
        return Some(q);
    }
    let child = tree.terms.iter().find_map(|t| {
        t.term
            .to_ascii_lowercase()
            .starts_with("redirect=")
            .then_some(t.child.as_deref())
            .flatten()
    })?;
    let inner = parse(child.record.as_deref()?);
    effective_all(&inner, child)
}

fn all(domain: &str, record: &Record, expansion: &Expansion) -> CheckResult {
    let q = effective_all(record, &expansion.tree);
    let (status, finding) = match q {
        Some(Qualifier::Fail) => (Status::Pass, "all-fail"),
        Some(Qualifier::Softfail) => (Status::Pass, "all-softfail"),
        Some(Qualifier::Neutral) => (Status::Warn, "all-neutral"),
        Some(Qualifier::Pass) => (Status::Fail, "all-pass"),
        None => (Status::Warn, "all-missing"),
    };
    let (r, f) = result("spf.all", status, finding);
    let r = r.details(json!({ "all": q.map(|q| format!("{}all", q.symbol())) }));
    if status == Status::Pass {
        return r;
    }
    let found = vec![
        Message::new("spf-found-record")
            .arg("domain", domain)
            .arg("record", &record.text),
    ];
    let records = if record.redirect().is_some() && record.all().is_none() {
        vec![]
    } else {
        vec![fix::publish(
            domain,
            &fix::with_all(record, Qualifier::Softfail),
            true,
        )]
    };
    r.explain(explain(&f, found, records, vec![rfc("5.1"), rfc("8")]))
}

async fn authorizes(
    ctx: &CheckContext<'_>,
    domain: &str,
    record: &Record,
    ip: IpAddr,
) -> CheckResult {
    let params = Params::for_domain(domain, ip);
    let eval = check_host(ctx.resolver, &params).await;
    let id = "spf.authorizes-ip";
    let mut details = serde_json::to_value(&eval).unwrap_or_default();
    // A temperror is the lookup error of some record in the tree: like every other
    // unknown result (`CheckResult::unknown`), it carries that error in `details.error`.
    if let Some(error) = eval.problem.as_ref().and_then(Problem::lookup_error) {
        details["error"] = json!(error);
    }
    let decided = eval
        .decided_by
        .iter()
        .map(|d| d.term.as_str())
        .collect::<Vec<_>>()
        .join(" → ");
    let (status, finding) = match eval.result {
        SpfResult::Pass => (Status::Pass, "ip-pass"),
        SpfResult::Fail => (Status::Fail, "ip-fail"),
        SpfResult::Softfail => (Status::Fail, "ip-softfail"),
        SpfResult::Neutral => (Status::Fail, "ip-neutral"),
        SpfResult::None => (Status::Fail, "ip-none"),
        SpfResult::Permerror => (Status::Fail, "ip-permerror"),
        SpfResult::Temperror => (Status::Unknown, "ip-temperror"),
    };
    let summary = Message::new(format!("spf-{finding}"))
        .arg("ip", ip)
        .arg("domain", domain)
        .arg(
            "term",
            if decided.is_empty() {
                "-".to_owned()
            } else {
                decided.clone()
            },
        );
    let r = CheckResult::new(id, status, summary)
        .subject(ip)
        .details(details);
    let mut found = Vec::new();
    if !decided.is_empty() {
        found.push(Message::new("spf-found-decided-by").arg("term", &decided));
    }
    if let Some(problem) = &eval.problem {
        found.push(problem.message());
    }
    if let Some(text) = &eval.explanation {
        found.push(Message::new("spf-found-explanation").arg("text", text));
    }
    match status {
        Status::Pass => r,
        Status::Unknown => r.explain(Explanation {
            found,
            ..Explanation::default()
        }),
        _ => {
            let records = if matches!(eval.result, SpfResult::Permerror) {
                vec![]
            } else {
                vec![fix::publish(domain, &fix::add_ips(record, &[ip]), true)]
            };
            r.explain(explain(finding, found, records, vec![rfc("2.6"), google()]))
        }
    }
}

/// Every record in the tree, with its domain.
fn tree_records(node: &TraceNode) -> Vec<(String, Record)> {
    let mut out = Vec::new();
    if let Some(text) = &node.record {
        out.push((node.domain.clone(), parse(text)));
    }
    for t in &node.terms {
        if let Some(child) = &t.child {
            out.extend(tree_records(child));
        }
    }
    out
}

fn deprecated(
    domain: &str,
    records: &[(String, Record)],
    type99: &Result<crate::dns::Answer, LookupError>,
) -> CheckResult {
    let id = "spf.deprecated";
    let mut findings: Vec<(&str, Message)> = Vec::new();
    for (d, record) in records {
        for term in &record.terms {
            if let TermKind::Directive {
                mechanism: Mechanism::Ptr { .. },
                ..
            } = term.kind
            {
                let m = Message::new("spf-found-ptr")
                    .arg("domain", d)
                    .arg("term", &term.text);
                findings.push(("deprecated-ptr", m));
            }
        }
        if super::eval::uses_p_macro(record) {
            let m = Message::new("spf-found-p-macro").arg("domain", d);
            findings.push(("deprecated-p-macro", m));
        }
    }
    match type99 {
        Ok(a) if !a.records.is_empty() => {
            let m = Message::new("spf-found-spf-type")
                .arg("domain", domain)
                .arg("count", a.records.len());
            findings.push(("deprecated-spf-type", m));
        }
        Ok(_) => {}
        Err(e) if findings.is_empty() => return unknown(id, e),
        Err(_) => {}
    }
    let Some((first, _)) = findings.first() else {
        return result(id, Status::Pass, "deprecated-ok").0;
    };
    let finding = (*first).to_owned();
    let (r, _) = result(id, Status::Warn, &finding);
    let found = findings.into_iter().map(|(_, m)| m).collect();
    r.explain(explain(
        &finding,
        found,
        vec![],
        vec![rfc("3.1"), rfc("5.5"), rfc("7.3")],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::RawInput;
    use crate::resolver::{MemoryTransport, RunResolver};

    async fn run_with(zone: &MemoryTransport, ips: &str) -> Vec<CheckResult> {
        let input = RawInput {
            domain: "example.com".into(),
            ips: ips.into(),
            ..RawInput::default()
        }
        .parse()
        .unwrap();
        let resolver = RunResolver::new(vec![Box::new(zone.clone())]);
        let ctx = CheckContext {
            input: &input,
            resolver: &resolver,
            emit: &|_| {},
        };
        run(&ctx).await
    }

    fn get<'a>(results: &'a [CheckResult], id: &str) -> &'a CheckResult {
        results.iter().find(|r| r.id == id).unwrap()
    }

    /// RFC 7208 §4.5: "If the resultant record set includes more than one record,
    /// check_host() produces the "permerror" result."
    #[tokio::test]
    async fn rfc7208_4_5_two_records_fail_with_a_merged_one() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 mx -all"])
            .txt("example.com", &["v=spf1 include:_spf.example.net ~all"])
            .txt("_spf.example.net", &["v=spf1 ip4:198.51.100.0/24 -all"]);
        let r = run_with(&z, "198.51.100.9").await;
        let single = get(&r, "spf.single");
        assert_eq!(single.status, Status::Fail);
        let fix = &single.explanation.as_ref().unwrap().records[0];
        assert_eq!(
            fix.record,
            "example.com. 3600 IN TXT \"v=spf1 mx include:_spf.example.net -all\""
        );
        assert!(fix.replaces);
        assert_eq!(get(&r, "spf.authorizes-ip").status, Status::Fail);
    }

    /// RFC 7208 §8.1 ("+all") and the policy checks: -all pass, +all fail with fix.
    #[tokio::test]
    async fn plus_all_fails_and_is_replaced() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 a +all"]);
        let r = run_with(&z, "192.0.2.1").await;
        let all = get(&r, "spf.all");
        assert_eq!(all.status, Status::Fail);
        assert!(
            all.explanation.as_ref().unwrap().records[0]
                .record
                .contains("\"v=spf1 a ~all\"")
        );
        assert_eq!(get(&r, "spf.authorizes-ip").status, Status::Pass);
    }

    /// RFC 7208 §4.6.4: "SPF implementations MUST limit the total number of those
    /// terms to 10 during SPF evaluation".
    #[tokio::test]
    async fn rfc7208_4_6_4_static_total_over_ten_fails_with_costs_and_flattening() {
        let mut z = MemoryTransport::new();
        z.txt(
            "example.com",
            &["v=spf1 include:a.example.net include:b.example.net -all"],
        );
        z.txt("a.example.net", &["v=spf1 a:h1.example.net a:h2.example.net a:h3.example.net a:h4.example.net a:h5.example.net"]);
        z.txt("b.example.net", &["v=spf1 a:h6.example.net a:h7.example.net a:h8.example.net a:h9.example.net ip4:203.0.113.0/24"]);
        for i in 1..=9 {
            z.ip(
                &format!("h{i}.example.net"),
                format!("192.0.2.{i}").parse().unwrap(),
            );
        }
        let r = run_with(&z, "203.0.113.5").await;
        let lookups = get(&r, "spf.lookups");
        assert_eq!(lookups.status, Status::Fail);
        assert_eq!(lookups.details["lookups_total"], 11);
        let ex = lookups.explanation.as_ref().unwrap();
        assert!(
            ex.found
                .iter()
                .any(|m| m.args.get("count").map(String::as_str) == Some("6"))
        );
        let flat = &ex.records[0].record;
        assert!(
            flat.contains("ip4:192.0.2.9")
                && flat.contains("ip4:203.0.113.0/24")
                && flat.contains("-all")
        );
        // Evaluation reaches the 11th lookup (a:h6…h9) before b.example.net's ip4.
        let ip = get(&r, "spf.authorizes-ip");
        assert_eq!(
            (ip.status, ip.summary.key.as_str()),
            (Status::Fail, "spf-ip-permerror")
        );
        assert_eq!(ip.details["lookups"], 11);
    }

    #[tokio::test]
    async fn unlisted_ip_gets_an_added_ip_term_and_the_deciding_term() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 ip4:192.0.2.0/25 -all"]);
        let r = run_with(&z, "192.0.2.200").await;
        let ip = get(&r, "spf.authorizes-ip");
        assert_eq!(
            (ip.status, ip.subject.as_deref()),
            (Status::Fail, Some("192.0.2.200"))
        );
        assert_eq!(ip.summary.args["term"], "-all");
        assert_eq!(
            ip.explanation.as_ref().unwrap().records[0].record,
            "example.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.200 ip4:192.0.2.0/25 -all\""
        );
    }

    #[tokio::test]
    async fn dns_errors_are_unknown_never_pass_or_fail() {
        let mut z = MemoryTransport::new();
        z.fail("example.com", Some(RecordType::TXT), LookupError::ServFail);
        let r = run_with(&z, "192.0.2.1").await;
        assert_eq!(r.len(), IDS.len());
        assert!(r.iter().all(|c| c.status == Status::Unknown));
        // The sending IP is known without the record: its result names it.
        assert_eq!(
            get(&r, "spf.authorizes-ip").subject.as_deref(),
            Some("192.0.2.1")
        );
        // Regression: the reason was the error's English text ("SERVFAIL") in every
        // language; it is the catalogue's sentence in the reader's language.
        let present = get(&r, "spf.present");
        let (en, id) = (
            present.summary.render(crate::i18n::Lang::En),
            present.summary.render(crate::i18n::Lang::Id),
        );
        assert!(
            en.contains("SERVFAIL") && id.contains("resolver menjawab SERVFAIL"),
            "{id}"
        );

        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 include:down.example.net -all"])
            .fail(
                "down.example.net",
                None,
                LookupError::Timeout { after_ms: 5 },
            );
        let r = run_with(&z, "192.0.2.1").await;
        assert_eq!(get(&r, "spf.authorizes-ip").status, Status::Unknown);
        assert_eq!(get(&r, "spf.lookups").status, Status::Unknown);
        // Regression: the temperror of an included record carried no `details.error`,
        // which every other unknown result has.
        let timeout = json!(LookupError::Timeout { after_ms: 5 });
        for id in ["spf.authorizes-ip", "spf.lookups", "spf.void-lookups"] {
            let c = get(&r, id);
            assert_eq!(c.status, Status::Unknown, "{id}");
            assert_eq!(c.details["error"], timeout, "{id}: {:#}", c.details);
        }
    }

    /// RFC 7208 §5.5: "This mechanism SHOULD NOT be published." §3.1: type SPF
    /// "has been discontinued".
    #[tokio::test]
    async fn rfc7208_5_5_ptr_and_type_99_are_deprecated() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 ptr -all"]).add(
            "example.com",
            RecordType::SPF,
            crate::resolver::memory::txt(&["v=spf1 ptr -all"]),
        );
        let r = run_with(&z, "").await;
        let d = get(&r, "spf.deprecated");
        assert_eq!(d.status, Status::Warn);
        assert_eq!(d.explanation.as_ref().unwrap().found.len(), 2);
        assert_eq!(get(&r, "spf.authorizes-ip").status, Status::Info);
    }

    #[tokio::test]
    async fn syntax_errors_are_listed_with_positions() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 ip4:192.0.2.300 a:mail -all"]);
        let r = run_with(&z, "192.0.2.1").await;
        let s = get(&r, "spf.syntax");
        assert_eq!(s.status, Status::Fail);
        let found = &s.explanation.as_ref().unwrap().found;
        assert_eq!(found[1].key, "spf-syntax-bad-ip4");
        assert_eq!(found[1].args["at"], "12");
        assert_eq!(found[2].key, "spf-syntax-bad-domain-end");
        assert_eq!(get(&r, "spf.authorizes-ip").status, Status::Fail);
    }

    #[tokio::test]
    async fn missing_record_offers_one() {
        let mut z = MemoryTransport::new();
        z.exists("example.com");
        let r = run_with(&z, "192.0.2.1").await;
        let p = get(&r, "spf.present");
        assert_eq!(p.status, Status::Fail);
        assert_eq!(
            p.explanation.as_ref().unwrap().records[0].record,
            "example.com. 3600 IN TXT \"v=spf1 ip4:192.0.2.1 ~all\""
        );
    }
}
