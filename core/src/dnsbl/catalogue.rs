//! The list catalogue: which DNSBLs exist, how to query them and what their
//! answers mean. The lists themselves are data (`lists.json`, read once per
//! process); this module holds their types, the reader, the RFC 5782 query names
//! and the pure reading of one answer.
//!
//! RFC 5782 §2.1: "An IPv4 address DNSxL has a structure adapted from that of the
//! rDNS. […] the octets of the IP address are reversed […] and the DNSxL's domain
//! name is appended." §2.4: IPv6 entries are "the 32 nibbles of the address in
//! reversed order". §3: a domain list is queried with "the domain name being
//! checked" prefixed to the list's domain.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::dns::{Answer, LookupResult, RData};

/// What a list is keyed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    /// IPv4 addresses (and IPv6 too when [`List::ipv6`] is set).
    Ip4,
    /// IPv6 addresses only: a separate zone for IPv6 senders.
    Ip6,
    /// Domain names (RHSBL / URI lists).
    Domain,
}

/// How much a listing matters to the receivers the user sends to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    /// Shown, never a problem: big receivers do not use the list (UCEPROTECT L2/L3).
    Info,
    /// Used by some receivers: a listing is a warning.
    Minor,
    /// Used widely by receivers: a listing fails the check.
    Major,
}

/// Whether the list answers queries that reach it through public resolvers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublicResolvers {
    /// Refuses them (an error code, REFUSED, or fake NXDOMAIN): Spamhaus, Barracuda.
    Refused,
    /// Often blocks them for volume, since they share one address among many users.
    Limited,
    /// Not documented.
    #[default]
    Unknown,
}

/// An answer address pattern: four octets, each a number or `*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pattern([Option<u8>; 4]);

impl Pattern {
    /// Whether `addr` matches.
    pub fn matches(&self, addr: Ipv4Addr) -> bool {
        self.0
            .iter()
            .zip(addr.octets())
            .all(|(p, o)| p.is_none_or(|p| p == o))
    }
}

impl TryFrom<String> for Pattern {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        let parts: Vec<&str> = text.split('.').collect();
        if parts.len() != 4 {
            return Err(format!("answer pattern {text:?} needs four octets"));
        }
        let mut out = [None; 4];
        for (slot, part) in out.iter_mut().zip(parts) {
            if part != "*" {
                *slot = Some(
                    part.parse()
                        .map_err(|_| format!("bad octet {part:?} in {text:?}"))?,
                );
            }
        }
        Ok(Self(out))
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::try_from(String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// One documented answer: an address pattern or, on bitmask lists, one bit of the
/// last octet.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// The answer address (pattern), for lists with one code per meaning.
    #[serde(default)]
    pub answer: Option<Pattern>,
    /// The bit of the last octet, for bitmask lists (URIBL, SURBL).
    #[serde(default)]
    pub bit: Option<u8>,
    /// Catalogue key of what the answer means.
    pub meaning: String,
    /// A weight for this code that differs from the list's (URIBL grey, Mailspike L2).
    #[serde(default)]
    pub weight: Option<Weight>,
}

impl Code {
    fn matches(&self, addr: Ipv4Addr, bitmask: bool) -> bool {
        if let Some(p) = &self.answer {
            return p.matches(addr);
        }
        match self.bit {
            Some(bit) if bitmask => addr.octets()[3] & bit != 0,
            Some(bit) => addr.octets()[3] == bit,
            None => false,
        }
    }
}

/// Test subjects that override RFC 5782's defaults, when the list documents others.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestPoints {
    /// An IP address or domain the list always lists.
    pub listed: String,
    /// An IP address or domain the list never lists.
    pub unlisted: String,
}

/// One list, as `lists.json` describes it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    /// Stable identifier, also used in details.
    pub id: String,
    /// The public DNS zone.
    pub zone: String,
    /// What the list is keyed by.
    pub kind: ListKind,
    /// For [`ListKind::Ip4`] lists: the zone answers IPv6 nibble queries too.
    #[serde(default)]
    pub ipv6: bool,
    /// How much a listing matters.
    pub weight: Weight,
    /// Suffix of the `dnsbl-about-*` key that says what the list is and who uses it.
    pub about: String,
    /// Whether it answers via public resolvers.
    #[serde(default)]
    pub public_resolvers: PublicResolvers,
    /// The list's Spamhaus DQS dataset name (`zen`, `dbl`), if it has one.
    #[serde(default)]
    pub dqs: Option<String>,
    /// The page where a listed sender asks for removal.
    pub delist: String,
    /// Whether answers are a bitmask in the last octet.
    #[serde(default)]
    pub bitmask: bool,
    /// Documented listing answers; any other `127.0.0.0/8` answer is a listing with
    /// the generic meaning `dnsbl-code-listed`.
    #[serde(default)]
    pub codes: Vec<Code>,
    /// Answers that are errors (refusals), never listings.
    #[serde(default)]
    pub errors: Vec<Code>,
    /// Test points other than RFC 5782's.
    #[serde(default)]
    pub test: Option<TestPoints>,
}

/// What a list is asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A sending IP.
    Ip(IpAddr),
    /// A domain, normalised (lower case, no trailing dot).
    Domain(String),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Ip(ip) => write!(f, "{ip}"),
            Self::Domain(d) => f.write_str(d),
        }
    }
}

impl Subject {
    fn parse(text: &str) -> Self {
        match text.parse::<IpAddr>() {
            Ok(ip) => Self::Ip(ip),
            Err(_) => Self::Domain(crate::dns::normalize_name(text)),
        }
    }
}

/// The name to query for `subject` in `zone` (RFC 5782 §2.1, §2.4, §3).
pub fn query_name(subject: &Subject, zone: &str) -> String {
    match subject {
        Subject::Ip(IpAddr::V4(v4)) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}.{zone}", o[3], o[2], o[1], o[0])
        }
        Subject::Ip(IpAddr::V6(v6)) => {
            let mut out = String::with_capacity(64 + zone.len());
            for byte in v6.octets().iter().rev() {
                out.push_str(&format!("{:x}.{:x}.", byte & 0xf, byte >> 4));
            }
            out.push_str(zone);
            out
        }
        Subject::Domain(d) => format!("{d}.{zone}"),
    }
}

/// A Spamhaus Data Query Service key: ASCII letters and digits only, so it can only
/// ever be one DNS label. Its `Debug` form hides it, and it has no `Serialize`, so
/// it cannot slip into a report, a link or a log by accident.
#[derive(Clone, PartialEq, Eq)]
pub struct DqsKey(String);

impl DqsKey {
    /// Reads a key as the user pasted it; `None` when it cannot be a key.
    pub fn parse(text: &str) -> Option<Self> {
        let key = text.trim().to_ascii_lowercase();
        let ok = (10..=63).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric());
        ok.then_some(Self(key))
    }

    /// The key itself, for [`redact`](super::redact) and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DqsKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DqsKey(<hidden>)")
    }
}

impl List {
    /// The zone to query: the DQS zone `<key>.<dataset>.dq.spamhaus.net` when the
    /// list has one and a key is given, else the public zone.
    pub fn query_zone(&self, key: Option<&DqsKey>) -> String {
        match (&self.dqs, key) {
            (Some(dataset), Some(key)) => format!("{}.{dataset}.dq.spamhaus.net", key.0),
            _ => self.zone.clone(),
        }
    }

    /// Whether the list can say anything about `subject`: `None` when it is not
    /// meant for it at all (an IPv6-only zone and an IPv4 address, an IP list and a
    /// domain), `Some(false)` when it should be but cannot (an IPv4-only list and
    /// an IPv6 address: reported as skipped), `Some(true)` when it can.
    pub fn applies_to(&self, subject: &Subject) -> Option<bool> {
        match (self.kind, subject) {
            (ListKind::Ip4, Subject::Ip(IpAddr::V4(_))) => Some(true),
            (ListKind::Ip4, Subject::Ip(IpAddr::V6(_))) => Some(self.ipv6),
            (ListKind::Ip6, Subject::Ip(IpAddr::V6(_))) => Some(true),
            (ListKind::Domain, Subject::Domain(_)) => Some(true),
            _ => None,
        }
    }

    /// The RFC 5782 §5 test subjects, `(listed, unlisted)`: "IPv4-based DNSxLs MUST
    /// contain an entry for 127.0.0.2 for testing purposes. IPv4-based DNSxLs MUST
    /// NOT contain an entry for 127.0.0.1."; IPv6 lists ::FFFF:7F00:2 and
    /// ::FFFF:7F00:1; domain lists `TEST` and `INVALID` (RFC 2606) — unless the
    /// list documents its own.
    pub fn test_subjects(&self) -> (Subject, Subject) {
        if let Some(t) = &self.test {
            return (Subject::parse(&t.listed), Subject::parse(&t.unlisted));
        }
        match self.kind {
            ListKind::Ip4 => (
                Subject::Ip(Ipv4Addr::new(127, 0, 0, 2).into()),
                Subject::Ip(Ipv4Addr::new(127, 0, 0, 1).into()),
            ),
            ListKind::Ip6 => (
                Subject::Ip(Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0x7f00, 2).into()),
                Subject::Ip(Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0x7f00, 1).into()),
            ),
            ListKind::Domain => (
                Subject::Domain("test".into()),
                Subject::Domain("invalid".into()),
            ),
        }
    }

    /// Reads one answer of this list.
    pub fn read(&self, result: &LookupResult) -> Reading {
        match result {
            Err(e) => Reading::Failed(e.clone()),
            Ok(answer) => self.read_answer(answer),
        }
    }

    fn read_answer(&self, answer: &Answer) -> Reading {
        let addrs: Vec<Ipv4Addr> = answer
            .records
            .iter()
            .filter_map(|r| match r.data {
                RData::A { address } => Some(address),
                _ => None,
            })
            .collect();
        if addrs.is_empty() {
            return Reading::NotListed;
        }
        // An error anywhere in the answer makes the whole answer an error: it is a
        // refusal, whatever else came with it.
        for addr in &addrs {
            if let Some(e) = self.errors.iter().find(|e| e.matches(*addr, self.bitmask)) {
                return Reading::Error {
                    code: *addr,
                    meaning: e.meaning.clone(),
                };
            }
        }
        if let Some(addr) = addrs.iter().find(|a| a.octets()[0] != 127) {
            return Reading::Unexpected { code: *addr };
        }
        let mut hits = Vec::new();
        for addr in addrs {
            let matched: Vec<&Code> = self
                .codes
                .iter()
                .filter(|c| c.matches(addr, self.bitmask))
                .collect();
            if matched.is_empty() {
                hits.push(Hit {
                    code: addr,
                    meaning: GENERIC_MEANING.into(),
                    weight: self.weight,
                });
            }
            for c in matched {
                hits.push(Hit {
                    code: addr,
                    meaning: c.meaning.clone(),
                    weight: c.weight.unwrap_or(self.weight),
                });
            }
        }
        Reading::Listed(hits)
    }
}

/// The meaning of an undocumented listing answer.
pub const GENERIC_MEANING: &str = "dnsbl-code-listed";

/// One listing code in an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The answer address.
    pub code: Ipv4Addr,
    /// Catalogue key of its meaning.
    pub meaning: String,
    /// How much it matters.
    pub weight: Weight,
}

/// What one answer from a list says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// NXDOMAIN or no A record: not listed.
    NotListed,
    /// Listed, with each code's meaning.
    Listed(Vec<Hit>),
    /// An error code: a refusal, never a listing.
    Error {
        /// The answer address.
        code: Ipv4Addr,
        /// Catalogue key of the error.
        meaning: String,
    },
    /// An address outside 127.0.0.0/8: not a blocklist answer (a resolver's
    /// rewrite, a parked zone).
    Unexpected {
        /// The answer address.
        code: Ipv4Addr,
    },
    /// No answer.
    Failed(crate::dns::LookupError),
}

/// Why a catalogue could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    /// The JSON does not have the catalogue's shape.
    #[error("catalogue JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A list is inconsistent.
    #[error("list {id}: {problem}")]
    Invalid {
        /// The list's id.
        id: String,
        /// What is wrong.
        problem: String,
    },
}

/// The lists to check.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Catalogue {
    lists: Vec<List>,
}

impl Catalogue {
    /// The built-in catalogue (`core/src/dnsbl/lists.json`).
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The data file ships inside the binary; `tests::builtin_catalogue_reads`
            // keeps it readable, so a failure here is a build defect.
            Self::from_json(include_str!("lists.json")).expect("lists.json is valid")
        })
    }

    /// Reads a catalogue in the format of `lists.json`.
    pub fn from_json(json: &str) -> Result<Self, CatalogueError> {
        let catalogue: Catalogue = serde_json::from_str(json)?;
        for list in &catalogue.lists {
            let bad = |problem: &str| CatalogueError::Invalid {
                id: list.id.clone(),
                problem: problem.into(),
            };
            if list.zone.is_empty() || list.zone != crate::dns::normalize_name(&list.zone) {
                return Err(bad("zone must be lower case, without a trailing dot"));
            }
            if list.ipv6 && list.kind != ListKind::Ip4 {
                return Err(bad("ipv6 applies to ip4 lists only"));
            }
            let all = list.codes.iter().chain(&list.errors);
            if all.clone().any(|c| c.answer.is_some() == c.bit.is_some()) {
                return Err(bad("each code needs exactly one of answer and bit"));
            }
            if all.clone().any(|c| !c.meaning.starts_with("dnsbl-")) {
                return Err(bad("meanings are dnsbl-* catalogue keys"));
            }
            if catalogue.lists.iter().filter(|l| l.id == list.id).count() > 1 {
                return Err(bad("duplicate id"));
            }
        }
        Ok(catalogue)
    }

    /// Every list.
    pub fn lists(&self) -> &[List] {
        &self.lists
    }

    /// The lists for which `keep` holds: tests check a subset whose zones their
    /// fixture server holds.
    pub fn filter(&self, keep: impl Fn(&List) -> bool) -> Catalogue {
        Catalogue {
            lists: self.lists.iter().filter(|l| keep(l)).cloned().collect(),
        }
    }

    /// The lists whose public zone is one of `zones`.
    pub fn only_zones(&self, zones: &[&str]) -> Catalogue {
        self.filter(|l| zones.contains(&l.zone.as_str()))
    }

    /// Every catalogue key the lists refer to.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .lists
            .iter()
            .flat_map(|l| {
                l.codes
                    .iter()
                    .chain(&l.errors)
                    .map(|c| c.meaning.clone())
                    .chain([format!("dnsbl-about-{}", l.about)])
            })
            .collect();
        keys.push(GENERIC_MEANING.into());
        keys.sort();
        keys.dedup();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::{LookupError, Question, Record, RecordType};

    fn answer(addrs: &[&str]) -> LookupResult {
        Ok(Answer {
            question: Question::new("x.example", RecordType::A),
            nxdomain: addrs.is_empty(),
            records: addrs
                .iter()
                .map(|a| Record {
                    name: "x.example".into(),
                    rtype: RecordType::A,
                    ttl: 60,
                    data: RData::A {
                        address: a.parse().unwrap(),
                    },
                })
                .collect(),
            cnames: vec![],
            authenticated: false,
        })
    }

    fn list(id: &str) -> &'static List {
        Catalogue::builtin()
            .lists()
            .iter()
            .find(|l| l.id == id)
            .unwrap()
    }

    #[test]
    fn builtin_catalogue_reads() {
        let c = Catalogue::builtin();
        let ip = c.lists().iter().filter(|l| l.kind != ListKind::Domain);
        let domain = c.lists().iter().filter(|l| l.kind == ListKind::Domain);
        assert!(ip.count() >= 30, "at least 30 IP lists");
        assert!(domain.count() >= 5, "at least 5 domain lists");
        assert!(
            !c.lists().iter().any(|l| l.zone.contains("sorbs")),
            "SORBS was shut down on 2024-06-05"
        );
        assert!(!c.lists().iter().any(|l| l.zone.contains("dnsbl.info")));
        for id in ["uceprotect-2", "uceprotect-3"] {
            assert_eq!(list(id).weight, Weight::Info, "{id} is informational");
        }
        assert_eq!(list("spamhaus-zen").weight, Weight::Major);
        assert!(list("spamhaus-zen").ipv6);
    }

    #[test]
    fn catalogue_rejects_inconsistent_lists() {
        let bad = r#"{"lists":[{"id":"x","zone":"X.example.","kind":"ip4","weight":"minor",
            "about":"x","delist":"https://x.example/"}]}"#;
        assert!(Catalogue::from_json(bad).is_err());
        let both = r#"{"lists":[{"id":"x","zone":"x.example","kind":"ip4","weight":"minor",
            "about":"x","delist":"https://x.example/",
            "codes":[{"answer":"127.0.0.2","bit":2,"meaning":"dnsbl-x"}]}]}"#;
        assert!(Catalogue::from_json(both).is_err());
        let octet = r#"{"lists":[{"id":"x","zone":"x.example","kind":"ip4","weight":"minor",
            "about":"x","delist":"https://x.example/",
            "codes":[{"answer":"127.0.0.300","meaning":"dnsbl-x"}]}]}"#;
        assert!(Catalogue::from_json(octet).is_err());
    }

    #[test]
    fn subset_by_zone() {
        let c = Catalogue::builtin().only_zones(&["zen.spamhaus.org", "dbl.spamhaus.org"]);
        assert_eq!(c.lists().len(), 2);
    }

    #[test]
    fn rfc5782_query_names() {
        let v4 = Subject::Ip("192.0.2.99".parse().unwrap());
        assert_eq!(
            query_name(&v4, "zen.spamhaus.org"),
            "99.2.0.192.zen.spamhaus.org"
        );
        let v6 = Subject::Ip("2001:db8:1:2::ab".parse().unwrap());
        assert_eq!(
            query_name(&v6, "bl.example"),
            "b.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.bl.example"
        );
        let d = Subject::Domain("example.com".into());
        assert_eq!(
            query_name(&d, "dbl.spamhaus.org"),
            "example.com.dbl.spamhaus.org"
        );
    }

    #[test]
    fn rfc5782_section5_test_points() {
        let zen = list("spamhaus-zen");
        let (yes, no) = zen.test_subjects();
        assert_eq!(query_name(&yes, &zen.zone), "2.0.0.127.zen.spamhaus.org");
        assert_eq!(query_name(&no, &zen.zone), "1.0.0.127.zen.spamhaus.org");
        let v6 = list("sem-bl-ipv6");
        let (yes, _) = v6.test_subjects();
        assert_eq!(
            query_name(&yes, "z"),
            "2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.z"
        );
        let nord = list("nordspam-dbl");
        let (yes, no) = nord.test_subjects();
        assert_eq!(query_name(&yes, &nord.zone), "test.dbl.nordspam.com");
        assert_eq!(query_name(&no, &nord.zone), "invalid.dbl.nordspam.com");
        let (yes, _) = list("uribl").test_subjects();
        assert_eq!(yes, Subject::Domain("test.uribl.com".into()));
        let (yes, _) = list("spamhaus-dbl").test_subjects();
        assert_eq!(yes, Subject::Domain("dbltest.com".into()));
    }

    #[test]
    fn dqs_zone_and_key_hygiene() {
        let key = DqsKey::parse(" AbCdEfGhIjKlMnOpQrStUvWxYz ").unwrap();
        assert_eq!(
            list("spamhaus-zen").query_zone(Some(&key)),
            "abcdefghijklmnopqrstuvwxyz.zen.dq.spamhaus.net"
        );
        assert_eq!(
            list("spamhaus-dbl").query_zone(Some(&key)),
            "abcdefghijklmnopqrstuvwxyz.dbl.dq.spamhaus.net"
        );
        assert_eq!(list("spamcop").query_zone(Some(&key)), "bl.spamcop.net");
        assert!(!format!("{key:?}").contains("abcdef"));
        assert!(DqsKey::parse("has.dot.in.it.xxxxxx").is_none());
        assert!(DqsKey::parse("short").is_none());
    }

    #[test]
    fn spamhaus_codes_and_errors() {
        let zen = list("spamhaus-zen");
        assert_eq!(zen.read(&answer(&[])), Reading::NotListed);
        let Reading::Listed(hits) = zen.read(&answer(&["127.0.0.2", "127.0.0.4"])) else {
            panic!("listed")
        };
        assert_eq!(hits[0].meaning, "dnsbl-code-spamhaus-sbl");
        assert_eq!(hits[1].meaning, "dnsbl-code-spamhaus-xbl");
        for (code, key) in [
            ("127.255.255.254", "dnsbl-error-spamhaus-public-resolver"),
            ("127.255.255.255", "dnsbl-error-spamhaus-excessive"),
            ("127.255.255.252", "dnsbl-error-spamhaus-typo"),
            ("127.255.255.1", "dnsbl-error-spamhaus-other"),
        ] {
            assert_eq!(
                zen.read(&answer(&[code])),
                Reading::Error {
                    code: code.parse().unwrap(),
                    meaning: key.into()
                },
                "{code} is a refusal, never a listing"
            );
        }
        let Reading::Listed(hits) = zen.read(&answer(&["127.0.0.6"])) else {
            panic!()
        };
        assert_eq!(hits[0].meaning, GENERIC_MEANING);
        assert!(matches!(
            zen.read(&answer(&["192.0.2.1"])),
            Reading::Unexpected { .. }
        ));
        assert_eq!(
            zen.read(&Err(LookupError::ServFail)),
            Reading::Failed(LookupError::ServFail)
        );
    }

    #[test]
    fn dbl_ip_query_error() {
        let dbl = list("spamhaus-dbl");
        assert!(matches!(
            dbl.read(&answer(&["127.0.1.255"])),
            Reading::Error { ref meaning, .. } if meaning == "dnsbl-error-dbl-ip-query"
        ));
        assert!(matches!(
            dbl.read(&answer(&["127.0.1.2"])),
            Reading::Listed(_)
        ));
    }

    #[test]
    fn bitmask_lists() {
        let uribl = list("uribl");
        assert!(matches!(
            uribl.read(&answer(&["127.0.0.1"])),
            Reading::Error { .. }
        ));
        let Reading::Listed(hits) = uribl.read(&answer(&["127.0.0.14"])) else {
            panic!()
        };
        let meanings: Vec<&str> = hits.iter().map(|h| h.meaning.as_str()).collect();
        assert_eq!(
            meanings,
            [
                "dnsbl-code-uribl-black",
                "dnsbl-code-uribl-grey",
                "dnsbl-code-uribl-red"
            ]
        );
        let Reading::Listed(hits) = uribl.read(&answer(&["127.0.0.4"])) else {
            panic!()
        };
        assert_eq!(hits[0].weight, Weight::Minor, "URIBL grey is not a block");
        let surbl = list("surbl");
        assert!(matches!(
            surbl.read(&answer(&["127.0.0.254"])),
            Reading::Listed(_)
        ));
        assert!(matches!(
            surbl.read(&answer(&["127.0.0.3"])),
            Reading::Error { .. }
        ));
    }

    #[test]
    fn validity_blocked_and_generic_lists() {
        let rpbl = list("validity-rpbl");
        assert!(matches!(
            rpbl.read(&answer(&["127.255.255.255"])),
            Reading::Error { .. }
        ));
        let Reading::Listed(hits) = rpbl.read(&answer(&["127.0.0.2"])) else {
            panic!()
        };
        assert_eq!(hits[0].meaning, GENERIC_MEANING);
    }
}
