//! The domain-authentication and transport checks (`dkim.*`, `dmarc.*`, `mx.*`,
//! `mta-sts`, `tls-rpt`, `bimi`, `dnssec`, `dane`) and the provider checklists
//! (`provider.google`, `provider.yahoo`, `provider.microsoft`) through the `inboxable`
//! CLI's JSON against the real `inboxable-doh`. Fixtures: tests/zones/authgood.test,
//! authwarn.test, authbad.test, dkimhost.test, reports.test and
//! 113.0.203.in-addr.arpa (each zone file says what every name exercises).

use serde_json::Value;

use inboxable_e2e::{Backend, Output, run_cli, zones_dir};

/// `check DOMAIN --format json` with `extra` arguments, in `lang`.
fn report(backend: &Backend, domain: &str, extra: &[&str], lang: &str) -> Value {
    let url = backend.doh_url();
    let mut args = vec![
        "check",
        domain,
        "--format",
        "json",
        "--resolver",
        &url,
        "--lang",
        lang,
        "--quiet",
        "--rdap-bootstrap",
        "off",
    ];
    args.extend_from_slice(extra);
    let out: Output = run_cli(&args);
    out.json()
}

/// The checks with `id` (and `subject`, when given).
fn all<'a>(report: &'a Value, id: &str, subject: Option<&str>) -> Vec<&'a Value> {
    report["checks"]
        .as_array()
        .expect("checks is an array")
        .iter()
        .filter(|c| c["id"] == id && subject.is_none_or(|s| c["subject"] == s))
        .collect()
}

/// The one check `id` about `subject` (or with no subject filter).
fn check<'a>(report: &'a Value, id: &str, subject: Option<&str>) -> &'a Value {
    let found = all(report, id, subject);
    assert_eq!(
        found.len(),
        1,
        "expected one {id} {subject:?}, got {}: {:#}",
        found.len(),
        report["checks"]
    );
    found[0]
}

fn status(report: &Value, id: &str, subject: Option<&str>) -> String {
    check(report, id, subject)["status"]
        .as_str()
        .expect("status")
        .to_owned()
}

/// Every fail/warn result carries a why and a fix, every unknown its reason.
fn assert_explained(report: &Value, lang: &str) {
    for c in report["checks"].as_array().expect("checks") {
        // The sending-server family has its own end-to-end tests (server_checks.rs).
        let id = c["id"].as_str().unwrap_or("");
        if id.starts_with("ip.") || id.starts_with("host.") {
            continue;
        }
        let e = &c["explanation"];
        match c["status"].as_str() {
            Some("fail" | "warn") => {
                assert!(
                    e["why"].as_str().is_some_and(|w| !w.trim().is_empty()),
                    "[{lang}] no why: {c:#}"
                );
                assert!(
                    e["fix"].as_array().is_some_and(|f| !f.is_empty()),
                    "[{lang}] no fix: {c:#}"
                );
            }
            Some("unknown") => assert!(
                e["found"].as_array().is_some_and(|f| !f.is_empty()),
                "[{lang}] an unknown without its reason: {c:#}"
            ),
            _ => {}
        }
    }
}

/// The same run in English and Indonesian: same statuses, explained in both, and the
/// Indonesian explanations are not the English ones. Returns the English report.
fn both_languages(backend: &Backend, domain: &str, extra: &[&str]) -> Value {
    let en = report(backend, domain, extra, "en");
    let id = report(backend, domain, extra, "id");
    assert_explained(&en, "en");
    assert_explained(&id, "id");
    let (a, b) = (
        en["checks"].as_array().expect("checks"),
        id["checks"].as_array().expect("checks"),
    );
    for c in a {
        let twin = b
            .iter()
            .find(|t| t["id"] == c["id"] && t["subject"] == c["subject"])
            .unwrap_or_else(|| panic!("{} is missing in Indonesian", c["id"]));
        assert_eq!(
            c["status"], twin["status"],
            "the language changed {}",
            c["id"]
        );
        if matches!(c["status"].as_str(), Some("fail" | "warn")) {
            assert_ne!(
                c["explanation"]["why"], twin["explanation"]["why"],
                "{}: the Indonesian why is the English one",
                c["id"]
            );
        }
    }
    en
}

/// The item `item` of provider check `id`.
fn item<'a>(report: &'a Value, id: &str, item: &str) -> &'a Value {
    check(report, id, None)["details"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["item"] == item)
        .unwrap_or_else(|| panic!("{id} has no item {item}: {:#}", check(report, id, None)))
}

const PROVIDERS: [&str; 3] = ["provider.google", "provider.yahoo", "provider.microsoft"];

#[test]
fn a_well_configured_sender_passes_every_provider_checklist() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "authgood.test", &["--ip", "203.0.113.10"]);
    for id in [
        "dkim.key",
        "dkim.key-strength",
        "dkim.revoked",
        "dkim.testing",
    ] {
        assert_eq!(status(&r, id, Some("default")), "pass", "{id}");
    }
    for id in [
        "dmarc.present",
        "dmarc.syntax",
        "dmarc.policy",
        "dmarc.reporting",
    ] {
        assert_eq!(status(&r, id, None), "pass", "{id}");
    }
    assert_eq!(status(&r, "dmarc.alignment", None), "info");
    assert_eq!(status(&r, "mx.present", None), "pass");
    assert_eq!(status(&r, "mx.valid", Some("mail.authgood.test")), "pass");
    assert_eq!(status(&r, "tls-rpt", None), "pass");
    assert_eq!(status(&r, "bimi", None), "pass");
    // The policy file cannot be fetched from a browser: info, never pass.
    assert_eq!(status(&r, "mta-sts", None), "info");
    // A TLSA record in a zone that is not signed: DANE cannot work.
    assert_eq!(status(&r, "dane", Some("mail.authgood.test")), "warn");
    assert_eq!(status(&r, "dnssec", None), "info");
    assert!(
        check(&r, "dnssec", None)["summary"]
            .as_str()
            .is_some_and(|s| s.contains("authgood.test"))
    );
    for id in PROVIDERS {
        let c = check(&r, id, None);
        assert_eq!(c["status"], "pass", "{c:#}");
        for i in c["details"]["items"].as_array().expect("items") {
            assert!(
                i["status"] == "pass" || i["status"] == "cannot-check",
                "{id}: {i}"
            );
        }
    }
    // What DNS cannot decide is said, never passed.
    for (id, it) in [
        ("provider.google", "spam-rate"),
        ("provider.google", "tls"),
        ("provider.google", "one-click-unsubscribe"),
        ("provider.yahoo", "spam-rate"),
        ("provider.yahoo", "alignment"),
        ("provider.microsoft", "alignment"),
    ] {
        assert_eq!(item(&r, id, it)["status"], "cannot-check", "{id} {it}");
    }
    let fcrdns = item(&r, "provider.google", "fcrdns");
    assert_eq!(fcrdns["scope"], "all");
    assert_eq!(fcrdns["checks"], serde_json::json!(["ip.ptr", "ip.fcrdns"]));
    assert_eq!(item(&r, "provider.google", "dmarc")["scope"], "bulk");
    // Provider results come after every other check.
    let ids: Vec<&str> = r["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    let first = ids.iter().position(|i| i.starts_with("provider.")).unwrap();
    assert!(
        ids[first..].iter().all(|i| i.starts_with("provider.")),
        "{ids:?}"
    );
}

#[test]
fn no_dmarc_fails_only_the_bulk_rules_so_the_providers_warn() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "authwarn.test", &["--ip", "203.0.113.10"]);
    assert_eq!(status(&r, "dmarc.present", None), "fail");
    for id in PROVIDERS {
        assert_eq!(status(&r, id, None), "warn", "{id}");
        assert_eq!(item(&r, id, "dmarc")["status"], "fail", "{id}");
    }
    assert_eq!(item(&r, "provider.google", "spf-or-dkim")["status"], "pass");
    assert_eq!(
        item(&r, "provider.google", "spf-and-dkim")["status"],
        "pass"
    );
    // The explanation points at the deciding check.
    let g = check(&r, "provider.google", None);
    let fix = g["explanation"]["fix"].as_array().expect("fix");
    assert!(
        fix.iter()
            .any(|f| f.as_str().is_some_and(|f| f.contains("dmarc.present"))),
        "{g:#}"
    );
    // An MX that is an alias (RFC 2181 §10.3: MUST NOT); no TLSA, no MTA-STS, TLS-RPT, BIMI.
    assert_eq!(status(&r, "mx.present", None), "pass");
    // Delivery through an alias usually works, so the engine warns.
    assert_eq!(status(&r, "mx.valid", Some("alias.authwarn.test")), "warn");
    assert_eq!(status(&r, "dane", Some("alias.authwarn.test")), "info");
    for id in ["mta-sts", "tls-rpt", "bimi"] {
        assert_eq!(status(&r, id, None), "info", "{id}");
    }
}

#[test]
fn a_sending_ip_without_ptr_fails_every_provider() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "authgood.test", &["--ip", "203.0.113.30"]);
    for id in PROVIDERS {
        assert_eq!(status(&r, id, None), "fail", "{id}");
    }
    let fcrdns = item(&r, "provider.google", "fcrdns");
    assert_eq!(fcrdns["status"], "fail");
    assert_eq!(fcrdns["decided_by"][0]["subject"], "203.0.113.30");
    assert_eq!(
        item(&r, "provider.microsoft", "reverse-dns")["status"],
        "fail"
    );
    // SPF does not authorise .30, DKIM still does: "SPF or DKIM" holds.
    assert_eq!(item(&r, "provider.yahoo", "spf-or-dkim")["status"], "pass");
    assert_eq!(item(&r, "provider.yahoo", "spf-and-dkim")["status"], "fail");
}

#[test]
fn a_dynamic_looking_ptr_fails_outlook_but_not_gmail() {
    let backend = Backend::start(&zones_dir(), &[]);
    // 203.0.113.20's PTR dhcp-20.pool.authgood.test resolves back, but looks dynamic.
    let r = report(&backend, "authgood.test", &["--ip", "203.0.113.20"], "en");
    assert_eq!(status(&r, "ip.fcrdns", Some("203.0.113.20")), "pass");
    assert_eq!(item(&r, "provider.google", "fcrdns")["status"], "pass");
    assert_eq!(
        item(&r, "provider.microsoft", "reverse-dns")["status"],
        "fail"
    );
    assert_eq!(status(&r, "provider.microsoft", None), "fail");
}

#[test]
fn dkim_keys_by_strength_revocation_test_mode_hash_and_delegation() {
    let backend = Backend::start(&zones_dir(), &[]);
    let selectors = [
        "k512",
        "k1024",
        "k2048",
        "revoked",
        "testing",
        "sha1",
        "broken",
        "delegated",
        "missing",
    ];
    let mut extra = Vec::new();
    for s in &selectors {
        extra.extend_from_slice(&["--selector", s]);
    }
    let r = both_languages(&backend, "authbad.test", &extra);
    let s = |id: &str, sel: &str| status(&r, id, Some(sel));
    // RFC 8301 §3.2: keys under 1024 bits fail; 1024 works but is weak.
    assert_eq!(s("dkim.key-strength", "k512"), "fail");
    assert_eq!(
        check(&r, "dkim.key-strength", Some("k512"))["details"]["key"]["bits"],
        512
    );
    assert_eq!(s("dkim.key-strength", "k1024"), "warn");
    assert_eq!(s("dkim.key-strength", "k2048"), "pass");
    for sel in ["k512", "k1024", "k2048", "delegated"] {
        assert_eq!(s("dkim.key", sel), "pass", "{sel}");
        assert_eq!(s("dkim.revoked", sel), "pass", "{sel}");
        assert_eq!(s("dkim.testing", sel), "pass", "{sel}");
    }
    // RFC 6376 §3.6.1: an empty p= is a revoked key; typed, it fails.
    assert_eq!(s("dkim.revoked", "revoked"), "fail");
    assert_eq!(s("dkim.key", "revoked"), "info");
    assert!(all(&r, "dkim.testing", Some("revoked")).is_empty());
    assert_eq!(s("dkim.testing", "testing"), "warn");
    // RFC 8301 §3.1: verifiers must not accept rsa-sha1, so h=sha1 warns.
    assert_eq!(s("dkim.key", "sha1"), "warn");
    assert_eq!(s("dkim.key", "broken"), "fail");
    // A CNAME-delegated selector is followed and the chain shown.
    let delegated = check(&r, "dkim.key", Some("delegated"));
    let chain = delegated["details"]["cname_chain"].to_string();
    assert!(
        chain.contains("delegated.keys.dkimhost.test"),
        "{delegated:#}"
    );
    // A typed selector with no key fails; its fix is the record to publish.
    assert_eq!(s("dkim.key", "missing"), "fail");
    let missing = check(&r, "dkim.key", Some("missing"));
    assert!(
        missing["explanation"]["records"][0]["record"]
            .as_str()
            .is_some_and(|t| t.starts_with("missing._domainkey.authbad.test.")),
        "{missing:#}"
    );
    // The typed selectors decide the providers' DKIM items: the worst of them fails.
    assert_eq!(item(&r, "provider.microsoft", "dkim")["status"], "fail");
}

#[test]
fn no_selector_found_is_unknown_never_missing() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "authbad.test", &[]);
    let key = check(&r, "dkim.key", None);
    assert_eq!(key["status"], "unknown", "{key:#}");
    assert!(
        key["details"]["tried"]
            .as_array()
            .is_some_and(|t| t.len() >= 40)
    );
    assert_eq!(item(&r, "provider.microsoft", "dkim")["status"], "unknown");
}

#[test]
fn dmarc_records_present_absent_broken_and_not_enforced() {
    let backend = Backend::start(&zones_dir(), &[]);
    let r = both_languages(&backend, "nodmarc.authbad.test", &[]);
    assert_eq!(status(&r, "dmarc.present", None), "fail");
    let fix = &check(&r, "dmarc.present", None)["explanation"]["records"][0]["record"];
    assert!(
        fix.as_str()
            .is_some_and(|f| f.starts_with("_dmarc.nodmarc.authbad.test.")),
        "{fix}"
    );

    let r = both_languages(&backend, "pnone.authbad.test", &[]);
    assert_eq!(status(&r, "dmarc.present", None), "pass");
    assert_eq!(status(&r, "dmarc.policy", None), "warn");
    assert_eq!(status(&r, "dmarc.reporting", None), "pass");
    // p=none meets every provider's DMARC rule, but BIMI needs enforcement.
    assert_eq!(item(&r, "provider.google", "dmarc")["status"], "pass");
    assert_eq!(status(&r, "bimi", None), "warn");

    let r = both_languages(&backend, "badsyntax.authbad.test", &[]);
    assert_eq!(status(&r, "dmarc.syntax", None), "fail");
    assert_eq!(item(&r, "provider.yahoo", "dmarc")["status"], "fail");
}

#[test]
fn external_dmarc_report_destinations_need_their_authorisation() {
    let backend = Backend::start(&zones_dir(), &[]);
    // RFC 7489 §7.1: reports.test publishes extok.authbad.test._report._dmarc.
    let r = both_languages(&backend, "extok.authbad.test", &[]);
    let ok = check(&r, "dmarc.reporting", None);
    assert_eq!(ok["status"], "pass", "{ok:#}");
    assert_eq!(ok["details"]["external"][0]["state"], "authorized");
    assert_eq!(status(&r, "dmarc.policy", None), "pass");

    let r = both_languages(&backend, "extmissing.authbad.test", &[]);
    let missing = check(&r, "dmarc.reporting", None);
    assert_eq!(missing["status"], "warn", "{missing:#}");
    assert_eq!(missing["details"]["external"][0]["state"], "missing");
    assert!(
        missing["explanation"]["records"][0]["record"]
            .as_str()
            .is_some_and(|t| t.starts_with("extmissing.authbad.test._report._dmarc.reports.test.")),
        "{missing:#}"
    );
}

#[test]
fn mx_null_ip_literal_and_implicit() {
    let backend = Backend::start(&zones_dir(), &[]);
    // RFC 7505: a null MX says the domain takes no mail; a sender must not have one.
    let r = both_languages(&backend, "nullmx.authbad.test", &[]);
    assert_eq!(status(&r, "mx.present", None), "fail");
    assert_eq!(status(&r, "dane", None), "info");

    let r = both_languages(&backend, "iplit.authbad.test", &[]);
    let valid = check(&r, "mx.valid", None);
    assert_eq!(valid["status"], "fail", "{valid:#}");
    assert!(
        valid["summary"]
            .as_str()
            .is_some_and(|s| s.contains("203.0.113.10"))
    );

    // RFC 5321 §5.1: without MX the address record is the implicit MX.
    let r = both_languages(&backend, "implicit.authbad.test", &[]);
    assert_eq!(status(&r, "mx.present", None), "warn");
}

#[test]
fn mta_sts_tls_rpt_and_bimi_records_that_are_wrong() {
    let backend = Backend::start(&zones_dir(), &[]);
    let cases = [
        ("stsbad.authbad.test", "mta-sts", "fail"),
        ("stsnohost.authbad.test", "mta-sts", "warn"),
        ("stsmulti.authbad.test", "mta-sts", "fail"),
        ("tlsbad.authbad.test", "tls-rpt", "fail"),
        ("bimibad.authbad.test", "bimi", "fail"),
        ("bimivmc.authbad.test", "bimi", "info"),
    ];
    for (domain, id, expected) in cases {
        let r = both_languages(&backend, domain, &[]);
        assert_eq!(status(&r, id, None), expected, "{domain} {id}");
    }
}

#[test]
fn a_resolver_failure_makes_dnssec_and_the_mx_checks_unknown() {
    let backend = Backend::start(&zones_dir(), &["--fault", "authwarn.test=servfail"]);
    let r = both_languages(&backend, "authwarn.test", &["--ip", "203.0.113.10"]);
    for id in ["dnssec", "mx.present", "dane"] {
        assert_eq!(status(&r, id, None), "unknown", "{id}");
    }
    // Unknown stays unknown in the checklists: never a pass.
    for id in PROVIDERS {
        assert_ne!(status(&r, id, None), "pass", "{id}");
    }
}
