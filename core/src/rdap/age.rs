//! `domain.age`: when the domain was registered, from its registry's RDAP answer.
//!
//! Receivers and filters score mail from a domain registered days ago as likely
//! spam or phishing (a new domain has no history, and throw-away domains are how
//! spammers escape blocklists), so a domain younger than [`YOUNG_DAYS`] warns.
//! Without an answer — no RDAP service for the TLD, or the fetch failed — the
//! result is `unknown` with the reason: the age is not known, which is not the
//! same as being old.

use serde_json::json;

use super::client::{RdapAnswer, RdapClient, RdapError};
use super::model::{date_part, days_from_rfc3339};
use crate::checks::CheckContext;
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, Reference, Status};

/// A domain younger than this many days warns.
pub const YOUNG_DAYS: i64 = 30;

const ID: &str = "domain.age";

fn references() -> Vec<Reference> {
    [
        (
            "RFC 9083 §4.5 (RDAP events)",
            "https://www.rfc-editor.org/rfc/rfc9083#section-4.5",
        ),
        (
            "RFC 9224 (RDAP bootstrap)",
            "https://www.rfc-editor.org/rfc/rfc9224",
        ),
        (
            "IANA RDAP bootstrap registry",
            "https://data.iana.org/rdap/dns.json",
        ),
    ]
    .iter()
    .map(|(t, u)| Reference::new(t, u))
    .collect()
}

/// The `unknown` result for `domain` when RDAP gave no answer.
pub fn unknown(domain: &str, error: &RdapError) -> CheckResult {
    let mut fix = Vec::new();
    if matches!(error, RdapError::NoService { .. }) {
        fix.push(Message::new("domain-age-fix-no-service"));
    }
    CheckResult::new(
        ID,
        Status::Unknown,
        Message::new("domain-age-unknown")
            .arg("domain", domain)
            .arg_msg("reason", error.message()),
    )
    .subject(domain)
    .details(json!({ "domain": domain, "error": error }))
    .explain(Explanation {
        found: vec![Message::new("check-unknown-reason").arg_msg("reason", error.message())],
        why: Some(Message::new("domain-age-why")),
        fix,
        records: Vec::new(),
        references: references(),
    })
}

/// The result for `domain` from its RDAP answer, on day `today` (days since 1970).
pub fn result(domain: &str, answer: &RdapAnswer, today: i64) -> CheckResult {
    let o = &answer.object;
    let registered = o.event("registration");
    let registrar = o
        .entity_with_role("registrar")
        .and_then(|e| e.org.as_deref().or(e.name.as_deref()));
    let details = json!({
        "domain": domain,
        "url": answer.url,
        "registration": registered,
        "last_changed": o.event("last changed"),
        "expiration": o.event("expiration"),
        "registrar": registrar,
    });
    let Some((date, day)) = registered.and_then(|d| Some((d, days_from_rfc3339(d)?))) else {
        return CheckResult::new(
            ID,
            Status::Unknown,
            Message::new("domain-age-no-date").arg("domain", domain),
        )
        .subject(domain)
        .details(details)
        .explain(Explanation {
            found: vec![Message::new("domain-age-found-no-date").arg("url", &answer.url)],
            why: Some(Message::new("domain-age-why")),
            fix: Vec::new(),
            records: Vec::new(),
            references: references(),
        });
    };
    // A date in the future (a clock or registry error) is treated as today.
    let age = (today - day).max(0);
    let details = {
        let mut d = details;
        d["age_days"] = age.into();
        d
    };
    let date = date_part(date);
    if age < YOUNG_DAYS {
        let mut found = vec![
            Message::new("domain-age-found")
                .arg("domain", domain)
                .arg("date", date)
                .arg("days", age),
        ];
        if let Some(r) = registrar {
            found.push(Message::new("domain-age-found-registrar").arg("registrar", r));
        }
        CheckResult::new(
            ID,
            Status::Warn,
            Message::new("domain-age-young")
                .arg("domain", domain)
                .arg("days", age)
                .arg("date", date),
        )
        .subject(domain)
        .details(details)
        .explain(Explanation {
            found,
            why: Some(Message::new("domain-age-why")),
            fix: vec![Message::new("domain-age-fix")],
            records: Vec::new(),
            references: references(),
        })
    } else {
        CheckResult::new(
            ID,
            Status::Pass,
            Message::new("domain-age-ok")
                .arg("domain", domain)
                .arg("date", date)
                .arg("years", age / 365),
        )
        .subject(domain)
        .details(details)
    }
}

/// The domain whose registration counts: the registrable domain of the input (a
/// subdomain is not registered on its own).
pub fn registered_domain(domain: &str) -> String {
    crate::suffix::registrable_domain(domain).unwrap_or_else(|| domain.to_owned())
}

/// Runs `domain.age`.
pub async fn run(ctx: &CheckContext<'_>, client: Option<&RdapClient>) -> Vec<CheckResult> {
    let domain = registered_domain(&ctx.input.domain);
    let result = match client {
        None => unknown(&domain, &RdapError::Off),
        Some(c) => match c.domain(&domain).await {
            Ok(answer) => result(&domain, &answer, super::model::today()),
            Err(e) => unknown(&domain, &e),
        },
    };
    vec![ctx.emit(result)]
}

/// Every key this check can produce.
pub fn catalogue_keys() -> Vec<String> {
    [
        "domain-age-label",
        "domain-age-about",
        "domain-age-unknown",
        "domain-age-no-date",
        "domain-age-found-no-date",
        "domain-age-found",
        "domain-age-found-registrar",
        "domain-age-young",
        "domain-age-ok",
        "domain-age-why",
        "domain-age-fix",
        "domain-age-fix-no-service",
    ]
    .map(String::from)
    .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::rdap::model::RdapObject;
    use serde_json::json;

    fn answer(registration: Option<&str>) -> RdapAnswer {
        let events = registration
            .map(|d| json!([{ "eventAction": "registration", "eventDate": d }]))
            .unwrap_or(json!([]));
        RdapAnswer {
            url: "https://rdap.test/domain/example.com".into(),
            object: RdapObject::from_json(&json!({
                "objectClassName": "domain", "events": events,
                "entities": [{ "roles": ["registrar"],
                    "vcardArray": ["vcard", [["fn", {}, "text", "Example Registrar"]]] }]
            })),
        }
    }

    fn no_placeholders(r: &CheckResult) {
        for lang in Lang::ALL {
            let mut all = vec![r.summary.render(lang)];
            if let Some(e) = &r.explanation {
                all.extend(
                    e.found
                        .iter()
                        .chain(&e.fix)
                        .chain(&e.why)
                        .map(|m| m.render(lang)),
                );
            }
            for t in all {
                assert!(!t.contains('{') && !t.is_empty(), "{t}");
            }
        }
    }

    #[test]
    fn young_warns_old_passes() {
        let today = days_from_rfc3339("2026-12-04").unwrap();
        let young = result("example.com", &answer(Some("2026-11-20T10:00:00Z")), today);
        assert_eq!(young.status, Status::Warn);
        assert_eq!(young.details["age_days"], 14);
        assert_eq!(young.details["registrar"], "Example Registrar");
        no_placeholders(&young);
        let edge = result("example.com", &answer(Some("2026-11-04")), today);
        assert_eq!(edge.status, Status::Pass, "30 days is no longer young");
        let old = result("example.com", &answer(Some("1995-08-14T04:00:00Z")), today);
        assert_eq!(old.status, Status::Pass);
        assert!(old.summary.render(Lang::En).contains("1995-08-14"));
        no_placeholders(&old);
        let future = result("example.com", &answer(Some("2027-01-01")), today);
        assert_eq!(future.status, Status::Warn);
        assert_eq!(future.details["age_days"], 0);
    }

    #[test]
    fn no_date_or_no_answer_is_unknown() {
        let r = result("example.com", &answer(None), 20_000);
        assert_eq!(r.status, Status::Unknown);
        no_placeholders(&r);
        for e in [
            RdapError::NoService { tld: "id".into() },
            RdapError::Http {
                url: "https://x/".into(),
                status: 500,
            },
            RdapError::Timeout {
                url: "https://x/".into(),
                after_ms: 5000,
            },
            RdapError::Off,
        ] {
            let r = unknown("example.id", &e);
            assert_eq!(r.status, Status::Unknown);
            assert_eq!(
                r.details["error"]["kind"],
                serde_json::to_value(&e).unwrap()["kind"]
            );
            no_placeholders(&r);
        }
    }

    #[test]
    fn the_registered_domain_is_asked() {
        assert_eq!(registered_domain("mail.example.co.uk"), "example.co.uk");
        assert_eq!(registered_domain("example.com"), "example.com");
    }
}
