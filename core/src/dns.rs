//! DNS data as the engine sees it: record types, typed answers and lookup errors.
//!
//! Every transport (DoH JSON, later RFC 8484) converts what it received into these
//! types, so a check never sees a transport's dialect. The split follows hickory's
//! `net::error` design: an [`Answer`] is a DNS *fact* (records, NXDOMAIN, NODATA)
//! that may feed a finding; a [`LookupError`] means nothing can be concluded and the
//! check that needed it ends `unknown`.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};

/// A DNS RR type, by its IANA number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct RecordType(pub u16);

impl RecordType {
    /// IPv4 address (RFC 1035).
    pub const A: Self = Self(1);
    /// Authoritative name server.
    pub const NS: Self = Self(2);
    /// Canonical name alias.
    pub const CNAME: Self = Self(5);
    /// Start of authority.
    pub const SOA: Self = Self(6);
    /// Domain name pointer (reverse DNS).
    pub const PTR: Self = Self(12);
    /// Mail exchange.
    pub const MX: Self = Self(15);
    /// Text strings.
    pub const TXT: Self = Self(16);
    /// IPv6 address (RFC 3596).
    pub const AAAA: Self = Self(28);
    /// The discontinued SPF RR type (RFC 7208 §3.1 says publish TXT only).
    pub const SPF: Self = Self(99);
    /// TLS certificate association (DANE, RFC 6698).
    pub const TLSA: Self = Self(52);
    /// Certification authority authorisation.
    pub const CAA: Self = Self(257);

    const NAMES: [(Self, &'static str); 11] = [
        (Self::A, "A"),
        (Self::NS, "NS"),
        (Self::CNAME, "CNAME"),
        (Self::SOA, "SOA"),
        (Self::PTR, "PTR"),
        (Self::MX, "MX"),
        (Self::TXT, "TXT"),
        (Self::AAAA, "AAAA"),
        (Self::SPF, "SPF"),
        (Self::TLSA, "TLSA"),
        (Self::CAA, "CAA"),
    ];

    /// The mnemonic when the type is one the engine knows, else `TYPEnnn` (RFC 3597).
    pub fn mnemonic(self) -> String {
        Self::NAMES
            .iter()
            .find(|(t, _)| *t == self)
            .map(|(_, n)| (*n).to_owned())
            .unwrap_or_else(|| format!("TYPE{}", self.0))
    }

    /// Reads a mnemonic (any case), `TYPEnnn`, or a plain number.
    pub fn parse(text: &str) -> Option<Self> {
        let upper = text.trim().to_ascii_uppercase();
        if let Some((t, _)) = Self::NAMES.iter().find(|(_, n)| *n == upper) {
            return Some(*t);
        }
        let digits = upper.strip_prefix("TYPE").unwrap_or(&upper);
        digits.parse::<u16>().ok().filter(|n| *n != 0).map(Self)
    }
}

impl fmt::Display for RecordType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.mnemonic())
    }
}

impl From<RecordType> for String {
    fn from(t: RecordType) -> Self {
        t.mnemonic()
    }
}

impl TryFrom<String> for RecordType {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s).ok_or_else(|| format!("unknown record type {s:?}"))
    }
}

/// One question: a name (lower case, no trailing dot) and a type.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Question {
    /// The queried name, normalised by [`normalize_name`].
    pub name: String,
    /// The queried type.
    #[serde(rename = "type")]
    pub rtype: RecordType,
}

impl Question {
    /// A question for `name` (normalised here) and `rtype`.
    pub fn new(name: &str, rtype: RecordType) -> Self {
        Self {
            name: normalize_name(name),
            rtype,
        }
    }
}

impl fmt::Display for Question {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.name, self.rtype)
    }
}

/// Lower-cases a DNS name and drops the trailing dot, the form every map key uses.
pub fn normalize_name(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The character-strings of a TXT record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Txt {
    /// The strings as published, when the transport preserved their boundaries.
    pub strings: Vec<String>,
    /// False when the transport joined the strings before we saw them (Google's JSON
    /// API does), so checks of string boundaries (a 255-octet string, a key split at a
    /// bad place) cannot be made from this answer.
    pub boundaries_known: bool,
}

impl Txt {
    /// The logical value: the strings concatenated with nothing between them
    /// (RFC 7208 §3.3, RFC 6376 §3.6.2.2).
    pub fn joined(&self) -> String {
        self.strings.concat()
    }
}

/// Record data, typed where the engine reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum RData {
    /// An IPv4 address.
    A {
        /// The address.
        address: Ipv4Addr,
    },
    /// An IPv6 address.
    Aaaa {
        /// The address.
        address: Ipv6Addr,
    },
    /// A mail exchange.
    Mx {
        /// Lower is preferred.
        preference: u16,
        /// The host, normalised; `""` for the null MX `.` of RFC 7505.
        exchange: String,
    },
    /// Text strings.
    Txt(Txt),
    /// A name: PTR, CNAME or NS target, normalised.
    Name {
        /// The target name.
        target: String,
    },
    /// Anything else, in presentation format as the resolver gave it.
    Other {
        /// Presentation text.
        text: String,
    },
}

/// One resource record of an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Owner name, normalised.
    pub name: String,
    /// Type of this record.
    #[serde(rename = "type")]
    pub rtype: RecordType,
    /// Time to live in seconds.
    pub ttl: u32,
    /// The data.
    pub data: RData,
}

impl Record {
    /// The data in presentation-like form, for logs and the page's fact tables.
    pub fn data_text(&self) -> String {
        match &self.data {
            RData::A { address } => address.to_string(),
            RData::Aaaa { address } => address.to_string(),
            RData::Mx {
                preference,
                exchange,
            } => format!("{preference} {exchange}."),
            RData::Txt(txt) => txt
                .strings
                .iter()
                .map(|s| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")))
                .collect::<Vec<_>>()
                .join(" "),
            RData::Name { target } => format!("{target}."),
            RData::Other { text } => text.clone(),
        }
    }
}

/// What the resolver answered, when it answered (NOERROR or NXDOMAIN).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The question this answers.
    pub question: Question,
    /// True for NXDOMAIN (RCODE 3): the name does not exist.
    pub nxdomain: bool,
    /// Records of the asked type, at the name or at the end of its CNAME chain.
    pub records: Vec<Record>,
    /// The CNAME chain followed from the asked name, as `(alias, target)` pairs.
    pub cnames: Vec<(String, String)>,
    /// The AD flag: the resolver validated every record with DNSSEC.
    pub authenticated: bool,
}

impl Answer {
    /// NOERROR with no record of the asked type, whatever else the answer held
    /// (Cloudflare's "black lies" included).
    pub fn is_nodata(&self) -> bool {
        !self.nxdomain && self.records.is_empty()
    }

    /// NXDOMAIN or NODATA: an RFC 7208 §4.6.4 "void lookup".
    pub fn is_void(&self) -> bool {
        self.records.is_empty()
    }

    /// The smallest TTL among the records, if any.
    pub fn min_ttl(&self) -> Option<u32> {
        self.records.iter().map(|r| r.ttl).min()
    }

    /// IPv4 and IPv6 addresses among the records.
    pub fn addresses(&self) -> Vec<std::net::IpAddr> {
        self.records
            .iter()
            .filter_map(|r| match r.data {
                RData::A { address } => Some(address.into()),
                RData::Aaaa { address } => Some(address.into()),
                _ => None,
            })
            .collect()
    }

    /// Target names of PTR, CNAME or NS records.
    pub fn names(&self) -> Vec<String> {
        self.records
            .iter()
            .filter_map(|r| match &r.data {
                RData::Name { target } => Some(target.clone()),
                _ => None,
            })
            .collect()
    }

    /// The TXT records' logical values.
    pub fn txt_values(&self) -> Vec<String> {
        self.records
            .iter()
            .filter_map(|r| match &r.data {
                RData::Txt(txt) => Some(txt.joined()),
                _ => None,
            })
            .collect()
    }

    /// Short outcome text for the query log: `NXDOMAIN`, `NODATA` or `NOERROR n`.
    pub fn outcome(&self) -> String {
        if self.nxdomain {
            "NXDOMAIN".into()
        } else if self.records.is_empty() {
            "NODATA".into()
        } else {
            format!("NOERROR {}", self.records.len())
        }
    }
}

/// Why a lookup gave no answer to reason from. Every variant makes the check that
/// needed the answer `unknown`; none of them means "absent" or "clean".
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "kebab-case")]
pub enum LookupError {
    /// RCODE 2: the resolver could not get an answer (often a refusing upstream).
    #[error("SERVFAIL")]
    #[serde(rename = "servfail")]
    ServFail,
    /// RCODE 5: the resolver refused the query.
    #[error("REFUSED")]
    Refused,
    /// Any other non-answer RCODE (FORMERR, NOTIMP, …).
    #[error("RCODE {rcode}")]
    Rcode {
        /// The RCODE number.
        rcode: u16,
    },
    /// No answer within the time allowed.
    #[error("timeout after {after_ms} ms")]
    Timeout {
        /// The time waited.
        after_ms: u64,
    },
    /// HTTP 429: the resolver asks us to slow down.
    #[error("rate limited (HTTP 429, retry after {retry_after_s:?} s)")]
    RateLimited {
        /// The `Retry-After` value, when the resolver sent one in seconds.
        retry_after_s: Option<u64>,
    },
    /// Another HTTP status than 200.
    #[error("HTTP {status}")]
    Http {
        /// The status code.
        status: u16,
    },
    /// A body we could not read as a DNS answer.
    #[error("malformed answer: {reason}")]
    Malformed {
        /// What was wrong with it.
        reason: String,
    },
    /// The request did not complete: connection refused, TLS, CORS in a browser…
    #[error("transport error: {reason}")]
    Transport {
        /// The transport's own message.
        reason: String,
    },
}

impl LookupError {
    /// Whether asking another resolver may help (the resolver, not the name, failed).
    pub fn is_transport_failure(&self) -> bool {
        matches!(
            self,
            Self::Timeout { .. }
                | Self::RateLimited { .. }
                | Self::Http { .. }
                | Self::Malformed { .. }
                | Self::Transport { .. }
        )
    }

    /// Short outcome text for the query log.
    pub fn outcome(&self) -> String {
        self.to_string()
    }

    /// The reason as a catalogue message (`lookup-error-*`), for explanations.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            Self::ServFail => Message::new("lookup-error-servfail"),
            Self::Refused => Message::new("lookup-error-refused"),
            Self::Rcode { rcode } => Message::new("lookup-error-rcode").arg("rcode", rcode),
            Self::Timeout { after_ms } => {
                Message::new("lookup-error-timeout").arg("seconds", after_ms / 1000)
            }
            Self::RateLimited { retry_after_s } => Message::new("lookup-error-rate-limited").arg(
                "seconds",
                retry_after_s.map_or_else(|| "?".to_owned(), |s| s.to_string()),
            ),
            Self::Http { status } => Message::new("lookup-error-http").arg("status", status),
            Self::Malformed { reason } => {
                Message::new("lookup-error-malformed").arg("detail", reason)
            }
            Self::Transport { reason } => {
                Message::new("lookup-error-transport").arg("detail", reason)
            }
        }
    }

    /// Every catalogue key [`Self::message`] can produce.
    pub fn catalogue_keys() -> Vec<String> {
        [
            "servfail",
            "refused",
            "rcode",
            "timeout",
            "rate-limited",
            "http",
            "malformed",
            "transport",
        ]
        .iter()
        .map(|k| format!("lookup-error-{k}"))
        .collect()
    }
}

/// The result of one lookup.
pub type LookupResult = Result<Answer, LookupError>;

/// The reverse-DNS name for an address: `d.c.b.a.in-addr.arpa` or nibbles under `ip6.arpa`.
pub fn reverse_name(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}.in-addr.arpa", o[3], o[2], o[1], o[0])
        }
        std::net::IpAddr::V6(v6) => {
            let mut out = String::with_capacity(72);
            for byte in v6.octets().iter().rev() {
                out.push_str(&format!("{:x}.{:x}.", byte & 0xf, byte >> 4));
            }
            out.push_str("ip6.arpa");
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_type_mnemonics_round_trip() {
        assert_eq!(RecordType::parse("txt"), Some(RecordType::TXT));
        assert_eq!(RecordType::parse("TYPE99"), Some(RecordType::SPF));
        assert_eq!(RecordType::parse("65"), Some(RecordType(65)));
        assert_eq!(RecordType(65).mnemonic(), "TYPE65");
        assert_eq!(RecordType::parse("0"), None);
        assert_eq!(RecordType::parse("bogus"), None);
    }

    #[test]
    fn reverse_names_v4_and_v6() {
        assert_eq!(
            reverse_name("192.0.2.5".parse().unwrap()),
            "5.2.0.192.in-addr.arpa"
        );
        assert_eq!(
            reverse_name("2001:db8::1".parse().unwrap()),
            "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"
        );
    }

    #[test]
    fn nodata_is_noerror_without_records_of_the_type() {
        let a = Answer {
            question: Question::new("Example.COM.", RecordType::TXT),
            nxdomain: false,
            records: vec![],
            cnames: vec![],
            authenticated: false,
        };
        assert_eq!(a.question.name, "example.com");
        assert!(a.is_nodata() && a.is_void());
        assert_eq!(a.outcome(), "NODATA");
    }
}
