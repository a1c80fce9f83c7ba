//! One check result as a card: status badge, label, subject, summary, and for every
//! non-pass result the explanation (found, why, how to fix with copyable records,
//! references).

use inboxable_core::i18n::Lang;
use inboxable_core::report::{CheckResult, Explanation, FixRecord, Status};
use yew::prelude::*;

use super::check_visuals::visual;
use super::copy_button::CopyButton;
use crate::present::{card_anchor, check_label, place_key, status_value, t};
use crate::shared::Shared;

/// Properties of [`CheckCard`].
#[derive(Properties, PartialEq)]
pub struct CheckCardProps {
    /// The language.
    pub lang: Lang,
    /// The result.
    pub check: Shared<CheckResult>,
}

/// The status badge: an icon and the status word (never colour alone).
pub fn badge(lang: Lang, status: Status) -> Html {
    let icon = match status {
        Status::Pass => "✓",
        Status::Warn => "!",
        Status::Fail => "✗",
        Status::Unknown => "?",
        Status::Info => "i",
    };
    html! {
        <span class={classes!("badge", format!("badge-{}", status_value(status)))}>
            <span class="badge-icon" aria-hidden="true">{ icon }</span>
            { t(lang, status.key()) }
        </span>
    }
}

/// `article.check[data-id][data-status][data-subject]`.
#[component]
pub fn CheckCard(props: &CheckCardProps) -> Html {
    let lang = props.lang;
    let check = &props.check;
    let status = status_value(check.status);
    let label = check_label(lang, &check.id);
    let explanation = check
        .explanation
        .as_ref()
        .filter(|_| check.status != Status::Pass);
    html! {
        <article
            id={card_anchor(&check.id, check.subject.as_deref())}
            class={classes!("check", format!("check-{status}"))}
            data-id={check.id.clone()}
            data-status={status}
            data-subject={check.subject.clone()}
        >
            <header class="check-head">
                { badge(lang, check.status) }
                <h4 class="check-label">{ label }</h4>
                if let Some(subject) = &check.subject {
                    <code class="check-subject">{ subject.clone() }</code>
                }
            </header>
            if check.status == Status::Unknown {
                <p class="unknown-note">{ t(lang, "ui-card-unknown") }</p>
            }
            <p class="check-summary">{ check.summary.render(lang) }</p>
            { visual(lang, check) }
            if let Some(e) = explanation {
                { explain(lang, e) }
            }
        </article>
    }
}

fn explain(lang: Lang, e: &Explanation) -> Html {
    html! {
        <details class="explain">
            <summary>{ t(lang, "ui-card-explain") }</summary>
            if !e.found.is_empty() {
                <h5>{ t(lang, "ui-card-found") }</h5>
                <ul class="found">
                    { for e.found.iter().map(|m| html! { <li>{ m.render(lang) }</li> }) }
                </ul>
            }
            if let Some(why) = &e.why {
                <h5>{ t(lang, "ui-card-why") }</h5>
                <p class="why">{ why.render(lang) }</p>
            }
            if !e.fix.is_empty() || !e.records.is_empty() {
                <h5>{ t(lang, "ui-card-fix") }</h5>
                if !e.fix.is_empty() {
                    <ol class="fix-steps">
                        { for e.fix.iter().map(|m| html! { <li>{ m.render(lang) }</li> }) }
                    </ol>
                }
                { for e.records.iter().map(|r| record(lang, r)) }
            }
            if !e.references.is_empty() {
                <h5>{ t(lang, "ui-card-references") }</h5>
                <ul class="references">
                    { for e.references.iter().map(|r| html! {
                        <li>
                            <a href={r.url.clone()} target="_blank" rel="noopener noreferrer">
                                { r.title.clone() }
                            </a>
                        </li>
                    }) }
                </ul>
            }
        </details>
    }
}

/// One record to publish: where, the zone-file line, a Copy button.
pub fn record(lang: Lang, r: &FixRecord) -> Html {
    html! {
        <div class="record-block">
            <p class="record-place">{ t(lang, place_key(r.place)) }</p>
            if r.replaces {
                <p class="record-replaces">{ t(lang, "ui-fix-replaces") }</p>
            }
            <pre class="fix-record"><code>{ r.record.clone() }</code></pre>
            <CopyButton {lang} text={r.record.clone()} label={t(lang, "ui-copy-record")} />
        </div>
    }
}
