//! The toolbar of a finished report: copy the inputs link, copy a snapshot link,
//! download the JSON or Markdown report, print.

use std::rc::Rc;

use inboxable_core::i18n::Lang;
use yew::prelude::*;

use super::copy_button::CopyButton;
use crate::browser;
use crate::present::t;
use crate::snapshot::{KEY, Snapshot};
use crate::state::Run;

/// Compares runs by identity: the snapshot is encoded once per finished run, not on
/// every render.
#[derive(Clone)]
struct SameRun(Rc<Run>);

impl PartialEq for SameRun {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The JSON export: the bytes `inboxable check --format json` prints for the same
/// run (the same `Report::to_json`, pretty-printed, with the final newline).
pub fn json_export(run: &Run, lang: Lang) -> Option<String> {
    let report = run.report.as_ref()?;
    Some(format!(
        "{}\n",
        serde_json::to_string_pretty(&report.to_json(lang)).ok()?
    ))
}

/// The Markdown export: the engine's renderer, the same text as
/// `inboxable check --format markdown` for the same run.
pub fn markdown_export(run: &Run, lang: Lang) -> Option<String> {
    let report = run.report.as_ref()?;
    Some(inboxable_core::render::markdown(report, lang))
}

/// The snapshot fragment value of a finished run and whether it dropped the query
/// log's answers.
fn snapshot_value(run: &Run) -> Option<(String, bool)> {
    let report = run.report.as_ref()?;
    let (value, kept) = Snapshot {
        taken: run.taken.clone().unwrap_or_default(),
        link: run.query.clone(),
        note: run.resolver_note.clone(),
        answers_dropped: false,
        report: (**report).clone(),
    }
    .encode();
    Some((value, kept.answers_dropped))
}

/// `inboxable-example.com-2026-12-04.json`.
fn file_name(run: &Run, extension: &str) -> String {
    let date = run.taken.as_deref().and_then(|t| t.get(..10)).unwrap_or("");
    let stem = format!("inboxable-{}-{date}", run.input.domain);
    format!("{}.{extension}", stem.trim_end_matches('-'))
}

/// Properties of [`ReportToolbar`].
#[derive(Properties, PartialEq)]
pub struct ReportToolbarProps {
    /// The language.
    pub lang: Lang,
    /// The finished run.
    pub run: Rc<Run>,
}

/// `#report-toolbar`. Its `data-link` and `data-snapshot` hold what the copy buttons
/// copy, and the download button's `data-href` the last export's Blob URL.
#[component]
pub fn ReportToolbar(props: &ReportToolbarProps) -> Html {
    let lang = props.lang;
    // The snapshot (the whole report serialised and compressed) is encoded once per run,
    // after the finished report has been painted: encoded while rendering, it held the
    // report back from the screen for the tens of milliseconds it takes. Until it is ready
    // the toolbar has no `data-snapshot` and the copy button is disabled.
    let snapshot = use_state(|| None::<(SameRun, String, bool)>);
    {
        let snapshot = snapshot.clone();
        use_effect_with(SameRun(props.run.clone()), move |run| {
            let run = run.clone();
            browser::after_paint(move || {
                if let Some((value, dropped)) = snapshot_value(&run.0) {
                    snapshot.set(Some((run, value, dropped)));
                }
            });
        });
    }
    let json_href = use_state(|| None::<String>);
    let markdown_href = use_state(|| None::<String>);
    let run = &props.run;
    if run.report.is_none() {
        return Html::default();
    }
    // A snapshot of an earlier run is never shown for this one.
    let ready = (*snapshot)
        .as_ref()
        .filter(|(of, _, _)| Rc::ptr_eq(&of.0, run))
        .map(|(_, value, dropped)| (value.clone(), *dropped));
    let page = browser::page_url();
    let link = format!("{page}{}", run.query);
    let snapshot_link = ready
        .as_ref()
        .map(|(value, _)| format!("{page}#{KEY}={value}"));
    let answers_dropped = ready.as_ref().is_some_and(|(_, dropped)| *dropped);

    let on_json = {
        let run = run.clone();
        let json_href = json_href.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(text) = json_export(&run, lang) else {
                return;
            };
            if let Some(old) = json_href.as_deref() {
                browser::revoke(old);
            }
            let name = file_name(&run, "json");
            json_href.set(browser::download(&name, "application/json", &text));
        })
    };
    let on_markdown = {
        let run = run.clone();
        let markdown_href = markdown_href.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(text) = markdown_export(&run, lang) else {
                return;
            };
            if let Some(old) = markdown_href.as_deref() {
                browser::revoke(old);
            }
            let name = file_name(&run, "md");
            markdown_href.set(browser::download(&name, "text/markdown", &text));
        })
    };
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <section
            id="report-toolbar"
            class="toolbar"
            aria-label={t(lang, "ui-toolbar-label")}
            data-link={link.clone()}
            data-snapshot={snapshot_link.clone()}
            data-answers-dropped={ready.is_some().then_some(if answers_dropped { "true" } else { "false" })}
        >
            <div class="toolbar-buttons">
                <CopyButton {lang} id="copy-link" text={link} caption={t(lang, "ui-copy-link")} />
                <CopyButton
                    {lang}
                    id="copy-snapshot"
                    disabled={snapshot_link.is_none()}
                    text={snapshot_link.unwrap_or_default()}
                    caption={t(lang, "ui-copy-snapshot")}
                />
                <button
                    type="button"
                    id="download-json"
                    class="tool"
                    data-href={(*json_href).clone()}
                    onclick={on_json}
                >
                    { t(lang, "ui-download-json") }
                </button>
                <button
                    type="button"
                    id="download-markdown"
                    class="tool"
                    data-href={(*markdown_href).clone()}
                    onclick={on_markdown}
                >
                    { t(lang, "ui-download-markdown") }
                </button>
                <button type="button" id="print" class="tool" onclick={on_print}>
                    { t(lang, "ui-print") }
                </button>
            </div>
            <p class="hint">{ t(lang, "ui-toolbar-hint") }</p>
        </section>
    }
}
