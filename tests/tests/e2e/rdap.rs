//! RDAP through the real `inboxable-doh --rdap DIR` on loopback: `domain.age` (young
//! domain warns, old passes, TLD without an RDAP service and failed fetches are
//! `unknown` with the reason) and the sending IP's network in `ip.reputation`
//! (organisation, dates, abuse contact, provider recognised from the registrant).
//!
//! The fixtures are written at test time: the bootstrap registries must name this
//! backend's port, and a "young" domain must be young on the day the test runs.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use fantoccini::Client;

use inboxable_e2e::browser::{Flow, eval, open_done, screenshot, with_browser};
use inboxable_e2e::{Backend, dist_dir, ensure, run_cli, zones_dir};

/// `YYYY-MM-DD` of `days` since 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn days_ago(n: i64) -> String {
    let today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
        / 86_400;
    civil(i64::try_from(today).expect("days") - n)
}

fn write(dir: &Path, rel: &str, body: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, body).expect("write fixture");
}

fn domain_object(name: &str, registered: &str) -> String {
    json!({
        "objectClassName": "domain",
        "ldhName": name.to_uppercase(),
        "events": [
            { "eventAction": "registration", "eventDate": format!("{registered}T08:00:00Z") },
            { "eventAction": "expiration", "eventDate": "2030-01-01T00:00:00Z" }
        ],
        "entities": [{ "objectClassName": "entity", "roles": ["registrar"],
            "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Example Registrar, Inc."]]] }]
    })
    .to_string()
}

/// A backend serving the bootstrap registries and the objects the tests ask for.
fn rdap_backend(dir: &Path) -> Backend {
    rdap_backend_with(dir, &[])
}

/// [`rdap_backend`] with `extra` flags (`--static` for the page).
fn rdap_backend_with(dir: &Path, extra: &[&str]) -> Backend {
    let mut args = vec!["--rdap", dir.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    let backend = Backend::start(&zones_dir(), &args);
    let base = backend.http_url();
    write(
        dir,
        "bootstrap/dns.json",
        &json!({ "version": "1.0", "publication": "2026-01-01T00:00:00Z",
            "services": [[["com", "net"], [format!("{base}/rdap/registry/")]]] })
        .to_string(),
    );
    write(
        dir,
        "bootstrap/ipv4.json",
        &json!({ "version": "1.0",
            "services": [[["198.51.100.0/24"], [format!("{base}/rdap/rir/")]]] })
        .to_string(),
    );
    write(
        dir,
        "bootstrap/ipv6.json",
        r#"{"version":"1.0","services":[]}"#,
    );
    write(
        dir,
        "registry/domain/young-shop.com.json",
        &domain_object("young-shop.com", &days_ago(5)),
    );
    write(
        dir,
        "registry/domain/old-shop.com.json",
        &domain_object("old-shop.com", "1998-09-04"),
    );
    write(dir, "registry/domain/broken-shop.com.json.status", "500");
    write(dir, "registry/domain/busy-shop.com.json.status", "429");
    write(dir, "registry/domain/slow-shop.com.json.delay", "4000");
    write(
        dir,
        "rir/ip/198.51.100.7.json",
        &json!({
            "objectClassName": "ip network",
            "handle": "198.51.100.0 - 198.51.100.255",
            "startAddress": "198.51.100.0", "endAddress": "198.51.100.255",
            "name": "HETZNER-FSN1-DC14", "type": "ASSIGNED PA", "country": "DE",
            "port43": "whois.ripe.net",
            "cidr0_cidrs": [{ "v4prefix": "198.51.100.0", "length": 24 }],
            "events": [
                { "eventAction": "registration", "eventDate": "2019-03-12T09:04:57Z" },
                { "eventAction": "last changed", "eventDate": "2024-06-01T10:00:00Z" }
            ],
            "entities": [
                { "handle": "ORG-HOA1-RIPE", "roles": ["registrant"],
                  "vcardArray": ["vcard", [["fn", {}, "text", "Hetzner Online GmbH"], ["kind", {}, "text", "org"]]] },
                { "handle": "HOAC1-RIPE", "roles": ["abuse"],
                  "vcardArray": ["vcard", [["fn", {}, "text", "Abuse"], ["email", {}, "text", "abuse@hetzner.com"]]] }
            ]
        })
        .to_string(),
    );
    backend
}

fn report(backend: &Backend, domain: &str, extra: &[&str]) -> Value {
    let doh = backend.doh_url();
    let boot = format!("{}/rdap/bootstrap/", backend.http_url());
    let mut args = vec![
        "check",
        domain,
        "--format",
        "json",
        "--resolver",
        &doh,
        "--rdap-bootstrap",
        &boot,
        "--timeout",
        "1500",
    ];
    args.extend_from_slice(extra);
    let out = run_cli(&args);
    out.json()
}

fn check<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no {id}: {:#}", report["checks"]))
}

fn texts(c: &Value, part: &str) -> String {
    c["explanation"][part]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

/// A domain registered five days ago warns, with its date, age and registrar.
#[test]
fn young_domain_warns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backend = rdap_backend(dir.path());
    let r = report(&backend, "young-shop.com", &[]);
    let age = check(&r, "domain.age");
    assert_eq!(age["status"], "warn", "{age:#}");
    assert_eq!(age["details"]["age_days"], 5);
    assert_eq!(age["details"]["registrar"], "Example Registrar, Inc.");
    assert!(
        age["summary"].as_str().unwrap().contains(&days_ago(5)),
        "{age:#}"
    );
    assert!(!texts(age, "fix").is_empty() && age["explanation"]["why"].is_string());
    // Indonesian text, from the same answer (cached, asked once).
    let r = report(&backend, "young-shop.com", &["--lang", "id"]);
    assert!(
        check(&r, "domain.age")["summary"]
            .as_str()
            .unwrap()
            .contains("hari yang lalu")
    );
}

/// A subdomain is judged by its registered domain; an old one passes.
#[test]
fn old_domain_passes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backend = rdap_backend(dir.path());
    let r = report(&backend, "mail.old-shop.com", &[]);
    let age = check(&r, "domain.age");
    assert_eq!(age["status"], "pass", "{age:#}");
    assert_eq!(age["subject"], "old-shop.com");
    assert_eq!(age["details"]["registration"], "1998-09-04T08:00:00Z");
    assert!(age["summary"].as_str().unwrap().contains("1998-09-04"));
}

/// A TLD the bootstrap registry does not list (`.id` in this fixture, as many
/// ccTLDs in IANA's): unknown, saying so, with where to look instead.
#[test]
fn tld_without_rdap_is_unknown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backend = rdap_backend(dir.path());
    let r = report(&backend, "toko.co.id", &[]);
    let age = check(&r, "domain.age");
    assert_eq!(age["status"], "unknown", "{age:#}");
    assert_eq!(age["details"]["error"]["kind"], "no-service");
    assert_eq!(age["details"]["error"]["tld"], "id");
    assert!(age["summary"].as_str().unwrap().contains(".id"));
    assert!(texts(age, "fix").contains("whois.pandi.id"));
}

/// 404, 500, 429 and a server slower than the timeout: unknown with the reason,
/// never pass.
#[test]
fn failed_fetches_are_unknown_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backend = rdap_backend(dir.path());
    for (domain, kind, words) in [
        ("gone-shop.com", "not-found", "404"),
        ("broken-shop.com", "http", "HTTP 500"),
        ("busy-shop.com", "rate-limited", "429"),
        ("slow-shop.com", "timeout", "no answer"),
    ] {
        let r = report(&backend, domain, &[]);
        let age = check(&r, "domain.age");
        assert_eq!(age["status"], "unknown", "{domain}: {age:#}");
        assert_eq!(age["details"]["error"]["kind"], kind, "{domain}");
        assert!(
            age["summary"].as_str().unwrap().contains(words),
            "{domain}: {}",
            age["summary"]
        );
        assert_ne!(r["verdict"]["status"], "pass");
    }
}

/// The sending IP's network: name, organisation, dates, abuse contact, RIR, the
/// caveat that these are not the IP's age, and the provider recognised from the
/// registrant with where it sets reverse DNS.
#[test]
fn ip_network_and_provider_in_reputation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backend = rdap_backend(dir.path());
    let r = report(&backend, "old-shop.com", &["--ip", "198.51.100.7"]);
    let rep = r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "ip.reputation" && c["subject"] == "198.51.100.7")
        .expect("ip.reputation");
    let n = &rep["details"]["network"];
    assert_eq!(n["state"], "found", "{rep:#}");
    assert_eq!(n["org"], "Hetzner Online GmbH");
    assert_eq!(n["name"], "HETZNER-FSN1-DC14");
    assert_eq!(n["registration"], "2019-03-12T09:04:57Z");
    assert_eq!(n["last_changed"], "2024-06-01T10:00:00Z");
    assert_eq!(n["abuse_email"], "abuse@hetzner.com");
    assert_eq!(n["rir"], "RIPE NCC");
    assert_eq!(n["provider"], "hetzner");
    let found = texts(rep, "found");
    for want in [
        "Hetzner Online GmbH",
        "2019-03-12",
        "2024-06-01",
        "abuse@hetzner.com",
        "Reverse DNS",
        "not your IP",
    ] {
        assert!(found.contains(want), "{want} missing in:\n{found}");
    }
    // An IP no bootstrap entry covers: the network is unavailable with the reason.
    let r = report(&backend, "old-shop.com", &["--ip", "192.0.2.25"]);
    let rep = check(&r, "ip.reputation");
    assert_eq!(rep["details"]["network"]["state"], "unavailable");
    assert_eq!(rep["details"]["network"]["error"]["kind"], "no-ip-service");
}

/// `--rdap-bootstrap off` makes `domain.age` unknown ("RDAP is off"), and the
/// backend advertises its fixtures in `/info`.
#[test]
fn rdap_off_and_info() {
    let dir = tempfile::tempdir().expect("tempdir");
    let backend = rdap_backend(dir.path());
    let out = run_cli(&[
        "check",
        "old-shop.com",
        "--format",
        "json",
        "--resolver",
        &backend.doh_url(),
        "--rdap-bootstrap",
        "off",
    ]);
    let r: Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(check(&r, "domain.age")["details"]["error"]["kind"], "off");
    let info = inboxable_e2e::http_get(&format!("{}/info", backend.http_url()));
    let info: Value = serde_json::from_str(&info.body).expect("info json");
    assert_eq!(info["rdap_bootstrap"], "rdap/bootstrap/");
    let bad = run_cli(&["check", "old-shop.com", "--rdap-bootstrap", "ftp://x"]);
    assert_eq!(bad.code, Some(64));
}

/// The card of check `id` (and `subject`) on the page: `{status, text}`.
async fn card(client: &Client, id: &str, subject: &str) -> Result<Value, String> {
    let script = format!(
        "const c = Array.from(document.querySelectorAll('article.check')) \
           .find(c => c.dataset.id === {id:?} && (c.dataset.subject || '') === {subject:?}); \
         return c ? {{status: c.dataset.status, text: c.textContent}} : null;"
    );
    let card = eval(client, &script).await?;
    ensure!(!card.is_null(), "no {id} {subject} card on the page");
    Ok(card)
}

/// The page served by a backend with `--rdap` finds the registries through `/info` and shows
/// the domain's age and the IP's network in its cards, in English and Indonesian.
#[tokio::test]
async fn the_page_shows_the_domain_age_and_the_ip_network() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dist = dist_dir();
    let backend = rdap_backend_with(dir.path(), &["--static", dist.to_str().expect("UTF-8")]);
    let base = format!(
        "{}/?domain=young-shop.com&ip=198.51.100.7",
        backend.http_url()
    );
    let registered = days_ago(5);
    with_browser(1280, 3000, async |client: &Client| -> Flow {
        open_done(client, &format!("{base}&lang=en")).await?;
        let age = card(client, "domain.age", "young-shop.com").await?;
        ensure!(age["status"] == "warn", "domain.age: {age:#}");
        let text = age["text"].as_str().unwrap_or_default();
        ensure!(
            text.contains(&registered) && text.contains("Example Registrar, Inc."),
            "domain.age card lacks the date {registered} or the registrar: {text}"
        );
        let network = card(client, "ip.reputation", "198.51.100.7").await?;
        let text = network["text"].as_str().unwrap_or_default();
        for want in [
            "Hetzner Online GmbH",
            "HETZNER-FSN1-DC14",
            "2019-03-12",
            "abuse@hetzner.com",
        ] {
            ensure!(
                text.contains(want),
                "ip.reputation card lacks {want}: {text}"
            );
        }
        screenshot(client, "rdap-age-network-en").await?;

        open_done(client, &format!("{base}&lang=id")).await?;
        let age = card(client, "domain.age", "young-shop.com").await?;
        let text = age["text"].as_str().unwrap_or_default();
        ensure!(
            age["status"] == "warn" && text.contains("hari yang lalu"),
            "Indonesian domain.age: {age:#}"
        );
        Ok(())
    })
    .await;
}
