//! The JSON DoH dialect (Google / Cloudflare schema): parameter parsing and rendering.

use std::fmt::Write as _;

use hickory_proto::op::Message;
use hickory_proto::rr::{Name, RData, Record, RecordType};

use crate::zones::parse_record_type;

/// Parses the `name` parameter as Google documents it: 1–253 characters without the trailing
/// dot, labels of 1–63, ASCII only (IDNs as punycode).
pub fn parse_name(text: &str) -> Result<Name, String> {
    if text.is_empty() {
        return Err("name is missing".into());
    }
    if text == "." {
        return Ok(Name::root());
    }
    let bare = text.strip_suffix('.').unwrap_or(text);
    if !text.is_ascii() {
        return Err(format!(
            "name {text:?} is not ASCII; send IDNs as punycode (xn--)"
        ));
    }
    if bare.len() > 253 {
        return Err("name is longer than 253 characters".into());
    }
    if bare
        .split('.')
        .any(|label| label.is_empty() || label.len() > 63)
    {
        return Err(format!("name {text:?} has an empty or over-long label"));
    }
    let mut name = Name::from_ascii(bare).map_err(|e| format!("invalid name {text:?}: {e}"))?;
    name.set_fqdn(true);
    Ok(name)
}

/// Parses `type`: a mnemonic (any case), `TYPEnnn`, or a number 1–65535. Missing means A.
pub fn parse_type(text: Option<&str>) -> Result<RecordType, String> {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return Ok(RecordType::A);
    };
    if let Ok(number) = text.parse::<u16>() {
        return match number {
            0 => Err("type 0 is not a valid query type".into()),
            n => Ok(RecordType::from(n)),
        };
    }
    if text.eq_ignore_ascii_case("ANY") {
        return Ok(RecordType::ANY);
    }
    parse_record_type(text).ok_or_else(|| format!("invalid type {text:?}"))
}

/// Parses `do` / `cd`: "either empty or one of 0, false, 1, or true" (Cloudflare).
pub fn parse_flag(param: &str, value: Option<&str>) -> Result<bool, String> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None | Some("" | "0" | "false") => Ok(false),
        Some("1" | "true") => Ok(true),
        Some(other) => Err(format!(
            "Invalid {} flag `{other}`. Expected to be empty or one of 0, false, 1, or true",
            param.to_ascii_uppercase()
        )),
    }
}

/// Writes character-strings the Cloudflare way: each in double quotes, no separator, with `"`
/// and `\` backslash-escaped and bytes outside printable ASCII as `\DDD`.
pub fn quote_strings<'a>(strings: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut out = String::new();
    for s in strings {
        out.push('"');
        for &byte in s {
            match byte {
                b'"' | b'\\' => {
                    out.push('\\');
                    out.push(char::from(byte));
                }
                0x20..=0x7e => out.push(char::from(byte)),
                _ => {
                    let _ = write!(out, "\\{byte:03}");
                }
            }
        }
        out.push('"');
    }
    out
}

/// Splits wire-format character-strings; `None` when the lengths do not add up.
fn split_character_strings(mut data: &[u8]) -> Option<Vec<&[u8]>> {
    let mut strings = Vec::new();
    while let Some((&len, rest)) = data.split_first() {
        let len = usize::from(len);
        if rest.len() < len {
            return None;
        }
        strings.push(&rest[..len]);
        data = &rest[len..];
    }
    Some(strings)
}

fn hex(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 2);
    for byte in data {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The RFC 3597 section 5 generic form, `\# <length> <hex>`.
fn generic(data: &[u8]) -> String {
    if data.is_empty() {
        "\\# 0".to_string()
    } else {
        format!("\\# {} {}", data.len(), hex(data))
    }
}

/// The presentation form of a record's data, as the JSON `data` field carries it.
pub fn rdata_text(record: &Record) -> String {
    match &record.data {
        RData::A(a) => a.to_string(),
        RData::AAAA(aaaa) => aaaa.to_string(),
        RData::CNAME(name) => name.0.to_ascii(),
        RData::NS(name) => name.0.to_ascii(),
        RData::PTR(name) => name.0.to_ascii(),
        RData::ANAME(name) => name.0.to_ascii(),
        RData::MX(mx) => format!("{} {}", mx.preference, mx.exchange.to_ascii()),
        RData::TXT(txt) => quote_strings(txt.txt_data.iter().map(|s| &s[..])),
        RData::SOA(soa) => format!(
            "{} {} {} {} {} {} {}",
            soa.mname.to_ascii(),
            soa.rname.to_ascii(),
            soa.serial,
            soa.refresh,
            soa.retry,
            soa.expire,
            soa.minimum
        ),
        RData::SRV(srv) => format!(
            "{} {} {} {}",
            srv.priority,
            srv.weight,
            srv.port,
            srv.target.to_ascii()
        ),
        RData::CAA(caa) => {
            let flags = if caa.issuer_critical { 128 } else { 0 } | caa.reserved_flags;
            format!(
                "{flags} {} {}",
                caa.tag,
                quote_strings(std::iter::once(caa.value.as_slice()))
            )
        }
        RData::TLSA(tlsa) => format!(
            "{} {} {} {}",
            u8::from(tlsa.cert_usage),
            u8::from(tlsa.selector),
            u8::from(tlsa.matching),
            hex(&tlsa.cert_data)
        ),
        // SPF (type 99) has TXT's wire format, so it is shown like TXT when it parses as such.
        RData::Unknown { code, rdata } if u16::from(*code) == 99 => {
            match split_character_strings(&rdata.anything) {
                Some(strings) if !strings.is_empty() => quote_strings(strings),
                _ => generic(&rdata.anything),
            }
        }
        RData::Unknown { rdata, .. } => generic(&rdata.anything),
        RData::NULL(null) => generic(&null.anything),
        other => other.to_string(),
    }
}

/// One record in the JSON schema.
#[derive(Debug, serde::Serialize)]
struct JsonRecord {
    name: String,
    #[serde(rename = "type")]
    rtype: u16,
    #[serde(rename = "TTL")]
    ttl: u32,
    data: String,
}

/// One question in the JSON schema.
#[derive(Debug, serde::Serialize)]
struct JsonQuestion {
    name: String,
    #[serde(rename = "type")]
    rtype: u16,
}

/// A response in the Google/Cloudflare JSON schema, fields in their documented order.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
struct JsonResponse {
    status: u16,
    #[serde(rename = "TC")]
    tc: bool,
    #[serde(rename = "RD")]
    rd: bool,
    #[serde(rename = "RA")]
    ra: bool,
    #[serde(rename = "AD")]
    ad: bool,
    #[serde(rename = "CD")]
    cd: bool,
    question: Vec<JsonQuestion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    answer: Vec<JsonRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authority: Vec<JsonRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    additional: Vec<JsonRecord>,
}

fn records(records: &[Record]) -> Vec<JsonRecord> {
    records
        .iter()
        .map(|r| JsonRecord {
            name: r.name.to_ascii(),
            rtype: u16::from(r.record_type()),
            ttl: r.ttl,
            data: rdata_text(r),
        })
        .collect()
}

/// Renders a response in the Google/Cloudflare JSON schema; empty sections are omitted.
/// It returns bytes rather than a `serde_json::Value` because a `Value` would sort the keys.
pub fn render(message: &Message) -> Vec<u8> {
    let meta = &message.metadata;
    let response = JsonResponse {
        status: u16::from(meta.response_code),
        tc: meta.truncation,
        // The JSON API always asks for and offers recursion (Cloudflare documents both as
        // "always true"), whatever the authoritative answer's own bits say.
        rd: true,
        ra: true,
        ad: meta.authentic_data,
        cd: meta.checking_disabled,
        question: message
            .queries
            .iter()
            .map(|q| JsonQuestion {
                name: q.name().to_ascii(),
                rtype: u16::from(q.query_type()),
            })
            .collect(),
        answer: records(&message.answers),
        authority: records(&message.authorities),
        additional: records(&message.additionals),
    };
    // Serialising plain strings, numbers and booleans cannot fail.
    serde_json::to_vec(&response).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zones::parse_zone;

    fn data_of(line: &str) -> String {
        let zone = parse_zone(line, Some(Name::from_ascii("example.com.").unwrap())).unwrap();
        rdata_text(&zone.records[0])
    }

    #[test]
    fn txt_quoting_matches_cloudflare() {
        assert_eq!(
            data_of("@ 60 TXT \"v=spf1 \" \"-all\""),
            r#""v=spf1 ""-all""#
        );
        assert_eq!(
            data_of(r#"@ 60 TXT "a\"b\\c" "\009\255""#),
            r#""a\"b\\c""\009\255""#
        );
        assert_eq!(data_of("@ 60 SPF \"v=spf1 -all\""), r#""v=spf1 -all""#);
    }

    #[test]
    fn presentation_formats() {
        assert_eq!(data_of("@ 60 MX 10 mail"), "10 mail.example.com.");
        assert_eq!(
            data_of("@ 60 SOA ns1 hostmaster 1 2 3 4 5"),
            "ns1.example.com. hostmaster.example.com. 1 2 3 4 5"
        );
        assert_eq!(
            data_of("@ 60 CAA 0 issue \"letsencrypt.org\""),
            r#"0 issue "letsencrypt.org""#
        );
        assert_eq!(data_of("@ 60 TLSA 3 1 1 ABCDEF01"), "3 1 1 abcdef01");
        assert_eq!(data_of("@ 60 TYPE65400 \\# 2 0A0b"), "\\# 2 0a0b");
        assert_eq!(data_of("@ 60 AAAA 2001:DB8::1"), "2001:db8::1");
    }

    #[test]
    fn parameters() {
        assert_eq!(parse_type(Some("txt")), Ok(RecordType::TXT));
        assert_eq!(parse_type(Some("16")), Ok(RecordType::TXT));
        assert_eq!(parse_type(Some("spf")), Ok(RecordType::from(99)));
        assert_eq!(parse_type(None), Ok(RecordType::A));
        assert!(parse_type(Some("bogus")).is_err());
        assert!(parse_type(Some("70000")).is_err());
        assert_eq!(
            parse_name("Example.COM").unwrap().to_ascii(),
            "Example.COM."
        );
        assert!(parse_name("example..com").is_err());
        assert!(parse_name(".example.com").is_err());
        assert!(parse_name("").is_err());
        assert!(parse_name("bücher.example").is_err());
        assert_eq!(parse_flag("do", Some("1")), Ok(true));
        assert!(parse_flag("cd", Some("2")).is_err());
    }
}
