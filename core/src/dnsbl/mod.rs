//! Blocklists: `ip.blocklists` per sending IP and `domain.blocklists` for the domain.
//!
//! Most DNSBLs refuse or fake answers for queries arriving through public resolvers
//! (SPEC "Blocklists, honestly"), so no answer is trusted before the list's RFC 5782
//! test points, asked through the same resolver, prove that the list answers it:
//! RFC 5782 §5, "IPv4-based DNSxLs MUST contain an entry for 127.0.0.2 for testing
//! purposes. IPv4-based DNSxLs MUST NOT contain an entry for 127.0.0.1." Error codes
//! (`127.255.255.x` and the others in `lists.json`) are refusals, never listings. Each
//! list ends in one of four states: listed, clean, unknown (with the reason) or
//! skipped (an IPv4-only list and an IPv6 sender) — never "clean" for want of an
//! answer.
//!
//! Every probe and query is issued at once; the run resolver's cache asks each test
//! point once per run however many subjects share it.

pub mod catalogue;

use std::net::IpAddr;

use futures::future::join_all;
use futures::join;
use serde::Serialize;
use serde_json::json;

use crate::checks::CheckContext;
use crate::dns::{LookupError, RecordType};
use crate::i18n::Message;
use crate::report::{CheckResult, Explanation, Reference, Status};

pub use catalogue::{
    Catalogue, CatalogueError, DqsKey, Hit, List, ListKind, PublicResolvers, Reading, Subject,
    Weight, query_name,
};

/// How the blocklist checks run: which lists, and the user's Spamhaus DQS key.
#[derive(Clone, Debug)]
pub struct DnsblOptions {
    /// The lists to check (the built-in catalogue by default).
    pub catalogue: Catalogue,
    /// A Spamhaus Data Query Service key: Spamhaus lists are then asked through
    /// `<key>.<dataset>.dq.spamhaus.net`, which answers any resolver.
    pub dqs_key: Option<DqsKey>,
}

impl Default for DnsblOptions {
    fn default() -> Self {
        Self {
            catalogue: Catalogue::builtin().clone(),
            dqs_key: None,
        }
    }
}

/// What a DQS key is replaced with by [`redact`].
pub const REDACTED_KEY: &str = "<dqs-key>";

/// `name` with every occurrence of `key` (any case) replaced by [`REDACTED_KEY`]: the
/// query log shows DQS query names (`2.0.0.127.<key>.zen.dq.spamhaus.net`), and the
/// key must never reach the screen, a link or an export.
pub fn redact(name: &str, key: &str) -> String {
    let key = key.trim().to_ascii_lowercase();
    if key.is_empty() {
        return name.to_owned();
    }
    let lower = name.to_ascii_lowercase();
    let mut out = String::with_capacity(name.len());
    let mut rest = 0;
    while let Some(found) = lower[rest..].find(&key) {
        out.push_str(&name[rest..rest + found]);
        out.push_str(REDACTED_KEY);
        rest += found + key.len();
    }
    out.push_str(&name[rest..]);
    out
}

/// The state of one list for one subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// The list lists the subject.
    Listed,
    /// The list answered, and does not list it.
    Clean,
    /// The list could not be used; [`Unknown`] says why.
    Unknown,
    /// The list cannot check this subject (IPv4-only list, IPv6 sender).
    Skipped,
}

/// Why a list's answer could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// The probe or the query got no answer.
    Lookup(LookupError),
    /// The entry the list must always list was not listed: the resolver hides the
    /// list (Google's "NXDOMAIN for everything"), or the list is gone.
    TestNotListed {
        /// The test name, without any DQS key.
        name: String,
    },
    /// The entry the list must never list was listed: the list (or something on
    /// the way) answers "listed" to everything.
    TestListed {
        /// The test name, without any DQS key.
        name: String,
        /// What it answered.
        code: String,
    },
    /// An error code: the list refused.
    ErrorCode {
        /// The answer address.
        code: String,
        /// Catalogue key of the error.
        meaning: String,
    },
    /// An answer outside 127.0.0.0/8.
    Unexpected {
        /// The answer address.
        code: String,
    },
}

impl Unknown {
    /// Stable code for details.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Lookup(_) => "lookup",
            Self::TestNotListed { .. } => "test-not-listed",
            Self::TestListed { .. } => "test-listed",
            Self::ErrorCode { .. } => "error-code",
            Self::Unexpected { .. } => "unexpected",
        }
    }

    /// The reason as a message.
    pub fn message(&self) -> Message {
        match self {
            Self::Lookup(e) => Message::new("dnsbl-reason-lookup").arg_msg("reason", e.message()),
            Self::TestNotListed { name } => {
                Message::new("dnsbl-reason-test-not-listed").arg("name", name)
            }
            Self::TestListed { name, code } => Message::new("dnsbl-reason-test-listed")
                .arg("name", name)
                .arg("code", code),
            Self::ErrorCode { code, meaning } => Message::new("dnsbl-reason-error-code")
                .arg("code", code)
                .arg_key("meaning", meaning.clone()),
            Self::Unexpected { code } => Message::new("dnsbl-reason-unexpected").arg("code", code),
        }
    }

    fn from_reading(reading: Reading) -> Option<Self> {
        match reading {
            Reading::Failed(e) => Some(Self::Lookup(e)),
            Reading::Error { code, meaning } => Some(Self::ErrorCode {
                code: code.to_string(),
                meaning,
            }),
            Reading::Unexpected { code } => Some(Self::Unexpected {
                code: code.to_string(),
            }),
            Reading::NotListed | Reading::Listed(_) => None,
        }
    }
}

/// One list's outcome for one subject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListOutcome {
    /// The list.
    pub list: List,
    /// Whether it was asked through Spamhaus DQS.
    pub via_dqs: bool,
    /// Its state.
    pub state: State,
    /// The listing codes, when listed.
    pub hits: Vec<Hit>,
    /// Why it is unknown, when it is.
    pub unknown: Option<Unknown>,
}

impl ListOutcome {
    fn new(list: &List, via_dqs: bool, state: State) -> Self {
        Self {
            list: list.clone(),
            via_dqs,
            state,
            hits: Vec::new(),
            unknown: None,
        }
    }

    /// The weight of the listing: the strongest of its codes'.
    pub fn listing_weight(&self) -> Option<Weight> {
        self.hits.iter().map(|h| h.weight).max()
    }

    /// The entry of `details.lists`: codes and keys, never rendered text, never a key.
    pub fn to_json(&self) -> serde_json::Value {
        let first = self.hits.first();
        let (code, meaning) = match (&self.unknown, first) {
            (Some(Unknown::ErrorCode { code, meaning }), _) => {
                (Some(code.clone()), Some(meaning.clone()))
            }
            (Some(Unknown::Unexpected { code }), _) => (Some(code.clone()), None),
            (_, Some(h)) => (Some(h.code.to_string()), Some(h.meaning.clone())),
            _ => (None, None),
        };
        let mut v = json!({
            "id": self.list.id,
            "zone": self.list.zone,
            "weight": self.list.weight,
            "state": self.state,
            "code": code,
            "meaning": meaning,
        });
        if self.hits.len() > 1 {
            v["codes"] = self
                .hits
                .iter()
                .map(|h| json!({ "code": h.code.to_string(), "meaning": h.meaning }))
                .collect();
        }
        if let Some(u) = &self.unknown {
            v["reason"] = u.code().into();
            if let Unknown::Lookup(e) = u {
                v["error"] = serde_json::to_value(e).unwrap_or_default();
            }
        }
        if self.state == State::Skipped {
            v["reason"] = "ipv4-only".into();
        }
        if self.via_dqs {
            v["via"] = "dqs".into();
        }
        v
    }
}

/// Decides one list's state from its two test points and the subject's answer.
/// Pure: the resolver work happens before.
pub fn judge(
    list: &List,
    via_dqs: bool,
    shown_names: (&str, &str),
    listed_test: Reading,
    unlisted_test: Reading,
    answer: Reading,
) -> ListOutcome {
    let unknown = |reason: Unknown| {
        let mut out = ListOutcome::new(list, via_dqs, State::Unknown);
        out.unknown = Some(reason);
        out
    };
    match listed_test {
        Reading::Listed(_) => {}
        Reading::NotListed => {
            return unknown(Unknown::TestNotListed {
                name: shown_names.0.to_owned(),
            });
        }
        other => return unknown(Unknown::from_reading(other).expect("not a listing")),
    }
    match unlisted_test {
        Reading::NotListed => {}
        Reading::Listed(hits) => {
            return unknown(Unknown::TestListed {
                name: shown_names.1.to_owned(),
                code: hits.first().map(|h| h.code.to_string()).unwrap_or_default(),
            });
        }
        other => return unknown(Unknown::from_reading(other).expect("not a listing")),
    }
    match answer {
        Reading::NotListed => ListOutcome::new(list, via_dqs, State::Clean),
        Reading::Listed(hits) => {
            let mut out = ListOutcome::new(list, via_dqs, State::Listed);
            out.hits = hits;
            out
        }
        other => unknown(Unknown::from_reading(other).expect("not a listing")),
    }
}

/// The check's status from its lists' states: fail when a major list lists the
/// subject; warn when only minor ones do; unknown when a major list could not be
/// checked (or none answered at all); info when only informational lists list it;
/// pass otherwise. Informational lists never fail or warn.
pub fn aggregate(outcomes: &[ListOutcome]) -> Status {
    let listed_at = |w: Weight| {
        outcomes
            .iter()
            .any(|o| o.state == State::Listed && o.listing_weight() == Some(w))
    };
    let clean = outcomes.iter().filter(|o| o.state == State::Clean).count();
    let major_unknown = outcomes
        .iter()
        .any(|o| o.state == State::Unknown && o.list.weight == Weight::Major);
    if listed_at(Weight::Major) {
        Status::Fail
    } else if listed_at(Weight::Minor) {
        Status::Warn
    } else if major_unknown || (clean == 0 && !listed_at(Weight::Info)) {
        Status::Unknown
    } else if listed_at(Weight::Info) {
        Status::Info
    } else {
        Status::Pass
    }
}

/// Runs every list of `catalogue` that applies to `subject`, probes and queries all
/// at once.
pub async fn check_subject(
    ctx: &CheckContext<'_>,
    options: &DnsblOptions,
    subject: &Subject,
) -> Vec<ListOutcome> {
    let key = options.dqs_key.as_ref();
    let jobs = options.catalogue.lists().iter().filter_map(|list| {
        let applies = list.applies_to(subject)?;
        Some(async move {
            let via_dqs = key.is_some() && list.dqs.is_some();
            if !applies {
                return ListOutcome::new(list, via_dqs, State::Skipped);
            }
            let zone = list.query_zone(key);
            let (yes, no) = list.test_subjects();
            let (yes_name, no_name) = (query_name(&yes, &zone), query_name(&no, &zone));
            let name = query_name(subject, &zone);
            let (a, b, c) = join!(
                ctx.resolver.lookup_leaf(&yes_name, RecordType::A),
                ctx.resolver.lookup_leaf(&no_name, RecordType::A),
                ctx.resolver.lookup_leaf(&name, RecordType::A),
            );
            let hide = |n: &str| match key {
                Some(k) => redact(n, k.expose()),
                None => n.to_owned(),
            };
            judge(
                list,
                via_dqs,
                (&hide(&yes_name), &hide(&no_name)),
                list.read(&a),
                list.read(&b),
                list.read(&c),
            )
        })
    });
    join_all(jobs).await
}

const RFC5782: (&str, &str) = (
    "RFC 5782 §5",
    "https://www.rfc-editor.org/rfc/rfc5782#section-5",
);
const SPAMHAUS_ERRORS: (&str, &str) = (
    "Spamhaus return codes",
    "https://www.spamhaus.org/news/article/788",
);
const SPAMHAUS_DQS: (&str, &str) = (
    "Spamhaus Data Query Service",
    "https://www.spamhaus.com/free-trial/free-data-query-service/",
);
const MICROSOFT_DELIST: (&str, &str) = ("Microsoft delisting portal", "https://sender.office.com/");

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = ["ip-blocklists", "domain-blocklists"]
        .iter()
        .flat_map(|id| [format!("{id}-label"), format!("{id}-about")])
        .collect();
    for scope in ["ip", "domain"] {
        for s in [
            "listed-major",
            "listed-minor",
            "listed-info",
            "unknown",
            "clean",
        ] {
            keys.push(format!("dnsbl-{scope}-{s}"));
        }
        for s in ["listed-why", "listed-info-why", "unknown-why", "clean-why"] {
            keys.push(format!("dnsbl-{scope}-{s}"));
        }
    }
    keys.extend(
        [
            "dnsbl-no-sending-ip",
            "dnsbl-no-sending-ip-reason",
            "dnsbl-found-listed",
            "dnsbl-found-unknown",
            "dnsbl-found-skipped",
            "dnsbl-found-clean",
            "dnsbl-fix-listed",
            "dnsbl-fix-listed-info",
            "dnsbl-fix-unknown-public",
            "dnsbl-fix-unknown-retry",
            "dnsbl-microsoft",
            "dnsbl-weight-major",
            "dnsbl-weight-minor",
            "dnsbl-weight-info",
            "dnsbl-reason-lookup",
            "dnsbl-reason-test-not-listed",
            "dnsbl-reason-test-listed",
            "dnsbl-reason-error-code",
            "dnsbl-reason-unexpected",
        ]
        .map(String::from),
    );
    keys.extend(Catalogue::builtin().keys());
    keys
}

fn weight_key(w: Weight) -> &'static str {
    match w {
        Weight::Major => "dnsbl-weight-major",
        Weight::Minor => "dnsbl-weight-minor",
        Weight::Info => "dnsbl-weight-info",
    }
}

fn zones(outcomes: &[&ListOutcome]) -> String {
    outcomes
        .iter()
        .map(|o| o.list.zone.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The result of one subject: summary, details, and the explanation.
pub fn result(id: &str, scope: &str, subject: &Subject, outcomes: &[ListOutcome]) -> CheckResult {
    let status = aggregate(outcomes);
    let of = |s: State| outcomes.iter().filter(|o| o.state == s).collect::<Vec<_>>();
    let (listed, clean, unknown, skipped) = (
        of(State::Listed),
        of(State::Clean),
        of(State::Unknown),
        of(State::Skipped),
    );
    let subject_arg = if scope == "ip" { "ip" } else { "domain" };
    let summary_key = match status {
        Status::Fail => "listed-major",
        Status::Warn => "listed-minor",
        Status::Info => "listed-info",
        Status::Unknown => "unknown",
        Status::Pass => "clean",
    };
    let summary_lists: Vec<&ListOutcome> = match status {
        Status::Fail => listed
            .iter()
            .copied()
            .filter(|o| o.listing_weight() == Some(Weight::Major))
            .collect(),
        Status::Warn | Status::Info => listed.clone(),
        Status::Unknown => {
            let major: Vec<&ListOutcome> = unknown
                .iter()
                .copied()
                .filter(|o| o.list.weight == Weight::Major)
                .collect();
            if major.is_empty() {
                unknown.clone()
            } else {
                major
            }
        }
        Status::Pass => Vec::new(),
    };
    let summary = Message::new(format!("dnsbl-{scope}-{summary_key}"))
        .arg(subject_arg, subject)
        .arg("lists", zones(&summary_lists))
        .arg("clean", clean.len())
        .arg("unknown", unknown.len());

    let mut found = Vec::new();
    for o in &listed {
        for h in &o.hits {
            found.push(
                Message::new("dnsbl-found-listed")
                    .arg("zone", &o.list.zone)
                    .arg("code", h.code)
                    .arg_key("weight", weight_key(h.weight))
                    .arg_key("meaning", h.meaning.clone())
                    .arg_key("about", format!("dnsbl-about-{}", o.list.about)),
            );
        }
    }
    for o in &unknown {
        if let Some(u) = &o.unknown {
            found.push(
                Message::new("dnsbl-found-unknown")
                    .arg("zone", &o.list.zone)
                    .arg_key("weight", weight_key(o.list.weight))
                    .arg_msg("reason", u.message()),
            );
        }
    }
    if !skipped.is_empty() {
        found.push(Message::new("dnsbl-found-skipped").arg("lists", zones(&skipped)));
    }
    if !clean.is_empty() {
        found.push(
            Message::new("dnsbl-found-clean")
                .arg("count", clean.len())
                .arg("lists", zones(&clean)),
        );
    }

    let why_key = match status {
        Status::Fail | Status::Warn => "listed-why",
        Status::Info => "listed-info-why",
        Status::Unknown => "unknown-why",
        Status::Pass => "clean-why",
    };
    let mut fix = Vec::new();
    let mut references: Vec<Reference> = Vec::new();
    if matches!(status, Status::Fail | Status::Warn) {
        fix.push(Message::new("dnsbl-fix-listed"));
    } else if status == Status::Info {
        fix.push(Message::new("dnsbl-fix-listed-info"));
    }
    for o in &listed {
        if !references.iter().any(|r| r.url == o.list.delist) {
            references.push(Reference::new(&o.list.zone, &o.list.delist));
        }
    }
    if !unknown.is_empty() {
        let public = unknown
            .iter()
            .any(|o| o.list.public_resolvers != PublicResolvers::Unknown);
        fix.push(Message::new(if public {
            "dnsbl-fix-unknown-public"
        } else {
            "dnsbl-fix-unknown-retry"
        }));
        if unknown.iter().any(|o| o.list.dqs.is_some()) {
            references.push(Reference::new(SPAMHAUS_ERRORS.0, SPAMHAUS_ERRORS.1));
            references.push(Reference::new(SPAMHAUS_DQS.0, SPAMHAUS_DQS.1));
        }
        references.push(Reference::new(RFC5782.0, RFC5782.1));
    }
    if scope == "ip" {
        fix.push(Message::new("dnsbl-microsoft"));
        references.push(Reference::new(MICROSOFT_DELIST.0, MICROSOFT_DELIST.1));
    }

    CheckResult::new(id, status, summary)
        .subject(subject)
        .details(json!({
            "lists": outcomes.iter().map(ListOutcome::to_json).collect::<Vec<_>>(),
            "counts": {
                "listed": listed.len(),
                "clean": clean.len(),
                "unknown": unknown.len(),
                "skipped": skipped.len(),
            },
        }))
        .explain(Explanation {
            found,
            why: Some(Message::new(format!("dnsbl-{scope}-{why_key}"))),
            fix,
            records: Vec::new(),
            references,
        })
}

/// Runs the blocklist checks with the built-in catalogue and no DQS key.
pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult> {
    run_with(ctx, &DnsblOptions::default()).await
}

/// Runs the blocklist checks with `options`: one `ip.blocklists` per sending IP and
/// one `domain.blocklists` for the domain, all lists of both at once.
pub async fn run_with(ctx: &CheckContext<'_>, options: &DnsblOptions) -> Vec<CheckResult> {
    let domain = Subject::Domain(ctx.input.domain.clone());
    let ips = async {
        let sending = ctx.sending_ips().await;
        if sending.ips.is_empty() {
            let summary = match &sending.error {
                Some(e) => {
                    Message::new("dnsbl-no-sending-ip-reason").arg_msg("reason", e.message())
                }
                None => Message::new("dnsbl-no-sending-ip"),
            };
            return vec![ctx.emit(
                CheckResult::new("ip.blocklists", Status::Unknown, summary).explain(
                    crate::server::no_sending_ip_explanation(sending.error.as_ref()),
                ),
            )];
        }
        join_all(sending.ips.iter().map(|ip: &IpAddr| async move {
            let subject = Subject::Ip(*ip);
            let outcomes = check_subject(ctx, options, &subject).await;
            ctx.emit(result("ip.blocklists", "ip", &subject, &outcomes))
        }))
        .await
    };
    let domain_check = async {
        let outcomes = check_subject(ctx, options, &domain).await;
        ctx.emit(result("domain.blocklists", "domain", &domain, &outcomes))
    };
    let (mut out, d) = join!(ips, domain_check);
    out.push(d);
    out
}

#[cfg(test)]
mod tests;
