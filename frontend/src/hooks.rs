//! The page's hooks: effects that connect the state to the browser.

use inboxable_core::i18n::Lang;
use yew::prelude::*;

use crate::browser;
use crate::present::t;
use crate::runner;
use crate::state::{Action, ServerProbe, State};

/// Keeps `<html lang>` and the title in the page's language.
#[hook]
pub fn use_document_language(lang: Lang) {
    use_effect_with(lang, |lang| {
        browser::set_document_language(*lang, &t(*lang, "ui-document-title"));
    });
}

/// Asks `./info` once whether an `inboxable-doh` backend served the page.
#[hook]
pub fn use_server_probe(dispatcher: UseReducerDispatcher<State>) {
    use_effect_with((), move |()| {
        yew::platform::spawn_local(async move {
            let found = browser::probe_server().await;
            dispatcher.dispatch(Action::ServerProbed(found));
        });
    });
}

/// Runs the check a link asked for, once the resolver to use is known.
#[hook]
pub fn use_autorun(state: UseReducerHandle<State>) {
    let ready = state.autorun && state.server != ServerProbe::Pending;
    use_effect_with(ready, move |ready| {
        if *ready {
            state.dispatch(Action::AutorunTaken);
            runner::launch(&state, state.dispatcher());
        }
    });
}

/// Opens every closed disclosure while the page prints (Ctrl+P as well as the Print
/// button), so a printed report holds every explanation and record.
#[hook]
pub fn use_print_expansion() {
    use_effect_with((), |()| browser::watch_print());
}
