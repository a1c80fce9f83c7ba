//! DKIM key records, RFC 6376 §3.6.1 as updated by RFC 8301 (no SHA-1, RSA keys of
//! at least 1024 bits) and RFC 8463 (Ed25519): the record model, a diagnosing
//! parser ([`key::parse`]), the built-in selector list ([`selectors`]) and the
//! `dkim.key`, `dkim.key-strength`, `dkim.revoked`, `dkim.testing` checks ([`run`]).
//!
//! Selectors cannot be enumerated through DNS: when none of the tried selectors
//! holds a key the result is `unknown` with a request for the selector, never
//! "missing" (pitfalls.md, "DKIM").
//!
//! The key record grammar, RFC 6376 §3.6.1, quoted on the types below:
//!
//! ```text
//! key-v-tag    = %x76 [FWS] "=" [FWS] %x44.4B.49.4D.31
//! key-h-tag    = %x68 [FWS] "=" [FWS] key-h-tag-alg
//!                0*( [FWS] ":" [FWS] key-h-tag-alg )
//! key-h-tag-alg = "sha1" / "sha256" / x-key-h-tag-alg
//! key-k-tag    = %x6b [FWS] "=" [FWS] key-k-tag-type
//! key-k-tag-type = "rsa" / x-key-k-tag-type
//! key-n-tag    = %x6e [FWS] "=" [FWS] qp-section
//! key-p-tag    = %x70 [FWS] "=" [ [FWS] base64string]
//! key-s-tag    = %x73 [FWS] "=" [FWS] key-s-tag-type
//!                0*( [FWS] ":" [FWS] key-s-tag-type )
//! key-s-tag-type = "email" / "*" / x-key-s-tag-type
//! key-t-tag    = %x74 [FWS] "=" [FWS] key-t-tag-flag
//!                0*( [FWS] ":" [FWS] key-t-tag-flag )
//! key-t-tag-flag = "y" / "s" / x-key-t-tag-flag
//! ```
//!
//! "v= … If specified, this tag MUST be set to "DKIM1" … and MUST be
//! the first tag in the record." "p= … An empty value means that this public key
//! has been revoked." "Unrecognized tags MUST be ignored."

pub mod checks;
pub mod der;
pub mod key;
pub mod selectors;
pub mod signature;
pub mod tags;
#[cfg(test)]
pub(crate) mod testkit;
pub mod verify;

use serde::{Deserialize, Serialize};

pub use checks::{catalogue_keys, run};
pub use tags::{Span, Tag};

/// ```text
/// key-k-tag-type = "rsa" / x-key-k-tag-type      ; RFC 8463 adds "ed25519"
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    /// `rsa`, the default.
    Rsa,
    /// `ed25519` (RFC 8463).
    Ed25519,
    /// Anything else: verifiers cannot use the key.
    Other(String),
}

/// What the `p=` tag holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PublicKey {
    /// No `p=` tag at all (a syntax error).
    Missing,
    /// `p=` with an empty value: the key is revoked.
    Revoked,
    /// An RSA key.
    Rsa {
        /// The modulus size in bits.
        bits: u32,
    },
    /// A raw 32-byte Ed25519 key.
    Ed25519,
    /// A value that is not a usable key (see the diagnostics).
    Invalid,
}

/// A parsed key record: the tags, the typed values and the diagnostics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRecord {
    /// The record text.
    pub text: String,
    /// Every well-formed tag, in order.
    pub tags: Vec<Tag>,
    /// `k=`, defaulting to RSA.
    pub key_type: KeyType,
    /// `h=`: acceptable hash algorithms (empty = all).
    pub hashes: Vec<String>,
    /// `s=`: service types (empty = `*`).
    pub services: Vec<String>,
    /// `t=`: flags.
    pub flags: Vec<String>,
    /// The key.
    pub key: PublicKey,
    /// What is wrong or worth knowing, with where.
    pub diagnostics: Vec<Diagnostic>,
}

impl KeyRecord {
    /// `t=y`: the domain is testing DKIM; verifiers may treat failures as unsigned.
    pub fn testing(&self) -> bool {
        self.flags.iter().any(|f| f == "y")
    }

    /// The worst severity among the diagnostics, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.code.severity()).max()
    }

    /// This record with `v=DKIM1` first and without the tags given.
    pub fn rewritten(&self, drop: &[&str]) -> String {
        let mut parts = vec!["v=DKIM1".to_owned()];
        for tag in &self.tags {
            let key = tag.key();
            if key != "v" && !drop.contains(&key.as_str()) {
                parts.push(format!("{}={}", key, tag.value));
            }
        }
        parts.join("; ")
    }
}

/// How bad a diagnostic is, in increasing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; verifiers carry on.
    Note,
    /// Verifiers may refuse the key or treat signatures as weak.
    Warning,
    /// Verifiers cannot use the key.
    Error,
}

/// What is wrong with a key record. Each code has a catalogue entry
/// `dkim-diag-<code>` with the placeholders `{ $tag }` and `{ $value }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagCode {
    /// `v=` present but not the first tag.
    VersionNotFirst,
    /// `v=` with another value than `DKIM1`.
    BadVersion,
    /// No `p=` tag.
    KeyMissing,
    /// `p=` is not valid base64.
    BadBase64,
    /// `p=` decodes, but not to an RSA SubjectPublicKeyInfo.
    BadRsaKey,
    /// An RSA key as bare PKCS#1 `RSAPublicKey` rather than SubjectPublicKeyInfo.
    Pkcs1Key,
    /// An Ed25519 key that is not the raw 32 bytes RFC 8463 requires.
    BadEd25519Key,
    /// `k=` names a type verifiers do not know.
    UnknownKeyType,
    /// `h=` allows only SHA-1, which RFC 8301 forbids.
    Sha1Only,
    /// `h=` names no algorithm verifiers know.
    UnknownHash,
    /// `s=` excludes email.
    NotForEmail,
    /// A `t=` flag other than `y` and `s`.
    UnknownFlag,
    /// A term without `=` or with a bad tag name.
    BadTag,
    /// The same tag twice.
    DuplicateTag,
    /// A tag RFC 6376 does not define (ignored).
    UnknownTag,
}

impl DiagCode {
    /// Every code, for the catalogue test.
    pub const ALL: [DiagCode; 15] = [
        Self::VersionNotFirst,
        Self::BadVersion,
        Self::KeyMissing,
        Self::BadBase64,
        Self::BadRsaKey,
        Self::Pkcs1Key,
        Self::BadEd25519Key,
        Self::UnknownKeyType,
        Self::Sha1Only,
        Self::UnknownHash,
        Self::NotForEmail,
        Self::UnknownFlag,
        Self::BadTag,
        Self::DuplicateTag,
        Self::UnknownTag,
    ];

    /// The kebab-case code, as in the catalogue key.
    pub fn code(self) -> &'static str {
        match self {
            Self::VersionNotFirst => "version-not-first",
            Self::BadVersion => "bad-version",
            Self::KeyMissing => "key-missing",
            Self::BadBase64 => "bad-base64",
            Self::BadRsaKey => "bad-rsa-key",
            Self::Pkcs1Key => "pkcs1-key",
            Self::BadEd25519Key => "bad-ed25519-key",
            Self::UnknownKeyType => "unknown-key-type",
            Self::Sha1Only => "sha1-only",
            Self::UnknownHash => "unknown-hash",
            Self::NotForEmail => "not-for-email",
            Self::UnknownFlag => "unknown-flag",
            Self::BadTag => "bad-tag",
            Self::DuplicateTag => "duplicate-tag",
            Self::UnknownTag => "unknown-tag",
        }
    }

    /// How bad it is.
    pub fn severity(self) -> Severity {
        match self {
            Self::UnknownTag | Self::UnknownFlag => Severity::Note,
            Self::Pkcs1Key | Self::Sha1Only | Self::DuplicateTag => Severity::Warning,
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
    /// The offending value (shortened for long keys).
    pub value: String,
    /// Where.
    pub span: Span,
}

impl Diagnostic {
    /// The catalogue message.
    pub fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::new(format!("dkim-diag-{}", self.code.code()))
            .arg("tag", &self.tag)
            .arg("value", &self.value)
    }
}
