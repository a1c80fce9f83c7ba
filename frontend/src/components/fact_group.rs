//! One group of facts: the domain, the mail exchangers, or the sending server.

use inboxable_core::facts::Fact;
use inboxable_core::i18n::Lang;
use yew::prelude::*;

use super::fact_item::FactItem;
use crate::present::{Group, kind_name, t};
use crate::shared::Shared;

/// Properties of [`FactGroup`].
#[derive(Properties, PartialEq)]
pub struct FactGroupProps {
    /// The language.
    pub lang: Lang,
    /// Which group.
    pub group: Group,
    /// Its facts, in display order.
    pub facts: Vec<Shared<Fact>>,
    /// A sentence above the facts (where the sending IPs came from).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Whether more facts may still arrive.
    pub running: bool,
}

/// A titled list of `.fact` elements.
#[component]
pub fn FactGroup(props: &FactGroupProps) -> Html {
    let lang = props.lang;
    let heading_id = format!("group-{}", props.group.value());
    let empty = if props.running {
        "ui-group-waiting"
    } else {
        "ui-group-empty"
    };
    html! {
        <section class="fact-group card" data-group={props.group.value()} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ t(lang, props.group.key()) }</h3>
            if let Some(note) = &props.note {
                <p class="group-note">{ note.clone() }</p>
            }
            if props.facts.is_empty() {
                <p class="group-empty">{ t(lang, empty) }</p>
            } else {
                <ul class="facts">
                    { for props.facts.iter().map(|fact| {
                        let key = format!(
                            "{}|{}|{}",
                            kind_name(fact.kind),
                            fact.name,
                            fact.ip.map(|ip| ip.to_string()).unwrap_or_default()
                        );
                        html! { <FactItem {key} {lang} fact={fact.clone()} /> }
                    }) }
                </ul>
            }
        </section>
    }
}
