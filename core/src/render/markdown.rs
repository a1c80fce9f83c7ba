//! The report as a Markdown document (CommonMark; GitHub renders it as written):
//! the verdict in plain words, the combined fix, the checks by group with failures
//! first — each non-pass check with what we found, why it matters, how to fix it,
//! the records to publish in ```` ```zone ```` blocks and where, and references —
//! then a summary of the query log.
//!
//! Every value that came from DNS (record text, names, list answers) is put in a
//! code span or a fenced block whose fence is longer than any backtick run in it,
//! and catalogue text is escaped, so a hostile TXT or PTR record cannot add
//! Markdown structure, links or HTML to the document.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{CheckGroup, check_label, checks_of, fix_records, fix_snippet};
use crate::dnshost::{self, place_message};
use crate::i18n::{Lang, Message};
use crate::report::{CheckResult, Explanation, Report, Status};

/// The report as Markdown in `lang`.
pub fn markdown(report: &Report, lang: Lang) -> String {
    let md = Md { lang };
    let mut out = String::new();
    md.header(report, &mut out);
    md.fix_all(report, &mut out);
    for group in CheckGroup::ALL {
        md.group(report, group, &mut out);
    }
    md.queries(report, &mut out);
    let _ = writeln!(
        out,
        "---\n\n{}",
        md.msg(&Message::new("export-footer").arg("schema", report.schema))
    );
    out
}

struct Md {
    lang: Lang,
}

/// Private-use characters that delimit an argument inside rendered text until it is
/// replaced by a code span; catalogue text never contains them.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

impl Md {
    /// A message as Markdown text: catalogue text escaped, every non-numeric
    /// argument (DNS data, names) as a code span.
    fn msg(&self, message: &Message) -> String {
        let mut values = Vec::new();
        let shielded = shield(message, &mut values);
        let escaped = escape(&shielded.render(self.lang));
        let mut out = String::with_capacity(escaped.len());
        let mut rest = escaped.as_str();
        while let Some(start) = rest.find(OPEN) {
            out.push_str(&rest[..start]);
            let after = &rest[start + OPEN.len_utf8()..];
            let Some(end) = after.find(CLOSE) else {
                rest = after;
                continue;
            };
            if let Some(value) = after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|i| values.get(i))
            {
                out.push_str(&code(value));
            }
            rest = &after[end + CLOSE.len_utf8()..];
        }
        out.push_str(rest);
        out
    }

    fn key(&self, key: &str) -> String {
        self.msg(&Message::new(key))
    }

    fn header(&self, report: &Report, out: &mut String) {
        let domain = report
            .input
            .domain_unicode
            .as_deref()
            .unwrap_or(&report.input.domain);
        let v = &report.verdict;
        let status = status_value(v.status);
        let _ = writeln!(
            out,
            "# {}\n",
            self.msg(&Message::new("export-title").arg("domain", domain))
        );
        let _ = writeln!(
            out,
            "**{}** {}\n",
            self.key(&format!("export-verdict-{status}")),
            self.msg(&v.message())
        );
        if v.status != Status::Info {
            let _ = writeln!(
                out,
                "{}\n",
                self.msg(
                    &Message::new("export-counts")
                        .arg("fail", v.fail)
                        .arg("warn", v.warn)
                        .arg("unknown", v.unknown)
                        .arg("pass", v.pass)
                )
            );
        }
        let input = &report.input;
        let mut lines = vec![Message::new("export-input-domain").arg("domain", &input.domain)];
        if !input.ips.is_empty() {
            let ips: Vec<String> = input.ips.iter().map(ToString::to_string).collect();
            lines.push(Message::new("export-input-ips").arg("ips", ips.join(", ")));
        }
        if let Some(host) = &input.host {
            lines.push(Message::new("export-input-host").arg("host", host));
        }
        if !input.selectors.is_empty() {
            lines.push(
                Message::new("export-input-selectors").arg("selectors", input.selectors.join(", ")),
            );
        }
        if let Some(helo) = &input.helo {
            lines.push(Message::new("export-input-helo").arg("helo", helo));
        }
        // Entered IPs are listed above; otherwise say where they came from.
        if report.sending_ips != crate::facts::SendingIpSource::Input {
            lines.push(report.sending_ips.message(input));
        }
        lines.push(dnshost::summary(
            report.dns_host.as_ref(),
            &dnshost::ns_of(&report.facts),
        ));
        for line in lines {
            let _ = writeln!(out, "- {}", self.msg(&line));
        }
        out.push('\n');
    }

    fn fix_all(&self, report: &Report, out: &mut String) {
        let groups = fix_records(&report.checks);
        if groups.is_empty() {
            return;
        }
        let _ = writeln!(out, "## {}\n", self.key("export-fix-all-heading"));
        let _ = writeln!(out, "{}\n", self.key("export-fix-all-intro"));
        for (place, records) in &groups {
            let _ = writeln!(
                out,
                "- {}",
                self.msg(
                    &Message::new("export-fix-all-count")
                        .arg("count", records.len())
                        .arg_msg("place", place_message(*place, report.dns_host.as_ref()))
                )
            );
        }
        out.push('\n');
        let snippet = fix_snippet(self.lang, &groups, report.dns_host.as_ref());
        out.push_str(&fenced(&snippet, "zone"));
        out.push('\n');
    }

    fn group(&self, report: &Report, group: CheckGroup, out: &mut String) {
        let checks = checks_of(&report.checks, group);
        if checks.is_empty() {
            return;
        }
        let _ = writeln!(out, "## {}\n", self.key(group.key()));
        let (problems, rest): (Vec<&CheckResult>, Vec<&CheckResult>) = checks
            .into_iter()
            .partition(|c| matches!(c.status, Status::Fail | Status::Warn | Status::Unknown));
        for check in problems {
            self.check(report, check, out);
        }
        if !rest.is_empty() {
            let _ = writeln!(out, "**{}**\n", self.key("export-passed"));
            for check in rest {
                let _ = writeln!(
                    out,
                    "- {} {}{}: {}",
                    symbol(check.status),
                    escape(&check_label(self.lang, &check.id)),
                    subject(check),
                    self.msg(&check.summary)
                );
            }
            out.push('\n');
        }
    }

    fn check(&self, report: &Report, check: &CheckResult, out: &mut String) {
        let _ = writeln!(
            out,
            "### {} {}: {}{}\n",
            symbol(check.status),
            self.key(check.status.key()),
            escape(&check_label(self.lang, &check.id)),
            subject(check)
        );
        let _ = writeln!(out, "{}\n", self.msg(&check.summary));
        let Some(e) = &check.explanation else {
            return;
        };
        self.explanation(report, e, out);
    }

    fn explanation(&self, report: &Report, e: &Explanation, out: &mut String) {
        if !e.found.is_empty() {
            let _ = writeln!(out, "**{}**\n", self.key("export-found"));
            for m in &e.found {
                let _ = writeln!(out, "- {}", self.msg(m));
            }
            out.push('\n');
        }
        if let Some(why) = &e.why {
            let _ = writeln!(out, "**{}**\n\n{}\n", self.key("export-why"), self.msg(why));
        }
        if !e.fix.is_empty() {
            let _ = writeln!(out, "**{}**\n", self.key("export-fix"));
            for (i, m) in e.fix.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", i + 1, self.msg(m));
            }
            out.push('\n');
        }
        // One block per place, so each says where its records go.
        let mut by_place: Vec<(crate::report::FixPlace, Vec<&crate::report::FixRecord>)> =
            Vec::new();
        for r in &e.records {
            match by_place.iter_mut().find(|(p, _)| *p == r.place) {
                Some((_, rs)) => rs.push(r),
                None => by_place.push((r.place, vec![r])),
            }
        }
        for (place, records) in &by_place {
            let _ = writeln!(
                out,
                "**{}** {}\n",
                self.key("export-records"),
                self.msg(&place_message(*place, report.dns_host.as_ref()))
            );
            let body: String = records
                .iter()
                .map(|r| format!("{}\n", super::one_line(&r.record)))
                .collect();
            out.push_str(&fenced(&body, "zone"));
            if records.iter().any(|r| r.replaces) {
                let _ = writeln!(out, "\n{}", self.key("export-record-replaces"));
            }
            out.push('\n');
        }
        if !e.references.is_empty() {
            let _ = writeln!(out, "**{}**\n", self.key("export-references"));
            for r in &e.references {
                let _ = writeln!(out, "- {}", link(&r.title, &r.url));
            }
            out.push('\n');
        }
    }

    fn queries(&self, report: &Report, out: &mut String) {
        let q = &report.queries;
        let _ = writeln!(out, "## {}\n", self.key("export-queries-heading"));
        let mut resolvers: Vec<&str> = Vec::new();
        for entry in q {
            let label = resolver_label(&entry.resolver);
            if !resolvers.contains(&label) {
                resolvers.push(label);
            }
        }
        let wall = q
            .iter()
            .map(|e| e.started_ms + e.duration_ms)
            .max()
            .unwrap_or(0);
        let mut outcomes: BTreeMap<&str, usize> = BTreeMap::new();
        for e in q {
            let kind = if e.error {
                "errors"
            } else if e.outcome == "NXDOMAIN" {
                "nxdomain"
            } else if e.outcome == "NODATA" {
                "nodata"
            } else {
                "records"
            };
            *outcomes.entry(kind).or_default() += 1;
        }
        let count = |k: &str| outcomes.get(k).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "{}\n",
            self.msg(
                &Message::new("export-queries-summary")
                    .arg("count", q.len())
                    .arg("resolvers", resolvers.join(", "))
                    .arg("ms", wall)
            )
        );
        let _ = writeln!(
            out,
            "{}\n",
            self.msg(
                &Message::new("export-queries-outcomes")
                    .arg("records", count("records"))
                    .arg("nodata", count("nodata"))
                    .arg("nxdomain", count("nxdomain"))
                    .arg("errors", count("errors"))
            )
        );
        let failed: Vec<_> = q.iter().filter(|e| e.error).collect();
        if !failed.is_empty() {
            let _ = writeln!(out, "{}\n", self.key("export-queries-failed"));
            for e in failed {
                let _ = writeln!(
                    out,
                    "- {} {}: {}",
                    code(&e.name),
                    code(&e.rtype.to_string()),
                    code(&e.outcome)
                );
            }
            out.push('\n');
        }
    }
}

/// `message` with every non-numeric argument replaced by a numbered marker whose
/// value is pushed to `values`. Numbers stay, so plural selection still sees them.
fn shield(message: &Message, values: &mut Vec<String>) -> Message {
    let mut out = Message::new(message.key.clone());
    for (name, value) in &message.args {
        let numeric = !value.is_empty() && value.chars().all(|c| c.is_ascii_digit());
        if numeric {
            out = out.arg(name, value);
        } else {
            values.push(value.clone());
            out = out.arg(name, format!("{OPEN}{}{CLOSE}", values.len() - 1));
        }
    }
    for (name, nested) in &message.nested {
        out = out.arg_msg(name, shield(nested, values));
    }
    out
}

fn status_value(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Warn => "warn",
        Status::Fail => "fail",
        Status::Unknown => "unknown",
        Status::Info => "info",
    }
}

/// A status mark that reads without colour: the word follows it.
fn symbol(status: Status) -> &'static str {
    match status {
        Status::Fail => "✗",
        Status::Warn => "⚠",
        Status::Unknown => "?",
        Status::Info => "ℹ",
        Status::Pass => "✓",
    }
}

fn subject(check: &CheckResult) -> String {
    check
        .subject
        .as_deref()
        .map(|s| format!(" — {}", code(s)))
        .unwrap_or_default()
}

/// Catalogue text made inert: Markdown punctuation backslash-escaped (CommonMark
/// escapes any ASCII punctuation), line breaks folded, and a line-start marker
/// (`-`, `+`, `=`, `1.`) escaped so the text cannot open a list or heading.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// `value` as an inline code span: shown literally, never parsed as Markdown or HTML.
pub(crate) fn code(value: &str) -> String {
    let value: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if value.trim().is_empty() {
        return "`\"\"`".to_owned();
    }
    let fence = "`".repeat(longest_run(&value, '`') + 1);
    let pad = if value.starts_with('`') || value.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{value}{pad}{fence}")
}

/// A fenced code block whose fence no line of `body` can close.
fn fenced(body: &str, info: &str) -> String {
    let fence = "`".repeat(longest_run(body, '`').max(2) + 1);
    let body = body.trim_end_matches('\n');
    format!("{fence}{info}\n{body}\n{fence}\n")
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// A reference link; anything but a plain http(s) URL is shown as code instead.
fn link(title: &str, url: &str) -> String {
    let plain = (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '`'));
    if plain {
        format!("[{}](<{url}>)", escape(title))
    } else {
        format!("{} {}", escape(title), code(url))
    }
}

/// A resolver URL's host, without credentials, path or query.
fn resolver_label(url: &str) -> &str {
    url.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(rest))
        .map(|authority| authority.rsplit('@').next().unwrap_or(authority))
        .filter(|host| !host.is_empty())
        .unwrap_or(url)
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
