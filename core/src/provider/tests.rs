use super::*;
use crate::input::RawInput;

fn input(selectors: &str) -> Input {
    RawInput {
        domain: "example.com".into(),
        selectors: selectors.into(),
        ..RawInput::default()
    }
    .parse()
    .expect("valid input")
}

fn r(id: &str, status: Status, subject: Option<&str>) -> CheckResult {
    let c = CheckResult::new(id, status, Message::new("status-pass"));
    match subject {
        Some(s) => c.subject(s),
        None => c,
    }
}

/// Everything a well-configured sender shows: SPF authorises the IP, a 2048-bit key
/// under a guessed selector, DMARC p=reject, FCrDNS and a meaningful PTR.
fn good() -> Vec<CheckResult> {
    let ip = Some("203.0.113.10");
    let sel = Some("default");
    vec![
        r("spf.present", Status::Pass, None),
        r("spf.single", Status::Pass, None),
        r("spf.syntax", Status::Pass, None),
        r("spf.lookups", Status::Pass, None),
        r("spf.void-lookups", Status::Pass, None),
        r("spf.all", Status::Pass, None),
        r("spf.authorizes-ip", Status::Pass, ip),
        r("dkim.key", Status::Pass, sel),
        r("dkim.key-strength", Status::Pass, sel),
        r("dkim.revoked", Status::Pass, sel),
        r("dkim.testing", Status::Pass, sel),
        r("dmarc.present", Status::Pass, None),
        r("dmarc.syntax", Status::Pass, None),
        r("dmarc.policy", Status::Pass, None),
        r("dmarc.alignment", Status::Info, None),
        r("ip.public", Status::Pass, ip),
        r("ip.ptr", Status::Pass, ip),
        r("ip.fcrdns", Status::Pass, ip),
        r("ip.ptr-generic", Status::Pass, ip),
    ]
}

fn set(checks: &mut [CheckResult], id: &str, status: Status) {
    for c in checks.iter_mut().filter(|c| c.id == id) {
        c.status = status;
    }
}

fn item<'a>(result: &'a CheckResult, item: &str) -> &'a serde_json::Value {
    result.details["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["item"] == item)
        .unwrap_or_else(|| panic!("no item {item}: {:#}", result.details))
}

#[test]
fn a_good_sender_passes_every_provider_and_dns_blind_items_stay_unchecked() {
    let checks = good();
    for p in Provider::ALL {
        let result = evaluate(p, &checks, &input(""));
        assert_eq!(result.status, Status::Pass, "{p:?}: {:#}", result.details);
        assert!(result.explanation.is_none());
        for i in result.details["items"].as_array().unwrap() {
            assert!(
                i["status"] == "pass" || i["status"] == "cannot-check",
                "{p:?}: {i}"
            );
        }
    }
    let g = evaluate(Provider::Google, &checks, &input(""));
    for blind in [
        "tls",
        "spam-rate",
        "message-format",
        "alignment",
        "one-click-unsubscribe",
    ] {
        assert_eq!(item(&g, blind)["status"], "cannot-check", "{blind}");
    }
    assert_eq!(item(&g, "alignment")["checks"], json!(["dmarc.alignment"]));
    assert_eq!(g.summary.args["unchecked"], "5");
    let spf_or_dkim = item(&g, "spf-or-dkim");
    assert_eq!(spf_or_dkim["scope"], "all");
    assert!(
        spf_or_dkim["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "dkim.key")
    );
}

#[test]
fn no_ptr_fails_the_all_senders_item_and_the_provider() {
    let mut checks = good();
    set(&mut checks, "ip.ptr", Status::Fail);
    set(&mut checks, "ip.fcrdns", Status::Fail);
    for p in Provider::ALL {
        let result = evaluate(p, &checks, &input(""));
        assert_eq!(result.status, Status::Fail, "{p:?}");
        let e = result.explanation.as_ref().expect("explained");
        assert!(e.why.is_some() && !e.fix.is_empty() && !e.references.is_empty());
    }
    let g = evaluate(Provider::Google, &checks, &input(""));
    let fcrdns = item(&g, "fcrdns");
    assert_eq!(fcrdns["status"], "fail");
    assert_eq!(fcrdns["decided_by"][0]["subject"], "203.0.113.10");
}

#[test]
fn spf_alone_meets_the_all_senders_item_but_bulk_senders_need_dkim_too() {
    let mut checks = good();
    checks.retain(|c| !c.id.starts_with("dkim."));
    checks.push(r("dkim.key", Status::Unknown, None));
    let g = evaluate(Provider::Google, &checks, &input(""));
    assert_eq!(item(&g, "spf-or-dkim")["status"], "pass");
    assert_eq!(item(&g, "spf-and-dkim")["status"], "unknown");
    assert_eq!(g.status, Status::Unknown);

    // A failing DKIM key (typed selector, no key) fails only the bulk item: warn.
    let mut checks = good();
    checks.retain(|c| !c.id.starts_with("dkim."));
    checks.push(r("dkim.key", Status::Fail, Some("s1")));
    let g = evaluate(Provider::Google, &checks, &input("s1"));
    assert_eq!(item(&g, "spf-or-dkim")["status"], "pass");
    assert_eq!(item(&g, "spf-and-dkim")["status"], "fail");
    assert_eq!(g.status, Status::Warn);
    assert_eq!(g.summary.key, "provider-bulk-fail");
    let m = evaluate(Provider::Microsoft, &checks, &input("s1"));
    assert_eq!(item(&m, "dkim")["status"], "fail");
    assert_eq!(item(&m, "spf")["status"], "pass");
    assert_eq!(m.status, Status::Warn);
}

#[test]
fn neither_spf_nor_dkim_fails_every_sender() {
    let mut checks = good();
    set(&mut checks, "spf.authorizes-ip", Status::Fail);
    set(&mut checks, "dkim.key-strength", Status::Fail);
    let y = evaluate(Provider::Yahoo, &checks, &input(""));
    assert_eq!(item(&y, "spf-or-dkim")["status"], "fail");
    assert_eq!(y.status, Status::Fail);
}

#[test]
fn provider_minimums_are_not_our_recommendations() {
    // A 1024-bit key and p=none warn as checks but meet every provider's rule.
    let mut checks = good();
    set(&mut checks, "dkim.key-strength", Status::Warn);
    set(&mut checks, "dmarc.policy", Status::Warn);
    set(&mut checks, "dmarc.alignment", Status::Info);
    for p in Provider::ALL {
        assert_eq!(
            evaluate(p, &checks, &input("")).status,
            Status::Pass,
            "{p:?}"
        );
    }
    // A key in test mode counts as unsigned mail: the DKIM items warn.
    set(&mut checks, "dkim.testing", Status::Warn);
    let g = evaluate(Provider::Google, &checks, &input(""));
    assert_eq!(item(&g, "spf-and-dkim")["status"], "warn");
    assert_eq!(item(&g, "spf-or-dkim")["status"], "pass");
    assert_eq!(g.status, Status::Warn);
    assert_eq!(g.summary.key, "provider-warn");
}

#[test]
fn a_missing_dmarc_record_fails_the_bulk_item() {
    let mut checks = good();
    checks.retain(|c| !c.id.starts_with("dmarc."));
    checks.push(r("dmarc.present", Status::Fail, None));
    for p in Provider::ALL {
        let result = evaluate(p, &checks, &input(""));
        assert_eq!(item(&result, "dmarc")["status"], "fail");
        assert_eq!(result.status, Status::Warn, "{p:?}");
    }
}

#[test]
fn unknown_is_never_a_pass() {
    let mut checks = good();
    set(&mut checks, "ip.fcrdns", Status::Unknown);
    let g = evaluate(Provider::Google, &checks, &input(""));
    assert_eq!(item(&g, "fcrdns")["status"], "unknown");
    assert_eq!(g.status, Status::Unknown);
    // No result at all is unknown too.
    let none = evaluate(Provider::Yahoo, &[], &input(""));
    assert_eq!(none.status, Status::Unknown);
    assert_eq!(item(&none, "fcrdns")["status"], "unknown");
    // A failing all-senders item outranks an unknown one.
    set(&mut checks, "spf.present", Status::Fail);
    set(&mut checks, "dkim.key", Status::Fail);
    assert_eq!(
        evaluate(Provider::Google, &checks, &input("")).status,
        Status::Fail
    );
}

#[test]
fn guessed_selectors_are_alternatives_typed_ones_must_hold() {
    let mut checks = good();
    // An old 512-bit key under another guessed selector does not hide the good one.
    checks.push(r("dkim.key", Status::Pass, Some("old")));
    checks.push(r("dkim.key-strength", Status::Fail, Some("old")));
    let m = evaluate(Provider::Microsoft, &checks, &input(""));
    assert_eq!(item(&m, "dkim")["status"], "pass");
    assert_eq!(item(&m, "dkim")["decided_by"][0]["subject"], "default");
    // When the user names the selector the server signs with, that one decides.
    let m = evaluate(Provider::Microsoft, &checks, &input("old"));
    assert_eq!(item(&m, "dkim")["status"], "fail");
    assert_eq!(
        item(&m, "dkim")["decided_by"],
        json!([{ "id": "dkim.key-strength", "subject": "old", "status": "fail" }])
    );
}

#[test]
fn a_dynamic_looking_ptr_fails_outlook_only() {
    let mut checks = good();
    set(&mut checks, "ip.ptr-generic", Status::Fail);
    assert_eq!(
        evaluate(Provider::Microsoft, &checks, &input("")).status,
        Status::Fail
    );
    assert_eq!(
        evaluate(Provider::Google, &checks, &input("")).status,
        Status::Pass
    );
}

#[test]
fn every_provider_lists_its_bulk_rules_after_its_all_sender_rules() {
    for p in Provider::ALL {
        let scopes: Vec<Scope> = p.items().iter().map(|i| i.scope).collect();
        let first_bulk = scopes.iter().position(|s| *s == Scope::Bulk).unwrap();
        assert!(
            scopes[first_bulk..].iter().all(|s| *s == Scope::Bulk),
            "{p:?}"
        );
        assert!(p.references()[0].1.starts_with("https://"));
        // Every item that DNS decides names its checks.
        for i in p.items() {
            if matches!(i.rule, Rule::All(_) | Rule::Any(_)) {
                assert!(!i.checks().is_empty(), "{}", i.id);
            }
        }
    }
}

#[test]
fn a_pasted_message_with_both_unsubscribe_headers_meets_one_click_unsubscribe() {
    let with = |message: &str| {
        RawInput {
            domain: "example.com".into(),
            message: message.into(),
            ..RawInput::default()
        }
        .parse()
        .expect("valid input")
    };
    let headers = "From: news@example.com\r\nList-Unsubscribe: <https://example.com/u/1>, \
                   <mailto:u@example.com>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\nHi";
    let g = evaluate(Provider::Google, &good(), &with(headers));
    assert_eq!(item(&g, "one-click-unsubscribe")["status"], "pass");
    // Without the Post header it is not one-click; a message may be transactional,
    // so that is still not decidable rather than a failure.
    let g = evaluate(
        Provider::Yahoo,
        &good(),
        &with("From: a@example.com\r\nList-Unsubscribe: <https://example.com/u>\r\n\r\nHi"),
    );
    assert_eq!(item(&g, "one-click-unsubscribe")["status"], "cannot-check");
    let g = evaluate(Provider::Google, &good(), &input(""));
    assert_eq!(item(&g, "one-click-unsubscribe")["status"], "cannot-check");
}

#[test]
fn item_views_read_the_details_back() {
    let mut checks = good();
    set(&mut checks, "ip.fcrdns", Status::Fail);
    let g = evaluate(Provider::Google, &checks, &input(""));
    let views = item_views(&g);
    assert_eq!(views.len(), Provider::Google.items().len());
    let fcrdns = &views[1];
    assert_eq!(fcrdns.status, "fail");
    assert_eq!(fcrdns.state.key, "provider-state-fail");
    assert_eq!(fcrdns.scope.key, "provider-scope-all");
    assert_eq!(fcrdns.checks, ["ip.ptr", "ip.fcrdns"]);
    assert_eq!(
        fcrdns.decided_by,
        [("ip.fcrdns".to_owned(), Some("203.0.113.10".to_owned()))]
    );
    assert!(item_views(&checks[0]).is_empty());
}

#[test]
fn alignment_is_decided_only_when_a_message_makes_dmarc_alignment_decide() {
    let mut checks = good();
    let g = evaluate(Provider::Google, &checks, &input(""));
    assert_eq!(item(&g, "alignment")["status"], "cannot-check");
    set(&mut checks, "dmarc.alignment", Status::Fail);
    let g = evaluate(Provider::Google, &checks, &input(""));
    assert_eq!(item(&g, "alignment")["status"], "fail");
    assert_eq!(g.status, Status::Warn);
    set(&mut checks, "dmarc.alignment", Status::Pass);
    let m = evaluate(Provider::Microsoft, &checks, &input(""));
    assert_eq!(item(&m, "alignment")["status"], "pass");
}
