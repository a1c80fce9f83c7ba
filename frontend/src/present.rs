//! Pure helpers that turn engine data into what the page shows: text from the
//! catalogues, fact groups in a stable order, short resolver labels.

use std::borrow::Borrow;
use std::net::IpAddr;

use inboxable_core::dns::LookupError;
use inboxable_core::facts::{Fact, FactKind, FactValue};
use inboxable_core::i18n::{self, Lang, Message};
use inboxable_core::report::{FixPlace, Status};

/// The text of a catalogue key without arguments.
pub fn t(lang: Lang, key: &str) -> String {
    i18n::text(lang, key, &[])
}

/// Why a lookup gave no answer, in `lang`: `ui-lookup-<code>` with the error's fields
/// as arguments, or the engine's technical text when the catalogue lacks the code.
pub fn lookup_reason(lang: Lang, error: &LookupError) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(error) else {
        return error.to_string();
    };
    let key = match map.get("error").and_then(|c| c.as_str()) {
        Some(code) => format!("ui-lookup-{code}"),
        None => return error.to_string(),
    };
    if !i18n::has_key(lang, &key) {
        return error.to_string();
    }
    let mut message = Message::new(key);
    for (name, value) in &map {
        match value {
            serde_json::Value::String(s) => message = message.arg(name, s),
            serde_json::Value::Null => {}
            other => message = message.arg(name, other),
        }
    }
    message.render(lang)
}

/// The `data-outcome` of a fact.
pub fn outcome(value: &FactValue) -> &'static str {
    match value {
        FactValue::Records { .. } => "records",
        FactValue::Nxdomain => "nxdomain",
        FactValue::Nodata => "nodata",
        FactValue::Error { .. } => "error",
    }
}

/// The `data-kind` of a fact: the kebab-case name of its kind.
pub fn kind_name(kind: FactKind) -> &'static str {
    kind.key().trim_start_matches("fact-")
}

/// The three groups the results show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// MX, A, AAAA and TXT of the domain.
    Domain,
    /// The MX hosts' addresses.
    MailExchangers,
    /// The mail hostname, the PTR of each sending IP and the PTR names' addresses.
    SendingServer,
}

impl Group {
    /// In page order.
    pub const ALL: [Group; 3] = [Self::Domain, Self::MailExchangers, Self::SendingServer];

    /// The group a fact belongs in.
    pub fn of(kind: FactKind) -> Self {
        match kind {
            FactKind::Mx
            | FactKind::DomainA
            | FactKind::DomainAaaa
            | FactKind::DomainTxt
            | FactKind::Ns => Self::Domain,
            FactKind::MxHostA | FactKind::MxHostAaaa => Self::MailExchangers,
            FactKind::HostA
            | FactKind::HostAaaa
            | FactKind::Ptr
            | FactKind::PtrA
            | FactKind::PtrAaaa => Self::SendingServer,
        }
    }

    /// The heading's catalogue key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Domain => "ui-group-domain",
            Self::MailExchangers => "ui-group-mx",
            Self::SendingServer => "ui-group-sending",
        }
    }

    /// The `data-group` value.
    pub fn value(self) -> &'static str {
        match self {
            Self::Domain => "domain",
            Self::MailExchangers => "mx",
            Self::SendingServer => "sending",
        }
    }
}

/// The facts of `group` in a stable order, whatever order they arrived in: the
/// domain's MX, A, AAAA, TXT; each MX host's A then AAAA; the hostname's addresses,
/// then per sending IP its PTR followed by the PTR names' addresses.
pub fn grouped<F: Borrow<Fact>>(facts: &[F], group: Group) -> Vec<&F> {
    let mut out: Vec<&F> = facts
        .iter()
        .filter(|f| Group::of((*f).borrow().kind) == group)
        .collect();
    out.sort_by_key(|f| sort_key((*f).borrow()));
    out
}

fn sort_key(fact: &Fact) -> (u8, Option<IpAddr>, String, u8) {
    let rank = match fact.kind {
        FactKind::Mx => 0,
        FactKind::DomainA | FactKind::MxHostA | FactKind::HostA => 1,
        FactKind::DomainAaaa | FactKind::MxHostAaaa | FactKind::HostAaaa => 2,
        FactKind::DomainTxt => 3,
        FactKind::Ns => 6,
        FactKind::Ptr => 4,
        FactKind::PtrA | FactKind::PtrAaaa => 5,
    };
    match fact.kind {
        // A PTR sorts before the forward lookups of its names: the name sort key is
        // empty for the PTR itself.
        FactKind::Ptr => (1, fact.ip, String::new(), rank),
        FactKind::PtrA | FactKind::PtrAaaa => (1, fact.ip, fact.name.clone(), rank),
        FactKind::MxHostA | FactKind::MxHostAaaa => (0, None, fact.name.clone(), rank),
        _ => (0, None, String::new(), rank),
    }
}

/// The card groups, their order and failures-first sorting, the check labels and the
/// combined fix are the engine's (`inboxable_core::render`), shared with the Markdown
/// export and the CLI so the page and the exports can never group or order differently.
pub use inboxable_core::render::{
    CheckGroup as CardGroup, check_label, checks_of, fix_records, fix_snippet,
};

/// The `data-status` value of a status.
pub fn status_value(status: Status) -> &'static str {
    match status {
        Status::Pass => "pass",
        Status::Warn => "warn",
        Status::Fail => "fail",
        Status::Unknown => "unknown",
        Status::Info => "info",
    }
}

/// The HTML id of a check's card, unique per check and subject, so a provider
/// checklist item can link to the card that decided it.
pub fn card_anchor(id: &str, subject: Option<&str>) -> String {
    let mut out = format!("check-{id}");
    if let Some(s) = subject {
        out.push('-');
        out.push_str(s);
    }
    out.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The catalogue key saying where a fix is made.
pub fn place_key(place: FixPlace) -> &'static str {
    match place {
        FixPlace::DnsHost => "ui-place-dns-host",
        FixPlace::IpProvider => "ui-place-ip-provider",
        FixPlace::MailServer => "ui-place-mail-server",
    }
}

/// A short label for a resolver URL in the log: its host, or the URL itself.
pub fn resolver_label(url: &str) -> &str {
    url.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or(rest))
        .map(|authority| authority.rsplit('@').next().unwrap_or(authority))
        .filter(|host| !host.is_empty())
        .unwrap_or(url)
}

#[cfg(test)]
mod tests {
    use inboxable_core::dns::RecordType;

    use super::*;

    fn fact(kind: FactKind, name: &str, ip: Option<&str>) -> Fact {
        Fact {
            kind,
            name: name.into(),
            rtype: RecordType::A,
            ip: ip.map(|i| i.parse().unwrap()),
            value: FactValue::Nodata,
        }
    }

    #[test]
    fn groups_have_a_stable_order() {
        let facts = vec![
            fact(FactKind::PtrA, "b.example", Some("192.0.2.1")),
            fact(FactKind::DomainTxt, "example.com", None),
            fact(FactKind::MxHostAaaa, "mx1.example.com", None),
            fact(FactKind::Ptr, "1.2.0.192.in-addr.arpa", Some("192.0.2.1")),
            fact(FactKind::HostA, "mail.example.com", None),
            fact(FactKind::Mx, "example.com", None),
            fact(FactKind::MxHostA, "mx1.example.com", None),
            fact(FactKind::PtrA, "a.example", Some("192.0.2.1")),
            fact(FactKind::MxHostA, "mx0.example.com", None),
            fact(FactKind::Ptr, "9.2.0.192.in-addr.arpa", Some("192.0.2.9")),
        ];
        let names = |g| -> Vec<String> {
            grouped(&facts, g)
                .iter()
                .map(|f| format!("{} {}", kind_name(f.kind), f.name))
                .collect()
        };
        assert_eq!(
            names(Group::Domain),
            ["mx example.com", "domain-txt example.com"]
        );
        assert_eq!(
            names(Group::MailExchangers),
            [
                "mx-host-a mx0.example.com",
                "mx-host-a mx1.example.com",
                "mx-host-aaaa mx1.example.com"
            ]
        );
        assert_eq!(
            names(Group::SendingServer),
            [
                "host-a mail.example.com",
                "ptr 1.2.0.192.in-addr.arpa",
                "ptr-a a.example",
                "ptr-a b.example",
                "ptr 9.2.0.192.in-addr.arpa",
            ]
        );
    }

    #[test]
    fn lookup_errors_are_explained_in_both_languages() {
        for lang in Lang::ALL {
            let text = lookup_reason(lang, &LookupError::Timeout { after_ms: 5000 });
            assert!(
                text.contains("5000") && !text.contains("ui-lookup"),
                "{text}"
            );
            let text = lookup_reason(
                lang,
                &LookupError::RateLimited {
                    retry_after_s: None,
                },
            );
            assert!(!text.contains('{') && !text.contains("ui-lookup"), "{text}");
            let text = lookup_reason(
                lang,
                &LookupError::Transport {
                    reason: "boom".into(),
                },
            );
            assert!(text.contains("boom"), "{text}");
            // Every variant has its own catalogue entry (the fallback is English).
            for error in [
                LookupError::ServFail,
                LookupError::Refused,
                LookupError::Rcode { rcode: 4 },
                LookupError::Http { status: 503 },
                LookupError::Malformed { reason: "x".into() },
            ] {
                let code = serde_json::to_value(&error).unwrap()["error"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                assert!(i18n::has_key(lang, &format!("ui-lookup-{code}")), "{code}");
            }
        }
    }

    #[test]
    fn card_anchors_are_html_ids() {
        assert_eq!(
            card_anchor("ip.fcrdns", Some("2001:db8::25")),
            "check-ip-fcrdns-2001-db8--25"
        );
        assert_eq!(card_anchor("mta-sts", None), "check-mta-sts");
    }

    #[test]
    fn every_check_id_has_a_label() {
        for lang in Lang::ALL {
            for id in [
                "ip.fcrdns",
                "spf.lookups",
                "spf.authorizes-ip",
                "ip.blocklists",
                "mta-sts",
                "dmarc.policy",
                "dkim.key",
                "host.helo",
                "mx.valid",
            ] {
                assert_ne!(check_label(lang, id), id, "{id}");
            }
            assert_eq!(check_label(lang, "no.such"), "no.such");
        }
    }

    #[test]
    fn keys_built_at_run_time_exist() {
        let mut keys: Vec<String> = Vec::new();
        for s in ["listed", "unknown", "clean", "skipped"] {
            keys.push(format!("ui-bl-{s}"));
        }
        for r in [
            "lookup",
            "test-not-listed",
            "test-listed",
            "error-code",
            "unexpected",
            "ipv4-only",
        ] {
            keys.push(format!("ui-bl-reason-{r}"));
        }
        for s in [
            Status::Pass,
            Status::Warn,
            Status::Fail,
            Status::Unknown,
            Status::Info,
        ] {
            keys.push(format!("ui-verdict-title-{}", status_value(s)));
        }
        for p in inboxable_core::render::PLACES {
            keys.push(place_key(p).to_owned());
        }
        for g in CardGroup::ALL {
            keys.push(g.key().to_owned());
        }
        for lang in Lang::ALL {
            for key in &keys {
                assert!(i18n::has_key(lang, key), "{key} in {lang:?}");
            }
        }
    }

    #[test]
    fn resolver_labels() {
        assert_eq!(
            resolver_label("https://cloudflare-dns.com/dns-query"),
            "cloudflare-dns.com"
        );
        assert_eq!(
            resolver_label("http://127.0.0.1:8053/sub/dns-query?x"),
            "127.0.0.1:8053"
        );
        assert_eq!(resolver_label("https://u:p@doh.example/q"), "doh.example");
        assert_eq!(resolver_label("test"), "test");
    }

    #[test]
    fn kind_names_match_the_serde_names() {
        let kind = FactKind::MxHostAaaa;
        assert_eq!(serde_json::to_value(kind).unwrap(), kind_name(kind));
    }
}
