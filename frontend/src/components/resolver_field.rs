//! The resolver choice: this server, public resolvers, or a custom DoH URL.

use inboxable_core::i18n::{self, Lang, Message};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::field_errors::FieldErrors;
use crate::present::t;
use crate::state::{Action, ResolverKind, ServerProbe};

/// Properties of [`ResolverField`].
#[derive(Properties, PartialEq)]
pub struct ResolverFieldProps {
    /// The language.
    pub lang: Lang,
    /// The chosen option.
    pub resolver: ResolverKind,
    /// The custom URL.
    pub url: AttrValue,
    /// Whether the page's server is an `inboxable-doh` backend.
    pub server: ServerProbe,
    /// Problems with the custom URL.
    pub errors: Vec<Message>,
    /// Called with the change.
    pub on_action: Callback<Action>,
}

/// `<select id="resolver">` and, for a custom resolver, `#resolver-url`.
#[component]
pub fn ResolverField(props: &ResolverFieldProps) -> Html {
    let lang = props.lang;
    let select = use_node_ref();
    {
        let select = select.clone();
        let value = props.resolver.value();
        use_effect_with((value, props.server.clone()), move |(value, _)| {
            if let Some(el) = select.cast::<HtmlSelectElement>() {
                el.set_value(value);
            }
        });
    }
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(kind) = ResolverKind::from_value(&value) {
                on_action.emit(Action::SetResolver(kind));
            }
        })
    };
    let oninput = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            on_action.emit(Action::SetResolverUrl(value));
        })
    };
    let this_url = match &props.server {
        ServerProbe::Found(url) => Some(url.clone()),
        _ => None,
    };
    let options = ResolverKind::ALL
        .into_iter()
        .filter(|k| *k != ResolverKind::This || this_url.is_some());
    let hint = match (props.resolver, &this_url) {
        (ResolverKind::This, Some(url)) => {
            i18n::text(lang, "ui-hint-resolver-this", &[("url", url)])
        }
        (ResolverKind::Custom, _) => t(lang, "ui-hint-resolver-custom"),
        _ => t(lang, "ui-hint-resolver"),
    };
    let url_invalid = !props.errors.is_empty();
    html! {
        <div class="field" data-field="resolver">
            <label for="resolver">{ t(lang, "ui-resolver-label") }</label>
            <select id="resolver" name="resolver" ref={select} aria-describedby="resolver-hint" {onchange}>
                { for options.map(|k| html! {
                    <option value={k.value()} selected={k == props.resolver}>{ t(lang, k.key()) }</option>
                }) }
            </select>
            <p id="resolver-hint" class="hint">{ hint }</p>
            if props.resolver == ResolverKind::Custom {
                <div class={classes!("field", "field-nested", url_invalid.then_some("field-invalid"))} data-field="resolver-url">
                    <label for="resolver-url">{ t(lang, "ui-resolver-url-label") }</label>
                    <input
                        id="resolver-url"
                        name="resolver-url"
                        type="url"
                        inputmode="url"
                        value={props.url.clone()}
                        placeholder={t(lang, "ui-placeholder-resolver-url")}
                        autocomplete="off"
                        autocapitalize="none"
                        spellcheck="false"
                        aria-invalid={url_invalid.then_some("true")}
                        aria-describedby={url_invalid.then_some("resolver-url-error")}
                        {oninput}
                    />
                    <FieldErrors id="resolver-url-error" {lang} messages={props.errors.clone()} />
                </div>
            }
        </div>
    }
}
