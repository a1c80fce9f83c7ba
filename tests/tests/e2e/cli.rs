//! The `inboxable` CLI binary against the real `inboxable-doh` serving the fixture zones:
//! the JSON report (schema 1), the text report, languages, exit codes, and input errors
//! that never reach DNS.

use serde_json::Value;

use inboxable_e2e::{Backend, Output, run_cli, zones_dir};

fn check(backend: &Backend, args: &[&str]) -> Output {
    let url = backend.doh_url();
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--resolver", &url]);
    run_cli(&all)
}

/// The fact of `kind` about `name`, as the report's `facts` array holds it.
fn fact<'a>(report: &'a Value, kind: &str, name: &str) -> &'a Value {
    report["facts"]
        .as_array()
        .expect("facts is an array")
        .iter()
        .find(|f| f["kind"] == kind && f["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} fact for {name}: {:#}", report["facts"]))
}

fn sorted_values(fact: &Value) -> Vec<String> {
    assert_eq!(fact["value"]["outcome"], "records", "{fact:#}");
    let mut v: Vec<String> = fact["value"]["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect();
    v.sort();
    v
}

/// The documented exit codes: 1 when a check fails, 2 when nothing fails but something
/// is undetermined, 0 otherwise (README "Exit codes").
pub(crate) fn expected_exit(report: &Value) -> i32 {
    match report["verdict"]["status"].as_str() {
        Some("fail") => 1,
        Some("unknown") => 2,
        _ => 0,
    }
}

#[test]
fn json_report_has_schema_1_and_the_fixture_facts() {
    let backend = Backend::start(&zones_dir(), &[]);
    let out = check(&backend, &["example.com", "--format", "json"]);
    let report = out.json();

    assert_eq!(report["schema"], 1);
    assert_eq!(report["lang"], "en");
    assert_eq!(report["input"]["domain"], "example.com");
    assert_eq!(report["sending_ips"]["source"], "mx-assumed");
    assert!(report["verdict"]["status"].is_string(), "{report:#}");
    assert!(report["checks"].is_array());

    let mx = fact(&report, "mx", "example.com");
    assert_eq!(mx["type"], "MX");
    assert_eq!(sorted_values(mx), ["10 mail.example.com."]);
    assert!(mx["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!(
        sorted_values(fact(&report, "mx-host-a", "mail.example.com")),
        ["192.0.2.25"]
    );
    assert_eq!(
        sorted_values(fact(&report, "mx-host-aaaa", "mail.example.com")),
        ["2001:db8::25"]
    );
    assert_eq!(
        sorted_values(fact(&report, "domain-txt", "example.com")),
        ["\"v=spf1 ip4:192.0.2.25 ip6:2001:db8::25 -all\""]
    );
    assert_eq!(
        fact(&report, "domain-aaaa", "example.com")["value"]["outcome"],
        "nodata"
    );

    let queries = report["queries"].as_array().expect("queries");
    assert!(!queries.is_empty());
    for q in queries {
        assert_eq!(q["resolver"], backend.doh_url().as_str(), "{q}");
        for key in [
            "name",
            "type",
            "outcome",
            "error",
            "started_ms",
            "duration_ms",
        ] {
            assert!(!q[key].is_null(), "query without {key}: {q}");
        }
    }
    let mx_check = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "mx.present");
    if let Some(c) = mx_check {
        assert_eq!(c["status"], "pass", "{c:#}");
    }
    assert_eq!(out.code, Some(expected_exit(&report)), "{}", out.stderr);
}

#[test]
fn json_report_follows_the_ptr_of_a_given_ip() {
    let backend = Backend::start(&zones_dir(), &[]);
    let out = check(
        &backend,
        &[
            "example.com",
            "--ip",
            "192.0.2.27",
            "--ip",
            "192.0.2.26",
            "--format",
            "json",
        ],
    );
    let report = out.json();
    assert_eq!(report["sending_ips"]["source"], "input");
    assert_eq!(
        sorted_values(fact(&report, "ptr", "27.2.0.192.in-addr.arpa")),
        ["out1.example.org.", "out2.example.org."]
    );
    assert_eq!(
        sorted_values(fact(&report, "ptr", "26.2.0.192.in-addr.arpa")),
        ["mismatch.example.org."]
    );
    assert_eq!(
        sorted_values(fact(&report, "ptr-a", "mismatch.example.org")),
        ["192.0.2.200"]
    );
    assert_eq!(out.code, Some(expected_exit(&report)), "{}", out.stderr);
}

#[test]
fn broken_domain_has_no_mx_and_two_spf_records() {
    let backend = Backend::start(&zones_dir(), &[]);
    let out = check(&backend, &["example.net", "--format", "json"]);
    let report = out.json();
    assert_eq!(
        fact(&report, "mx", "example.net")["value"]["outcome"],
        "nodata"
    );
    let txt = sorted_values(fact(&report, "domain-txt", "example.net"));
    assert_eq!(
        txt.iter().filter(|t| t.starts_with("\"v=spf1 ")).count(),
        2,
        "{txt:?}"
    );
    assert_eq!(out.code, Some(expected_exit(&report)), "{}", out.stderr);
}

#[test]
fn text_report_mentions_the_mx() {
    let backend = Backend::start(&zones_dir(), &[]);
    let out = check(&backend, &["example.com"]);
    assert!(
        matches!(out.code, Some(0..=2)),
        "exit {:?}: {}",
        out.code,
        out.stderr
    );
    assert!(
        out.stdout.contains("10 mail.example.com."),
        "the MX is not in the text report:\n{}",
        out.stdout
    );
    assert!(out.stdout.contains("example.com"));
}

#[test]
fn indonesian_report_differs_from_english() {
    let backend = Backend::start(&zones_dir(), &[]);
    let en = check(&backend, &["example.com", "--lang", "en"]);
    let id = check(&backend, &["example.com", "--lang", "id"]);
    assert_eq!(en.code, id.code, "the language must not change the verdict");
    assert!(id.stdout.contains("10 mail.example.com."), "{}", id.stdout);
    assert_ne!(en.stdout, id.stdout, "--lang id printed the English text");
    let json = check(
        &backend,
        &["example.com", "--lang", "id", "--format", "json"],
    )
    .json();
    assert_eq!(json["lang"], "id");
    let en_json = check(&backend, &["example.com", "--format", "json"]).json();
    assert_ne!(
        fact(&json, "mx", "example.com")["title"],
        fact(&en_json, "mx", "example.com")["title"],
        "fact titles are not translated"
    );
}

/// A resolver that answers nothing (SERVFAIL for every name) leaves every check
/// undetermined: exit 2, never 0 ("unknown is never counted as a pass").
#[test]
fn a_failing_resolver_is_undetermined_not_a_pass() {
    let backend = Backend::start(&zones_dir(), &["--fault", "*=servfail"]);
    let out = check(&backend, &["example.com", "--format", "json"]);
    let report = out.json();
    let mx = fact(&report, "mx", "example.com");
    assert_eq!(mx["value"]["outcome"], "error", "{mx:#}");
    assert_ne!(report["verdict"]["status"], "pass");
    assert_eq!(out.code, Some(2), "{}", out.stderr);
}

#[test]
fn invalid_domain_is_a_usage_error_and_queries_nothing() {
    let backend = Backend::start(&zones_dir(), &["--log-queries"]);
    for bad in ["exa mple.com", "localhost", "example..com", "192.0.2.1", ""] {
        let out = check(&backend, &[bad, "--format", "json"]);
        assert_eq!(
            out.code,
            Some(64),
            "{bad:?}: stdout {} stderr {}",
            out.stdout,
            out.stderr
        );
        assert!(
            !out.stderr.trim().is_empty(),
            "{bad:?}: no message on stderr"
        );
        assert!(out.stdout.trim().is_empty(), "{bad:?}: {}", out.stdout);
    }
    let sent = backend.queries_until_now();
    assert!(sent.is_empty(), "invalid input reached DNS: {sent:?}");
}

#[test]
fn invalid_ip_is_a_usage_error_naming_the_value() {
    let backend = Backend::start(&zones_dir(), &["--log-queries"]);
    let out = check(&backend, &["example.com", "--ip", "192.0.2.300"]);
    assert_eq!(out.code, Some(64), "{}", out.stderr);
    assert!(out.stderr.contains("192.0.2.300"), "{}", out.stderr);
    assert!(backend.queries_until_now().is_empty());
}
