//! The sending-server checks (`ip.public`, `ip.ptr`, `ip.fcrdns`, `ip.ptr-fqdn`,
//! `ip.ptr-generic`) and the blocklists (`ip.blocklists`, `domain.blocklists`) through the
//! `inboxable` CLI's JSON against the real `inboxable-doh`. Reverse zones:
//! 2.0.192.in-addr.arpa, 8.b.d.0.1.0.0.2.ip6.arpa, 100.51.198.in-addr.arpa and
//! 215.184.93.in-addr.arpa; list fixtures from tests/zones/dnsbl.

use std::path::Path;

use serde_json::Value;

use inboxable_e2e::{Backend, Output, run_cli, zones_dir};

fn check_json(backend: &Backend, domain: &str, extra: &[&str]) -> Value {
    let url = backend.doh_url();
    let mut args = vec!["check", domain, "--format", "json", "--resolver", &url];
    args.extend_from_slice(extra);
    let out: Output = run_cli(&args);
    out.json()
}

/// `check DOMAIN --ip IP…` in `lang`.
fn report(backend: &Backend, domain: &str, ips: &[&str], lang: &str) -> Value {
    let mut extra = vec!["--lang", lang];
    for ip in ips {
        extra.extend_from_slice(&["--ip", ip]);
    }
    check_json(backend, domain, &extra)
}

/// The check `id` about `subject`.
fn check<'a>(report: &'a Value, id: &str, subject: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks is an array")
        .iter()
        .find(|c| c["id"] == id && c["subject"] == subject)
        .unwrap_or_else(|| panic!("no {id} check about {subject}: {:#}", report["checks"]))
}

fn status(report: &Value, id: &str, subject: &str) -> String {
    check(report, id, subject)["status"]
        .as_str()
        .expect("status")
        .to_owned()
}

/// Every pass-or-worse result explains itself: fail/warn carry `why` and `fix`; PTR
/// fixes name the IP provider as the place of the PTR record.
fn assert_explained(report: &Value, subject: &str, lang: &str) {
    for c in report["checks"].as_array().expect("checks") {
        let id = c["id"].as_str().unwrap_or("");
        if c["subject"] != subject || !id.starts_with("ip.") || id == "ip.blocklists" {
            continue;
        }
        if c["status"] == "pass" || c["status"] == "info" {
            continue;
        }
        let e = &c["explanation"];
        assert!(
            e.is_object(),
            "[{lang}] {id} {subject}: no explanation: {c:#}"
        );
        if c["status"] == "unknown" {
            assert!(
                e["found"].as_array().is_some_and(|f| !f.is_empty()),
                "[{lang}] {id} {subject}: an unknown without its reason: {c:#}"
            );
            continue;
        }
        assert!(
            e["why"].as_str().is_some_and(|w| !w.trim().is_empty()),
            "[{lang}] {id} {subject}: no why: {c:#}"
        );
        assert!(
            e["fix"].as_array().is_some_and(|f| !f.is_empty()
                && f.iter()
                    .all(|s| s.as_str().is_some_and(|s| !s.trim().is_empty()))),
            "[{lang}] {id} {subject}: no fix: {c:#}"
        );
        if id != "ip.public" {
            let records = e["records"].as_array().expect("records");
            assert!(
                records.iter().any(|r| r["place"] == "ip-provider"
                    && r["record"].as_str().is_some_and(|r| r.contains(" PTR "))),
                "[{lang}] {id} {subject}: no PTR record for the IP provider: {c:#}"
            );
        }
    }
}

/// Runs the same check in English and Indonesian, asserts both explain every non-pass
/// result of `subjects`, that the text differs, and returns the English report.
fn both_languages(backend: &Backend, domain: &str, ips: &[&str]) -> Value {
    let en = report(backend, domain, ips, "en");
    let id = report(backend, domain, ips, "id");
    assert_eq!(en["lang"], "en");
    assert_eq!(id["lang"], "id");
    for ip in ips {
        assert_explained(&en, ip, "en");
        assert_explained(&id, ip, "id");
        for c in en["checks"].as_array().expect("checks") {
            if c["subject"] != *ip || !c["id"].as_str().unwrap_or("").starts_with("ip.") {
                continue;
            }
            let twin = check(&id, c["id"].as_str().unwrap(), ip);
            assert_eq!(c["status"], twin["status"], "the language changed a status");
            if c["status"] == "fail" || c["status"] == "warn" {
                assert_ne!(
                    c["explanation"]["why"], twin["explanation"]["why"],
                    "{} {ip}: the Indonesian why is the English one",
                    c["id"]
                );
            }
        }
    }
    en
}

#[test]
fn fcrdns_passes_for_v4_and_v6() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "example.com", &["192.0.2.25", "2001:db8::25"]);
    for ip in ["192.0.2.25", "2001:db8::25"] {
        for id in ["ip.ptr", "ip.fcrdns", "ip.ptr-fqdn", "ip.ptr-generic"] {
            assert_eq!(status(&r, id, ip), "pass", "{:#}", check(&r, id, ip));
        }
        assert_eq!(
            check(&r, "ip.ptr", ip)["details"]["names"],
            serde_json::json!(["mail.example.com"])
        );
        // Documentation space, by design.
        assert_eq!(status(&r, "ip.public", ip), "fail");
        assert_eq!(
            check(&r, "ip.public", ip)["details"]["range"],
            "documentation"
        );
    }
    let chain = &check(&r, "ip.fcrdns", "2001:db8::25")["details"]["chain"][0];
    assert_eq!(chain["type"], "AAAA", "{chain}");
    assert_eq!(chain["confirms"], true, "{chain}");
}

#[test]
fn a_public_ip_with_confirming_ptr_passes_everything() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "example.info", &["93.184.215.10"]);
    for id in [
        "ip.public",
        "ip.ptr",
        "ip.fcrdns",
        "ip.ptr-fqdn",
        "ip.ptr-generic",
    ] {
        assert_eq!(
            status(&r, id, "93.184.215.10"),
            "pass",
            "{:#}",
            check(&r, id, "93.184.215.10")
        );
    }
}

#[test]
fn fcrdns_mismatch_fails_for_v4_and_v6() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "example.org", &["192.0.2.26", "2001:db8::26"]);
    for ip in ["192.0.2.26", "2001:db8::26"] {
        assert_eq!(status(&r, "ip.ptr", ip), "pass");
        let fcrdns = check(&r, "ip.fcrdns", ip);
        assert_eq!(fcrdns["status"], "fail", "{fcrdns:#}");
        let chain = fcrdns["details"]["chain"].as_array().expect("chain");
        assert!(
            chain
                .iter()
                .any(|l| l["name"] == "mismatch.example.org" && l["confirms"] == false),
            "{fcrdns:#}"
        );
    }
}

#[test]
fn no_ptr_fails_ptr_and_fcrdns() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "example.com", &["192.0.2.28"]);
    let ptr = check(&r, "ip.ptr", "192.0.2.28");
    assert_eq!(ptr["status"], "fail", "{ptr:#}");
    assert_eq!(ptr["details"]["names"], serde_json::json!([]));
    assert_eq!(ptr["details"]["nxdomain"], true);
    assert_eq!(status(&r, "ip.fcrdns", "192.0.2.28"), "fail");
}

#[test]
fn two_ptr_names_one_not_confirming_fails_fcrdns() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "example.info", &["198.51.100.13", "192.0.2.27"]);
    let ip = "198.51.100.13";
    let mut names: Vec<String> = check(&r, "ip.ptr", ip)["details"]["names"]
        .as_array()
        .expect("names")
        .iter()
        .map(|n| n.as_str().expect("name").to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["out1.example.info", "stray.example.info"]);
    let fcrdns = check(&r, "ip.fcrdns", ip);
    assert_eq!(fcrdns["status"], "fail", "{fcrdns:#}");
    let confirms = |name: &str| {
        fcrdns["details"]["chain"]
            .as_array()
            .expect("chain")
            .iter()
            .find(|l| l["name"] == name)
            .unwrap_or_else(|| panic!("{name} not in the chain: {fcrdns:#}"))["confirms"]
            .clone()
    };
    assert_eq!(confirms("out1.example.info"), true);
    assert_eq!(confirms("stray.example.info"), false);
    assert!(
        fcrdns["summary"]
            .as_str()
            .is_some_and(|s| s.contains("stray.example.info")),
        "the summary must name the name that does not confirm: {fcrdns:#}"
    );
    // Two names that both confirm pass.
    assert_eq!(status(&r, "ip.fcrdns", "192.0.2.27"), "pass");
}

#[test]
fn generic_ptr_warns_and_dynamic_ptr_fails() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(
        &backend,
        "example.info",
        &["198.51.100.10", "198.51.100.12"],
    );
    let generic = check(&r, "ip.ptr-generic", "198.51.100.10");
    assert_eq!(generic["status"], "warn", "{generic:#}");
    assert_eq!(
        generic["details"]["generic"]["reason"], "ip-embedded",
        "{generic:#}"
    );
    assert_eq!(generic["details"]["name"], "ip-198-51-100-10.example.info");
    assert_eq!(status(&r, "ip.fcrdns", "198.51.100.10"), "pass");

    let dynamic = check(&r, "ip.ptr-generic", "198.51.100.12");
    assert_eq!(dynamic["status"], "fail", "{dynamic:#}");
    assert_eq!(
        dynamic["details"]["generic"]["reason"], "dynamic",
        "{dynamic:#}"
    );
}

#[test]
fn apex_only_ptr_warns_on_fqdn() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "example.info", &["198.51.100.11"]);
    let fqdn = check(&r, "ip.ptr-fqdn", "198.51.100.11");
    assert_eq!(fqdn["status"], "warn", "{fqdn:#}");
    assert_eq!(fqdn["details"]["name"], "example.info", "{fqdn:#}");
    assert_eq!(status(&r, "ip.fcrdns", "198.51.100.11"), "pass");
    assert_eq!(status(&r, "ip.ptr-generic", "198.51.100.11"), "pass");
}

#[test]
fn private_ip_fails_public() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "example.com", &["10.0.0.5", "fd00::5"]);
    let public = check(&r, "ip.public", "10.0.0.5");
    assert_eq!(public["status"], "fail", "{public:#}");
    assert_eq!(public["details"]["range"], "private", "{public:#}");
    assert_eq!(public["details"]["prefix"], "10.0.0.0/8", "{public:#}");
    assert_eq!(status(&r, "ip.public", "fd00::5"), "fail");
}

#[test]
fn ptr_servfail_is_unknown() {
    let backend = Backend::start(
        &zones_dir(),
        &["--fault", "26.2.0.192.in-addr.arpa=servfail"],
    );
    let r = both_languages(&backend, "example.com", &["192.0.2.26"]);
    for id in ["ip.ptr", "ip.fcrdns"] {
        let c = check(&r, id, "192.0.2.26");
        assert_eq!(c["status"], "unknown", "{c:#}");
        assert!(c["details"]["error"].is_object(), "{c:#}");
    }
}

/// One backend serving the main zones and the list fixtures: both directories copied
/// into one temporary directory.
fn combined_zones() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary zone directory");
    let copy_zones = |from: &Path| {
        for entry in std::fs::read_dir(from).expect("read a zone directory") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "zone") {
                std::fs::copy(&path, dir.path().join(path.file_name().expect("name")))
                    .expect("copy a zone file");
            }
        }
    };
    copy_zones(&zones_dir());
    copy_zones(&zones_dir().join("dnsbl"));
    dir
}

fn list<'a>(check: &'a Value, zone: &str) -> &'a Value {
    check["details"]["lists"]
        .as_array()
        .unwrap_or_else(|| panic!("no details.lists: {check:#}"))
        .iter()
        .find(|l| l["zone"] == zone)
        .unwrap_or_else(|| panic!("{zone} not in details.lists: {check:#}"))
}

#[test]
fn blocklists_listed_refusing_and_unproven_lists() {
    let zones = combined_zones();
    let backend = Backend::start(zones.path(), &[]);
    let r = check_json(
        &backend,
        "example.net",
        &[
            "--ip",
            "192.0.2.66",
            "--ip",
            "2001:db8::66",
            "--ip",
            "192.0.2.25",
            "--timeout",
            "3000",
        ],
    );

    // Listed on a major list.
    let v4 = check(&r, "ip.blocklists", "192.0.2.66");
    assert_eq!(v4["status"], "fail", "{v4:#}");
    let zen = list(v4, "zen.spamhaus.org");
    assert_eq!(zen["state"], "listed", "{zen:#}");
    assert_eq!(zen["weight"], "major");
    let codes: Vec<&str> = zen["codes"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["code"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        codes.contains(&"127.0.0.2") && codes.contains(&"127.0.0.4"),
        "{zen:#}"
    );
    assert!(
        v4["explanation"]["why"]
            .as_str()
            .is_some_and(|w| !w.trim().is_empty()),
        "{v4:#}"
    );

    // A list answering its error code: unknown, not clean and not listed.
    let validity = list(v4, "bl.score.senderscore.com");
    assert_eq!(validity["state"], "unknown", "{validity:#}");
    assert_eq!(validity["reason"], "error-code", "{validity:#}");
    // A list whose test point is NXDOMAIN cannot prove it works: unknown, not clean.
    let psbl = list(v4, "psbl.surriel.com");
    assert_eq!(psbl["state"], "unknown", "{psbl:#}");
    assert_eq!(psbl["reason"], "test-not-listed", "{psbl:#}");

    // The same two lists for a clean address; zen answers clean there.
    let clean = check(&r, "ip.blocklists", "192.0.2.25");
    assert_eq!(
        list(clean, "zen.spamhaus.org")["state"],
        "clean",
        "{clean:#}"
    );
    assert_eq!(list(clean, "psbl.surriel.com")["state"], "unknown");
    assert_eq!(list(clean, "bl.score.senderscore.com")["state"], "unknown");
    // Lists without a fixture zone are REFUSED, so unknown: never a pass.
    assert_ne!(clean["status"], "pass", "{clean:#}");

    // IPv6: listed by nibble name; IPv4-only lists are skipped.
    let v6 = check(&r, "ip.blocklists", "2001:db8::66");
    assert_eq!(v6["status"], "fail", "{v6:#}");
    let zen6 = list(v6, "zen.spamhaus.org");
    assert_eq!(zen6["state"], "listed", "{zen6:#}");
    assert_eq!(zen6["code"], "127.0.0.3", "{zen6:#}");
    assert_eq!(list(v6, "psbl.surriel.com")["state"], "skipped", "{v6:#}");

    // The domain on the DBL.
    let domain = check(&r, "domain.blocklists", "example.net");
    assert_eq!(domain["status"], "fail", "{domain:#}");
    let dbl = list(domain, "dbl.spamhaus.org");
    assert_eq!(dbl["state"], "listed", "{dbl:#}");
    assert_eq!(dbl["code"], "127.0.1.2", "{dbl:#}");
}

/// A major list refusing (REFUSED for every name) leaves it unknown, and a listing on it
/// cannot be claimed.
#[test]
fn a_refusing_major_list_is_unknown() {
    let zones = combined_zones();
    let backend = Backend::start(zones.path(), &["--fault", "*.zen.spamhaus.org=refused"]);
    let r = check_json(
        &backend,
        "example.com",
        &["--ip", "192.0.2.66", "--timeout", "3000"],
    );
    let bl = check(&r, "ip.blocklists", "192.0.2.66");
    let zen = list(bl, "zen.spamhaus.org");
    assert_eq!(zen["state"], "unknown", "{zen:#}");
    assert_ne!(bl["status"], "pass", "{bl:#}");
}
