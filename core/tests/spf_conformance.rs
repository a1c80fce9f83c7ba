//! The RFC 7208 conformance suite (openspf.org, release 2014.04; `data/rfc7208-tests.*`
//! with its LICENSE and CHANGES) run through `check_host()`.
//!
//! Each scenario's `zonedata` becomes a [`MemoryTransport`] behind a real
//! [`RunResolver`], following the suite's driver conventions (pyspf `testspf.py`):
//!
//! * `SPF:` entries are type 99 records; when a name has no `TXT:` entry at all,
//!   they are also served as TXT (the suite predates TXT-only lookups);
//! * `TXT: NONE` only suppresses that copying;
//! * `TIMEOUT` makes every type not listed before it time out;
//! * names listed in the zonedata exist; any other name is NXDOMAIN.

use std::collections::HashSet;
use std::net::IpAddr;

use inboxable_core::dns::{LookupError, RData, RecordType};
use inboxable_core::resolver::memory::txt;
use inboxable_core::resolver::{MemoryTransport, RunResolver};
use inboxable_core::spf::{Params, check_host};
use yaml_rust2::{Yaml, YamlLoader};

const SUITE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/rfc7208-tests.yml");

/// Passing fewer than this many of the 203 cases is a regression.
const REQUIRED: usize = 200;

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn strings(y: &Yaml) -> Vec<String> {
    match y {
        Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

fn zone(zonedata: &Yaml) -> MemoryTransport {
    let mut m = MemoryTransport::new();
    let Some(names) = zonedata.as_hash() else {
        return m;
    };
    for (name, entries) in names {
        let Some(name) = scalar(name) else { continue };
        let Some(entries) = entries.as_vec() else {
            continue;
        };
        m.exists(&name);
        let mut answered: HashSet<RecordType> = HashSet::new();
        let mut timeout = false;
        let has_txt = entries.iter().any(|e| {
            e.as_hash()
                .is_some_and(|h| h.contains_key(&Yaml::String("TXT".into())))
        });
        let mut spf_copies: Vec<Vec<String>> = Vec::new();
        for entry in entries {
            if entry.as_str() == Some("TIMEOUT") {
                timeout = true;
                continue;
            }
            let Some(h) = entry.as_hash() else { continue };
            for (k, v) in h {
                let Some(kind) = k.as_str() else { continue };
                let Some(rtype) = RecordType::parse(kind) else {
                    continue;
                };
                if timeout || v.as_str() == Some("NONE") {
                    continue;
                }
                if v.as_str() == Some("TIMEOUT") {
                    m.fail(&name, Some(rtype), LookupError::Timeout { after_ms: 0 });
                    continue;
                }
                answered.insert(rtype);
                match kind {
                    "A" | "AAAA" => {
                        if let Some(ip) = scalar(v).and_then(|s| s.parse::<IpAddr>().ok()) {
                            m.ip(&name, ip);
                        }
                    }
                    "MX" => {
                        let parts = strings(v);
                        let pref = parts.first().and_then(|p| p.parse().ok()).unwrap_or(0);
                        m.mx(&name, pref, parts.get(1).map_or("", String::as_str));
                    }
                    "PTR" | "CNAME" => {
                        m.name_record(&name, rtype, &scalar(v).unwrap_or_default());
                    }
                    "TXT" | "SPF" => {
                        let s = strings(v);
                        let refs: Vec<&str> = s.iter().map(String::as_str).collect();
                        m.add(&name, rtype, txt(&refs));
                        if kind == "SPF" {
                            spf_copies.push(s);
                        }
                    }
                    _ => {}
                }
            }
        }
        if !has_txt && !timeout {
            for s in &spf_copies {
                let refs: Vec<&str> = s.iter().map(String::as_str).collect();
                m.add(&name, RecordType::TXT, txt(&refs));
            }
        }
        if timeout {
            let all = [
                RecordType::A,
                RecordType::AAAA,
                RecordType::MX,
                RecordType::PTR,
                RecordType::TXT,
                RecordType::SPF,
            ];
            for t in all.into_iter().filter(|t| !answered.contains(t)) {
                m.fail(&name, Some(t), LookupError::Timeout { after_ms: 0 });
            }
        }
    }
    m
}

#[tokio::test]
async fn rfc7208_conformance_suite() {
    let Ok(text) = std::fs::read_to_string(SUITE) else {
        println!("skipped: {SUITE} is absent");
        return;
    };
    let docs = YamlLoader::load_from_str(&text).expect("the suite is valid YAML");
    let (mut passed, mut failed) = (0, Vec::new());
    for doc in &docs {
        let scenario = scalar(&doc["description"]).unwrap_or_default();
        let Some(tests) = doc["tests"].as_hash() else {
            continue;
        };
        for (name, case) in tests {
            let name = scalar(name).unwrap_or_default();
            let ip: IpAddr = scalar(&case["host"])
                .and_then(|h| h.parse().ok())
                .expect("host is an IP");
            let mail_from = scalar(&case["mailfrom"]).unwrap_or_default();
            let helo = scalar(&case["helo"]).unwrap_or_default();
            let expected = strings(&case["result"]);
            let resolver = RunResolver::new(vec![Box::new(zone(&doc["zonedata"]))]);
            let params = Params::from_session(ip, &mail_from, &helo);
            let got = check_host(&resolver, &params).await;
            let mut ok = expected.iter().any(|r| r == got.result.as_str());
            if let Some(exp) = scalar(&case["explanation"]) {
                ok &= match exp.as_str() {
                    "DEFAULT" => got.explanation.is_none(),
                    text => got.explanation.as_deref() == Some(text),
                };
            }
            if ok {
                passed += 1;
            } else {
                failed.push(format!(
                    "{scenario} / {name}: expected {expected:?} explanation {:?}, got {} explanation {:?} ({:?})",
                    scalar(&case["explanation"]),
                    got.result,
                    got.explanation,
                    got.problem,
                ));
            }
        }
    }
    println!("{passed} passed, {} failed", failed.len());
    for f in &failed {
        println!("  FAILED {f}");
    }
    assert!(
        passed >= REQUIRED,
        "{passed} passed, {} failed (at least {REQUIRED} must pass)",
        failed.len()
    );
}

/// The fixture reproduces the suite's TIMEOUT convention.
#[test]
fn timeout_entries_time_out_unlisted_types() {
    let y = &YamlLoader::load_from_str(
        "t.example:\n  - TXT: v=spf1 -all\n  - TIMEOUT\nspf.example:\n  - SPF: v=spf1 -all\n",
    )
    .unwrap()[0];
    let m = zone(y);
    let q = |n: &str, t| m.answer(&inboxable_core::dns::Question::new(n, t));
    assert!(q("t.example", RecordType::TXT).is_ok());
    assert!(q("t.example", RecordType::A).is_err());
    let copied = q("spf.example", RecordType::TXT).unwrap();
    assert!(matches!(copied.records[0].data, RData::Txt(_)));
}
