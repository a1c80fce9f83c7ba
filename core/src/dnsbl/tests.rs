//! Tests of the blocklist family: the pure judgement and aggregation, and the whole
//! check over a fixture resolver ([`MemoryTransport`] inside a [`RunResolver`]).

use std::cell::{Cell, RefCell};
use std::net::{IpAddr, Ipv4Addr};
use std::rc::Rc;
use std::time::Duration;

use futures::FutureExt;
use futures::future::LocalBoxFuture;

use super::*;
use crate::dns::{LookupResult, Question};
use crate::i18n::Lang;
use crate::input::Input;
use crate::resolver::{MemoryTransport, RunResolver, Transport, sleep};

fn list(id: &str) -> List {
    Catalogue::builtin()
        .lists()
        .iter()
        .find(|l| l.id == id)
        .unwrap()
        .clone()
}

fn hit(code: &str, weight: Weight) -> Reading {
    Reading::Listed(vec![Hit {
        code: code.parse().unwrap(),
        meaning: "dnsbl-code-listed".into(),
        weight,
    }])
}

fn error(code: &str) -> Reading {
    Reading::Error {
        code: code.parse().unwrap(),
        meaning: "dnsbl-error-spamhaus-public-resolver".into(),
    }
}

const NAMES: (&str, &str) = ("2.0.0.127.zen.spamhaus.org", "1.0.0.127.zen.spamhaus.org");

#[test]
fn a_list_is_trusted_only_after_both_test_points_answer_as_documented() {
    let zen = list("spamhaus-zen");
    let ok = || hit("127.0.0.2", Weight::Major);
    let j = |a, b, c| judge(&zen, false, NAMES, a, b, c);

    assert_eq!(
        j(ok(), Reading::NotListed, Reading::NotListed).state,
        State::Clean
    );
    let listed = j(ok(), Reading::NotListed, hit("127.0.0.4", Weight::Major));
    assert_eq!(listed.state, State::Listed);
    assert_eq!(listed.to_json()["code"], "127.0.0.4");

    // Google's "NXDOMAIN for everything" looks like "not listed": only the test
    // point tells it apart.
    let hidden = j(Reading::NotListed, Reading::NotListed, Reading::NotListed);
    assert_eq!(hidden.state, State::Unknown);
    assert_eq!(
        hidden.unknown,
        Some(Unknown::TestNotListed {
            name: NAMES.0.into()
        })
    );
    // A list that answers "listed" for everything.
    let all = j(ok(), ok(), ok());
    assert_eq!(all.state, State::Unknown);
    assert_eq!(all.unknown.unwrap().code(), "test-listed");
    // Spamhaus's refusal to public resolvers: an error code, never a listing.
    let refused = j(
        error("127.255.255.254"),
        error("127.255.255.254"),
        error("127.255.255.254"),
    );
    assert_eq!(refused.state, State::Unknown);
    let v = refused.to_json();
    assert_eq!(v["state"], "unknown");
    assert_eq!(v["code"], "127.255.255.254");
    assert_eq!(v["meaning"], "dnsbl-error-spamhaus-public-resolver");
    assert_eq!(v["reason"], "error-code");
    // Probes fine, the query itself refused or failed.
    assert_eq!(
        j(ok(), Reading::NotListed, error("127.255.255.255")).state,
        State::Unknown
    );
    let failed = j(
        ok(),
        Reading::NotListed,
        Reading::Failed(LookupError::Timeout { after_ms: 5000 }),
    );
    assert_eq!(failed.state, State::Unknown);
    assert_eq!(failed.to_json()["reason"], "lookup");
    assert_eq!(
        j(
            Reading::Failed(LookupError::ServFail),
            Reading::NotListed,
            Reading::NotListed
        )
        .state,
        State::Unknown,
        "a SERVFAIL test point is unknown, not clean"
    );
}

fn outcome(id: &str, state: State, weight: Option<Weight>) -> ListOutcome {
    let l = list(id);
    let mut o = ListOutcome::new(&l, false, state);
    if let Some(w) = weight {
        o.hits = vec![Hit {
            code: Ipv4Addr::new(127, 0, 0, 2),
            meaning: "dnsbl-code-listed".into(),
            weight: w,
        }];
    }
    if state == State::Unknown {
        o.unknown = Some(Unknown::Lookup(LookupError::ServFail));
    }
    o
}

#[test]
fn status_aggregation_rules() {
    use State::*;
    let major_listed = outcome("spamhaus-zen", Listed, Some(Weight::Major));
    let minor_listed = outcome("psbl", Listed, Some(Weight::Minor));
    let info_listed = outcome("uceprotect-3", Listed, Some(Weight::Info));
    let major_clean = outcome("spamhaus-zen", Clean, None);
    let major_unknown = outcome("spamhaus-zen", Unknown, None);
    let minor_clean = outcome("psbl", Clean, None);
    let minor_unknown = outcome("psbl", Unknown, None);
    let skipped = outcome("spamcop", Skipped, None);

    let agg = |os: &[&ListOutcome]| aggregate(&os.iter().map(|o| (*o).clone()).collect::<Vec<_>>());
    assert_eq!(agg(&[&major_listed, &minor_clean]), Status::Fail);
    assert_eq!(agg(&[&major_unknown, &minor_listed]), Status::Warn);
    assert_eq!(
        agg(&[&major_clean, &minor_listed, &info_listed]),
        Status::Warn
    );
    assert_eq!(
        agg(&[&major_clean, &info_listed]),
        Status::Info,
        "informational lists never fail or warn"
    );
    assert_eq!(agg(&[&major_unknown, &minor_clean]), Status::Unknown);
    assert_eq!(agg(&[&major_unknown, &info_listed]), Status::Unknown);
    assert_eq!(
        agg(&[&major_clean, &minor_unknown, &skipped]),
        Status::Pass,
        "an unreadable minor list does not hide a clean major one"
    );
    assert_eq!(
        agg(&[&skipped]),
        Status::Unknown,
        "skipped lists are never a pass"
    );
    assert_eq!(agg(&[]), Status::Unknown);
    // A minor-weight code on a major list (URIBL grey) warns, not fails.
    let grey = outcome("uribl", Listed, Some(Weight::Minor));
    assert_eq!(agg(&[&grey]), Status::Warn);
}

#[test]
fn redact_hides_the_key_in_any_case() {
    let key = "abcdefghijklmnopqrstuvwxyz";
    assert_eq!(
        redact(
            "2.0.0.127.ABCDEFGHIJKLMNOPQRSTUVWXYZ.zen.dq.spamhaus.net",
            key
        ),
        "2.0.0.127.<dqs-key>.zen.dq.spamhaus.net"
    );
    assert_eq!(redact("example.com", key), "example.com");
    assert_eq!(redact("example.com", ""), "example.com");
}

/// A transport that answers from a [`MemoryTransport`] after a short delay and
/// records how many questions were in flight at once.
struct Slow {
    table: MemoryTransport,
    in_flight: Rc<Cell<usize>>,
    max_in_flight: Rc<Cell<usize>>,
    asked: Rc<RefCell<Vec<String>>>,
}

impl Transport for Slow {
    fn label(&self) -> &str {
        "slow-memory"
    }
    fn query(&self, question: Question) -> LocalBoxFuture<'_, LookupResult> {
        self.asked.borrow_mut().push(question.name.clone());
        self.in_flight.set(self.in_flight.get() + 1);
        self.max_in_flight
            .set(self.max_in_flight.get().max(self.in_flight.get()));
        async move {
            sleep(Duration::from_millis(20)).await;
            self.in_flight.set(self.in_flight.get() - 1);
            self.table.answer(&question)
        }
        .boxed_local()
    }
}

fn a(m: &mut MemoryTransport, name: &str, addr: &str) {
    m.ip(name, addr.parse().unwrap());
}

/// zen lists 192.0.2.66 and answers its test points; spamcop refuses everything
/// with Spamhaus-style codes it does not know (so they read as listings, and its
/// unlisted test point catches that); psbl hides its test point; UCEPROTECT L3
/// lists the IP (informational); the SpamEatingMonkey IPv6 zone lists 2001:db8::66;
/// DBL lists bad.example.
fn fixture() -> MemoryTransport {
    let mut m = MemoryTransport::new();
    a(&mut m, "2.0.0.127.zen.spamhaus.org", "127.0.0.2");
    a(&mut m, "66.2.0.192.zen.spamhaus.org", "127.0.0.2");
    a(&mut m, "66.2.0.192.zen.spamhaus.org", "127.0.0.4");
    for n in ["2.0.0.127", "1.0.0.127", "66.2.0.192", "25.2.0.192"] {
        a(&mut m, &format!("{n}.bl.spamcop.net"), "127.0.0.2");
    }
    a(&mut m, "2.0.0.127.dnsbl-3.uceprotect.net", "127.0.0.2");
    a(&mut m, "66.2.0.192.dnsbl-3.uceprotect.net", "127.0.0.2");
    let v6 = |ip: &str| {
        query_name(
            &Subject::Ip(ip.parse().unwrap()),
            "bl.ipv6.spameatingmonkey.net",
        )
    };
    a(&mut m, &v6("::ffff:7f00:2"), "127.0.0.2");
    a(&mut m, &v6("2001:db8::66"), "127.0.0.2");
    a(&mut m, "dbltest.com.dbl.spamhaus.org", "127.0.1.2");
    a(&mut m, "bad.example.dbl.spamhaus.org", "127.0.1.2");
    m
}

fn subset() -> Catalogue {
    Catalogue::builtin().only_zones(&[
        "zen.spamhaus.org",
        "bl.spamcop.net",
        "psbl.surriel.com",
        "dnsbl-3.uceprotect.net",
        "bl.ipv6.spameatingmonkey.net",
        "dbl.spamhaus.org",
    ])
}

struct Run {
    results: Vec<CheckResult>,
    resolver: RunResolver,
    max_in_flight: usize,
    asked: Vec<String>,
}

async fn run_fixture(domain: &str, ips: &[&str], options: &DnsblOptions) -> Run {
    let in_flight = Rc::new(Cell::new(0));
    let max_in_flight = Rc::new(Cell::new(0));
    let asked = Rc::new(RefCell::new(Vec::new()));
    let resolver = RunResolver::new(vec![Box::new(Slow {
        table: fixture(),
        in_flight,
        max_in_flight: Rc::clone(&max_in_flight),
        asked: Rc::clone(&asked),
    })]);
    let input = Input {
        domain: domain.into(),
        domain_unicode: None,
        ips: ips.iter().map(|i| i.parse::<IpAddr>().unwrap()).collect(),
        host: None,
        selectors: vec![],
        helo: None,
        message: None,
    };
    let emitted = RefCell::new(Vec::new());
    let emit = |r: &CheckResult| emitted.borrow_mut().push(r.id.clone());
    let ctx = CheckContext {
        input: &input,
        resolver: &resolver,
        emit: &emit,
    };
    let results = run_with(&ctx, options).await;
    assert_eq!(
        emitted.borrow().len(),
        results.len(),
        "every result is emitted"
    );
    let asked = asked.borrow().clone();
    Run {
        results,
        resolver,
        max_in_flight: max_in_flight.get(),
        asked,
    }
}

fn states(r: &CheckResult) -> Vec<(String, String)> {
    r.details["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["zone"].as_str().unwrap().to_owned(),
                l["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn state_of(r: &CheckResult, zone: &str) -> String {
    states(r)
        .into_iter()
        .find(|(z, _)| z == zone)
        .map(|(_, s)| s)
        .unwrap_or_else(|| panic!("{zone} not in details"))
}

#[tokio::test]
async fn listed_ip_fails_and_every_list_is_asked_at_once() {
    let options = DnsblOptions {
        catalogue: subset(),
        dqs_key: None,
    };
    let run = run_fixture("bad.example", &["192.0.2.66", "192.0.2.25"], &options).await;
    let ip = |s: &str| {
        run.results
            .iter()
            .find(|r| r.id == "ip.blocklists" && r.subject.as_deref() == Some(s))
            .unwrap()
    };

    let listed = ip("192.0.2.66");
    assert_eq!(listed.status, Status::Fail);
    assert_eq!(state_of(listed, "zen.spamhaus.org"), "listed");
    assert_eq!(
        state_of(listed, "bl.spamcop.net"),
        "unknown",
        "answers everything"
    );
    assert_eq!(
        state_of(listed, "psbl.surriel.com"),
        "unknown",
        "test point NXDOMAIN"
    );
    assert_eq!(state_of(listed, "dnsbl-3.uceprotect.net"), "listed");
    assert!(
        !states(listed).iter().any(|(z, _)| z.contains("ipv6")),
        "IPv6-only zones are not asked about IPv4 addresses"
    );
    let zen = &listed.details["lists"][0];
    assert_eq!(zen["meaning"], "dnsbl-code-spamhaus-sbl");
    assert_eq!(zen["codes"].as_array().unwrap().len(), 2);
    let e = listed.explanation.as_ref().unwrap();
    assert!(
        e.references
            .iter()
            .any(|r| r.url == "https://check.spamhaus.org/")
    );
    let text: Vec<String> = e.found.iter().map(|m| m.render(Lang::En)).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("zen.spamhaus.org") && t.contains("127.0.0.2"))
    );
    for lang in Lang::ALL {
        assert!(
            !listed.summary.render(lang).contains('{'),
            "{lang:?} summary filled"
        );
    }

    // 192.0.2.25 is clean on zen, but SpamCop (major) could not be used: unknown,
    // never a pass.
    let clean = ip("192.0.2.25");
    assert_eq!(state_of(clean, "zen.spamhaus.org"), "clean");
    assert_eq!(state_of(clean, "dnsbl-3.uceprotect.net"), "clean");
    assert_eq!(clean.status, Status::Unknown);
    assert!(clean.summary.render(Lang::En).contains("bl.spamcop.net"));

    let domain = run
        .results
        .iter()
        .find(|r| r.id == "domain.blocklists")
        .unwrap();
    assert_eq!(domain.subject.as_deref(), Some("bad.example"));
    assert_eq!(domain.status, Status::Fail);
    assert_eq!(domain.details["lists"][0]["meaning"], "dnsbl-code-dbl-spam");

    // Each test point asked once per run, however many subjects share it …
    let probes = run
        .asked
        .iter()
        .filter(|n| *n == "2.0.0.127.zen.spamhaus.org")
        .count();
    assert_eq!(probes, 1);
    // … and everything in flight together, not list by list.
    assert!(
        run.max_in_flight >= 10,
        "only {} queries were in flight at once",
        run.max_in_flight
    );
}

#[tokio::test]
async fn ipv6_sender_skips_ipv4_only_lists() {
    let options = DnsblOptions {
        catalogue: subset(),
        dqs_key: None,
    };
    let run = run_fixture("good.example", &["2001:db8::66"], &options).await;
    let r = run
        .results
        .iter()
        .find(|r| r.id == "ip.blocklists")
        .unwrap();
    assert_eq!(state_of(r, "bl.spamcop.net"), "skipped");
    assert_eq!(state_of(r, "bl.ipv6.spameatingmonkey.net"), "listed");
    assert_eq!(state_of(r, "zen.spamhaus.org"), "clean", "zen answers IPv6");
    assert_eq!(r.status, Status::Warn, "SpamEatingMonkey is a minor list");
    let d = run
        .results
        .iter()
        .find(|r| r.id == "domain.blocklists")
        .unwrap();
    assert_eq!(d.status, Status::Pass);
}

#[tokio::test]
async fn dqs_key_goes_to_dqs_zones_and_nowhere_else() {
    let key = DqsKey::parse("abcdefghijklmnopqrstuvwxyz").unwrap();
    let options = DnsblOptions {
        catalogue: Catalogue::builtin().only_zones(&["zen.spamhaus.org", "dbl.spamhaus.org"]),
        dqs_key: Some(key.clone()),
    };
    let run = run_fixture("example.com", &["192.0.2.66"], &options).await;
    assert!(
        run.asked
            .iter()
            .any(|n| n == "2.0.0.127.abcdefghijklmnopqrstuvwxyz.zen.dq.spamhaus.net")
    );
    assert!(
        run.asked
            .iter()
            .any(|n| n == "dbltest.com.abcdefghijklmnopqrstuvwxyz.dbl.dq.spamhaus.net")
    );
    for r in &run.results {
        // The fixture has no DQS zones: the test point is NXDOMAIN, so unknown.
        assert_eq!(r.status, Status::Unknown);
        let json = serde_json::to_string(r).unwrap();
        assert!(!json.contains(key.expose()), "key leaked into {json}");
        let e = r
            .explanation
            .as_ref()
            .unwrap()
            .to_json(Lang::En)
            .to_string();
        assert!(!e.contains(key.expose()), "key leaked into {e}");
        assert!(json.contains("\"via\":\"dqs\""));
    }
    let logged: Vec<String> = run
        .resolver
        .log()
        .iter()
        .map(|q| redact(&q.name, key.expose()))
        .collect();
    assert!(logged.iter().all(|n| !n.contains(key.expose())));
}

#[tokio::test]
async fn no_sending_ip_is_unknown_not_clean() {
    let options = DnsblOptions {
        catalogue: subset(),
        dqs_key: None,
    };
    // The domain has no MX in the fixture, so there is no sending IP to check.
    let run = run_fixture("nomx.example", &[], &options).await;
    let r = run
        .results
        .iter()
        .find(|r| r.id == "ip.blocklists")
        .unwrap();
    assert_eq!(r.status, Status::Unknown);
}
