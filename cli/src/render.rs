//! Plain-text rendering of a report for the terminal. Every word comes from the
//! engine's catalogues.

use std::fmt::Write as _;

use inboxable_core::facts::FactValue;
use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::InputProblem;
use inboxable_core::report::Report;

/// The catalogue message for an input problem (`input-<code>` with its arguments).
pub fn problem(problem: &InputProblem) -> Message {
    let value = serde_json::to_value(problem).unwrap_or_default();
    let code = value["code"].as_str().unwrap_or("empty");
    let mut message = Message::new(format!("input-{code}"));
    if let Some(fields) = value.as_object() {
        for (k, v) in fields.iter().filter(|(k, _)| *k != "code") {
            let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            message = message.arg(k, text);
        }
    }
    message
}

/// The report as text.
pub fn text(report: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let t = |m: Message| m.render(lang);
    let _ = writeln!(out, "Inboxable — {}", report.input.domain);
    let _ = writeln!(out, "{}", t(report.verdict.message()));
    let _ = writeln!(out, "{}", t(report.sending_ips.message(&report.input)));
    let _ = writeln!(out);
    if !report.checks.is_empty() {
        let _ = writeln!(out, "{}", t(Message::new("report-heading-checks")));
        for c in &report.checks {
            let subject = c
                .subject
                .as_deref()
                .map(|s| format!(" [{s}]"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<8} {}{subject}: {}",
                t(Message::new(c.status.key())),
                c.id,
                t(c.summary.clone())
            );
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "{}", t(Message::new("report-heading-facts")));
    for fact in &report.facts {
        let _ = writeln!(out, "  {}", t(fact.title()));
        match &fact.value {
            FactValue::Records { values } => {
                for v in values {
                    let _ = writeln!(out, "      {v}");
                }
            }
            FactValue::Nxdomain => {
                let _ = writeln!(out, "      {}", t(Message::new("fact-nxdomain")));
            }
            FactValue::Nodata => {
                let _ = writeln!(out, "      {}", t(Message::new("fact-nodata")));
            }
            FactValue::Error { error } => {
                let _ = writeln!(
                    out,
                    "      {}",
                    t(Message::new("fact-error").arg_msg("reason", error.message()))
                );
            }
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        t(Message::new("report-heading-queries").arg("count", report.queries.len()))
    );
    for q in &report.queries {
        let _ = writeln!(
            out,
            "  {:>5} ms  {} {}  {}  via {}",
            q.duration_ms, q.name, q.rtype, q.outcome, q.resolver
        );
    }
    out
}
