//! The page: header with the language switch, the form, the results.

use inboxable_core::i18n::Lang;
use yew::prelude::*;

use super::cannot_check::CannotCheck;
use super::check_form::CheckForm;
use super::lang_switch::LangSwitch;
use super::results::Results;
use crate::browser;
use crate::hooks::{use_autorun, use_document_language, use_server_probe};
use crate::link;
use crate::present::t;
use crate::runner;
use crate::state::{Action, State};

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State {
        // The key lives in this browser's storage only, never in the link.
        dqs_key: browser::load_dqs_key(),
        ..State::new(
            browser::browser_lang(),
            link::parse_query(&browser::query_string()),
        )
    });
    use_document_language(state.lang);
    use_server_probe(state.dispatcher());
    use_autorun(state.clone());

    let lang = state.lang;
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let on_lang = {
        let dispatcher = state.dispatcher();
        Callback::from(move |lang: Lang| {
            dispatcher.dispatch(Action::SetLang(lang));
            browser::replace_query(&link::with_lang(&browser::query_string(), lang));
        })
    };
    let on_submit = {
        let state = state.clone();
        Callback::from(move |()| runner::launch(&state, state.dispatcher()))
    };

    html! {
        <>
            <header class="site-header">
                <div class="wrap header-row">
                    <div class="brand">
                        <p class="brand-name">{ t(lang, "ui-title") }</p>
                        <p class="tagline">{ t(lang, "ui-tagline") }</p>
                    </div>
                    <LangSwitch {lang} on_change={on_lang} />
                </div>
            </header>
            <main class="wrap">
                <h1 class="page-heading">{ t(lang, "ui-heading") }</h1>
                <p class="intro">{ t(lang, "ui-intro") }</p>
                <CheckForm
                    {lang}
                    form={state.form.clone()}
                    errors={state.errors.clone()}
                    dqs_key={state.dqs_key.clone()}
                    server={state.server.clone()}
                    running={state.phase == crate::state::Phase::Running}
                    {on_action}
                    {on_submit}
                />
                <Results {lang} phase={state.phase} run={state.run.clone()} />
                <CannotCheck {lang} />
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{ t(lang, "ui-footer-privacy") }</p>
                </div>
            </footer>
        </>
    }
}
