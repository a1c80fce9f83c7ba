//! Plain-text rendering of a report for the terminal. Every word comes from the
//! engine's catalogues.

use std::fmt::Write as _;

use inboxable_core::dnshost;
use inboxable_core::facts::FactValue;
use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::InputProblem;
use inboxable_core::report::{Report, Status};

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

/// A status word padded to `width` columns and, with `color`, wrapped in the ANSI
/// SGR colour of its status (red fail, yellow warning, magenta unknown, green pass,
/// cyan info). Padding is applied before the escapes so columns still line up.
fn status_word(status: Status, lang: Lang, color: bool, width: usize) -> String {
    let word = format!("{:<width$}", Message::new(status.key()).render(lang));
    if !color {
        return word;
    }
    let sgr = match status {
        Status::Fail => "1;31",
        Status::Warn => "1;33",
        Status::Unknown => "1;35",
        Status::Pass => "32",
        Status::Info => "36",
    };
    format!("\x1b[{sgr}m{word}\x1b[0m")
}

/// The report as text; `color` adds ANSI colours to the statuses.
pub fn text(report: &Report, lang: Lang, color: bool) -> String {
    let mut out = String::new();
    let t = |m: Message| m.render(lang);
    let _ = writeln!(out, "Inboxable — {}", report.input.domain);
    let _ = writeln!(
        out,
        "{} {}",
        status_word(report.verdict.status, lang, color, 0),
        t(report.verdict.message())
    );
    let _ = writeln!(out, "{}", t(report.sending_ips.message(&report.input)));
    let _ = writeln!(
        out,
        "{}",
        t(dnshost::summary(
            report.dns_host.as_ref(),
            &dnshost::ns_of(&report.facts)
        ))
    );
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
                "  {} {}{subject}: {}",
                status_word(c.status, lang, color, 8),
                c.id,
                t(c.summary.clone())
            );
            // A provider checklist lists its items under its line.
            for item in inboxable_core::provider::item_views(c) {
                let _ = writeln!(
                    out,
                    "           - {} ({}): {} [{}]",
                    t(item.text),
                    t(item.scope),
                    t(item.state),
                    item.checks.join(", ")
                );
            }
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
