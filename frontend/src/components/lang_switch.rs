//! The language switch (`<select id="lang">`).

use inboxable_core::i18n::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::present::t;

/// Properties of [`LangSwitch`].
#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    /// The current language.
    pub lang: Lang,
    /// Called with the chosen language.
    pub on_change: Callback<Lang>,
}

/// A select listing each language in its own name.
#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let select = use_node_ref();
    {
        // A select's shown option is a property, not an attribute: keep it in step.
        let select = select.clone();
        use_effect_with(props.lang, move |lang| {
            if let Some(el) = select.cast::<HtmlSelectElement>() {
                el.set_value(lang.code());
            }
        });
    }
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(lang) = Lang::from_tag(&value) {
                on_change.emit(lang);
            }
        })
    };
    html! {
        <div class="lang-switch">
            <label for="lang">{ t(props.lang, "ui-lang-label") }</label>
            <select id="lang" ref={select} {onchange}>
                { for Lang::ALL.iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={*l == props.lang}>
                        { t(*l, "ui-lang-name") }
                    </option>
                }) }
            </select>
        </div>
    }
}
