//! A provider checklist inside its card: each published requirement with its state,
//! who it applies to, and links to the cards of the checks that decided it. Items
//! DNS cannot decide are shown as such, never as met.

use inboxable_core::i18n::Lang;
use inboxable_core::provider::item_views;
use inboxable_core::report::CheckResult;
use yew::prelude::*;

use crate::present::{card_anchor, check_label, t};

/// `ol.provider-items > li[data-item][data-status][data-scope]`.
pub fn checklist(lang: Lang, check: &CheckResult) -> Html {
    let items = item_views(check);
    if items.is_empty() {
        return Html::default();
    }
    let icon = |status: &str| match status {
        "pass" => "✓",
        "warn" => "!",
        "fail" => "✗",
        "unknown" => "?",
        _ => "–",
    };
    html! {
        <ol class="provider-items">
            { for items.into_iter().map(|item| {
                let scope = if item.scope.key.ends_with("bulk") { "bulk" } else { "all" };
                html! {
                    <li
                        class={classes!("provider-item", format!("provider-item-{}", item.status))}
                        data-item={item.item.clone()}
                        data-status={item.status.clone()}
                        data-scope={scope}
                    >
                        <span class={classes!("badge", format!("badge-{}", item.status))}>
                            <span class="badge-icon" aria-hidden="true">{ icon(item.status.as_str()) }</span>
                            { item.state.render(lang) }
                        </span>
                        <span class="provider-item-text">{ item.text.render(lang) }</span>
                        <span class="provider-item-scope">{ format!(" ({})", item.scope.render(lang)) }</span>
                        if !item.decided_by.is_empty() {
                            <span class="provider-item-links">
                                { format!(" {} ", t(lang, "provider-decided-by")) }
                                { for item.decided_by.iter().map(|(id, subject)| {
                                    let href = format!("#{}", card_anchor(id, subject.as_deref()));
                                    let label = match subject {
                                        Some(s) => format!("{} ({s})", check_label(lang, id)),
                                        None => check_label(lang, id),
                                    };
                                    html! { <a class="provider-item-link" href={href}>{ label }</a> }
                                }) }
                            </span>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
