//! A pasted message — a whole `.eml` or only its headers, as a mail client's
//! "Show original" gives them — read into [`MessageFacts`]: where the message
//! entered the receiver (the sending IP and HELO the receiver saw, from the
//! `Received` chain), its DKIM signatures, the receiver's `Authentication-Results`,
//! the From and Return-Path domains and the unsubscribe headers.
//!
//! What the message reveals feeds the other checks: the sending IP and HELO
//! (`checks::sending_ips`, `host.helo`), the DKIM selectors tried first, the
//! `dkim.signature` verification ([`crate::dkim::signature`]) and `dmarc.alignment`.
//!
//! Like every parser here it never fails: what cannot be read is left out, and a
//! text without any header yields empty facts.

mod parse;
mod received;

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

pub use parse::{Header, body_of, parse, split_headers, verifiable_text};
pub use received::{Received, parse_received};

/// The largest message accepted, in bytes: enough for any header block and most
/// messages; larger pastes are refused as input errors before anything is read.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024;

/// Every catalogue key about the pasted message: the form field, the input error,
/// the sending-IP note and the summary.
pub fn catalogue_keys() -> Vec<String> {
    [
        "message-field-label",
        "message-field-help",
        "message-field-privacy",
        "message-summary",
        "message-summary-none",
        "message-none",
        "input-field-message",
        "input-too-large",
        "fact-sending-ips-message",
    ]
    .map(String::from)
    .to_vec()
}

/// The message pasted for a run: its text, kept out of every serialised form (it
/// may be private and large), and what was read from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastedMessage {
    /// The text as pasted.
    #[serde(skip)]
    pub raw: String,
    /// What the message says.
    pub facts: MessageFacts,
}

impl PastedMessage {
    /// Reads `raw`.
    pub fn new(raw: &str) -> Self {
        Self {
            raw: raw.to_owned(),
            facts: parse(raw),
        }
    }
}

/// Where the sending IP of a message was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntrySource {
    /// The `Received` header the receiver added when it accepted the message, found
    /// by the client IP its `Received-SPF` / `Authentication-Results` name.
    ReceivedConfirmed,
    /// The first `Received` header, from the newest, whose client is neither a
    /// private address nor a host of the receiver's own domains.
    Received,
    /// Only the receiver's `Received-SPF` / `Authentication-Results` name the IP.
    AuthHeaders,
}

/// The hop where the message entered the receiving side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The client's IP as the receiver saw it.
    pub ip: IpAddr,
    /// The HELO/EHLO name the client gave, when the header shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helo: Option<String>,
    /// The client's reverse DNS name as the receiver saw it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rdns: Option<String>,
    /// The receiving host (`by`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// Index in [`MessageFacts::received`] (newest first), when read from a
    /// `Received` header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hop: Option<usize>,
    /// How it was found.
    pub source: EntrySource,
}

/// One `DKIM-Signature` header, RFC 6376 §3.5:
///
/// ```text
/// sig-v-tag = %x76 [FWS] "=" [FWS] 1*DIGIT
/// sig-a-tag = %x61 [FWS] "=" [FWS] sig-a-tag-alg
/// sig-c-tag = %x63 [FWS] "=" [FWS] sig-c-tag-alg ["/" sig-c-tag-alg]
/// sig-d-tag = %x64 [FWS] "=" [FWS] domain-name
/// sig-h-tag = %x68 [FWS] "=" [FWS] hdr-name *( [FWS] ":" [FWS] hdr-name )
/// sig-l-tag = %x6c [FWS] "=" [FWS] 1*76DIGIT
/// sig-s-tag = %x73 [FWS] "=" [FWS] selector
/// sig-t-tag = %x74 [FWS] "=" [FWS] 1*12DIGIT
/// sig-x-tag = %x78 [FWS] "=" [FWS] 1*12DIGIT
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkimSignature {
    /// `d=`, lower case.
    pub domain: String,
    /// `s=`, lower case.
    pub selector: String,
    /// `a=`, e.g. `rsa-sha256`.
    pub algorithm: String,
    /// `c=` as written (default `simple/simple`).
    pub canonicalization: String,
    /// `h=`: the signed header names, lower case.
    pub headers: Vec<String>,
    /// `i=`, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auid: Option<String>,
    /// `l=`: the signed body length, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_length: Option<u64>,
    /// `t=`: signing time (Unix seconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
    /// `x=`: expiry (Unix seconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<u64>,
    /// Tags RFC 6376 requires that are missing or empty (`v`, `a`, `b`, `bh`, `d`,
    /// `h`, `s`).
    pub missing: Vec<String>,
}

/// One `Authentication-Results` header, RFC 8601 §2.2:
///
/// ```text
/// authres-header = "Authentication-Results:" [CFWS] authserv-id
///          [ CFWS authres-version ]
///          ( no-result / 1*resinfo ) [CFWS] CRLF
/// resinfo = [CFWS] ";" methodspec [ CFWS reasonspec ]
///           [ 1*( CFWS propspec ) ]
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthResults {
    /// Who evaluated (the receiver's name for itself).
    pub authserv_id: String,
    /// One entry per method result.
    pub results: Vec<AuthResult>,
}

/// One `method=result` with its properties.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthResult {
    /// `spf`, `dkim`, `dmarc`, `arc`, `iprev`…, lower case.
    pub method: String,
    /// `pass`, `fail`, `none`…, lower case.
    pub result: String,
    /// `ptype.property=value` pairs, e.g. `("header.d", "example.com")`.
    pub properties: Vec<(String, String)>,
}

impl AuthResult {
    /// The value of a property (`header.d`, `smtp.mailfrom`…), case-insensitively.
    pub fn property(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Everything the checks use from a pasted message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageFacts {
    /// How many header fields were read.
    pub header_count: usize,
    /// Whether a non-empty body follows the headers: without one, DKIM body
    /// hashes cannot be checked.
    pub has_body: bool,
    /// The `Received` headers, newest first.
    pub received: Vec<Received>,
    /// Where the message entered the receiver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<Entry>,
    /// Every `DKIM-Signature`, in header order.
    pub signatures: Vec<DkimSignature>,
    /// Every `Authentication-Results`, newest first (the first is the receiver's
    /// own; lower ones may have been added — or forged — before it).
    pub auth_results: Vec<AuthResults>,
    /// The RFC 5322.From addresses.
    pub from: Vec<String>,
    /// The domain of the (first) From address, lower case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_domain: Option<String>,
    /// The Return-Path (envelope sender) as the receiver recorded it; `""` for `<>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_path: Option<String>,
    /// The Return-Path's domain, lower case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_path_domain: Option<String>,
    /// `List-Unsubscribe` (RFC 2369) as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_unsubscribe: Option<String>,
    /// `List-Unsubscribe-Post` (RFC 8058) as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list_unsubscribe_post: Option<String>,
}

impl MessageFacts {
    /// The sending IP the receiver saw, when the message shows it.
    pub fn sending_ip(&self) -> Option<IpAddr> {
        self.entry.as_ref().map(|e| e.ip)
    }

    /// The HELO name the sending server gave, when the message shows it.
    pub fn helo(&self) -> Option<&str> {
        self.entry.as_ref().and_then(|e| e.helo.as_deref())
    }

    /// The selectors of the signatures made by `domain` (`d=` equal, any case).
    pub fn selectors_for(&self, domain: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for sig in &self.signatures {
            if sig.domain.eq_ignore_ascii_case(domain)
                && !sig.selector.is_empty()
                && !out.contains(&sig.selector)
            {
                out.push(sig.selector.clone());
            }
        }
        out
    }

    /// The receiver's own `Authentication-Results` (the newest one).
    pub fn receiver_results(&self) -> Option<&AuthResults> {
        self.auth_results.first()
    }

    /// The `List-Unsubscribe` URIs (the `<…>` items).
    pub fn unsubscribe_uris(&self) -> Vec<String> {
        let Some(value) = &self.list_unsubscribe else {
            return vec![];
        };
        value
            .split('<')
            .skip(1)
            .filter_map(|part| part.split_once('>').map(|(uri, _)| uri.trim().to_owned()))
            .filter(|uri| !uri.is_empty())
            .collect()
    }

    /// RFC 8058 one-click unsubscribe: `List-Unsubscribe-Post:
    /// List-Unsubscribe=One-Click` with an `https:` URI in `List-Unsubscribe`.
    pub fn one_click_unsubscribe(&self) -> bool {
        let post_ok = self.list_unsubscribe_post.as_deref().is_some_and(|p| {
            p.split(';')
                .any(|v| v.trim().eq_ignore_ascii_case("List-Unsubscribe=One-Click"))
        });
        post_ok
            && self
                .unsubscribe_uris()
                .iter()
                .any(|u| u.to_ascii_lowercase().starts_with("https://"))
    }
}
