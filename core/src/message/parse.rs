//! The header block of a pasted message (RFC 5322 §2.2: `field-name ":"
//! unstructured`, folded lines begin with whitespace) and the fields the checks
//! read from it.

use std::net::IpAddr;

use super::received::{Received, parse_received};
use super::{AuthResult, AuthResults, DkimSignature, Entry, EntrySource, MessageFacts};
use crate::dkim::tags::parse_tag_list;

/// One header field, unfolded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The field name as written.
    pub name: String,
    /// The value, unfolded (line breaks before whitespace removed), trimmed.
    pub value: String,
}

/// Whether `line` starts a header field: `field-name ":"`, where a field name is
/// printable ASCII without colon or space (RFC 5322 §3.6.8).
fn is_field_line(line: &str) -> bool {
    match line.split_once(':') {
        Some((name, _)) => {
            !name.is_empty() && name.bytes().all(|b| (33..=126).contains(&b) && b != b':')
        }
        None => false,
    }
}

/// The byte offset where the header block starts: text copied from a web page may
/// carry a title or blank lines above the first field.
fn header_start(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if is_field_line(line.trim_end_matches(['\r', '\n'])) {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

/// Splits `text` into its unfolded header fields and the body (what follows the
/// first empty line; empty when there is none).
pub fn split_headers(text: &str) -> (Vec<Header>, &str) {
    let text = &text[header_start(text)..];
    let mut headers: Vec<Header> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        let bare = line.trim_end_matches(['\r', '\n']);
        if bare.trim().is_empty() {
            trim_values(&mut headers);
            return (headers, &text[offset..]);
        }
        if bare.starts_with([' ', '\t']) {
            if let Some(last) = headers.last_mut() {
                last.value.push_str(bare);
            }
            continue;
        }
        if let Some((name, value)) = bare.split_once(':')
            && is_field_line(bare)
        {
            headers.push(Header {
                name: name.to_owned(),
                value: value.to_owned(),
            });
        }
        // Anything else in the header block is not a field; receivers would
        // refuse it, we skip it.
    }
    trim_values(&mut headers);
    (headers, "")
}

fn trim_values(headers: &mut [Header]) {
    for h in headers {
        h.value = h.value.trim().to_owned();
    }
}

/// The body of `text`: what follows the header block.
pub fn body_of(text: &str) -> &str {
    split_headers(text).1
}

/// `text` as it travelled: from the first header field on, with every line ending
/// CRLF (text areas and clipboards turn them into LF, which would break `simple`
/// canonicalisation).
pub fn verifiable_text(text: &str) -> String {
    let text = &text[header_start(text)..];
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\r', '\n']);
        out.push_str(bare);
        if line.ends_with('\n') {
            out.push_str("\r\n");
        }
    }
    // A last header line without its line break would lose its end; a body without
    // a final CRLF gets one in both canonicalisations anyway (RFC 6376 §3.4.3, §3.4.4).
    if !out.is_empty() && !out.ends_with("\r\n") {
        out.push_str("\r\n");
    }
    out
}

/// Reads the facts from a pasted message.
pub fn parse(text: &str) -> MessageFacts {
    let (headers, body) = split_headers(text);
    let named = |name: &'static str| named(&headers, name);
    let received: Vec<Received> = named("Received")
        .map(|h| parse_received(&h.value))
        .collect();
    let signatures = named("DKIM-Signature")
        .map(|h| dkim_signature(&h.value))
        .collect();
    let auth_results: Vec<AuthResults> = named("Authentication-Results")
        .map(|h| auth_results(&h.value))
        .collect();
    let from: Vec<String> = named("From").flat_map(|h| addresses(&h.value)).collect();
    let from_domain = from.first().and_then(|a| domain_of(a));
    let return_path = named("Return-Path")
        .next()
        .map(|h| addresses(&h.value).into_iter().next().unwrap_or_default());
    let return_path_domain = return_path.as_deref().and_then(domain_of);
    let first = |name: &'static str| named(name).next().map(|h| h.value.clone());

    // The receiver's own statements of the client IP: its Received-SPF
    // (`client-ip=`, RFC 7208 §9.1) and Authentication-Results comments.
    let spf_header = named("Received-SPF").next().map(|h| received_spf(&h.value));
    let claimed_ip = spf_header
        .as_ref()
        .and_then(|(ip, _)| *ip)
        .or_else(|| auth_results_ip(named("Authentication-Results").next()));
    let entry = find_entry(&received, claimed_ip).or_else(|| {
        claimed_ip.map(|ip| Entry {
            ip,
            helo: spf_header.as_ref().and_then(|(_, helo)| helo.clone()),
            rdns: None,
            by: None,
            hop: None,
            source: EntrySource::AuthHeaders,
        })
    });
    MessageFacts {
        header_count: headers.len(),
        has_body: !body.trim().is_empty(),
        entry,
        received,
        signatures,
        auth_results,
        from,
        from_domain,
        return_path,
        return_path_domain,
        list_unsubscribe: first("List-Unsubscribe"),
        list_unsubscribe_post: first("List-Unsubscribe-Post"),
    }
}

/// The fields called `name`, in order.
fn named<'h>(headers: &'h [Header], name: &'h str) -> impl Iterator<Item = &'h Header> {
    headers
        .iter()
        .filter(move |h| h.name.eq_ignore_ascii_case(name))
}

/// Whether an address is one of a receiver's internal hops rather than the
/// Internet: private, loopback, link-local, CGNAT, unique-local… (documentation
/// ranges are kept: they stand for public addresses in examples and tests).
fn is_internal(ip: IpAddr) -> bool {
    crate::server::ranges::special_range(ip).is_some_and(|(code, _)| code != "documentation")
}

fn org(name: &str) -> Option<String> {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    if name.parse::<IpAddr>().is_ok() || !name.contains('.') {
        return None;
    }
    Some(crate::suffix::registrable_domain(&name).unwrap_or(name))
}

/// The hop where the message entered the receiver. Received headers are
/// prepended, so the newest is first. When the receiver named the client IP
/// (`claimed`), the newest hop from that IP is the entry. Otherwise walk down
/// from the newest: hops from internal addresses, and hops between hosts of the
/// domains the receiver's own `by` hosts belong to, are the receiver's inside;
/// the first hop from elsewhere is where the message came in.
fn find_entry(received: &[Received], claimed: Option<IpAddr>) -> Option<Entry> {
    let entry = |i: usize, r: &Received, source| {
        r.ip.map(|ip| Entry {
            ip,
            helo: r.helo.clone(),
            rdns: r.rdns.clone(),
            by: r.by.clone(),
            hop: Some(i),
            source,
        })
    };
    if let Some(ip) = claimed
        && let Some((i, r)) = received.iter().enumerate().find(|(_, r)| r.ip == Some(ip))
    {
        return entry(i, r, EntrySource::ReceivedConfirmed);
    }
    let mut inside: Vec<String> = Vec::new();
    for (i, r) in received.iter().enumerate() {
        if let Some(by) = r.by.as_deref().and_then(org)
            && !inside.contains(&by)
        {
            inside.push(by);
        }
        let Some(ip) = r.ip else { continue };
        if is_internal(ip) {
            continue;
        }
        let client_orgs: Vec<String> = [r.rdns.as_deref(), r.helo.as_deref()]
            .into_iter()
            .flatten()
            .filter_map(org)
            .collect();
        // A hop is internal when the client's verified name (reverse DNS) is in
        // the receiver's domains; without one, when its HELO is.
        let internal = client_orgs.first().is_some_and(|o| inside.contains(o));
        if !internal {
            return entry(i, r, EntrySource::Received);
        }
    }
    None
}

/// `client-ip=` and `helo=` of a Received-SPF header (RFC 7208 §9.1:
/// `key-value-list`, after the result and an optional comment).
fn received_spf(value: &str) -> (Option<IpAddr>, Option<String>) {
    let text = strip_comments(value);
    let mut ip = None;
    let mut helo = None;
    for pair in text.split(';').flat_map(|p| p.split_whitespace()) {
        if let Some((k, v)) = pair.split_once('=') {
            let v = v.trim().trim_matches('"');
            match k.trim().to_ascii_lowercase().as_str() {
                "client-ip" => ip = v.parse().ok(),
                "helo" if !v.is_empty() => helo = Some(v.to_ascii_lowercase()),
                _ => {}
            }
        }
    }
    (ip, helo)
}

/// The client IP an Authentication-Results header names: `smtp.remote-ip=` or
/// `policy.iprev=`, or in the comments receivers write ("designates 192.0.2.1 as
/// permitted sender" — Gmail; "sender IP is 192.0.2.1" — Microsoft).
fn auth_results_ip(header: Option<&Header>) -> Option<IpAddr> {
    let value = &header?.value;
    for key in ["smtp.remote-ip=", "policy.iprev=", "client-ip="] {
        if let Some(pos) = value.to_ascii_lowercase().find(key) {
            let rest = &value[pos + key.len()..];
            let token: String = rest
                .chars()
                .take_while(|c| c.is_ascii_hexdigit() || *c == '.' || *c == ':')
                .collect();
            if let Ok(ip) = token.parse() {
                return Some(ip);
            }
        }
    }
    let lower = value.to_ascii_lowercase();
    for before in ["designates ", "sender ip is "] {
        if let Some(pos) = lower.find(before) {
            let rest = &value[pos + before.len()..];
            let token = rest
                .split(|c: char| c.is_whitespace() || c == ')' || c == ';')
                .next()
                .unwrap_or_default();
            if let Ok(ip) = token.parse() {
                return Some(ip);
            }
        }
    }
    None
}

/// `text` without its RFC 5322 comments (nested parentheses, with `\` quoting).
pub(crate) fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut escaped = false;
    let mut quoted = false;
    for c in text.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                if depth == 0 {
                    out.push(c);
                }
            }
            '"' if depth == 0 => {
                quoted = !quoted;
                out.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(' ');
                }
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn dkim_signature(value: &str) -> DkimSignature {
    let (tags, _) = parse_tag_list(value);
    let get = |name: &str| {
        tags.iter()
            .find(|t| t.key() == name)
            .map(|t| t.value.split_whitespace().collect::<String>())
    };
    let number = |name: &str| get(name).and_then(|v| v.parse::<u64>().ok());
    let missing = ["v", "a", "b", "bh", "d", "h", "s"]
        .iter()
        .filter(|n| get(n).is_none_or(|v| v.is_empty()))
        .map(|n| (*n).to_owned())
        .collect();
    DkimSignature {
        domain: get("d").unwrap_or_default().to_ascii_lowercase(),
        selector: get("s").unwrap_or_default().to_ascii_lowercase(),
        algorithm: get("a").unwrap_or_default().to_ascii_lowercase(),
        canonicalization: get("c").unwrap_or_else(|| "simple/simple".to_owned()),
        headers: get("h")
            .map(|h| {
                h.split(':')
                    .map(|n| n.trim().to_ascii_lowercase())
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        auid: get("i"),
        body_length: number("l"),
        timestamp: number("t"),
        expires: number("x"),
        missing,
    }
}

fn auth_results(value: &str) -> AuthResults {
    let text = strip_comments(value);
    let mut parts: Vec<&str> = text.split(';').collect();
    // Microsoft 365 leaves out the authserv-id and starts with the first result.
    let first = parts.first().copied().unwrap_or_default();
    let authserv_id = if first
        .split_whitespace()
        .next()
        .is_some_and(|w| w.contains('='))
    {
        String::new()
    } else {
        parts.remove(0);
        first
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let mut results = Vec::new();
    for part in parts {
        let mut words = part.split_whitespace();
        let Some((method, result)) = words.next().and_then(|w| w.split_once('=')) else {
            continue;
        };
        let properties = words
            .filter_map(|w| w.split_once('='))
            .filter(|(k, _)| k.contains('.'))
            .map(|(k, v)| (k.to_ascii_lowercase(), v.trim_matches('"').to_owned()))
            .collect();
        results.push(AuthResult {
            method: method.to_ascii_lowercase(),
            result: result.to_ascii_lowercase(),
            properties,
        });
    }
    AuthResults {
        authserv_id,
        results,
    }
}

/// The addr-specs of an address list: `<…>` items, else bare `local@domain` words.
fn addresses(value: &str) -> Vec<String> {
    let text = strip_comments(value);
    let mut out = Vec::new();
    for item in split_address_list(&text) {
        let item = item.trim();
        let addr = match (item.rfind('<'), item.rfind('>')) {
            (Some(l), Some(r)) if l < r => item[l + 1..r].trim().to_owned(),
            _ => item
                .split_whitespace()
                .find(|w| w.contains('@'))
                .unwrap_or_default()
                .to_owned(),
        };
        if !addr.is_empty() || item.contains("<>") {
            out.push(addr);
        }
    }
    out
}

/// Splits at commas outside quoted strings and angle brackets.
fn split_address_list(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut quoted, mut angle, mut start) = (false, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '<' if !quoted => angle = true,
            '>' if !quoted => angle = false,
            ',' if !quoted && !angle => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

fn domain_of(address: &str) -> Option<String> {
    let (_, domain) = address.rsplit_once('@')?;
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    (!domain.is_empty()).then_some(domain)
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
