//! The page: header with the language switch, the form, the results.

use inboxable_core::i18n::Lang;
use yew::prelude::*;

use super::cannot_check::CannotCheck;
use super::check_form::CheckForm;
use super::lang_switch::LangSwitch;
use super::results::Results;
use crate::browser;
use crate::hooks::{use_autorun, use_document_language, use_print_expansion, use_server_probe};
use crate::link;
use crate::present::t;
use crate::runner;
use crate::snapshot::{self, Snapshot};
use crate::state::{Action, State};

/// The state the page opens in: a snapshot link's report, or the form filled from
/// the query string (a run starts once the resolver is known).
fn initial_state() -> State {
    let query = link::parse_query(&browser::query_string());
    let query_lang = query.lang;
    let state = State {
        // The key lives in this browser's storage only, never in the link.
        dqs_key: browser::load_dqs_key(),
        ..State::new(browser::browser_lang(), query)
    };
    let hash = browser::location_hash();
    let Some(value) = snapshot::from_hash(&hash) else {
        return state;
    };
    let mut state = match Snapshot::decode(value) {
        Ok(snapshot) => state.with(Action::LoadSnapshot(Box::new(snapshot))),
        Err(error) => state.with(Action::SnapshotBroken(error)),
    };
    // A language chosen on the snapshot page itself (`?lang=` next to the fragment).
    if let Some(lang) = query_lang {
        state.lang = lang;
    }
    state
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    use_document_language(state.lang);
    use_print_expansion();
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
            // The fragment (a snapshot) stays: the language is the reader's choice.
            browser::replace_url(
                &link::with_lang(&browser::query_string(), lang),
                &browser::location_hash(),
            );
        })
    };
    let on_submit = {
        let state = state.clone();
        Callback::from(move |()| runner::launch(&state, state.dispatcher()))
    };
    let on_rerun = {
        let state = state.clone();
        Callback::from(move |()| {
            // The address bar becomes the inputs link: reloading re-runs, and the
            // snapshot is no longer what the page shows.
            if let Some(run) = &state.run {
                browser::replace_query(&run.query);
            }
            runner::launch(&state, state.dispatcher());
        })
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
                if let Some(error) = state.snapshot_error {
                    <p id="snapshot-error" class="notice notice-error" role="alert">
                        { t(lang, error.key()) }
                    </p>
                }
                <Results
                    {lang}
                    phase={state.phase}
                    run={state.run.clone()}
                    snapshot={state.snapshot.clone()}
                    {on_rerun}
                />
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
