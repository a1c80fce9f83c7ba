//! The engine's DoH client (`RunResolver` over DoH JSON) against the real `inboxable-doh`
//! serving the fixture zones: typed answers, NXDOMAIN vs NODATA, CNAME chains, TXT string
//! boundaries, injected faults as typed errors, and one query per identical question.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use inboxable_core::dns::{Answer, LookupError, RData, RecordType};
use inboxable_core::facts::{Fact, FactKind, FactValue};
use inboxable_core::input::RawInput;
use inboxable_core::resolver::{Resolver, ResolverChoice, RunResolver};
use inboxable_e2e::{Backend, zones_dir};

fn resolver(backend: &Backend, timeout_ms: u64) -> RunResolver {
    ResolverChoice::Custom(backend.doh_url()).build(timeout_ms)
}

async fn ask(r: &RunResolver, name: &str, rtype: RecordType) -> Answer {
    r.lookup(name, rtype)
        .await
        .unwrap_or_else(|e| panic!("{name} {rtype}: {e}"))
}

fn addresses(a: &Answer) -> Vec<String> {
    a.addresses().iter().map(ToString::to_string).collect()
}

#[tokio::test]
async fn records_of_each_type_are_typed() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = resolver(&backend, 5000);

    let a = ask(&r, "mail.example.com", RecordType::A).await;
    assert_eq!(addresses(&a), ["192.0.2.25"]);
    assert!(!a.nxdomain && a.cnames.is_empty());
    assert_eq!(a.records[0].ttl, 300);

    let aaaa = ask(&r, "MAIL.Example.COM.", RecordType::AAAA).await;
    assert_eq!(addresses(&aaaa), ["2001:db8::25"]);
    assert_eq!(aaaa.question.name, "mail.example.com");

    let mx = ask(&r, "example.com", RecordType::MX).await;
    assert_eq!(
        mx.records
            .iter()
            .map(|r| r.data.clone())
            .collect::<Vec<_>>(),
        [RData::Mx {
            preference: 10,
            exchange: "mail.example.com".into()
        }]
    );

    let ptr = ask(&r, "25.2.0.192.in-addr.arpa", RecordType::PTR).await;
    assert_eq!(ptr.names(), ["mail.example.com"]);
    let mut two = ask(&r, "27.2.0.192.in-addr.arpa", RecordType::PTR)
        .await
        .names();
    two.sort();
    assert_eq!(two, ["out1.example.org", "out2.example.org"]);
    let v6 = inboxable_core::dns::reverse_name("2001:db8::25".parse().unwrap());
    assert_eq!(
        ask(&r, &v6, RecordType::PTR).await.names(),
        ["mail.example.com"]
    );
}

/// RFC 2308 §2.1/§2.2: NXDOMAIN says the name does not exist; NODATA says the name
/// exists without records of the type — including an empty non-terminal.
#[tokio::test]
async fn nxdomain_and_nodata_are_distinct() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = resolver(&backend, 5000);

    let nx = ask(&r, "no-such-name.example.com", RecordType::A).await;
    assert!(nx.nxdomain && nx.records.is_empty(), "{nx:?}");
    assert_eq!(nx.outcome(), "NXDOMAIN");

    let only_v6 = ask(&r, "v6only.example.com", RecordType::A).await;
    assert!(only_v6.is_nodata(), "{only_v6:?}");
    assert_eq!(only_v6.outcome(), "NODATA");

    let no_mx = ask(&r, "example.net", RecordType::MX).await;
    assert!(no_mx.is_nodata(), "{no_mx:?}");

    let empty_non_terminal = ask(&r, "_domainkey.example.com", RecordType::TXT).await;
    assert!(empty_non_terminal.is_nodata(), "{empty_non_terminal:?}");

    let no_ptr = ask(&r, "28.2.0.192.in-addr.arpa", RecordType::PTR).await;
    assert!(no_ptr.nxdomain, "{no_ptr:?}");
}

/// RFC 1034 §3.6.2: the answer to a name that is an alias carries the CNAME and the
/// records of its target; the client follows the chain, across zones too.
#[tokio::test]
async fn cname_chains_are_followed() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = resolver(&backend, 5000);

    let across = ask(&r, "mx.example.org", RecordType::A).await;
    assert_eq!(
        across.cnames,
        [("mx.example.org".to_owned(), "mail.example.com".to_owned())]
    );
    assert_eq!(addresses(&across), ["192.0.2.25"]);
    assert_eq!(across.records[0].name, "mail.example.com");

    let within = ask(&r, "alias.example.com", RecordType::AAAA).await;
    assert_eq!(within.cnames.len(), 1);
    assert_eq!(addresses(&within), ["2001:db8::25"]);

    let cname_itself = ask(&r, "mx.example.org", RecordType::CNAME).await;
    assert_eq!(cname_itself.names(), ["mail.example.com"]);
}

/// RFC 7208 §3.3 / RFC 6376 §3.6.2.2: a TXT record is a sequence of character-strings
/// that are joined without spaces; the boundaries themselves must reach the engine.
#[tokio::test]
async fn txt_string_boundaries_are_preserved() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = resolver(&backend, 5000);

    let quotes = ask(&r, "quotes.example.com", RecordType::TXT).await;
    let RData::Txt(txt) = &quotes.records[0].data else {
        panic!("not TXT: {quotes:?}")
    };
    assert!(txt.boundaries_known);
    assert_eq!(
        txt.strings,
        ["first string", "say \"hi\"", "third; with ; semicolons"]
    );

    let dkim = ask(&r, "mail2024._domainkey.example.com", RecordType::TXT).await;
    let RData::Txt(key) = &dkim.records[0].data else {
        panic!("not TXT: {dkim:?}")
    };
    assert_eq!(key.strings.len(), 2, "{key:?}");
    assert!(key.strings[0].starts_with("v=DKIM1; k=rsa; p=MIIBIjAN"));
    assert_eq!(key.strings[1].len(), 192);
    assert!(key.joined().ends_with("CQIDAQAB"));

    let mut spf = ask(&r, "example.net", RecordType::TXT).await.txt_values();
    spf.sort();
    assert_eq!(
        spf,
        [
            "site-verification=abc123",
            "v=spf1 a ~all",
            "v=spf1 mx -all"
        ]
    );
}

/// RFC 4592 §3.3.1: a wildcard synthesises records owned by the name asked for.
#[tokio::test]
async fn wildcards_answer_for_the_asked_name() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = resolver(&backend, 5000);
    let txt = ask(&r, "anything.wild.example.com", RecordType::TXT).await;
    assert_eq!(txt.txt_values(), ["wildcard"]);
    assert_eq!(txt.records[0].name, "anything.wild.example.com");
    let a = ask(&r, "a.b.wild.example.com", RecordType::A).await;
    assert_eq!(addresses(&a), ["192.0.2.99"]);
}

/// RFC 4035 §3.2.3: AD is set only for data the server validated; the fixture zones are
/// unsigned, so no answer may claim to be authenticated.
#[tokio::test]
async fn unsigned_answers_are_not_authenticated() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = resolver(&backend, 5000);
    for (name, rtype) in [
        ("example.com", RecordType::MX),
        ("example.com", RecordType::TXT),
        ("no-such-name.example.com", RecordType::A),
    ] {
        assert!(!ask(&r, name, rtype).await.authenticated, "{name} {rtype}");
    }
}

#[tokio::test]
async fn dns_faults_become_typed_errors() {
    let backend = Backend::start(
        &zones_dir(),
        &[
            "--fault",
            "servfail.example.com=servfail",
            "--fault",
            "refused.example.com=refused",
            "--fault",
            "http500.example.com=http500",
            "--fault",
            "malformed.example.com=malformed",
            "--fault",
            "truncated.example.com=truncated",
        ],
    );
    let r = resolver(&backend, 5000);
    let lookup = |name: &'static str| {
        let r = r.clone();
        async move { r.lookup(name, RecordType::A).await }
    };
    assert_eq!(
        lookup("servfail.example.com").await,
        Err(LookupError::ServFail)
    );
    assert_eq!(
        lookup("refused.example.com").await,
        Err(LookupError::Refused)
    );
    assert_eq!(
        lookup("http500.example.com").await,
        Err(LookupError::Http { status: 500 })
    );
    assert!(
        matches!(
            lookup("malformed.example.com").await,
            Err(LookupError::Malformed { .. })
        ),
        "malformed body"
    );
    assert!(
        matches!(
            lookup("truncated.example.com").await,
            Err(LookupError::Malformed { .. })
        ),
        "truncated body"
    );
    // The other names still answer.
    assert!(lookup("mail.example.com").await.is_ok());
    let log = r.log();
    assert!(log.iter().filter(|q| q.error).count() == 5, "{log:?}");
}

/// RFC 6585 §4: 429 asks the client to slow down; the engine waits `Retry-After` once
/// and, when the resolver still refuses, reports `RateLimited` — never "no records".
#[tokio::test]
async fn http_429_is_retried_then_rate_limited() {
    let backend = Backend::start(
        &zones_dir(),
        &["--fault", "limited.example.com=http429:1", "--log-queries"],
    );
    let r = resolver(&backend, 5000);
    let started = Instant::now();
    let result = r.lookup("limited.example.com", RecordType::TXT).await;
    assert_eq!(
        result,
        Err(LookupError::RateLimited {
            retry_after_s: Some(1)
        })
    );
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "Retry-After: 1 was not waited for ({:?})",
        started.elapsed()
    );
    let sent: Vec<_> = r
        .log()
        .into_iter()
        .filter(|q| q.name == "limited.example.com")
        .collect();
    assert_eq!(sent.len(), 2, "one try and one retry: {sent:?}");
    assert!(sent.iter().all(|q| q.error));
}

#[tokio::test]
async fn a_held_request_times_out_on_the_client() {
    let backend = Backend::start(&zones_dir(), &["--fault", "slow.example.com=timeout"]);
    let r = resolver(&backend, 300);
    let started = Instant::now();
    assert_eq!(
        r.lookup("slow.example.com", RecordType::A).await,
        Err(LookupError::Timeout { after_ms: 300 })
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // The server held only that request.
    assert!(r.lookup("mail.example.com", RecordType::A).await.is_ok());
}

fn input(domain: &str, ips: &str, host: &str) -> inboxable_core::input::Input {
    RawInput {
        domain: domain.into(),
        ips: ips.into(),
        host: host.into(),
        ..RawInput::default()
    }
    .parse()
    .expect("valid fixture input")
}

fn fact<'a>(facts: &'a [Fact], kind: FactKind, name: &str) -> &'a Fact {
    facts
        .iter()
        .find(|f| f.kind == kind && f.name == name)
        .unwrap_or_else(|| panic!("no {kind:?} fact for {name} in {facts:#?}"))
}

fn values(f: &Fact) -> Vec<String> {
    match &f.value {
        FactValue::Records { values } => values.clone(),
        other => panic!("{:?} {}: expected records, got {other:?}", f.kind, f.name),
    }
}

#[tokio::test]
async fn run_completes_with_the_other_facts_when_a_lookup_fails() {
    let backend = Backend::start(&zones_dir(), &["--fault", "mail.example.com=servfail"]);
    let r = resolver(&backend, 5000);
    let emitted = RefCell::new(Vec::new());
    let report = inboxable_core::run::run(&input("example.com", "", ""), &r, &|f| {
        emitted.borrow_mut().push(f.clone())
    })
    .await;
    let facts = &report.facts;
    assert_eq!(
        values(fact(facts, FactKind::Mx, "example.com")),
        ["10 mail.example.com."]
    );
    for kind in [FactKind::MxHostA, FactKind::MxHostAaaa] {
        assert_eq!(
            fact(facts, kind, "mail.example.com").value,
            FactValue::Error {
                error: LookupError::ServFail
            }
        );
    }
    assert_eq!(
        values(fact(facts, FactKind::DomainA, "example.com")),
        ["192.0.2.80"]
    );
    assert_eq!(
        values(fact(facts, FactKind::DomainTxt, "example.com")),
        ["\"v=spf1 ip4:192.0.2.25 ip6:2001:db8::25 -all\""]
    );
    assert_eq!(
        fact(facts, FactKind::DomainAaaa, "example.com").value,
        FactValue::Nodata
    );
    assert_eq!(
        *emitted.borrow(),
        report.facts,
        "every fact was emitted live"
    );
    assert_eq!(report.schema, 1);
}

#[tokio::test]
async fn run_follows_ptr_chains_for_both_families() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = resolver(&backend, 5000);
    let report = inboxable_core::run::run(
        &input("example.com", "192.0.2.26 192.0.2.27 2001:db8::25", ""),
        &r,
        &|_| {},
    )
    .await;
    let facts = &report.facts;
    let ptr = |ip: &str| {
        let ip = ip.parse().unwrap();
        let f = facts
            .iter()
            .find(|f| f.kind == FactKind::Ptr && f.ip == Some(ip))
            .unwrap_or_else(|| panic!("no PTR fact for {ip}: {facts:#?}"));
        let mut v = values(f);
        v.sort();
        v
    };
    assert_eq!(ptr("192.0.2.26"), ["mismatch.example.org."]);
    assert_eq!(
        ptr("192.0.2.27"),
        ["out1.example.org.", "out2.example.org."]
    );
    assert_eq!(ptr("2001:db8::25"), ["mail.example.com."]);
    // The forward side: the mismatching name points elsewhere, the two names back.
    assert_eq!(
        values(fact(facts, FactKind::PtrA, "mismatch.example.org")),
        ["192.0.2.200"]
    );
    assert_eq!(
        values(fact(facts, FactKind::PtrA, "out2.example.org")),
        ["192.0.2.27"]
    );
    assert_eq!(
        values(fact(facts, FactKind::PtrAaaa, "mail.example.com")),
        ["2001:db8::25"]
    );
}

/// SPEC "Resolving DNS": identical queries are made once per run. mail.example.com's A
/// is wanted as the MX host, as the mail hostname and as the PTR name of 192.0.2.25.
#[tokio::test]
async fn identical_queries_are_sent_once_per_run() {
    let backend = Backend::start(&zones_dir(), &["--log-queries"]);
    let r = resolver(&backend, 5000);
    let report = inboxable_core::run::run(
        &input("example.com", "192.0.2.25", "mail.example.com"),
        &r,
        &|_| {},
    )
    .await;
    assert!(
        report
            .facts
            .iter()
            .filter(|f| f.name == "mail.example.com" && f.rtype == RecordType::A)
            .count()
            >= 2,
        "the fixture must ask for mail.example.com A more than once: {:#?}",
        report.facts
    );
    let server_saw = backend.queries_until_now();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    for q in &server_saw {
        *counts.entry((q.name.clone(), q.qtype.clone())).or_default() += 1;
    }
    let repeated: Vec<_> = counts.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "sent more than once: {repeated:?}");
    assert_eq!(
        counts.get(&("mail.example.com".into(), "A".into())),
        Some(&1)
    );
    assert_eq!(report.queries.len(), server_saw.len(), "{server_saw:?}");
    assert!(r.lookups_asked() > report.queries.len());
}

/// SPEC "Resolving DNS": independent queries run concurrently. With 300 ms added to
/// every answer, the run's longest dependency chains have two steps (MX → MX host A,
/// PTR → PTR name A): about 600 ms, where one query at a time would take 300 ms × each
/// of the eleven queries.
#[tokio::test]
async fn independent_queries_run_concurrently() {
    let backend = Backend::start(&zones_dir(), &["--latency", "300"]);
    let r = resolver(&backend, 5000);
    let started = Instant::now();
    let report = inboxable_core::run::run(
        &input("example.com", "192.0.2.26 192.0.2.27", "mail.example.com"),
        &r,
        &|_| {},
    )
    .await;
    let elapsed = started.elapsed();
    let sequential = Duration::from_millis(300) * u32::try_from(report.queries.len()).unwrap();
    assert!(report.queries.len() >= 10, "{:?}", report.queries);
    assert!(
        elapsed >= Duration::from_millis(600),
        "two dependent steps of 300 ms each: {elapsed:?}"
    );
    assert!(
        elapsed < sequential / 2,
        "{} queries took {elapsed:?}, about as long as one at a time ({sequential:?})",
        report.queries.len()
    );
}
