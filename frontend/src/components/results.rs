//! The results area: progress, the verdict and check cards, the facts in three
//! groups, the query log.

use std::rc::Rc;

use inboxable_core::i18n::{self, Lang};
use yew::prelude::*;

use super::fact_group::FactGroup;
use super::query_log::QueryLog;
use super::report::Report;
use super::report_toolbar::ReportToolbar;
use super::snapshot_banner::SnapshotBanner;
use crate::present::{Group, grouped, t};

use crate::state::{Phase, ResolverNote, Run, SnapshotNote};

/// Where running one's own `inboxable-doh` is explained.
const SELF_HOSTING_DOCS: &str = "https://github.com/inboxable/inboxable/blob/main/deploy/README.md";

/// Says which kind of resolver answered: blocklists refuse public resolvers.
fn resolver_note(lang: Lang, note: &ResolverNote) -> String {
    let key = format!("ui-resolver-note-{}", note.kind());
    match note {
        ResolverNote::ThisServer(mode) => i18n::text(lang, &key, &[("mode", mode)]),
        _ => t(lang, &key),
    }
}

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The language.
    pub lang: Lang,
    /// Idle, running or done.
    pub phase: Phase,
    /// The current run.
    pub run: Option<Rc<Run>>,
    /// Set when the run is a snapshot link's report.
    #[prop_or_default]
    pub snapshot: Option<SnapshotNote>,
    /// The snapshot banner's "re-run now".
    #[prop_or_default]
    pub on_rerun: Callback<()>,
}

/// `#results`, with `data-state` = `idle` | `running` | `done`.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let body = match (&props.run, props.phase) {
        (Some(run), Phase::Running | Phase::Done) => html! {
            <>
                if let Some(note) = &props.snapshot {
                    <SnapshotBanner {lang} note={note.clone()} on_rerun={props.on_rerun.clone()} />
                }
                { run_view(lang, run, props.phase) }
            </>
        },
        _ => html! { <p class="idle-note">{ t(lang, "ui-results-idle") }</p> },
    };
    html! {
        <section
            id="results"
            class="results"
            data-state={props.phase.value()}
            aria-busy={(props.phase == Phase::Running).then_some("true")}
            aria-labelledby="results-heading"
        >
            <h2 id="results-heading">{ t(lang, "ui-results-heading") }</h2>
            { body }
        </section>
    }
}

fn run_view(lang: Lang, run: &Rc<Run>, phase: Phase) -> Html {
    let done = run.queries.len().to_string();
    let failed = run.queries.iter().filter(|q| q.error).count().to_string();
    let progress = match phase {
        Phase::Done => i18n::text(
            lang,
            "ui-progress-done",
            &[("count", &done), ("failed", &failed)],
        ),
        _ => i18n::text(lang, "ui-progress-running", &[("count", &done)]),
    };
    let domain = run
        .input
        .domain_unicode
        .as_deref()
        .unwrap_or(&run.input.domain);
    let source_note = run.source.message(&run.input).render(lang);
    html! {
        <>
            <p class="checked-domain">
                { i18n::text(lang, "ui-results-for", &[("domain", domain)]) }
            </p>
            <p id="progress" class={classes!("progress", format!("progress-{}", phase.value()))} role="status" aria-live="polite">
                if phase == Phase::Running {
                    <span class="spinner" aria-hidden="true"></span>
                }
                { progress }
            </p>
            <p id="resolver-note" class="resolver-note" data-kind={run.resolver_note.kind()}>
                { resolver_note(lang, &run.resolver_note) }
                if run.resolver_note.kind() != "own" {
                    { " " }
                    <a href={SELF_HOSTING_DOCS} target="_blank" rel="noopener noreferrer">
                        { t(lang, "ui-resolver-note-self-host") }
                    </a>
                }
            </p>
            if phase == Phase::Done && run.report.is_some() {
                <ReportToolbar {lang} run={run.clone()} />
            }
            <Report {lang} checks={run.checks.clone()} verdict={run.verdict.clone()} facts={run.facts.clone()} />
            <h3 class="section-heading">{ t(lang, "report-heading-facts") }</h3>
            { for Group::ALL.into_iter().map(|group| {
                let facts: Vec<_> = grouped(&run.facts, group).into_iter().cloned().collect();
                let note = (group == Group::SendingServer).then(|| AttrValue::from(source_note.clone()));
                html! {
                    <FactGroup
                        key={group.value()}
                        {lang}
                        {group}
                        {facts}
                        {note}
                        running={phase == Phase::Running}
                    />
                }
            }) }
            <QueryLog {lang} queries={run.queries.clone()} />
        </>
    }
}
