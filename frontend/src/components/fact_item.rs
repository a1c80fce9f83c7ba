//! One DNS fact: its title, and its records or why there are none.

use inboxable_core::facts::{Fact, FactValue};
use inboxable_core::i18n::{self, Lang};
use yew::prelude::*;

use crate::present::{kind_name, lookup_reason, outcome, t};
use crate::shared::Shared;

/// Properties of [`FactItem`].
#[derive(Properties, PartialEq)]
pub struct FactItemProps {
    /// The language.
    pub lang: Lang,
    /// The fact.
    pub fact: Shared<Fact>,
}

/// `.fact` with `data-kind`, `data-name`, `data-outcome`; values in `.fact-value`.
///
/// DNS data is attacker-controlled text: it is only ever rendered as text nodes,
/// which Yew escapes, never as markup.
#[component]
pub fn FactItem(props: &FactItemProps) -> Html {
    let lang = props.lang;
    let fact = &props.fact;
    let outcome = outcome(&fact.value);
    let (badge, body) = match &fact.value {
        FactValue::Records { values } => (
            i18n::text(
                lang,
                "ui-badge-records",
                &[("count", &values.len().to_string())],
            ),
            html! {
                <ul class="fact-values">
                    { for values.iter().map(|v| html! {
                        <li><code class="fact-value">{ v.clone() }</code></li>
                    }) }
                </ul>
            },
        ),
        FactValue::Nxdomain => (
            t(lang, "ui-badge-nxdomain"),
            html! { <p class="fact-note">{ t(lang, "fact-nxdomain") }</p> },
        ),
        FactValue::Nodata => (
            t(lang, "ui-badge-nodata"),
            html! { <p class="fact-note">{ t(lang, "fact-nodata") }</p> },
        ),
        FactValue::Error { error } => (
            t(lang, "status-unknown"),
            html! {
                <p class="fact-note fact-error-reason">
                    { i18n::text(lang, "fact-error", &[("reason", &lookup_reason(lang, error))]) }
                </p>
            },
        ),
    };
    html! {
        <li
            class={classes!("fact", format!("fact-{outcome}"))}
            data-kind={kind_name(fact.kind)}
            data-name={fact.name.clone()}
            data-outcome={outcome}
        >
            <div class="fact-head">
                <h4 class="fact-title">{ fact.title().render(lang) }</h4>
                <span class={classes!("badge", format!("badge-{outcome}"))}>
                    <span class="rtype">{ fact.rtype.to_string() }</span>
                    { " · " }
                    { badge }
                </span>
            </div>
            { body }
        </li>
    }
}
