//! Starting a check run: validate the form, build the resolver, run the engine and
//! feed its facts and queries back into the state as they arrive.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use inboxable_core::dnsbl::DnsblOptions;
use inboxable_core::rdap::{IANA_BOOTSTRAP, RdapOptions};
use inboxable_core::run::{RunOptions, run_with_options};
use yew::UseReducerDispatcher;

use crate::browser;
use crate::link;
use crate::state::{Action, QUERY_TIMEOUT_MS, ResolverNote, State};

thread_local! {
    static NEXT_RUN: Cell<u64> = const { Cell::new(1) };
}

/// Checks the form in `state` and, when it is valid, starts a run; otherwise shows the
/// problems under their fields.
pub fn launch(state: &State, dispatcher: UseReducerDispatcher<State>) {
    let (input, choice, dqs_key) = match (state.form.check(&state.server), state.dqs_key()) {
        (Ok((input, choice)), Ok(key)) => (input, choice, key),
        (form, key) => {
            let mut errors = form.err().unwrap_or_default();
            errors.extend(key.err());
            dispatcher.dispatch(Action::Rejected(errors));
            return;
        }
    };
    let options = RunOptions {
        dnsbl: DnsblOptions {
            dqs_key,
            ..DnsblOptions::default()
        },
        // IANA's registries, or the serving inboxable-doh's own (`--rdap`).
        rdap: RdapOptions::over_http(
            browser::rdap_bootstrap()
                .as_deref()
                .unwrap_or(IANA_BOOTSTRAP),
            QUERY_TIMEOUT_MS,
        ),
        // DKIM signatures are verified in a worker loaded on first use.
        verifier: crate::verifier::page_verifier(),
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
        input: Box::new(input.clone()),
        resolver_note: ResolverNote::for_run(
            state.form.resolver,
            browser::server_mode().as_deref(),
        ),
        query: query.clone(),
    });

    let resolver = choice.build(QUERY_TIMEOUT_MS);
    let events = Batcher::new(dispatcher.clone());
    let on_query = events.clone();
    resolver.set_observer(move |entry| on_query.push(Action::Query(id, entry.clone())));
    yew::platform::spawn_local(async move {
        let report = run_with_options(
            &input,
            &resolver,
            &options,
            &|fact| events.push(Action::Fact(id, fact.clone())),
            &|check| events.push(Action::Check(id, check.clone())),
        )
        .await;
        events.flush();
        let taken = browser::now_utc();
        let verdict = report.verdict.clone();
        dispatcher.dispatch(Action::AllChecks(id, report.checks.clone()));
        dispatcher.dispatch(Action::Reported(id, std::rc::Rc::new(report), taken));
        dispatcher.dispatch(Action::Finished(id, verdict));
        // The address bar now holds a link that re-runs this check, unless a newer
        // run has started meanwhile.
        if NEXT_RUN.with(Cell::get) == id + 1 {
            browser::replace_query(&query);
        }
    });
}

/// A run's queries, facts and checks on their way to the state, applied together once per
/// frame. A run has hundreds of them; updating the state and rendering for each one kept the
/// main thread so busy that the engine's next queries waited behind the rendering (the
/// benchmark showed answers sitting unread for up to half a second).
#[derive(Clone)]
struct Batcher {
    dispatcher: UseReducerDispatcher<State>,
    pending: Rc<RefCell<Vec<Action>>>,
    scheduled: Rc<Cell<bool>>,
}

impl Batcher {
    fn new(dispatcher: UseReducerDispatcher<State>) -> Self {
        Self {
            dispatcher,
            pending: Rc::default(),
            scheduled: Rc::default(),
        }
    }

    /// Queues `action` and makes sure a flush is due before the next repaint.
    fn push(&self, action: Action) {
        self.pending.borrow_mut().push(action);
        if !self.scheduled.replace(true) {
            let this = self.clone();
            browser::on_next_frame(move || this.flush());
        }
    }

    /// Applies everything queued, in order, as one update.
    fn flush(&self) {
        self.scheduled.set(false);
        let actions = std::mem::take(&mut *self.pending.borrow_mut());
        if !actions.is_empty() {
            self.dispatcher.dispatch(Action::Batch(actions));
        }
    }
}
