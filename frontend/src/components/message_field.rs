//! The "pasted message or headers" text area. Its text stays in the page: it is
//! never written to the share link (`link.rs` carries only the short fields), and the
//! field says so.

use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::Field;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::field_errors::FieldErrors;
use crate::present::t;

/// Properties of [`MessageField`].
#[derive(Properties, PartialEq)]
pub struct MessageFieldProps {
    /// The language.
    pub lang: Lang,
    /// The pasted text.
    pub value: AttrValue,
    /// Problems found at the last submit.
    pub errors: Vec<Message>,
    /// Called with the new text on every edit.
    pub on_edit: Callback<(Field, String)>,
}

/// `#message`: a label, the text area, how to get the source, and the privacy note.
#[component]
pub fn MessageField(props: &MessageFieldProps) -> Html {
    let lang = props.lang;
    let invalid = !props.errors.is_empty();
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            on_edit.emit((
                Field::Message,
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ));
        })
    };
    html! {
        <div class={classes!("field", "field-message", invalid.then_some("field-invalid"))}
            data-field="message">
            <label for="message">{ t(lang, "message-field-label") }</label>
            <textarea
                id="message"
                name="message"
                rows="6"
                value={props.value.clone()}
                autocomplete="off"
                autocapitalize="none"
                spellcheck="false"
                aria-invalid={invalid.then_some("true")}
                aria-describedby="message-hint message-privacy message-error"
                {oninput}
            />
            <p id="message-hint" class="hint">{ t(lang, "message-field-help") }</p>
            <p id="message-privacy" class="hint message-privacy">
                { t(lang, "message-field-privacy") }
            </p>
            <FieldErrors id="message-error" {lang} messages={props.errors.clone()} />
        </div>
    }
}
