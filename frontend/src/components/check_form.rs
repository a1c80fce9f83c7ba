//! The form: domain, sending server, DKIM selectors, HELO, resolver.

use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::Field;
use yew::prelude::*;

use super::dqs_field::DqsField;
use super::message_field::MessageField;
use super::resolver_field::ResolverField;
use super::text_field::TextField;
use crate::present::t;
use crate::state::{Action, FieldError, Form, ServerProbe};

/// Properties of [`CheckForm`].
#[derive(Properties, PartialEq)]
pub struct CheckFormProps {
    /// The language.
    pub lang: Lang,
    /// The form's contents.
    pub form: Form,
    /// Problems found at the last submit.
    pub errors: Vec<FieldError>,
    /// The Spamhaus DQS key as typed.
    pub dqs_key: AttrValue,
    /// What served the page.
    pub server: ServerProbe,
    /// Whether a run is in flight.
    pub running: bool,
    /// Called with each edit.
    pub on_action: Callback<Action>,
    /// Called on submit.
    pub on_submit: Callback<()>,
}

fn messages(errors: &[FieldError], field: &str) -> Vec<Message> {
    errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message.clone())
        .collect()
}

/// `#check-form`.
#[component]
pub fn CheckForm(props: &CheckFormProps) -> Html {
    let lang = props.lang;
    let on_edit = props
        .on_action
        .reform(|(field, text): (Field, String)| Action::Edit(field, text));
    let onsubmit = {
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_submit.emit(());
        })
    };
    // Shown while typing, from the engine's input check: they never stop a run.
    let warnings = props.form.raw.warnings();
    let field = |field: Field, required: bool, inputmode: &'static str| {
        html! {
            <TextField
                {field}
                {lang}
                value={props.form.field(field).to_owned()}
                errors={messages(&props.errors, field.key())}
                warnings={warnings
                    .iter()
                    .filter(|w| w.field == field)
                    .map(|w| FieldError::from_input(w).message)
                    .collect::<Vec<Message>>()}
                {required}
                inputmode={inputmode}
                on_edit={on_edit.clone()}
            />
        }
    };
    html! {
        <form id="check-form" class="card check-form" novalidate=true {onsubmit}>
            { field(Field::Domain, true, "url") }
            <fieldset class="group">
                <legend>{ t(lang, "ui-legend-server") }</legend>
                <p class="hint">{ t(lang, "ui-hint-server") }</p>
                { field(Field::Ips, false, "text") }
                { field(Field::Host, false, "url") }
                { field(Field::Helo, false, "url") }
            </fieldset>
            { field(Field::Selectors, false, "text") }
            <MessageField
                {lang}
                value={props.form.field(Field::Message).to_owned()}
                errors={messages(&props.errors, Field::Message.key())}
                on_edit={on_edit.clone()}
            />
            <ResolverField
                {lang}
                resolver={props.form.resolver}
                url={props.form.resolver_url.clone()}
                server={props.server.clone()}
                errors={messages(&props.errors, "resolver-url")}
                on_action={props.on_action.clone()}
            />
            <DqsField
                {lang}
                value={props.dqs_key.clone()}
                errors={messages(&props.errors, "dqs-key")}
                on_action={props.on_action.clone()}
            />
            <div class="actions">
                <button id="submit" type="submit" class="button-primary">
                    { t(lang, if props.running { "ui-submit-again" } else { "ui-submit" }) }
                </button>
            </div>
        </form>
    }
}
