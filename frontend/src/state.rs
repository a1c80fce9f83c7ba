//! The page's state and the actions that change it, as one reducer (`use_reducer`).
//!
//! The reducer is pure: it never touches the browser or the network, so it is tested
//! on the host. Side effects (running a check, probing the backend, writing the URL)
//! live in `runner.rs`, `hooks.rs` and `browser.rs` and report back through actions.

use std::rc::Rc;

use inboxable_core::dnsbl::DqsKey;
use inboxable_core::facts::{Fact, SendingIpSource};
use inboxable_core::i18n::{Lang, Message};
use inboxable_core::input::{Field, Input, InputError, RawInput};
use inboxable_core::report::{CheckResult, Report, Verdict};
use inboxable_core::resolver::{QueryLogEntry, ResolverChoice};
use yew::Reducible;

use crate::link::LinkParams;
use crate::shared::{Shared, share_all};
use crate::snapshot::{Snapshot, SnapshotError};

/// Per-query timeout of a run.
pub const QUERY_TIMEOUT_MS: u64 = 5_000;

/// The resolver options of the form (`<select id="resolver">` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResolverKind {
    /// The `inboxable-doh` backend that served the page.
    This,
    /// Cloudflare, falling back to Google.
    Public,
    /// Cloudflare only.
    Cloudflare,
    /// Google only.
    Google,
    /// A DoH URL typed by the user.
    Custom,
}

impl ResolverKind {
    /// Every option, in the select's order.
    pub const ALL: [ResolverKind; 5] = [
        Self::This,
        Self::Public,
        Self::Cloudflare,
        Self::Google,
        Self::Custom,
    ];

    /// The option value, also used in links.
    pub fn value(self) -> &'static str {
        match self {
            Self::This => "this",
            Self::Public => "public",
            Self::Cloudflare => "cloudflare",
            Self::Google => "google",
            Self::Custom => "custom",
        }
    }

    /// Reads an option value.
    pub fn from_value(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.value().eq_ignore_ascii_case(value.trim()))
    }

    /// The catalogue key of the option's label.
    pub fn key(self) -> &'static str {
        match self {
            Self::This => "ui-resolver-this",
            Self::Public => "ui-resolver-public",
            Self::Cloudflare => "ui-resolver-cloudflare",
            Self::Google => "ui-resolver-google",
            Self::Custom => "ui-resolver-custom",
        }
    }
}

/// What probing `./info` found out about the server that served the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ServerProbe {
    /// Not answered yet.
    #[default]
    Pending,
    /// An `inboxable-doh` backend; its DoH endpoint.
    Found(String),
    /// A static host (or no answer).
    Absent,
}

/// Where a run is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Phase {
    /// Nothing run yet.
    #[default]
    Idle,
    /// Queries in flight.
    Running,
    /// Finished.
    Done,
}

impl Phase {
    /// The `data-state` value of `#results`.
    pub fn value(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Running => "running",
            Self::Done => "done",
        }
    }
}

/// A problem with one form field, rendered in the current language at view time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The wrapper's `data-field`: `domain`, `ips`, …, or `resolver-url`.
    pub field: &'static str,
    /// What is wrong.
    pub message: Message,
}

impl FieldError {
    /// The error of the engine's input check.
    pub fn from_input(error: &InputError) -> Self {
        // The serde form of a problem is its catalogue code plus its arguments
        // (`{"code":"label-too-long","length":64}`), so new variants need no code here.
        let mut message = Message::new("input-empty");
        if let Ok(serde_json::Value::Object(map)) = serde_json::to_value(&error.problem) {
            for (name, value) in map {
                match (name.as_str(), value) {
                    ("code", serde_json::Value::String(code)) => {
                        message.key = format!("input-{code}");
                    }
                    (_, serde_json::Value::String(s)) => message = message.arg(&name, s),
                    (_, other) => message = message.arg(&name, other),
                }
            }
        }
        Self {
            field: error.field.key(),
            message,
        }
    }
}

/// The form as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    /// The text fields.
    pub raw: RawInput,
    /// The chosen resolver.
    pub resolver: ResolverKind,
    /// The custom DoH URL (kept when another option is chosen meanwhile).
    pub resolver_url: String,
    /// Whether the user (or a link) chose the resolver, so the probe must not change it.
    pub resolver_chosen: bool,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            raw: RawInput::default(),
            resolver: ResolverKind::Public,
            resolver_url: String::new(),
            resolver_chosen: false,
        }
    }
}

impl Form {
    /// The text of one field.
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Domain => &self.raw.domain,
            Field::Ips => &self.raw.ips,
            Field::Host => &self.raw.host,
            Field::Selectors => &self.raw.selectors,
            Field::Helo => &self.raw.helo,
            Field::Message => &self.raw.message,
        }
    }

    fn field_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::Domain => &mut self.raw.domain,
            Field::Ips => &mut self.raw.ips,
            Field::Host => &mut self.raw.host,
            Field::Selectors => &mut self.raw.selectors,
            Field::Helo => &mut self.raw.helo,
            Field::Message => &mut self.raw.message,
        }
    }

    /// Checks the form: the engine's input and the resolver to ask.
    pub fn check(&self, server: &ServerProbe) -> Result<(Input, ResolverChoice), Vec<FieldError>> {
        let mut errors: Vec<FieldError> = Vec::new();
        let input = self
            .raw
            .parse()
            .map_err(|e| errors.extend(e.iter().map(FieldError::from_input)))
            .ok();
        let choice = match (self.resolver, server) {
            (ResolverKind::This, ServerProbe::Found(url)) => {
                Some(ResolverChoice::Custom(url.clone()))
            }
            (ResolverKind::This, _) | (ResolverKind::Public, _) => Some(ResolverChoice::Public),
            (ResolverKind::Cloudflare, _) => Some(ResolverChoice::Cloudflare),
            (ResolverKind::Google, _) => Some(ResolverChoice::Google),
            (ResolverKind::Custom, _) => match ResolverChoice::parse(&self.resolver_url) {
                Some(custom @ ResolverChoice::Custom(_)) => Some(custom),
                _ => {
                    errors.push(FieldError {
                        field: "resolver-url",
                        message: Message::new(if self.resolver_url.trim().is_empty() {
                            "ui-error-resolver-url-empty"
                        } else {
                            "ui-error-resolver-url"
                        }),
                    });
                    None
                }
            },
        };
        match (input, choice) {
            (Some(input), Some(choice)) if errors.is_empty() => Ok((input, choice)),
            _ => Err(errors),
        }
    }
}

/// One run's findings, growing as answers arrive.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Tells this run's late answers from a newer run's.
    pub id: u64,
    /// The checked input.
    pub input: Input,
    /// Where the sending IPs come from.
    pub source: SendingIpSource,
    /// Facts, in arrival order.
    pub facts: Vec<Shared<Fact>>,
    /// Queries sent, in completion order.
    pub queries: Vec<Shared<QueryLogEntry>>,
    /// Check results, in arrival order.
    pub checks: Vec<Shared<CheckResult>>,
    /// The verdict, once the run is done.
    pub verdict: Option<Verdict>,
    /// What kind of resolver answers this run (blocklists depend on it).
    pub resolver_note: ResolverNote,
    /// The inputs link's query string (`?domain=…`), without the DQS key.
    pub query: String,
    /// The complete report, once the run is done: exports and snapshots use it.
    pub report: Option<Rc<Report>>,
    /// When the run finished (RFC 3339, UTC), once it is done.
    pub taken: Option<String>,
}

/// Which kind of resolver a run asks: blocklists refuse public resolvers, so the
/// page says which kind answered (SPEC "Blocklists, honestly").
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "mode", rename_all = "kebab-case")]
pub enum ResolverNote {
    /// A public resolver (Cloudflare, Google).
    #[default]
    Public,
    /// The `inboxable-doh` that served the page, resolving by itself from its own
    /// address (`--recursive`).
    OwnRecursive,
    /// The `inboxable-doh` that served the page, answering from zones or forwarding;
    /// its mode from `./info`.
    ThisServer(String),
    /// A DoH URL the user entered.
    Custom,
}

impl ResolverNote {
    /// The kind, as the page's `data-kind` and the catalogue key suffix.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::OwnRecursive => "own",
            Self::ThisServer(_) => "this-server",
            Self::Custom => "custom",
        }
    }

    /// The note for a run on `resolver`, given the backend's mode (if probed).
    pub fn for_run(resolver: ResolverKind, server_mode: Option<&str>) -> Self {
        match resolver {
            ResolverKind::This => match server_mode {
                Some(mode) if mode.contains("recursive") => Self::OwnRecursive,
                mode => Self::ThisServer(mode.unwrap_or("?").to_owned()),
            },
            ResolverKind::Public | ResolverKind::Cloudflare | ResolverKind::Google => Self::Public,
            ResolverKind::Custom => Self::Custom,
        }
    }
}

/// The whole page state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The page language.
    pub lang: Lang,
    /// The form.
    pub form: Form,
    /// Field problems of the last submit.
    pub errors: Vec<FieldError>,
    /// What the server that served the page is.
    pub server: ServerProbe,
    /// Idle, running or done.
    pub phase: Phase,
    /// The current (or last) run.
    pub run: Option<Rc<Run>>,
    /// Run as soon as the resolver is known: the page was opened from a link.
    pub autorun: bool,
    /// The Spamhaus DQS key as typed. A secret: kept in this browser's storage only,
    /// never in a link or an export.
    pub dqs_key: String,
    /// The page shows a snapshot link's report, not a run of its own.
    pub snapshot: Option<SnapshotNote>,
    /// A snapshot link that could not be read.
    pub snapshot_error: Option<SnapshotError>,
}

/// What the banner above a snapshot's report says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotNote {
    /// When the run finished (RFC 3339, UTC).
    pub taken: String,
    /// Whether the query log's answers were left out of the link.
    pub answers_dropped: bool,
}

/// Everything that changes the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The language switcher.
    SetLang(Lang),
    /// A text field was edited.
    Edit(Field, String),
    /// The resolver select.
    SetResolver(ResolverKind),
    /// The custom DoH URL field.
    SetResolverUrl(String),
    /// The page was opened from a link.
    LoadLink(LinkParams),
    /// `./info` answered (with the DoH URL) or did not.
    ServerProbed(Option<String>),
    /// The autorun was started (or refused).
    AutorunTaken,
    /// The submitted form has problems.
    Rejected(Vec<FieldError>),
    /// A run began.
    Started {
        /// Its id.
        id: u64,
        /// Its input (boxed: it is by far the largest action).
        input: Box<Input>,
        /// Which kind of resolver answers it.
        resolver_note: ResolverNote,
        /// Its inputs link's query string.
        query: String,
    },
    /// A fact arrived.
    Fact(u64, Fact),
    /// A check result arrived.
    Check(u64, CheckResult),
    /// The run's report is complete: its checks replace the ones streamed so far
    /// (the report is authoritative should a family not stream every result).
    AllChecks(u64, Vec<CheckResult>),
    /// The Spamhaus DQS key field.
    SetDqsKey(String),
    /// A query completed.
    Query(u64, QueryLogEntry),
    /// A run finished.
    Finished(u64, Verdict),
    /// A run's complete report and when it finished.
    Reported(u64, Rc<Report>, String),
    /// The page was opened from a snapshot link.
    LoadSnapshot(Box<Snapshot>),
    /// The page was opened from a snapshot link that cannot be read.
    SnapshotBroken(SnapshotError),
    /// Several actions applied in order as one update (and one render): a run's queries,
    /// facts and checks arrive by the hundred.
    Batch(Vec<Action>),
}

impl State {
    /// The state a page opened with `link` starts in, before any effect ran.
    pub fn new(lang: Lang, link: LinkParams) -> Self {
        Self {
            lang,
            ..Self::default()
        }
        .apply(Action::LoadLink(link))
    }

    /// The DQS key to use: `None` when the field is empty, an error when it is not a
    /// key.
    pub fn dqs_key(&self) -> Result<Option<DqsKey>, FieldError> {
        let text = self.dqs_key.trim();
        if text.is_empty() {
            return Ok(None);
        }
        DqsKey::parse(text).map(Some).ok_or_else(|| FieldError {
            field: "dqs-key",
            message: Message::new("ui-dqs-key-invalid"),
        })
    }

    /// The state after `action`, outside the reducer (the page's first state).
    pub fn with(self, action: Action) -> Self {
        self.apply(action)
    }

    /// The errors of one field.
    pub fn errors_of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a FieldError> + 'a {
        self.errors.iter().filter(move |e| e.field == field)
    }

    fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Batch(actions) => return actions.into_iter().fold(self, Self::apply),
            Action::SetLang(lang) => self.lang = lang,
            Action::Edit(field, text) => {
                *self.form.field_mut(field) = text;
                self.errors.retain(|e| e.field != field.key());
            }
            Action::SetResolver(kind) => {
                self.form.resolver = kind;
                self.form.resolver_chosen = true;
                if kind != ResolverKind::Custom {
                    self.errors.retain(|e| e.field != "resolver-url");
                }
            }
            Action::SetResolverUrl(url) => {
                self.form.resolver_url = url;
                self.errors.retain(|e| e.field != "resolver-url");
            }
            Action::LoadLink(link) => {
                if let Some(lang) = link.lang {
                    self.lang = lang;
                }
                if let Some((kind, url)) = link.resolver {
                    self.form.resolver = kind;
                    self.form.resolver_chosen = true;
                    if kind == ResolverKind::Custom {
                        self.form.resolver_url = url;
                    }
                }
                self.autorun = !link.raw.domain.trim().is_empty();
                self.form.raw = link.raw;
            }
            Action::ServerProbed(url) => match url {
                Some(url) => {
                    self.server = ServerProbe::Found(url);
                    if !self.form.resolver_chosen {
                        self.form.resolver = ResolverKind::This;
                    }
                }
                None => {
                    self.server = ServerProbe::Absent;
                    // A link made on a self-hosted page, opened on a static host.
                    if self.form.resolver == ResolverKind::This {
                        self.form.resolver = ResolverKind::Public;
                    }
                }
            },
            Action::AutorunTaken => self.autorun = false,
            Action::Rejected(errors) => {
                self.errors = errors;
                self.autorun = false;
            }
            Action::Started {
                id,
                input,
                resolver_note,
                query,
            } => {
                self.errors.clear();
                self.autorun = false;
                self.snapshot = None;
                self.snapshot_error = None;
                self.phase = Phase::Running;
                self.run = Some(Rc::new(Run {
                    id,
                    source: SendingIpSource::for_input(&input),
                    input: *input,
                    facts: Vec::new(),
                    queries: Vec::new(),
                    checks: Vec::new(),
                    verdict: None,
                    resolver_note,
                    query,
                    report: None,
                    taken: None,
                }));
            }
            Action::Fact(id, fact) => {
                if let Some(run) = self.current_run(id) {
                    run.facts.push(Shared::new(fact));
                }
            }
            Action::Check(id, check) => {
                if let Some(run) = self.current_run(id) {
                    run.checks.push(Shared::new(check));
                }
            }
            Action::AllChecks(id, checks) => {
                if let Some(run) = self.current_run(id) {
                    // The streamed entries are kept where the report's are equal, so the
                    // cards already on screen are not rendered again.
                    let streamed = std::mem::take(&mut run.checks);
                    run.checks = checks
                        .into_iter()
                        .map(|check| {
                            streamed
                                .iter()
                                .find(|s| ***s == check)
                                .cloned()
                                .unwrap_or_else(|| Shared::new(check))
                        })
                        .collect();
                }
            }
            Action::SetDqsKey(key) => {
                self.dqs_key = key;
                self.errors.retain(|e| e.field != "dqs-key");
            }
            Action::Query(id, entry) => {
                if let Some(run) = self.current_run(id) {
                    run.queries.push(Shared::new(entry));
                }
            }
            Action::Finished(id, verdict) => {
                if let Some(run) = self.current_run(id) {
                    run.verdict = Some(verdict);
                    self.phase = Phase::Done;
                }
            }
            Action::Reported(id, report, taken) => {
                if let Some(run) = self.current_run(id) {
                    run.report = Some(report);
                    run.taken = Some(taken);
                }
            }
            Action::LoadSnapshot(snapshot) => {
                let Snapshot {
                    taken,
                    link,
                    note,
                    answers_dropped,
                    report,
                } = *snapshot;
                // The form holds the snapshot's inputs, ready for "re-run now"; the
                // snapshot itself is never re-run by opening it.
                self = self.apply(Action::LoadLink(crate::link::parse_query(&link)));
                self.autorun = false;
                self.phase = Phase::Done;
                self.snapshot = Some(SnapshotNote {
                    taken: taken.clone(),
                    answers_dropped,
                });
                self.run = Some(Rc::new(Run {
                    id: 0,
                    input: report.input.clone(),
                    source: report.sending_ips,
                    facts: share_all(report.facts.clone()),
                    queries: share_all(report.queries.clone()),
                    checks: share_all(report.checks.clone()),
                    verdict: Some(report.verdict.clone()),
                    resolver_note: note,
                    query: link,
                    report: Some(Rc::new(report)),
                    taken: Some(taken),
                }));
            }
            Action::SnapshotBroken(error) => self.snapshot_error = Some(error),
        }
        self
    }

    /// The run `id`, when it is still the current one; answers of an older run are
    /// dropped.
    fn current_run(&mut self, id: u64) -> Option<&mut Run> {
        self.run.as_mut().filter(|r| r.id == id).map(Rc::make_mut)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

#[cfg(test)]
mod tests {
    use inboxable_core::dns::RecordType;
    use inboxable_core::facts::{FactKind, FactValue};

    use super::*;
    use crate::link::parse_query;

    fn reduce(state: State, action: Action) -> State {
        Rc::unwrap_or_clone(Rc::new(state).reduce(action))
    }

    fn fact(name: &str) -> Fact {
        Fact {
            kind: FactKind::Mx,
            name: name.into(),
            rtype: RecordType::MX,
            ip: None,
            value: FactValue::Nodata,
        }
    }

    #[test]
    fn a_link_with_a_domain_fills_the_form_and_asks_to_run() {
        let s = State::new(
            Lang::En,
            parse_query("?domain=example.com&ip=192.0.2.1&lang=id"),
        );
        assert_eq!(s.lang, Lang::Id);
        assert_eq!(s.form.raw.domain, "example.com");
        assert_eq!(s.form.raw.ips, "192.0.2.1");
        assert!(s.autorun);
        assert!(!State::new(Lang::En, parse_query("?ip=192.0.2.1")).autorun);
    }

    #[test]
    fn the_resolver_note_follows_the_backend_mode() {
        let note = |kind, mode| ResolverNote::for_run(kind, mode).kind();
        assert_eq!(note(ResolverKind::This, Some("zones+recursive")), "own");
        assert_eq!(note(ResolverKind::This, Some("zones")), "this-server");
        assert_eq!(note(ResolverKind::This, Some("forwarding")), "this-server");
        assert_eq!(note(ResolverKind::Google, None), "public");
        assert_eq!(note(ResolverKind::Public, None), "public");
        assert_eq!(note(ResolverKind::Custom, None), "custom");
    }

    #[test]
    fn the_backend_is_preselected_unless_a_resolver_was_chosen() {
        let found = Action::ServerProbed(Some("https://x.example/sub/dns-query".into()));
        let s = reduce(State::default(), found.clone());
        assert_eq!(s.form.resolver, ResolverKind::This);
        let (_, choice) = Form {
            raw: RawInput {
                domain: "example.com".into(),
                ..RawInput::default()
            },
            ..s.form.clone()
        }
        .check(&s.server)
        .unwrap();
        assert_eq!(
            choice,
            ResolverChoice::Custom("https://x.example/sub/dns-query".into())
        );

        let chosen = reduce(State::default(), Action::SetResolver(ResolverKind::Google));
        assert_eq!(reduce(chosen, found).form.resolver, ResolverKind::Google);

        let from_link = State::new(Lang::En, parse_query("?resolver=this"));
        let absent = reduce(from_link, Action::ServerProbed(None));
        assert_eq!(absent.server, ServerProbe::Absent);
        assert_eq!(absent.form.resolver, ResolverKind::Public);
    }

    #[test]
    fn form_errors_are_per_field_and_cleared_by_editing() {
        let mut s = State::default();
        s.form.raw.domain = "192.0.2.1".into();
        s.form.raw.ips = "nope".into();
        s.form.resolver = ResolverKind::Custom;
        s.form.resolver_url = "dns.example".into();
        let errors = s.form.check(&s.server).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["domain", "ips", "resolver-url"]);
        assert_eq!(errors[0].message.key, "input-ip-not-name");
        assert_eq!(errors[1].message.key, "input-bad-ip");
        assert_eq!(errors[1].message.args["value"], "nope");
        assert_eq!(errors[2].message.key, "ui-error-resolver-url");

        let s = reduce(s, Action::Rejected(errors));
        assert_eq!(s.errors_of("ips").count(), 1);
        let s = reduce(s, Action::Edit(Field::Ips, "192.0.2.1".into()));
        assert_eq!(s.errors_of("ips").count(), 0);
        assert_eq!(s.errors_of("domain").count(), 1);
        let s = reduce(s, Action::SetResolver(ResolverKind::Public));
        assert_eq!(s.errors_of("resolver-url").count(), 0);
    }

    #[test]
    fn the_dqs_key_is_checked_and_its_error_cleared_by_editing() {
        let mut s = State::default();
        assert_eq!(s.dqs_key(), Ok(None));
        s.dqs_key = "no!".into();
        let error = s.dqs_key().unwrap_err();
        assert_eq!(error.field, "dqs-key");
        assert_eq!(error.message.key, "ui-dqs-key-invalid");
        let s = reduce(s, Action::Rejected(vec![error]));
        let s = reduce(s, Action::SetDqsKey("abcdefghij0123456789".into()));
        assert_eq!(s.errors_of("dqs-key").count(), 0);
        assert!(s.dqs_key().unwrap().is_some());
    }

    #[test]
    fn numeric_arguments_are_rendered() {
        let e = FieldError::from_input(&InputError {
            field: Field::Selectors,
            problem: inboxable_core::input::InputProblem::TooMany { limit: 10 },
        });
        assert_eq!(e.field, "selectors");
        assert_eq!(e.message.key, "input-too-many");
        assert!(e.message.render(Lang::En).contains("10"));
    }

    #[test]
    fn a_run_collects_its_own_answers_only() {
        let input = RawInput {
            domain: "example.com".into(),
            ..RawInput::default()
        }
        .parse()
        .unwrap();
        let s = reduce(
            State::default(),
            Action::Started {
                id: 1,
                input: Box::new(input.clone()),
                resolver_note: ResolverNote::Public,
                query: String::new(),
            },
        );
        assert_eq!(s.phase, Phase::Running);
        let s = reduce(s, Action::Fact(1, fact("example.com")));
        let s = reduce(
            s,
            Action::Started {
                id: 2,
                input: Box::new(input),
                resolver_note: ResolverNote::Public,
                query: String::new(),
            },
        );
        let s = reduce(s, Action::Fact(1, fact("stale.example")));
        let s = reduce(s, Action::Finished(1, Verdict::of::<CheckResult>(&[])));
        assert_eq!(
            s.phase,
            Phase::Running,
            "an old run's end does not end the new one"
        );
        let s = reduce(s, Action::Fact(2, fact("example.com")));
        let check = |id: &str| {
            CheckResult::new(
                id,
                inboxable_core::report::Status::Pass,
                Message::new("status-pass"),
            )
        };
        let s = reduce(s, Action::Check(1, check("stale.check")));
        let s = reduce(s, Action::Check(2, check("spf.present")));
        let s = reduce(s, Action::Finished(2, Verdict::of::<CheckResult>(&[])));
        let run = s.run.as_ref().unwrap();
        assert_eq!(run.facts.len(), 1);
        assert_eq!(run.checks.len(), 1);
        assert_eq!(run.checks[0].id, "spf.present");
        assert_eq!(run.source, SendingIpSource::MxAssumed);
        assert_eq!(s.phase, Phase::Done);
        let s = reduce(
            s,
            Action::AllChecks(2, vec![check("spf.present"), check("spf.authorizes-ip")]),
        );
        let s = reduce(s, Action::AllChecks(1, vec![]));
        assert_eq!(s.run.as_ref().unwrap().checks.len(), 2);
    }

    #[test]
    fn a_batch_is_its_actions_applied_in_order() {
        let input = RawInput {
            domain: "example.com".into(),
            ..RawInput::default()
        }
        .parse()
        .unwrap();
        let started = reduce(
            State::default(),
            Action::Started {
                id: 1,
                input: Box::new(input),
                resolver_note: ResolverNote::Public,
                query: String::new(),
            },
        );
        let check = CheckResult::new(
            "spf.present",
            inboxable_core::report::Status::Pass,
            Message::new("status-pass"),
        );
        let actions = || {
            vec![
                Action::Fact(1, fact("example.com")),
                Action::Check(1, check.clone()),
                Action::Fact(2, fact("stale.example")),
                Action::Finished(1, Verdict::of::<CheckResult>(&[])),
            ]
        };
        let one_by_one = actions().into_iter().fold(started.clone(), reduce);
        let batched = reduce(started, Action::Batch(actions()));
        let (a, b) = (one_by_one.run.unwrap(), batched.run.unwrap());
        assert_eq!(b.facts.len(), 1);
        assert_eq!(b.checks.len(), 1);
        assert_eq!(
            (a.facts.len(), a.checks.len()),
            (b.facts.len(), b.checks.len())
        );
        assert_eq!(one_by_one.phase, Phase::Done);
        assert_eq!(batched.phase, Phase::Done);
    }

    #[test]
    fn a_snapshot_shows_its_report_without_running_and_a_run_replaces_it() {
        let input = RawInput {
            domain: "example.com".into(),
            ips: "192.0.2.1".into(),
            ..RawInput::default()
        }
        .parse()
        .unwrap();
        let checks = vec![CheckResult::new(
            "spf.present",
            inboxable_core::report::Status::Fail,
            Message::new("status-fail"),
        )];
        let report = Report {
            schema: inboxable_core::report::SCHEMA_VERSION,
            sending_ips: SendingIpSource::for_input(&input),
            verdict: Verdict::of(&checks),
            input: input.clone(),
            checks,
            facts: vec![fact("example.com")],
            queries: Vec::new(),
            dns_host: None,
        };
        let link = crate::link::to_query(&input, ResolverKind::Google, "", Lang::Id);
        let s = State::new(Lang::En, parse_query("?domain=other.example")).with(
            Action::LoadSnapshot(Box::new(Snapshot {
                taken: "2026-12-04T18:03:12.345Z".into(),
                link: link.clone(),
                note: ResolverNote::Public,
                answers_dropped: true,
                report: report.clone(),
            })),
        );
        assert!(!s.autorun, "opening a snapshot must not run the check");
        assert_eq!(s.phase, Phase::Done);
        assert_eq!(s.lang, Lang::Id);
        assert_eq!(s.form.raw.domain, "example.com");
        assert_eq!(s.form.resolver, ResolverKind::Google);
        let run = s.run.as_ref().unwrap();
        let shown: Vec<&CheckResult> = run.checks.iter().map(|c| &**c).collect();
        assert_eq!(shown, report.checks.iter().collect::<Vec<_>>());
        assert_eq!(run.verdict.as_ref().unwrap().status, report.verdict.status);
        assert_eq!(run.query, link);
        assert_eq!(run.report.as_deref(), Some(&report));
        assert!(s.snapshot.as_ref().unwrap().answers_dropped);

        let s = reduce(
            s,
            Action::Started {
                id: 1,
                input: Box::new(input),
                resolver_note: ResolverNote::Public,
                query: link,
            },
        );
        assert_eq!(s.snapshot, None);
        assert!(s.run.as_ref().unwrap().report.is_none());
    }
}
