//! The DKIM key record parser (RFC 6376 §3.6.1, RFC 8301, RFC 8463). It never
//! fails: every tag is read, every problem is a [`Diagnostic`] with its span, and
//! the key size is read from the DER so the strength check can say how many bits.

use super::der::{Spki, base64_decode, rsa_public_key_bits, spki};
use super::tags::{Span, TagProblem, parse_tag_list};
use super::{DiagCode, Diagnostic, KeyRecord, KeyType, PublicKey};

/// Whether a TXT string at a selector is meant as a DKIM key: it starts with
/// `v=DKIM1` or has a `p=` tag. A wildcard TXT (an SPF record answering for every
/// name) is not a key.
pub fn is_key_record(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    if lower.starts_with("v=spf1") || lower.starts_with("v=dmarc1") {
        return false;
    }
    lower.starts_with("v=dkim1")
        || parse_tag_list(text)
            .0
            .iter()
            .any(|t| t.key() == "p" || t.key() == "k")
}

/// Shortens a long value (a key) for messages.
fn short(value: &str) -> String {
    if value.chars().count() > 40 {
        let head: String = value.chars().take(20).collect();
        let tail: String = value
            .chars()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        format!("{head}…{tail}")
    } else {
        value.to_owned()
    }
}

/// Reads a key record. Never fails: see [`KeyRecord::diagnostics`].
pub fn parse(text: &str) -> KeyRecord {
    let (tags, problems) = parse_tag_list(text);
    let mut diags = Vec::new();
    let mut push = |code, tag: &str, value: &str, span| {
        diags.push(Diagnostic {
            code,
            tag: tag.to_owned(),
            value: short(value),
            span,
        })
    };
    for problem in &problems {
        match problem {
            TagProblem::NoEquals { text, span } | TagProblem::BadName { text, span } => {
                push(DiagCode::BadTag, text, text, *span)
            }
            TagProblem::Duplicate { text, span } => push(DiagCode::DuplicateTag, text, "", *span),
        }
    }
    let mut record = KeyRecord {
        text: text.to_owned(),
        tags: tags.clone(),
        key_type: KeyType::Rsa,
        hashes: Vec::new(),
        services: Vec::new(),
        flags: Vec::new(),
        key: PublicKey::Missing,
        diagnostics: Vec::new(),
    };
    let list = |v: &str| -> Vec<String> {
        v.split(':')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut p_tag = None;
    for (i, tag) in tags.iter().enumerate() {
        let value = tag.value.as_str();
        match tag.key().as_str() {
            "v" => {
                if value != "DKIM1" {
                    push(DiagCode::BadVersion, "v", value, tag.value_span);
                } else if i > 0 || problems.iter().any(|p| problem_start(p) < tag.span.start) {
                    push(DiagCode::VersionNotFirst, "v", value, tag.span);
                }
            }
            "k" => {
                record.key_type = match value.to_ascii_lowercase().as_str() {
                    "rsa" => KeyType::Rsa,
                    "ed25519" => KeyType::Ed25519,
                    other => {
                        push(DiagCode::UnknownKeyType, "k", value, tag.value_span);
                        KeyType::Other(other.to_owned())
                    }
                }
            }
            "h" => {
                record.hashes = list(value);
                let known = |h: &str| h == "sha256" || h == "sha1";
                if !record.hashes.iter().any(|h| h == "sha256") {
                    if record.hashes.iter().any(|h| known(h)) {
                        push(DiagCode::Sha1Only, "h", value, tag.value_span);
                    } else {
                        push(DiagCode::UnknownHash, "h", value, tag.value_span);
                    }
                }
            }
            "s" => {
                record.services = list(value);
                if !record.services.iter().any(|s| s == "email" || s == "*") {
                    push(DiagCode::NotForEmail, "s", value, tag.value_span);
                }
            }
            "t" => {
                record.flags = list(value);
                for flag in &record.flags {
                    if flag != "y" && flag != "s" {
                        push(DiagCode::UnknownFlag, "t", flag, tag.value_span);
                    }
                }
            }
            "p" => p_tag = Some(tag),
            "n" | "g" => {}
            _ => push(DiagCode::UnknownTag, &tag.name, value, tag.span),
        }
    }
    record.key = match p_tag {
        None => {
            let end = tags.last().map_or(text.len(), |t| t.span.end);
            push(DiagCode::KeyMissing, "p", "", Span::new(end, end));
            PublicKey::Missing
        }
        Some(tag) if tag.value.trim().is_empty() => PublicKey::Revoked,
        Some(tag) => {
            let (key, problem) = read_key(&tag.value, &record.key_type);
            if let Some(code) = problem {
                push(code, "p", &tag.value, tag.value_span);
            }
            key
        }
    };
    diags.sort_by_key(|d| d.span.start);
    record.diagnostics = diags;
    record
}

fn problem_start(problem: &TagProblem) -> usize {
    match problem {
        TagProblem::NoEquals { span, .. }
        | TagProblem::BadName { span, .. }
        | TagProblem::Duplicate { span, .. } => span.start,
    }
}

/// Decodes `p=` for `key_type`: the key and the diagnostic, if any.
fn read_key(value: &str, key_type: &KeyType) -> (PublicKey, Option<DiagCode>) {
    let Some(bytes) = base64_decode(value) else {
        return (PublicKey::Invalid, Some(DiagCode::BadBase64));
    };
    match key_type {
        KeyType::Rsa => match spki(&bytes) {
            Some(Spki::Rsa(bits)) => (PublicKey::Rsa { bits }, None),
            Some(Spki::Ed25519) => (PublicKey::Invalid, Some(DiagCode::BadRsaKey)),
            None => match rsa_public_key_bits(&bytes) {
                Some(bits) => (PublicKey::Rsa { bits }, Some(DiagCode::Pkcs1Key)),
                None => (PublicKey::Invalid, Some(DiagCode::BadRsaKey)),
            },
        },
        KeyType::Ed25519 if bytes.len() == 32 => (PublicKey::Ed25519, None),
        KeyType::Ed25519 => (PublicKey::Invalid, Some(DiagCode::BadEd25519Key)),
        // The type is already diagnosed; the key cannot be judged.
        KeyType::Other(_) => (PublicKey::Invalid, None),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::Severity;
    use super::*;

    /// `openssl genrsa 1024 | openssl rsa -pubout -outform DER | base64`
    pub(crate) const RSA1024: &str = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC7HEdWyZbltTTWphL823wfBCcP9f7GmXe1NsX/WF4dRyT9NtaV0GR5nUSdIKwKiRYs5uHe8pdGgpBRM3smcdgAnr3FgngoNmIecU+9sAstTV8yC3GB9ssw6PnFaFMuE5lIfH8ZjkClZ99RF1bhuOKkUZE40Gp9ubTxt0ER82/4+QIDAQAB";
    /// The same key as PKCS#1 (`openssl rsa -RSAPublicKey_out`).
    const RSA1024_PKCS1: &str = "MIGJAoGBALscR1bJluW1NNamEvzbfB8EJw/1/saZd7U2xf9YXh1HJP021pXQZHmdRJ0grAqJFizm4d7yl0aCkFEzeyZx2ACevcWCeCg2Yh5xT72wCy1NXzILcYH2yzDo+cVoUy4TmUh8fxmOQKVn31EXVuG44qRRkTjQan25tPG3QRHzb/j5AgMBAAE=";
    /// A 2048-bit SubjectPublicKeyInfo.
    pub(crate) const RSA2048: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhi8gpyaD/iMk4OpX7VQNgQ5VTNzfpcvBJ6yDsJ0nzY+B5bcM4hYZ180Yu9rg1ISIm7WnJpiBTm+ZrvUDmEek+LOu6miyKASLb4Wikv9YnsygTey0vRqNcMKxi0HSBiXLU45yu9ZUZ7Yc56PkoQRXy7NnISeRzyYV/A0jliBb3ehnzd/7mlA70SQDeskxFsP6eNO6Ef6RFFFaoklQj70SkdtGsBwAen9diOJ34eRSXP6LzAy6USKab+96aEsI2Hye692HXz1BdihwwikT6zeWHCFl7ffOBuk1Odh1ajLSD/3PUdT/EqgOaqzAqFDc/yLq5kNZdQLpoLQ4l6+AVj0LywIDAQAB";
    /// A 512-bit SubjectPublicKeyInfo (RFC 8301: verifiers must not accept it).
    pub(crate) const RSA512: &str = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBANmW8ubV5bHZLgwEqvG+Ou4GfVkXMCWm71USWTqD+OdQE3LY3ZtgocU3uJRc4puPpgYbRXtif+bxxm+J5K/fpCUCAwEAAQ==";
    /// `openssl genpkey -algorithm ed25519`, the raw 32-byte public key.
    pub(crate) const ED25519: &str = "L15yZzot4G5AQS012chmdF89tSlUYI1y6bvq7TVGw+A=";

    fn codes(text: &str) -> Vec<DiagCode> {
        parse(text).diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn rsa_keys_and_their_sizes() {
        let table = [(RSA512, 512), (RSA1024, 1024), (RSA2048, 2048)];
        for (p, bits) in table {
            let r = parse(&format!("v=DKIM1; k=rsa; p={p}"));
            assert_eq!(r.key, PublicKey::Rsa { bits }, "{bits}");
            assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        }
        // Without v= and k= (both optional), and a key split by spaces (FWS).
        let split = format!("p={} {}", &RSA2048[..200], &RSA2048[200..]);
        assert_eq!(parse(&split).key, PublicKey::Rsa { bits: 2048 });
    }

    #[test]
    fn ed25519_raw_key() {
        let r = parse(&format!("v=DKIM1; k=ed25519; p={ED25519}"));
        assert_eq!(r.key, PublicKey::Ed25519);
        assert!(r.diagnostics.is_empty());
        // An RSA key under k=ed25519 is not 32 bytes.
        assert_eq!(
            codes(&format!("v=DKIM1; k=ed25519; p={RSA1024}")),
            [DiagCode::BadEd25519Key]
        );
    }

    #[test]
    fn empty_p_is_revoked_not_an_error() {
        let r = parse("v=DKIM1; k=rsa; p=");
        assert_eq!(r.key, PublicKey::Revoked);
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn testing_flag() {
        let r = parse(&format!("v=DKIM1; t=y; p={RSA2048}"));
        assert!(r.testing());
        assert!(r.diagnostics.is_empty());
        assert!(!parse(&format!("v=DKIM1; t=s; p={RSA2048}")).testing());
        assert_eq!(r.rewritten(&["t"]), format!("v=DKIM1; p={RSA2048}"));
    }

    #[test]
    fn diagnostics_name_the_wrong_tag() {
        let table: Vec<(String, DiagCode, Severity)> = vec![
            (
                format!("v=DKIM1; h=sha1; p={RSA2048}"),
                DiagCode::Sha1Only,
                Severity::Warning,
            ),
            (
                format!("k=rsa; v=DKIM1; p={RSA2048}"),
                DiagCode::VersionNotFirst,
                Severity::Error,
            ),
            (
                format!("v=DKIM2; p={RSA2048}"),
                DiagCode::BadVersion,
                Severity::Error,
            ),
            (
                "v=DKIM1; p=not*base64".to_owned(),
                DiagCode::BadBase64,
                Severity::Error,
            ),
            (
                "v=DKIM1; p=aGVsbG8gd29ybGQ=".to_owned(),
                DiagCode::BadRsaKey,
                Severity::Error,
            ),
            (
                format!("v=DKIM1; p={RSA1024_PKCS1}"),
                DiagCode::Pkcs1Key,
                Severity::Warning,
            ),
            (
                format!("v=DKIM1; k=dsa; p={RSA2048}"),
                DiagCode::UnknownKeyType,
                Severity::Error,
            ),
            (
                format!("v=DKIM1; h=md5; p={RSA2048}"),
                DiagCode::UnknownHash,
                Severity::Error,
            ),
            (
                format!("v=DKIM1; s=web; p={RSA2048}"),
                DiagCode::NotForEmail,
                Severity::Error,
            ),
            (
                format!("v=DKIM1; t=x; p={RSA2048}"),
                DiagCode::UnknownFlag,
                Severity::Note,
            ),
            (
                format!("v=DKIM1; foo=1; p={RSA2048}"),
                DiagCode::UnknownTag,
                Severity::Note,
            ),
            (
                "v=DKIM1; k=rsa".to_owned(),
                DiagCode::KeyMissing,
                Severity::Error,
            ),
        ];
        for (text, code, severity) in table {
            let r = parse(&text);
            assert!(
                r.diagnostics.iter().any(|d| d.code == code),
                "{text}: {:?}",
                r.diagnostics
            );
            assert_eq!(r.worst(), Some(severity), "{text}");
        }
        assert_eq!(
            parse(&format!("v=DKIM1; h=sha1:sha256; p={RSA2048}")).worst(),
            None
        );
        let pkcs1 = parse(&format!("p={RSA1024_PKCS1}"));
        assert_eq!(pkcs1.key, PublicKey::Rsa { bits: 1024 });
    }

    #[test]
    fn wildcard_spf_is_not_a_key() {
        assert!(!is_key_record("v=spf1 mx -all"));
        assert!(is_key_record("v=DKIM1; p="));
        assert!(is_key_record(&format!("k=rsa; p={RSA1024}")));
        assert!(!is_key_record("google-site-verification=abc"));
    }
}
