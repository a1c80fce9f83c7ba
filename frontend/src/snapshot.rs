//! Snapshot links: a finished report carried in the URL fragment, so that whoever
//! opens the link sees the results as they were, with no DNS query at all.
//!
//! `#snapshot=v1.<base64url(deflate(JSON))>`. The fragment is never sent to any
//! server. The JSON is the report's serde form (messages as catalogue keys with
//! arguments, not rendered text), so a snapshot renders in either language; `v1` is
//! the snapshot format, the report inside carries its own schema number.
//!
//! The DQS key never enters a snapshot: the run resolver redacts it from the query
//! log and the blocklist checks never put it in their details (tested below on a run
//! made with a key). This module is pure so it is tested on the host.

use inboxable_core::report::Report;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde::{Deserialize, Serialize};

use crate::state::ResolverNote;

/// The fragment parameter holding a snapshot.
pub const KEY: &str = "snapshot";
/// The snapshot format written by this version of the page.
pub const VERSION: &str = "v1";
/// A link longer than this drops the query log's answers (the facts keep the
/// records the report is about). Links of this size still paste into chat tools
/// and mail, which cut or refuse much longer URLs.
pub const ANSWERS_BUDGET: usize = 16_000;
/// Inflating stops here: a hostile link must not make the page allocate without end.
const MAX_INFLATED: usize = 8 << 20;
/// Deflate level: the best ratio; a report compresses in milliseconds.
const LEVEL: u8 = 10;

/// What a snapshot carries besides the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// When the run finished, RFC 3339 in UTC (`2026-12-04T18:03:12.345Z`).
    pub taken: String,
    /// The inputs link's query string (`?domain=…&lang=…`): what "re-run now" runs.
    /// It never holds the DQS key nor a resolver URL with a credential.
    pub link: String,
    /// Which kind of resolver answered the run.
    pub note: ResolverNote,
    /// True when the query log's answers were left out to keep the link short.
    #[serde(default)]
    pub answers_dropped: bool,
    /// The report.
    pub report: Report,
}

/// Why a snapshot link could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Made by a newer page: its version is not `v1`.
    Version,
    /// Cut short or altered: not base64url, not deflate or not a report.
    Damaged,
}

impl SnapshotError {
    /// The catalogue key of the notice shown instead of the report.
    pub fn key(self) -> &'static str {
        match self {
            Self::Version => "ui-snapshot-error-version",
            Self::Damaged => "ui-snapshot-error-damaged",
        }
    }
}

impl Snapshot {
    /// The fragment value (`v1.…`), with the query log's answers left out when the
    /// whole would pass [`ANSWERS_BUDGET`].
    pub fn encode(&self) -> (String, Snapshot) {
        let full = encode_value(self);
        if full.len() <= ANSWERS_BUDGET || self.answers_dropped {
            return (full, self.clone());
        }
        let mut lean = self.clone();
        lean.answers_dropped = true;
        for query in &mut lean.report.queries {
            query.answers.clear();
        }
        (encode_value(&lean), lean)
    }

    /// Reads a fragment value written by [`Snapshot::encode`].
    pub fn decode(value: &str) -> Result<Snapshot, SnapshotError> {
        let (version, data) = value.split_once('.').ok_or(SnapshotError::Damaged)?;
        if version != VERSION {
            return Err(SnapshotError::Version);
        }
        let deflated = base64url_decode(data).ok_or(SnapshotError::Damaged)?;
        let json = decompress_to_vec_with_limit(&deflated, MAX_INFLATED)
            .map_err(|_| SnapshotError::Damaged)?;
        serde_json::from_slice(&json).map_err(|_| SnapshotError::Damaged)
    }
}

fn encode_value(snapshot: &Snapshot) -> String {
    // Serialising plain data to a Vec cannot fail.
    let json = serde_json::to_vec(snapshot).unwrap_or_default();
    format!(
        "{VERSION}.{}",
        base64url_encode(&compress_to_vec(&json, LEVEL))
    )
}

/// The snapshot fragment value of a location hash (`#snapshot=v1.…`), if any.
pub fn from_hash(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(KEY)?.strip_prefix('='))
        .filter(|v| !v.is_empty())
}

/// An RFC 3339 UTC instant as `2026-12-04 18:03 UTC`: the same in both languages
/// and unambiguous, unlike day/month orders. Anything else is shown as it is.
pub fn display_date(taken: &str) -> String {
    let b = taken.as_bytes();
    let shape = b.len() >= 16
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && taken.ends_with('Z');
    if shape {
        format!("{} {} UTC", &taken[..10], &taken[11..16])
    } else {
        taken.to_owned()
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a fragment as it is.
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)?;
            n |= (v as u32) << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use inboxable_core::dns::RecordType;
    use inboxable_core::dnsbl::{DnsblOptions, DqsKey};
    use inboxable_core::i18n::Lang;
    use inboxable_core::input::RawInput;
    use inboxable_core::resolver::RunResolver;
    use inboxable_core::resolver::memory::MemoryTransport;
    use inboxable_core::run::{RunOptions, run_with_options};

    use super::*;
    use crate::link::to_query;
    use crate::state::ResolverKind;

    const KEY_TEXT: &str = "abcdefghijklmnopqrstuvwxyz";

    /// A real run over a fixture table: failing SPF, a DKIM key, DMARC, a sending
    /// IP with its PTR, every blocklist of the catalogue asked, with a DQS key.
    async fn report() -> Report {
        let mut table = MemoryTransport::new();
        let ip: IpAddr = "192.0.2.25".parse().unwrap();
        table
            .txt("example.com", &["v=spf1 ip4:192.0.2.1 -all"])
            .mx("example.com", 10, "mail.example.com")
            .ip("mail.example.com", ip)
            .name_record(
                "25.2.0.192.in-addr.arpa",
                RecordType::PTR,
                "mail.example.com",
            )
            .txt("_dmarc.example.com", &["v=DMARC1; p=none"])
            .txt("s1._domainkey.example.com", &["v=DKIM1; k=rsa; p="]);
        let input = RawInput {
            domain: "example.com".into(),
            ips: "192.0.2.25".into(),
            selectors: "s1".into(),
            ..RawInput::default()
        }
        .parse()
        .unwrap();
        let resolver = RunResolver::new(vec![Box::new(table)]);
        let options = RunOptions {
            dnsbl: DnsblOptions {
                dqs_key: DqsKey::parse(KEY_TEXT),
                ..DnsblOptions::default()
            },
            ..RunOptions::default()
        };
        run_with_options(&input, &resolver, &options, &|_| {}, &|_| {}).await
    }

    fn snapshot(report: Report) -> Snapshot {
        Snapshot {
            taken: "2026-12-04T18:03:12.345Z".into(),
            link: to_query(&report.input, ResolverKind::This, "", Lang::Id),
            note: ResolverNote::ThisServer("zones".into()),
            answers_dropped: false,
            report,
        }
    }

    #[tokio::test]
    async fn a_report_round_trips_through_its_link() {
        let snap = snapshot(report().await);
        assert!(snap.report.checks.len() > 10, "{:?}", snap.report.checks);
        let (value, kept) = snap.encode();
        assert!(value.starts_with("v1."));
        assert!(
            value[3..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "not base64url: {value}"
        );
        assert_eq!(kept, snap);
        assert_eq!(Snapshot::decode(&value), Ok(snap));
    }

    #[tokio::test]
    async fn the_dqs_key_never_enters_a_snapshot() {
        let snap = snapshot(report().await);
        assert!(
            snap.report
                .queries
                .iter()
                .any(|q| q.name.contains(".dq.spamhaus.net")),
            "the fixture run asked no DQS zone"
        );
        let (value, _) = snap.encode();
        let deflated = base64url_decode(&value[3..]).unwrap();
        let json =
            String::from_utf8(decompress_to_vec_with_limit(&deflated, MAX_INFLATED).unwrap())
                .unwrap();
        assert!(!json.to_ascii_lowercase().contains(KEY_TEXT), "{json}");
        assert!(!snap.link.contains(KEY_TEXT));
    }

    #[tokio::test]
    async fn a_long_report_drops_the_answers_and_says_so() {
        let mut snap = snapshot(report().await);
        // Enough incompressible answers to pass the budget whatever deflate does.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for query in &mut snap.report.queries {
            query.answers = (0..200)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    format!("{seed:016x}")
                })
                .collect();
        }
        let (value, kept) = snap.encode();
        assert!(kept.answers_dropped);
        let back = Snapshot::decode(&value).unwrap();
        assert!(back.answers_dropped);
        assert!(back.report.queries.iter().all(|q| q.answers.is_empty()));
        assert_eq!(back.report.checks, snap.report.checks);
        assert_eq!(back.report.facts, snap.report.facts);
    }

    #[test]
    fn broken_links_are_told_apart() {
        assert_eq!(Snapshot::decode("v2.AAAA"), Err(SnapshotError::Version));
        assert_eq!(Snapshot::decode("v1.!!!!"), Err(SnapshotError::Damaged));
        assert_eq!(Snapshot::decode("v1.AAAA"), Err(SnapshotError::Damaged));
        assert_eq!(Snapshot::decode("nodot"), Err(SnapshotError::Damaged));
        let json = base64url_encode(&compress_to_vec(b"{\"taken\":1}", 6));
        assert_eq!(
            Snapshot::decode(&format!("v1.{json}")),
            Err(SnapshotError::Damaged)
        );
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).collect();
        for n in 0..40 {
            let text = base64url_encode(&data[..n]);
            assert_eq!(base64url_decode(&text).as_deref(), Some(&data[..n]));
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("A"), None);
    }

    #[test]
    fn the_fragment_and_the_date() {
        assert_eq!(from_hash("#snapshot=v1.abc"), Some("v1.abc"));
        assert_eq!(from_hash("#x=1&snapshot=v1.abc"), Some("v1.abc"));
        assert_eq!(from_hash("#snapshot="), None);
        assert_eq!(from_hash(""), None);
        assert_eq!(
            display_date("2026-12-04T18:03:12.345Z"),
            "2026-12-04 18:03 UTC"
        );
        assert_eq!(display_date("yesterday"), "yesterday");
    }
}
