//! DMARC, RFC 7489 (with RFC 9091's `np`) and its successor RFC 9989: the record
//! model, a diagnosing parser ([`parse::parse`]) and the `dmarc.*` checks
//! ([`run`]).
//!
//! Both generations are accepted. RFC 9989 removed `pct`, `rf` and `ri` and added
//! `t` (test mode) and `psd`; a record may be valid under both. The record grammar
//! of RFC 7489 §6.4, quoted on the types below:
//!
//! ```text
//! dmarc-record    = dmarc-version dmarc-sep
//!                   [dmarc-request]
//!                   [dmarc-sep dmarc-srequest]
//!                   [dmarc-sep dmarc-auri]
//!                   [dmarc-sep dmarc-furi]
//!                   [dmarc-sep dmarc-adkim]
//!                   [dmarc-sep dmarc-aspf]
//!                   [dmarc-sep dmarc-ainterval]
//!                   [dmarc-sep dmarc-fo]
//!                   [dmarc-sep dmarc-rfmt]
//!                   [dmarc-sep dmarc-percent]
//!                   [dmarc-sep]
//!                   ; components other than dmarc-version and
//!                   ; dmarc-request may appear in any order
//! dmarc-version   = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31
//! dmarc-sep       = *WSP %x3b *WSP
//! ```

pub mod checks;
pub mod parse;

use serde::{Deserialize, Serialize};

pub use crate::dkim::tags::{Span, Tag};
pub use checks::{catalogue_keys, run};
pub use parse::{is_dmarc_record, parse};

/// ```text
/// dmarc-request   = "p" *WSP "=" *WSP
///                   ( "none" / "quarantine" / "reject" )
/// dmarc-srequest  = "sp" *WSP "=" *WSP
///                   ( "none" / "quarantine" / "reject" )
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// Monitor only: failing mail is delivered as if there were no DMARC.
    None,
    /// Failing mail goes to spam.
    Quarantine,
    /// Failing mail is refused.
    Reject,
}

impl Policy {
    /// Reads a policy value (any case).
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "none" => Some(Self::None),
            "quarantine" => Some(Self::Quarantine),
            "reject" => Some(Self::Reject),
            _ => None,
        }
    }

    /// The value as written in a record.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Quarantine => "quarantine",
            Self::Reject => "reject",
        }
    }

    /// The policy a receiver applies in RFC 9989 test mode (`t=y`): one step down.
    pub fn tested(self) -> Self {
        match self {
            Self::Reject => Self::Quarantine,
            _ => Self::None,
        }
    }
}

/// ```text
/// dmarc-adkim     = "adkim" *WSP "=" *WSP ( "r" / "s" )
/// dmarc-aspf      = "aspf" *WSP "=" *WSP ( "r" / "s" )
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Alignment {
    /// The organisational domains must match (the default).
    #[default]
    Relaxed,
    /// The domains must be identical.
    Strict,
}

impl Alignment {
    /// The catalogue key naming the mode.
    pub fn key(self) -> &'static str {
        match self {
            Self::Relaxed => "dmarc-mode-relaxed",
            Self::Strict => "dmarc-mode-strict",
        }
    }
}

/// Which specification a record's tags belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Generation {
    /// Only tags both specifications know: valid under RFC 7489 and RFC 9989.
    Both,
    /// Uses `pct`, `rf` or `ri`, which RFC 9989 removed.
    Rfc7489,
    /// Uses `t` or `psd`, which RFC 9989 added.
    Rfc9989,
    /// Mixes tags of both generations.
    Mixed,
}

/// ```text
/// dmarc-uri       = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
///                   ; "URI" is imported from [URI]; commas (ASCII
///                   ; 0x2C) and exclamation points (ASCII 0x21)
///                   ; MUST be encoded; the numeric portion MUST fit
///                   ; within an unsigned 64-bit integer
/// dmarc-auri      = "rua" *WSP "=" *WSP
///                   dmarc-uri *(*WSP "," *WSP dmarc-uri)
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportUri {
    /// The URI as written, without the size limit.
    pub uri: String,
    /// The size limit suffix (`10m`), when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// The destination host (mailto domain or https host), lower case, when the
    /// URI could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Where it is in the record.
    pub span: Span,
}

impl ReportUri {
    /// The URI with its size limit, as it would be written in a record.
    pub fn text(&self) -> String {
        match &self.size {
            Some(size) => format!("{}!{size}", self.uri),
            None => self.uri.clone(),
        }
    }
}

/// A parsed DMARC record: every tag read, the typed values that were valid, and
/// the diagnostics. Typed fields are `None` when the tag is absent *or* invalid;
/// the diagnostics say which.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The record text.
    pub text: String,
    /// Every well-formed tag, in order.
    pub tags: Vec<Tag>,
    /// `p`: the policy for the domain.
    pub p: Option<Policy>,
    /// `sp`: the policy for subdomains (defaults to `p`).
    pub sp: Option<Policy>,
    /// `np`: the policy for non-existent subdomains (RFC 9091, RFC 9989; defaults to `sp`).
    pub np: Option<Policy>,
    /// `pct` (RFC 7489 only): the percentage of failing mail the policy applies to.
    pub pct: Option<u8>,
    /// `t` (RFC 9989): test mode.
    pub testing: Option<bool>,
    /// `psd` (RFC 9989): `y`, `n` or `u`.
    pub psd: Option<char>,
    /// `adkim`.
    pub adkim: Option<Alignment>,
    /// `aspf`.
    pub aspf: Option<Alignment>,
    /// `fo`: failure reporting options, as written.
    pub fo: Option<String>,
    /// `rua`: aggregate report destinations (valid ones).
    pub rua: Vec<ReportUri>,
    /// `ruf`: failure report destinations (valid ones).
    pub ruf: Vec<ReportUri>,
    /// Tags neither specification defines (ignored by receivers).
    pub unknown_tags: Vec<String>,
    /// The generation the tags belong to.
    pub generation: Generation,
    /// What is wrong, with where.
    pub diagnostics: Vec<Diagnostic>,
}

impl Record {
    /// The policy a receiver applies to the domain itself: `p`, or `none` when `p`
    /// is missing or invalid (RFC 7489 §6.6.3 applies `none` when a valid `rua`
    /// exists; without one the record is discarded, which also means no policy).
    pub fn effective_p(&self) -> Policy {
        self.p.unwrap_or(Policy::None)
    }

    /// The policy for subdomains: `sp`, else `p`.
    pub fn effective_sp(&self) -> Policy {
        self.sp.unwrap_or(self.effective_p())
    }

    /// The percentage the policy applies to (100 when absent or under RFC 9989).
    pub fn effective_pct(&self) -> u8 {
        self.pct.unwrap_or(100)
    }

    /// Whether the record has errors (not just notes).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// A corrected record: `v=DMARC1` first, then every valid tag in its order, with
    /// `p=none` when the policy is missing or invalid. Invalid tags are dropped.
    pub fn corrected(&self) -> String {
        let mut parts = vec!["v=DMARC1".to_owned()];
        parts.push(format!("p={}", self.effective_p().as_str()));
        for tag in &self.tags {
            let key = tag.key();
            let uris = match key.as_str() {
                "v" | "p" => continue,
                "rua" => &self.rua,
                "ruf" => &self.ruf,
                _ => {
                    let bad = self.diagnostics.iter().any(|d| {
                        d.is_error() && d.span.start < tag.span.end && tag.span.start < d.span.end
                    });
                    if !bad {
                        parts.push(format!("{key}={}", tag.value));
                    }
                    continue;
                }
            };
            if !uris.is_empty() {
                let list: Vec<String> = uris.iter().map(ReportUri::text).collect();
                parts.push(format!("{key}={}", list.join(",")));
            }
        }
        parts.join("; ")
    }

    /// This record with `p` (and `sp` when it weakens it) replaced by `policy`.
    pub fn with_policy(&self, policy: Policy) -> String {
        let mut parts = vec!["v=DMARC1".to_owned(), format!("p={}", policy.as_str())];
        for tag in &self.tags {
            match tag.key().as_str() {
                "v" | "p" => {}
                "sp" if Policy::parse(&tag.value).is_some_and(|sp| sp < policy) => {}
                "pct" | "t" => {}
                key => parts.push(format!("{key}={}", tag.value)),
            }
        }
        parts.join("; ")
    }
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Receivers ignore the tag or discard the record.
    Error,
    /// Worth knowing; receivers carry on.
    Note,
}

/// What is wrong with a record, naming the tag. Each code has a catalogue entry
/// `dmarc-diag-<code>` with the placeholders `{ $tag }` and `{ $value }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagCode {
    /// The record does not start with `v=DMARC1` (RFC 7489 §6.3: discarded).
    VersionNotFirst,
    /// `v=` with another value than `DMARC1`.
    BadVersion,
    /// No `p` tag.
    PolicyMissing,
    /// `p`, `sp` or `np` is not none/quarantine/reject.
    BadPolicy,
    /// `pct` is not an integer 0–100.
    BadPct,
    /// `adkim` or `aspf` is not `r` or `s`.
    BadAlignment,
    /// `fo` is not a colon-separated list of `0`, `1`, `d`, `s`.
    BadFo,
    /// A `rua`/`ruf` URI that cannot be read or is not mailto/https.
    BadUri,
    /// `t` is not `y` or `n`.
    BadTesting,
    /// `psd` is not `y`, `n` or `u`.
    BadPsd,
    /// `rf` is not `afrf`.
    BadRf,
    /// `ri` is not a number of seconds.
    BadRi,
    /// A term without `=` or with a bad tag name.
    BadTag,
    /// The same tag twice.
    DuplicateTag,
    /// A tag neither specification defines.
    UnknownTag,
    /// `pct` next to `t`: RFC 9989 receivers ignore `pct`.
    MixedGenerations,
}

impl DiagCode {
    /// Every code, for the catalogue test.
    pub const ALL: [DiagCode; 16] = [
        Self::VersionNotFirst,
        Self::BadVersion,
        Self::PolicyMissing,
        Self::BadPolicy,
        Self::BadPct,
        Self::BadAlignment,
        Self::BadFo,
        Self::BadUri,
        Self::BadTesting,
        Self::BadPsd,
        Self::BadRf,
        Self::BadRi,
        Self::BadTag,
        Self::DuplicateTag,
        Self::UnknownTag,
        Self::MixedGenerations,
    ];

    /// The kebab-case code, as in the catalogue key.
    pub fn code(self) -> &'static str {
        match self {
            Self::VersionNotFirst => "version-not-first",
            Self::BadVersion => "bad-version",
            Self::PolicyMissing => "policy-missing",
            Self::BadPolicy => "bad-policy",
            Self::BadPct => "bad-pct",
            Self::BadAlignment => "bad-alignment",
            Self::BadFo => "bad-fo",
            Self::BadUri => "bad-uri",
            Self::BadTesting => "bad-testing",
            Self::BadPsd => "bad-psd",
            Self::BadRf => "bad-rf",
            Self::BadRi => "bad-ri",
            Self::BadTag => "bad-tag",
            Self::DuplicateTag => "duplicate-tag",
            Self::UnknownTag => "unknown-tag",
            Self::MixedGenerations => "mixed-generations",
        }
    }

    /// Errors make receivers ignore the tag or the record; notes do not.
    pub fn severity(self) -> Severity {
        match self {
            Self::UnknownTag | Self::MixedGenerations => Severity::Note,
            _ => Severity::Error,
        }
    }
}

/// A problem at a place in the record, naming the tag and the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// What is wrong.
    pub code: DiagCode,
    /// The tag it is about.
    pub tag: String,
    /// The offending value (or term).
    pub value: String,
    /// Where.
    pub span: Span,
}

impl Diagnostic {
    /// Whether receivers ignore something because of it.
    pub fn is_error(&self) -> bool {
        self.code.severity() == Severity::Error
    }

    /// The catalogue message.
    pub fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::new(format!("dmarc-diag-{}", self.code.code()))
            .arg("tag", &self.tag)
            .arg("value", &self.value)
    }
}
