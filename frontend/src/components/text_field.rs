//! One labelled text input of the form, with its hint and its problems.

use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::Field;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field_errors::FieldErrors;
use crate::present::t;

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The engine's field; its key is the input's id and the wrapper's `data-field`.
    pub field: Field,
    /// The language.
    pub lang: Lang,
    /// The text.
    pub value: AttrValue,
    /// Problems found at the last submit.
    pub errors: Vec<Message>,
    /// Things worth a second look in valid text (a look-alike name); never block.
    #[prop_or_default]
    pub warnings: Vec<Message>,
    /// Whether the field must be filled.
    #[prop_or_default]
    pub required: bool,
    /// The `inputmode` hint for on-screen keyboards.
    #[prop_or(AttrValue::Static("text"))]
    pub inputmode: AttrValue,
    /// Called with the new text on every edit.
    pub on_edit: Callback<(Field, String)>,
}

/// A label, an input, a hint and the field's problems.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let lang = props.lang;
    let key = props.field.key();
    let hint_id = format!("{key}-hint");
    let error_id = format!("{key}-error");
    let invalid = !props.errors.is_empty();
    let described_by = if invalid {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let oninput = {
        let on_edit = props.on_edit.clone();
        let field = props.field;
        Callback::from(move |e: InputEvent| {
            on_edit.emit((field, e.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))} data-field={key}>
            <label for={key}>
                { t(lang, &format!("input-field-{key}")) }
                if !props.required {
                    <span class="optional">{ t(lang, "ui-optional") }</span>
                }
            </label>
            <input
                id={key}
                name={key}
                type="text"
                value={props.value.clone()}
                placeholder={t(lang, &format!("ui-placeholder-{key}"))}
                inputmode={props.inputmode.clone()}
                autocomplete="off"
                autocapitalize="none"
                spellcheck="false"
                required={props.required}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described_by}
                {oninput}
            />
            <p id={hint_id} class="hint">{ t(lang, &format!("ui-hint-{key}")) }</p>
            <FieldErrors id={error_id} {lang} messages={props.errors.clone()} />
            if !props.warnings.is_empty() {
                <div class="field-warnings" role="status">
                    { for props.warnings.iter().map(|m| html! {
                        <p class="field-warning">{ m.render(lang) }</p>
                    }) }
                </div>
            }
        </div>
    }
}
