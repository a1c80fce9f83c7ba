//! The problems of one form field, under it.

use inboxable_core::i18n::{Lang, Message};
use yew::prelude::*;

/// Properties of [`FieldErrors`].
#[derive(Properties, PartialEq)]
pub struct FieldErrorsProps {
    /// The element id, referenced by the input's `aria-describedby`.
    pub id: AttrValue,
    /// The language.
    pub lang: Lang,
    /// What is wrong.
    pub messages: Vec<Message>,
}

/// One `.field-error` per problem; nothing when there is none.
#[component]
pub fn FieldErrors(props: &FieldErrorsProps) -> Html {
    if props.messages.is_empty() {
        return html! {};
    }
    html! {
        <div id={props.id.clone()} class="field-errors">
            { for props.messages.iter().map(|m| html! {
                <p class="field-error">{ m.render(props.lang) }</p>
            }) }
        </div>
    }
}
