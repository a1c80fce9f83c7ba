//! Reading RFC 1035 master files into records.
//!
//! The record boundaries (owner, TTL, class, type, `$ORIGIN`, `$TTL`, parentheses, comments) are
//! split here, and the RDATA of ordinary types is handed to hickory-proto's own zone `Parser`.
//! Three things are deliberately done here instead of in hickory 0.26:
//! - TXT and SPF character-strings: hickory's lexer decodes `\DDD` as `(d1<<16)+(d2<<8)+d3` and
//!   pushes it as a Unicode char, so escaped bytes would not round-trip exactly, and the checks
//!   downstream depend on TXT bytes being exact.
//! - type 99 (SPF), `TYPEnnn` and the RFC 3597 `\# len hex` syntax, which hickory's parser rejects
//!   (`UnsupportedRecordType`), but which a fixture server must serve ("any type in the file").
//! - error positions: every error names the file line, which hickory's parser does not report.

use std::str::FromStr;

use hickory_proto::rr::rdata::{NULL, TXT};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use hickory_proto::serialize::binary::{BinDecoder, Restrict};
use hickory_proto::serialize::txt::{Parser, parse_ttl};

/// A zone-file problem, with the 1-based line where the offending entry starts.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    /// The line on which the entry started.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn err(line: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        line,
        message: message.into(),
    }
}

/// One token of a master file: its source text and its decoded bytes.
#[derive(Debug, Clone)]
struct Token {
    /// The text as written, quotes included, so it can be handed to hickory unchanged.
    raw: String,
    /// The bytes after removing quotes and resolving `\X` and `\DDD` escapes.
    bytes: Vec<u8>,
}

/// One logical entry: a record or a `$` directive, possibly spanning lines in parentheses.
#[derive(Debug)]
struct Entry {
    line: usize,
    /// The entry started with whitespace, so it reuses the previous owner name.
    blank_owner: bool,
    tokens: Vec<Token>,
}

/// Resolves `\X` and `\DDD` escapes into bytes, as RFC 1035 section 5.1 describes.
fn unescape(src: &[u8], line: usize) -> Result<Vec<u8>, ParseError> {
    let mut out = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        if src[i] != b'\\' {
            out.push(src[i]);
            i += 1;
            continue;
        }
        let rest = &src[i + 1..];
        match rest {
            [a, b, c, ..] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
                let value =
                    u32::from(a - b'0') * 100 + u32::from(b - b'0') * 10 + u32::from(c - b'0');
                let byte = u8::try_from(value)
                    .map_err(|_| err(line, format!("escape \\{value} is larger than 255")))?;
                out.push(byte);
                i += 4;
            }
            [a, ..] if a.is_ascii_digit() => {
                return Err(err(line, "a \\DDD escape needs exactly three digits"));
            }
            [x, ..] => {
                out.push(*x);
                i += 2;
            }
            [] => return Err(err(line, "a backslash ends the text")),
        }
    }
    Ok(out)
}

/// Splits master-file text into logical entries.
fn tokenize(text: &str) -> Result<Vec<Entry>, ParseError> {
    let b = text.as_bytes();
    let mut entries = Vec::new();
    let mut current: Option<Entry> = None;
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut line_starts_blank = false;
    let mut at_line_start = true;
    let mut i = 0;

    while i < b.len() {
        let c = b[i];
        if at_line_start && depth == 0 {
            line_starts_blank = c == b' ' || c == b'\t';
            at_line_start = false;
        }
        match c {
            b'\n' => {
                if depth == 0
                    && let Some(entry) = current.take()
                {
                    entries.push(entry);
                }
                line += 1;
                // Inside parentheses the next line continues the entry, so its indentation
                // says nothing about the owner name.
                at_line_start = depth == 0;
                i += 1;
            }
            b';' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'(' => {
                depth += 1;
                i += 1;
            }
            b')' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| err(line, "')' without a matching '('"))?;
                i += 1;
            }
            _ => {
                let start = i;
                let start_line = line;
                let (inner_start, inner_end);
                if c == b'"' {
                    i += 1;
                    inner_start = i;
                    loop {
                        match b.get(i) {
                            None => return Err(err(start_line, "unterminated quoted string")),
                            Some(b'\\') => i += 2,
                            Some(b'"') => break,
                            Some(b'\n') => {
                                line += 1;
                                i += 1;
                            }
                            Some(_) => i += 1,
                        }
                    }
                    inner_end = i;
                    i += 1;
                } else {
                    inner_start = i;
                    while i < b.len() {
                        match b[i] {
                            b'\\' => i += 2,
                            b' ' | b'\t' | b'\r' | b'\n' | b';' | b'(' | b')' | b'"' => break,
                            _ => i += 1,
                        }
                    }
                    i = i.min(b.len());
                    inner_end = i;
                }
                let token = Token {
                    raw: String::from_utf8_lossy(&b[start..i.min(b.len())]).into_owned(),
                    bytes: unescape(&b[inner_start..inner_end.min(b.len())], start_line)?,
                };
                current
                    .get_or_insert_with(|| Entry {
                        line: start_line,
                        blank_owner: line_starts_blank,
                        tokens: Vec::new(),
                    })
                    .tokens
                    .push(token);
            }
        }
    }
    if depth != 0 {
        return Err(err(line, "unclosed '('"));
    }
    if let Some(entry) = current.take() {
        entries.push(entry);
    }
    Ok(entries)
}

/// Parses a record type mnemonic, including `SPF` and RFC 3597 `TYPEnnn`.
pub fn parse_record_type(text: &str) -> Option<RecordType> {
    let upper = text.to_ascii_uppercase();
    if upper == "SPF" {
        return Some(RecordType::from(99));
    }
    if let Some(number) = upper.strip_prefix("TYPE") {
        return number.parse::<u16>().ok().map(RecordType::from);
    }
    match RecordType::from_str(&upper) {
        Ok(RecordType::ANY) | Err(_) => None,
        Ok(rtype) => Some(rtype),
    }
}

fn is_class(text: &str) -> bool {
    matches!(
        text.to_ascii_uppercase().as_str(),
        "IN" | "CH" | "CS" | "HS" | "NONE"
    )
}

fn parse_name(text: &str, origin: &Name, line: usize) -> Result<Name, ParseError> {
    if text == "@" {
        return Ok(origin.clone());
    }
    let mut name = Name::parse(text, Some(origin))
        .map_err(|e| err(line, format!("invalid name {text:?}: {e}")))?;
    name.set_fqdn(true);
    Ok(name)
}

/// Encodes character-strings in wire form (a length byte before each string).
fn character_strings(tokens: &[Token], line: usize) -> Result<Vec<&[u8]>, ParseError> {
    tokens
        .iter()
        .map(|t| {
            if t.bytes.len() > 255 {
                Err(err(line, "a character-string is longer than 255 bytes"))
            } else {
                Ok(t.bytes.as_slice())
            }
        })
        .collect()
}

fn decode_hex(text: &str, line: usize) -> Result<Vec<u8>, ParseError> {
    if !text.len().is_multiple_of(2) {
        return Err(err(line, "odd number of hex digits"));
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
                .ok_or_else(|| err(line, "invalid hex digit in \\# data"))
        })
        .collect()
}

/// Builds RDATA from the RFC 3597 generic form `\# <length> <hex>...`.
fn generic_rdata(rtype: RecordType, tokens: &[Token], line: usize) -> Result<RData, ParseError> {
    let length: usize = tokens
        .get(1)
        .and_then(|t| t.raw.parse().ok())
        .ok_or_else(|| err(line, "\\# must be followed by the data length"))?;
    let hex: String = tokens[2..].iter().map(|t| t.raw.as_str()).collect();
    let bytes = decode_hex(&hex, line)?;
    if bytes.len() != length {
        return Err(err(
            line,
            format!("\\# says {length} bytes but has {}", bytes.len()),
        ));
    }
    if !matches!(rtype, RecordType::Unknown(_)) && !bytes.is_empty() {
        let restrict = Restrict::new(u16::try_from(length).unwrap_or(u16::MAX));
        if let Ok(rdata) = RData::read(&mut BinDecoder::new(&bytes), rtype, restrict) {
            return Ok(rdata);
        }
    }
    Ok(RData::Unknown {
        code: rtype,
        rdata: NULL::with(bytes),
    })
}

/// Builds RDATA for one record, choosing our own parsing or hickory's (see the module comment).
fn build_rdata(
    owner: &Name,
    ttl: u32,
    rtype: RecordType,
    tokens: &[Token],
    origin: &Name,
    line: usize,
) -> Result<RData, ParseError> {
    if tokens.first().is_some_and(|t| t.raw == "\\#") {
        return generic_rdata(rtype, tokens, line);
    }
    let code = u16::from(rtype);
    if rtype == RecordType::TXT {
        return Ok(RData::TXT(TXT::from_bytes(character_strings(
            tokens, line,
        )?)));
    }
    if code == 99 {
        let mut wire = Vec::new();
        for s in character_strings(tokens, line)? {
            // The length fits: character_strings rejects anything over 255 bytes.
            wire.push(s.len() as u8);
            wire.extend_from_slice(s);
        }
        return Ok(RData::Unknown {
            code: rtype,
            rdata: NULL::with(wire),
        });
    }
    if matches!(rtype, RecordType::Unknown(_)) {
        return Err(err(
            line,
            format!("type {code} needs the generic form: \\# <length> <hex>"),
        ));
    }
    let rdata_text: Vec<&str> = tokens.iter().map(|t| t.raw.as_str()).collect();
    let text = format!(
        "$ORIGIN {origin}\n{owner} {ttl} IN {rtype} {}\n",
        rdata_text.join(" ")
    );
    let (_, sets) = Parser::new(text, None, Some(origin.clone()))
        .parse()
        .map_err(|e| err(line, format!("{rtype} record: {e}")))?;
    sets.into_values()
        .flat_map(|set| set.records_without_rrsigs().cloned().collect::<Vec<_>>())
        .next()
        .map(|record| record.data)
        .ok_or_else(|| err(line, "record produced no data"))
}

/// The records of one master file and the origin they belong to.
#[derive(Debug)]
pub struct ParsedZone {
    /// The zone apex: the first `$ORIGIN`, else the origin the caller supplied.
    pub origin: Name,
    /// Every record, in file order.
    pub records: Vec<Record>,
}

/// Parses master-file text. `default_origin` (from the file name) applies when the file does not
/// set `$ORIGIN` before its first record.
pub fn parse_zone(text: &str, default_origin: Option<Name>) -> Result<ParsedZone, ParseError> {
    let mut zone_origin: Option<Name> = None;
    let mut origin = default_origin.clone();
    let mut default_ttl: Option<u32> = None;
    let mut last_ttl: Option<u32> = None;
    let mut last_owner: Option<Name> = None;
    let mut records = Vec::new();

    for entry in tokenize(text)? {
        let line = entry.line;
        let first = &entry.tokens[0];
        if !entry.blank_owner && first.raw.starts_with('$') {
            let argument = entry.tokens.get(1).map(|t| t.raw.as_str());
            match first.raw.to_ascii_uppercase().as_str() {
                "$ORIGIN" => {
                    let arg = argument.ok_or_else(|| err(line, "$ORIGIN needs a name"))?;
                    let name = match &origin {
                        Some(current) => parse_name(arg, current, line)?,
                        None => parse_name(arg, &Name::root(), line)?,
                    };
                    if records.is_empty() && zone_origin.is_none() {
                        zone_origin = Some(name.clone());
                    }
                    origin = Some(name);
                }
                "$TTL" => {
                    let arg = argument.ok_or_else(|| err(line, "$TTL needs a value"))?;
                    default_ttl =
                        Some(parse_ttl(arg).map_err(|e| err(line, format!("bad $TTL: {e}")))?);
                }
                other => return Err(err(line, format!("unsupported directive {other}"))),
            }
            continue;
        }

        let current_origin = origin
            .clone()
            .ok_or_else(|| err(line, "no $ORIGIN and no origin from the file name"))?;
        let mut rest = entry.tokens.as_slice();
        let owner = if entry.blank_owner {
            last_owner
                .clone()
                .ok_or_else(|| err(line, "the first record has no owner name"))?
        } else {
            let name = parse_name(&rest[0].raw, &current_origin, line)?;
            rest = &rest[1..];
            name
        };

        let mut ttl = None;
        let mut rtype = None;
        while let Some(token) = rest.first() {
            rest = &rest[1..];
            if ttl.is_none()
                && let Ok(value) = parse_ttl(&token.raw)
            {
                ttl = Some(value);
            } else if is_class(&token.raw) {
                if !token.raw.eq_ignore_ascii_case("IN") {
                    return Err(err(
                        line,
                        format!("only class IN is served, not {}", token.raw),
                    ));
                }
            } else {
                rtype =
                    Some(parse_record_type(&token.raw).ok_or_else(|| {
                        err(line, format!("unknown record type {:?}", token.raw))
                    })?);
                break;
            }
        }
        let rtype = rtype.ok_or_else(|| err(line, "record has no type"))?;
        if let Some(value) = ttl {
            last_ttl = Some(value);
        }
        let ttl = ttl
            .or(default_ttl)
            .or(last_ttl)
            .ok_or_else(|| err(line, "no TTL and no $TTL"))?;
        let data = build_rdata(&owner, ttl, rtype, rest, &current_origin, line)?;
        last_owner = Some(owner.clone());
        records.push(Record::from_rdata(owner, ttl, data));
    }

    let origin = zone_origin
        .or(default_origin)
        .ok_or_else(|| err(1, "no $ORIGIN and no origin from the file name"))?;
    Ok(ParsedZone { origin, records })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ParsedZone {
        parse_zone(text, Some(Name::from_ascii("example.com.").unwrap())).unwrap()
    }

    #[test]
    fn txt_strings_and_escapes_are_exact() {
        let zone = parse("@ 300 IN TXT \"v=spf1 \" \"-all\" \"a\\\"b\\\\c\\255\"\n");
        let RData::TXT(txt) = &zone.records[0].data else {
            panic!("not TXT")
        };
        let strings: Vec<&[u8]> = txt.txt_data.iter().map(|s| &s[..]).collect();
        assert_eq!(strings, vec![&b"v=spf1 "[..], b"-all", b"a\"b\\c\xff"]);
    }

    #[test]
    fn multiline_soa_relative_names_and_defaults() {
        let zone = parse(
            "$TTL 1h\n@ IN SOA ns1 hostmaster (\n 1 ; serial\n 2 3 4 5 )\n  MX 10 mail\nwww A 192.0.2.1\n",
        );
        assert_eq!(zone.records.len(), 3);
        assert_eq!(zone.records[0].ttl, 3600);
        assert_eq!(zone.records[1].name.to_ascii(), "example.com.");
        let RData::MX(mx) = &zone.records[1].data else {
            panic!("not MX")
        };
        assert_eq!(mx.exchange.to_ascii(), "mail.example.com.");
        assert_eq!(zone.records[2].name.to_ascii(), "www.example.com.");
    }

    #[test]
    fn origin_directive_wins_over_file_name() {
        let zone = parse("$ORIGIN example.org.\n@ 60 A 192.0.2.1\n");
        assert_eq!(zone.origin.to_ascii(), "example.org.");
        assert_eq!(zone.records[0].name.to_ascii(), "example.org.");
    }

    #[test]
    fn spf_type_and_generic_types() {
        let zone = parse(
            "@ 60 SPF \"v=spf1 -all\"\n@ 60 TYPE65400 \\# 3 abcdef\n@ 60 TYPE1 \\# 4 c0000201\n",
        );
        assert_eq!(zone.records[0].record_type(), RecordType::from(99));
        let RData::Unknown { rdata, .. } = &zone.records[0].data else {
            panic!("not unknown")
        };
        assert_eq!(rdata.anything, b"\x0bv=spf1 -all");
        assert_eq!(zone.records[1].record_type(), RecordType::from(65400));
        assert!(matches!(zone.records[2].data, RData::A(_)));
    }

    #[test]
    fn errors_name_the_line() {
        let error = parse_zone("@ 60 A 192.0.2.1\n@ 60 BOGUS x\n", Some(Name::root())).unwrap_err();
        assert_eq!(error.line, 2);
        assert!(parse_zone("@ 60 TXT \"open\n", Some(Name::root())).is_err());
    }
}
