//! `ip.reputation`: the reputation signals DNS can show for a sending IP.
//!
//! Three public services answer over DNS (dns-facts.md §2.2, §6):
//!
//! * DNSWL (`list.dnswl.org`), an allowlist: "127.0.X.Y" with X the category and Y
//!   the trust (0 none … 3 high); `127.0.x.255` means the query was blocked.
//! * Validity SenderScore (`score.senderscore.com`): the last octet is a score
//!   0–100; `127.255.255.255` means blocked; IPv4 only.
//! * Mailspike reputation (`rep.mailspike.net`): 127.0.0.10 (L5, very bad) …
//!   127.0.0.20 (H5, excellent), 13–16 neutral; IPv4 only.
//!
//! None of them is what a receiver decides by: Gmail, Outlook and Yahoo keep their
//! own history of every IP, which no one else can see. So the check is `info`,
//! never `pass`, and only a strongly negative score makes it `warn`.
//!
//! The IP's network as its RIR publishes it over RDAP (`crate::rdap::network`) is
//! shown with the signals: name, organisation, dates, abuse contact, and the
//! provider recognised from them (where that provider sets reverse DNS, and its
//! port 25 policy). The network's dates are the block's, not the IP's.

use std::net::IpAddr;

use futures::future::join_all;
use futures::join;
use serde_json::json;

use crate::checks::CheckContext;
use crate::dns::{LookupError, LookupResult, RData, RecordType};
use crate::dnsbl::{Subject, query_name};
use crate::i18n::Message;
use crate::rdap::network::{self, Network};
use crate::rdap::{RdapError, RdapOptions};
use crate::report::{CheckResult, Explanation, Reference, Status};

/// The DNSWL zone.
pub const DNSWL_ZONE: &str = "list.dnswl.org";
/// The SenderScore zone.
pub const SENDERSCORE_ZONE: &str = "score.senderscore.com";
/// The Mailspike reputation zone.
pub const MAILSPIKE_ZONE: &str = "rep.mailspike.net";

/// SenderScore below this warns (Validity calls scores under 70 poor; under 50,
/// mail is commonly filtered).
pub const SENDERSCORE_WARN_BELOW: u8 = 50;

/// A reputation source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// DNSWL allowlist.
    Dnswl,
    /// Validity SenderScore.
    SenderScore,
    /// Mailspike reputation.
    Mailspike,
}

impl Source {
    /// All sources, in display order.
    pub const ALL: [Source; 3] = [Self::Dnswl, Self::SenderScore, Self::Mailspike];

    /// Stable code for details and keys.
    pub fn code(self) -> &'static str {
        match self {
            Self::Dnswl => "dnswl",
            Self::SenderScore => "senderscore",
            Self::Mailspike => "mailspike",
        }
    }

    /// The DNS zone.
    pub fn zone(self) -> &'static str {
        match self {
            Self::Dnswl => DNSWL_ZONE,
            Self::SenderScore => SENDERSCORE_ZONE,
            Self::Mailspike => MAILSPIKE_ZONE,
        }
    }

    fn ipv6(self) -> bool {
        self == Self::Dnswl
    }
}

/// What one source says about one IP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Signal {
    /// DNSWL lists the IP.
    Dnswl {
        /// Category (2 financial … 15 email marketing).
        category: u8,
        /// Trust, 0 none … 3 high.
        trust: u8,
    },
    /// A SenderScore, 0–100.
    SenderScore(u8),
    /// A Mailspike reputation code, 10 (L5) … 20 (H5).
    Mailspike(u8),
    /// The source has nothing on this IP (too little mail seen, or not listed).
    NoData,
    /// The service refused this resolver (its blocked code).
    Blocked {
        /// The answer.
        code: String,
    },
    /// An answer that is not one the source documents.
    Unexpected {
        /// The answer.
        code: String,
    },
    /// The source's RFC 5782 test entry did not answer as documented: its answers
    /// through this resolver cannot be trusted.
    TestFailed,
    /// No answer.
    Failed(LookupError),
    /// The source only knows IPv4 addresses.
    Ipv4Only,
}

impl Signal {
    /// `found`, `none`, `unavailable` or `not-applicable`.
    pub fn state(&self) -> &'static str {
        match self {
            Self::Dnswl { .. } | Self::SenderScore(_) | Self::Mailspike(_) => "found",
            Self::NoData => "none",
            Self::Ipv4Only => "not-applicable",
            _ => "unavailable",
        }
    }

    /// Whether this signal alone is strongly negative.
    pub fn is_poor(&self) -> bool {
        match self {
            Self::SenderScore(s) => *s < SENDERSCORE_WARN_BELOW,
            Self::Mailspike(c) => matches!(c, 10 | 11),
            _ => false,
        }
    }
}

fn addresses(result: &LookupResult) -> Result<Vec<[u8; 4]>, LookupError> {
    let answer = result.as_ref().map_err(Clone::clone)?;
    Ok(answer
        .records
        .iter()
        .filter_map(|r| match r.data {
            RData::A { address } => Some(address.octets()),
            _ => None,
        })
        .collect())
}

fn dotted(o: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3])
}

/// Reads a DNSWL answer, given the answer for its test entry `2.0.0.127`.
pub fn read_dnswl(test: &LookupResult, answer: &LookupResult) -> Signal {
    match addresses(test) {
        Err(e) => return Signal::Failed(e),
        Ok(a) if a.is_empty() => return Signal::TestFailed,
        Ok(a) => {
            if let Some(o) = a.iter().find(|o| o[3] == 255) {
                return Signal::Blocked { code: dotted(*o) };
            }
        }
    }
    let addrs = match addresses(answer) {
        Err(e) => return Signal::Failed(e),
        Ok(a) => a,
    };
    let Some(o) = addrs.first() else {
        return Signal::NoData;
    };
    match *o {
        [127, 0, _, 255] => Signal::Blocked { code: dotted(*o) },
        [127, 0, category, trust] if trust <= 3 => Signal::Dnswl { category, trust },
        _ => Signal::Unexpected { code: dotted(*o) },
    }
}

/// Reads a SenderScore answer.
pub fn read_senderscore(answer: &LookupResult) -> Signal {
    let addrs = match addresses(answer) {
        Err(e) => return Signal::Failed(e),
        Ok(a) => a,
    };
    match addrs.first() {
        None => Signal::NoData,
        Some(o @ [127, 255, 255, 255]) => Signal::Blocked { code: dotted(*o) },
        Some([127, _, _, score]) if *score <= 100 => Signal::SenderScore(*score),
        Some(o) => Signal::Unexpected { code: dotted(*o) },
    }
}

/// Reads a Mailspike reputation answer.
pub fn read_mailspike(answer: &LookupResult) -> Signal {
    let addrs = match addresses(answer) {
        Err(e) => return Signal::Failed(e),
        Ok(a) => a,
    };
    match addrs.first() {
        None => Signal::NoData,
        Some([127, 0, 0, code @ 10..=20]) => Signal::Mailspike(*code),
        Some(o) => Signal::Unexpected { code: dotted(*o) },
    }
}

fn mailspike_level(code: u8) -> &'static str {
    match code {
        10 => "l5",
        11 => "l4",
        12 => "l3",
        17 => "h2",
        18 => "h3",
        19 => "h4",
        20 => "h5",
        _ => "neutral",
    }
}

const DNSWL_CATEGORIES: std::ops::RangeInclusive<u8> = 2..=15;

fn signal_message(source: Source, signal: &Signal) -> Message {
    let src = source.code();
    match signal {
        Signal::Dnswl { category, trust } => Message::new("reputation-dnswl-found")
            .arg_key(
                "category",
                if DNSWL_CATEGORIES.contains(category) {
                    format!("reputation-dnswl-category-{category}")
                } else {
                    "reputation-dnswl-category-other".into()
                },
            )
            .arg_key("trust", format!("reputation-dnswl-trust-{trust}")),
        Signal::SenderScore(score) => {
            Message::new("reputation-senderscore-found").arg("score", score)
        }
        Signal::Mailspike(code) => Message::new("reputation-mailspike-found")
            .arg("code", format!("127.0.0.{code}"))
            .arg_key(
                "level",
                format!("reputation-mailspike-{}", mailspike_level(*code)),
            ),
        Signal::NoData => Message::new(format!("reputation-{src}-none")),
        Signal::Ipv4Only => Message::new("reputation-ipv4-only")
            .arg_key("source", format!("reputation-source-{src}")),
        Signal::Blocked { code } => Message::new("reputation-blocked")
            .arg_key("source", format!("reputation-source-{src}"))
            .arg("code", code),
        Signal::Unexpected { code } => Message::new("reputation-unexpected")
            .arg_key("source", format!("reputation-source-{src}"))
            .arg("code", code),
        Signal::TestFailed => Message::new("reputation-test-failed")
            .arg_key("source", format!("reputation-source-{src}")),
        Signal::Failed(e) => Message::new("reputation-failed")
            .arg_key("source", format!("reputation-source-{src}"))
            .arg_msg("reason", e.message()),
    }
}

fn signal_json(source: Source, signal: &Signal) -> serde_json::Value {
    let mut v = json!({ "source": source.code(), "zone": source.zone(), "state": signal.state() });
    match signal {
        Signal::Dnswl { category, trust } => {
            v["category"] = (*category).into();
            v["trust"] = (*trust).into();
        }
        Signal::SenderScore(s) => v["score"] = (*s).into(),
        Signal::Mailspike(c) => {
            v["code"] = format!("127.0.0.{c}").into();
            v["level"] = mailspike_level(*c).into();
        }
        Signal::Blocked { code } => {
            v["reason"] = "blocked".into();
            v["code"] = code.clone().into();
        }
        Signal::Unexpected { code } => {
            v["reason"] = "unexpected".into();
            v["code"] = code.clone().into();
        }
        Signal::TestFailed => v["reason"] = "test-not-listed".into(),
        Signal::Failed(e) => {
            v["reason"] = "lookup".into();
            v["error"] = serde_json::to_value(e).unwrap_or_default();
        }
        Signal::NoData | Signal::Ipv4Only => {}
    }
    v
}

/// The reputation result for `ip` from its three signals and its RDAP network.
pub fn result(
    ip: IpAddr,
    signals: &[(Source, Signal)],
    network: &Result<Network, RdapError>,
) -> CheckResult {
    let poor = signals.iter().any(|(_, s)| s.is_poor());
    let found = signals.iter().filter(|(_, s)| s.state() == "found").count();
    let (status, summary) = if poor {
        (Status::Warn, Message::new("reputation-warn").arg("ip", ip))
    } else {
        (
            Status::Info,
            Message::new("reputation-info")
                .arg("ip", ip)
                .arg("found", found)
                .arg(
                    "total",
                    signals
                        .iter()
                        .filter(|(_, s)| *s != Signal::Ipv4Only)
                        .count(),
                ),
        )
    };
    let mut fix = Vec::new();
    if poor {
        fix.push(Message::new("reputation-fix-poor"));
    }
    fix.push(Message::new("reputation-fix"));
    let mut found: Vec<Message> = signals
        .iter()
        .map(|(src, s)| signal_message(*src, s))
        .collect();
    let network_json = match network {
        Ok(n) => {
            found.extend(n.messages());
            found.push(Message::new("rdap-network-age-note"));
            n.to_json()
        }
        Err(e) => {
            found.push(network::error_message(e));
            network::error_json(e)
        }
    };
    CheckResult::new("ip.reputation", status, summary)
        .subject(ip)
        .details(json!({
            "signals": signals.iter().map(|(src, s)| signal_json(*src, s)).collect::<Vec<_>>(),
            "network": network_json,
        }))
        .explain(Explanation {
            found,
            why: Some(Message::new("reputation-why")),
            fix,
            records: Vec::new(),
            references: [
                ("Google Postmaster Tools", "https://postmaster.google.com/"),
                (
                    "Microsoft SNDS",
                    "https://sendersupport.olc.protection.outlook.com/snds/",
                ),
                ("DNSWL", "https://www.dnswl.org/"),
                ("Validity SenderScore", "https://www.senderscore.org/"),
                ("Mailspike", "https://mailspike.io/"),
            ]
            .iter()
            .map(|(t, u)| Reference::new(t, u))
            .collect(),
        })
}

/// Asks the three sources about `ip`, all at once.
pub async fn signals(ctx: &CheckContext<'_>, ip: IpAddr) -> Vec<(Source, Signal)> {
    let subject = Subject::Ip(ip);
    let name = |s: Source| query_name(&subject, s.zone());
    let test = query_name(
        &Subject::Ip(std::net::Ipv4Addr::new(127, 0, 0, 2).into()),
        DNSWL_ZONE,
    );
    let v4 = ip.is_ipv4();
    let ask = |s: Source| {
        let n = name(s);
        async move {
            if !s.ipv6() && !v4 {
                None
            } else {
                Some(ctx.resolver.lookup_leaf(&n, RecordType::A).await)
            }
        }
    };
    let (probe, dnswl, score, spike) = join!(
        ctx.resolver.lookup_leaf(&test, RecordType::A),
        ask(Source::Dnswl),
        ask(Source::SenderScore),
        ask(Source::Mailspike),
    );
    let or_v4 = |r: Option<LookupResult>, read: &dyn Fn(&LookupResult) -> Signal| match r {
        Some(r) => read(&r),
        None => Signal::Ipv4Only,
    };
    vec![
        (Source::Dnswl, or_v4(dnswl, &|r| read_dnswl(&probe, r))),
        (Source::SenderScore, or_v4(score, &read_senderscore)),
        (Source::Mailspike, or_v4(spike, &read_mailspike)),
    ]
}

async fn network_of(rdap: &RdapOptions, ip: IpAddr) -> Result<Network, RdapError> {
    let client = rdap.client.as_deref().ok_or(RdapError::Off)?;
    client.ip(ip).await.map(|a| Network::from_answer(&a))
}

/// Runs `ip.reputation` for every sending IP.
pub async fn run(ctx: &CheckContext<'_>, rdap: &RdapOptions) -> Vec<CheckResult> {
    let sending = ctx.sending_ips().await;
    if sending.ips.is_empty() {
        let summary = match &sending.error {
            Some(e) => Message::new("dnsbl-no-sending-ip-reason").arg_msg("reason", e.message()),
            None => Message::new("dnsbl-no-sending-ip"),
        };
        return vec![ctx.emit(
            CheckResult::new("ip.reputation", Status::Unknown, summary).explain(
                crate::server::no_sending_ip_explanation(sending.error.as_ref()),
            ),
        )];
    }
    join_all(sending.ips.iter().map(|ip| async move {
        let (s, n) = join!(signals(ctx, *ip), network_of(rdap, *ip));
        ctx.emit(result(*ip, &s, &n))
    }))
    .await
}

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "ip-reputation-label",
        "ip-reputation-about",
        "reputation-info",
        "reputation-warn",
        "reputation-why",
        "reputation-fix",
        "reputation-fix-poor",
        "reputation-dnswl-found",
        "reputation-senderscore-found",
        "reputation-mailspike-found",
        "reputation-ipv4-only",
        "reputation-blocked",
        "reputation-unexpected",
        "reputation-test-failed",
        "reputation-failed",
        "reputation-dnswl-category-other",
    ]
    .map(String::from)
    .to_vec();
    for s in Source::ALL {
        keys.push(format!("reputation-{}-none", s.code()));
        keys.push(format!("reputation-source-{}", s.code()));
    }
    keys.extend(DNSWL_CATEGORIES.map(|c| format!("reputation-dnswl-category-{c}")));
    keys.extend((0..=3).map(|t| format!("reputation-dnswl-trust-{t}")));
    keys.extend(
        ["l5", "l4", "l3", "neutral", "h2", "h3", "h4", "h5"]
            .iter()
            .map(|l| format!("reputation-mailspike-{l}")),
    );
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::{Answer, Question, Record};
    use crate::i18n::Lang;

    fn a(addrs: &[&str]) -> LookupResult {
        Ok(Answer {
            question: Question::new("x", RecordType::A),
            nxdomain: addrs.is_empty(),
            records: addrs
                .iter()
                .map(|s| Record {
                    name: "x".into(),
                    rtype: RecordType::A,
                    ttl: 60,
                    data: RData::A {
                        address: s.parse().unwrap(),
                    },
                })
                .collect(),
            cnames: vec![],
            authenticated: false,
        })
    }

    #[test]
    fn dnswl_category_trust_and_blocked() {
        let ok = a(&["127.0.10.0"]);
        assert_eq!(
            read_dnswl(&ok, &a(&["127.0.3.2"])),
            Signal::Dnswl {
                category: 3,
                trust: 2
            }
        );
        assert_eq!(read_dnswl(&ok, &a(&[])), Signal::NoData);
        assert!(matches!(
            read_dnswl(&a(&["127.0.0.255"]), &a(&[])),
            Signal::Blocked { .. }
        ));
        assert!(matches!(
            read_dnswl(&ok, &a(&["127.0.5.255"])),
            Signal::Blocked { .. }
        ));
        assert_eq!(
            read_dnswl(&a(&[]), &a(&[])),
            Signal::TestFailed,
            "a hidden allowlist is unavailable, not 'not listed'"
        );
        assert_eq!(
            read_dnswl(&Err(LookupError::ServFail), &a(&[])),
            Signal::Failed(LookupError::ServFail)
        );
    }

    #[test]
    fn senderscore_score_and_blocked() {
        assert_eq!(
            read_senderscore(&a(&["127.0.4.87"])),
            Signal::SenderScore(87)
        );
        assert!(matches!(
            read_senderscore(&a(&["127.255.255.255"])),
            Signal::Blocked { .. }
        ));
        assert_eq!(read_senderscore(&a(&[])), Signal::NoData);
        assert!(Signal::SenderScore(42).is_poor());
        assert!(!Signal::SenderScore(50).is_poor());
    }

    #[test]
    fn mailspike_levels() {
        assert_eq!(read_mailspike(&a(&["127.0.0.10"])), Signal::Mailspike(10));
        assert!(Signal::Mailspike(10).is_poor() && Signal::Mailspike(11).is_poor());
        assert!(!Signal::Mailspike(12).is_poor());
        assert_eq!(mailspike_level(14), "neutral");
        assert_eq!(mailspike_level(20), "h5");
        assert!(matches!(
            read_mailspike(&a(&["127.0.0.2"])),
            Signal::Unexpected { .. }
        ));
    }

    #[test]
    fn status_is_info_unless_strongly_negative() {
        let ip: IpAddr = "192.0.2.25".parse().unwrap();
        let neutral = [
            (Source::Dnswl, Signal::NoData),
            (Source::SenderScore, Signal::SenderScore(90)),
            (Source::Mailspike, Signal::Failed(LookupError::ServFail)),
        ];
        let r = result(ip, &neutral, &Err(RdapError::Off));
        assert_eq!(r.status, Status::Info);
        assert_eq!(r.details["signals"][2]["state"], "unavailable");
        let poor = [
            (Source::Dnswl, Signal::NoData),
            (Source::SenderScore, Signal::SenderScore(30)),
            (Source::Mailspike, Signal::Mailspike(13)),
        ];
        assert_eq!(result(ip, &poor, &Err(RdapError::Off)).status, Status::Warn);
        let v6 = [(Source::SenderScore, Signal::Ipv4Only)];
        let r = result("2001:db8::1".parse().unwrap(), &v6, &Err(RdapError::Off));
        assert_eq!(r.status, Status::Info);
        for lang in Lang::ALL {
            for m in &r.explanation.as_ref().unwrap().found {
                assert!(!m.render(lang).contains('{'));
            }
        }
    }
}
