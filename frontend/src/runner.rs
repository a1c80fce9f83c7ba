//! Starting a check run: validate the form, build the resolver, run the engine and
//! feed its facts and queries back into the state as they arrive.

use std::cell::Cell;

use inboxable_core::run::run;
use yew::UseReducerDispatcher;

use crate::browser;
use crate::link;
use crate::state::{Action, QUERY_TIMEOUT_MS, State};

thread_local! {
    static NEXT_RUN: Cell<u64> = const { Cell::new(1) };
}

/// Checks the form in `state` and, when it is valid, starts a run; otherwise shows the
/// problems under their fields.
pub fn launch(state: &State, dispatcher: UseReducerDispatcher<State>) {
    let (input, choice) = match state.form.check(&state.server) {
        Ok(checked) => checked,
        Err(errors) => {
            dispatcher.dispatch(Action::Rejected(errors));
            return;
        }
    };
    let id = NEXT_RUN.with(|n| n.replace(n.get() + 1));
    let query = link::to_query(
        &input,
        state.form.resolver,
        &state.form.resolver_url,
        state.lang,
    );
    dispatcher.dispatch(Action::Started {
        id,
        input: input.clone(),
    });

    let resolver = choice.build(QUERY_TIMEOUT_MS);
    let on_query = dispatcher.clone();
    resolver.set_observer(move |entry| on_query.dispatch(Action::Query(id, entry.clone())));
    yew::platform::spawn_local(async move {
        let on_fact = dispatcher.clone();
        let report = run(&input, &resolver, &|fact| {
            on_fact.dispatch(Action::Fact(id, fact.clone()));
        })
        .await;
        dispatcher.dispatch(Action::Finished(id, report.verdict));
        // The address bar now holds a link that re-runs this check, unless a newer
        // run has started meanwhile.
        if NEXT_RUN.with(Cell::get) == id + 1 {
            browser::replace_query(&query);
        }
    });
}
