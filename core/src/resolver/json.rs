//! Reading the DoH JSON dialects (Google `dns.google/resolve`, Cloudflare
//! `cloudflare-dns.com/dns-query`, and `inboxable-doh`) into one typed [`Answer`].
//!
//! The dialects agree on the envelope (`Status`, `AD`, `Answer[{name,type,TTL,data}]`)
//! and differ in TXT `data`: Cloudflare wraps each character-string in quotes and
//! concatenates them (`"a""b"`, inner quotes sometimes unescaped); Google now returns
//! the strings unquoted and already joined. See `shared/reference/dns-facts.md` §1.
//! There is no crate for this JSON format, hence this module.

use std::collections::HashMap;

use serde::Deserialize;

use crate::dns::{
    Answer, LookupError, LookupResult, Question, RData, Record, RecordType, Txt, normalize_name,
};

#[derive(Deserialize)]
struct Body {
    #[serde(rename = "Status")]
    status: u16,
    #[serde(rename = "AD", default)]
    ad: bool,
    #[serde(rename = "Answer", default)]
    answer: Vec<JsonRecord>,
}

#[derive(Deserialize)]
struct JsonRecord {
    name: String,
    #[serde(rename = "type")]
    rtype: u16,
    #[serde(rename = "TTL", default)]
    ttl: u32,
    #[serde(default)]
    data: String,
}

/// Reads a JSON DoH response body for `question`.
///
/// NOERROR with no record of the asked type is NODATA whatever else the Answer
/// section holds; SERVFAIL, REFUSED and other RCODEs become errors, never "absent".
pub fn parse_body(question: &Question, body: &str) -> LookupResult {
    let body: Body = serde_json::from_str(body).map_err(|e| LookupError::Malformed {
        reason: format!("not a DoH JSON answer: {e}"),
    })?;
    let nxdomain = match body.status {
        0 => false,
        3 => true,
        2 => return Err(LookupError::ServFail),
        5 => return Err(LookupError::Refused),
        rcode => return Err(LookupError::Rcode { rcode }),
    };

    // Follow the CNAME chain from the asked name, bounded against loops.
    let aliases: HashMap<String, String> = body
        .answer
        .iter()
        .filter(|r| r.rtype == RecordType::CNAME.0)
        .map(|r| (normalize_name(&r.name), normalize_name(&r.data)))
        .collect();
    let mut cnames = Vec::new();
    let mut owner = question.name.clone();
    if question.rtype != RecordType::CNAME {
        while let Some(target) = aliases.get(&owner) {
            if cnames.len() >= 16 || cnames.iter().any(|(a, _): &(String, String)| a == target) {
                break;
            }
            cnames.push((owner.clone(), target.clone()));
            owner = target.clone();
        }
    }
    let owners: Vec<&str> = std::iter::once(question.name.as_str())
        .chain(cnames.iter().map(|(_, t)| t.as_str()))
        .collect();

    let mut records = Vec::new();
    for r in &body.answer {
        let name = normalize_name(&r.name);
        if r.rtype != question.rtype.0 || !owners.contains(&name.as_str()) {
            continue;
        }
        let data =
            parse_rdata(RecordType(r.rtype), &r.data).map_err(|reason| LookupError::Malformed {
                reason: format!("{} record {:?}: {reason}", RecordType(r.rtype), r.data),
            })?;
        records.push(Record {
            name,
            rtype: RecordType(r.rtype),
            ttl: r.ttl,
            data,
        });
    }
    Ok(Answer {
        question: question.clone(),
        nxdomain,
        records,
        cnames,
        authenticated: body.ad,
    })
}

fn parse_rdata(rtype: RecordType, data: &str) -> Result<RData, String> {
    let data = data.trim();
    Ok(match rtype {
        RecordType::A => RData::A {
            address: data.parse().map_err(|_| "not an IPv4 address".to_owned())?,
        },
        RecordType::AAAA => RData::Aaaa {
            address: data.parse().map_err(|_| "not an IPv6 address".to_owned())?,
        },
        RecordType::MX => {
            let (pref, host) = data
                .split_once(char::is_whitespace)
                .ok_or_else(|| "MX without a host".to_owned())?;
            RData::Mx {
                preference: pref.parse().map_err(|_| "bad MX preference".to_owned())?,
                exchange: normalize_name(host),
            }
        }
        RecordType::TXT | RecordType::SPF => RData::Txt(parse_txt(data)),
        RecordType::PTR | RecordType::CNAME | RecordType::NS => RData::Name {
            target: normalize_name(data),
        },
        _ => RData::Other {
            text: data.to_owned(),
        },
    })
}

/// Splits TXT `data` into its character-strings.
///
/// Quoted form (Cloudflare, inboxable-doh, Google's older answers): each string in
/// double quotes, concatenated with no separator (a space between is tolerated).
/// A quote closes a string only when it is followed by another quote, by spaces and
/// a quote, or by the end — so unescaped inner quotes, which Cloudflare emits, stay
/// inside their string (the rule of Cloudflare's own `normalizeTxt`). `\"`, `\\` and
/// `\DDD` escapes are decoded. Anything not wrapped in quotes is one string whose
/// boundaries were lost (Google's current answers).
pub fn parse_txt(data: &str) -> Txt {
    let quoted = data.len() >= 2 && data.starts_with('"') && data.ends_with('"');
    if !quoted {
        return Txt {
            strings: vec![data.to_owned()],
            boundaries_known: false,
        };
    }
    let bytes = data.as_bytes();
    let mut strings = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut i = 1; // just past the opening quote
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if i + 1 < bytes.len() => {
                let digits = &bytes[i + 1..bytes.len().min(i + 4)];
                if digits.len() == 3 && digits.iter().all(u8::is_ascii_digit) {
                    let value = digits
                        .iter()
                        .fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
                    current.push(u8::try_from(value).unwrap_or(b'?'));
                    i += 4;
                } else {
                    current.push(bytes[i + 1]);
                    i += 2;
                }
            }
            b'"' => {
                let rest = &data[i + 1..];
                let after_space = rest.trim_start_matches(' ');
                if rest.is_empty() || after_space.starts_with('"') {
                    strings.push(String::from_utf8_lossy(&current).into_owned());
                    current.clear();
                    if rest.is_empty() {
                        break;
                    }
                    // Skip the spaces and the next string's opening quote.
                    i = data.len() - after_space.len() + 1;
                } else {
                    current.push(b'"');
                    i += 1;
                }
            }
            b => {
                current.push(b);
                i += 1;
            }
        }
    }
    Txt {
        strings,
        boundaries_known: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(name: &str, t: RecordType) -> Question {
        Question::new(name, t)
    }

    /// Cloudflare's documented answer shape (dns-facts.md §1.1), TXT split in two.
    #[test]
    fn cloudflare_txt_quoted_and_concatenated() {
        let body = r#"{"Status":0,"TC":false,"RD":true,"RA":true,"AD":true,"CD":false,
            "Question":[{"name":"example.com","type":16}],
            "Answer":[{"name":"example.com","type":16,"TTL":300,"data":"\"v=spf1 include:_spf.example.net \"\"-all\""}]}"#;
        let a = parse_body(&q("example.com", RecordType::TXT), body).unwrap();
        assert!(a.authenticated);
        let RData::Txt(txt) = &a.records[0].data else {
            panic!()
        };
        assert_eq!(txt.strings, ["v=spf1 include:_spf.example.net ", "-all"]);
        assert!(txt.boundaries_known);
        assert_eq!(a.txt_values(), ["v=spf1 include:_spf.example.net -all"]);
    }

    /// workerd issue #3325: inner quotes may arrive unescaped.
    #[test]
    fn cloudflare_txt_with_unescaped_inner_quotes() {
        let txt = parse_txt(r#""test""test""test with " quote""#);
        assert_eq!(txt.strings, ["test", "test", "test with \" quote"]);
    }

    #[test]
    fn escaped_quotes_backslashes_and_decimal_escapes() {
        let txt = parse_txt(r#""a\"b\\c\059d""#);
        assert_eq!(txt.strings, ["a\"b\\c;d"]);
    }

    #[test]
    fn space_separated_quoted_strings() {
        assert_eq!(parse_txt(r#""a" "b""#).strings, ["a", "b"]);
        assert_eq!(parse_txt(r#""""#).strings, [""]);
    }

    /// Google's current answers: unquoted, already joined (dns-facts.md §1.2).
    #[test]
    fn google_txt_unquoted_and_joined() {
        let body = r#"{"Status":0,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,
            "Question":[{"name":"20230601._domainkey.gmail.com.","type":16}],
            "Answer":[{"name":"20230601._domainkey.gmail.com.","type":16,"TTL":3600,"data":"v=DKIM1; k=rsa; p=MIIBIjANBgkqh"}],
            "Comment":"Response from 216.239.32.10."}"#;
        let a = parse_body(&q("20230601._domainkey.gmail.com", RecordType::TXT), body).unwrap();
        let RData::Txt(txt) = &a.records[0].data else {
            panic!()
        };
        assert!(!txt.boundaries_known);
        assert_eq!(txt.joined(), "v=DKIM1; k=rsa; p=MIIBIjANBgkqh");
    }

    /// Google's older documented TXT example: quoted strings with no separator.
    #[test]
    fn google_old_txt_quoted() {
        let txt = parse_txt(r#""k=rsa;  p=MIGf...gfm""JiDJ...;""#);
        assert_eq!(txt.strings, ["k=rsa;  p=MIGf...gfm", "JiDJ...;"]);
    }

    #[test]
    fn nxdomain_with_soa_in_authority() {
        let body = r#"{"Status":3,"TC":false,"RD":true,"RA":true,"AD":false,"CD":false,
            "Question":[{"name":"nope.example.com.","type":1}],
            "Authority":[{"name":"example.com.","type":6,"TTL":1800,"data":"ns.example.com. dns.example.com. 1 10000 2400 604800 1800"}]}"#;
        let a = parse_body(&q("nope.example.com", RecordType::A), body).unwrap();
        assert!(a.nxdomain && a.is_void());
        assert_eq!(a.outcome(), "NXDOMAIN");
    }

    /// pitfalls.md: NOERROR with no record of the asked type is NODATA, whatever else.
    #[test]
    fn black_lie_is_nodata() {
        let body = r#"{"Status":0,"Question":[{"name":"example.com.","type":16}],
            "Answer":[{"name":"example.com.","type":47,"TTL":300,"data":"\\# 10 00"}]}"#;
        let a = parse_body(&q("example.com", RecordType::TXT), body).unwrap();
        assert!(a.is_nodata());
    }

    #[test]
    fn cname_chain_followed_and_filtered_by_type() {
        let body = r#"{"Status":0,"Answer":[
            {"name":"sel._domainkey.example.com.","type":5,"TTL":60,"data":"sel.dkim.esp.example."},
            {"name":"sel.dkim.esp.example.","type":5,"TTL":60,"data":"key.esp.example."},
            {"name":"key.esp.example.","type":16,"TTL":60,"data":"\"v=DKIM1; p=AAA\""},
            {"name":"unrelated.example.","type":16,"TTL":60,"data":"\"x\""}]}"#;
        let a = parse_body(&q("sel._domainkey.example.com", RecordType::TXT), body).unwrap();
        assert_eq!(a.cnames.len(), 2);
        assert_eq!(a.txt_values(), ["v=DKIM1; p=AAA"]);
    }

    #[test]
    fn cname_loop_terminates() {
        let body = r#"{"Status":0,"Answer":[
            {"name":"a.example.","type":5,"TTL":60,"data":"b.example."},
            {"name":"b.example.","type":5,"TTL":60,"data":"a.example."}]}"#;
        let a = parse_body(&q("a.example", RecordType::A), body).unwrap();
        assert!(a.is_nodata());
        assert!(a.cnames.len() <= 2);
    }

    #[test]
    fn errors_are_errors_not_empty_answers() {
        let servfail = r#"{"Status":2,"Comment":"EDE: 22 (No Reachable Authority)"}"#;
        assert_eq!(
            parse_body(&q("x.example", RecordType::A), servfail),
            Err(LookupError::ServFail)
        );
        assert_eq!(
            parse_body(&q("x.example", RecordType::A), r#"{"Status":5}"#),
            Err(LookupError::Refused)
        );
        assert!(matches!(
            parse_body(&q("x.example", RecordType::A), "<html>oops"),
            Err(LookupError::Malformed { .. })
        ));
        let bad_a =
            r#"{"Status":0,"Answer":[{"name":"x.example.","type":1,"TTL":1,"data":"not-ip"}]}"#;
        assert!(matches!(
            parse_body(&q("x.example", RecordType::A), bad_a),
            Err(LookupError::Malformed { .. })
        ));
    }

    #[test]
    fn mx_and_ptr_and_null_mx() {
        let body = r#"{"Status":0,"Answer":[{"name":"example.com.","type":15,"TTL":300,"data":"10 Mail.Example.com."},
            {"name":"example.com.","type":15,"TTL":300,"data":"0 ."}]}"#;
        let a = parse_body(&q("example.com", RecordType::MX), body).unwrap();
        assert_eq!(
            a.records[0].data,
            RData::Mx {
                preference: 10,
                exchange: "mail.example.com".into()
            }
        );
        assert_eq!(
            a.records[1].data,
            RData::Mx {
                preference: 0,
                exchange: String::new()
            }
        );
    }
}
