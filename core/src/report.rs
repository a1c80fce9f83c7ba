//! The report model shared by the page, the CLI and exports: schema version, input,
//! verdict, checks, gathered facts and the query log (`docs/report-schema.md`).

use serde::{Deserialize, Serialize};

use crate::facts::{Fact, SendingIpSource};
use crate::i18n::{Lang, Message};
use crate::input::Input;
use crate::resolver::QueryLogEntry;

/// The JSON schema version; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The outcome of one check. `Unknown` is never counted as a pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Informational, never a problem.
    Info,
    /// The requirement holds.
    Pass,
    /// Could not be determined; the reason is always given.
    Unknown,
    /// Works, but a receiver may penalise it.
    Warn,
    /// The requirement does not hold.
    Fail,
}

impl Status {
    /// The catalogue key of the status word.
    pub fn key(self) -> &'static str {
        match self {
            Self::Pass => "status-pass",
            Self::Warn => "status-warn",
            Self::Fail => "status-fail",
            Self::Unknown => "status-unknown",
            Self::Info => "status-info",
        }
    }
}

/// The result of one check, as the engine emits it (messages, not text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    /// The stable id from SPEC's table (`spf.lookups`, `ip.fcrdns`, …).
    pub id: String,
    /// The status.
    pub status: Status,
    /// The IP, selector or host a per-item check is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// One-line summary.
    pub summary: Message,
    /// Observed values, check-specific.
    #[serde(default)]
    pub details: serde_json::Value,
    /// For every non-pass result: what we found, why it matters, how to fix it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

impl CheckResult {
    /// A result without details or explanation.
    pub fn new(id: &str, status: Status, summary: Message) -> Self {
        Self {
            id: id.to_owned(),
            status,
            subject: None,
            summary,
            details: serde_json::Value::Null,
            explanation: None,
        }
    }

    /// An `unknown` result: `summary` says what could not be read (it carries the
    /// reason), `details.error` the lookup error, and the explanation its reason.
    pub fn unknown(id: &str, summary: Message, error: &crate::dns::LookupError) -> Self {
        Self::new(id, Status::Unknown, summary)
            .details(serde_json::json!({ "error": error }))
            .explain(Explanation::of_lookup_error(error))
    }

    /// Sets the subject (the IP, selector or host this result is about).
    pub fn subject(mut self, subject: impl ToString) -> Self {
        self.subject = Some(subject.to_string());
        self
    }

    /// Adds observed details. Objects are merged, so details a constructor set —
    /// such as the lookup error of [`CheckResult::unknown`] — are kept.
    pub fn details(mut self, details: serde_json::Value) -> Self {
        match (&mut self.details, details) {
            (serde_json::Value::Object(have), serde_json::Value::Object(add)) => have.extend(add),
            (slot, details) => *slot = details,
        }
        self
    }

    /// Sets the explanation.
    pub fn explain(mut self, explanation: Explanation) -> Self {
        self.explanation = Some(explanation);
        self
    }
}

/// Where a fix is made: the people who run DNS and the people who run the VPS are
/// often different, and a PTR is never changed at the DNS host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixPlace {
    /// The domain's DNS host (registrar, Cloudflare, …).
    DnsHost,
    /// The VPS or IP provider's control panel (reverse DNS).
    IpProvider,
    /// The mail server's own configuration.
    MailServer,
}

/// A record to publish, in zone-file syntax, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixRecord {
    /// Where to publish it.
    pub place: FixPlace,
    /// One zone-file line, e.g. `example.com. 3600 IN TXT "v=spf1 mx -all"`.
    pub record: String,
    /// True when the record replaces an existing one rather than adding one.
    #[serde(default)]
    pub replaces: bool,
}

/// A reference: an RFC section or a provider's own page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// Short title such as `RFC 7208 §4.6.4` or `Gmail sender guidelines`.
    pub title: String,
    /// The URL.
    pub url: String,
}

impl Reference {
    /// A reference.
    pub fn new(title: &str, url: &str) -> Self {
        Self {
            title: title.to_owned(),
            url: url.to_owned(),
        }
    }
}

/// The explanation every non-pass result carries (SPEC "Every failure explains itself").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    /// What we found: the observed values, as messages.
    pub found: Vec<Message>,
    /// Why it matters: who rejects or junks such mail and how it shows.
    pub why: Option<Message>,
    /// How to fix: the steps, in order.
    pub fix: Vec<Message>,
    /// The exact records to publish.
    pub records: Vec<FixRecord>,
    /// References.
    pub references: Vec<Reference>,
}

/// The overall verdict: the worst status among the checks, with counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// Worst status, or `info` when no check ran yet.
    pub status: Status,
    /// Number of failing checks.
    pub fail: usize,
    /// Number of warnings.
    pub warn: usize,
    /// Number of checks that could not be determined.
    pub unknown: usize,
    /// Number of passing checks.
    pub pass: usize,
}

impl Verdict {
    /// The verdict of `checks`: fail > warn > unknown > pass; `info` when there are none.
    /// Generic over how the checks are held (`CheckResult`, or the page's shared handles).
    pub fn of<C: std::borrow::Borrow<CheckResult>>(checks: &[C]) -> Self {
        let count = |s| checks.iter().filter(|c| (*c).borrow().status == s).count();
        let (fail, warn, unknown, pass) = (
            count(Status::Fail),
            count(Status::Warn),
            count(Status::Unknown),
            count(Status::Pass),
        );
        let status = if fail > 0 {
            Status::Fail
        } else if warn > 0 {
            Status::Warn
        } else if unknown > 0 {
            Status::Unknown
        } else if pass > 0 {
            Status::Pass
        } else {
            Status::Info
        };
        Self {
            status,
            fail,
            warn,
            unknown,
            pass,
        }
    }

    /// The verdict sentence.
    pub fn message(&self) -> Message {
        match self.status {
            Status::Fail => Message::new("verdict-fail").arg("count", self.fail),
            Status::Warn => Message::new("verdict-warn").arg("count", self.warn),
            Status::Unknown => Message::new("verdict-unknown").arg("count", self.unknown),
            Status::Pass => Message::new("verdict-pass").arg("count", self.pass),
            Status::Info => Message::new("verdict-facts-only"),
        }
    }
}

/// Everything one run found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema: u32,
    /// The checked input.
    pub input: Input,
    /// Where the sending IPs came from.
    pub sending_ips: SendingIpSource,
    /// The overall verdict.
    pub verdict: Verdict,
    /// The checks.
    pub checks: Vec<CheckResult>,
    /// The DNS facts gathered.
    pub facts: Vec<Fact>,
    /// Every query sent.
    pub queries: Vec<QueryLogEntry>,
    /// The DNS host recognised from the zone's NS records (`None`: not recognised,
    /// or the NS records could not be read; see the [`FactKind::Ns`] fact).
    ///
    /// [`FactKind::Ns`]: crate::facts::FactKind::Ns
    #[serde(default)]
    pub dns_host: Option<crate::dnshost::DnsHost>,
}

/// A rendered check, as the JSON export and the CLI show it.
#[derive(Clone, Debug, Serialize)]
pub struct RenderedCheck<'a> {
    /// Stable id.
    pub id: &'a str,
    /// Status.
    pub status: Status,
    /// Subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<&'a str>,
    /// Summary text in the chosen language.
    pub summary: String,
    /// Observed values.
    pub details: &'a serde_json::Value,
    /// The explanation with its text rendered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<serde_json::Value>,
}

impl Explanation {
    /// The usual explanation of a finding whose catalogue key is `key`: why it
    /// matters (`<key>-why`), how to fix it (`<key>-fix`), with what was found, the
    /// records to publish and the references as `(title, url)`.
    pub fn of_finding(
        key: &str,
        found: Vec<Message>,
        records: Vec<FixRecord>,
        references: &[(&str, &str)],
    ) -> Self {
        Self {
            found,
            why: Some(Message::new(format!("{key}-why"))),
            fix: vec![Message::new(format!("{key}-fix"))],
            records,
            references: references
                .iter()
                .map(|(t, u)| Reference::new(t, u))
                .collect(),
        }
    }

    /// The explanation of an `unknown` result: the lookup that failed and why.
    pub fn of_lookup_error(error: &crate::dns::LookupError) -> Self {
        Self {
            found: vec![Message::new("check-unknown-reason").arg_msg("reason", error.message())],
            ..Self::default()
        }
    }

    /// The explanation as JSON with its messages rendered in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let all = |ms: &[Message]| ms.iter().map(|m| m.render(lang)).collect::<Vec<_>>();
        serde_json::json!({
            "found": all(&self.found),
            "why": self.why.as_ref().map(|m| m.render(lang)),
            "fix": all(&self.fix),
            "records": self.records,
            "references": self.references,
        })
    }
}

impl Report {
    /// The report as the versioned JSON document of `docs/report-schema.md`, with text
    /// rendered in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        let checks: Vec<RenderedCheck<'_>> = self
            .checks
            .iter()
            .map(|c| RenderedCheck {
                id: &c.id,
                status: c.status,
                subject: c.subject.as_deref(),
                summary: c.summary.render(lang),
                details: &c.details,
                explanation: c.explanation.as_ref().map(|e| e.to_json(lang)),
            })
            .collect();
        serde_json::json!({
            "schema": self.schema,
            "lang": lang.code(),
            "input": self.input,
            "sending_ips": {
                "source": self.sending_ips,
                "note": self.sending_ips.message(&self.input).render(lang),
            },
            "verdict": {
                "status": self.verdict.status,
                "fail": self.verdict.fail,
                "warn": self.verdict.warn,
                "unknown": self.verdict.unknown,
                "pass": self.verdict.pass,
                "summary": self.verdict.message().render(lang),
            },
            "checks": checks,
            "facts": self.facts.iter().map(|f| {
                let mut v = serde_json::to_value(f).unwrap_or_default();
                v["title"] = f.title().render(lang).into();
                v
            }).collect::<Vec<_>>(),
            "queries": self.queries,
            "dns_host": self.dns_host.as_ref().map(|h| serde_json::json!({
                "id": h.id,
                "name": h.name,
                "zone": h.zone,
                "ns": h.ns,
                "panel": h.panel().render(lang),
            })),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(status: Status) -> CheckResult {
        CheckResult::new("x", status, Message::new("status-pass"))
    }

    #[test]
    fn details_added_to_an_unknown_keep_its_error() {
        let error = crate::dns::LookupError::ServFail;
        let c = CheckResult::unknown("dnssec", Message::new("status-unknown"), &error)
            .details(serde_json::json!({ "question": "example.com MX" }));
        assert_eq!(c.details["error"]["error"], "servfail");
        assert_eq!(c.details["question"], "example.com MX");
    }

    #[test]
    fn unknown_is_never_a_pass() {
        let v = Verdict::of(&[check(Status::Pass), check(Status::Unknown)]);
        assert_eq!(v.status, Status::Unknown);
        assert_eq!(
            Verdict::of(&[check(Status::Unknown), check(Status::Warn)]).status,
            Status::Warn
        );
        assert_eq!(
            Verdict::of(&[check(Status::Fail), check(Status::Warn)]).status,
            Status::Fail
        );
        assert_eq!(Verdict::of(&[check(Status::Info)]).status, Status::Info);
        assert_eq!(Verdict::of::<CheckResult>(&[]).status, Status::Info);
    }
}
