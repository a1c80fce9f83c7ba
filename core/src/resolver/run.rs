//! The per-run resolver: fallback across transports, a cache that answers identical
//! questions once (in-flight ones included), `Retry-After`, and the query log.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use serde::{Deserialize, Serialize};
use web_time::Instant;

use super::limit::{Limiter, Turn};
use super::{Resolver, Transport, timer::sleep};
use crate::dns::{LookupError, LookupResult, Question, RecordType};

/// One query as sent to a resolver, for the log shown on the page and in reports.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryLogEntry {
    /// Queried name.
    pub name: String,
    /// Queried type.
    #[serde(rename = "type")]
    pub rtype: RecordType,
    /// Which resolver was asked.
    pub resolver: String,
    /// `NOERROR n`, `NXDOMAIN`, `NODATA`, or the error.
    pub outcome: String,
    /// Whether the outcome is an error (the check that needed it is `unknown`).
    pub error: bool,
    /// When the query was sent, in ms since the run began.
    pub started_ms: u64,
    /// How long the resolver took, in ms.
    pub duration_ms: u64,
    /// The answer records' data in presentation form (`Record::data_text`); empty on
    /// errors, NXDOMAIN and NODATA.
    #[serde(default)]
    pub answers: Vec<String>,
}

type SharedLookup = Shared<LocalBoxFuture<'static, LookupResult>>;
type Observer = Box<dyn Fn(&QueryLogEntry)>;

/// Queries one resolver may have in flight at once during a run.
///
/// Public DoH services answer bursts with HTTP 429, so a run never sends everything at
/// once; but the bound must not lengthen the run past its critical path (a full report is
/// about 230 questions, at most six or so dependent ones deep). Measured with
/// `cargo xtask bench` (50 ms per query): 32 gave a CLI ratio of 1.54, 64 gives 1.21.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 64;

struct Slot {
    transport: Box<dyn Transport>,
    /// At most this many queries in flight to this resolver.
    limiter: Limiter,
    /// Set by an HTTP 429: the resolver is not asked again before this instant.
    cooldown_until: Cell<Option<Instant>>,
}

struct Inner {
    slots: Vec<Slot>,
    cache: RefCell<HashMap<Question, SharedLookup>>,
    log: RefCell<Vec<QueryLogEntry>>,
    asked: Cell<usize>,
    started: Instant,
    max_wait: Duration,
    observer: RefCell<Option<Observer>>,
    /// Strings never written to the log (a Spamhaus DQS key is part of query names).
    secrets: RefCell<Vec<String>>,
}

/// A resolver for one check run. Cheap to clone; clones share cache and log.
#[derive(Clone)]
pub struct RunResolver {
    inner: Rc<Inner>,
}

impl RunResolver {
    /// A resolver asking `transports` in order, each with at most
    /// [`DEFAULT_MAX_IN_FLIGHT`] queries in flight.
    pub fn new(transports: Vec<Box<dyn Transport>>) -> Self {
        Self::with_max_in_flight(transports, DEFAULT_MAX_IN_FLIGHT)
    }

    /// A resolver asking `transports` in order, each with at most `max_in_flight`
    /// queries in flight (at least one).
    pub fn with_max_in_flight(transports: Vec<Box<dyn Transport>>, max_in_flight: usize) -> Self {
        Self {
            inner: Rc::new(Inner {
                slots: transports
                    .into_iter()
                    .map(|transport| Slot {
                        transport,
                        limiter: Limiter::new(max_in_flight),
                        cooldown_until: Cell::new(None),
                    })
                    .collect(),
                cache: RefCell::default(),
                log: RefCell::default(),
                asked: Cell::new(0),
                started: Instant::now(),
                max_wait: Duration::from_secs(5),
                observer: RefCell::new(None),
                secrets: RefCell::default(),
            }),
        }
    }

    /// Calls `observer` with each query as it completes (the page's live log).
    pub fn set_observer(&self, observer: impl Fn(&QueryLogEntry) + 'static) {
        *self.inner.observer.borrow_mut() = Some(Box::new(observer));
    }

    /// Keeps `secret` out of the query log: wherever it appears in a query name the
    /// log shows `<redacted>`. The log feeds the page, exports and links, so a key
    /// that travels inside query names (Spamhaus DQS) is removed here, once, rather
    /// than by every front end.
    pub fn redact(&self, secret: &str) {
        let secret = secret.trim().to_ascii_lowercase();
        if !secret.is_empty() {
            self.inner.secrets.borrow_mut().push(secret);
        }
    }

    /// The queries sent so far, in completion order.
    pub fn log(&self) -> Vec<QueryLogEntry> {
        self.inner.log.borrow().clone()
    }

    /// The most queries that were in flight to any one resolver at the same time.
    pub fn peak_in_flight(&self) -> usize {
        self.inner
            .slots
            .iter()
            .map(|slot| slot.limiter.peak())
            .max()
            .unwrap_or(0)
    }

    /// How many lookups the checks asked for, answered from cache or not.
    pub fn lookups_asked(&self) -> usize {
        self.inner.asked.get()
    }
}

impl Resolver for RunResolver {
    fn lookup(&self, name: &str, rtype: RecordType) -> LocalBoxFuture<'_, LookupResult> {
        self.ask(name, rtype, Turn::Chain)
    }

    fn lookup_leaf(&self, name: &str, rtype: RecordType) -> LocalBoxFuture<'_, LookupResult> {
        self.ask(name, rtype, Turn::Leaf)
    }
}

impl RunResolver {
    /// Answers from the run's cache, or sends the question waiting in `turn`'s queue.
    /// A question asked again while in flight joins the first asking, in its queue.
    fn ask(&self, name: &str, rtype: RecordType, turn: Turn) -> LocalBoxFuture<'_, LookupResult> {
        let question = Question::new(name, rtype);
        self.inner.asked.set(self.inner.asked.get() + 1);
        let existing = self.inner.cache.borrow().get(&question).cloned();
        let shared = existing.unwrap_or_else(|| {
            let inner = Rc::clone(&self.inner);
            let q = question.clone();
            let fut = async move { inner.resolve(q, turn).await }
                .boxed_local()
                .shared();
            self.inner.cache.borrow_mut().insert(question, fut.clone());
            fut
        });
        shared.boxed_local()
    }
}

impl Inner {
    async fn resolve(&self, question: Question, turn: Turn) -> LookupResult {
        let mut last_error = LookupError::Transport {
            reason: "no resolver configured".into(),
        };
        for (index, slot) in self.slots.iter().enumerate() {
            let is_last = index + 1 == self.slots.len();
            if let Some(until) = slot.cooldown_until.get() {
                let now = Instant::now();
                if until > now {
                    // A rate-limited resolver is skipped while another can answer, and
                    // waited for (within bounds) when it is the last one.
                    if !is_last {
                        continue;
                    }
                    if until - now > self.max_wait {
                        return Err(LookupError::RateLimited {
                            retry_after_s: Some((until - now).as_secs()),
                        });
                    }
                    sleep(until - now).await;
                }
            }
            let mut result = self.send(slot, &question, turn).await;
            if let Err(LookupError::RateLimited { retry_after_s }) = &result {
                let wait = Duration::from_secs(retry_after_s.unwrap_or(1));
                slot.cooldown_until.set(Some(Instant::now() + wait));
                if is_last && wait <= self.max_wait {
                    sleep(wait).await;
                    result = self.send(slot, &question, turn).await;
                }
            }
            match result {
                Err(error) if error.is_transport_failure() => last_error = error,
                other => return other,
            }
        }
        Err(last_error)
    }

    async fn send(&self, slot: &Slot, question: &Question, turn: Turn) -> LookupResult {
        // Time spent waiting for a permit is not the resolver's: the clock (and the
        // transport's own timeout) starts when the query is actually sent.
        let _permit = slot.limiter.acquire(turn).await;
        let sent = Instant::now();
        let result = slot.transport.query(question.clone()).await;
        let mut name = question.name.clone();
        for secret in self.secrets.borrow().iter() {
            name = name.replace(secret.as_str(), "<redacted>");
        }
        let entry = QueryLogEntry {
            name,
            rtype: question.rtype,
            resolver: slot.transport.label().to_owned(),
            outcome: match &result {
                Ok(answer) => answer.outcome(),
                Err(error) => error.outcome(),
            },
            error: result.is_err(),
            started_ms: millis(sent - self.started),
            duration_ms: millis(sent.elapsed()),
            answers: match &result {
                Ok(answer) => answer.records.iter().map(|r| r.data_text()).collect(),
                Err(_) => Vec::new(),
            },
        };
        if let Some(observer) = self.observer.borrow().as_ref() {
            observer(&entry);
        }
        self.log.borrow_mut().push(entry);
        result
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::{Answer, RData, Record};

    /// A transport answering from a table, counting what it is asked. It tests the
    /// run resolver's own logic; end-to-end tests use the real inboxable-doh.
    struct Table {
        label: &'static str,
        calls: Rc<Cell<usize>>,
        reply: fn(&Question, usize) -> LookupResult,
    }

    impl Transport for Table {
        fn label(&self) -> &str {
            self.label
        }
        fn query(&self, question: Question) -> LocalBoxFuture<'_, LookupResult> {
            let n = self.calls.get();
            self.calls.set(n + 1);
            let reply = self.reply;
            async move {
                sleep(Duration::from_millis(5)).await;
                reply(&question, n)
            }
            .boxed_local()
        }
    }

    fn a_record(q: &Question, _: usize) -> LookupResult {
        Ok(Answer {
            question: q.clone(),
            nxdomain: false,
            records: vec![Record {
                name: q.name.clone(),
                rtype: RecordType::A,
                ttl: 60,
                data: RData::A {
                    address: "192.0.2.1".parse().unwrap(),
                },
            }],
            cnames: vec![],
            authenticated: false,
        })
    }

    fn table(
        label: &'static str,
        reply: fn(&Question, usize) -> LookupResult,
    ) -> (Box<dyn Transport>, Rc<Cell<usize>>) {
        let calls = Rc::new(Cell::new(0));
        (
            Box::new(Table {
                label,
                calls: Rc::clone(&calls),
                reply,
            }),
            calls,
        )
    }

    #[tokio::test]
    async fn identical_questions_in_flight_are_sent_once() {
        let (t, calls) = table("one", a_record);
        let r = RunResolver::new(vec![t]);
        let (a, b, c) = futures::join!(
            r.lookup("Example.com.", RecordType::A),
            r.lookup("example.com", RecordType::A),
            r.lookup("example.com", RecordType::AAAA),
        );
        assert!(a.is_ok() && b.is_ok() && c.is_ok());
        assert_eq!(calls.get(), 2, "A asked once, AAAA once");
        assert_eq!(r.lookups_asked(), 3);
        assert_eq!(r.log().len(), 2);
        r.lookup("EXAMPLE.com", RecordType::A).await.unwrap();
        assert_eq!(
            calls.get(),
            2,
            "answered from the cache after completion too"
        );
    }

    #[tokio::test]
    async fn queries_in_flight_are_bounded_per_resolver() {
        let (t, calls) = table("one", a_record);
        let r = RunResolver::with_max_in_flight(vec![t], 4);
        let names: Vec<String> = (0..40).map(|i| format!("n{i}.example")).collect();
        let answers =
            futures::future::join_all(names.iter().map(|n| r.lookup(n, RecordType::A))).await;
        assert!(answers.iter().all(Result::is_ok));
        assert_eq!(calls.get(), 40, "every question was sent, none dropped");
        assert_eq!(r.peak_in_flight(), 4);
        // Queue time is not resolver time: each logged query took about the table's 5 ms.
        assert!(r.log().iter().all(|q| q.duration_ms < 100));
    }

    #[tokio::test]
    async fn a_chain_question_is_sent_before_leaves_that_waited_longer() {
        thread_local! {
            static SENT: RefCell<Vec<String>> = RefCell::default();
        }
        fn record(q: &Question, n: usize) -> LookupResult {
            SENT.with(|s| s.borrow_mut().push(q.name.clone()));
            a_record(q, n)
        }
        let (t, _) = table("one", record);
        let r = RunResolver::with_max_in_flight(vec![t], 1);
        let leaves = futures::future::join_all(
            (0..3).map(|i| r.lookup_leaf(&format!("leaf{i}.example"), RecordType::A)),
        );
        let chain = async {
            // Asked while the first leaf holds the only permit and two leaves wait.
            sleep(Duration::from_millis(1)).await;
            r.lookup("chain.example", RecordType::A).await
        };
        let (leaves, chain) = futures::join!(leaves, chain);
        assert!(leaves.iter().all(Result::is_ok) && chain.is_ok());
        let sent = SENT.with(|s| s.borrow().clone());
        assert_eq!(
            sent,
            [
                "leaf0.example",
                "chain.example",
                "leaf1.example",
                "leaf2.example"
            ]
        );
    }

    #[tokio::test]
    async fn secrets_never_reach_the_log() {
        let (t, _) = table("one", a_record);
        let r = RunResolver::new(vec![t]);
        r.redact("SecretKey123");
        r.lookup("2.0.0.127.secretkey123.zen.dq.spamhaus.net", RecordType::A)
            .await
            .unwrap();
        let log = r.log();
        assert_eq!(log[0].name, "2.0.0.127.<redacted>.zen.dq.spamhaus.net");
        assert!(
            !serde_json::to_string(&log)
                .unwrap()
                .contains("secretkey123")
        );
    }

    #[tokio::test]
    async fn transport_failure_falls_back_and_is_logged() {
        let (down, _) = table("down", |_, _| Err(LookupError::Http { status: 503 }));
        let (up, up_calls) = table("up", a_record);
        let r = RunResolver::new(vec![down, up]);
        assert!(r.lookup("example.com", RecordType::A).await.is_ok());
        assert_eq!(up_calls.get(), 1);
        let log = r.log();
        assert_eq!(log.len(), 2);
        assert!(log[0].error && log[0].resolver == "down" && log[0].outcome == "HTTP 503");
        assert_eq!(log[1].resolver, "up");
    }

    #[tokio::test]
    async fn dns_errors_do_not_fall_back() {
        let (sf, _) = table("sf", |_, _| Err(LookupError::ServFail));
        let (up, up_calls) = table("up", a_record);
        let r = RunResolver::new(vec![sf, up]);
        assert_eq!(
            r.lookup("x.example", RecordType::A).await,
            Err(LookupError::ServFail)
        );
        assert_eq!(up_calls.get(), 0);
    }

    #[tokio::test]
    async fn retry_after_is_honoured_on_the_last_resolver() {
        let (t, calls) = table("limited", |q, n| {
            if n == 0 {
                Err(LookupError::RateLimited {
                    retry_after_s: Some(1),
                })
            } else {
                a_record(q, n)
            }
        });
        let r = RunResolver::new(vec![t]);
        let started = Instant::now();
        assert!(r.lookup("example.com", RecordType::A).await.is_ok());
        assert!(started.elapsed() >= Duration::from_millis(950));
        assert_eq!(calls.get(), 2);
    }

    #[tokio::test]
    async fn long_retry_after_is_an_error_not_an_empty_answer() {
        let (t, _) = table("limited", |_, _| {
            Err(LookupError::RateLimited {
                retry_after_s: Some(3600),
            })
        });
        let r = RunResolver::new(vec![t]);
        assert!(matches!(
            r.lookup("example.com", RecordType::A).await,
            Err(LookupError::RateLimited { .. })
        ));
    }
}
