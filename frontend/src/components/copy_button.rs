//! A Copy button that puts a text on the clipboard and says so through a live region.

use inboxable_core::i18n::Lang;
use yew::prelude::*;

use crate::browser;
use crate::present::t;

/// Properties of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The language.
    pub lang: Lang,
    /// What to copy.
    pub text: AttrValue,
    /// The button's id, if it needs one.
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// What is copied, for screen readers (the button's accessible name).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    /// The button's visible text, when "Copy" alone would not say what is copied.
    #[prop_or_default]
    pub caption: Option<AttrValue>,
    /// Disabled: what it copies is not ready yet.
    #[prop_or_default]
    pub disabled: bool,
}

/// `button.copy` and its `aria-live` status.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let lang = props.lang;
    // None: not clicked; Some(true): copied; Some(false): the browser refused.
    let copied = use_state(|| None::<bool>);
    let onclick = {
        let copied = copied.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            copied.set(None);
            yew::platform::spawn_local(async move {
                copied.set(Some(browser::copy_text(&text).await));
            });
        })
    };
    let status = match *copied {
        Some(true) => t(lang, "ui-copied"),
        Some(false) => t(lang, "ui-copy-failed"),
        None => String::new(),
    };
    html! {
        <span class="copy-wrap">
            <button
                type="button"
                class="copy"
                id={props.id.clone()}
                aria-label={props.label.clone()}
                disabled={props.disabled}
                {onclick}
            >
                { props.caption.clone().unwrap_or_else(|| t(lang, "ui-copy").into()) }
            </button>
            <span class="copy-status" role="status" aria-live="polite">{ status }</span>
        </span>
    }
}
