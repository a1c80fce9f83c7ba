//! The DMARC record parser. It never fails: it returns every tag it could read, the
//! typed values that are valid, and a [`Diagnostic`] naming each wrong tag, so the
//! page can show a broken record with the bad part marked (checkdmarc #182, #234).
//!
//! Why not `mail-auth`'s parser: it drops unknown tags and stops at errors without a
//! position; a checker must show what the publisher wrote.

use super::{DiagCode, Diagnostic, Generation, Policy, Record, ReportUri, Span};
use crate::dkim::tags::{TagProblem, parse_tag_list};

/// RFC 7489 §6.6.3: "Records that do not start with a "v=" tag that identifies the
/// current version of DMARC are discarded." We accept `v=DMARC1` in any case, with
/// optional spaces around `=`, followed by `;`, a space or the end.
pub fn is_dmarc_record(text: &str) -> bool {
    let rest = text.trim_start();
    let Some(rest) = rest.strip_prefix(['v', 'V']) else {
        return false;
    };
    let Some(rest) = rest.trim_start().strip_prefix('=') else {
        return false;
    };
    let rest = rest.trim_start();
    // By bytes: a record may hold any UTF-8, and slicing the text at byte 6 would panic
    // inside a multi-byte character (found by the `dmarc_parse` fuzz target).
    let bytes = rest.as_bytes();
    bytes.len() >= 6
        && bytes[..6].eq_ignore_ascii_case(b"DMARC1")
        && rest[6..]
            .chars()
            .next()
            .is_none_or(|c| c == ';' || c.is_whitespace())
}

/// Whether a TXT string at `_dmarc` was meant as a DMARC record even though
/// receivers may discard it (a `v=DMARC1` tag that is not first, `v=DMARC2`…).
pub fn looks_like_dmarc(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    is_dmarc_record(text)
        || lower.trim_start().starts_with("v=dmarc")
        || lower.contains("v=dmarc1")
        || (lower.contains("p=") && (lower.contains("rua=") || lower.contains("adkim=")))
}

/// Reads a record. Never fails: see [`Record::diagnostics`].
pub fn parse(text: &str) -> Record {
    let (tags, problems) = parse_tag_list(text);
    let mut diags = Vec::new();
    let mut push = |code, tag: &str, value: &str, span| {
        diags.push(Diagnostic {
            code,
            tag: tag.to_owned(),
            value: value.to_owned(),
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
    if !is_dmarc_record(text) {
        match tags.iter().find(|t| t.key() == "v") {
            Some(v) if v.value.eq_ignore_ascii_case("DMARC1") => {
                push(DiagCode::VersionNotFirst, "v", &v.value, v.span)
            }
            Some(v) => push(DiagCode::BadVersion, "v", &v.value, v.value_span),
            None => {
                let end = text.find(';').unwrap_or(text.len());
                push(DiagCode::VersionNotFirst, "v", "", Span::new(0, end))
            }
        }
    }
    let mut record = Record {
        text: text.to_owned(),
        tags: tags.clone(),
        p: None,
        sp: None,
        np: None,
        pct: None,
        testing: None,
        psd: None,
        adkim: None,
        aspf: None,
        fo: None,
        rua: Vec::new(),
        ruf: Vec::new(),
        unknown_tags: Vec::new(),
        generation: Generation::Both,
        diagnostics: Vec::new(),
    };
    for tag in &tags {
        let key = tag.key();
        let value = tag.value.as_str();
        let lower = value.to_ascii_lowercase();
        let vspan = tag.value_span;
        match key.as_str() {
            "v" => {}
            "p" | "sp" | "np" => match Policy::parse(value) {
                Some(policy) => match key.as_str() {
                    "p" => record.p = Some(policy),
                    "sp" => record.sp = Some(policy),
                    _ => record.np = Some(policy),
                },
                None => push(DiagCode::BadPolicy, &key, value, vspan),
            },
            "pct" => match value.parse::<u8>() {
                Ok(n) if n <= 100 => record.pct = Some(n),
                _ => push(DiagCode::BadPct, &key, value, vspan),
            },
            "adkim" | "aspf" => {
                let mode = match lower.as_str() {
                    "r" => Some(super::Alignment::Relaxed),
                    "s" => Some(super::Alignment::Strict),
                    _ => None,
                };
                match (mode, key.as_str()) {
                    (Some(m), "adkim") => record.adkim = Some(m),
                    (Some(m), _) => record.aspf = Some(m),
                    (None, _) => push(DiagCode::BadAlignment, &key, value, vspan),
                }
            }
            "fo" => {
                let ok = lower
                    .split(':')
                    .all(|o| matches!(o.trim(), "0" | "1" | "d" | "s"));
                if ok {
                    record.fo = Some(value.to_owned());
                } else {
                    push(DiagCode::BadFo, &key, value, vspan);
                }
            }
            "rua" | "ruf" => {
                let mut offset = vspan.start;
                for part in value.split(',') {
                    let lead = part.len() - part.trim_start().len();
                    let uri = part.trim();
                    let span = Span::new(offset + lead, offset + lead + uri.len());
                    offset += part.len() + 1;
                    match parse_uri(uri, span) {
                        Some(u) if key == "rua" => record.rua.push(u),
                        Some(u) => record.ruf.push(u),
                        None => push(DiagCode::BadUri, &key, uri, span),
                    }
                }
            }
            "t" => match lower.as_str() {
                "y" => record.testing = Some(true),
                "n" => record.testing = Some(false),
                _ => push(DiagCode::BadTesting, &key, value, vspan),
            },
            "psd" => match lower.as_str() {
                "y" | "n" | "u" => record.psd = lower.chars().next(),
                _ => push(DiagCode::BadPsd, &key, value, vspan),
            },
            "rf" => {
                if !lower
                    .split(':')
                    .all(|f| matches!(f.trim(), "afrf" | "iodef"))
                {
                    push(DiagCode::BadRf, &key, value, vspan);
                }
            }
            "ri" => {
                if value.parse::<u32>().is_err() {
                    push(DiagCode::BadRi, &key, value, vspan);
                }
            }
            _ => {
                record.unknown_tags.push(tag.name.clone());
                push(DiagCode::UnknownTag, &tag.name, value, tag.span);
            }
        }
    }
    if !tags.iter().any(|t| t.key() == "p") {
        let end = tags.first().map_or(0, |t| t.span.end);
        push(DiagCode::PolicyMissing, "p", "", Span::new(end, end));
    }
    let has = |k: &str| tags.iter().any(|t| t.key() == k);
    let old = has("pct") || has("rf") || has("ri");
    let new = has("t") || has("psd");
    record.generation = match (old, new) {
        (false, false) => Generation::Both,
        (true, false) => Generation::Rfc7489,
        (false, true) => Generation::Rfc9989,
        (true, true) => Generation::Mixed,
    };
    if has("pct") && has("t") {
        let pct = tags.iter().find(|t| t.key() == "pct").map(|t| t.span);
        push(
            DiagCode::MixedGenerations,
            "pct",
            "",
            pct.unwrap_or_default(),
        );
    }
    diags.sort_by_key(|d| d.span.start);
    record.diagnostics = diags;
    record
}

/// Reads one report URI: `mailto:` with an address, or `https://` with a host, and
/// an optional `!size` limit.
fn parse_uri(text: &str, span: Span) -> Option<ReportUri> {
    let (uri, size) = match text.rsplit_once('!') {
        Some((uri, size)) => {
            let digits = size.trim_end_matches(|c: char| "kmgtKMGT".contains(c));
            let ok = !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && size.len() - digits.len() <= 1;
            if !ok {
                return None;
            }
            (uri, Some(size.to_owned()))
        }
        None => (text, None),
    };
    let lower = uri.to_ascii_lowercase();
    let host = if let Some(addr) = lower.strip_prefix("mailto:") {
        let addr = addr.split('?').next().unwrap_or_default();
        let (local, host) = addr.rsplit_once('@')?;
        if local.is_empty() {
            return None;
        }
        host.to_owned()
    } else if let Some(rest) = lower.strip_prefix("https://") {
        rest.split(['/', ':', '?', '#'])
            .next()
            .unwrap_or_default()
            .to_owned()
    } else {
        return None;
    };
    is_host_name(&host).then(|| ReportUri {
        uri: uri.to_owned(),
        size,
        host: Some(host),
        span,
    })
}

/// A host name of at least two labels of letters, digits and inner hyphens.
fn is_host_name(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    host.contains('.')
        && host.len() <= 253
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::super::Alignment;
    use super::*;

    fn codes(text: &str) -> Vec<(DiagCode, String)> {
        parse(text)
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.tag))
            .collect()
    }

    #[test]
    fn valid_rfc7489_record() {
        let r = parse(
            "v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:agg@example.com!10m, \
             mailto:x@rep.example.net; ruf=mailto:f@example.com; adkim=s; aspf=r; fo=0:1:d; \
             rf=afrf; ri=86400",
        );
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert_eq!(r.p, Some(Policy::Quarantine));
        assert_eq!(r.sp, Some(Policy::Reject));
        assert_eq!(r.pct, Some(50));
        assert_eq!(r.adkim, Some(Alignment::Strict));
        assert_eq!(r.rua.len(), 2);
        assert_eq!(r.rua[0].size.as_deref(), Some("10m"));
        assert_eq!(r.rua[1].host.as_deref(), Some("rep.example.net"));
        assert_eq!(r.generation, Generation::Rfc7489);
    }

    #[test]
    fn valid_rfc9989_record() {
        let r = parse("v=DMARC1; p=reject; np=reject; t=y; psd=n; rua=mailto:d@example.com");
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert_eq!(r.testing, Some(true));
        assert_eq!(r.psd, Some('n'));
        assert_eq!(r.np, Some(Policy::Reject));
        assert_eq!(r.generation, Generation::Rfc9989);
        assert_eq!(r.effective_p().tested(), Policy::Quarantine);
    }

    #[test]
    fn minimal_record_is_valid_under_both() {
        let r = parse("v=DMARC1;p=none");
        assert!(r.diagnostics.is_empty());
        assert_eq!(r.generation, Generation::Both);
        assert!(is_dmarc_record("v = DMARC1 ; p=none"));
        assert!(!is_dmarc_record("v=DMARC10; p=none"));
    }

    #[test]
    fn invalid_records_name_the_wrong_tag() {
        let table: &[(&str, DiagCode, &str)] = &[
            ("p=reject; v=DMARC1", DiagCode::VersionNotFirst, "v"),
            ("v=DMARC2; p=reject", DiagCode::BadVersion, "v"),
            ("v=DMARC1; p=block", DiagCode::BadPolicy, "p"),
            ("v=DMARC1; p=none; sp=rejected", DiagCode::BadPolicy, "sp"),
            ("v=DMARC1; p=none; pct=150", DiagCode::BadPct, "pct"),
            ("v=DMARC1; p=none; pct=50%", DiagCode::BadPct, "pct"),
            (
                "v=DMARC1; p=none; adkim=relaxed",
                DiagCode::BadAlignment,
                "adkim",
            ),
            ("v=DMARC1; p=none; aspf=x", DiagCode::BadAlignment, "aspf"),
            ("v=DMARC1; p=none; fo=2", DiagCode::BadFo, "fo"),
            (
                "v=DMARC1; p=none; rua=dmarc@example.com",
                DiagCode::BadUri,
                "rua",
            ),
            (
                "v=DMARC1; p=none; ruf=mailto:example.com",
                DiagCode::BadUri,
                "ruf",
            ),
            (
                "v=DMARC1; p=none; rua=mailto:a@b.com!10x",
                DiagCode::BadUri,
                "rua",
            ),
            ("v=DMARC1; p=none; t=yes", DiagCode::BadTesting, "t"),
            ("v=DMARC1; p=none; psd=x", DiagCode::BadPsd, "psd"),
            (
                "v=DMARC1; rua=mailto:a@example.com",
                DiagCode::PolicyMissing,
                "p",
            ),
            ("v=DMARC1; p=none; p=reject", DiagCode::DuplicateTag, "p"),
            ("v=DMARC1; p=none; reject", DiagCode::BadTag, "reject"),
        ];
        for (text, code, tag) in table {
            let found = codes(text);
            assert!(
                found.iter().any(|(c, t)| c == code && t == tag),
                "{text}: expected {code:?} on {tag}, got {found:?}"
            );
            assert!(parse(text).has_errors(), "{text}");
        }
    }

    /// Found by the `dmarc_parse` fuzz target: a multi-byte character across byte 6 after
    /// `v=` panicked when the version was sliced out of the text.
    #[test]
    fn non_ascii_after_v_is_not_a_record_and_does_not_panic() {
        for text in [
            "v=DMA\0n\u{673}",
            "v=DMARC\u{e9}",
            "v=\u{1F600}\u{1F600}",
            "v=DMARC1",
        ] {
            let record = parse(text);
            assert_eq!(record.text, text);
        }
        assert!(!is_dmarc_record("v=DMA\0n\u{673}"));
        assert!(is_dmarc_record("v=DMARC1; p=none"));
    }

    #[test]
    fn unknown_tags_are_notes_not_errors() {
        let r = parse("v=DMARC1; p=reject; foo=bar");
        assert_eq!(r.unknown_tags, ["foo"]);
        assert!(!r.has_errors());
        let mixed = parse("v=DMARC1; p=reject; pct=100; t=n");
        assert_eq!(mixed.generation, Generation::Mixed);
        assert!(!mixed.has_errors());
    }

    #[test]
    fn bad_uri_span_points_at_the_uri() {
        let text = "v=DMARC1; p=none; rua=mailto:ok@example.com, bad";
        let r = parse(text);
        let d = &r.diagnostics[0];
        assert_eq!(&text[d.span.start..d.span.end], "bad");
        assert_eq!(r.rua.len(), 1);
    }

    #[test]
    fn corrected_and_upgraded_records() {
        let r = parse("p=none; v=DMARC1; adkim=relaxed; rua=mailto:a@example.com, junk");
        assert_eq!(r.corrected(), "v=DMARC1; p=none; rua=mailto:a@example.com");
        let r = parse("v=DMARC1; p=none; sp=none; pct=20; rua=mailto:a@example.com");
        assert_eq!(
            r.with_policy(Policy::Quarantine),
            "v=DMARC1; p=quarantine; rua=mailto:a@example.com"
        );
    }
}
