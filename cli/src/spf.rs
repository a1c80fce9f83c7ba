//! `inboxable spf`: one SPF `check_host()` evaluation with its figures and trace.

use std::fmt::Write as _;

use inboxable_core::i18n::{Lang, Message};
use inboxable_core::spf::{Evaluation, TraceNode};

/// Labels of the text output (catalogue keys of `ui.ftl`).
fn label(lang: Lang, key: &str) -> String {
    Message::new(key).render(lang)
}

/// The evaluation as text.
pub fn text(eval: &Evaluation, lang: Lang) -> String {
    let c = &eval.check;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "check_host({}, {}) = {}",
        c.ip,
        c.domain,
        c.result.as_str()
    );
    if let Some(problem) = &c.problem {
        let _ = writeln!(out, "  {}", problem.message().render(lang));
    }
    if let Some(exp) = &c.explanation {
        let _ = writeln!(out, "{}: {exp}", label(lang, "ui-spf-explanation"));
    }
    let _ = writeln!(out, "{}: {} / 10", label(lang, "ui-spf-lookups"), c.lookups);
    let _ = writeln!(
        out,
        "{}: {} / 10",
        label(lang, "ui-spf-lookups-total"),
        eval.lookups_total
    );
    let _ = writeln!(
        out,
        "{}: {} / 2",
        label(lang, "ui-spf-void-lookups"),
        c.void_lookups
    );
    if !c.decided_by.is_empty() {
        let path: Vec<String> = c
            .decided_by
            .iter()
            .map(|d| format!("{} ({})", d.term, d.domain))
            .collect();
        let _ = writeln!(
            out,
            "{}: {}",
            label(lang, "ui-spf-decided-by"),
            path.join(" → ")
        );
    }
    let _ = writeln!(out, "{}:", label(lang, "ui-spf-trace"));
    node(&mut out, &c.trace, 1);
    out
}

fn node(out: &mut String, n: &TraceNode, depth: usize) {
    let pad = "  ".repeat(depth);
    let record = n.record.as_deref().unwrap_or("—");
    let _ = writeln!(
        out,
        "{pad}{}  \"{record}\"  [{} / {}]",
        n.domain, n.lookups, n.lookups_total
    );
    for t in &n.terms {
        let mut flags = Vec::new();
        if t.lookup {
            flags.push("lookup");
        }
        if t.void {
            flags.push("void");
        }
        if t.decided {
            flags.push("◀ decided");
        }
        let _ = writeln!(
            out,
            "{pad}  {}{}",
            t.term,
            if flags.is_empty() {
                String::new()
            } else {
                format!("  ({})", flags.join(", "))
            }
        );
        if let Some(child) = &t.child {
            node(out, child, depth + 2);
        }
    }
}
