//! Turning a [`Report`](crate::report::Report) into documents: the grouping and
//! ordering every front end shares (check groups, failures first, the combined
//! fix) and the Markdown export ([`markdown()`]). Text comes from the catalogues
//! only; DNS data is escaped for the target format.

mod markdown;

pub use markdown::markdown;

use crate::dnshost::{DnsHost, place_message};
use crate::i18n::Lang;
use crate::report::{CheckResult, FixPlace, FixRecord, Status};
use std::borrow::Borrow;

/// The groups a report shows its checks in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckGroup {
    /// `ip.*`, `host.*`: the sending server.
    Server,
    /// `spf.*`, `dkim.*`, `dmarc.*`, `mx.*`, `domain.*`: domain authentication.
    Domain,
    /// `provider.*`: the Gmail, Yahoo and Microsoft sender checklists.
    Providers,
    /// `mta-sts`, `tls-rpt`, `bimi`, `dnssec`, `dane` and anything else.
    Extras,
}

impl CheckGroup {
    /// In report order.
    pub const ALL: [CheckGroup; 4] = [Self::Server, Self::Domain, Self::Providers, Self::Extras];

    /// The group of a check id.
    pub fn of(id: &str) -> Self {
        match id.split('.').next().unwrap_or(id) {
            "ip" | "host" => Self::Server,
            "spf" | "dkim" | "dmarc" | "mx" | "domain" => Self::Domain,
            "provider" => Self::Providers,
            _ => Self::Extras,
        }
    }

    /// The heading's catalogue key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Server => "export-group-server",
            Self::Domain => "export-group-domain",
            Self::Providers => "export-group-providers",
            Self::Extras => "export-group-extras",
        }
    }

    /// A stable identifier (`server`, `domain`, `providers`, `extras`).
    pub fn value(self) -> &'static str {
        match self {
            Self::Server => "server",
            Self::Domain => "domain",
            Self::Providers => "providers",
            Self::Extras => "extras",
        }
    }
}

/// Display rank: failures first, passes last.
pub fn status_rank(status: Status) -> u8 {
    match status {
        Status::Fail => 0,
        Status::Warn => 1,
        Status::Unknown => 2,
        Status::Info => 3,
        Status::Pass => 4,
    }
}

/// The checks of `group`, failures first; arrival order otherwise.
///
/// Generic over how the checks are held (`CheckResult`, or the page's shared handles).
pub fn checks_of<C: Borrow<CheckResult>>(checks: &[C], group: CheckGroup) -> Vec<&C> {
    let mut out: Vec<&C> = checks
        .iter()
        .filter(|c| CheckGroup::of(&(*c).borrow().id) == group)
        .collect();
    out.sort_by_key(|c| status_rank((*c).borrow().status));
    out
}

/// The label of a check id (`spf.lookups` → `spf-lookups-label`), or the id itself
/// when the catalogue has none.
pub fn check_label(lang: Lang, id: &str) -> String {
    let key = format!("{}-label", id.replace('.', "-"));
    if crate::i18n::has_key(lang, &key) {
        crate::i18n::text(lang, &key, &[])
    } else {
        id.to_owned()
    }
}

/// Every place, in the order the combined fix lists them.
pub const PLACES: [FixPlace; 3] = [
    FixPlace::DnsHost,
    FixPlace::IpProvider,
    FixPlace::MailServer,
];

/// Every record of every non-pass check, once each, grouped by place in
/// [`PLACES`] order; places without records are left out.
pub fn fix_records<C: Borrow<CheckResult>>(checks: &[C]) -> Vec<(FixPlace, Vec<&FixRecord>)> {
    let mut all: Vec<&FixRecord> = Vec::new();
    for check in checks
        .iter()
        .map(Borrow::borrow)
        .filter(|c: &&CheckResult| c.status != Status::Pass)
    {
        for record in check.explanation.iter().flat_map(|e| &e.records) {
            if !all
                .iter()
                .any(|r| r.place == record.place && r.record == record.record)
            {
                all.push(record);
            }
        }
    }
    PLACES
        .into_iter()
        .map(|place| {
            let records: Vec<&FixRecord> =
                all.iter().copied().filter(|r| r.place == place).collect();
            (place, records)
        })
        .filter(|(_, records)| !records.is_empty())
        .collect()
}

/// The combined fix as one zone snippet: a `;` comment naming each place — at a
/// recognised DNS host, where in its panel — then its records, each replacing
/// record preceded by a comment saying so.
pub fn fix_snippet(
    lang: Lang,
    groups: &[(FixPlace, Vec<&FixRecord>)],
    host: Option<&DnsHost>,
) -> String {
    let mut out = String::new();
    let comment = |text: String| format!("; {}\n", one_line(&text));
    for (place, records) in groups {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&comment(place_message(*place, host).render(lang)));
        for record in records {
            if record.replaces {
                out.push_str(&comment(crate::i18n::text(
                    lang,
                    "export-record-replaces",
                    &[],
                )));
            }
            out.push_str(&one_line(&record.record));
            out.push('\n');
        }
    }
    out
}

/// `text` on one line: a zone-file comment or record ends at the line break, so
/// a record value carrying one must not start a line of its own.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;
    use crate::report::Explanation;

    fn check(id: &str, status: Status, records: &[(FixPlace, &str, bool)]) -> CheckResult {
        let mut c = CheckResult::new(id, status, Message::new("status-pass"));
        if !records.is_empty() {
            c = c.explain(Explanation {
                records: records
                    .iter()
                    .map(|(place, record, replaces)| FixRecord {
                        place: *place,
                        record: (*record).into(),
                        replaces: *replaces,
                    })
                    .collect(),
                ..Default::default()
            });
        }
        c
    }

    #[test]
    fn checks_are_grouped_failures_first() {
        let checks = vec![
            check("spf.present", Status::Pass, &[]),
            check("ip.ptr", Status::Pass, &[]),
            check("spf.lookups", Status::Unknown, &[]),
            check("provider.google", Status::Warn, &[]),
            check("dmarc.policy", Status::Warn, &[]),
            check("ip.fcrdns", Status::Fail, &[]),
            check("mx.present", Status::Info, &[]),
            check("spf.all", Status::Fail, &[]),
            check("dnssec", Status::Pass, &[]),
            check("mta-sts", Status::Warn, &[]),
        ];
        let ids = |g| -> Vec<&str> {
            checks_of(&checks, g)
                .iter()
                .map(|c| c.id.as_str())
                .collect()
        };
        assert_eq!(ids(CheckGroup::Server), ["ip.fcrdns", "ip.ptr"]);
        assert_eq!(
            ids(CheckGroup::Domain),
            [
                "spf.all",
                "dmarc.policy",
                "spf.lookups",
                "mx.present",
                "spf.present"
            ]
        );
        assert_eq!(ids(CheckGroup::Providers), ["provider.google"]);
        assert_eq!(ids(CheckGroup::Extras), ["mta-sts", "dnssec"]);
    }

    #[test]
    fn the_combined_fix_names_the_host_and_each_record_once() {
        let checks = vec![
            check(
                "ip.ptr",
                Status::Fail,
                &[(
                    FixPlace::IpProvider,
                    "5.113.0.203.in-addr.arpa. IN PTR mail.example.com.",
                    false,
                )],
            ),
            check(
                "spf.all",
                Status::Pass,
                &[(FixPlace::DnsHost, "ignored", false)],
            ),
            check(
                "spf.lookups",
                Status::Fail,
                &[(
                    FixPlace::DnsHost,
                    "example.com. IN TXT \"v=spf1 -all\"",
                    true,
                )],
            ),
            check(
                "spf.authorizes-ip",
                Status::Fail,
                &[(
                    FixPlace::DnsHost,
                    "example.com. IN TXT \"v=spf1 -all\"",
                    true,
                )],
            ),
        ];
        let groups = fix_records(&checks);
        assert_eq!(groups.len(), 2);
        assert_eq!((groups[0].0, groups[0].1.len()), (FixPlace::DnsHost, 1));
        let host = DnsHost {
            id: "rumahweb".into(),
            name: "Rumahweb".into(),
            zone: "example.com".into(),
            ns: vec!["ns1.rumahweb.com".into()],
        };
        for lang in Lang::ALL {
            let snippet = fix_snippet(lang, &groups, Some(&host));
            let lines: Vec<&str> = snippet.lines().collect();
            assert!(
                lines[0].starts_with("; ") && lines[0].contains("Rumahweb"),
                "{snippet}"
            );
            assert!(lines[1].starts_with("; "), "the replace note: {snippet}");
            assert!(snippet.contains("IN PTR mail.example.com."));
            assert!(!snippet.contains("ignored"));
            assert!(snippet.find("v=spf1").unwrap() < snippet.find("PTR").unwrap());
            let generic = fix_snippet(lang, &groups, None);
            assert!(!generic.contains("Rumahweb"), "{generic}");
        }
    }

    #[test]
    fn a_record_with_a_line_break_stays_on_one_line() {
        let checks = vec![check(
            "spf.all",
            Status::Fail,
            &[(
                FixPlace::DnsHost,
                "a. IN TXT \"x\n$INCLUDE /etc/passwd\"",
                false,
            )],
        )];
        let snippet = fix_snippet(Lang::En, &fix_records(&checks), None);
        assert!(
            !snippet.lines().any(|l| l.starts_with("$INCLUDE")),
            "{snippet}"
        );
    }

    #[test]
    fn every_group_has_a_heading_in_every_language() {
        for lang in Lang::ALL {
            for g in CheckGroup::ALL {
                assert!(crate::i18n::has_key(lang, g.key()), "{:?}", g);
            }
        }
    }
}
