//! SPF (RFC 7208) through the `inboxable` CLI against the real `inboxable-doh` serving the
//! fixture zones: `inboxable spf` (check_host with its trace) and the `spf.*` checks of
//! `inboxable check`. Fixtures: example.com (healthy), example.net (two records) and the
//! SPF names of example.info (see tests/zones/example.info.zone).

use serde_json::Value;

use inboxable_e2e::{Backend, Output, run_cli, zones_dir};

fn cli(backend: &Backend, command: &str, args: &[&str]) -> Output {
    let url = backend.doh_url();
    let mut all = vec![command];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--resolver", &url]);
    run_cli(&all)
}

/// `inboxable spf DOMAIN --ip IP --format json`.
fn spf_json(backend: &Backend, domain: &str, ip: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec![domain, "--ip", ip, "--format", "json"];
    args.extend_from_slice(extra);
    let out = cli(backend, "spf", &args);
    let value = out.json();
    (out.code, value)
}

/// `inboxable check DOMAIN … --format json`.
fn check_json(backend: &Backend, domain: &str, extra: &[&str]) -> Value {
    let mut args = vec![domain, "--format", "json"];
    args.extend_from_slice(extra);
    let out = cli(backend, "check", &args);
    out.json()
}

/// The check `id` (the first one, or the one about `subject`).
fn check<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks is an array")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id} check in {:#}", report["checks"]))
}

fn terms(decided_by: &Value) -> Vec<String> {
    decided_by
        .as_array()
        .expect("decided_by is an array")
        .iter()
        .map(|d| d["term"].as_str().expect("term").to_owned())
        .collect()
}

fn records(check: &Value) -> Vec<(String, String)> {
    check["explanation"]["records"]
        .as_array()
        .unwrap_or_else(|| panic!("no explanation.records: {check:#}"))
        .iter()
        .map(|r| {
            (
                r["place"].as_str().expect("place").to_owned(),
                r["record"].as_str().expect("record").to_owned(),
            )
        })
        .collect()
}

/// RFC 7208 §5.6: an `ip4` mechanism matching the client IP gives `pass`.
#[test]
fn rfc7208_5_6_ip4_match_passes() {
    let backend = Backend::start(&zones_dir(), &[]);
    let (code, spf) = spf_json(&backend, "example.com", "192.0.2.25", &[]);
    assert_eq!(spf["result"], "pass", "{spf:#}");
    assert_eq!(terms(&spf["decided_by"]), ["ip4:192.0.2.25"], "{spf:#}");
    assert_eq!(spf["lookups"], 0);
    assert_eq!(spf["lookups_total"], 0);
    assert_eq!(spf["void_lookups"], 0);
    assert!(
        spf["queries"].as_array().is_some_and(|q| q
            .iter()
            .any(|q| q["name"] == "example.com" && q["type"] == "TXT")),
        "the TXT query is not in the log: {spf:#}"
    );
    assert_eq!(code, Some(0), "exit of a pass");

    let report = check_json(&backend, "example.com", &["--ip", "192.0.2.25"]);
    let authorizes = check(&report, "spf.authorizes-ip");
    assert_eq!(authorizes["status"], "pass", "{authorizes:#}");
    assert_eq!(authorizes["subject"], "192.0.2.25");
    for id in [
        "spf.present",
        "spf.single",
        "spf.syntax",
        "spf.lookups",
        "spf.all",
    ] {
        assert_eq!(
            check(&report, id)["status"],
            "pass",
            "{:#}",
            check(&report, id)
        );
    }
}

/// RFC 7208 §5.1 / §2.6.4: an unlisted IP reaches `-all` and fails; the fix adds it.
#[test]
fn rfc7208_5_1_unlisted_ip_fails_on_dash_all_with_an_ip4_fix() {
    let backend = Backend::start(&zones_dir(), &[]);
    let (code, spf) = spf_json(&backend, "example.com", "192.0.2.99", &[]);
    assert_eq!(spf["result"], "fail", "{spf:#}");
    assert_eq!(terms(&spf["decided_by"]), ["-all"], "{spf:#}");
    assert_eq!(code, Some(1), "exit of a fail");

    let report = check_json(&backend, "example.com", &["--ip", "192.0.2.99"]);
    let authorizes = check(&report, "spf.authorizes-ip");
    assert_eq!(authorizes["status"], "fail", "{authorizes:#}");
    assert_eq!(authorizes["details"]["result"], "fail", "{authorizes:#}");
    let recs = records(authorizes);
    assert!(
        recs.iter().any(|(place, r)| place == "dns-host"
            && r.starts_with("example.com. ")
            && r.contains("TXT")
            && r.contains("v=spf1 ")
            && r.contains("ip4:192.0.2.99")
            && r.contains("ip4:192.0.2.25")),
        "no record adding ip4:192.0.2.99 next to the existing terms: {recs:?}"
    );
    let why = authorizes["explanation"]["why"].as_str().unwrap_or("");
    assert!(!why.trim().is_empty(), "{authorizes:#}");
}

/// RFC 7208 §5.1 / §2.6.5: `~all` gives `softfail`, decided by `~all`.
#[test]
fn rfc7208_2_6_5_tilde_all_softfails() {
    let backend = Backend::start(&zones_dir(), &[]);
    let (code, spf) = spf_json(&backend, "softfail.example.info", "192.0.2.99", &[]);
    assert_eq!(spf["result"], "softfail", "{spf:#}");
    assert_eq!(terms(&spf["decided_by"]), ["~all"], "{spf:#}");
    assert_eq!(code, Some(1), "exit of a softfail");

    let report = check_json(&backend, "softfail.example.info", &["--ip", "192.0.2.99"]);
    let authorizes = check(&report, "spf.authorizes-ip");
    assert_ne!(authorizes["status"], "pass", "{authorizes:#}");
    assert!(
        records(authorizes)
            .iter()
            .any(|(_, r)| r.contains("ip4:192.0.2.99")),
        "{authorizes:#}"
    );
}

/// RFC 7208 §4.5 / §3.2: two `v=spf1` records are a permerror; the fix merges them.
#[test]
fn rfc7208_4_5_two_records_are_a_permerror_with_a_merged_fix() {
    let backend = Backend::start(&zones_dir(), &[]);
    let (code, spf) = spf_json(&backend, "example.net", "192.0.2.81", &[]);
    assert_eq!(spf["result"], "permerror", "{spf:#}");
    assert!(
        !spf["problem"].is_null(),
        "a permerror without its problem: {spf:#}"
    );
    assert_eq!(code, Some(1));

    let report = check_json(&backend, "example.net", &[]);
    let single = check(&report, "spf.single");
    assert_eq!(single["status"], "fail", "{single:#}");
    let recs = records(single);
    let merged: Vec<&String> = recs
        .iter()
        .filter(|(place, r)| place == "dns-host" && r.contains("v=spf1 "))
        .map(|(_, r)| r)
        .collect();
    assert_eq!(merged.len(), 1, "one merged record expected: {recs:?}");
    let merged = merged[0];
    assert!(merged.starts_with("example.net. "), "{merged}");
    assert_eq!(merged.matches("v=spf1").count(), 1, "{merged}");
    for term in [" mx", " a"] {
        assert!(merged.contains(term), "the merge lost {term:?}: {merged}");
    }
    assert!(
        single["explanation"]["records"][0]["replaces"] == true,
        "the merged record must replace the two: {single:#}"
    );
}

/// RFC 7208 §4.6.4: more than 10 DNS-querying terms is a permerror; the whole tree of
/// toomany.example.info costs 12.
#[test]
fn rfc7208_4_6_4_more_than_ten_lookups() {
    let backend = Backend::start(&zones_dir(), &[]);
    // An unlisted IP walks the whole include chain and hits the limit.
    let (code, spf) = spf_json(&backend, "toomany.example.info", "192.0.2.99", &[]);
    assert_eq!(spf["result"], "permerror", "{spf:#}");
    assert!(
        spf["lookups_total"].as_u64().is_some_and(|n| n >= 11),
        "lookups_total: {spf:#}"
    );
    assert!(
        spf["lookups"].as_u64().is_some_and(|n| n > 10),
        "{}",
        spf["lookups"]
    );
    assert_eq!(spf["void_lookups"], 0, "every c<N> has an A record");
    assert_eq!(code, Some(1));
    // A listed IP passes before any include, yet the record as a whole is over the limit.
    let (_, spf) = spf_json(&backend, "toomany.example.info", "192.0.2.25", &[]);
    assert_eq!(spf["result"], "pass", "{spf:#}");
    assert!(spf["lookups_total"].as_u64().is_some_and(|n| n >= 11));

    let report = check_json(&backend, "toomany.example.info", &["--ip", "192.0.2.25"]);
    let lookups = check(&report, "spf.lookups");
    assert_eq!(lookups["status"], "fail", "{lookups:#}");
    assert!(
        lookups["details"]["lookups_total"]
            .as_u64()
            .is_some_and(|n| n >= 11),
        "{:#}",
        lookups["details"]["lookups_total"]
    );
    assert_eq!(lookups["details"]["limit"], 10);
    assert!(
        !lookups["explanation"]["fix"]
            .as_array()
            .is_none_or(Vec::is_empty),
        "{lookups:#}"
    );
}

/// RFC 7208 §5.1 and §8: `+all` lets anyone pass; `spf.all` fails and proposes `~all`.
#[test]
fn rfc7208_5_1_plus_all_fails_the_all_check() {
    let backend = Backend::start(&zones_dir(), &[]);
    let (_, spf) = spf_json(&backend, "plusall.example.info", "192.0.2.99", &[]);
    assert_eq!(spf["result"], "pass", "+all passes anyone: {spf:#}");
    assert_eq!(terms(&spf["decided_by"]), ["+all"]);

    let report = check_json(&backend, "plusall.example.info", &["--ip", "192.0.2.99"]);
    let all = check(&report, "spf.all");
    assert_eq!(all["status"], "fail", "{all:#}");
    let recs = records(all);
    assert!(
        recs.iter()
            .any(|(_, r)| !r.contains("+all") && (r.contains("~all") || r.contains("-all"))),
        "{recs:?}"
    );
}

fn assert_undetermined(report: &Value, what: &str) {
    for id in ["spf.present", "spf.authorizes-ip"] {
        let c = check(report, id);
        assert_eq!(c["status"], "unknown", "{what}: {c:#}");
        let found = c["explanation"]["found"].as_array();
        assert!(
            found.is_some_and(|f| !f.is_empty()),
            "{what}: an unknown without its reason: {c:#}"
        );
    }
    for c in report["checks"].as_array().expect("checks") {
        let id = c["id"].as_str().unwrap_or("");
        if id.starts_with("spf.") {
            assert!(
                c["status"] != "pass" && c["status"] != "fail",
                "{what}: {id} decided without the record: {c:#}"
            );
        }
    }
}

/// RFC 7208 §4.4 / §2.6.6: a DNS error reading the record is a temperror — the checks
/// are `unknown`, never pass or fail. Here the record's TXT lookup times out.
#[test]
fn rfc7208_4_4_timeout_is_temperror_and_unknown() {
    let backend = Backend::start(&zones_dir(), &["--fault", "slow.example.info=timeout"]);
    let (code, spf) = spf_json(
        &backend,
        "slow.example.info",
        "192.0.2.25",
        &["--timeout", "1000"],
    );
    assert_eq!(spf["result"], "temperror", "{spf:#}");
    assert_eq!(code, Some(2), "exit of a temperror");

    let report = check_json(
        &backend,
        "slow.example.info",
        &["--ip", "192.0.2.25", "--timeout", "1000"],
    );
    assert_undetermined(&report, "timeout");
    assert_eq!(
        check(&report, "spf.present")["details"]["error"]["error"],
        "timeout"
    );
}

/// The same with SERVFAIL for the record's name.
#[test]
fn rfc7208_4_4_servfail_is_temperror_and_unknown() {
    let backend = Backend::start(&zones_dir(), &["--fault", "broken.example.info=servfail"]);
    let (code, spf) = spf_json(&backend, "broken.example.info", "192.0.2.25", &[]);
    assert_eq!(spf["result"], "temperror", "{spf:#}");
    assert_eq!(code, Some(2));
    let report = check_json(&backend, "broken.example.info", &["--ip", "192.0.2.25"]);
    assert_undetermined(&report, "servfail");
}

/// docs/report-schema.md lists the error kinds as `servfail | refused | …`.
#[test]
fn servfail_error_kind_is_spelled_as_documented() {
    let backend = Backend::start(&zones_dir(), &["--fault", "broken.example.info=servfail"]);
    let report = check_json(&backend, "broken.example.info", &["--ip", "192.0.2.25"]);
    assert_eq!(
        check(&report, "spf.present")["details"]["error"]["error"],
        "servfail"
    );
}

/// The text output: the counts against the limit of 10 and the record tree.
#[test]
fn spf_text_output_shows_the_limit_and_the_tree() {
    let backend = Backend::start(&zones_dir(), &[]);
    let out = cli(
        &backend,
        "spf",
        &["toomany.example.info", "--ip", "192.0.2.99"],
    );
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    let text = &out.stdout;
    assert!(text.contains("permerror"), "{text}");
    assert!(text.contains("/ 10"), "no \"/ 10\" in:\n{text}");
    assert!(text.contains("12 / 10"), "the whole tree costs 12:\n{text}");
    // The tree: every record of the include chain, indented below its parent.
    let line_of = |needle: &str| {
        text.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{text}"))
    };
    let indent = |l: &str| l.len() - l.trim_start().len();
    let root = line_of("\"v=spf1 ip4:192.0.2.25 include:c1.example.info -all\"");
    let c1 = line_of("\"v=spf1 a include:c2.example.info -all\"");
    let c5 = line_of("\"v=spf1 a include:c6.example.info -all\"");
    assert!(
        indent(root) < indent(c1) && indent(c1) < indent(c5),
        "{text}"
    );

    let out = cli(&backend, "spf", &["example.com", "--ip", "192.0.2.25"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(out.stdout.contains("= pass"), "{}", out.stdout);
    assert!(out.stdout.contains("0 / 10"), "{}", out.stdout);
    assert!(out.stdout.contains("ip4:192.0.2.25"), "{}", out.stdout);
}
