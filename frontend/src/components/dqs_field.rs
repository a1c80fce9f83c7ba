//! The "Advanced" disclosure with the Spamhaus DQS key. The key is a secret: it is
//! kept in this browser's storage only, never in a link or an export.

use inboxable_core::i18n::{Lang, Message};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field_errors::FieldErrors;
use crate::browser;
use crate::present::t;
use crate::state::Action;

/// Properties of [`DqsField`].
#[derive(Properties, PartialEq)]
pub struct DqsFieldProps {
    /// The language.
    pub lang: Lang,
    /// The key as typed.
    pub value: AttrValue,
    /// Problems found at the last submit.
    pub errors: Vec<Message>,
    /// Called with each edit.
    pub on_action: Callback<Action>,
}

/// `details.advanced` holding `#dqs-key` (a password field).
#[component]
pub fn DqsField(props: &DqsFieldProps) -> Html {
    let lang = props.lang;
    let invalid = !props.errors.is_empty();
    let oninput = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            browser::store_dqs_key(&value);
            on_action.emit(Action::SetDqsKey(value));
        })
    };
    let described_by = if invalid {
        "dqs-key-hint dqs-key-error"
    } else {
        "dqs-key-hint"
    };
    html! {
        <details class="advanced" open={invalid || !props.value.is_empty()}>
            <summary>{ t(lang, "ui-advanced") }</summary>
            <div class={classes!("field", invalid.then_some("field-invalid"))} data-field="dqs-key">
                <label for="dqs-key">
                    { t(lang, "ui-dqs-key-label") }
                    <span class="optional">{ t(lang, "ui-optional") }</span>
                </label>
                <input
                    id="dqs-key"
                    name="dqs-key"
                    type="password"
                    value={props.value.clone()}
                    autocomplete="off"
                    autocapitalize="none"
                    spellcheck="false"
                    aria-invalid={invalid.then_some("true")}
                    aria-describedby={described_by}
                    {oninput}
                />
                <p id="dqs-key-hint" class="hint">{ t(lang, "ui-dqs-key-hint") }</p>
                <FieldErrors id="dqs-key-error" {lang} messages={props.errors.clone()} />
            </div>
        </details>
    }
}
